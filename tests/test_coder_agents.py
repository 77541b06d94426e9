"""Actors the coder places from the wording around them: bare agent nouns, adjectives, capitals, pronouns."""

from __future__ import annotations

from test_coder_cases import triples


def test_attackers_and_assailants_are_armed_actors_of_the_place() -> None:
    # "the attackers", "assailants": the armed men of the place the story is set in, like "gunmen"
    assert ("PAK", "PAK", "ASSAULT") in triples("Assailants attacked a bus near Peshawar, Pakistan, on Monday.")
    t = triples("Gunmen stormed a police post in northern Nigeria on Sunday. "
                "The attackers killed three police officers.")
    assert ("NGA", "NGA", "ASSAULT") in t
    # (a description of them, no act: no event)
    assert triples("The attackers were not identified.") == set()


def test_commandos_and_security_personnel_are_the_military() -> None:
    t = triples("Colombian commandos raided a rebel camp in the jungle.")
    assert ("COL", "COL", "ASSAULT") in t
    assert ("MLI", "MLI", "ASSAULT") in triples("Militants ambushed Malian security personnel near Gao.")


def test_a_dateline_sets_the_place_of_the_story() -> None:
    # a city in capitals and a dash open the story: bare agents there are that city's state's
    t = triples("MOMBASA — Police arrested two protesters outside the port on Monday.")
    assert ("KEN", "KEN", "COERCE") in t
    t = triples("MOMBASA, Kenya (AP) — The court refused to release the activists.")
    assert ("KEN", "KEN", "REJECT") in t or ("KEN", None, "REJECT") in t
    # (a place in capitals with no dash after it is no dateline: the police are no one's)
    assert triples("MOMBASA REOPENS: Police arrested two protesters on Monday.") == set()


def test_a_city_before_agent_words_says_whose_they_are() -> None:
    # "Karachi police", "Kharkiv officials": the city's state, as an adjective would say, not the sentence's first state
    assert ("PAK", "PAK", "COERCE") in triples("Karachi police arrested three protesters on Sunday.")
    t = triples("Russian drones hit a power plant. Kharkiv officials accused Russia of terror.")
    assert ("UKR", "RUS", "ACCUSE") in t and ("RUS", "RUS", "ACCUSE") not in t
    t = triples("Russian drones hit a power plant. Kharkiv Mayor Ihor Terekhov condemned Russia.")
    assert ("UKR", "RUS", "ACCUSE") in t
    # (a city after a place preposition is where, not whose: "police" there is still the sentence's state's)
    assert ("PAK", "PAK", "COERCE") in triples("In Karachi police arrested three protesters from Pakistan.")


def test_a_name_described_by_agent_words_and_a_place_is_that_states_person() -> None:
    # "X, a businessman in Hong Kong, ...": the person is the place's state's, here and when named or "he" later
    t = triples("Wong, a businessman and publisher in Hong Kong, faces trial. He thanked Britain for its support.")
    assert ("HKG", "GBR", "SUPPORT") in t
    t = triples("Ana Silva, a teacher in Caracas, joined the march. Silva later criticized Colombia.")
    assert ("VEN", "COL", "ACCUSE") in t
    # (a relative clause is no appositive: "who became a media star in China" does not make him Chinese)
    t = triples("The most popular blogger is Pierre Martin, who became a media star in China. He thanked Japan.")
    assert not any(s == "CHN" for s, _, _ in t)
