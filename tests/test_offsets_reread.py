"""Messages the fetcher passed over are read again (services/offsets.py), over the real broker: without the
re-read they would wait for the partition's next reassignment, and the group's commit would stay before them;
offsets that are not in the log (transaction markers) do not hold the commit."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import wait_for
from kafka import KafkaAdminClient, KafkaProducer, TopicPartition
from kafka.admin import NewTopic

from services.offsets import REREAD_AFTER_S
from services.settings import REPO_ROOT

pytestmark = pytest.mark.kafka


@contextmanager
def _topic(kafka: str) -> Iterator[tuple[str, KafkaAdminClient]]:
    topic = f"reread-{uuid.uuid4().hex[:8]}"
    admin = KafkaAdminClient(bootstrap_servers=kafka)
    try:
        admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])
        yield topic, admin
    finally:
        admin.close()


def _produce(kafka: str, topic: str, n: int) -> None:
    producer = KafkaProducer(bootstrap_servers=kafka, acks="all")
    for i in range(n):
        producer.send(topic, value=f"m{i}".encode())
    producer.flush()
    producer.close()


@contextmanager
def _worker(kafka: str, tmp_path: Path, topic: str, **faults: int) -> Iterator[tuple[Callable[[], list[int]], Path]]:
    """tests/dropping_worker.py with its faults (DROP, JUMP); yields the offsets it processed, and its log."""
    out, log = tmp_path / "seen", tmp_path / "worker.log"
    env = {**os.environ, "DIPLOWATCH_BOOTSTRAP": kafka, "TOPIC": topic, "APP_ID": f"{topic}-app", "OUT": str(out),
           "DATA_DIR": str(tmp_path / "data"), **{k.upper(): str(v) for k, v in faults.items()}}
    with log.open("wb") as fh:
        proc = subprocess.Popen([sys.executable, str(REPO_ROOT / "tests" / "dropping_worker.py"), "worker",
                                 "--without-web", "-l", "info"], env=env, stdout=fh, stderr=subprocess.STDOUT,
                                cwd=tmp_path)

    def seen() -> list[int]:
        if proc.poll() is not None:
            raise AssertionError(f"the worker stopped:\n{log.read_text(errors='replace')[-3000:]}")
        return [int(x) for x in out.read_text().split()] if out.exists() else []

    try:
        yield seen, log
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _committed(admin: KafkaAdminClient, topic: str) -> int:
    offsets = admin.list_group_offsets({f"{topic}-app": None}).get(f"{topic}-app", {})
    meta = offsets.get(TopicPartition(topic, 0))
    return meta.offset if meta is not None else -1


# 37: after the group's first commits; 0: the first message of a fresh group, before any commit, where Faust has
# no committed offset to compare with (it committed past it, and the message was lost)
@pytest.mark.parametrize("drop", [37, 0])
def test_a_message_passed_over_is_read_again_and_committed(kafka: str, tmp_path: Path, drop: int) -> None:
    n = 200
    with _topic(kafka) as (topic, admin):
        _produce(kafka, topic, n)
        with _worker(kafka, tmp_path, topic, drop=drop) as (seen, log):
            wait_for(lambda: len(set(seen())) >= n - 1, 90, "the worker to process all but the dropped message")
            assert drop not in seen()  # the fault was injected: the fetcher passed over it
            wait_for(lambda: drop in seen(), REREAD_AFTER_S + 30, f"offset {drop} to be read again")
            assert set(seen()) == set(range(n))
            assert b"was passed over without being processed" in log.read_bytes()
            wait_for(lambda: _committed(admin, topic) == n, 30, "the group's commit to reach the end of the partition")


# the records at 37-40 (or, before any commit, 0-3) are discarded from a fetch, the consumer's position past them
@pytest.mark.parametrize("jump", [37, 0])
def test_a_fetcher_that_jumps_is_sought_back_at_once(kafka: str, tmp_path: Path, jump: int) -> None:
    n = 200
    with _topic(kafka) as (topic, admin):
        _produce(kafka, topic, n)  # all there before the worker starts: one fetch holds the four discarded
        with _worker(kafka, tmp_path, topic, jump=jump) as (seen, log):
            wait_for(lambda: set(seen()) == set(range(n)), 90, "the worker to process every message")
            wait_for(lambda: _committed(admin, topic) == n, 30, "the group's commit to reach the end of the partition")
            text = log.read_bytes()
            assert f"jumped from offset {jump} to {jump + 4}; reading again from {jump}".encode() in text
            assert b"was passed over" not in text  # not left for the commit hold to find


def test_transaction_markers_do_not_hold_the_commit(kafka: str, tmp_path: Path) -> None:
    # a user's transactional producer: each commit marker takes an offset no consumer is ever given
    with _topic(kafka) as (topic, admin):
        producer = KafkaProducer(bootstrap_servers=kafka, transactional_id=f"{topic}-tx")
        producer.init_transactions()
        futures = []
        for batch in range(5):
            producer.begin_transaction()
            futures += [producer.send(topic, value=f"t{batch}-{i}".encode()) for i in range(40)]
            producer.commit_transaction()
        offsets = {f.get(timeout=30).offset for f in futures}
        producer.close()
        _produce(kafka, topic, 1)  # a message after the last marker: the commit can pass that marker too
        offsets.add(max(offsets) + 2)
        assert len(offsets) == 201 and max(offsets) == 205  # five markers among them
        with _worker(kafka, tmp_path, topic) as (seen, log):
            wait_for(lambda: set(seen()) == offsets, 90, "the worker to process every message")
            wait_for(lambda: _committed(admin, topic) == 206, 30, "the group's commit to reach the end")
            assert b"are not in the log" in log.read_bytes()


def test_messages_fetched_while_the_seek_is_under_way_are_processed(kafka: str, tmp_path: Path) -> None:
    """A worker restarted with state to restore runs its fetcher while it seeks to the committed offsets: what
    it fetched then was neither handed on nor fetched again (an alert's redelivery after a kill was lost so)."""
    n = 100
    with _topic(kafka) as (topic, admin):
        _produce(kafka, topic, n)
        with _worker(kafka, tmp_path, topic) as (seen, _):
            wait_for(lambda: set(seen()) == set(range(n)), 90, "the worker to process every message")
            wait_for(lambda: _committed(admin, topic) == n, 30, "the group's commit to reach the end of the partition")
        _produce(kafka, topic, n)  # while no worker runs
        with _worker(kafka, tmp_path, topic, slow_seek=3) as (seen, log):
            wait_for(lambda: b"seek: sleeping" in log.read_bytes(), 60, "the restarted worker's seek")
            wait_for(lambda: set(seen()) == set(range(2 * n)), 60, "the messages after the commit")
            wait_for(lambda: _committed(admin, topic) == 2 * n, 30, "the group's commit to reach the end")
