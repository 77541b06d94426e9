"""The seen-set's storage: the in-memory one (tests, one process) and the Kafka topic (every process).

The topic has one partition, so it is one total order of claims that every ingest process reads; a process
produces an article only when its own claim, read back, is the first of its URL, text or near-identical text
(dedupe.SeenIndex.apply), then writes a `done` record. The topic is bounded by age (`retention.ms` = the TTL)
and deliberately not compacted: compaction keeps the newest record per key, so a losing claim written after
the winner's would replace it, and a process reading the topic from the start would replay another order
and reach other verdicts than the processes that were running.
"""

from __future__ import annotations

import logging
import time
from typing import Protocol

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.errors import KafkaTimeoutError
from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from services.ingest.dedupe import Claim, SeenIndex, Verdict
from services.kafka_admin import admin
from services.settings import Settings

log = logging.getLogger("diplowatch.ingest")
IDLE_TIMEOUT_S = 30.0


class SeenStore(Protocol):
    index: SeenIndex

    async def catch_up(self) -> None:
        """Apply the claims other processes made since the last call."""

    async def claim(self, claims: list[Claim]) -> list[Verdict]:
        """Record the claims; the verdict of each as every process will see it."""

    async def done(self, claims: list[Claim]) -> None:
        """Record that these won claims were produced (the lease no longer applies)."""


class MemorySeen:
    """One process, no Kafka: the claims are applied as made (tests and `bench/`)."""

    def __init__(self, index: SeenIndex) -> None:
        self.index = index

    async def catch_up(self) -> None:
        return None

    async def claim(self, claims: list[Claim]) -> list[Verdict]:
        return [self.index.apply(c) or "url" for c in claims]

    async def done(self, claims: list[Claim]) -> None:
        for c in claims:
            self.index.apply(c.done())


def ensure_topic(settings: Settings, topic: str, partitions: int, configs: dict[str, str]) -> bool:
    """Create the topic if missing (True when created)."""
    client = admin(settings)
    try:
        if topic in set(client.list_topics()):
            return False
        try:
            client.create_topics([NewTopic(name=topic, num_partitions=partitions,
                                           replication_factor=settings.replication, topic_configs=configs)])
        except TopicAlreadyExistsError:
            return False
        return True
    finally:
        client.close()


def ensure_seen_topic(settings: Settings, topic: str, ttl_s: float) -> bool:
    """The seen topic: one partition, deleted by age, not compacted."""
    return ensure_topic(settings, topic, 1, {"cleanup.policy": "delete", "retention.ms": str(int(ttl_s * 1000))})


class KafkaSeen:
    """The seen topic read from its start by every process (no consumer group), and claims written to it."""

    def __init__(self, settings: Settings, topic: str, index: SeenIndex, producer: AIOKafkaProducer) -> None:
        self.index = index
        self._producer = producer
        self._topic = topic
        self._tp = TopicPartition(topic, 0)
        self._consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=None,
                                          enable_auto_commit=False, auto_offset_reset="earliest",
                                          isolation_level="read_committed", client_id="diplowatch-ingest-seen")
        self._mine: dict[int, Verdict | None] = {}

    async def start(self) -> int:
        """Read the whole topic (what every process claimed within the TTL); returns the claims read."""
        await self._consumer.start()
        self._consumer.assign([self._tp])
        await self._consumer.seek_to_beginning(self._tp)
        end = (await self._consumer.end_offsets([self._tp]))[self._tp]
        return await self._read_until(end)

    async def stop(self) -> None:
        await self._consumer.stop()

    async def _read_until(self, end: int) -> int:
        """Apply the records up to `end`; KafkaTimeoutError after IDLE_TIMEOUT_S without one (broker gone), so a
        poll fails with kafka_error instead of holding every feed up."""
        n = 0
        deadline = time.monotonic() + IDLE_TIMEOUT_S
        while await self._consumer.position(self._tp) < end:
            if time.monotonic() > deadline:
                raise KafkaTimeoutError(f"seen topic {self._topic}: nothing read for {IDLE_TIMEOUT_S:g}s")
            batch = await self._consumer.getmany(self._tp, timeout_ms=1000)
            if batch.get(self._tp):
                deadline = time.monotonic() + IDLE_TIMEOUT_S
            for record in batch.get(self._tp, []):
                n += 1
                try:
                    claim = Claim.decode(record.value or b"")
                except (ValueError, KeyError, TypeError) as exc:
                    log.warning("seen topic %s@%d: unreadable claim skipped: %s", self._topic, record.offset, exc)
                    continue
                verdict = self.index.apply(claim)
                if record.offset in self._mine and verdict is not None:
                    self._mine[record.offset] = verdict
        return n

    async def catch_up(self) -> None:
        end = (await self._consumer.end_offsets([self._tp]))[self._tp]
        await self._read_until(end)

    async def claim(self, claims: list[Claim]) -> list[Verdict]:
        if not claims:
            return []
        futures = [await self._producer.send(self._topic, key=c.id.encode(), value=c.encode(), partition=0)
                   for c in claims]
        offsets = [(await f).offset for f in futures]
        for off in offsets:
            self._mine[off] = None
        try:
            await self._read_until(max(offsets) + 1)
            verdicts = [self._mine[off] for off in offsets]
        finally:
            for off in offsets:
                self._mine.pop(off, None)
        if any(v is None for v in verdicts):  # a claim deleted before it was read back: not ours to produce
            log.warning("seen topic %s: %d own claim(s) not read back; treated as duplicates", self._topic,
                        sum(v is None for v in verdicts))
        return [v if v is not None else "url" for v in verdicts]

    async def done(self, claims: list[Claim]) -> None:
        futures = [await self._producer.send(self._topic, key=c.id.encode(), value=c.done().encode(), partition=0)
                   for c in claims]
        for f in futures:
            await f
