"""Group keys: what a stateful rule keeps its windows, first-seen keys and dedupe under, per article."""

from __future__ import annotations

from collections.abc import Sequence

from services.models import EnrichedArticle, Event, MatchedSpan
from services.rules.load import Rule


def _dyad(ev: Event) -> str:
    src = ev.source.country or ev.source.code[:3]
    tgt = (ev.target.country or ev.target.code[:3]) if ev.target else "-"
    return f"{src}|{tgt}"


def show_key(keys: Sequence[str]) -> str:
    """How group keys read in an alert text: "IRQ -> USA" for a dyad, "*" (no grouping) as nothing."""
    return ", ".join(" -> ".join(k.split("|")) for k in keys if k != "*")


def group_keys(rule: Rule, involved: Sequence[Event], matches: Sequence[MatchedSpan],
               article: EnrichedArticle) -> list[str]:
    """The keys a rule's state is kept under for this article (one candidate per key). `involved`: the
    events of the sentences that matched; `matches`: the alert's spans."""
    if rule.group_by == "story":
        return [article.id]
    if rule.group_by == "dyad":
        # the pairs of the events the rule asked for, not of every event in the sentences that matched
        specs = rule.match.events()
        return sorted({_dyad(ev) for ev in involved
                       if ev.target is not None and (not specs or any(sp.fits(ev) for sp in specs))})
    if rule.group_by == "source_country":
        return sorted({ev.source.country for ev in involved if ev.source.country})
    if rule.group_by == "target_country":
        return sorted({ev.target.country for ev in involved if ev.target and ev.target.country})
    if rule.group_by == "place":
        named = {m.why.removeprefix("place ") for m in matches if m.why.startswith("place ")}
        return sorted(named or {loc.name for loc in article.locations})
    return ["*"]
