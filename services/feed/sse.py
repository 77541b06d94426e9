"""One Server-Sent Events stream over one topic, for one client.

Every client reads the topic with its own consumer (no group: feeds do not take partitions from the
workers). An event's id is the position after it on every partition ("0:15,1:7"), so a client that
reconnects with Last-Event-ID continues exactly where it stopped, filtered-out messages included.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from services.feed.filters import FeedFilter

log = logging.getLogger("diplowatch.feed")
KEEPALIVE_MS = 15_000
MAX_BACKLOG = 1000


class PositionError(ValueError):
    pass


def parse_position(text: str) -> dict[int, int]:
    """'0:15,1:7' -> {0: 15, 1: 7}."""
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
    return out


def format_position(positions: dict[int, int]) -> str:
    return ",".join(f"{p}:{o}" for p, o in sorted(positions.items()))


def sse(event: str, data: bytes, event_id: str | None = None) -> bytes:
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\n".encode() + b"data: " + data + b"\n\n"


async def stream(bootstrap: str, topic: str, filt: FeedFilter, resume: dict[int, int] | None,
                 backlog: int) -> AsyncIterator[bytes]:
    """SSE frames: matching messages from the resume position (else the last `backlog` per partition, else
    from now on), and a comment line every 15 s of silence so proxies keep the connection."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                                isolation_level="read_committed", client_id="diplowatch-feed")
    await consumer.start()
    try:
        # the public partitions_for_topic() answers from a cache that topics() does not fill
        cluster = await consumer._client.fetch_all_metadata()
        tps = [TopicPartition(topic, p) for p in sorted(cluster.partitions_for_topic(topic) or ())]
        consumer.assign(tps)
        if resume is not None:
            for tp in tps:  # a partition missing from the id is new since: all of it was missed
                if tp.partition in resume:
                    consumer.seek(tp, resume[tp.partition])
                else:
                    await consumer.seek_to_beginning(tp)
        elif backlog > 0:
            start, end = await consumer.beginning_offsets(tps), await consumer.end_offsets(tps)
            for tp in tps:
                consumer.seek(tp, max(start[tp], end[tp] - min(backlog, MAX_BACKLOG)))
        else:
            await consumer.seek_to_end(*tps)
        positions = {tp.partition: await consumer.position(tp) for tp in tps}
        yield f"retry: 2000\nid: {format_position(positions)}\n\n".encode()
        while True:
            batch = await consumer.getmany(timeout_ms=KEEPALIVE_MS, max_records=200)
            if not batch:
                yield b": keepalive\n\n"
                continue
            for tp, records in batch.items():
                for r in records:
                    positions[tp.partition] = r.offset + 1
                    try:
                        doc = orjson.loads(r.value) if r.value else None
                    except orjson.JSONDecodeError:
                        doc = None
                    if isinstance(doc, dict) and filt.matches(doc):
                        yield sse(filt.feed[:-1], orjson.dumps(doc), format_position(positions))
    finally:
        await consumer.stop()
