"""One Kafka reader per feed topic, fanned out to every SSE client of the worker.

Before this, each client opened its own consumer: 200 readers took the worker to 1.4 GB and 241 Kafka
connections and made the enricher 11x slower. Now a topic is read once, each message parsed once, and its
frame (the original bytes, the id of the reader's positions) built once and queued to the clients whose
filter takes it. A reader starts with its first client and stops with its last, so nothing stays behind.

Each client's queue is bounded in bytes: a client that does not read is dropped (its connection aborted,
`diplowatch_feed_clients_dropped_total`) instead of holding frames without end; the others go on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Callable

from aiokafka import AIOKafkaConsumer, TopicPartition

from services import metrics
from services.errors import DiplowatchError
from services.feed.filters import FeedFilter
from services.feed.message import FeedMessage

log = logging.getLogger("diplowatch.feed")
HANGUP_CHECK_S = 1.0


def format_position(positions: dict[int, int]) -> str:
    return ",".join(f"{p}:{o}" for p, o in sorted(positions.items()))


def sse(event: str, data: bytes, event_id: str | None = None) -> bytes:
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\n".encode() + b"data: " + data + b"\n\n"


def feed_consumer(bootstrap: str) -> AIOKafkaConsumer:
    """No group: feeds never take partitions from the workers. read_committed: no aborted outputs."""
    return AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                            isolation_level="read_committed", auto_offset_reset="earliest",
                            client_id="diplowatch-feed")


async def partitions(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    # the public partitions_for_topic() answers from a cache that topics() does not fill
    cluster = await consumer._client.fetch_all_metadata()
    return [TopicPartition(topic, p) for p in sorted(cluster.partitions_for_topic(topic) or ())]


class Closed(DiplowatchError):
    """The client's stream is over: dropped, or the worker is stopping."""


class Subscriber:
    """One client: its filter, its queue of frames (bounded in bytes) and, after a resume from ahead of the
    reader, the offsets below which live frames are repeats."""

    def __init__(self, feed: str, filt: FeedFilter, limit_bytes: int, on_drop: Callable[[], None],
                 gone: Callable[[], bool]) -> None:
        self.feed = feed
        self._gone = gone
        self.filter = filt
        self.limit_bytes = limit_bytes
        self.floor: dict[int, int] = {}
        self.closed = False
        self._on_drop = on_drop
        self._frames: deque[bytes] = deque()
        self._bytes = 0
        self._wakeup = asyncio.Event()

    def offer(self, partition: int, offset: int, frame: bytes) -> None:
        if self.closed or offset < self.floor.get(partition, 0):
            return
        if self._frames and self._bytes + len(frame) > self.limit_bytes:
            log.warning("feed client dropped: %d bytes waiting for it (limit %d)", self._bytes, self.limit_bytes)
            metrics.FEED_DROPPED.labels(feed=self.feed).inc()
            self.abort()
            return
        self._frames.append(frame)
        self._bytes += len(frame)
        self._wakeup.set()

    def close(self) -> None:
        """End the stream after the frame being written; frames still queued are not sent."""
        self.closed = True
        self._frames.clear()
        self._bytes = 0
        self._wakeup.set()

    def abort(self) -> None:
        """Close, and cut the connection too (a write blocked on a client that does not read ends now)."""
        self.close()
        self._on_drop()

    async def next(self, timeout: float) -> bytes | None:
        """The next frame, None after `timeout` s of silence; raises Closed when the stream is over. A client
        that hung up is seen within HANGUP_CHECK_S (aiohttp does not tell the handler; before, the next
        keep-alive write found it, up to 15 s later, and the topic's reader stayed up for it meanwhile)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self._frames and not self.closed:
            if self._gone():
                self.close()
                break
            left = deadline - loop.time()
            if left <= 0:
                return None
            self._wakeup.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), min(left, HANGUP_CHECK_S))
        if self.closed:
            raise Closed
        frame = self._frames.popleft()
        self._bytes -= len(frame)
        return frame


class TopicReader:
    """The shared consumer of one topic, from its end at the first client on."""

    def __init__(self, bootstrap: str, topic: str, event: str) -> None:
        self.bootstrap = bootstrap
        self.topic = topic
        self.event = event
        self.positions: dict[int, int] = {}  # the next offset to read, per partition
        self.subscribers: set[Subscriber] = set()
        self.consumer: AIOKafkaConsumer | None = None
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()

    async def subscribe(self, sub: Subscriber) -> dict[int, int]:
        """Add a client; every message from the returned positions on is offered to it."""
        async with self._lock:
            if self._task is None:
                await self._start()
            self.subscribers.add(sub)
            return dict(self.positions)

    async def unsubscribe(self, sub: Subscriber) -> None:
        self.subscribers.discard(sub)
        async with self._lock:
            if not self.subscribers:
                await self._stop()

    async def end_offsets(self) -> dict[int, int]:
        assert self.consumer is not None
        ends = await self.consumer.end_offsets([TopicPartition(self.topic, p) for p in self.positions])
        return {tp.partition: o for tp, o in ends.items()}

    async def _start(self) -> None:
        consumer = feed_consumer(self.bootstrap)
        await consumer.start()
        try:
            tps = await partitions(consumer, self.topic)
            consumer.assign(tps)
            await consumer.seek_to_end(*tps)
            self.positions = {tp.partition: await consumer.position(tp) for tp in tps}
        except BaseException:
            await consumer.stop()
            raise
        self.consumer = consumer
        metrics.FEED_READERS.inc()
        self._task = asyncio.create_task(self._run(consumer), name=f"feed-reader-{self.topic}")

    async def _stop(self) -> None:
        task, consumer = self._task, self.consumer
        self._task, self.consumer, self.positions = None, None, {}
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        if consumer is not None:
            await consumer.stop()
            metrics.FEED_READERS.dec()

    async def _run(self, consumer: AIOKafkaConsumer) -> None:
        try:
            while True:
                batch = await consumer.getmany(timeout_ms=1000, max_records=500)
                for tp, records in batch.items():
                    for r in records:
                        self.positions[tp.partition] = r.offset + 1
                        self._dispatch(tp.partition, r.offset, r.value)
        except asyncio.CancelledError:
            raise
        except Exception:  # the clients reconnect with their Last-Event-ID and start a new reader
            log.exception("feed reader of %s failed; its clients are disconnected", self.topic)
            for sub in list(self.subscribers):
                sub.close()

    def _dispatch(self, partition: int, offset: int, value: bytes | None) -> None:
        if not self.subscribers:
            return
        msg = FeedMessage.parse(value)
        if msg is None:
            return
        frame = None
        for sub in list(self.subscribers):
            if sub.filter.matches(msg):
                if frame is None:
                    frame = sse(self.event, msg.data, format_position(self.positions))
                sub.offer(partition, offset, frame)


class Hub:
    """The worker's feed readers and its client count (the cap)."""

    def __init__(self, bootstrap: str, topics: dict[str, str], max_clients: int, buffer_bytes: int) -> None:
        self.readers = {feed: TopicReader(bootstrap, topic, feed[:-1]) for feed, topic in topics.items()}
        self.max_clients = max_clients
        self.buffer_bytes = buffer_bytes
        self.clients: set[Subscriber] = set()
        self.catchup = asyncio.Semaphore(CATCHUP_READERS)
        self.stopping = False

    def admit(self, feed: str, filt: FeedFilter, on_drop: Callable[[], None],
              gone: Callable[[], bool]) -> Subscriber | None:
        """A new client, or None when the worker has its maximum or is stopping (503). `gone` tells whether
        the client hung up."""
        if self.stopping or len(self.clients) >= self.max_clients:
            return None
        sub = Subscriber(feed, filt, self.buffer_bytes, on_drop, gone)
        self.clients.add(sub)
        return sub

    async def leave(self, sub: Subscriber) -> None:
        self.clients.discard(sub)
        await self.readers[sub.feed].unsubscribe(sub)

    async def close(self) -> None:
        """Worker shutdown: end every stream now (clients reconnect elsewhere with their Last-Event-ID)."""
        self.stopping = True
        for sub in list(self.clients):
            sub.abort()
        for reader in self.readers.values():
            reader.subscribers.clear()
            async with reader._lock:
                await reader._stop()


CATCHUP_READERS = 4  # clients reading their backlog or missed messages from Kafka at the same time
