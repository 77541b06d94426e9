"""Coder behaviour on force and coercion wording (ASSAULT, COERCE, THREATEN, MOBILIZE, SANCTION, RETREAT), on
sentences written for these tests."""

from __future__ import annotations

from test_coder_cases import triples, types


def test_deaths_in_an_accident_are_no_assault() -> None:
    assert "ASSAULT" not in types("Five Kenyan soldiers were killed when their truck crashed near Garissa.")
    assert "ASSAULT" not in types("The Nigerian army said three officers were killed in a road accident in Kaduna.")
    assert "ASSAULT" not in types("A Pakistani army helicopter crashed in Balochistan, killing six crew.")
    # near miss: a killing with no accident told stays an attack
    assert ("NGA", "NGA", "ASSAULT") in triples("Boko Haram fighters killed five Nigerian soldiers in Borno state.")
