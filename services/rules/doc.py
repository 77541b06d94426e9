"""What conditions look at: the article, its tokens and the phrase hits of one automaton pass."""

from __future__ import annotations

import operator
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from services.budget import MAX_RULE_HITS_PER_PHRASE
from services.coder.tokens import Token, TokenText
from services.models import EnrichedArticle, Event, MatchedSpan

if TYPE_CHECKING:
    from services.rules.compile import RuleSet

_SECOND = operator.itemgetter(1)


class Hits:
    """Phrase -> token spans, made only for the phrases a candidate rule asks about; which automaton keys
    occur at all is known from one pass without building any span."""

    __slots__ = ("_cache", "_ends", "_matches", "_rules", "_tok", "found")

    def __init__(self, rules: RuleSet, index: TokenText) -> None:
        self._rules = rules
        self._tok = index.end_to_tok
        self._cache: dict[str, list[tuple[int, int]]] = {}
        self._ends: dict[int, list[int]] | None = None
        # the hot path: the matches are listed and their keys collected in C; grouping waits for a candidate
        self._matches: list[tuple[int, int]] = (list(rules.automaton.iter(index.text))
                                                if rules.automaton is not None else [])
        self.found: set[int] = set(map(_SECOND, self._matches))

    def get(self, phrase: str, default: tuple[()] = ()) -> list[tuple[int, int]] | tuple[()]:
        spans = self._cache.get(phrase)
        if spans is None:  # the first MAX_RULE_HITS_PER_PHRASE in text order (services/budget.py)
            found = sorted(self.spans_of(self._rules.phrase_keys.get(phrase, ())))
            spans = self._cache[phrase] = found[:MAX_RULE_HITS_PER_PHRASE]
        return spans or default

    def spans_of(self, keys: Iterable[int]) -> list[tuple[int, int]]:
        """Token spans (first, last + 1) of the matches of these automaton keys, unsorted."""
        ends = self._ends
        if ends is None:  # each key's match ends, grouped once per article when a candidate first asks
            ends = self._ends = {}
            for end, k in self._matches:
                got = ends.get(k)
                if got is None:
                    ends[k] = [end]
                else:
                    got.append(end)
        tok, lengths = self._tok, self._rules.lengths
        spans: list[tuple[int, int]] = []
        for k in keys:
            got = ends.get(k)
            if got is not None:
                n = lengths[k] - 1
                for end in got:
                    t = tok[end]  # keys are padded with spaces, so every match ends right after a token
                    spans.append((t - n, t + 1))
        return spans


@dataclass(slots=True)
class Doc:
    """One article as every condition sees it: text, tokens, phrase hits and the enriched article."""

    text: str
    tokens: list[Token]
    hits: Hits
    article: EnrichedArticle
    _sentences: Sentences | None = field(default=None, repr=False)

    def sentences(self) -> Sentences:
        """The article's events by sentence, made when the first alert of the article asks."""
        found = self._sentences
        if found is None:
            found = self._sentences = Sentences(self.article.events)
        return found

    def span(self, first: int, last: int, why: str) -> MatchedSpan:
        """The characters of tokens first..last-1 as a matched span."""
        s, e = self.tokens[first].start, self.tokens[last - 1].end
        return MatchedSpan(start=s, end=e, text=self.text[s:e], why=why)


class Sentences:
    """Which events an alert's spans fall in, asked by every alert of an article (hundreds at loose rules).

    The events' sentence spans are read once per article (each read of a pydantic field takes the
    interpreter's slow path: BaseModel defines __getattr__). Sentences that do not overlap, as the coder
    makes them, are looked up by one bisection per span; overlapping ones by one bisection per event."""

    __slots__ = ("_ends", "_events", "_ids", "_members", "_spans", "_starts", "_unique")

    def __init__(self, events: Sequence[Event]) -> None:
        self._events = list(events)
        self._ids = [ev.event_id for ev in self._events]
        self._unique = len(set(self._ids)) == len(self._ids)
        self._spans = [(ev.sentence_span.start, ev.sentence_span.end) for ev in self._events]
        members: dict[tuple[int, int], list[int]] = {}
        for k, (first, end) in enumerate(self._spans):
            if first < end:  # an empty sentence holds nothing
                members.setdefault((first, end), []).append(k)
        ordered = sorted(members)
        disjoint = all(a[1] <= b[0] for a, b in pairwise(ordered))
        self._starts: list[int] | None = [first for first, _ in ordered] if disjoint else None
        self._ends = [end for _, end in ordered]
        self._members = [members[sp] for sp in ordered]

    def holding(self, starts: list[int], limit: int) -> tuple[list[str], list[Event]]:
        """The first `limit` event ids (article order) whose sentence holds one of `starts` (sorted), and
        the events with those ids."""
        if self._starts is None:
            n = len(starts)
            found = [k for k, (first, end) in enumerate(self._spans)
                     if (i := bisect_left(starts, first)) < n and starts[i] < end]
        else:
            found = []
            last = -1
            for s in starts:
                g = bisect_right(self._starts, s) - 1
                if g >= 0 and g != last and s < self._ends[g]:
                    found += self._members[g]
                    last = g
            if last >= 0 and len(found) > len(self._members[last]):  # more than one sentence: article order
                found.sort()
        ids = [self._ids[k] for k in found[:limit]]
        if self._unique:
            return ids, [self._events[k] for k in found[:limit]]
        kept = set(ids)
        return ids, [ev for eid, ev in zip(self._ids, self._events, strict=True) if eid in kept]
