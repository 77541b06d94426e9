"""Proposals turned down, backed or talked about (what they propose is not done), protests made by governments
(official complaints) and agreements between two parties: invented sentences."""

from __future__ import annotations

from test_coder_cases import events, triples


def test_a_proposal_turned_down_codes_the_refusal_not_the_proposed_act() -> None:
    t = triples("Brazil rejected calls to sanction Venezuela.")
    assert ("BRA", "VEN", "REJECT") in t and not any(p == "SANCTION" for _, _, p in t)
    t = triples("China vetoed a draft resolution to impose sanctions on Myanmar.")
    assert ("CHN", "MMR", "REJECT") in t and not any(p == "SANCTION" for _, _, p in t)
    t = triples("Turkey opposed a plan to attack Syria.")
    assert not any(p in ("ASSAULT", "THREATEN", "AGREE") for _, _, p in t)


def test_a_proposal_backed_or_discussed_is_not_carried_out() -> None:
    assert not any(p == "SANCTION" for _, _, p in triples("Poland backed a proposal to sanction Belarus."))
    assert not any(p == "SANCTION" for _, _, p in triples(
        "Nordic ministers discussed a plan to impose sanctions on Iran."))
    t = triples("Seoul welcomed the Japanese proposal to hold talks with North Korea.")
    assert ("KOR", "JPN", "SUPPORT") in t and not any(p == "CONSULT" for _, _, p in t)


def test_an_act_after_a_refusal_of_something_else_is_still_coded() -> None:
    # the refusal covers the proposal's own words, not a later act of the one who refused
    t = triples("Kenya rejected the plan and attacked Somali militia positions in Somalia.")
    assert ("KEN", "SOM", "ASSAULT") in t
    assert ("IRN", "IRQ", "AGREE") in triples("Iran agreed to a plan to hold talks with Iraq.")


def test_a_government_that_protests_complains_officially() -> None:
    assert ("CHN", "USA", "ACCUSE") in triples("Beijing protested the U.S. arms sale to Taiwan.")
    t = triples("Pakistan summoned the Afghan envoy to protest the cross-border attack.")
    assert ("PAK", "AFG", "ACCUSE") in t and ("PAK", "PAK", "ACCUSE") not in t
    # people who protest demonstrate: a nationality's people, civilians, and a protest's purpose after a sit-in
    assert ("BGD", "BGD", "PROTEST") in triples("Students protested the government's decision in Dhaka.")
    assert not any(p == "ACCUSE" for _, _, p in triples(
        "Thousands of Ethiopians began protesting in Addis Ababa over rising fuel prices."))
    assert not any(p == "ACCUSE" for _, _, p in triples(
        "Traders in Ghana's capital held a sit-in on Monday to protest the new market tax."))


def test_two_parties_that_agree_to_do_something_agree_with_each_other() -> None:
    t = triples("Ethiopia and Kenya agreed to coordinate their border patrols.")
    assert ("ETH", "KEN", "AGREE") in t and ("KEN", "ETH", "AGREE") in t
    # a recipient named after it still takes it; one party alone agrees with no one
    t = triples("Rwanda and Burundi agreed to send observers to Mali.")
    assert ("RWA", "MLI", "AGREE") in t and ("RWA", "BDI", "AGREE") not in t
    assert ("NGA", "GHA", "AGREE") not in triples("Nigeria agreed to coordinate its patrols, Ghana said.")


def test_a_go_between_named_after_the_thing_is_no_recipient() -> None:
    t = triples("Ethiopia and Eritrea agreed to a ceasefire brokered by the United States and Kenya.")
    assert ("ETH", "ERI", "AGREE") in t and ("ERI", "ETH", "AGREE") in t
    assert not any(tg in ("USA", "KEN") for _, tg, p in t if p == "AGREE")
    t = triples("Serbia and Kosovo held talks mediated by the European Union.")
    assert ("SRB", "KSV", "CONSULT") in t
    # one who proposed or imposed a thing stays its author: rejecting it is rejecting them
    assert ("IRN", "FRA", "REJECT") in triples("Iran rejected a plan proposed by France.")


def test_a_measure_blocked_is_refused_to_whose_measure_it_is() -> None:
    assert ("HUNGARY", "IGOEU", "REJECT") in {(e.source.text.upper(), e.target.code[:5] if e.target else None, e.plover)
                                             for e in events("Hungary blocked the EU's aid package for Ukraine.")}
    assert ("TUR", "SWE", "REJECT") in triples("Turkey blocked Sweden's NATO membership bid.")
    # roads blocked are a protest, not a refusal
    assert not any(p == "REJECT" for _, _, p in triples("Farmers blocked roads near Warsaw."))
