"""The commit offset never passes a message that was not acknowledged (services/offsets.py).

Faust's consumer state is set by hand here: what is under test is the arithmetic on it, the rest of the
consumer is exercised by the reliability tests over the real broker.
"""

from __future__ import annotations

from collections import defaultdict

from faust.types import TP
from intervaltree import IntervalTree

from services.offsets import ContiguousCommitConsumer

RAW = TP("news.raw", 0)


def _consumer(committed: int | None, acked: list[int]) -> ContiguousCommitConsumer:
    c = object.__new__(ContiguousCommitConsumer)
    c._acked = defaultdict(list, {RAW: list(acked)})
    c._acked_index = defaultdict(set, {RAW: set(acked)})
    c._committed_offset = defaultdict(lambda: None, {RAW: committed})
    c._gap = defaultdict(IntervalTree)
    return c


def test_a_missing_message_right_after_the_commit_stops_the_commit() -> None:
    # committed 299 means "299 is the next to read": 299 missing, 300.. acknowledged
    assert _consumer(299, [300, 301, 302])._new_offset(RAW) is None


def test_contiguous_acknowledgements_commit_after_the_last() -> None:
    assert _consumer(299, [299, 300, 301])._new_offset(RAW) == 302
    assert _consumer(299, [299, 300, 302])._new_offset(RAW) == 301  # stops at the hole
    assert _consumer(None, [0, 1])._new_offset(RAW) == 2
