"""The condition tree of a rule: one typed model per condition kind, a discriminated union on `kind`.

Each kind answers three questions itself: `check` (does it hold? the cheap yes/no every candidate rule is
asked), `explain` (does it hold, and which spans show it: asked only of rules that fire) and `required`
(which groups of phrases must occur for it to hold: what routes an article to the rule). The loader
(services/rules/load.py) builds the tree from YAML and says what is wrong with file, line and field; after
that nothing walks an untyped mapping. Evaluation asks the same questions of each rule's plan
(services/rules/plan.py: the bound tree as plain objects), which calls the functions below that the
phrase and near models call too.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from typing import Annotated, Any, Literal, Protocol, Self

import re2
from pydantic import BaseModel, ConfigDict, Field

from services.models import Actor, Event, MatchedSpan
from services.rules.doc import Doc


def near_pairs(a_hits: list[tuple[int, int]], b_hits: list[tuple[int, int]], within: int,
               first_only: bool = False) -> list[tuple[int, int]]:
    """The (i, j) with a_hits[i] and b_hits[j] at most `within` words apart (not overlapping), in (i, j)
    order. Each a looks up the b's that start in the `within` words after it and those that end in the
    `within` words before it in two sorted lists: linear in the hits plus the pairs found (comparing every
    pair took 361 s for "arms " x 52,348 + "deal " x 52,348)."""
    by_first = sorted((bf, j) for j, (bf, _) in enumerate(b_hits))
    by_last = sorted((bl, j) for j, (_, bl) in enumerate(b_hits))
    firsts = [x for x, _ in by_first]
    lasts = [x for x, _ in by_last]
    pairs: list[tuple[int, int]] = []
    for i, (af, al) in enumerate(a_hits):
        # b after a: gap = bf - al in [0, within]; b before a: gap = af - bl in [0, within] (so bf < al)
        found = [j for _, j in by_first[bisect_left(firsts, al) : bisect_right(firsts, al + within)]]
        found += [j for _, j in by_last[bisect_left(lasts, af - within) : bisect_right(lasts, af)]]
        if found and first_only:
            return [(i, found[0])]
        pairs.extend((i, j) for j in sorted(found))
    return pairs


def phrase_spans(doc: Doc, phrases: Iterable[tuple[str, str]], out: list[MatchedSpan]) -> bool:
    """Whether any of the phrases has a hit, appending a span per hit; `phrases`: (phrase, why) pairs."""
    ok = False
    get, span = doc.hits.get, doc.span
    for ph, why in phrases:
        for first, last in get(ph, ()):
            out.append(span(first, last, why))
            ok = True
    return ok


def near_check(doc: Doc, a: tuple[str, ...], b: tuple[str, ...], within: int) -> bool:
    """Whether a phrase of `a` is at most `within` words from a phrase of `b` (no spans made)."""
    get = doc.hits.get  # inlined: this runs for most candidate rules of a large set
    b_hits = [h for ph in b for h in get(ph, ())]
    if not b_hits:
        return False
    return bool(near_pairs([h for ph in a for h in get(ph, ())], b_hits, within, True))


def near_spans(doc: Doc, a: tuple[str, ...], b: tuple[str, ...], within: int, why: str,
               out: list[MatchedSpan]) -> bool:
    """Like near_check, appending a span (from the first word of the pair to the last) per pair found."""
    get = doc.hits.get
    a_hits = [h for ph in a for h in get(ph, ())]
    b_hits = [h for ph in b for h in get(ph, ())]
    pairs = near_pairs(a_hits, b_hits, within)
    for i, j in pairs:
        (af, al), (bf, bl) = a_hits[i], b_hits[j]
        out.append(doc.span(min(af, bf), max(al, bl), why))
    return bool(pairs)


class Explains(Protocol):
    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool: ...


def explain_any(parts: Iterable[Explains], doc: Doc, out: list[MatchedSpan]) -> bool:
    """Whether one of the alternatives holds; every one that holds shows its spans, not only the first (shared
    by the AnyOf model and its plan)."""
    found = False
    for p in parts:
        found = p.explain(doc, out) or found
    return found


def re2_options() -> Any:
    """Case-insensitive, no capture groups: rules only ask where a pattern occurs."""
    opts = re2.Options()
    opts.case_sensitive = False
    opts.never_capture = True
    return opts


_COMPILED: dict[str, Any] = {}  # pattern -> RE2 object, shared by every rule set (patterns are few)


def compiled_regex(pattern: str) -> Any:
    """The RE2 object for a pattern, compiled once per process; raises whatever RE2 raises."""
    rx = _COMPILED.get(pattern)
    if rx is None:
        rx = _COMPILED[pattern] = re2.compile(pattern, options=re2_options())
    return rx


class _Node(BaseModel):
    """Defaults every kind shares: no phrases needed, no events asked for, nothing to bind."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def check(self, doc: Doc) -> bool:
        """Whether the condition holds; the same answer as `explain` (subclasses make it cheaper)."""
        return self.explain(doc, [])

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        """Whether the condition holds, appending to `out` the spans that show it."""
        raise NotImplementedError

    def phrases(self) -> Iterator[str]:
        """Every phrase the condition looks for (under `not` too): the automaton is built from them."""
        return iter(())

    def required(self) -> list[set[str]] | None:
        """Groups of phrases such that each group must have a hit for the condition to hold (None: no need).

        This keeps rule evaluation cheap as rule sets grow: a rule is looked at only when every group of its
        phrases occurs in the article ("near a b" needs both a and b)."""
        return None

    def events(self) -> list[EventIs]:
        """The event conditions the rule asks to hold (those under `not` ask the opposite: left out)."""
        return []

    def bind(self, phrase_keys: Mapping[str, list[int]]) -> Self:
        """The condition with its phrases resolved to automaton keys, once per compiled rule set."""
        return self


class All(_Node):
    kind: Literal["all"] = "all"
    conditions: tuple[Condition, ...] = Field(min_length=1)

    def check(self, doc: Doc) -> bool:
        return all(c.check(doc) for c in self.conditions)

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        return all(c.explain(doc, out) for c in self.conditions)

    def phrases(self) -> Iterator[str]:
        for c in self.conditions:
            yield from c.phrases()

    def required(self) -> list[set[str]] | None:
        groups = [g for r in (c.required() for c in self.conditions) if r is not None for g in r]
        return groups or None

    def events(self) -> list[EventIs]:
        return [e for c in self.conditions for e in c.events()]

    def bind(self, phrase_keys: Mapping[str, list[int]]) -> Self:
        return self.model_copy(update={"conditions": tuple(c.bind(phrase_keys) for c in self.conditions)})


class AnyOf(_Node):
    kind: Literal["any"] = "any"
    conditions: tuple[Condition, ...] = Field(min_length=1)

    def check(self, doc: Doc) -> bool:
        return any(c.check(doc) for c in self.conditions)

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        return explain_any(self.conditions, doc, out)

    def phrases(self) -> Iterator[str]:
        for c in self.conditions:
            yield from c.phrases()

    def required(self) -> list[set[str]] | None:
        parts = [c.required() for c in self.conditions]
        if any(p is None for p in parts):
            return None
        # any-of: at least one child's first group must hit
        return [set().union(*[p[0] for p in parts if p])]

    def events(self) -> list[EventIs]:
        return [e for c in self.conditions for e in c.events()]

    def bind(self, phrase_keys: Mapping[str, list[int]]) -> Self:
        return self.model_copy(update={"conditions": tuple(c.bind(phrase_keys) for c in self.conditions)})


class Not(_Node):
    kind: Literal["not"] = "not"
    condition: Condition

    def check(self, doc: Doc) -> bool:
        return not self.condition.check(doc)

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        return not self.condition.check(doc)  # what is absent has no span to show

    def phrases(self) -> Iterator[str]:
        return self.condition.phrases()

    def bind(self, phrase_keys: Mapping[str, list[int]]) -> Self:
        return self.model_copy(update={"condition": self.condition.bind(phrase_keys)})


class Phrase(_Node):
    """Any of the phrases, case-insensitive, whole words, singular or plural."""

    kind: Literal["phrase"] = "phrase"
    any_of: tuple[str, ...] = Field(min_length=1)
    keys: frozenset[int] = Field(default=frozenset(), exclude=True)  # automaton keys, set by bind()

    def check(self, doc: Doc) -> bool:
        return not self.keys.isdisjoint(doc.hits.found)

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        return phrase_spans(doc, [(ph, f"phrase {ph!r}") for ph in self.any_of], out)

    def phrases(self) -> Iterator[str]:
        return iter(self.any_of)

    def required(self) -> list[set[str]] | None:
        return [set(self.any_of)]

    def bind(self, phrase_keys: Mapping[str, list[int]]) -> Self:
        return self.model_copy(update={"keys": frozenset(k for ph in self.any_of for k in phrase_keys.get(ph, ()))})


class Near(_Node):
    """A phrase of `a` at most `within` words from a phrase of `b`."""

    kind: Literal["near"] = "near"
    a: tuple[str, ...] = Field(min_length=1)
    b: tuple[str, ...] = Field(min_length=1)
    within: int = Field(default=10, ge=0)
    why: str = ""  # how the spans explain themselves, as written: "near 'weapon' ~10 ['coast guard']"

    def check(self, doc: Doc) -> bool:
        return near_check(doc, self.a, self.b, self.within)

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        return near_spans(doc, self.a, self.b, self.within, self.shown(), out)

    def shown(self) -> str:
        """How its spans explain themselves: as written, or made up for a Near built in code."""
        return self.why or f"near {list(self.a)!r} ~{self.within} {list(self.b)!r}"

    def phrases(self) -> Iterator[str]:
        yield from self.a
        yield from self.b

    def required(self) -> list[set[str]] | None:
        return [set(self.a), set(self.b)]


class Regex(_Node):
    """An RE2 pattern over the text (linear time), case-insensitive."""

    kind: Literal["regex"] = "regex"
    pattern: str = Field(min_length=1)

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        ok = False
        for m in compiled_regex(self.pattern).finditer(doc.text):
            out.append(MatchedSpan(start=m.start(), end=m.end(), text=m.group(), why=f"regex {self.pattern!r}"))
            ok = True
        return ok


class Who(BaseModel):
    """Which actors fit: any of the countries (or code prefixes) and any of the agents; empty: any."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    countries: frozenset[str] = frozenset()
    agents: frozenset[str] = frozenset()

    def fits(self, actor: Actor | None) -> bool:
        if actor is None:
            return False
        return (not self.countries or actor.country in self.countries or actor.code[:3] in self.countries) and (
            not self.agents or bool(self.agents & set(actor.agents)))


class ActorIs(_Node):
    """An actor that fits `who`: anywhere (role any), or as the source or target of an event."""

    kind: Literal["actor"] = "actor"
    who: Who = Who()
    role: Literal["any", "source", "target"] = "any"

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        ok = False
        if self.role == "any":
            for a in doc.article.actors:
                if self.who.fits(a) and a.span is not None:
                    out.append(MatchedSpan(start=a.span.start, end=a.span.end, text=a.text, why=f"actor {a.code}"))
                    ok = True
            return ok
        for ev in doc.article.events:
            who = ev.source if self.role == "source" else ev.target
            if self.who.fits(who):
                out.append(MatchedSpan(start=ev.sentence_span.start, end=ev.sentence_span.end, text=ev.sentence,
                                       why=f"{self.role} {who.code if who else ''} of {ev.plover or ev.cameo}"))
                ok = True
        return ok


class EventIs(_Node):
    """A coded event of these types, codes, Goldstein range and actors."""

    kind: Literal["event"] = "event"
    plover: tuple[str, ...] = ()
    cameo_prefix: tuple[str, ...] = ()
    goldstein_max: float | None = None
    goldstein_min: float | None = None
    source: Who | None = None
    target: Who | None = None
    between_states: bool = False

    def fits(self, ev: Event) -> bool:
        if self.plover and ev.plover not in self.plover:
            return False
        if self.cameo_prefix and not ev.cameo.startswith(self.cameo_prefix):
            return False
        if self.goldstein_max is not None and ev.goldstein > self.goldstein_max:
            return False
        if self.goldstein_min is not None and ev.goldstein < self.goldstein_min:
            return False
        if self.source is not None and not self.source.fits(ev.source):
            return False
        if self.target is not None and not self.target.fits(ev.target):
            return False
        return not self.between_states or bool(
            ev.target is not None and ev.source.country and ev.target.country
            and ev.source.country != ev.target.country)

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        ok = False
        for ev in doc.article.events:
            if self.fits(ev):
                why = f"event {ev.plover} {ev.source.code}->{ev.target.code if ev.target else '-'}"
                out.append(MatchedSpan(start=ev.sentence_span.start, end=ev.sentence_span.end, text=ev.sentence,
                                       why=why))
                ok = True
        return ok

    def events(self) -> list[EventIs]:
        return [self]


class PlaceIs(_Node):
    """A located place among `names` (lower case: the names given and every place within the regions)."""

    kind: Literal["place"] = "place"
    names: frozenset[str]

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        ok = False
        for loc in doc.article.locations:
            if loc.name.lower() in self.names and loc.span is not None:
                out.append(MatchedSpan(start=loc.span.start, end=loc.span.end, text=loc.text, why=f"place {loc.name}"))
                ok = True
        return ok


class FieldIs(_Node):
    """Article fields (source, language, ...) equal to one of the values, case-insensitive; shows no span."""

    kind: Literal["field"] = "field"
    values: tuple[tuple[str, frozenset[str]], ...] = ()  # (field, lower-case values)

    def explain(self, doc: Doc, out: list[MatchedSpan]) -> bool:
        return all(str(getattr(doc.article, k, None) or "").lower() in allowed for k, allowed in self.values)


Condition = Annotated[All | AnyOf | Not | Phrase | Near | Regex | ActorIs | EventIs | PlaceIs | FieldIs,
                      Field(discriminator="kind")]
KINDS = ("all", "any", "not", "phrase", "near", "regex", "actor", "event", "place", "field")

for _model in (All, AnyOf, Not):
    _model.model_rebuild()
