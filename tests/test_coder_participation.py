"""Meetings, aid and deployments told as participation or as nouns: invented sentences, one kind of wording a test."""

from __future__ import annotations

from test_coder_cases import events, triples


def test_a_news_conference_given_together_is_a_meeting() -> None:
    t = triples("U.S. Defense Secretary Mark Lee told reporters during a news conference at the Pentagon on Monday "
                "with French Defense Minister Anne Roche.")
    assert ("FRA", "USA", "CONSULT") in t
    assert ("JPN", "USA", "CONSULT") in triples(
        "Secretary of State John Miller held a joint press conference with Japanese Foreign Minister Ken Sato.")
    # one given with reporters or a broadcaster names no party
    assert not any(p == "CONSULT" for _, _, p in triples(
        "The Kenyan president said at a press conference with reporters in Nairobi that the vote was fair."))


def test_a_gathering_told_by_whom_it_brings_together_is_a_meeting_of_them() -> None:
    t = triples("The summit in Nairobi brought together the leaders of Kenya, Uganda and Tanzania.")
    assert {("KEN", "UGA", "CONSULT"), ("UGA", "TZA", "CONSULT"), ("TZA", "KEN", "CONSULT")} <= t
    t = triples("The talks in Geneva brought together foreign ministers from Britain, Canada and Japan.")
    assert {("GBR", "CAN", "CONSULT"), ("JPN", "GBR", "CONSULT")} <= t
    assert ("UGA", "KEN", "CONSULT") in triples("The forum brought together Kenyan and Ugandan defense chiefs.")
    # people who are not officials meet in no political sense
    assert triples("The festival brought together artists from Kenya and Uganda.") == set()


def test_fighting_between_rebels_and_the_army_keeps_both_sides() -> None:
    # (a bare "rebels" after "between" is still a party: only a gathering's list needs a state named)
    t = {(e.source.code, e.target.code if e.target else None, e.plover)
         for e in events("Thousands fled the fighting between rebels and Malian forces this week.")}
    assert ("MLIREB", "MLIMIL", "ASSAULT") in t and ("MLIMIL", "MLIREB", "ASSAULT") in t


def test_forces_listed_with_others_sent_are_deployed() -> None:
    assert ("PAK", None, "MOBILIZE") in triples(
        "Pakistani security forces, a rescue train and ambulances had been dispatched to the site.")
    assert ("IND", None, "MOBILIZE") in triples("Indian troops and medical teams were rushed to the flooded district.")
    # the others listed are sent too, not a target; a clause about the forces' leaders is no deployment
    assert not any(p == "MOBILIZE" for _, _, p in triples(
        "The Malian rebel forces, whose leaders were sent into exile, regrouped in the north."))


def test_support_received_in_a_capital_comes_from_its_state() -> None:
    assert ("USA", "TWN", "SUPPORT") in triples("The Taiwanese proposal has received bipartisan support in Washington.")
    assert ("JPN", "PHL", "SUPPORT") in triples("The Philippine plan won strong backing in Tokyo, officials said.")
    # support in the polls or in a region that is no actor is no one's
    assert not any(p == "SUPPORT" for _, _, p in triples("The Kenyan president has gained support in the polls."))
    assert not any(p == "SUPPORT" for _, _, p in triples("The Ukrainian plan has received wide support in Europe."))


def test_the_guest_of_honour_at_another_state_s_celebration_visits_it() -> None:
    assert ("KEN", "UGA", "CONSULT") in triples(
        "Kenyan President Paul Otieno was the guest of honor at Uganda's independence celebrations.")
    assert ("IND", "MUS", "CONSULT") in triples(
        "Indian Prime Minister Ravi Kumar was chief guest at Mauritius's National Day parade on Wednesday.")
    # at a ceremony of no one named, no visit
    assert not any(p == "CONSULT" for _, _, p in triples(
        "Kenyan President Paul Otieno was the chief guest at a graduation ceremony."))


def test_speaking_to_another_party_is_consulting_it() -> None:
    t = {(e.source.code[:3], e.target.code[:3] if e.target else None, e.plover) for e in events(
        "Speaking to NATO military chiefs gathered in Brussels, Dutch Defense Minister Jan de Vries stressed "
        "the urgency of rearmament.")}
    assert ("NLD", "IGO", "CONSULT") in t
    t = triples("Kenyan President Paul Otieno spoke to Ugandan President Joseph Okello on Monday.")
    assert ("KEN", "UGA", "CONSULT") in t
    # the one spoken to acts in nothing: no reverse event
    assert ("UGA", "KEN", "CONSULT") not in t
    # the press is no party: a plain word for it or an outlet
    for text in ("Kenyan President Paul Otieno spoke to reporters in Nairobi on Monday.",
                 "Kenyan President Paul Otieno spoke to the BBC on Monday."):
        assert not any(p == "CONSULT" for _, _, p in triples(text)), text


def test_forces_supported_by_another_s_forces_cooperate_with_them() -> None:
    t = triples("Malian troops, supported by French forces, retook the town on Sunday.")
    assert ("FRA", "MLI", "COOPERATE") in t and ("FRA", "MLI", "SUPPORT") not in t
    # a plan backed by a military is verbal support still
    t = triples("The Kenyan peace plan is supported by the U.S. military.")
    assert ("USA", "KEN", "SUPPORT") in t and not any(p == "COOPERATE" for _, _, p in t)


def test_aid_approved_for_a_recipient_is_aid() -> None:
    assert ("DEU", "UKR", "AID") in triples("Germany approved a new package of military assistance for Ukraine.")
    assert ("KEN", "AID") in {(t, p) for _, t, p in triples(
        "The World Bank approved a $500 million loan to Kenya on Friday.")}
    # reforms approved are no aid
    assert not any(p == "AID" for _, _, p in triples(
        "The Kenyan parliament approved a package of reforms for the police."))


def test_rescuers_and_medical_teams_sent_abroad_are_aid() -> None:
    assert ("TUR", "SYR", "AID") in triples("Turkey dispatched rescue teams to Syria after the earthquake.")
    assert ("CHN", "MMR", "AID") in triples("China sent a team of doctors to Myanmar on Sunday.")
    # sent to a building, to no state: no recipient named
    assert not any(p == "AID" for _, _, p in triples("Kenya dispatched rescue teams to the collapsed building."))


def test_warships_sent_near_a_state_and_reservists_called_up_are_mobilisation() -> None:
    assert ("CHN", "TWN", "MOBILIZE") in triples("China sent warships near Taiwan on Monday.")
    assert ("ISR", None, "MOBILIZE") in triples("Israel called up 300,000 reservists on Saturday.")
    # a call for troops to be sent is no call-up
    assert not any(p == "MOBILIZE" for _, _, p in triples("Kenya called for troops to leave Somalia."))


def test_money_is_aid_only_given_to_another_party() -> None:
    assert ("JPN", "KEN", "AID") in triples("Japan gave Kenya funds for the new dam.")
    assert ("JPN", "UKR", "AID") in triples("Japan sent money to Ukraine last year.")
    # a migrant's remittance to his family is no aid
    assert not any(p == "AID" for _, _, p in triples(
        "The Guatemalan migrant was working and trying to send money back to his mother."))
