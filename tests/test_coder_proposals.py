"""Proposals turned down, backed or talked about: what they propose is not done (invented sentences)."""

from __future__ import annotations

from test_coder_cases import triples


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
