"""The pure core the worker, the offline CLI and the benchmarks all call: article in, enriched article out."""

from __future__ import annotations

from datetime import datetime

from services import steps
from services.budget import coded_prefix
from services.coder.coder import CODER_VERSION, code_steps
from services.models import EnrichedArticle, NewsItem
from services.rules import RuleSet, evaluate


def enrich(item: NewsItem, rules: RuleSet, now: datetime | None = None,
           model: str | None = None) -> EnrichedArticle:
    """Code actors, places and events, then apply the (stateless part of the) alert rules the caller gives.
    `model`: the spaCy pipeline that parses the sentences that may hold an event (None: none, word order only).
    The work is bounded (services/budget.py): past the limits the article is enriched partially and says so."""
    return steps.drain(enrich_steps(item, rules, now, model))


def enrich_steps(item: NewsItem, rules: RuleSet, now: datetime | None = None,
                 model: str | None = None) -> steps.Steps[EnrichedArticle]:
    """`enrich` in steps, for the event loop (services/steps.py)."""
    text = coded_prefix(item.body)
    published = item.published_at.date() if item.published_at else None
    coded = yield from code_steps(item.id, text, published, model=model, source=item.source)
    spent = coded.spent
    spent.uncoded_chars = len(item.body) - len(text)
    article = EnrichedArticle(
        id=item.id, title=item.title, url=item.url, url_rejected=item.url_rejected, source=item.source,
        language=item.language, published_at=item.published_at, actors=coded.actors, locations=coded.locations,
        events=coded.events, sentences=coded.sentences, coder_version=CODER_VERSION, partial=spent.partial,
        uncoded_chars=spent.uncoded_chars, sentences_skipped=spent.sentences_skipped,
        hits_dropped=spent.hits_dropped, event_sentences_dropped=spent.event_sentences_dropped,
    )
    yield
    article.alerts = evaluate(rules, article, text, now=now, tokens=coded.tokens, index=coded.index)
    return article
