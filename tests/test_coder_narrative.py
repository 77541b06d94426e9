"""Coder behaviour on encyclopedia-style and historical narrative: past-tense acts with explicit dates ("In 1990",
"On 11 December 1941"), historical states, wars declared, sieges, territory ceded, treaties left, mediations between
two parties. In such prose the narrated acts are the events."""

from __future__ import annotations

from test_coder_cases import events, triples


def test_a_declaration_of_war_is_force_against_the_state_named() -> None:
    assert ("DEU", "USA", "ASSAULT") in triples("On 11 December 1941, Germany declared war on the United States.")
    assert ("PRY", "BRA", "ASSAULT") in triples("Paraguay declared war against Brazil in 1864.")
    # a war declared on a scourge names no actor
    assert triples("The mayor declared war on corruption.") == set()


def test_historical_states_are_coded_as_their_successors() -> None:
    assert ("TUR", "RUS", "ASSAULT") in triples("The Ottoman Empire declared war on Russia in 1877.")
    assert ("AUT", "SRB", "ASSAULT") in triples("In July 1914, Austria-Hungary declared war on Serbia.")
    assert ("DEU", "AUT", "ASSAULT") in triples("Prussia invaded Austria in 1866.")
    assert ("IRN", "GBR", "SUPPORT") in triples("Persia and Britain signed an agreement in 1919.")
    assert ("THA", "FRA", "SUPPORT") in triples("Siam signed a treaty with France.")


def test_a_siege_told_with_its_verb_is_an_assault() -> None:
    assert ("TUR", "AUT", "ASSAULT") in triples("Ottoman forces besieged Vienna in 1683.")
    assert ("SRB", "BIH", "ASSAULT") in triples("In 1992, Serbian forces besieged Sarajevo.")


def test_territory_ceded_to_a_state_is_yielded_to_it() -> None:
    assert ("ESP", "USA", "RETREAT") in triples("In 1898, Spain ceded Puerto Rico to the United States.")
    assert ("MEX", "USA", "RETREAT") in triples("Mexico ceded vast territories to the United States in 1848.")
    # ceding to no one named is no event
    assert triples("The old regime ceded to democracy.") == set()


def test_leaving_a_treaty_or_an_organisation_reduces_relations() -> None:
    assert ("RUS", "USA", "SANCTION") in triples("Russia withdrew from the missile treaty with the United States.")
    assert any(e.plover == "SANCTION" and e.target is not None and e.target.code.startswith("IGO")
               for e in events("Britain pulled out of the European Union."))
    # troops leaving a place retreat; they sanction no one
    t = triples("Russian troops withdrew from Kherson.")
    assert ("RUS", "UKR", "RETREAT") in t and not any(p == "SANCTION" for _, _, p in t)


def test_a_mediation_is_towards_the_parties_it_is_between() -> None:
    t = triples("Qatar brokered a ceasefire between Israel and Hamas.")
    assert {("QAT", "ISR", "CONSULT"), ("QAT", "PSE", "CONSULT")} <= t
    t = triples("In 1966, the Soviet Union mediated the Tashkent Declaration between India and Pakistan.")
    assert {("RUS", "IND", "CONSULT"), ("RUS", "PAK", "CONSULT")} <= t
    assert not any(tgt == "UZB" for _, tgt, _ in t)  # the place named in what it produced is no party


def test_a_boycott_is_never_a_military_strike() -> None:
    t = triples("The United States boycotted the 1980 Olympics in Moscow.")
    assert ("USA", "RUS", "PROTEST") in t and "ASSAULT" not in {p for _, _, p in t}
    assert ("ISR", "PSE", "ASSAULT") in triples("The strike by Israel on Gaza killed five people.")
