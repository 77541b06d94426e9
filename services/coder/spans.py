"""Dictionary hits of one automaton pass, reduced to the longest non-overlapping phrases."""

from __future__ import annotations

from dataclasses import dataclass

from services.coder.lexicon import EXACT_CASE, TITLE_CASE, Entry, Lexicon
from services.coder.tokens import Token

NOUN_KINDS = frozenset({"state", "adj", "capital", "org", "agent", "title", "person", "place", "ref", "region"})


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


def scan(lex: Lexicon, tokens: list[Token]) -> tuple[list[Span], list[tuple[int, int]]]:
    """Return noun spans (longest wins, left to right) and trigger anchors (token index, pattern index)."""
    norm = " " + " ".join(t.norm for t in tokens) + " "
    end_to_tok: dict[int, int] = {}
    pos = 1
    for i, t in enumerate(tokens):
        pos += len(t.norm)
        end_to_tok[pos] = i  # index of the space right after token i
        pos += 1
    nouns: list[Span] = []
    triggers: list[tuple[int, int]] = []
    for end, (ntok, entries) in lex.automaton.iter(norm):
        last_tok = end_to_tok.get(end)
        if last_tok is None:
            continue
        first = last_tok - ntok + 1
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
