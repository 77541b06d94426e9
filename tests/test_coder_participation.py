"""Meetings, aid and deployments told as participation or as nouns: invented sentences, one kind of wording a test."""

from __future__ import annotations

from test_coder_cases import triples


def test_a_news_conference_given_together_is_a_meeting() -> None:
    t = triples("U.S. Defense Secretary Mark Lee told reporters during a news conference at the Pentagon on Monday "
                "with French Defense Minister Anne Roche.")
    assert ("FRA", "USA", "CONSULT") in t
    assert ("JPN", "USA", "CONSULT") in triples(
        "Secretary of State John Miller held a joint press conference with Japanese Foreign Minister Ken Sato.")
    # one given with reporters or a broadcaster names no party
    assert not any(p == "CONSULT" for _, _, p in triples(
        "The Kenyan president said at a press conference with reporters in Nairobi that the vote was fair."))
