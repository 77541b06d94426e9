"""Accusations and criticism said without "accuse": concern about another's acts, labels put on them, blame by
attribution, legal accusations and criticism received, on sentences written for these tests."""

from __future__ import annotations

from test_coder_cases import triples


def _accuses(text: str) -> set[tuple[str | None, str | None]]:
    return {(s, t) for s, t, p in triples(text) if p == "ACCUSE"}


def test_not_only_adds_to_what_follows_rather_than_denying_it() -> None:
    assert ("USA", "TUR") in _accuses(
        "U.S. senators are not only angry with Ankara's purchase of Russian missiles, but also with its offensive.")
    assert ("DEU", "RUS") in _accuses("Germany not only criticized Russia over the attack but also summoned its envoy.")
    assert ("FRA", "ITA") in _accuses("France not just condemned Italy's decision to close its ports.")
    # a plain negation still denies
    assert _accuses("Germany did not criticize Russia over the attack.") == set()
    assert _accuses("U.S. senators are not angry with Ankara's purchase of Russian missiles.") == set()
