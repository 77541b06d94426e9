"""Precision: wording the coder read as events or actors that are not (sentences written for these tests)."""

from __future__ import annotations

from test_coder_cases import triples


def test_think_tank_is_no_military_and_bare_is_no_state() -> None:
    t = triples("China sent ships near Taiwan on Monday. The think tank accused Beijing of bullying its neighbours.")
    assert not any(p == "ACCUSE" for _, _, p in t)
    assert ("RUS", "UKR", "ACCUSE") in triples("A Russian think tank accused Ukraine of lying.")
    # near miss: tanks are still the military's
    assert ("JPN", "JPN", "ASSAULT") in triples("Japan criticized China on Monday. The tanks attacked the village.")
