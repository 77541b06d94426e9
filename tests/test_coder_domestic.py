"""Domestic events with generic actors: crowds that protest, people arrested, violence with no one named, laws,
courts. Sentences written for these tests."""

from __future__ import annotations

from test_coder_cases import events, triples


def test_a_crowd_that_chants_or_marches_protests() -> None:
    assert ("NGA", "NGA", "PROTEST") in triples(
        "LAGOS, NIGERIA — Demonstrators chanted as they marched through the city on Friday.")
    assert ("NGA", "NGA", "PROTEST") in triples(
        "LAGOS, NIGERIA — Police arrived at noon. The protesters chanted as they walked.")
    assert any(p == "PROTEST" and s == "KEN" for s, _, p in triples(
        "NAIROBI, KENYA — Thousands of protesters gathered outside parliament on Tuesday."))


def test_troops_that_march_or_gather_do_not_protest() -> None:
    for text in ("LAGOS, NIGERIA — Soldiers marched into the town on Friday.",
                 "LAGOS, NIGERIA — Troops gathered near the border.",
                 "LAGOS, NIGERIA — Fans chanted the name of the new coach.",
                 "LAGOS, NIGERIA — Crowds gathered outside the cathedral to welcome the pope."):
        assert not any(p == "PROTEST" for _, _, p in triples(text)), text


def test_banging_pots_and_civil_disobedience_are_protest() -> None:
    assert ("ARG", "ARG", "PROTEST") in triples(
        "BUENOS AIRES, ARGENTINA — Every night residents bang pots and pans from their balconies.")
    assert any(p == "PROTEST" for _, _, p in triples(
        "YANGON, MYANMAR — The nurses have joined the civil disobedience movement."))


def test_the_one_arrested_or_detained_is_the_target() -> None:
    t = triples("LAGOS, NIGERIA — A Chinese journalist was detained in Abuja on Monday.")
    assert ("NGA", "CHN", "COERCE") in t and ("CHN", "NGA", "COERCE") not in t
    t = triples("LAGOS, NIGERIA — The president met the governors. Dozens of activists have been arrested.")
    assert ("NGA", "NGA", "COERCE") in t


def test_a_city_that_is_a_first_name_is_no_place() -> None:
    t = triples("After arriving in Kenya, David Mwangi was detained at the airport.")
    assert not any("PAN" in (s, o) for s, o, _ in t)


def test_violence_no_one_is_named_for_is_the_story_states() -> None:
    story = ("MOGADISHU, SOMALIA — Militants stormed a police station in the town on Monday. "
             "A witness said there has been heavy gunfire since dawn. ")
    assert ("SOM", "SOM", "ASSAULT") in triples(story + "Two guards were also killed during the gunfight.")
    assert any(e.plover == "ASSAULT" and "gunfire" in (e.trigger or "") and e.source.country == "SOM"
               for e in events(story))
    t = triples("MOGADISHU, SOMALIA — The president met the governors on Monday. "
                "A witness said there has been heavy gunfire near the port.")
    assert ("SOM", "SOM", "ASSAULT") in t


def test_violence_of_someone_unplaced_or_summed_up_is_not_coded() -> None:
    for sentence in ("In the end we struck on the idea of a new route.",
                     "His lawyer said the evidence would not show that his client planned to kill anyone.",
                     "Deaths in these attacks rose sharply last year.",
                     "Many videos deny human rights abuses in the region."):
        t = triples("MOGADISHU, SOMALIA — The president met the governors on Monday. " + sentence)
        assert not any(p == "ASSAULT" for _, _, p in t), sentence


def test_protests_told_by_what_they_do_are_the_places_people() -> None:
    story = "YANGON, MYANMAR — The army seized power on Monday. "
    assert ("MMR", "MMR", "PROTEST") in triples(story + "Demonstrations spread to Mandalay on Tuesday.")
    assert ("THA", "THA", "PROTEST") in triples(story + "Protests erupted in Bangkok.")
    for sentence in ("He was arrested during the protests.", "The protests were the largest in a decade.",
                     "Despite protests by shop owners, the council kept the rules."):
        assert not any(p == "PROTEST" and s == "MMR" and o == "MMR" for s, o, p in triples(story + sentence)), sentence


def test_a_law_passed_to_ban_or_dismantle_is_coercion() -> None:
    t = triples("TUNIS, TUNISIA — The cabinet approved a law to dismantle the former ruling party.")
    assert ("TUN", "TUN", "COERCE") in t and not any(p == "CONCEDE" for _, _, p in t)
    assert ("TUN", "TUN", "COERCE") in triples("TUNIS, TUNISIA — Parliament passed a bill outlawing the militia.")
    assert not any(p == "COERCE" for _, _, p in triples("TUNIS, TUNISIA — Parliament passed a law on pensions."))


def test_a_law_repealed_is_a_concession() -> None:
    assert ("TUN", "TUN", "CONCEDE") in triples("TUNIS, TUNISIA — Parliament repealed the public order act.")
    assert ("TUN", "TUN", "CONCEDE") in triples(
        "TUNIS, TUNISIA — The government scrapped the decree that banned street vendors.")
    assert not any(p == "CONCEDE" for _, _, p in triples(
        "TUNIS, TUNISIA — The government scrapped the tour of the northern provinces."))


def test_people_dragged_from_their_homes_are_arrested() -> None:
    story = "MINSK, BELARUS — The president met the governors on Monday. "
    assert ("BLR", "BLR", "COERCE") in triples(story + "People are dragged from their homes at night.")
    assert ("BLR", "BLR", "COERCE") in triples(story + "Police hauled the strikers out of their houses.")
    assert not any(p == "COERCE" for _, _, p in triples(story + "Rescuers pulled survivors from their homes."))


def test_barred_from_is_a_ban() -> None:
    story = "KABUL, AFGHANISTAN — The minister met the governors on Monday. "
    assert ("AFG", "AFG", "COERCE") in triples(story + "The authorities have barred girls from attending school.")
    assert ("AFG", "AFG", "COERCE") in triples(story + "The court barred the former minister from political activity.")
    assert not any(p == "COERCE" for _, _, p in triples(story + "The minister met lawyers from the bar association."))


def test_violence_against_someone_named_is_an_assault() -> None:
    story = "MINSK, BELARUS — The president met the governors on Monday. "
    assert ("BLR", "BLR", "ASSAULT") in triples(story + "Police violence against protesters has grown.")
    assert ("BLR", "BLR", "ASSAULT") in triples(story + "Lawyers report violence against detainees in the prisons.")
    campaign = "The charity campaigns to end violence against women."
    assert not any(p == "ASSAULT" for _, _, p in triples(story + campaign))


def test_a_siege_laid_is_an_assault() -> None:
    t = triples("MOGADISHU, SOMALIA — Militants laid siege to a hotel in the town of Jowhar on Tuesday.")
    assert ("SOM", "SOM", "ASSAULT") in t
