"""Criticism and accusation (ACCUSE) and their rejection (REJECT) in the wordings news uses, on sentences written
for these tests."""

from __future__ import annotations

from test_coder_cases import triples


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
