"""Nothing lost when a worker is killed, or when workers are added while producing (real broker, real workers).

These are the long tests (marked `slow`); CI runs them with the rest.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter

import pytest
from conftest import SHARED, Pipeline, wait_for
from kafka_helpers import produce, read_all, read_until

from services.corpus import read_items

pytestmark = [pytest.mark.kafka, pytest.mark.slow]


def _articles(n: int, tag: str) -> list[tuple[bytes, bytes]]:
    """n articles from the gold sentences and the corpus stories, with fresh ids."""
    gold = [it.body for it in read_items(SHARED / "gold" / "plover_gsr.jsonl")]
    stories = [it.body for it in read_items(SHARED / "corpus" / "voa_stories.jsonl", limit=20)]
    out = []
    for i in range(n):
        body = stories[i // 50 % len(stories)] if i % 50 == 0 else gold[i % len(gold)]
        art_id = f"{tag}-{i}"
        out.append((art_id.encode(), json.dumps({"id": art_id, "body": body}).encode()))
    return out


def _wait_all(pipeline: Pipeline, ids: set[str], timeout: float) -> Counter[str]:
    s = pipeline.settings
    seen: Counter[str] = Counter()

    def done(messages: list[dict]) -> bool:
        seen.clear()
        seen.update(m["value"]["id"] for m in messages)
        return ids <= set(seen)

    try:
        read_until(s, s.topics.enriched, done, timeout=timeout)
    except AssertionError:
        raise AssertionError(_diagnose(pipeline, ids - set(seen), len(seen))) from None
    return seen


def _diagnose(pipeline: Pipeline, missing: set[str], n_seen: int) -> str:
    """Where the missing articles sit in the input, against the group's committed offsets, and what the
    workers said: enough to tell a loss (committed past them) from a stall (committed before them)."""
    from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition

    s = pipeline.settings
    where: dict[int, list[int]] = {}
    for m in read_all(s, s.topics.raw):
        if m["key"] and m["key"].decode() in missing:
            where.setdefault(m["partition"], []).append(m["offset"])
    admin = KafkaAdminClient(bootstrap_servers=s.bootstrap)
    note = ""
    try:
        committed = admin.list_group_offsets({s.app_id: None}).get(s.app_id, {})
    except Exception as exc:  # the diagnosis must not hide the failure it explains
        committed, note = {}, f"; no committed offsets: {exc!r}"
    finally:
        admin.close()
    tps = [TopicPartition(s.topics.raw, p) for p in sorted(where)]
    consumer = KafkaConsumer(bootstrap_servers=s.bootstrap)
    ends = consumer.end_offsets(tps) if tps else {}
    consumer.close()
    lines = [f"{len(missing)} article(s) missing, {n_seen} distinct seen{note}"]
    for tp in tps:
        offs = sorted(where[tp.partition])
        c = committed.get(tp)
        lines.append(f"  {tp.topic}[{tp.partition}]: missing offsets {offs[:10]}{'...' if len(offs) > 10 else ''}"
                     f" (n={len(offs)}), committed {c.offset if c else None}, end {ends.get(tp)}")
    for w in pipeline.workers:
        tail = [ln for ln in w.log.read_text(errors="replace").splitlines()
                if "ERROR" in ln or "WARN" in ln or "rebalanc" in ln.lower()][-15:]
        lines.append(f"  worker {w.web_port} alive={w.alive()}:\n    " + "\n    ".join(tail))
    return "\n".join(lines)


def test_kill_9_a_worker_mid_stream_loses_nothing(pipeline: Pipeline) -> None:
    pipeline.env["DIPLOWATCH_PARTITIONS"] = "4"
    # the group takes the dead worker's partitions back after its session timeout (Faust's default: 60 s)
    pipeline.env["DIPLOWATCH_SESSION_TIMEOUT_SECONDS"] = "10"
    first, _ = pipeline.start_workers(2)
    articles = _articles(5_000, "k9")  # the kill lands with thousands still to read
    produce(pipeline.settings, articles)
    # both workers hold partitions and are under way when the first one dies
    wait_for(lambda: all(w.metric("diplowatch_articles_consumed_total") > 200 for w in pipeline.workers),
             120, "both workers consuming")
    read = sum(w.metric("diplowatch_articles_consumed_total") for w in pipeline.workers)
    first.kill()  # SIGKILL: no clean shutdown, no final commit
    assert read < len(articles) - 1_000, f"the kill came too late to be mid-stream ({read} read)"
    pipeline.start_worker()
    seen = _wait_all(pipeline, {k.decode() for k, _ in articles}, timeout=900)
    duplicates = sum(c - 1 for c in seen.values())
    print(f"\nkill -9 with 2 workers: {len(articles)} produced, {len(seen)} distinct enriched, 0 lost, "
          f"{duplicates} duplicates after the crash")
    assert len(seen) == len(articles)


def test_scaling_from_one_to_three_workers_while_producing_loses_nothing(pipeline: Pipeline) -> None:
    pipeline.env["DIPLOWATCH_PARTITIONS"] = "6"
    pipeline.start_worker()
    articles = _articles(4_000, "scale")
    batches = [articles[i : i + 500] for i in range(0, len(articles), 500)]
    rebalanced = threading.Event()

    def producer() -> None:
        # half the batches while workers join and the group rebalances, the rest once all three hold
        # partitions: each worker then has articles of its own to read, however long the rebalance took
        for i, b in enumerate(batches):
            if i == len(batches) // 2:
                rebalanced.wait(timeout=300)
            produce(pipeline.settings, b)
            time.sleep(0.5)

    t = threading.Thread(target=producer)
    t.start()
    wait_for(lambda: pipeline.workers[0].metric("diplowatch_articles_consumed_total") > 0, 120,
             "the first worker consuming")
    pipeline.start_workers(2)
    raw = pipeline.settings.topics.raw

    def spread() -> bool:
        held = [w.metric("diplowatch_partitions_assigned", topic=raw) for w in pipeline.workers]
        return sum(held) == 6 and min(held) > 0

    try:
        wait_for(spread, 300, "the six partitions spread over the three workers")
    finally:
        rebalanced.set()
    t.join()
    seen = _wait_all(pipeline, {k.decode() for k, _ in articles}, timeout=600)
    assert len(seen) == len(articles)
    assert all(w.alive() for w in pipeline.workers)
    # the partitions were rebalanced: every worker consumed part of the stream (its own /metrics says so)
    for w in pipeline.workers:
        assert w.metric("diplowatch_articles_consumed_total") > 0, f"worker on port {w.web_port} got no partition"


def test_broker_stopped_and_started_mid_stream_loses_nothing(pipeline: Pipeline,
                                                             tmp_path_factory: pytest.TempPathFactory) -> None:
    import subprocess

    from conftest import BROKER, broker_env

    env = broker_env(tmp_path_factory)
    worker = pipeline.start_worker()
    articles = _articles(2_000, "bounce")
    produce(pipeline.settings, articles[:1000])
    wait_for(lambda: worker.metric("diplowatch_articles_consumed_total") > 100, 120, "the worker under way")
    failed_fetches = worker.log.read_bytes().count(b"Failed fetch messages")
    subprocess.run([str(BROKER), "stop"], env=env, check=True, timeout=120)
    # the broker stays down until the worker has found it gone (its fetches fail), not for a fixed time
    wait_for(lambda: worker.log.read_bytes().count(b"Failed fetch messages") > failed_fetches, 60,
             "the worker's fetches to fail while the broker is down")
    subprocess.run([str(BROKER), "start"], env=env, check=True, timeout=300)
    produce(pipeline.settings, articles[1000:])
    seen = _wait_all(pipeline, {k.decode() for k, _ in articles}, timeout=600)
    assert len(seen) == len(articles)
    assert all(w.alive() for w in pipeline.workers), "the worker resumes by itself"
