"""Reading and writing the test pipeline's topics with kafka-python."""

from __future__ import annotations

import time
from typing import Any

import orjson
from kafka import KafkaConsumer, KafkaProducer

from services.settings import Settings


def produce(settings: Settings, messages: list[tuple[bytes | None, bytes]], topic: str | None = None) -> None:
    p = KafkaProducer(bootstrap_servers=settings.bootstrap, acks="all", max_request_size=8 * 1024 * 1024)
    for key, value in messages:
        p.send(topic or settings.topics.raw, key=key, value=value)
    p.flush()
    p.close()


def read_until(settings: Settings, topic: str, done: Any, timeout: float = 60.0) -> list[dict[str, Any]]:
    """Read `topic` from the start until done(messages) is true; returns the decoded JSON values."""
    consumer = KafkaConsumer(topic, bootstrap_servers=settings.bootstrap, auto_offset_reset="earliest",
                             enable_auto_commit=False, group_id=None, consumer_timeout_ms=500)
    out: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            for msg in consumer:
                out.append({"key": msg.key, "partition": msg.partition, "offset": msg.offset,
                            "value": orjson.loads(msg.value), "headers": msg.headers})
            if done(out):
                return out
    finally:
        consumer.close()
    raise AssertionError(f"timed out reading {topic}: got {len(out)} message(s)")
