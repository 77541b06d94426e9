"""Actors no dictionary names, in ordinary news wording: a province or district named with its noun ("in Nangarhar
province") that places an act in its state. Sentences written for these tests."""

from __future__ import annotations

from test_coder_cases import triples


def test_a_province_or_district_named_with_its_noun_places_the_act_in_its_state() -> None:
    assert ("AFG", "AFG", "ASSAULT") in triples("Insurgents ambushed an army convoy in Nangarhar province on Sunday.")
    assert ("MWI", "MWI", "ASSAULT") in triples(
        "Gunmen attacked a school in the Mulanje district, killing four pupils.")
    assert ("NGA", "NGA", "ASSAULT") in triples("Soldiers killed 12 villagers in Borno State on Tuesday.")


def test_a_subdivision_name_two_states_share_or_without_its_noun_places_nothing() -> None:
    # (Punjab is a state of India and a province of Pakistan; "Central" is a district's name in several states)
    assert triples("Soldiers shot three protesters in the Punjab province.") == set()
    assert triples("A bomb exploded in the Central district, police said.") == set()
    assert triples("Gunmen attacked a school in Mulanje, killing four pupils.") != triples(
        "Gunmen attacked a school in the Mulanje district, killing four pupils.")
