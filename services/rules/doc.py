"""What conditions look at: the article, its tokens and the phrase hits of one automaton pass."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass, field
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
    _sentences: list[tuple[int, int, str, Event]] | None = field(default=None, repr=False)

    def event_sentences(self) -> list[tuple[int, int, str, Event]]:
        """(sentence start, sentence end, event id, event) of the article's events in their order, read once
        per article: every alert that fires asks which events its spans fall in (hundreds per article), and
        each read of a pydantic model's field takes the interpreter's slow path (BaseModel has __getattr__)."""
        found = self._sentences
        if found is None:
            found = self._sentences = [(ev.sentence_span.start, ev.sentence_span.end, ev.event_id, ev)
                                       for ev in self.article.events]
        return found

    def span(self, first: int, last: int, why: str) -> MatchedSpan:
        """The characters of tokens first..last-1 as a matched span."""
        s, e = self.tokens[first].start, self.tokens[last - 1].end
        return MatchedSpan(start=s, end=e, text=self.text[s:e], why=why)
