"""What evaluation runs: a rule's bound condition tree copied into plain slots objects, once per compiled set.

The pydantic condition models (conditions.py) stay the validated, typed form of a rule. They are slow to
read in a hot loop: BaseModel defines `__getattr__`, so every attribute or method lookup on one takes the
interpreter's generic path, and a 10,000-rule set asks ~20 candidates per article (~460 at loose rules).
A plan holds the same fields as plain slots and calls the same functions (`near_spans`, `phrase_spans`;
`near_check` inlined), so it answers exactly what the tree answers (tests/test_rules_routing.py compares
the two on random rule sets); kinds that read the article's own pydantic objects anyway (regex, actor,
event, place, field) are asked through their node.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.models import MatchedSpan
from services.rules.conditions import (
    All,
    AnyOf,
    Condition,
    Near,
    Not,
    Phrase,
    explain_any,
    near_pairs,
    near_spans,
    phrase_spans,
)
from services.rules.doc import Doc


class Plan:
    """A condition as evaluation asks it: `check` (does it hold?) and `explain` (with the spans that show it)."""

    __slots__ = ()

    def check(self, doc: Doc) -> bool:
        return self.explain(doc, [])

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        raise NotImplementedError


@dataclass(slots=True)
class _Phrase(Plan):
    keys: frozenset[int]
    whys: tuple[tuple[str, str], ...]  # (phrase, how its spans explain themselves)

    def check(self, doc: Doc) -> bool:
        return not self.keys.isdisjoint(doc.hits.found)

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        return phrase_spans(doc, self.whys, out)


@dataclass(slots=True)
class _Near(Plan):
    a: tuple[str, ...]
    b: tuple[str, ...]
    within: int
    why: str

    def check(self, doc: Doc) -> bool:
        # near_check inlined (the Near model's check): one Python call less for most candidates of a large set
        get = doc.hits.get
        b_hits = [h for ph in self.b for h in get(ph, ())]
        if not b_hits:
            return False
        return bool(near_pairs([h for ph in self.a for h in get(ph, ())], b_hits, self.within, True))

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        return near_spans(doc, self.a, self.b, self.within, self.why, out)


@dataclass(slots=True)
class _All(Plan):
    parts: tuple[Plan, ...]

    def check(self, doc: Doc) -> bool:
        return all(p.check(doc) for p in self.parts)

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        return all(p.explain(doc, out) for p in self.parts)


@dataclass(slots=True)
class _Any(Plan):
    parts: tuple[Plan, ...]

    def check(self, doc: Doc) -> bool:
        return any(p.check(doc) for p in self.parts)

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        return explain_any(self.parts, doc, out)


@dataclass(slots=True)
class _Not(Plan):
    part: Plan

    def check(self, doc: Doc) -> bool:
        return not self.part.check(doc)

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        return not self.part.check(doc)  # what is absent has no span to show


@dataclass(slots=True)
class _Node(Plan):
    node: Condition

    def check(self, doc: Doc) -> bool:
        return self.node.check(doc)

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        return self.node.explain(doc, out)


def plan_of(cond: Condition) -> Plan:
    """The plan of a bound condition (Phrase keys set by `bind`): the same answers, plain attributes."""
    if isinstance(cond, Phrase):
        return _Phrase(cond.keys, tuple((ph, f"phrase {ph!r}") for ph in cond.any_of))
    if isinstance(cond, Near):
        return _Near(cond.a, cond.b, cond.within, cond.shown())
    if isinstance(cond, All):
        return _All(tuple(plan_of(c) for c in cond.conditions))
    if isinstance(cond, AnyOf):
        return _Any(tuple(plan_of(c) for c in cond.conditions))
    if isinstance(cond, Not):
        return _Not(plan_of(cond.condition))
    return _Node(cond)
