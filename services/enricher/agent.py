"""The enricher agent: news.raw in; enriched article, events, alert candidates or a dead letter out."""

from __future__ import annotations

import time
from functools import partial
from typing import Any

from services import metrics
from services.acks import OrderedAcks
from services.pipeline import Output, Source, process
from services.rules.reload import rulebook
from services.stream import app, out_topics, raw_topic, settings


@app.agent(raw_topic)
async def enrich_articles(stream: Any) -> None:
    manual = stream.noack()
    acks = OrderedAcks(app, manual)
    async for event in manual.events():
        msg = event.message
        metrics.CONSUMED.inc()
        t0 = time.perf_counter()
        outputs = process(msg.value, msg.key, Source(msg.topic, msg.partition, msg.offset), settings,
                          rulebook.active)
        metrics.ENRICH_SECONDS.observe(time.perf_counter() - t0)
        futures = [await out_topics[o.topic].send(key=o.key, value=o.value) for o in outputs]
        # acknowledged (and so committed) only once every output is acknowledged by the broker
        await acks.add(event, futures, partial(_observe, outputs, msg.timestamp))


def _observe(outputs: list[Output], ingest_ts: float | None) -> None:
    now = time.time()
    for o in outputs:
        if o.topic == settings.topics.deadletter:
            metrics.DEADLETTERED.labels(reason=o.labels[0]).inc()
        elif o.topic == settings.topics.events:
            plover, quad, src, tgt = o.labels
            metrics.EVENTS.labels(plover=plover, quad_class=quad).inc()
            metrics.DYAD_EVENTS.labels(source_country=src, target_country=tgt).inc()
        elif o.topic == settings.topics.enriched:
            metrics.ENRICHED.inc()
            if ingest_ts:
                metrics.LATENCY.labels(since="ingest").observe(max(0.0, now - ingest_ts))
            if o.labels and o.labels[0]:
                metrics.LATENCY.labels(since="published").observe(max(0.0, now - float(o.labels[0])))
