"""References back to actors named before ("the bloc", "the Council"), and recipients that are places or fallbacks."""

from __future__ import annotations

from test_coder_cases import events


def coded(text: str) -> set[tuple[str, str | None, str | None]]:
    """(source code, target code, PLOVER type) of the events coded in the last sentence of `text`."""
    last = text.rfind(". ") + 2 if ". " in text else 0
    return {(e.source.code, e.target.code if e.target else None, e.plover) for e in events(text)
            if e.sentence_span.start >= last}


def full(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.source.code, e.target.code if e.target else None, e.plover) for e in events(text)}


def test_the_bloc_and_the_alliance_are_the_organisation_named_before() -> None:
    assert ("RUS", "IGOEUREEC", "ACCUSE") in full(
        "The European Union agreed new sanctions on Moscow on Monday. Russia condemned the bloc.")
    assert ("BLR", "IGOWSTNAT", "ACCUSE") in full(
        "NATO defence ministers gathered in Brussels on Thursday. Belarus accused the alliance of provocations.")


def test_a_named_body_is_referred_to_by_its_own_noun() -> None:
    # "the Council" after "the U.N. Security Council", "the agency" after "the International Atomic Energy Agency"
    assert ("GBR", "IGOUNOSEC", "REQUEST") in full(
        "The U.N. Security Council met on Tuesday to discuss Yemen. Britain urged the Council to act quickly.")
    assert ("IRN", "IGOIAEA", "ACCUSE") in full(
        "Inspectors of the International Atomic Energy Agency left Iran on Friday. Tehran accused the agency of bias.")


def test_a_noun_no_named_body_holds_is_no_reference() -> None:
    # no council was named: "the Council" is not the European Union
    assert not any(t and t.startswith("IGO") for _, t, _ in full(
        "The European Union agreed new sanctions on Moscow. Russia condemned the Council for its silence."))
    # "the court" with no court named is the state's own court, as before
    assert ("TURJUD", "TUR", "ACCUSE") in coded(
        "A Turkish court heard the pastor on Monday. The court accused him of espionage.")
    # "the group of experts": a noun with "of", not the organisation named before
    assert not coded("NATO ministers met on Monday. The group of experts accused Russia of provocations.")


def test_an_appointed_or_led_agent_is_the_appointing_body_s() -> None:
    # "-appointed", "-installed" attach the agent after them to the body or state before, as "-led" does
    assert ("IGOUNOGOV", "MMR", "ACCUSE") in coded(
        "A United Nations-appointed special rapporteur, Maria Lindqvist, arrived in Bangkok. United Nations-appointed "
        "special rapporteur Maria Lindqvist criticized Myanmar on Friday.")
    assert ("RUSGOV", "UKR", "ACCUSE") in coded("Russian-installed officials in Melitopol accused Ukraine on Sunday.")
    # the one named so is the body's when named again
    assert ("IGOUNOGOV", "SYR", "ACCUSE") in coded(
        "U.N.-appointed special rapporteur Tomas Vedrinek arrived in Beirut on Monday. "
        "Vedrinek criticized Syria on Tuesday.")


def test_a_backed_force_is_not_its_backer() -> None:
    # "the U.N.-backed government", "Iranian-backed militias" are not the backer's
    assert not any(s.startswith("IGO") for s, _, _ in coded("The U.N.-backed government condemned the rebels."))


def test_where_a_statement_or_appeal_was_made_is_no_recipient() -> None:
    for text in ("Speaking to reporters in Brussels on Monday, the Polish foreign minister stressed the urgency of "
                 "strengthening air defenses.",
                 "The Dutch foreign minister, speaking in Paris, called for more unity."):
        assert not any(t and t.startswith(("BEL", "FRA")) for _, t, _ in coded(text)), text


def test_a_place_after_the_act_may_still_be_its_recipient() -> None:
    # what the act is about is placed after it; material acts keep the place they happen in
    assert ("IGOAFRAFU", "SDN", "AGREE") in coded("The African Union agreed to open a liaison office in Khartoum.")


def test_an_organisation_s_official_named_again_with_mr_stays_its_own() -> None:
    # "Mr. X" after "U.N. special rapporteur X": the U.N.'s, not a civilian of the story's state
    assert ("IGOUNOGOV", "AFGREB", "ACCUSE") in full(
        "U.N. special rapporteur Tomas Vedrinek arrived in Kabul on Monday. Mr. Vedrinek criticized the Taliban.")
    # a state's man named again with "Mr." keeps his state as before
    assert any(s.startswith("FRA") and t == "DEU" for s, t, _ in full(
        "French Foreign Minister Luc Barrande arrived in Rome on Monday. Mr. Barrande criticized Germany."))
