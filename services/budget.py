"""The work one article may cost, bounded by design: every step of enrichment is linear in the text it
looks at, and the text it looks at is bounded.

Before these bounds one 523 KB message ("arms " x 52,348 + "deal " x 52,348) took 361 s in `process()` and
froze its worker. The limits are counts, not clock time, so a replay of the same article gives the same
output (and the same event ids). What a limit left out is said in the enriched article (`partial: true` and
the counts below); a normal news article (under 10,000 characters, under 100 tokens a sentence, under 30
sentences that may hold an event) meets none of them.
"""

from __future__ import annotations

from dataclasses import dataclass

# characters of the body that are coded (tokens, sentences, actors, events, rules); the rest is not looked at.
# About 6,500 words: 5x the longest story of the VOA corpus (7,108), and the worst case stays under 2 s on one core
MAX_CODED_CHARS = 40_000
# a "sentence" longer than this (a list, a table, a flood of words with no full stop) is not coded
MAX_SENTENCE_TOKENS = 150
# event phrases kept per sentence (text order): each costs a walk over the sentence's parse
MAX_HITS_PER_SENTENCE = 24
# sentences coded for events per article (those holding an actor and an event phrase; with the optional parse
# each is parsed at ~5 ms);
# later ones are not coded for events (their actors and places still are); the VOA corpus has at most 26
MAX_EVENT_SENTENCES = 200
# token spans kept per rule phrase (text order) for `phrase` and `near` conditions
MAX_RULE_HITS_PER_PHRASE = 1_000


@dataclass
class Spent:
    """What the limits left out of one article; all zero for a normal article."""

    uncoded_chars: int = 0  # characters after MAX_CODED_CHARS
    sentences_skipped: int = 0  # sentences over MAX_SENTENCE_TOKENS
    hits_dropped: int = 0  # event phrases past MAX_HITS_PER_SENTENCE
    event_sentences_dropped: int = 0  # sentences with an actor and an event phrase past MAX_EVENT_SENTENCES

    @property
    def partial(self) -> bool:
        return any((self.uncoded_chars, self.sentences_skipped, self.hits_dropped, self.event_sentences_dropped))


def coded_prefix(text: str, limit: int = MAX_CODED_CHARS) -> str:
    """The part of the body that is coded: all of it when short, else up to the last line break (or the last
    space) before `limit`, so no word or sentence is cut in two where a break is near."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", limit // 2, limit)
    if cut < 0:
        cut = text.rfind(" ", limit // 2, limit)
    return text[: cut if cut >= 0 else limit]
