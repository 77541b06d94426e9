"""Who an event is done to, and by whom, when the text names it indirectly: a thing or a person described as a
state's, an actor's decision spelled out by an infinitive, parties that act on each other."""

from __future__ import annotations

from test_coder_cases import triples


def test_ship_described_as_a_states_is_that_states() -> None:
    assert ("IRN", "GBR", "COERCE") in triples("Iran seized the Ocean Star, a British-flagged tanker, on Friday.")
    assert ("YEM", "GRC", "ASSAULT") in triples("Houthi rebels attacked the Blue Wave, a Greek-owned cargo ship.")
    assert ("YEM", "NOR", "ASSAULT") in triples("Houthi rebels attacked a Norwegian-owned tanker in the Red Sea.")


def test_person_described_by_an_appositive_is_of_its_state() -> None:
    assert ("RUS", "USA", "COERCE") in triples(
        "Russian police detained Tom Hale, a local U.S. embassy employee, on Monday.")


def test_place_named_in_the_appositive_is_no_owner() -> None:
    t = triples("Israeli troops shelled Rafah, a city near the Egyptian border, on Monday.")
    assert not any(tg == "EGY" for _, tg, _ in t)


def test_product_origin_is_still_no_actor() -> None:
    assert not any(tg == "IRN" for _, tg, _ in triples("Ukraine shot down dozens of Iranian-made drones overnight."))
