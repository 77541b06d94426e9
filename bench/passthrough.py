"""A pass-through Faust agent (reads the input topic, writes the bytes unchanged): the baseline that
bench/pipeline_e2e.py measures next to the full pipeline on the same broker."""

from __future__ import annotations

import os
from typing import Any

import faust

from services.acks import OrderedAcks
from services.faust_worker import Worker

app = faust.App(os.environ["DIPLOWATCH_APP_ID"], broker=f"kafka://{os.environ['DIPLOWATCH_BOOTSTRAP']}",
                value_serializer="raw", key_serializer="raw", web_enabled=False, producer_acks=-1,
                consumer_auto_offset_reset="earliest", topic_partitions=int(os.environ["DIPLOWATCH_PARTITIONS"]),
                datadir=os.environ["DIPLOWATCH_DATA_DIR"],  # the bench's temporary directory, not the repo
                Worker=Worker)
source = app.topic(os.environ["DIPLOWATCH_TOPIC_RAW"], value_type=bytes, key_type=bytes)
sink = app.topic(os.environ["DIPLOWATCH_TOPIC_ENRICHED"], value_type=bytes, key_type=bytes)


@app.agent(source)
async def passthrough(stream: Any) -> None:
    manual = stream.noack()
    acks = OrderedAcks(app, manual)  # same discipline as the enricher: acknowledged after its output is
    async for event in manual.events():
        fut = await sink.send(key=event.message.key, value=event.message.value)
        await acks.add(event, [fut])
