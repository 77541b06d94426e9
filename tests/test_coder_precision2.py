"""Precision on news the coder was not tuned on: wording read as an act that is not one, or an act coded to the
wrong actors (sentences written for these tests)."""

from __future__ import annotations

from test_coder_cases import triples


def test_an_observers_guess_of_force_is_no_threat() -> None:
    for text in ("Russia could attack Ukraine, analysts said.",
                 "Analysts said China might invade Taiwan next year.",
                 "Experts warn that Iran could strike Israel within weeks."):
        assert not any(p == "THREATEN" for _, _, p in triples(text)), text
    # near miss: the would-be actor's own words are a threat; so is a stated threat
    assert ("RUS", "UKR", "THREATEN") in triples("Russia said it could strike Kyiv.")
    assert ("RUS", "UKR", "THREATEN") in triples(
        '"We could strike Kyiv at any moment," Russian President Ivan Petrov said.')
    assert ("RUS", "UKR", "THREATEN") in triples("Russia threatened to attack Ukraine.")
    # (an organisation's own deliberation is told as its possible measure)
    assert (None, "SRB", "THREATEN") in triples(
        "The European Union may impose sanctions on Serbia, the German foreign minister said.")


def test_the_city_a_meeting_is_held_in_is_no_party() -> None:
    assert not any(t == "BEL" for _, t, _ in triples("NATO defence ministers met in Brussels on Tuesday."))
    assert not any(t == "CHE" for _, t, _ in triples("Armenian and Azerbaijani diplomats held talks at Geneva."))
    # near miss: the officials met are parties; a visit's city is its host
    assert ("JPN", "BEL", "CONSULT") in triples("Japanese officials met with Belgian officials in Brussels.")
    assert ("IND", "RUS", "CONSULT") in triples("The Indian foreign minister arrived in Moscow for talks.")


def test_the_one_arrested_is_the_target_not_the_source() -> None:
    t = triples("A Pakistani businessman was arrested in Dubai on Monday.")
    assert ("ARE", "PAK", "COERCE") in t and not any(s == "PAK" for s, _, _ in t)
    t = triples("Indian journalist Ravi Kumar was detained in Mumbai.")
    assert ("IND", "IND", "COERCE") in t
    # near miss: the agent after "by" arrests; an active arrest keeps its subject
    assert ("TUR", "DEU", "COERCE") in triples("A German reporter was detained by Turkish police in Ankara.")
    assert ("ARE", "PAK", "COERCE") in triples("Emirati police arrested a Pakistani businessman.")


def test_the_people_an_attack_kills_are_of_the_place_struck() -> None:
    t = triples("Airstrikes by Russia on Ukrainian cities killed 12 civilians.")
    assert ("RUS", "UKR", "ASSAULT") in t and not any(d == "RUS" or s == "UKR" for s, d, _ in t)
    t = triples("Russian airstrikes on Kharkiv killed 12 civilians.")
    assert ("RUS", "UKR", "ASSAULT") in t and ("RUS", "RUS", "ASSAULT") not in t
    # near miss: a state's strikes at home kill its own people
    assert ("SYR", "SYR", "ASSAULT") in triples("Syrian government airstrikes killed 12 civilians in Idlib.")


def test_a_noun_of_judgement_is_no_attack() -> None:
    t = triples('Iran accused Washington of seeking to weaponize the council. "This dangerous abuse of the Security '
                'Council must be rejected," the Iranian mission said.')
    assert not any(p == "ASSAULT" for _, _, p in t)
    for text in ('"We cannot be silent about these human rights abuses in Xinjiang," the German minister said.',
                 "Such blatant abuse of the Security Council by the United States must stop, Iran said."):
        assert not any(p == "ASSAULT" for _, _, p in triples(text)), text
    # near miss: abuse done is an act; a restated attack keeps its own sentence's coding
    assert ("NGA", "NGA", "ASSAULT") in triples("Nigerian soldiers abused detainees in Maiduguri, Amnesty said.")
    assert any(p == "ASSAULT" for _, _, p in triples("This attack killed 12 Ukrainian soldiers, Russia said."))


def test_a_duty_no_one_states_is_no_demand() -> None:
    t = triples("Kenya's new port deal came amid a recognition that Uganda needs to upgrade its railways.")
    assert not any(p == "REQUEST" for _, _, p in t)
    # near miss: a speaker who says another must act demands it
    assert ("GBR", "LBY", "REQUEST") in triples(
        "A senior British minister reiterated that Libya must hand over the suspects.")
    assert ("FRA", "MLI", "REQUEST") in triples("France said Mali must hold elections soon.")


def test_what_a_thing_is_for_or_a_habit_is_no_act() -> None:
    t = triples("A German military plane used to help troops communicate and share intelligence crashed in Mali.")
    assert not any(p == "COOPERATE" for _, _, p in t)
    assert not any(p == "AID" for _, _, p in triples("Russia used to sell weapons to India."))
    # near miss: a use made is the act
    assert ("IRN", "UKR", "ASSAULT") in triples("Iranian drones were used to attack Kyiv, Ukraine said.")
    assert ("RUS", "UKR", "ASSAULT") in triples("Russia used drones to attack Kyiv.")


def test_the_toll_of_a_war_told_in_its_description_is_history() -> None:
    for text in ("That agreement ended a war that lasted more than three years and killed 100,000 people.",
                 "The war in Bosnia, which killed 100,000 people, ended in 1995."):
        assert not any(p == "ASSAULT" for _, _, p in triples(text)), text
    # near miss: a killing told in a war is an attack
    assert ("SRB", "BIH", "ASSAULT") in triples("Serbian forces killed 12 Bosnian civilians during the war.")


def test_private_life_and_figures_of_speech_are_no_acts() -> None:
    t = triples("Nigeria expelled Chinese traders. Being neither citizens nor guests, the Chinese traders occupied a "
                "gray area under Nigerian law.")
    assert not any(p == "ASSAULT" for _, _, p in t)
    t = triples("Mexican migrants crossed into Texas. He was just working and trying to send money back to his "
                "mother, his Mexican lawyer said.")
    assert not any(p == "AID" for _, _, p in t)
    t = triples('Russia jailed a Ukrainian journalist. He\'s still strong, and he\'s still fighting," his Ukrainian '
                'lawyer said.')
    assert not any(p == "ASSAULT" for _, _, p in t)
    # near misses: an occupation, aid to a state, a fight with someone, a school turning a child away
    assert ("RUS", "UKR", "ASSAULT") in triples("Russian troops occupied a village near Kharkiv.")
    assert ("QAT", "PSE", "AID") in triples("Qatar sent money to Gaza.")
    assert ("UKR", "RUS", "ASSAULT") in triples("He fought Russian forces in Bakhmut, Ukraine said.")
    assert any(p == "REJECT" for _, _, p in triples("A Kenyan school refused to enroll her daughter."))


def test_the_forces_that_tell_of_an_arrest_made_it() -> None:
    assert ("KEN", "ETH", "COERCE") in triples("Two Ethiopian journalists were arrested on Monday, Kenyan police said.")
    # near miss: a rights group that tells of it did not arrest anyone (with no arrester named the story's state
    # did, as test_coder_domestic.py has it: here that of the journalists, the one state the story names)
    t = triples("Two Ethiopian journalists were arrested on Monday, Amnesty said.")
    assert not any(p == "COERCE" and s is None for s, _, p in t) and ("ETH", "ETH", "COERCE") in t


def test_abuse_that_is_judged_is_no_attack() -> None:
    t = triples("Two Russians tried to kill an Iranian journalist, a vocal critic of Tehran's human rights abuses.")
    assert ("IRN", "IRN", "ASSAULT") not in t
    t = triples("Germany condemned Russia's abuses of Ukrainian prisoners.")
    assert ("DEU", "RUS", "ACCUSE") in t and not any(p == "ASSAULT" for _, _, p in t)
    # near miss: the attack told beside it stays
    assert ("RUS", "IRN", "ASSAULT") in triples(
        "Two Russians tried to kill an Iranian journalist, a vocal critic of Tehran's human rights abuses.")


def test_an_observers_forecast_of_what_an_actor_wants_is_no_act() -> None:
    assert not any(p == "AGREE" for _, _, p in triples(
        "According to analysts, Japan wants to strengthen ties with India."))
    # near miss: the actor's own words, and an act observers report as done
    assert ("JPN", "IND", "AGREE") in triples(
        "Japan wants to strengthen ties with India, the Japanese foreign minister said.")
    assert ("RUS", "UKR", "ASSAULT") in triples("Analysts said Russia attacked Kharkiv on Monday.")
