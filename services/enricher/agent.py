"""The enricher agent: news.raw in; enriched article, events, alert candidates or a dead letter out."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from functools import partial
from typing import Any

import faust
from aiokafka.errors import MessageSizeTooLargeError, RecordListTooLargeError, RecordTooLargeError
from faust.exceptions import ProducerSendError

from services import metrics, steps
from services.acks import OrderedAcks
from services.pipeline import Output, Source, dead_letter, process_steps
from services.rules.reload import RuleBook
from services.settings import Settings
from services.stream import Streams


class Enricher:
    """Moves messages: each input through `process()` (the pure core), its outputs to their topics, the input
    acknowledged once every output is."""

    def __init__(self, app: faust.App, streams: Streams, settings: Settings, rulebook: RuleBook) -> None:
        self.app, self.streams, self.settings, self.rulebook = app, streams, settings, rulebook

    async def run(self, stream: Any) -> None:
        settings = self.settings
        manual = stream.noack()
        acks = OrderedAcks(self.app, manual, fallback=self._dead_letter_instead)
        async for event in manual.events():
            msg = event.message
            metrics.CONSUMED.inc()
            t0 = time.perf_counter()
            # in steps, the event loop running its other work between two (services/steps.py); bounded by
            # services/budget.py
            outputs = await steps.run(process_steps(msg.value, msg.key, Source(msg.topic, msg.partition, msg.offset),
                                                    settings, self.rulebook.active))
            metrics.ENRICH_SECONDS.observe(time.perf_counter() - t0)
            # acknowledged (and so committed) only once every output is acknowledged by the broker
            await acks.add(event, await self._send(outputs), partial(self._observe, outputs, msg.timestamp))

    async def _send(self, outputs: list[Output]) -> list[Awaitable[Any]]:
        futures: list[Awaitable[Any]] = []
        for o in outputs:
            try:
                futures.append(await self.streams.send(o.topic, o.key, o.value))
            except ProducerSendError as exc:  # refused before it left: settled like a refusal by the broker
                failed = asyncio.get_running_loop().create_future()
                failed.set_exception(exc)
                futures.append(failed)
                break
        return futures

    async def _dead_letter_instead(self, event: Any, exc: BaseException) -> list[Awaitable[Any]] | None:
        """An output the broker refuses can never be sent: the input goes to the dead letters (by reference if
        large), instead of a crash on the same offset at every restart."""
        cause: BaseException | None = exc
        while cause is not None and not isinstance(cause, _REFUSED):
            cause = cause.__cause__
        if cause is None:
            return None
        msg = event.message
        settings = self.settings
        letter = dead_letter(settings.topics, Source(msg.topic, msg.partition, msg.offset), msg.key, msg.value,
                             "send_failed", f"an output was refused: {cause!r}", settings.limits)
        self._observe([letter], None)
        return [await self.streams.send(letter.topic, letter.key, letter.value)]

    def _observe(self, outputs: list[Output], ingest_ts: float | None) -> None:
        topics = self.settings.topics
        now = time.time()
        for o in outputs:
            if o.topic == topics.deadletter:
                metrics.DEADLETTERED.labels(reason=o.labels[0]).inc()
            elif o.topic == topics.events:
                plover, quad, src, tgt = o.labels
                metrics.EVENTS.labels(plover=plover, quad_class=quad).inc()
                metrics.observe_dyad(src, tgt, self.settings.metrics_countries)
            elif o.topic == topics.enriched:
                metrics.ENRICHED.inc()
                if ingest_ts:
                    metrics.LATENCY.labels(since="ingest").observe(max(0.0, now - ingest_ts))
                if o.labels and o.labels[0]:
                    metrics.LATENCY.labels(since="published").observe(max(0.0, now - float(o.labels[0])))


# what the broker (or the producer before it) refuses whatever the number of tries: the message's own fault
_REFUSED = (MessageSizeTooLargeError, RecordListTooLargeError, RecordTooLargeError)


def register(app: faust.App, streams: Streams, settings: Settings, rulebook: RuleBook) -> Enricher:
    enricher = Enricher(app, streams, settings, rulebook)

    @app.agent(streams.topic(settings.topics.raw), name="services.enricher.agent.enrich_articles")
    async def enrich_articles(stream: Any) -> None:
        await enricher.run(stream)

    return enricher
