"""Offset commits that never pass an unacknowledged message, and a message passed over read again.

faust-streaming 0.15.3 (`Consumer._new_offset`) refuses to commit when the lowest acknowledged offset is more
than one above the last committed one, but the committed value is already the *next* offset to read, so a
single missing message at exactly that position is passed over: acknowledged 300, 301, ... after a commit
of 299 commits past 299. A message the stream never delivered (seen during a rebalance in the 1-to-3-worker
test: one article of 6,000, its offset committed with no output) was then lost. Here the commit stops before
it instead, and so it does on a partition with no commit yet, where Faust has nothing to compare with (there
the first offset fetched since the assignment is the one to wait for).

Stopping is not enough on its own: the fetcher has moved past the message, so nothing would read it before
the partition's next reassignment, and every later message would be read again after a crash. When the
commit has been held at the same missing offset for `REREAD_AFTER_S` and no message at that offset is in
flight (an agent may acknowledge out of order: the notifier acknowledges an alert when its slowest subscriber
is done), the fetcher itself seeks the partition back to it, between two messages (where Faust does not hold
a read offset that would drop it again). The messages after it come again too; their ids are deterministic,
so downstream they are known duplicates.

After an assignment Faust resumes the partitions and its fetcher before it seeks them to their committed
offsets, so messages are handed on from wherever the Kafka consumer stood while the seek is under way, and the
seek's answers are stale by the time they land: the commit's base went back below what this worker had just
committed (a hold at an offset already processed), the read offset ahead of the seek (the messages between
dropped as already read), and streams started a few offsets after the commit (13 of 6,000 articles lost under
load in the 1-to-3-worker test, 14 in the kill -9 test). Here nothing of an acknowledged partition is handed on
until its seek is done, and a partition with messages fetched meanwhile is fetched again from its next offset
(fetched after the seek, they were neither handed on nor fetched again: an alert's redelivery after a kill was
lost so); from then on its next offset is known (the committed one, or the earliest where there
is no commit, then one past each message handed on), and a message beyond it makes the fetcher seek back to it
at once. If the same jump comes again right after that seek, the offsets are not in the log (deleted by
retention, or a user's transactional producer's commit markers): they count as acknowledged and the stream
goes on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from functools import cached_property
from typing import Any

from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP, Message

from services import metrics

log = logging.getLogger("diplowatch.offsets")

REREAD_AFTER_S = 10.0


class ContiguousCommitConsumer(faust_aiokafka.Consumer):
    def _new_offset(self, tp: Any) -> int | None:
        acked = self._acked[tp]
        # the next offset that must be acknowledged before anything is committed: the committed one, or on a
        # partition with no commit yet (a new topic, group or partition) the first offset fetched from it
        base = self._committed_offset[tp]
        if base is None:
            base = self._first_fetched.get(tp)
        # Faust counts offsets its fetcher jumped over ("gaps") as acknowledged, for compacted topics and
        # transaction markers; committing across a jump lost messages (14 articles in a kill -9 test). Jumps
        # are dealt with where they are seen (`_jumped`): offsets really absent are acknowledged there.
        self._gap[tp].clear()
        if acked and base is not None and min(acked) > base:
            self._held(tp, base, time.monotonic())
            return None  # the message at `base` is not acknowledged yet: commit nothing
        self._holds.pop(tp, None)
        result: int | None = super()._new_offset(tp)
        return result

    @cached_property
    def _first_fetched(self) -> dict[TP, int]:
        """Partition -> the first offset fetched from it since it was assigned, while it has no commit."""
        return {}

    @cached_property
    def _expected(self) -> dict[TP, int]:
        """Partition -> the offset its next message must have (acknowledged topics only)."""
        return {}

    @cached_property
    def _last_jump(self) -> dict[TP, tuple[int, int]]:
        """Partition -> (expected offset, offset fetched instead) of the last jump it was sought back from."""
        return {}

    async def on_partitions_revoked(self, revoked: set[TP]) -> None:
        for tp in revoked:
            for state in (self._first_fetched, self._expected, self._last_jump, self._holds, self._rereads):
                state.pop(tp, None)
            self._sought.discard(tp)
            self._gated.discard(tp)
        await super().on_partitions_revoked(revoked)

    @cached_property
    def _sought(self) -> set[TP]:
        """The acknowledged partitions sought to their committed offsets since they were assigned."""
        return set()

    async def perform_seek(self) -> None:
        """After the seek to the committed offsets, each acknowledged partition's next offset is known."""
        self._sought.clear()  # nothing handed on while the seek is under way (see the top of the module)
        await super().perform_seek()
        acks_enabled_for = self.app.topics.acks_enabled_for
        tps = {tp for tp in self.assignment() if acks_enabled_for(tp.topic)}
        committed = self._committed_offset
        uncommitted = [tp for tp in tps if committed.get(tp) is None]
        earliest = await self.earliest_offsets(*uncommitted) if uncommitted else {}
        gated = self._gated
        for tp in tps:
            offset = committed.get(tp)
            if offset is None:
                offset = earliest.get(tp)
            if offset is not None:
                self._expected[tp] = offset
                if tp in gated:  # fetched while the gate was shut, maybe after the seek: fetched again
                    self._rereads[tp] = offset
        gated.clear()
        self._sought.update(tps)

    @cached_property
    def _gated(self) -> set[TP]:
        """Partitions with messages fetched and not handed on while their seek was under way."""
        return set()

    @cached_property
    def _holds(self) -> dict[TP, tuple[int, float]]:
        """Partition -> (offset its commit is held at, since when)."""
        return {}

    @cached_property
    def _rereads(self) -> dict[TP, int]:
        """Partition -> offset the fetcher is to seek back to."""
        return {}

    def _held(self, tp: TP, offset: int, now: float) -> None:
        holds = self._holds
        since = holds.get(tp)
        if since is None or since[0] != offset:
            holds[tp] = (offset, now)
        elif now - since[1] >= REREAD_AFTER_S:
            holds[tp] = (offset, now)  # if it is still missing after another period, once more
            if self._in_flight(tp, offset):
                return  # delivered and not yet acknowledged: waiting for it is right
            log.warning("%s: offset %d was passed over without being processed; reading the partition again "
                        "from it (commits held there for %.0f s)", tp, offset, now - since[1])
            self._rereads[tp] = offset
            metrics.REREADS.labels(topic=tp.topic).inc()

    def _in_flight(self, tp: TP, offset: int) -> bool:
        """Whether the message was handed to a stream and is not acknowledged yet (Faust tracks each one)."""
        return any(m.offset == offset and m.tp == tp for m in list(self._unacked_messages))

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[TP, Message]]:
        await self._seek_back()
        moved: set[TP] = set()
        first_fetched, expected, sought = self._first_fetched, self._expected, self._sought
        acks_enabled_for = self.app.topics.acks_enabled_for
        async for tp, message in super().getmany(timeout):
            if self._rereads:
                moved |= await self._seek_back()
            if tp in moved:
                continue  # fetched from before the seek: it comes again, in order, in the next batch
            if tp not in sought and acks_enabled_for(tp.topic):
                self._gated.add(tp)  # read again once the seek is done (it may have been fetched after it)
                continue
            want = expected.get(tp)
            if want is not None and message.offset > want and self._jumped(tp, want, message.offset):
                moved |= await self._seek_back()
                continue
            if tp not in first_fetched and self._committed_offset[tp] is None:
                first_fetched[tp] = message.offset
            if want is not None:
                expected[tp] = message.offset + 1
                self._last_jump.pop(tp, None)
            yield tp, message

    def _jumped(self, tp: TP, want: int, got: int) -> bool:
        """Whether to seek back to `want`: not if the last seek back to it brought the same jump again."""
        if self._last_jump.pop(tp, None) == (want, got):
            log.warning("%s: offsets %d-%d are not in the log (deleted, or transaction markers); going on from %d",
                        tp, want, got - 1, got)
            committed = self._committed_offset[tp]
            absent = [o for o in range(want, got) if committed is None or o >= committed]
            self._acked[tp].extend(absent)
            self._acked_index[tp].update(absent)
            return False
        log.warning("%s: the fetcher jumped from offset %d to %d; reading again from %d", tp, want, got, want)
        self._last_jump[tp] = (want, got)
        self._rereads[tp] = want
        metrics.REREADS.labels(topic=tp.topic).inc()
        return True

    async def _seek_back(self) -> set[TP]:
        """Runs in the fetcher between two messages: no delivery of the partition is half done."""
        rereads = self._rereads
        if not rereads:
            return set()
        pending = dict(rereads)
        rereads.clear()
        owned = {tp: off for tp, off in pending.items() if tp in self.assignment()}
        if owned:
            await self.seek_wait(owned)
            for tp, off in owned.items():
                if tp in self._expected:
                    self._expected[tp] = off
        return set(owned)


def install(app: Any) -> None:
    """Must run before the app creates its consumer."""
    app.transport.Consumer = ContiguousCommitConsumer
