"""Event wording the coder once found no phrase for (sentences whose actors it found): invented sentences."""

from __future__ import annotations

from test_coder_cases import triples


def test_troops_arriving_or_sent_are_deployed() -> None:
    assert ("KEN", None, "MOBILIZE") in triples("Kenyan security forces also arrived and sealed off the area, he said.")
    assert ("IND", None, "MOBILIZE") in triples("Indian troops were deployed to the border region on Monday.")
    assert ("EGY", None, "MOBILIZE") in triples("Egyptian reinforcements had been rushed to the town overnight.")
    assert ("UGA", "UGA", "MOBILIZE") in triples("Riot police were deployed across the Ugandan capital on Monday.")
    # troops arriving somewhere are deployed there, not visiting it
    assert "CONSULT" not in {p for _, _, p in triples("Nigerian soldiers arrived in the town on Tuesday.")}


def test_troops_not_arriving_or_a_visitor_arriving_is_no_deployment() -> None:
    assert triples("Indian troops did not arrive in the town.") == set()
    assert "MOBILIZE" not in {p for _, _, p in triples("The Indian foreign minister arrived in Beijing on Monday.")}


def test_taking_control_of_a_place_is_an_assault() -> None:
    assert ("YEM", "YEM", "ASSAULT") in triples("Houthi rebels took control of the port city of Hodeidah.")
    assert ("COD", "COD", "ASSAULT") in triples("The Congolese army regained control of the town on Friday.")
    assert ("SDN", "SDN", "ASSAULT") in triples("Sudanese forces moved to take control of the presidential palace.")


def test_control_of_a_company_or_not_taken_is_no_assault() -> None:
    assert triples("Iran's new president has taken control of the economy portfolio.") == set()
    assert triples("Syrian rebels did not take control of the city.") == set()


def test_a_curfew_imposed_or_in_effect_is_coercion_by_the_place() -> None:
    assert ("ETH", "ETH", "COERCE") in triples("A dusk-to-dawn curfew was imposed in the Ethiopian capital on Friday.")
    assert ("KOR", "KOR", "COERCE") in triples("Martial law took effect in South Korea at midnight.")


def test_a_curfew_not_in_effect_is_none() -> None:
    assert triples("The curfew has not gone into effect yet, Kenyan officials said.") == set()


def test_fighters_eliminated_or_neutralized_are_killed() -> None:
    assert ("NGA", "NGA", "ASSAULT") in triples("Nigerian troops neutralized 12 Boko Haram terrorists in Borno State.")
    assert ("PAK", "PAK", "ASSAULT") in triples("The Pakistani army said it had eliminated 20 Baloch militants.")


def test_eliminating_laws_or_not_neutralizing_is_no_assault() -> None:
    assert "ASSAULT" not in {p for _, _, p in triples("Kenya's parliament eliminated discriminatory laws on Monday.")}
    assert triples("Nigerian troops did not neutralize the Boko Haram fighters.") == set()


def test_weapons_or_force_used_against_someone_is_an_assault_on_them() -> None:
    assert ("RUS", "UKR", "ASSAULT") in triples("Russia has used North Korean missiles against Ukraine.")
    assert ("KEN", "KEN", "ASSAULT") in triples("Kenyan police used excessive force against protesters.")


def test_influence_used_or_weapons_use_denied_is_no_assault() -> None:
    assert triples("The EU used its influence against the Hungarian proposal.") == set()
    assert "ASSAULT" not in {p for _, _, p in triples("Iran denied that it had used drones against Saudi Arabia.")}
    # a use allowed is no use
    assert "ASSAULT" not in {p for _, _, p in triples(
        "A new Egyptian law authorizes the navy to use weapons against foreign fishing boats.")}
