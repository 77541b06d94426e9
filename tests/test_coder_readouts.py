"""The wording of government readouts and releases: invented sentences, one kind of wording a test."""

from __future__ import annotations

from test_coder_cases import triples


def test_a_time_or_manner_word_inside_a_verb_phrase_leaves_it_whole() -> None:
    assert ("IND", "USA", "CONSULT") in triples(
        "Secretary of State John Miller spoke today with Indian Foreign Minister Ravi Menon.")
    assert ("CHN", "USA", "CONSULT") in triples(
        "U.S. President Tom Reed held a call Monday with Chinese Premier Li Wen.")
    assert ("TUR", "RUS", "CONSULT") in triples(
        "Russia's foreign minister spoke on Tuesday with his Turkish counterpart.")
    assert ("VNM", "JPN", "SUPPORT") in triples("Japan and Vietnam signed yesterday a defense equipment agreement.")
    # only such words: a clause in between still ends the phrase
    assert not any(p == "CONSULT" for _, _, p in triples(
        "The Indian foreign minister spoke today, and with the U.S. envoy absent, no talks were held."))


def test_an_assurance_given_to_a_party_is_a_promise_to_it() -> None:
    assert ("CHN", "THA", "AGREE") in triples("Beijing had assured Bangkok that the deportees would be treated well.")
    assert ("USA", "AUS", "AGREE") in triples(
        "Secretary of State John Miller assured Australian Foreign Minister Ann Lee that Washington stood by her.")
    assert ("USA", "KOR", "SUPPORT") in triples("Washington reassured Seoul of its commitment to its defense.")
    # an assurance to no party (reporters, the public) is none
    assert triples("The Kenyan minister assured reporters that the vote would be fair.") == set()
