"""How the words before an event phrase change its coding: negation, refusal, hypothesis, intent.

The mood words are verbs.yaml's, the clause breaks words.yaml's; the codes they turn an event into are
codes.yaml's (all in data/).
"""

from __future__ import annotations

from services.coder.datafiles import codes, words
from services.coder.lexicon import Lexicon
from services.coder.tokens import Token


def _ends_with(window: list[str], phrase: tuple[str, ...], upto: int) -> bool:
    """Whether `phrase` occurs in `window` ending no more than `upto` words before its end."""
    n = len(phrase)
    return any(tuple(window[end - n : end]) == phrase for end in range(len(window), max(len(window) - upto, n - 1), -1))


def clause_window(tokens: list[Token], first: int, sent_first: int, size: int = 5) -> list[str]:
    clause_break = words().clause_break
    out: list[str] = []
    k = first - 1
    while k >= sent_first and len(out) < size:
        w = tokens[k].norm
        if w in clause_break:
            break
        out.append(w)
        k -= 1
    return list(reversed(out))


def _mood(lex: Lexicon, window: list[str]) -> str:
    """The mood the words before a phrase put it in, the first that holds of: `plain` (no mood word), `refusal`,
    `negation`, `speculative`, `hypothetical`, else `other` (a future, an intent: `recode` reads them)."""
    window = _additive_dropped(window)
    if not window or not (lex.mood_words & set(window)):
        return "plain"
    if any(_ends_with(window, p, 4) for p in lex.refusal):
        return "refusal"
    if any(_ends_with(window, p, 3) for p in lex.negation):
        return "negation"
    if any(_ends_with(window, p, 3) for p in lex.speculative):
        return "speculative"
    if any(_ends_with(window, p, 3) for p in lex.hypothetical):
        return "hypothetical"
    return "other"


def guessed(lex: Lexicon, window: list[str]) -> bool:
    """Whether the words before a phrase make it a possibility ("could attack", "might invade"), which `recode`
    turns into a threat when it is force: only the would-be actor's own words make that a threat (an observer's
    guess, "Russia could attack Ukraine, analysts said", is no act of anyone's)."""
    if _mood(lex, window) != "hypothetical":
        return False
    modals = words().hypothetical_modals  # (not one's own deliberation: "is considering sanctions")
    return any(_ends_with(window, p, 3) for p in lex.hypothetical if len(p) == 1 and p[0] in modals)


def _additive_dropped(window: list[str]) -> list[str]:
    """The window without its "not only", "not just" (words.yaml additive_negations): they add, not deny."""
    additive = words().additive_negations
    out: list[str] = []
    k = 0
    while k < len(window):
        if " ".join(window[k : k + 2]) in additive:
            k += 2
            continue
        out.append(window[k])
        k += 1
    return out


def recode(lex: Lexicon, code: str, window: list[str], intent_before: bool) -> str | None:
    """The code an event phrase gets in its context, or None when the context says it did not happen."""
    c = codes()
    root = code[:2]
    mood = _mood(lex, window)
    window = _additive_dropped(window)
    if mood == "plain":
        return c.intent.get(root, c.threat.get(root, code)) if intent_before else code
    if mood == "refusal":
        if root in c.cooperation_roots:
            return c.refusal.get(root, c.refusal_other)
        return None
    if mood in ("negation", "speculative"):
        return None  # (speculative: "judges are likely to find Lai guilty", "probably intend to": a forecast)
    if mood == "hypothetical":
        return c.threat.get(root) if root in c.material_conflict_roots else None
    if root in c.stance_roots and window[-2:-1] and window[-2] in words().continuation and window[-1] == "to":
        return code  # "will continue to stand with the people": support that goes on, not a promise
    if intent_before or any(_ends_with(window, p, 5) for p in lex.future):
        if root in c.intent:
            return c.intent[root]
        if root in c.threat:
            return c.threat[root]
    return code
