"""Sentence boundaries from spaCy's rule-based sentencizer, mapped onto the coder's tokens.

spaCy's tokenizer knows abbreviations and initials ("John F. Kennedy", "5 p.m. on Jan. 5"), which the
hand-written splitter this replaces did not; the sentencizer costs about 0.25 ms per 1,000 characters, so
every sentence of every article is split this way, and only the few that can hold an event are parsed
(services/coder/syntax.py). A line break always ends a sentence (headlines and datelines have no period).

The whole text goes through spaCy in one call and its sentences are then cut at line breaks: one call per line
cost ~125 us of spaCy overhead a line, 88 s for a body of one word per line (the same sentences come out: the
sentencizer starts a sentence at the line break token after a full stop, checked on the gold and corpus files).
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from typing import Any

from services.coder.tokens import Sentence, Token


@functools.cache
def _segmenter() -> Any:
    import spacy  # deferred: the CLI's other commands need no NLP library

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _breaks(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences, line breaks included as boundaries."""
    out: list[tuple[int, int]] = []
    for s in _segmenter()(text).sents:
        pos = s.start_char
        for part in text[s.start_char : s.end_char].split("\n"):
            if part.strip():
                out.append((pos, pos + len(part)))
            pos += len(part) + 1
    return out


def split_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    starts = [t.start for t in tokens]
    sentences: list[Sentence] = []
    for a, b in _breaks(text):
        first, last = bisect_left(starts, a), bisect_left(starts, b)
        if last > first:
            sentences.append(Sentence(len(sentences), tokens[first].start, tokens[last - 1].end, first, last))
    return sentences
