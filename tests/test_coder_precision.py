"""Precision: wording the coder read as events or actors that are not (sentences written for these tests)."""

from __future__ import annotations

from test_coder_cases import events, triples


def test_think_tank_is_no_military_and_bare_is_no_state() -> None:
    t = triples("China sent ships near Taiwan on Monday. The think tank accused Beijing of bullying its neighbours.")
    assert not any(p == "ACCUSE" for _, _, p in t)
    assert ("RUS", "UKR", "ACCUSE") in triples("A Russian think tank accused Ukraine of lying.")
    # near miss: tanks are still the military's
    assert ("JPN", "JPN", "ASSAULT") in triples("Japan criticized China on Monday. The tanks attacked the village.")


def test_participle_of_a_possible_act_is_not_done() -> None:
    t = triples("The European Union may impose new sanctions on Belarus, cutting aid to the country.")
    assert not any(p == "SANCTION" for _, _, p in t)
    t = triples("Analysts said Serbia might provoke Kosovo by buying more weapons and defying Kosovo in the north.")
    assert not any(p == "REJECT" for _, _, p in t)
    # near miss: a finite verb between ends the possible act; the participle of a done act is coded
    t = triples("Russia, which could strike at any time, has been shelling Kharkiv, killing four Ukrainian civilians.")
    assert ("RUS", "UKR", "ASSAULT") in t
    assert ("PAK", "IND", "ACCUSE") in triples("Pakistan criticized India on Monday, accusing it of backing militants.")


def test_car_abbreviation_is_the_central_african_republic() -> None:
    t = triples("Rebels attacked ten villages in northeastern C.A.R., near the Chad border.")
    assert ("CAF", "CAF", "ASSAULT") in t
    assert ("CAF", "TCD", "ACCUSE") in triples("C.A.R. accused Chad of arming the rebels.")
    # near miss: a car is no state
    t = triples("Kenya said on Monday that a car bomb had killed four soldiers near the market.")
    assert not any("CAF" in (x or "") for s, d, _ in t for x in (s, d))


def test_bare_troops_are_those_where_the_action_just_was() -> None:
    text = ("Afghanistan rejected the claims by Pakistan. Afghan officials said Afghanistan was not involved. "
            "Gunmen attacked a bus near Quetta on Tuesday. Two passengers were hurt. "
            "The army said it killed 12 militants.")
    t = triples(text)
    assert ("PAK", "PAK", "ASSAULT") in t
    assert not any(s == "AFG" and p == "ASSAULT" for s, _, p in t)
    # near miss: a state named in the sentence itself is still theirs
    text = ("Gunmen attacked a bus near Quetta on Tuesday. "
            "Afghan officials said the army killed 12 militants near Kabul.")
    assert ("AFG", "AFG", "ASSAULT") in triples(text)


def test_what_is_discussed_is_not_done() -> None:
    t = triples("Japan and Australia discussed joint military exercises in the South China Sea.")
    assert not any(p == "COOPERATE" for _, _, p in t)
    t = triples("Nigerian and Ghanaian defence chiefs discussed peace support operations in the Sahel.")
    assert not any(p == "SUPPORT" for _, _, p in t)
    # near miss: exercises held are done
    t = triples("Japan and Australia held joint military exercises in the South China Sea.")
    assert any(p == "COOPERATE" for _, _, p in t)


def test_a_state_suspended_by_an_organisation_is_sanctioned() -> None:
    assert ("NER", "SANCTION") in {(t, p) for _, t, p in triples("The African Union suspended Niger after the coup.")}
    assert ("MLI", "SANCTION") in {(t, p) for _, t, p in triples("ECOWAS suspended Mali from the bloc.")}
    # what is suspended is not a state right after the verb: its own wording, or nothing
    assert ("USA", "NER", "SANCTION") in triples("The United States suspended aid to Niger.")
    assert triples("The court suspended the opposition leader.") == set()


def test_a_state_s_accession_ratified_by_another_is_supported() -> None:
    assert ("TUR", "SWE", "SUPPORT") in triples("Turkey's parliament ratified Sweden's NATO membership.")
    assert ("HUN", "FIN", "SUPPORT") in triples("Hungary ratified Finland's accession to NATO.")
    # the converted dictionary's treaties ratified are still coded
    assert ("KEN", "TZA", "SUPPORT") in triples("Kenya ratified the border agreement with Tanzania.")


def test_police_sent_to_another_state_are_protection_given() -> None:
    assert ("KEN", "HTI", "AID") in triples("Kenya sent police officers to Haiti.")
    assert ("KEN", "HTI", "AGREE") in triples("Kenya will send 1,000 police officers to Haiti.")


def test_a_vessel_or_mission_blocked_is_movement_restricted() -> None:
    assert ("CHN", "PHL", "COERCE") in triples("China's coast guard blocked a Philippine resupply mission.")
    # roads blocked are a protest; a package blocked is a rejection
    assert ("HUN", "REJECT") in {(s, p) for s, _, p in triples("Hungary blocked the EU aid package for Ukraine.")}


def test_a_sanction_with_no_recipient_named_is_not_on_the_one_who_imposes_it() -> None:
    # the story's state stands in for an unnamed recipient, not when it is the one imposing the sanction
    assert triples("The United States imposed tariffs on European spirits.") == {("USA", None, "SANCTION")}
    assert triples("Washington imposed new sanctions last week.") == {("USA", None, "SANCTION")}
    # a state named as the recipient still is
    assert ("CHN", "AUS", "SANCTION") in triples("Beijing imposed tariffs on Australian wine.")


def test_a_court_s_sentence_or_conviction_is_coercion_of_the_one_sentenced() -> None:
    assert ("RUS", "USA", "COERCE") in triples(
        "A court in Moscow sentenced the American journalist to 16 years in prison.")
    assert ("IRN", "FRA", "COERCE") in triples("Iran sentenced a French citizen to five years for spying.")
    # a conviction's charge is no recipient ("collusion with foreign forces")
    assert not any(e.target is not None and "MIL" in e.target.code for e in events(
        "A Hong Kong court convicted Jimmy Lai of collusion with foreign forces."))
    # the noun is no sentencing
    assert triples("The opposition leader is serving a sentence for fraud.") == set()


def test_flights_restored_and_representations_lodged_and_arms_sales_approved() -> None:
    t = triples("Ethiopia and Eritrea restored flights for the first time in 20 years.")
    assert ("ETH", "ERI", "COOPERATE") in t and ("ERI", "ETH", "COOPERATE") in t
    assert ("CHN", "USA", "ACCUSE") in triples("China's foreign ministry lodged stern representations with the U.S.")
    assert ("USA", "TWN", "AID") in triples("The Pentagon approved a $500 million arms sale to Taiwan.")
    # the noun alone is background, and a sale judged is not the judge's
    assert triples("An investigation of illegal arms sales to Croatia began.") == set()
    assert not any(s == "CHN" and p == "AID" for s, _, p in triples("China condemned the U.S. arms sale to Taiwan."))


def test_trade_banned_with_a_state_is_an_embargo() -> None:
    assert ("CAN", "RUS", "SANCTION") in triples("Canada banned imports of Russian aluminum.")
    assert ("USA", "CHN", "SANCTION") in triples("The U.S. halted exports of advanced chips to China.")
    # a ban at home stays coercion
    assert ("KEN", "KEN", "COERCE") in triples("Kenya banned plastic bags.")
