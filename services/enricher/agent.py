"""The enricher agent: news.raw in; enriched article, events, alert candidates or a dead letter out."""

from __future__ import annotations

from typing import Any

from services.pipeline import Source, process
from services.rules.reload import rulebook
from services.stream import app, out_topics, raw_topic, settings


@app.agent(raw_topic)
async def enrich_articles(stream: Any) -> None:
    async for event in stream.events():
        msg = event.message
        outputs = process(msg.value, msg.key, Source(msg.topic, msg.partition, msg.offset), settings,
                          rulebook.active)
        futures = [await out_topics[o.topic].send(key=o.key, value=o.value) for o in outputs]
        # the offset is committed after this returns: only once every output is acknowledged by the broker
        for fut in futures:
            await fut
