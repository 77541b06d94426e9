"""Evaluating a compiled rule set on one enriched article: which rules fire, with the spans that show why."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from services.coder.tokens import Token, TokenText, tokenize
from services.models import Alert, EnrichedArticle, MatchedSpan
from services.rules.compile import RuleSet
from services.rules.doc import Doc, Hits
from services.rules.groups import group_keys
from services.rules.load import Rule
from services.rules.plan import Plan, plan_of
from services.rules.render import Rendering, keep

# matched spans are listed most telling first: proximity and regex hits, places, phrases, then context
_SPECIFICITY = {"near": 0, "regex": 0, "place": 1, "phrase": 2}


def _telling(span: MatchedSpan) -> tuple[int, int]:
    """Sort key of a matched span: most telling kind first (the first word of its `why`), then position."""
    return _SPECIFICITY.get(span.why.split(" ", 1)[0], 3), span.start


def evaluate(rules: RuleSet, article: EnrichedArticle, text: str, now: datetime | None = None,
             tokens: list[Token] | None = None, index: TokenText | None = None) -> list[Alert]:
    """The rules that match one enriched article, as alerts (windows and dedupe are the alerter's)."""
    tokens = tokens if tokens is not None else tokenize(text)
    index = index if index is not None else TokenText(tokens)
    doc = Doc(text=text, tokens=tokens, hits=Hits(rules, index), article=article)
    created = now or datetime.now(UTC)
    found = doc.hits.found
    single, first, second = rules.route or ([], [], [])  # set operations and maps in C, no Python loop
    maybe = set(rules.always).union(*map(single.__getitem__, found))
    maybe |= set().union(*map(first.__getitem__, found)) & set().union(*map(second.__getitem__, found))
    alerts = []
    renderings: dict[str, Rendering] = {}
    for rule in (rules.rules[i] for i in sorted(maybe)):
        req = rule.required
        if len(req) > 2 and any(g.isdisjoint(found) for g in req[2:]):
            continue
        plan = rule.plan or plan_of(rule.match)  # a rule not from compile_rules is planned here
        if plan.check(doc):
            alert, renderings[alert.alert_id] = _alert(rule, plan, doc, created)
            alerts.append(alert)
    keep(article, renderings)  # replaces what an earlier evaluate() of this article kept
    return alerts


def _alert(rule: Rule, plan: Plan, doc: Doc, created: datetime) -> tuple[Alert, Rendering]:
    """The alert of a rule that holds: its spans, the events and actors of their sentences, its text."""
    article = doc.article
    spans: list[MatchedSpan] = []
    plan.explain(doc, spans)
    # the words that made the rule fire come first, actor and event context after them (one span, the
    # commonest case at loose rules, is already unique and sorted)
    uniq = sorted({(s.start, s.end): s for s in spans}.values(), key=_telling)[:20] if len(spans) > 1 else spans
    # the events whose sentence holds the start of a span
    event_ids, involved = doc.sentences().holding(sorted(s.start for s in uniq), 20) if uniq else ([], [])
    actors = sorted({a for ev in involved for a in (ev.source.code, ev.target.code if ev.target else None) if a})
    rendering = Rendering(template=rule.text, title=rule.title, article_title=article.title or article.id,
                          matches="; ".join(s.text for s in uniq[:3]), actors=", ".join(actors),
                          severity=rule.severity, rule_id=rule.id,
                          keys=tuple(group_keys(rule, involved, uniq, article)))
    alert = Alert(
        alert_id=hashlib.sha1(f"{rule.id}|{rule.version}|{article.id}".encode()).hexdigest()[:20],
        rule_id=rule.id, rule_version=rule.version, severity=rule.severity,  # type: ignore[arg-type]
        title=rule.title, text=rendering.text(), article_id=article.id, url=article.url, matches=uniq,
        tags=list(rule.tags), actors=actors, event_ids=event_ids, plover_types=sorted({ev.plover for ev in involved
                                                                                       if ev.plover}),
        created_at=created,
    )
    return alert, rendering
