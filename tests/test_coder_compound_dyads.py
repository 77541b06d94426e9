"""Meetings, relations and deals whose parties a hyphenated compound names ("the U.S.-Japan summit", "India-China
border talks"), and visits told by their host ("X welcomed Y to the White House"): the parties of the compound
meet each other when the sentence asserts the meeting, not when it only names its setting or a meeting to come."""

from test_coder_cases import events, triples


def test_compound_summit_held_is_a_meeting_of_both() -> None:
    found = triples("The Kenya-Somalia talks in Nairobi ended on Friday with a joint statement.")
    assert ("KEN", "SOM", "CONSULT") in found and ("SOM", "KEN", "CONSULT") in found


def test_compound_with_modifiers_before_the_noun() -> None:
    assert ("BRA", "ARG", "CONSULT") in triples("The Brazil-Argentina border talks resumed on Monday in Montevideo.")
    found = triples("The Poland-Lithuania Defense Ministers' Meeting was held in Vilnius.")
    assert ("POL", "LTU", "CONSULT") in found and ("LTU", "POL", "CONSULT") in found


def test_compound_negotiations_use_the_compound_parties() -> None:
    assert ("EGY", "ETH", "CONSULT") in triples("Egypt-Ethiopia water negotiations ended in Cairo on Sunday.")


def test_compound_meeting_not_held_yet_or_only_a_setting() -> None:
    assert not triples("A planned Chile-Peru summit was called off.")
    assert not triples("The Vietnam-Cambodia talks will resume next week.")
    assert not triples("Officials prepared the agenda ahead of the Ghana-Togo summit.")
    assert not triples("Since the 2018 Canada-Mexico summit, trade has grown.")


def test_compound_without_a_meeting_noun_is_no_meeting() -> None:
    assert not triples("The Armenia-Azerbaijan war displaced thousands.")


def test_guest_welcomed_to_a_place_is_a_visit_hosted() -> None:
    assert ("ZAF", "RWA", "CONSULT") in triples("Ramaphosa welcomed Kagame to Pretoria on Monday.")
    assert ("FRA", "IND", "CONSULT") in triples("Macron welcomed the Indian prime minister at the Elysee Palace.")
    assert ("BRA", "ARG", "CONSULT") in triples("Lula welcomed Milei in Brasilia on Tuesday.")


def test_welcoming_a_thing_or_a_member_stays_support() -> None:
    found = triples("Japan welcomed the U.S. announcement in Geneva.")
    assert ("JPN", "USA", "SUPPORT") in found and ("JPN", "USA", "CONSULT") not in found
    found = triples("Indonesia welcomed Timor-Leste to ASEAN.")
    assert ("IDN", "TLS", "CONSULT") not in found


def test_host_of_compound_named_talks_hosts_both_parties() -> None:
    found = triples("Oman hosted Sudan-Chad talks on Saturday.")
    assert {("OMN", "SDN", "CONSULT"), ("OMN", "TCD", "CONSULT"), ("SDN", "TCD", "CONSULT")} <= found
    found = triples("Turkey hosted the Serbia-Kosovo border negotiations in Istanbul.")
    assert {("TUR", "SRB", "CONSULT"), ("TUR", "KSV", "CONSULT")} <= found


def test_host_of_a_compound_without_a_meeting_hosts_only_its_guest() -> None:
    found = triples("Egypt hosted U.S.-Israeli officials.")
    assert ("EGY", "ISR", "CONSULT") not in found


def test_compound_named_deal_signed_and_relations_restored_or_severed() -> None:
    found = triples("The Japan-Australia defence deal was signed in Canberra.")
    assert ("JPN", "AUS", "SUPPORT") in found and ("AUS", "JPN", "SUPPORT") in found
    assert ("ETH", "ERI", "SUPPORT") in triples("Ethiopia-Eritrea relations were restored in 2018.")
    assert ("QAT", "EGY", "SANCTION") in triples("Qatar-Egypt ties were severed in 2017.")


def test_compound_named_relations_as_a_state_of_affairs_is_no_event() -> None:
    assert not triples("Chile-Bolivia relations are tense.")


def test_compound_named_prisoner_swap_releases_on_both_sides() -> None:
    found = triples("The Armenia-Azerbaijan prisoner exchange ended on Monday.")
    assert ("ARM", "AZE", "RETREAT") in found and ("AZE", "ARM", "RETREAT") in found
    assert not triples("After the Armenia-Azerbaijan prisoner exchange, the border reopened.")


def test_sino_compound_names_china() -> None:
    found = triples("Sino-Indian border talks resumed in Beijing on Monday.")
    assert ("CHN", "IND", "CONSULT") in found and ("IND", "CHN", "CONSULT") in found


def test_the_quad_is_an_organisation() -> None:
    found = {(e.source.country, e.target.code if e.target else None, e.plover)
             for e in events("Albanese attended the Quad summit in Wilmington.")}
    assert ("AUS", "IGOQUAD", "CONSULT") in found
    assert not any(s == "CHN" for s, _, _ in triples("Quad leaders met in Tokyo."))


def test_compound_meeting_called_for_cancelled_or_prepared_is_not_held() -> None:
    assert not triples("Peru canceled the Peru-Chile summit.")
    assert not triples("The Ghana-Togo summit was postponed.")
    assert not triples("Officials are preparing for the Nepal-Bhutan summit.")


def test_compound_inside_a_holding_phrase_names_the_parties() -> None:
    found = triples("The two leaders held the Kenya-Uganda summit on Tuesday.")
    assert ("KEN", "UGA", "CONSULT") in found and ("UGA", "KEN", "CONSULT") in found


def test_guest_received_at_a_place_is_a_visit_hosted() -> None:
    assert ("TUR", "UKR", "CONSULT") in triples("Erdogan received Zelenskyy in Ankara.")
    assert ("CHN", "BRA", "CONSULT") in triples("Xi received Lula at the Great Hall of the People in Beijing.")


def test_people_or_calls_received_are_no_guests() -> None:
    assert ("KEN", "SOM", "CONSULT") not in triples("Kenya received Somali refugees in Dadaab.")
    found = triples("Egypt welcomed Sudanese refugees in Cairo.")
    assert ("EGY", "SDN", "CONSULT") not in found


def test_compound_meeting_rejected_or_judged_unlikely_is_not_held() -> None:
    found = triples("Cuba rejected Cuba-Panama talks.")
    assert ("CUB", "PAN", "CONSULT") not in found and ("PAN", "CUB", "CONSULT") not in found
    assert not triples("Analysts say a Chile-Peru summit is unlikely.")


def test_named_dialogue_after_a_compound_is_the_meeting() -> None:
    found = triples("The Indonesia-Vietnam High-Level Economic Dialogue was held in Hanoi.")
    assert ("IDN", "VNM", "CONSULT") in found and ("VNM", "IDN", "CONSULT") in found
    assert ("USA", "IND", "CONSULT") in triples("Rubio attended the U.S.-India Strategic Dialogue in Washington.")
    assert not triples("The Peace and Security Dialogue opened in Addis Ababa.")


def test_compound_named_deal_reached_is_agreement_of_both() -> None:
    found = triples("A Mexico-Canada trade deal was reached in Ottawa.")
    assert ("MEX", "CAN", "AGREE") in found and ("CAN", "MEX", "AGREE") in found
    assert not triples("A Mexico-Canada trade deal could be reached soon.")


def test_en_dash_joins_compound_parties_too() -> None:
    found = triples("The Kenya–Uganda summit ended on Tuesday.")
    assert ("KEN", "UGA", "CONSULT") in found and ("UGA", "KEN", "CONSULT") in found


def test_a_state_named_again_in_the_pair_is_not_the_recipient_of_its_own_appeal() -> None:
    # the other side of the compound is the one asked, not the asker named a second time
    assert ("RUS", "UKR", "REQUEST") in triples("Moscow called for Russia-Ukraine talks.")
    assert ("CHN", "CHN", "REQUEST") not in triples("Beijing called for China-Japan talks.")
    # its material acts at home keep their own state
    assert ("PAK", "PAK", "ASSAULT") in triples("Pakistan's army launched an offensive against militants in Pakistan.")
