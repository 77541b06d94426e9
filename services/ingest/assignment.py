"""Which feeds this process polls: a Kafka consumer group over the (empty) feeds topic shares them out.

A feed belongs to partition crc32(name) mod the topic's partitions; the group gives each ingest process some
of the partitions and it polls the feeds of those. Kafka's group protocol handles processes joining, leaving
and dying (session timeout), so every feed has one poller and a publisher is not polled once per process.
During a rebalance a feed may be polled twice, or not, for a moment: the seen topic still keeps its articles
from being produced twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import zlib
from collections.abc import Callable

from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener, TopicPartition

from services.settings import Settings

log = logging.getLogger("diplowatch.ingest")


def feed_partition(name: str, partitions: int) -> int:
    """Stable across processes and Python runs (crc32, not hash())."""
    return zlib.crc32(name.encode("utf-8")) % partitions


class Membership(ConsumerRebalanceListener):
    """This process's share of the feeds, kept up to date by the group's rebalances."""

    def __init__(self, settings: Settings, topic: str, group: str, partitions: int, names: list[str],
                 on_change: Callable[[set[str]], None] = lambda owned: None) -> None:
        self._topic = topic
        self._partitions = partitions
        self._names = names
        self._on_change = on_change
        self.assigned: set[int] = set()
        self.ready = asyncio.Event()
        self._consumer = AIOKafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=group,
                                          enable_auto_commit=False, client_id="diplowatch-ingest-feeds")
        self._task: asyncio.Task[None] | None = None

    def owns(self, name: str) -> bool:
        return feed_partition(name, self._partitions) in self.assigned

    def owned(self) -> set[str]:
        return {n for n in self._names if self.owns(n)}

    async def on_partitions_revoked(self, revoked: list[TopicPartition]) -> None:
        self.assigned -= {tp.partition for tp in revoked if tp.topic == self._topic}

    async def on_partitions_assigned(self, assigned: list[TopicPartition]) -> None:
        self.assigned = {tp.partition for tp in assigned if tp.topic == self._topic}
        owned = self.owned()
        log.info("assigned feeds: %s (%d of %d; partitions %s of %s)", ",".join(sorted(owned)) or "-",
                 len(owned), len(self._names), ",".join(map(str, sorted(self.assigned))) or "-", self._topic)
        self._on_change(owned)
        self.ready.set()

    async def start(self) -> None:
        self._consumer.subscribe([self._topic], listener=self)
        await self._consumer.start()
        self._task = asyncio.create_task(self._keep())

    async def _keep(self) -> None:
        """The topic stays empty; fetching keeps this process a live member (max.poll.interval.ms)."""
        while True:
            await self._consumer.getmany(timeout_ms=1000)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self._consumer.stop()
