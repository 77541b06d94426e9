"""The Faust app of one worker and the topics its agents read and write, made from the settings."""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any

import faust

from services import offsets
from services.faust_worker import Worker
from services.limits import RECORD_OVERHEAD
from services.settings import Settings


def make_app(settings: Settings) -> faust.App:
    app = faust.App(
        settings.app_id,
        broker=f"kafka://{settings.bootstrap}",
        value_serializer="raw",
        key_serializer="raw",
        store="memory://",
        datadir=str(settings.data_dir),
        web_host=settings.web_host,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        # (Faust's own views, /table/* and /router/* among them, answer without the feed token: the feed's web
        # app answers 404 for them, services/feed/views.py. Switching them off in Faust's settings instead left
        # a partition undelivered in the 1-to-3-worker scaling test, three runs of three.)
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        producer_acks=-1,
        # a story's ~12 outputs go out in one produce request per partition rather than one each: Faust's default
        # linger of 0 sent each alone, and the requests and their acknowledgements cost the worker ~2 ms of CPU a
        # full story (bench/pipeline_e2e.py, 1 worker against offline enrich(): 0.79x -> 0.90x, then 0.87x,
        # medians of 3: docs/BENCHMARKS.md)
        producer_linger=0.005,
        producer_max_request_size=max(settings.max_output_bytes + RECORD_OVERHEAD, 1_048_576),
        consumer_auto_offset_reset="earliest",
        # a killed worker's partitions wait this long for it; heartbeats at least three times within it
        broker_session_timeout=settings.session_timeout_seconds,
        broker_heartbeat_interval=min(3.0, settings.session_timeout_seconds / 3),
        broker_commit_every=100,
        broker_commit_interval=1.0,
        table_cleanup_interval=60.0,
        processing_guarantee=settings.processing_guarantee,
        Worker=Worker,
    )
    offsets.install(app)  # commits never pass an unacknowledged message (services/offsets.py)
    return app


@dataclass
class Streams:
    """The app's topic objects: one per name, so agents and senders share them."""

    app: faust.App
    settings: Settings
    _made: dict[str, faust.TopicT] = field(default_factory=dict)

    def topic(self, name: str) -> faust.TopicT:
        if name not in self._made:
            self._made[name] = self.app.topic(name, value_type=bytes, key_type=bytes,
                                              partitions=self.settings.partitions)
        return self._made[name]

    async def send(self, name: str, key: bytes | None, value: bytes) -> Awaitable[Any]:
        """Queue a message; the returned future settles when the broker acknowledged it.

        Straight to the app's producer, not through `Topic.send`: the values are bytes already, and the topic's
        path (a pending and a future message, the sensors, the callbacks) took 3.4 ms of worker CPU for a full
        story's ~12 outputs, against 0.6 ms this way (docs/BENCHMARKS.md). A failure is raised the same way:
        `ProducerSendError` before the message left, the future's exception after."""
        fut: Awaitable[Any] = await self.app.producer.send(name, key, value, None, None, None)
        return fut
