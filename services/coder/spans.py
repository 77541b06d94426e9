"""Dictionary hits of one automaton pass, reduced to the longest non-overlapping phrases."""

from __future__ import annotations

from dataclasses import dataclass

from services.coder.lexicon import EXACT_CASE, TITLE_CASE, Entry, Lexicon
from services.coder.tokens import Token, TokenText


@dataclass(frozen=True, slots=True)
class Span:
    first: int  # token indexes [first, last)
    last: int
    entries: tuple[Entry, ...]

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

    def entry(self, *kinds: str) -> Entry | None:
        for k in kinds:
            for e in self.entries:
                if e.kind == k:
                    return e
        return None


def _case_ok(entry: Entry, toks: list[Token]) -> bool:
    if entry.case == TITLE_CASE:
        return toks[0].capitalised
    if entry.case == EXACT_CASE:
        return all(t.text == t.text.upper() for t in toks)
    return True


def scan(lex: Lexicon, tokens: list[Token], index: TokenText) -> tuple[list[Span], list[tuple[int, int]]]:
    """Return noun spans (longest wins, left to right) and trigger anchors (token index, pattern index)."""
    nouns: list[Span] = []
    triggers: list[tuple[int, int]] = []
    for first, last, payload in index.matches(lex.automaton):
        entries: tuple[Entry, ...] = payload  # type: ignore[assignment]
        last_tok = last - 1
        toks = tokens[first : last_tok + 1]
        kept = []
        for e in entries:
            if e.kind == "trigger":
                triggers.append((first, e.pattern))
            elif _case_ok(e, toks):
                kept.append(e)
        if kept:
            nouns.append(Span(first, last_tok + 1, tuple(kept)))
    nouns.sort(key=lambda s: (s.first, -(s.last - s.first)))
    chosen: list[Span] = []
    taken_until = -1
    for s in nouns:
        if s.first >= taken_until:
            chosen.append(s)
            taken_until = s.last
    return chosen, triggers
