"""Faust app of the enricher. The agent only moves messages; `services.pipeline.process` does the work."""

from __future__ import annotations

import logging
from typing import Any

import faust

from services import __version__
from services.enrich import default_rules
from services.pipeline import Source, process
from services.settings import Settings

log = logging.getLogger("diplowatch.enricher")
settings = Settings()

app = faust.App(
    settings.app_id,
    broker=f"kafka://{settings.bootstrap}",
    value_serializer="raw",
    key_serializer="raw",
    store="memory://",
    datadir=str(settings.data_dir),
    web_host=settings.web_host,
    web_port=settings.web_port,
    topic_partitions=settings.partitions,
    topic_replication_factor=settings.replication,
    producer_acks=-1,
    producer_max_request_size=max(settings.max_message_bytes * 4, 1_048_576),
    consumer_auto_offset_reset="earliest",
    broker_commit_every=100,
    broker_commit_interval=1.0,
)

raw_topic = app.topic(settings.topics.raw, value_type=bytes, key_type=bytes, partitions=settings.partitions)
out_topics = {
    name: app.topic(name, value_type=bytes, key_type=bytes, partitions=settings.partitions)
    for name in settings.topics.all()
    if name != settings.topics.raw
}


@app.agent(raw_topic)
async def enrich_articles(stream: Any) -> None:
    rules = default_rules(str(settings.rules_dir))
    log.info("diplowatch %s: %d rules active (rule-set version %s)", __version__, len(rules), rules.version)
    async for event in stream.events():
        msg = event.message
        src = Source(msg.topic, msg.partition, msg.offset)
        outputs = process(msg.value, msg.key, src, settings, rules)
        futures = [await out_topics[o.topic].send(key=o.key, value=o.value) for o in outputs]
        # offsets are committed only after every output of the message is acknowledged by the broker
        for fut in futures:
            await fut
