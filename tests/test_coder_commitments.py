"""A party's own statement of what it will do or what must happen (AGREE, REQUEST, THREATEN), on sentences written
for these tests: promises and offers, needs and suggestions stated as calls, warnings of a response."""

from __future__ import annotations

from test_coder_cases import events, triples


def _requests(text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {t for t in triples(text) if t[2] == "REQUEST"}


def test_a_need_stated_with_no_party_is_the_speakers_appeal() -> None:
    assert ("KEN", None, "REQUEST") in triples(
        "Kenyan President Amara Otieno said an urgent international response was badly needed.")
    assert ("UGA", None, "REQUEST") in triples(
        "More food aid is urgently needed in the camps, the Ugandan refugee ministry said.")
    # a need no one voices, or a relative's, is no appeal
    assert not _requests("A two-thirds majority is needed to pass the bill in Kenya's parliament.")
    assert not _requests("Kenya's output remains far below what is needed, the Kenyan ministry said.")


def test_a_call_on_the_world_or_on_europe_is_the_speakers_appeal() -> None:
    assert ("KEN", None, "REQUEST") in triples("The world must act now, Kenyan President Amara Otieno said.")
    assert ("DEU", None, "REQUEST") in triples(
        "“Europe therefore needs to strengthen its defenses,” said German Defense Minister Karl Bauer.")
    assert ("HUN", None, "REQUEST") in triples(
        "The international community should stop arming the rebels, Hungarian Foreign Minister Ede Kovacs said.")
    # what the world has or lacks is no call on it
    assert not _requests("The last thing the world needs is another war, German Defense Minister Karl Bauer said.")


def test_we_need_in_a_quotation_is_the_speakers_appeal() -> None:
    assert ("DEU", None, "REQUEST") in triples(
        "“We need a stronger European army, and we need it now,” German Defense Minister Karl Bauer said.")
    # with no speaker named, no one's
    assert not _requests("We need a stronger army.")


def test_an_offer_rejected_with_its_maker_named_is_the_makers_offer() -> None:
    assert ("USA", "IRN", "AGREE") in triples("Iran rejected Washington's latest offer of new talks.")
    assert ("USA", "IRN", "AGREE") in triples(
        "The United States warned Iran on Monday, as Tehran rejected its offer for new talks.")
    assert ("UGA", "KEN", "AGREE") in triples("Kenya turned down an offer from Uganda to mediate.")
    # a demand or a plan rejected is no offer
    assert not any(p == "AGREE" for _, _, p in triples("Iran rejected Washington's demand."))
    assert ("IRN", "SYR", "AGREE") not in triples("Syria rejected Iran's demand for new talks.")


def test_a_call_rejected_with_its_maker_named_is_the_makers_request() -> None:
    assert ("USA", "IRN", "REQUEST") in triples("Iran rejected Washington's demand.")
    assert ("UGA", "KEN", "REQUEST") in triples("Kenya ignored repeated calls from Uganda to withdraw.")
    assert ("MMR", None, "REQUEST") not in triples(
        "Myanmar's military continues to defy calls, including by the [U.N.] Security Council, to end the violence.")
    assert any(e.source.code.startswith("IGOUNO") and e.plover == "REQUEST" for e in events(
        "Myanmar's military continues to defy calls, including by the [U.N.] Security Council, to end the violence."))
    # a call with no maker named is no one's
    assert not any(p == "REQUEST" for _, _, p in triples("Iran rejected the call to sanction Syria."))


def test_a_gift_to_another_is_aid_and_promised_it_is_an_offer() -> None:
    assert ("CHN", "PHL", "AID") in triples("China donated vaccines to the Philippines in February.")
    assert ("FRA", "CHN", "AGREE") in triples(
        "French collector Jean Dupont said he wanted to donate the photographs to China.")
    # a gift to no one named is none
    assert not triples("Kenya donated to the fund.")
