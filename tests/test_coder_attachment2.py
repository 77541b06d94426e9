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


def test_decision_before_an_infinitive_is_the_deciders_act() -> None:
    t = triples("Lawmakers in Berlin were angered by a Russian court ruling on Monday to jail two German reporters.")
    assert ("RUS", "DEU", "COERCE") in t and not any(s == "DEU" and p == "COERCE" for s, _, p in t)
    assert ("CHN", "USA", "SANCTION") in triples("Washington condemned a Chinese move to sanction two U.S. senators.")


def test_infinitive_of_an_intent_keeps_its_subject() -> None:
    assert ("DEU", "IRN", "THREATEN") in triples("Germany said it would move to sanction Iran.")


def test_denial_answers_whom_the_denier_accuses_in_the_same_sentence() -> None:
    assert ("CHN", "PHL", "REJECT") in triples(
        "Beijing dismissed the accusations, while condemning Manila for provoking tensions.")
    assert ("RUS", "UKR", "REJECT") in triples(
        "Officials in Moscow denied the allegations while accusing Ukraine of staging the incident.")
    assert ("RUS", None, "REJECT") in triples("Russia denied the allegations.")


def test_casualties_after_an_attack_are_the_attackers_victims() -> None:
    t = triples("Russian missiles struck Kyiv overnight. Three people were killed.")
    assert ("RUS", "UKR", "ASSAULT") in t and ("RUS", "RUS", "ASSAULT") not in t
    t = triples("Iranian commandos stormed the Sea Pearl, a Greek-owned tanker, on Monday. "
                "Two sailors aboard were killed.")
    assert ("IRN", "GRC", "ASSAULT") in t and ("IRN", "IRN", "ASSAULT") not in t


def test_casualties_elsewhere_are_not_the_last_attacks() -> None:
    t = triples("Russian missiles struck Kyiv overnight. In Sudan, five people were killed in Darfur.")
    assert not any(s == "RUS" and tg == "SDN" for s, tg, _ in t)


def test_a_thing_the_source_owns_with_another_is_aimed_at_the_other() -> None:
    t = triples("Russia's envoy defended Moscow and Beijing's partnership.")
    assert ("RUS", "CHN", "SUPPORT") in t and ("RUS", "RUS", "SUPPORT") not in t
    # (a domestic act on the source's own people listed with others stays)
    t = triples("Kenyan police arrested Kenyan and Somali nationals in Nairobi.")
    assert ("KEN", "KEN", "COERCE") in t and ("KEN", "SOM", "COERCE") in t


def test_officials_of_a_region_are_no_states_actors() -> None:
    # (CODING_GUIDE: "Europe", "European countries", "the West" are not actors)
    t = triples("European leaders criticized Russia's decision to expel ten German diplomats.")
    assert not any(p == "ACCUSE" for _, _, p in t) and ("RUS", "DEU", "SANCTION") in t
    assert triples("Arab foreign ministers condemned the raid on Monday.") == set()
    assert ("FRA", "ISR", "ACCUSE") in triples("French foreign ministers condemned Israel on Monday.")
