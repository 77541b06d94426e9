"""One Server-Sent Events stream of one client: what it missed (read once from Kafka), then the shared reader.

An event's id is the position after it on every partition ("0:15,1:7"), so a client that reconnects with
Last-Event-ID continues exactly where it stopped, filtered-out messages included. A client with a resume
position or a backlog gets the messages between that and the shared reader's position from a short-lived
consumer of its own (at most `CATCHUP_READERS` at a time), then the reader's frames, queued meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from aiokafka import TopicPartition

from services.errors import RequestError
from services.feed.hub import Hub, Subscriber, TopicReader, feed_consumer, format_position, sse
from services.feed.message import FeedMessage

log = logging.getLogger("diplowatch.feed")
KEEPALIVE_S = 15.0
MAX_BACKLOG = 1000
MAX_PARTITION = 2**31 - 1  # Kafka's partition ids are int32
MAX_OFFSET = 2**63 - 1  # and offsets int64: a larger one killed the consumer's fetcher


class PositionError(RequestError):
    pass


def parse_position(text: str) -> dict[int, int]:
    """'0:15,1:7' -> {0: 15, 1: 7}; refuses what Kafka cannot hold."""
    out: dict[int, int] = {}
    try:
        for part in text.split(","):
            if part.strip():
                p, o = part.split(":")
                out[int(p)] = int(o)
    except ValueError:
        raise PositionError(f"Last-Event-ID {text[:80]!r} is not a position like '0:15,1:7'") from None
    if any(o < 0 or p < 0 for p, o in out.items()):
        raise PositionError(f"Last-Event-ID {text[:80]!r} has a negative number")
    if any(p > MAX_PARTITION for p in out):
        raise PositionError(f"Last-Event-ID {text[:80]!r} has a partition above {MAX_PARTITION}")
    if any(o > MAX_OFFSET for o in out.values()):
        raise PositionError(f"Last-Event-ID {text[:80]!r} has an offset above {MAX_OFFSET}")
    return out


async def start_positions(reader: TopicReader, sub: Subscriber, live: dict[int, int],
                          resume: dict[int, int] | None, backlog: int) -> dict[int, int]:
    """Where the client starts on each partition; raises PositionError for a resume point past the end."""
    if resume is not None:
        start = {}
        for p, at in live.items():  # a partition missing from the id is new since: all of it was missed
            start[p] = resume.get(p, 0)
            if start[p] > at:  # ahead of the reader (it lags, or the id came from another worker)
                sub.floor[p] = start[p]
        if sub.floor:
            ends = await reader.end_offsets()
            for p, at in sub.floor.items():
                if at > ends.get(p, 0):
                    raise PositionError(f"Last-Event-ID offset {at} is past the end of partition {p} "
                                        f"({ends.get(p, 0)})")
        return start
    if backlog > 0:
        return {p: max(0, at - backlog) for p, at in live.items()}
    return dict(live)


async def stream(hub: Hub, sub: Subscriber, start: dict[int, int], live: dict[int, int]) -> AsyncIterator[bytes]:
    """SSE frames: the missed messages from `start` to `live`, then the shared reader's, and a comment line
    every 15 s of silence so proxies keep the connection."""
    yield f"retry: 2000\nid: {format_position(start)}\n\n".encode()
    if any(start[p] < live[p] for p in live):
        async for frame in _catch_up(hub, sub, start, live):
            yield frame
    while True:
        live_frame = await sub.next(KEEPALIVE_S)
        yield live_frame if live_frame is not None else b": keepalive\n\n"


async def _catch_up(hub: Hub, sub: Subscriber, start: dict[int, int], live: dict[int, int]) -> AsyncIterator[bytes]:
    reader = hub.readers[sub.feed]
    async with hub.catchup:
        consumer = feed_consumer(reader.bootstrap)
        await consumer.start()
        try:
            todo = {TopicPartition(reader.topic, p) for p in live if start[p] < live[p]}
            consumer.assign(list(todo))
            for tp in todo:
                consumer.seek(tp, start[tp.partition])
            positions = dict(start)
            while todo and not sub.closed:
                batch = await consumer.getmany(*todo, timeout_ms=500, max_records=200)
                for tp, records in batch.items():
                    for r in records:
                        if r.offset >= live[tp.partition]:
                            break  # the shared reader has it queued
                        positions[tp.partition] = r.offset + 1
                        msg = FeedMessage.parse(r.value)
                        if msg is not None and sub.filter.matches(msg):
                            yield sse(reader.event, msg.data, format_position(positions))
                for tp in list(todo):  # position, not the last record: transaction markers take offsets
                    if await consumer.position(tp) >= live[tp.partition]:
                        positions[tp.partition] = live[tp.partition]
                        todo.discard(tp)
        finally:
            await consumer.stop()
