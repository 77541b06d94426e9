"""Group subjects and who is source and who is target (sentences written for these tests)."""

from __future__ import annotations

from test_coder_cases import triples


def test_companions_after_along_with_act_with_the_subject() -> None:
    t = triples("Spain, along with Italy and Greece, condemned Morocco's decision.")
    assert {("ESP", "MAR", "ACCUSE"), ("ITA", "MAR", "ACCUSE"), ("GRC", "MAR", "ACCUSE")} <= t
    t = triples("Brazil, joined by Chile, urged Venezuela to release the prisoners.")
    assert {("BRA", "VEN", "REQUEST"), ("CHL", "VEN", "REQUEST")} <= t
    t = triples("Canada, together with Mexico, on Monday welcomed the deal with Peru.")
    assert {("CAN", "PER", "SUPPORT"), ("MEX", "PER", "SUPPORT")} <= t


def test_companions_closed_by_a_relative_clause() -> None:
    t = triples("Spain, along with Italy and Greece, which remain members of the pact, criticized Morocco.")
    assert {("ESP", "MAR", "ACCUSE"), ("ITA", "MAR", "ACCUSE"), ("GRC", "MAR", "ACCUSE")} <= t


def test_along_with_after_the_verb_names_no_companion_of_the_subject() -> None:
    t = triples("Spain criticized Morocco along with Algeria.")
    assert not any(s == "MAR" or s == "DZA" for s, _, _ in t)
    t = triples("Spain met Chile's envoy, along with Peru's, and praised the deal with Peru.")
    assert not any(s == "CHL" and p == "SUPPORT" for s, _, p in t)


def test_joint_subjects_are_not_their_own_stand_in_recipient() -> None:
    t = triples("Kenya and Uganda agreed to boost trade.")
    assert ("KEN", "KEN", "AGREE") not in t and ("UGA", "UGA", "AGREE") not in t
    assert ("KEN", "UGA", "AGREE") in t and ("UGA", "KEN", "AGREE") in t


def test_the_one_condemning_an_attack_is_not_its_attacker() -> None:
    t = triples("Germany condemned the attack on Poland.")
    # the condemnation is Germany's; its target is the attacker, whom this sentence does not name (the victim is not)
    assert ("DEU", "POL", "ASSAULT") not in t and ("DEU", None, "ACCUSE") in t
    assert not any(p == "ASSAULT" for _, _, p in triples("Austria strongly denounced the deadly bombings in Serbia."))
    assert ("NOR", "SYR", "ASSAULT") not in triples("Norway welcomed the strikes on Syria.")


def test_an_attacker_named_with_the_condemned_attack_keeps_it() -> None:
    assert ("RUS", "POL", "ASSAULT") in triples("Germany condemned Russia's attack on Poland.")
    t = triples("Germany condemned the attack by Russia on Poland.")
    assert ("RUS", "POL", "ASSAULT") in t and ("DEU", "RUS", "ACCUSE") in t
    assert ("DEU", "POL", "ASSAULT") in triples("Germany condemned Russia and attacked Poland.")


def test_coordinated_state_adjectives_before_a_plural_title_are_both_states() -> None:
    t = triples("Peruvian and Chilean ministers held talks in Lima on Tuesday.")
    assert ("PER", "CHL", "CONSULT") in t and ("CHL", "PER", "CONSULT") in t
    assert ("PER", "PER", "CONSULT") not in t
    t = triples("Kenyan and Ugandan foreign ministers signed a trade pact.")
    assert ("KEN", "UGA", "SUPPORT") in t and ("UGA", "KEN", "SUPPORT") in t


def test_a_plural_title_with_one_state_stays_that_state() -> None:
    t = triples("Peruvian ministers criticized Chile.")
    assert ("PER", "CHL", "ACCUSE") in t and not any(s == "CHL" for s, _, _ in t)


def test_states_listed_by_name_that_strike_together_do_not_strike_each_other() -> None:
    t = triples("Turkish and Iraqi jets bombed the mountain hideouts on Sunday.")
    assert ("TUR", "IRQ", "ASSAULT") not in t and ("IRQ", "TUR", "ASSAULT") not in t
    assert ("TUR", None, "ASSAULT") in t


def test_fighting_and_clashes_are_each_side_against_the_other() -> None:
    t = triples("Indian and Chinese troops clashed along the border on Tuesday.")
    assert ("IND", "CHN", "ASSAULT") in t and ("CHN", "IND", "ASSAULT") in t
    t = triples("Fighting between Sudanese troops and Chadian rebels killed dozens.")
    assert ("SDN", "TCD", "ASSAULT") in t and ("TCD", "SDN", "ASSAULT") in t


def test_a_clash_between_two_people_is_no_combat() -> None:
    t = triples("Talks stalled after a heated clash between French President Paul Martin and Italian Prime Minister "
                "Luca Rossi.")
    assert not any(p == "ASSAULT" for _, _, p in t)


def test_an_intent_with_no_recipient_gives_way_to_the_same_intent_towards_one() -> None:
    t = triples("Ghana and Togo agreed to boost trade.")
    assert ("GHA", "TGO", "AGREE") in t and ("TGO", "GHA", "AGREE") in t
    assert ("GHA", None, "AGREE") not in t and ("TGO", None, "AGREE") not in t


def test_an_act_with_no_recipient_stays_beside_an_act_of_another_type() -> None:
    t = triples("Ghana criticized the decision and urged Togo to reconsider it.")
    assert ("GHA", "TGO", "REQUEST") in t and any(s == "GHA" and p == "ACCUSE" for s, _, p in t)


def test_charges_rejected_before_no_named_accuser_are_the_home_states() -> None:
    # the state that tries him is his own: the rejection answers it
    t = triples("Pakistani Senator Ahmed Khan went on trial on Monday. He rejects the charges.")
    assert ("PAK", "PAK", "REJECT") in t


def test_allegations_out_of_court_get_no_home_state_accuser() -> None:
    t = triples("Pakistani Senator Ahmed Khan spoke on Monday. He denies the allegations.")
    assert ("PAK", "PAK", "REJECT") not in t


def test_backing_the_call_backs_the_makers_of_the_appeal_told_before() -> None:
    t = triples("Spain, Italy and Greece called on the United Nations to hold an emergency session. "
                "Norway and Chile also supported the call.")
    assert {("NOR", "ESP", "SUPPORT"), ("NOR", "ITA", "SUPPORT"), ("CHL", "GRC", "SUPPORT")} <= t


def test_backing_a_call_whose_maker_is_named_keeps_that_maker() -> None:
    t = triples("Spain called on the United Nations to hold an emergency session. Norway welcomed the plan of Chile.")
    assert ("NOR", "ESP", "SUPPORT") not in t


def test_a_list_of_parties_after_of_or_from_keeps_its_first_item() -> None:
    """"the ministers of A, B and C", "leaders from A and B": the link opens the list of the parties themselves."""
    t = triples("The foreign ministers of Britain, France and Italy met in Rome.")
    assert ("GBR", "FRA", "CONSULT") in t and ("ITA", "GBR", "CONSULT") in t
    t = triples("Leaders from Kenya and Uganda attended the summit.")
    assert ("KEN", None, "CONSULT") in t and ("UGA", None, "CONSULT") in t
    # a phrase before the list, not its head's parties, stays out of it
    assert not any(s == "UKR" for s, _, _ in triples("Beyond Ukraine, Britain and Japan agreed to meet."))
