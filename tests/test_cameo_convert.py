"""scripts/convert_cameo_verbs.py: PETRARCH-2's CAMEO verb dictionary into the coder's pattern format (pure)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import SHARED

from services.coder.lexicon import compile_phrase

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("convert_cameo_verbs", REPO / "scripts" / "convert_cameo_verbs.py")
assert _spec is not None and _spec.loader is not None
cv = importlib.util.module_from_spec(_spec)
sys.modules["convert_cameo_verbs"] = cv
_spec.loader.exec_module(cv)

KNOWN = cv.known_codes()

SNIPPET = """\
####### SYNONYM SETS #######

&WEAPON
+GUN
+RIFLE_
+MACHINE_GUN

####### VERB PATTERNS #######

---  SUPPLY   [070]  ---
SHIP {SHIPS SHIPPED SHIPPING }
FURNISH
+HAND_OVER [071]
- * ARMS TO +                                         [072]         # SHIP
- * &WEAPON                                           [072]         # FURNISH
- * {RELIEF SUPPLIES} (TO REFUGEES)                   [073]         # SHIP
- * {} (TO +) BORDER                                  [074]         # SHIP
- + * ARMS (BY $)                                     [072]         # SHIP
- * (FROM $) (TO +)                                   [073]         # SHIP
- * ^ MATERIEL                                        [062:062]     # SHIP
- * STATEMENT                                         [010]         # SHIP
- * LOAN                                              [:071]        # SHIP
- * (WITH)                                            [070]         # SHIP
- &WEAPON *                                           [072]         # SHIP
"""


def _convert(text: str, select: bool = True, hand_written: frozenset[str] = frozenset()) -> dict[str, dict]:
    result = cv.convert(cv.parse(text), KNOWN, select=select, hand_written=hand_written)
    return {p: {k: v for k, v in e.items() if k != "phrases"} for e in result.entries for p in e["phrases"]}


def test_parse_reads_synsets_verbs_forms_and_patterns() -> None:
    dic = cv.parse(SNIPPET)
    assert dic.synsets["WEAPON"] == ["GUN", "RIFLE_", "MACHINE_GUN"]
    (block,) = dic.blocks
    assert block.code == "070"
    assert block.verbs["ship"].forms == ["ships", "shipped", "shipping"]
    assert block.verbs["hand_over"].code == "071" and block.verbs["hand_over"].marked == 0
    assert block.patterns[0] == ("* ARMS TO +", "072", ("ship",))


def test_verb_forms_and_irregular_table() -> None:
    result = cv.convert(cv.parse(SNIPPET), KNOWN, select=False)
    assert result.irregular == {"ship": ["shipped", "shipping", "ships"]}
    phrases = {p: e["code"] for e in result.entries for p in e["phrases"]}
    # bare verbs (kept only when the selection is off): the block's code, or the verb's own
    assert phrases["ship~"] == "070" and phrases["furnish~"] == "070"
    # a multi-word verb: the marked word inflected, written out
    assert {"hand_over", "handed_over", "handing_over", "hands_over"} <= set(phrases)
    assert phrases["hand_over"] == "071"


def test_patterns_target_synset_nounphrase_and_options() -> None:
    out = _convert(SNIPPET)
    # `+` after the last word: the target is after the phrase; a pattern keeps to the verb it was found with
    assert out["ship~ * arms *3 to"] == {"code": "072", "target": "end"}
    # a synonym set: alternatives, nouns with their plural unless marked `_`, several words joined by `_`
    assert out["furnish~ * gun|guns|machine_gun|machine_guns|rifle"] == {"code": "072"}
    # {..}: the words of a noun phrase next to each other; (..): the preposition, then a short gap
    assert out["ship~ * relief supplies *3 to *3 refugees"] == {"code": "073"}
    # {} is any noun phrase: a gap; `+` before the last word: the default target
    assert out["ship~ * to * border"] == {"code": "074"}
    # `+` before the verb: passive, the source after "by"
    assert out["ship~ * arms *3 by"] == {"code": "072", "passive": True}
    # [X:X]: a symmetric action; `^` a gap
    assert out["ship~ * materiel"] == {"code": "062", "joint": True}
    # the phrases compile
    for phrase in out:
        assert compile_phrase(phrase, {"ship": ["shipped", "shipping", "ships"]})


@pytest.mark.parametrize(("line", "reason"), [
    ("- * (FROM $) (TO +)   [073]", "source after the verb"),
    ("- * LOAN   [:071]", "reverse-direction code only ([:X])"),
    ("- * STATEMENT   [010]", "vague code (generic statement or appeal)"),
    ("- * (WITH)   [070]", "only function words besides the verb"),
    ("- GUNMEN *   [072]", "words before the verb"),
    ("- * ARMS   [---]", "no code ([---])"),
    ("- % * ARMS   [072]", "compound actor (%)"),
])
def test_skipped_patterns_are_counted_by_reason(line: str, reason: str) -> None:
    text = "---  SUPPLY   [070]  ---\nSHIP\n" + line + "\n"
    result = cv.convert(cv.parse(text), KNOWN)
    assert not result.entries
    assert result.stats[f"pattern skipped: {reason}"] == 1


def test_hand_written_verbs_are_left_to_verbs_yaml() -> None:
    out = _convert(SNIPPET, hand_written=frozenset({"ship", "ships"}))
    assert not any(p.startswith("ship") for p in out)
    assert "furnish~ * gun|guns|machine_gun|machine_guns|rifle" in out


def test_committed_file_is_what_the_converter_makes() -> None:
    source = SHARED / cv.SOURCE_REL
    result = cv.convert(cv.parse(source.read_text(encoding="utf-8")), KNOWN, dropped=cv.read_dropped())
    committed = (REPO / "services" / "coder" / "data" / "cameo_verbs.yaml").read_text(encoding="utf-8")
    assert cv.render(result) == committed, "regenerate: python scripts/convert_cameo_verbs.py"
