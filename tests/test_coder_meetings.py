"""Meetings, offers, support and aid as news words them: invented sentences, one kind of wording a test."""

from __future__ import annotations

from test_coder_cases import events, triples


def codes(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.source.code[:3], e.target.code[:3] if e.target else None, e.plover) for e in events(text)}


def test_a_session_held_is_a_meeting() -> None:
    t = triples("The Arab League's foreign ministers held an emergency session in Cairo on Sunday.")
    assert any(p == "CONSULT" for _, _, p in t)
    assert ("KEN", "UGA", "CONSULT") in triples("Kenya held a closed-door session with Uganda on Tuesday.")


def test_what_a_meeting_is_about_is_no_party_to_it() -> None:
    t = triples("Brazilian and Argentine officials held talks on Venezuela's election crisis.")
    assert not any(tgt == "VEN" for _, tgt, _ in t)
    t = triples("Canadian ministers held a session focused on threats posed by Iran and Syria.")
    assert any(p == "CONSULT" for _, _, p in t)
    assert not any(tgt in ("IRN", "SYR") for _, tgt, _ in t)


def test_a_partner_after_the_topic_is_still_a_party() -> None:
    assert ("KEN", "ETH", "CONSULT") in triples("Kenya held talks on the border dispute with Ethiopia.")
    # "on Saturday" is a time, not a topic
    assert ("QAT", "EGY", "CONSULT") in triples("Qatar held talks on Saturday with Egypt.")


def test_support_received_comes_from_the_one_named_after_from() -> None:
    t = triples("The Ghanaian proposal received strong support from Nigeria.")
    assert ("NGA", "GHA", "SUPPORT") in t and ("GHA", "NGA", "SUPPORT") not in t
    assert ("FRA", "BEL", "SUPPORT") in triples("The Belgian candidate won backing from France.")
    # no backer named: no one to code it to
    assert not any(p == "SUPPORT" for _, _, p in triples("The Ghanaian proposal received wide support."))


def test_relief_operations_started_are_aid_to_the_place() -> None:
    assert ("NGO", "MOZ", "AID") in codes("The Red Cross launched a relief operation in flood-hit Mozambique.")
    assert ("NGO", "MOZ", "AID") in codes("Oxfam began relief efforts in Mozambique on Monday.")
    # a place that opens the sentence is where the aid goes
    assert ("ZMB", "ZMB", "AID") in triples("In Zambia, the government started relief operations after the floods.")
    # named, not started
    assert "AID" not in {p for _, _, p in triples("The Red Cross said relief operations in Zambia were slowed.")}


def test_a_body_that_discussed_met_and_its_topic_is_no_party() -> None:
    t = codes("ASEAN foreign ministers discussed the Myanmar crisis and Chinese claims in the South China Sea.")
    assert ("IGO", None, "CONSULT") in t
    assert not any(tgt in ("MMR", "CHN") for _, tgt, _ in t)
    assert {("BRA", "ARG", "CONSULT"), ("ARG", "BRA", "CONSULT")} <= triples("Brazil and Argentina discussed trade.")
    # not discussed; to be discussed
    assert "CONSULT" not in {p for _, _, p in triples("Brazil and Argentina have not discussed trade.")}
    assert "CONSULT" not in {p for _, _, p in triples("Brazil's president wants to discuss trade.")}


def test_the_one_after_a_backing_participle_backs_the_subject() -> None:
    # "X, supported by Y, ...": Y supports X, not the other way round
    t = triples("Kenya's plan, supported by Uganda, was adopted on Friday.")
    assert ("UGA", "KEN", "SUPPORT") in t and ("KEN", "UGA", "SUPPORT") not in t
    # "X backed by Y attacked Z": X attacks, Y does not
    t = triples("Sudanese fighters backed by Chad attacked a convoy near the border with Libya.")
    assert not any(s == "TCD" and p == "ASSAULT" for s, _, p in t)
    assert not any(s == "TCD" and p == "ASSAULT" for s, _, p in triples(
        "Sudanese fighters armed and funded by Chad and Libya attacked the town."))
    # near miss: "led by" names who acts
    assert any(s == "SAU" and p == "ASSAULT" for s, _, p in triples("A coalition led by Saudi Arabia attacked a port."))


def test_military_cooperation_stepped_up_with_a_partner_is_material_cooperation() -> None:
    t = triples("Kenya deepened security cooperation with Uganda last year.")
    assert ("KEN", "UGA", "COOPERATE") in t and "AGREE" not in {p for _, _, p in t}
    t = triples("Bolivia warned that expanding military cooperation between Chile and Peru is dangerous.")
    assert {("CHL", "PER", "COOPERATE"), ("PER", "CHL", "COOPERATE")} <= t
    # promised, it is intent
    t = triples("Kenya pledged to deepen security cooperation with Uganda.")
    assert ("KEN", "UGA", "AGREE") in t and "COOPERATE" not in {p for _, _, p in t}
    # cooperation of no kind named stays an intent
    assert "COOPERATE" not in {p for _, _, p in triples("Kenya and Uganda vowed to expand cooperation.")}


def test_going_along_with_a_deal_backs_it_and_its_makers() -> None:
    t = triples("Brazil's president said he was inclined to go along with the deal between Chile and Peru.")
    assert {("BRA", "CHL", "SUPPORT"), ("BRA", "PER", "SUPPORT")} <= t
    assert ("KOR", "JPN", "SUPPORT") in triples("South Korea went along with the Japanese plan.")
    # not gone along with
    assert "SUPPORT" not in {p for _, _, p in triples("South Korea did not go along with the Japanese plan.")}
