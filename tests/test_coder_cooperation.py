"""Coder behaviour on cooperative wording (appeals, support, aid, agreement, consultation), on sentences written
for these tests."""

from __future__ import annotations

from test_coder_cases import events, triples, types


# --- AID
def test_relief_distributed_is_aid() -> None:
    assert ("IGOUNOWFP", "MWI", "AID") in {(e.source.code, e.target.country if e.target else None, e.plover)
                                           for e in events("The World Food Program distributed relief supplies "
                                                           "to families in Malawi on Thursday.")}


def test_peacekeepers_arriving_or_sent_is_aid() -> None:
    assert ("KEN", "HTI", "AID") in triples("Kenya sent peacekeepers to Haiti.")
    assert "AID" in types("NATO peacekeeping troops have arrived in Bosnia.")


def test_peacekeeping_force_only_named_is_no_aid() -> None:
    assert "AID" not in types("Serbia asked for an extension of the NATO peacekeeping force's mandate.")
    assert "AID" not in types("Some said they hope to see a U.N. peacekeeping mission in Myanmar.")
