"""Reading a compacted single-partition topic (rules, subscriptions) from its start: the newest value per key."""

from __future__ import annotations

import time
from collections.abc import Mapping

from kafka import KafkaConsumer, TopicPartition

from services.settings import Settings


class CompactedReader:
    """Every worker reads the whole topic itself (no consumer group), so all of them see the same state."""

    def __init__(self, settings: Settings, topic: str, client_id: str) -> None:
        self._consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=None,
                                       enable_auto_commit=False, client_id=client_id)
        self._tp = TopicPartition(topic, 0)
        self._consumer.assign([self._tp])
        self._consumer.seek_to_beginning(self._tp)
        self._written: dict[bytes, int] = {}  # key -> offset of this process's own newest write

    def wrote(self, offsets: Mapping[bytes, int]) -> None:
        """Records this process wrote (key -> offset): an older record of the same key, read after them, is stale.

        A worker adopts what it publishes at once. Without this, the previous value of the key, still on its way
        to this reader, arrived after and was adopted again: a rule added at run time missed the next article."""
        for key, offset in offsets.items():
            self._written[key] = max(offset, self._written.get(key, -1))

    def poll(self, timeout_ms: int = 0) -> dict[bytes, bytes | None]:
        """Key -> newest value (None for a tombstone) among the records not seen before."""
        out: dict[bytes, bytes | None] = {}
        for records in self._consumer.poll(timeout_ms=timeout_ms).values():
            for r in records:
                if r.key is not None and r.offset >= self._written.get(r.key, -1):
                    out[r.key] = r.value
        return out

    def catch_up(self, timeout_s: float = 10.0) -> dict[bytes, bytes | None]:
        """Everything up to the topic's current end, so a starting worker acts on the full state."""
        end = self._consumer.end_offsets([self._tp]).get(self._tp, 0)
        out: dict[bytes, bytes | None] = {}
        deadline = time.monotonic() + timeout_s
        while self._consumer.position(self._tp) < end and time.monotonic() < deadline:
            out.update(self.poll(timeout_ms=500))
        return out
