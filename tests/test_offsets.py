"""The commit offset never passes a message that was not acknowledged (services/offsets.py).

Faust's consumer state is set by hand here: what is under test is the arithmetic on it, the rest of the
consumer is exercised by the reliability tests over the real broker.
"""

from __future__ import annotations

from collections import defaultdict

from faust.types import TP
from intervaltree import IntervalTree

from services.offsets import REREAD_AFTER_S, ContiguousCommitConsumer

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


def test_on_a_partition_with_no_commit_the_first_offset_fetched_must_be_acknowledged_first() -> None:
    # a new topic, group or partition: Faust has no committed offset to compare with and would commit 3
    c = _consumer(None, [1, 2])
    c._first_fetched[RAW] = 0
    c._unacked_messages = set()
    assert c._new_offset(RAW) is None
    c = _consumer(None, [0, 1, 2])
    c._first_fetched[RAW] = 0
    assert c._new_offset(RAW) == 3


def test_offsets_the_fetcher_jumped_over_are_not_committed_past() -> None:
    # committed 1718; 1718-1731 never delivered (a jump Faust records as a "gap" and counts as acknowledged)
    c = _consumer(1718, list(range(1732, 1741)))
    c._gap[RAW].addi(1718, 1732)
    c._unacked_messages = set()
    assert c._new_offset(RAW) is None  # Faust's own answer: 1741, and 1718-1731 were lost
    assert not c._gap[RAW]


class _Msg:
    def __init__(self, tp: TP, offset: int) -> None:
        self.tp, self.offset = tp, offset


def test_a_held_commit_reads_the_partition_again_only_if_the_message_was_never_delivered() -> None:
    c = _consumer(299, [300, 301])
    c._unacked_messages = set()
    c._held(RAW, 299, now=100.0)
    c._held(RAW, 299, now=100.0 + REREAD_AFTER_S - 1)
    assert c._rereads == {}  # not held long enough
    c._held(RAW, 299, now=100.0 + REREAD_AFTER_S)
    assert c._rereads == {RAW: 299}


def test_a_held_commit_waits_for_a_message_still_being_processed() -> None:
    # the notifier acknowledges an alert when its slowest subscriber is done: later ones may finish first
    c = _consumer(299, [300, 301])
    c._unacked_messages = {_Msg(RAW, 299)}
    c._held(RAW, 299, now=0.0)
    c._held(RAW, 299, now=3 * REREAD_AFTER_S)
    assert c._rereads == {}
    c._unacked_messages = set()  # it is gone without an acknowledgement: dropped, so read again
    c._held(RAW, 299, now=5 * REREAD_AFTER_S)
    assert c._rereads == {RAW: 299}


def test_a_jump_is_sought_back_once_and_accepted_when_it_comes_again() -> None:
    c = _consumer(1718, [1718, 1719])
    assert c._jumped(RAW, 1720, 1725) is True  # first time: read again from 1720
    assert c._rereads == {RAW: 1720}
    c._rereads.clear()
    assert c._jumped(RAW, 1720, 1725) is False  # the same jump after the seek: 1720-1724 are not in the log
    assert c._new_offset(RAW) == 1725  # they count as acknowledged: the commit passes them
    assert c._jumped(RAW, 1726, 1730) is True  # a later, different jump is sought back again
