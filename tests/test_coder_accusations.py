"""Accusations and criticism said without "accuse": concern about another's acts, labels put on them, blame by
attribution, legal accusations and criticism received, on sentences written for these tests."""

from __future__ import annotations

from test_coder_cases import triples


def _accuses(text: str) -> set[tuple[str | None, str | None]]:
    return {(s, t) for s, t, p in triples(text) if p == "ACCUSE"}


def test_not_only_adds_to_what_follows_rather_than_denying_it() -> None:
    assert ("USA", "TUR") in _accuses(
        "U.S. senators are not only angry with Ankara's purchase of Russian missiles, but also with its offensive.")
    assert ("DEU", "RUS") in _accuses("Germany not only criticized Russia over the attack but also summoned its envoy.")
    assert ("FRA", "ITA") in _accuses("France not just condemned Italy's decision to close its ports.")
    # a plain negation still denies
    assert _accuses("Germany did not criticize Russia over the attack.") == set()
    assert _accuses("U.S. senators are not angry with Ankara's purchase of Russian missiles.") == set()


def test_concern_shared_or_echoed_about_another_accuses_it() -> None:
    t = _accuses("Seoul and Canberra shared concerns over Russia's growing military ties with Pyongyang.")
    assert ("KOR", "RUS") in t and ("AUS", "RUS") in t
    assert ("DEU", "IRN") in _accuses("Germany echoed Britain's concerns about Iran's missile program.")
    # a concern about a thing with no party behind it, or about none named, is no accusation
    assert _accuses("Kenya shares concerns about the drought in the region.") == set()
    assert _accuses("The UNHCR shares that concern.") == set()
    # intelligence shared is still cooperation
    assert ("KEN", "UGA", "COOPERATE") in triples("Kenya and Uganda shared intelligence about the militants.")


def test_a_label_the_speaker_puts_on_anothers_act_accuses_it() -> None:
    assert ("SRB", "HRV") in _accuses(
        "The Serbian president said the arrest warrant issued by the Croatian court was politically motivated.")
    assert ("CHN", "USA") in _accuses("Beijing said Washington's export controls are “deeply hypocritical.”")
    assert ("IRN", "USA") in _accuses("Iran said the U.S. sanctions were highly illegal.")
    # a judgement of a thing no one did is none
    assert _accuses("The minister said the weather was very unusual.") == set()


def test_a_plot_placed_by_the_speaker_in_another_state_accuses_it() -> None:
    assert ("PAK", "AFG") in _accuses(
        "The Pakistani army said the gunmen had been talking to their masterminds in Afghanistan by phone.")
    assert ("KEN", "SOM") in _accuses("Kenyan police said the attackers who stormed the hotel were based in Somalia.")
    # where people work, with no attack behind them, is no blame
    assert _accuses("The company's engineers are based in Germany, Kenyan officials said.") == set()


def test_a_label_the_speaker_puts_on_anothers_words_accuses_their_author() -> None:
    assert ("CHN", "PHL") in _accuses(
        "China's foreign ministry said Manila's provocative statements were meant to stir up tensions at sea.")
    assert ("IRN", "ISR") in _accuses(
        "Iran's foreign ministry said Israel's inflammatory rhetoric would not go unanswered.")
    # a speech no other actor made, or no one to say so, is none
    assert _accuses("The minister made inflammatory remarks at a rally in Lahore.") == set()


def test_lawsuits_filed_against_another_accuse_it() -> None:
    assert ("BRA", "ARG") in _accuses("Brazil has filed several complaints against Argentina at the trade body.")
    assert ("KEN", "KEN") in _accuses("Kenya's opposition filed two lawsuits against the Kenyan electoral commission.")
    # a lawsuit merely named is none
    assert _accuses("The lawsuits are expected to take months, Kenyan officials said.") == set()


def test_critics_including_someone_act_through_the_one_included() -> None:
    assert ("HUN", "DEU") in _accuses("Critics, including Hungary's prime minister, have criticized Germany's plan.")
    assert ("KEN", "KEN") in _accuses(
        "Rights groups, including the Kenyan Law Society, have filed lawsuits against the Kenyan government.")
    # a subject that is an actor itself keeps its act
    assert ("JPN", "CHN") in _accuses("Japan, including its coast guard, condemned the incursion by China.")


def test_concern_about_a_situation_with_no_party_faults_no_one() -> None:
    assert _accuses("Brazil expressed concern about the escalating violence in Haiti.") == set()
    assert _accuses("India voiced concern over heightened tensions in the Gulf.") == set()
    assert _accuses("The rebel group said it condemns any violence against civilians.") == set()
    # a doer named, or an act of a party, is faulted
    assert ("JPN", "CHN") in _accuses("Japan condemned any attempt by China to change the status quo by force.")
    assert ("DEU", "RUS") in _accuses("Germany voiced concern over Russia's military buildup near the border.")
    assert ("KEN", "UGA") in _accuses("Kenya condemned the violence by Ugandan troops.")
