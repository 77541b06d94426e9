"""How the words before an event phrase change its coding: negation, refusal, hypothesis, intent."""

from __future__ import annotations

from services.coder.lexicon import Lexicon
from services.coder.tokens import Token

CLAUSE_BREAK = frozenset({",", ";", ":", "(", ")", "“", "”", '"', "but", "while", "whereas", "although"})

# stated future or intent: cooperation becomes an intent to cooperate (AGREE), force a threat (THREATEN)
_INTENT_CODE = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
_THREAT_CODE = {"14": "131", "16": "131", "17": "131", "15": "138", "18": "138", "19": "138", "20": "138"}
COOPERATION_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
MATERIAL_CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})


def _ends_with(window: list[str], phrase: tuple[str, ...], upto: int) -> bool:
    """Whether `phrase` occurs in `window` ending no more than `upto` words before its end."""
    n = len(phrase)
    return any(tuple(window[end - n : end]) == phrase for end in range(len(window), max(len(window) - upto, n - 1), -1))


def clause_window(tokens: list[Token], first: int, sent_first: int, size: int = 5) -> list[str]:
    out: list[str] = []
    k = first - 1
    while k >= sent_first and len(out) < size:
        w = tokens[k].norm
        if w in CLAUSE_BREAK:
            break
        out.append(w)
        k -= 1
    return list(reversed(out))


def recode(lex: Lexicon, code: str, window: list[str], intent_before: bool) -> str | None:
    """The code an event phrase gets in its context, or None when the context says it did not happen."""
    root = code[:2]
    if not window or not (lex.mood_words & set(window)):
        return _INTENT_CODE.get(root, _THREAT_CODE.get(root, code)) if intent_before else code
    if any(_ends_with(window, p, 4) for p in lex.refusal):
        if root in COOPERATION_ROOTS:
            return "125" if root == "04" else "120"
        return None
    if any(_ends_with(window, p, 3) for p in lex.negation):
        return None
    if any(_ends_with(window, p, 3) for p in lex.hypothetical):
        return _THREAT_CODE.get(root) if root in MATERIAL_CONFLICT_ROOTS else None
    if intent_before or any(_ends_with(window, p, 5) for p in lex.future):
        if root in _INTENT_CODE:
            return _INTENT_CODE[root]
        if root in _THREAT_CODE:
            return _THREAT_CODE[root]
    return code
