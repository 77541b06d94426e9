"""Tokens and sentences, with character offsets into the original body.

The coder works on tokens, not characters: dictionary phrases are matched as token sequences, so "Japan"
never matches inside "Japanese" and punctuation (commas, quotes) stays visible to clause rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.N., U.S.A.
    r"|\$?\d+(?:[.,]\d+)+"  # 5.1, 1,000, $50,000
    r"|n['’]t\b"  # the n't of didn't, kept apart from its verb
    r"|\w+?(?=n['’]t\b)"
    r"|\w+"
    r"|['’]s\b"
    r"|[^\w\s]",
    re.UNICODE,
)


class Token:
    """A word or punctuation mark. A plain slotted class: articles have thousands of them."""

    __slots__ = ("capitalised", "end", "norm", "start", "text")

    def __init__(self, start: int, end: int, text: str, norm: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.norm = norm  # lower case, curly apostrophes straightened
        self.capitalised = text[:1].isupper()

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int  # character offsets into the body
    end: int
    first: int  # token indexes, [first, last)
    last: int


class TokenText:
    """The tokens' normal forms joined by single spaces, and where each token ends in that string.

    Dictionary automata (the coder's and the rules') run over this string, so phrases match whole tokens.
    Built once per article and shared.
    """

    __slots__ = ("end_to_tok", "text")

    def __init__(self, tokens: list[Token]) -> None:
        self.text = " " + " ".join(t.norm for t in tokens) + " "
        self.end_to_tok: dict[int, int] = {}
        pos = 1
        for i, t in enumerate(tokens):
            pos += len(t.norm)
            self.end_to_tok[pos] = i  # the space right after token i
            pos += 1

    def matches(self, automaton: object) -> list[tuple[int, int, object]]:
        """(first token, last token + 1, payload) of every automaton hit on whole tokens."""
        out = []
        get = self.end_to_tok.get
        for end, (ntok, payload) in automaton.iter(self.text):  # type: ignore[attr-defined]
            last = get(end)
            if last is not None:
                out.append((last - ntok + 1, last + 1, payload))
        return out


def tokenize(text: str) -> list[Token]:
    lowered = text.lower().replace("’", "'")
    return [Token(s, e, text[s:e], lowered[s:e]) for s, e in (m.span() for m in _TOKEN_RE.finditer(text))]
