"""A message the fetcher passed over is read again (services/offsets.py), over the real broker: without the
re-read it would wait for the partition's next reassignment, and the group's commit would stay before it."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from conftest import wait_for
from kafka import KafkaAdminClient, KafkaProducer, TopicPartition
from kafka.admin import NewTopic

from services.offsets import REREAD_AFTER_S
from services.settings import REPO_ROOT

pytestmark = pytest.mark.kafka


# 37: after the group's first commits; 0: the first message of a fresh group, before any commit, where Faust has
# no committed offset to compare with (it committed past it, and the message was lost)
@pytest.mark.parametrize("drop", [37, 0])
def test_a_message_passed_over_is_read_again_and_committed(kafka: str, tmp_path: Path, drop: int) -> None:
    suffix = uuid.uuid4().hex[:8]
    topic, app_id, n = f"reread-{suffix}", f"reread-app-{suffix}", 200
    admin = KafkaAdminClient(bootstrap_servers=kafka)
    admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])
    producer = KafkaProducer(bootstrap_servers=kafka, acks="all")
    for i in range(n):
        producer.send(topic, value=f"m{i}".encode())
    producer.flush()
    producer.close()

    out, log = tmp_path / "seen", tmp_path / "worker.log"
    env = {**os.environ, "DIPLOWATCH_BOOTSTRAP": kafka, "TOPIC": topic, "APP_ID": app_id, "DROP": str(drop),
           "OUT": str(out), "DATA_DIR": str(tmp_path / "data")}
    with log.open("wb") as fh:
        proc = subprocess.Popen([sys.executable, str(REPO_ROOT / "tests" / "dropping_worker.py"), "worker",
                                 "--without-web", "-l", "info"], env=env, stdout=fh, stderr=subprocess.STDOUT,
                                cwd=tmp_path)
    try:
        def seen() -> list[int]:
            return [int(x) for x in out.read_text().split()] if out.exists() else []

        def processed_all_but_one() -> bool:
            if proc.poll() is not None:
                raise AssertionError(f"the worker stopped:\n{log.read_text(errors='replace')[-3000:]}")
            return len(set(seen())) >= n - 1

        wait_for(processed_all_but_one, 90, "the worker to process all but the dropped message")
        assert drop not in seen()  # the fault was injected: the fetcher passed over it
        wait_for(lambda: drop in seen(), REREAD_AFTER_S + 30, f"offset {drop} to be read again")
        assert set(seen()) == set(range(n))
        assert b"was passed over without being processed" in log.read_bytes()

        def committed() -> int:
            offsets = admin.list_group_offsets({app_id: None}).get(app_id, {})
            meta = offsets.get(TopicPartition(topic, 0))
            return meta.offset if meta is not None else -1

        wait_for(lambda: committed() == n, 30, "the group's commit to reach the end of the partition")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        admin.close()
