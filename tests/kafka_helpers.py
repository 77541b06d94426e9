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


def read_all(settings: Settings, topic: str, timeout: float = 30.0) -> list[dict[str, Any]]:
    """Everything `topic` holds now: read from the start up to each partition's end offset at the call.

    `read_until(..., lambda m: True)` stopped at the first half second with no message, which a slow first fetch
    on a loaded machine could give before any message came: a partial read that looked complete."""
    from kafka import TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap, enable_auto_commit=False, group_id=None)
    out: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    try:
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or set())]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        ends = consumer.end_offsets(tps)
        while any(consumer.position(tp) < end for tp, end in ends.items()):
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out reading {topic}: got {len(out)} message(s)")
            for batch in consumer.poll(timeout_ms=500).values():
                out.extend({"key": msg.key, "partition": msg.partition, "offset": msg.offset,
                            "value": orjson.loads(msg.value), "headers": msg.headers} for msg in batch)
    finally:
        consumer.close()
    return out


def wait_committed(settings: Settings, topic: str, timeout: float = 60.0) -> None:
    """Until the worker group has committed every message of `topic` (committed = end offset on each partition).

    The workers commit an input only once all its outputs are acknowledged, so this proves every message of
    the topic was processed and its outputs written: a positive check, where a sleep only hopes."""
    from kafka import KafkaAdminClient, TopicPartition

    admin = KafkaAdminClient(bootstrap_servers=settings.bootstrap)
    consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=None)
    deadline = time.monotonic() + timeout
    try:
        parts = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        while True:
            ends = consumer.end_offsets(tps)
            committed = admin.list_group_offsets({settings.app_id: None}).get(settings.app_id, {})
            behind = {tp.partition: (committed[tp].offset if tp in committed else None, end)
                      for tp, end in ends.items() if end and (tp not in committed or committed[tp].offset < end)}
            if not behind:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"{topic}: not all committed after {timeout}s (partition: (committed, end)) "
                                     f"{behind}")
            time.sleep(0.2)
    finally:
        consumer.close()
        admin.close()
