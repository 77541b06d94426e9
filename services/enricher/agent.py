"""The enricher agent: news.raw in; enriched article, events, alert candidates or a dead letter out."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from functools import partial
from typing import Any

from aiokafka.errors import MessageSizeTooLargeError, RecordListTooLargeError, RecordTooLargeError
from faust.exceptions import ProducerSendError

from services import metrics
from services.acks import OrderedAcks
from services.pipeline import Output, Source, dead_letter, process
from services.rules.reload import rulebook
from services.stream import app, out_topics, raw_topic, settings


@app.agent(raw_topic)
async def enrich_articles(stream: Any) -> None:
    manual = stream.noack()
    acks = OrderedAcks(app, manual, fallback=_dead_letter_instead)
    async for event in manual.events():
        msg = event.message
        metrics.CONSUMED.inc()
        t0 = time.perf_counter()
        # on the event loop: bounded by services/budget.py (under 2 s for any input); a thread of its own was
        # tried and stalled partitions in rebalances (docs/RELIABILITY.md, "Work limits")
        outputs = process(msg.value, msg.key, Source(msg.topic, msg.partition, msg.offset), settings,
                          rulebook.active)
        metrics.ENRICH_SECONDS.observe(time.perf_counter() - t0)
        # acknowledged (and so committed) only once every output is acknowledged by the broker
        await acks.add(event, await _send(outputs), partial(_observe, outputs, msg.timestamp))


# what the broker (or the producer before it) refuses whatever the number of tries: the message's own fault
_REFUSED = (MessageSizeTooLargeError, RecordListTooLargeError, RecordTooLargeError)


async def _send(outputs: list[Output]) -> list[Awaitable[Any]]:
    futures: list[Awaitable[Any]] = []
    for o in outputs:
        try:
            futures.append(await out_topics[o.topic].send(key=o.key, value=o.value))
        except ProducerSendError as exc:  # refused before it left: settled like a refusal by the broker
            failed = asyncio.get_running_loop().create_future()
            failed.set_exception(exc)
            futures.append(failed)
            break
    return futures


async def _dead_letter_instead(event: Any, exc: BaseException) -> list[Awaitable[Any]] | None:
    """An output the broker refuses can never be sent: the input goes to the dead letters (by reference if
    large), instead of a crash on the same offset at every restart."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, _REFUSED):
        cause = cause.__cause__
    if cause is None:
        return None
    msg = event.message
    letter = dead_letter(settings.topics, Source(msg.topic, msg.partition, msg.offset), msg.key, msg.value,
                         "send_failed", f"an output was refused: {cause!r}", settings.limits)
    _observe([letter], None)
    return [await out_topics[letter.topic].send(key=letter.key, value=letter.value)]


def _observe(outputs: list[Output], ingest_ts: float | None) -> None:
    now = time.time()
    for o in outputs:
        if o.topic == settings.topics.deadletter:
            metrics.DEADLETTERED.labels(reason=o.labels[0]).inc()
        elif o.topic == settings.topics.events:
            plover, quad, src, tgt = o.labels
            metrics.EVENTS.labels(plover=plover, quad_class=quad).inc()
            metrics.observe_dyad(src, tgt, settings.metrics_countries)
        elif o.topic == settings.topics.enriched:
            metrics.ENRICHED.inc()
            if ingest_ts:
                metrics.LATENCY.labels(since="ingest").observe(max(0.0, now - ingest_ts))
            if o.labels and o.labels[0]:
                metrics.LATENCY.labels(since="published").observe(max(0.0, now - float(o.labels[0])))
