"""Acts named as nouns with their doer before them ("Belarus's arrest of activists", "China's military drills",
"Russia's deployment of troops"): invented sentences, one kind of wording a test."""

from __future__ import annotations

from test_coder_cases import events, triples


def test_a_possessor_before_an_act_and_its_of_does_it() -> None:
    t = triples("Lithuania condemned Belarus's arrest of opposition activists.")
    assert ("LTU", "BLR", "ACCUSE") in t and ("BLR", "BLR", "COERCE") in t
    assert not any(s == "LTU" and p == "COERCE" for s, _, p in t)
    # people no text makes anyone's, arrested, are the arrester's own (not the state named first)
    assert ("IRN", "IRN", "COERCE") in triples("France criticized Iran's detention of journalists.")


def test_an_actor_whose_last_word_opens_the_act_carries_it_out() -> None:
    t = triples("Japan protested China's military drills near the Senkaku Islands.")
    assert ("CHN", "JPN", "MOBILIZE") in t or ("CHN", None, "MOBILIZE") in t
    assert not any(s == "JPN" and p == "MOBILIZE" for s, _, p in t)
    assert any(s == "RUS" and p == "MOBILIZE" for s, _, p in triples(
        "Norway criticized Russia's deployment of troops near its border."))


def test_forces_carrying_something_out_expel_no_one() -> None:
    t = triples("French forces carried out airstrikes against militants in Mali.")
    assert not any(p == "SANCTION" for _, _, p in t)
    assert ("MLI", "FRA", "SANCTION") in triples("Mali's junta forced the French ambassador out.")


def test_an_act_judged_by_someone_is_not_the_judge_s() -> None:
    # "condemned the arrest of ...": the arrest is someone else's, told elsewhere (not the condemner's)
    t = triples("Sweden condemned the arrest of opposition activists in Belarus.")
    assert ("SWE", "BLR", "ACCUSE") in t and not any(s == "SWE" and p == "COERCE" for s, _, p in t)
    t = triples("Canada welcomed the release of the detained aid workers.")
    assert not any(s == "CAN" and p == "RETREAT" for s, _, p in t)
    # with its doer named by "by", it is the doer's
    assert ("RUS", "POL", "ASSAULT") in triples("Germany condemned the attack by Russia on Poland.")


def test_officials_no_text_makes_anyone_s_are_not_the_host_s_own() -> None:
    # "a delegation" with no state said is no recipient of the host's own state
    t = {(e.source.code, e.target.code if e.target else None, e.plover)
         for e in events("Brazil received a delegation on Monday.")}
    assert ("BRA", "BRAGOV", "CONSULT") not in t
    # one whose state the text gives is
    assert ("BRA", "ARG", "CONSULT") in triples("Brazil met a delegation from Argentina.")
    # people of the state who are not officials stay its own: a domestic meeting
    assert ("KEN", "KEN", "CONSULT") in triples("The Kenyan president met opposition leaders.")


def test_a_verbal_attack_named_by_the_phrase_has_its_target_after_it() -> None:
    assert ("IRN", "SAU", "ACCUSE") in triples("Iran launched a scathing attack on Saudi Arabia.")
    # an attack the criticism is about still has its victim as no target of the criticism
    assert ("DEU", "CHN", "ACCUSE") not in triples("Germany condemned the attack on Chinese engineers in Pakistan.")


def test_an_envoy_recalled_from_a_capital_is_recalled_from_its_state() -> None:
    assert ("CAN", "RUS", "SANCTION") in triples("Canada recalled its ambassador from Moscow.")
    assert ("FRA", "DZA", "SANCTION") in triples("France recalled its ambassador to Algiers.")
    assert ("CAN", "CAN", "SANCTION") not in triples("Canada recalled its ambassador from Moscow.")


def test_officials_no_text_makes_anyone_s_do_not_address_the_state_named_as_a_whole() -> None:
    # "the lawmakers", guessed from the only state named, would be Russia's own condemning Russia: whose lawmakers
    # the story says elsewhere, so no event rather than a wrong one
    assert not any(s == "RUS" for s, _, _ in triples("The lawmakers condemned Russia."))
    assert not any(s == "RUS" for s, _, _ in triples("The ministers said they were deeply concerned about Russia."))
    # named earlier, they keep their state
    assert ("USA", "RUS", "ACCUSE") in triples("Two U.S. senators visited Kyiv. The senators condemned Russia.")
    # at home: arrests, a party and an opposition addressing their own state, a meeting held in it
    assert ("RUS", "RUS", "COERCE") in triples("Police arrested protesters in Russia.")
    assert ("KEN", "KEN", "THREATEN") in triples("Opposition parties threatened to boycott Kenya's elections.")
    assert ("SOM", "SOM", "CONSULT") in triples("Elders and government officials were meeting in central Somalia.")


def test_joint_drills_condemned_are_the_drillers_not_the_judge_s() -> None:
    t = triples("Pyongyang denounced the joint drills by Seoul and Washington.")
    assert ("PRK", "KOR", "ACCUSE") in t and ("KOR", "USA", "COOPERATE") in t
    assert not any(s == "PRK" and p == "COOPERATE" for s, _, p in t)
    assert not any(s == "CHN" and p == "COOPERATE" for s, _, p in triples(
        "China criticized the joint patrols by the Philippines and Japan."))
