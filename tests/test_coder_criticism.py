"""Criticism and accusation (ACCUSE) and their rejection (REJECT) in the wordings news uses, on sentences written
for these tests."""

from __future__ import annotations

from test_coder_cases import events, triples


def test_a_plot_said_to_be_orchestrated_by_another_accuses_it() -> None:
    # the speaker named for the claim is the accuser, not an actor the word order finds before the phrase
    t = triples('"The ambush was masterminded by militants based in Somalia," the Kenyan army said.')
    assert ("KEN", "SOM", "ACCUSE") in t
    assert ("ETH", "SOM", "ACCUSE") in triples(
        "Ethiopia said the bombing was orchestrated and directed by rebels operating from Somalia.")
    # no author named: no accusation
    assert not any(p == "ACCUSE" for _, _, p in triples(
        '"The ambush was carefully orchestrated," the Kenyan army said.'))


def test_disregard_for_names_whom_the_speaker_faults() -> None:
    assert ("JOR", "ISR", "ACCUSE") in triples(
        "Jordan's foreign ministry said the raid showed Israel's complete disregard for international law.")
    assert ("SRB", "HRV", "ACCUSE") in triples(
        "Serbian officials said the ruling reflects Croatia's disrespect for the rights of minorities.")
    # no one whose disregard it is: no event
    assert not any(p == "ACCUSE" for _, _, p in triples("Kenya said the floods were a matter of disregard for safety."))


def test_a_denial_answers_the_accusation_made_earlier_in_its_sentence() -> None:
    text = ("Egypt accused Ethiopia of filling the dam without consent. "
            "Hamas accused Israel of breaking the truce, an accusation Israel rejected.")
    t = triples(text)
    assert ("ISR", "PSE", "REJECT") in t and ("ISR", "EGY", "REJECT") not in t
    # the denier's own accusation of another is not what its denial answers
    t = triples("Egypt accused Ethiopia of filling the dam without consent. "
                "Hamas accused Israel of breaking the truce and rejected the allegations of smuggling arms.")
    assert ("PSE", "ISR", "REJECT") not in t and ("PSE", "EGY", "REJECT") not in t


def test_the_verbs_of_sharp_criticism_accuse_whom_they_name() -> None:
    for text, pair in [
        ("Turkey lashed out at Greece over the island dispute.", ("TUR", "GRC")),
        ("Ukraine blasted Hungary for blocking the aid.", ("UKR", "HUN")),
        ("China lambasted Japan over the visit to the shrine.", ("CHN", "JPN")),
        ("Poland castigated Belarus for the border crisis.", ("POL", "BLR")),
        ("Germany decried Russia's annexation of the region.", ("DEU", "RUS")),
        ("India faulted Pakistan for the failed talks.", ("IND", "PAK")),
        ("Egypt berated Ethiopia over the dam.", ("EGY", "ETH")),
        ("The French president took aim at Russia in his speech.", ("FRA", "RUS")),
        ("Russia branded Ukraine a terrorist state.", ("RUS", "UKR")),
        ("Japan voiced alarm over North Korea's missile launch.", ("JPN", "PRK")),
        ("Australia raised concerns with China about the detention.", ("AUS", "CHN")),
        ("The Pakistani government held India responsible for the attack.", ("PAK", "IND")),
    ]:
        assert (*pair, "ACCUSE") in triples(text), text
    # "blast" the noun and "held" a meeting are no criticism
    assert triples("A blast hit the market in Kabul, Afghan police said.") == set()
    assert not any(p == "ACCUSE" for _, _, p in triples(
        "Kenya held talks with the minister responsible for security in Somalia."))


def test_legal_action_brought_against_another_accuses_it() -> None:
    assert ("GMB", "MMR", "ACCUSE") in triples(
        "Gambia brought a case against Myanmar at the International Court of Justice.")
    assert ("MEX", "USA", "ACCUSE") in triples("Mexico launched a legal challenge against the United States.")


def test_brushing_aside_turning_down_and_spurning_are_rejections() -> None:
    assert ("RUS", "USA", "REJECT") in triples("Moscow brushed aside Washington's criticism.")
    assert ("IRN", "FRA", "REJECT") in triples("Iran turned down the proposal from France.")
    assert ("CHN", "TWN", "REJECT") in triples("Beijing spurned Taipei's call for talks.")


def test_a_protest_made_to_a_state_over_a_thing_targets_that_state() -> None:
    t = triples("Vietnam protested to China over the seizure of its fishing boat.")
    assert ("VNM", "CHN", "ACCUSE") in t and ("VNM", "VNM", "ACCUSE") not in t
    # an actor named in what it is about is still the one complained of
    t = triples("Egypt complained to the United Nations over the Ethiopian dam.")
    assert ("EGY", "ETH", "ACCUSE") in t


def test_criticism_received_from_another_is_its_accusation() -> None:
    assert ("ZAF", "ISR", "ACCUSE") in triples("Israel faced accusations from South Africa of genocide.")
    assert ("UKR", "RUS", "ACCUSE") in triples("Russia drew accusations from Ukraine of war crimes.")
    assert ("USA", "UGA", "ACCUSE") in triples("Uganda's new law triggered outrage from the United States.")
    assert ("IGOEUREEC", "HUN") in {(e.source.code, e.target.country) for e in events(
        "The Hungarian government has come under criticism from the European Union.") if e.target}
    # no critic named: no accusation
    assert not any(p == "ACCUSE" for _, _, p in triples("Ghana faces accusations of corruption."))
    # coming under attack is an attack, not criticism
    assert not any(p == "ACCUSE" for _, _, p in triples("Israeli troops came under attack from Hamas."))


def test_an_accusation_judged_false_or_disputed_is_rejected() -> None:
    assert ("PSE", "ISR", "REJECT") in triples("Israel accused Hamas of stealing aid. Hamas denied wrongdoing.")
    assert ("CHN", "IND", "REJECT") in triples(
        "India accused China of building a village on its land. China disputed India's account.")
    assert ("VEN", "USA", "REJECT") in triples("The Venezuelan government called the U.S. report fake news.")
    t = triples("Turkey said the claims by Greece were baseless.")
    assert ("TUR", "GRC", "REJECT") in t and ("TUR", "GRC", "ACCUSE") not in t
    # an act judged unacceptable is criticised, not rejected; a disputed place is no disputed claim
    assert ("JPN", "CHN", "ACCUSE") in triples("Japan said China's actions were unacceptable.")
    assert triples("The disputed islands, which China claims, lie near Vietnam.") == set()


def test_doubting_charging_and_name_calling_accuse() -> None:
    assert ("UKR", "RUS", "ACCUSE") in triples(
        "Ukraine questioned the legitimacy of Russia's election in the occupied regions.")
    assert ("RUS", "UKR", "ACCUSE") in triples("Russia leveled accusations against Ukraine over the dam.")
    assert ("VEN", "COL", "ACCUSE") in triples("The Venezuelan president called the Colombian leader a liar.")
    # an appeal naming a group by what it is, and a doubt about a thing, accuse no one
    assert not any(p == "ACCUSE" for _, _, p in triples(
        "The Egyptian ministry called on Hamas, a terrorist group, to disarm."))
    assert not any(p == "ACCUSE" for _, _, p in triples("Kenya questioned the need for more talks with Somalia."))


def test_anger_at_another_is_disapproval() -> None:
    assert ("USA", "TUR", "ACCUSE") in triples("U.S. lawmakers are angry with Ankara's shift toward Moscow.")
    assert ("CHN", "JPN", "ACCUSE") in triples("Chinese officials were furious at Japan over the visit.")
    # anger at a thing no one did
    assert triples("Farmers in Kenya are angry about the drought.") == set()


def test_the_victim_of_a_condemned_act_is_not_its_target() -> None:
    t = triples("Russia condemned the attack on Israeli civilians.")
    assert ("RUS", "ISR", "ACCUSE") not in t and ("RUS", "RUS", "ACCUSE") not in t
    assert ("PAK", "PAK", "ACCUSE") in triples(
        "Pakistan condemned the attack on Chinese engineers by Baloch separatists.")
    # the attacker named before the act is still the one condemned
    assert ("EGY", "ISR", "ACCUSE") in triples("Egypt condemned the Israeli attack on Gaza.")
    assert ("USA", "RUS", "ACCUSE") in triples("The United States condemned Russia's attack on Ukraine.")
