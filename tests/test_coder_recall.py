"""Recall on wordings the coder used to miss altogether: invented sentences of each kind."""

from __future__ import annotations

from test_coder_cases import events


def _codes(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.source.code, e.target.code if e.target else None, e.plover) for e in events(text)}


def test_aid_agencies_named_by_what_they_are_are_ngos() -> None:
    assert ("NGOAID", "MWI", "AID") in _codes("Aid agencies distributed food in Malawi.")
    assert ("NGOAID", "ISR", "ACCUSE") in _codes("Humanitarian groups accused Israel of blocking convoys.")
    assert ("NGOAID", "ETH", "AID") in _codes("International aid organizations delivered aid to Ethiopia.")


def test_aid_groups_of_a_named_state_are_that_states() -> None:
    t = _codes("Two Canadian aid groups delivered aid to Haiti.")
    assert ("CAN", "HTI", "AID") in t and not any(s == "NGOAID" for s, _, _ in t)


def test_the_statement_is_whoever_issued_one_just_before() -> None:
    assert ("GBR", "IRN", "REQUEST") in _codes(
        "Britain issued a statement on Tuesday. The statement urged Iran to free the sailors.")
    assert ("GBR", "IRN", "ACCUSE") in _codes("Britain released a statement late Monday. The statement condemned Iran.")


def test_a_statement_no_one_issued_just_before_is_no_one() -> None:
    assert _codes("Britain stayed silent on Tuesday. The statement condemned Iran.") == set()
    assert _codes("Britain issued a statement on Tuesday. Egypt met Sudan. The statement condemned Iran.") \
        <= {("EGY", "SDN", "CONSULT"), ("SDN", "EGY", "CONSULT")}


def test_backing_the_call_is_towards_whoever_made_it_just_before() -> None:
    assert ("QAT", "EGY", "SUPPORT") in _codes("Egypt proposed a ceasefire in Gaza. Qatar welcomed the proposal.")
    assert ("ISR", "EGY", "REJECT") in _codes("Egypt proposed a ceasefire in Gaza. Israel rejected the proposal.")


def test_the_call_no_one_made_just_before_is_no_one() -> None:
    assert not any(t == "EGY" and p == "SUPPORT" for _, t, p in _codes(
        "Egypt hosted talks on Monday. Qatar welcomed the proposal."))
    assert ("QAT", "JOR", "SUPPORT") in _codes(
        "Egypt proposed a ceasefire on Monday. Qatar welcomed the call for calm by Jordan.")


def test_upper_and_lower_houses_are_the_legislature() -> None:
    assert ("KENLEG", "UGA", "ACCUSE") in _codes("Kenya's upper house criticized Uganda.")
    assert ("POLLEG", "DEU", "ACCUSE") in _codes("The Polish lower house condemned Germany on Friday.")


def test_a_school_is_a_states_place_of_learning() -> None:
    assert ("NGAREB", "NGAEDU", "ASSAULT") in _codes("Boko Haram attacked a Nigerian school.")
    assert ("NGAREB", "NGAEDU", "ASSAULT") in _codes("Boko Haram attacked a school in Nigeria.")


def test_dismissing_anothers_response_or_remarks_is_reject() -> None:
    assert ("IRN", "USA", "REJECT") in _codes("Iran dismissed the American statement as propaganda.")
    assert ("ISR", "PSEREB", "REJECT") in _codes("Israel dismissed Hamas's conditions on Sunday.")
    assert not any(p == "REJECT" for _, _, p in _codes("The Kenyan president dismissed the minister."))


def test_a_law_passed_targeting_a_state_is_sanction() -> None:
    assert ("INDLEG", "PAK", "SANCTION") in _codes("The Indian parliament approved a bill Friday targeting Pakistan.")
    assert _codes("The Indian parliament did not pass a bill targeting Pakistan.") == set()
    domestic = _codes("Kenya's parliament passed legislation targeting drug traffickers.")
    assert not any(p == "SANCTION" for _, _, p in domestic)
