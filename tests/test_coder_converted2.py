"""Phrases of the converted CAMEO dictionary that a hand-written phrase on the same first word hides ("issue~",
"send~", "express~", "extend~", "ask~", "seek~", "launch~"...), copied into verbs.yaml next to it: apologies and
denunciations issued, envoys and medical teams sent, condemnation expressed, an olive branch extended, aid asked
of a state, extradition sought, a verbal attack launched. Sentences written for these tests."""

from __future__ import annotations

from test_coder_cases import triples


def test_apology_issued_is_support() -> None:
    assert ("EGY", "SDN", "SUPPORT") in triples("Egypt issued an apology to Sudan for the border incident.")
    assert ("NOR", "DNK", "SUPPORT") in triples("Norway's foreign ministry issued a formal apology to Denmark.")


def test_apology_not_issued_gives_no_event() -> None:
    assert triples("Egypt has not issued an apology to Sudan.") == set()


def test_envoy_or_delegation_sent_to_a_state_is_consult() -> None:
    assert ("GRC", "CYP", "CONSULT") in triples("Greece sent an envoy to Cyprus on Monday.")
    assert ("TUR", "IRQ", "CONSULT") in {(s, (t or "")[:3], p) for s, t, p in triples(
        "Ankara will send a high-level delegation to Iraq next week.") | triples(
        "Turkey sent a delegation to Iraq to discuss water sharing.")}


def test_delegation_not_sent_or_only_weighed_gives_no_consult() -> None:
    assert triples("Greece did not send an envoy to Cyprus.") == set()
    assert not any(p == "CONSULT" for _, _, p in triples("Brazil may send a delegation to Chile if asked."))


def test_medical_team_sent_is_aid() -> None:
    assert ("NGA", "NER", "AID") in triples("Nigeria sent a medical team to Niger after the floods.")
    assert ("JPN", "PHL", "AID") in triples("Japan is sending medical equipment to the Philippines.")


def test_condemnation_expressed_or_criticism_issued_is_accuse() -> None:
    assert ("FJI", "VUT", "ACCUSE") in triples("Fiji expressed its condemnation of Vanuatu's decision.")
    assert ("SRB", "HRV", "ACCUSE") in triples("Serbia issued sharp criticism of Croatia over the arrests.")
    assert ("ARM", "AZE", "ACCUSE") in triples("Armenia issued a strong denunciation of Azerbaijan's shelling.")


def test_statement_issued_without_criticism_is_not_accuse() -> None:
    assert not any(p == "ACCUSE" for _, _, p in triples("Serbia issued a statement on its talks with Croatia."))


def test_olive_branch_extended_is_support() -> None:
    assert ("ETH", "ERI", "SUPPORT") in triples("Ethiopia extended an olive branch to Eritrea.")
    assert triples("Ethiopia did not extend an olive branch to Eritrea.") == set()


def test_extradition_or_clarification_sought_is_request() -> None:
    assert ("PER", "CHL", "REQUEST") in {(s, (t or "")[:3], p) for s, t, p in triples(
        "Peru is seeking the extradition of a Chilean businessman.")}
    assert ("UGA", "KEN", "REQUEST") in triples("Uganda sought clarification from Kenya about the border closure.")
    assert triples("Peru did not seek the extradition of the Chilean businessman.") == set()


def test_aid_asked_of_a_state_is_request() -> None:
    assert ("NPL", "IND", "REQUEST") in triples("Nepal asked India for humanitarian aid after the earthquake.")
    assert ("MWI", "ZAF", "REQUEST") in triples("Malawi has asked South Africa for emergency assistance.")


def test_verbal_attack_launched_is_accuse_not_assault() -> None:
    t = triples("The Bolivian president launched a scathing attack on Paraguay's government.")
    assert any(s == "BOL" and p == "ACCUSE" for s, _, p in t)
    assert not any(p == "ASSAULT" for _, _, p in t)
    assert ("RUS", "POL", "ACCUSE") in triples("Russia fired a verbal broadside at Poland.")


def test_armed_attack_launched_stays_assault() -> None:
    t = triples("Syrian troops launched a fierce attack on rebel positions in Idlib.")
    assert any(p == "ASSAULT" for _, _, p in t) and not any(p == "ACCUSE" for _, _, p in t)


def test_amnesty_granted_is_concede() -> None:
    assert ("THA", "KHM", "CONCEDE") in {(s, (t or "")[:3], p) for s, t, p in triples(
        "Thailand granted amnesty to 20 Cambodian prisoners.")}
    assert "CONCEDE" in {p for _, _, p in triples("Belarus's president granted clemency to 30 political prisoners.")}
    assert triples("Thailand refused to grant amnesty to the Cambodian prisoners.") & {
        ("THA", "KHM", "CONCEDE")} == set()


def test_confidence_voiced_in_a_party_is_support() -> None:
    assert ("DEU", "POL", "SUPPORT") in {(s, (t or "")[:3], p) for s, t, p in triples(
        "Germany voiced confidence in Poland's new government.")}
    assert triples("Iran voiced confidence that the talks would succeed.") == set()


def test_border_or_bridge_opened_to_a_neighbour_is_retreat() -> None:
    assert ("JOR", "SYR", "RETREAT") in triples("Jordan opened its border with Syria on Sunday.")
    assert ("UZB", "AFG", "RETREAT") in triples("Uzbekistan opened the bridge to Afghanistan to let grain through.")
    assert triples("Kenya did not open its border with Somalia.") == set()


def test_act_called_illegitimate_is_accuse() -> None:
    assert ("HUN", "SVK", "ACCUSE") in triples("Hungary called Slovakia's election illegitimate.")
    assert ("SRB", "KSV", "ACCUSE") in triples("Serbia called Kosovo's decision unjustified.")
    assert not any(p == "ACCUSE" for _, _, p in triples("Chile called the Peruvian plan legitimate."))


def test_expulsion_ordered_is_sanction_for_diplomats_and_coerce_for_others() -> None:
    assert ("MLI", "FRA", "SANCTION") in {(s, (t or "")[:3], p) for s, t, p in triples(
        "Mali's junta ordered the expulsion of the French ambassador.")}
    assert ("DZA", "NER", "COERCE") in triples("Algeria ordered the expulsion of 300 Nigerien migrants.")
    assert triples("Algeria has not ordered the expulsion of the Nigerien migrants.") == set()


def test_talks_postponed_are_no_meeting() -> None:
    t = triples("Ghana postponed talks with Togo.")
    assert ("GHA", "TGO", "SANCTION") in t and not any(p == "CONSULT" for _, _, p in t)
    assert triples("Peru postponed the vote.") == set()


def test_envoy_or_leader_received_is_a_hosted_meeting() -> None:
    assert ("EGY", "SDN", "CONSULT") in {(s, (t or "")[:3], p) for s, t, p in triples(
        "Egypt received the Sudanese envoy in Cairo on Tuesday.")}
    assert ("JOR", "IRQ", "CONSULT") in {((s or "")[:3], (t or "")[:3], p) for s, t, p in triples(
        "Jordan's king received Iraq's prime minister at his palace.")}
    assert triples("Ukraine received weapons from the minister.") == set()


def test_attacks_halted_are_retreat() -> None:
    assert "RETREAT" in {p for _, _, p in triples("Turkey halted its air strikes on Kurdish positions in Syria.")}
    assert triples("Turkey has not halted its attacks on Kurdish positions.") == set()


def test_compromise_reached_and_contact_established_are_joint() -> None:
    t = triples("Ethiopia and Eritrea reached a compromise on the border.")
    assert ("ETH", "ERI", "AGREE") in t and ("ERI", "ETH", "AGREE") in t
    assert ("BTN", "CHN", "CONSULT") in triples("Bhutan established contact with China.")


def test_assets_or_relations_frozen_are_sanction() -> None:
    assert ("CAN", "IRN", "SANCTION") in {(s, (t or "")[:3], p) for s, t, p in triples(
        "Canada froze the assets of Iranian officials.")}
    assert ("UKR", "BLR", "SANCTION") in triples("Ukraine froze relations with Belarus.")
    assert triples("Canada did not freeze the assets of Iranian officials.") == set()


def test_sentence_passed_by_a_court_is_coerce() -> None:
    assert "COERCE" in {p for _, _, p in triples("A Russian court passed a harsh sentence on the American reporter.")}
    assert not any(p == "COERCE" for _, _, p in triples("Brazil's senate passed a bill on the Argentine trade deal."))


def test_riot_police_deployed_against_protesters_is_coerce_not_a_riot() -> None:
    t = triples("Sudan deployed riot police against protesters in Khartoum.")
    assert ("SDN", "SDN", "COERCE") in t and not any(p == "PROTEST" for _, _, p in t)


def test_border_guards_deployed_is_mobilize() -> None:
    assert ("PAK", "AFG", "MOBILIZE") in triples("Pakistan deployed border guards on the frontier with Afghanistan.")
    assert triples("Pakistan has not deployed border guards on the frontier with Afghanistan.") == set()


def test_troops_reduced_in_a_state_is_retreat() -> None:
    assert ("FRA", "MLI", "RETREAT") in triples("France reduced its troops in Mali.")
    assert ("ISR", "PSE", "RETREAT") in triples("Israel reduced the number of soldiers in Gaza.")


def test_visa_rules_or_grip_tightened_is_coerce() -> None:
    assert ("CHN", "HKG", "COERCE") in triples("China tightened its grip on Hong Kong.")
    assert ("KEN", "SOM", "COERCE") in {(s, (t or "")[:3], p) for s, t, p in triples(
        "Kenya tightened visa rules for Somali nationals.")}


def test_people_prevented_from_entering_or_leaving_is_coerce() -> None:
    assert ("ISR", "PSE", "COERCE") in triples("Israel prevented Palestinian worshippers from entering the mosque.")
    assert triples("Rain prevented the ministers from leaving.") == set()


def test_charges_pressed_against_someone_is_coerce() -> None:
    assert ("IRN", "FRA", "COERCE") in {(s, (t or "")[:3], p) for s, t, p in triples(
        "Iran pressed charges against the French tourist.")}
    assert ("UKR", "RUS", "REQUEST") in triples("Ukraine pressed Russia to release the prisoners.")


def test_action_promised_against_someone_is_threaten_not_agree() -> None:
    t = triples("South Korea vowed stern retaliation against North Korea.")
    assert ("KOR", "PRK", "THREATEN") in t and not any(p == "AGREE" for _, _, p in t)
    assert ("GHA", "TGO", "AGREE") in triples("Ghana promised action to protect Togolese traders.")
