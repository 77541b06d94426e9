"""`diplowatch tail --since` shows what was produced from a time on, not the topic's history (what `make up` needs
to show one run's alerts on a broker that has kept earlier runs' messages)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid

import pytest
from kafka import KafkaProducer

from services.settings import REPO_ROOT

pytestmark = pytest.mark.kafka


def _tail(kafka: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"DIPLOWATCH_BOOTSTRAP": kafka, "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "services.cli", "tail", *args], env=env, cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=60)


def test_tail_since_skips_older_messages(kafka: str) -> None:
    topic = f"tail-{uuid.uuid4().hex[:8]}"
    now_ms = int(time.time() * 1000)
    p = KafkaProducer(bootstrap_servers=kafka, acks="all")
    p.send(topic, key=b"a", value=b'{"n": "old"}', timestamp_ms=now_ms - 3_600_000, partition=0)
    p.send(topic, key=b"b", value=b'{"n": "new"}', timestamp_ms=now_ms, partition=0)
    p.flush()
    p.close()

    every = _tail(kafka, topic, "--timeout", "3")
    assert [json.loads(line)["n"] for line in every.stdout.splitlines()] == ["old", "new"]
    recent = _tail(kafka, topic, "--since", str((now_ms - 60_000) / 1000), "--timeout", "3")
    assert [json.loads(line)["n"] for line in recent.stdout.splitlines()] == ["new"]
    iso = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now_ms / 1000 - 7200))
    both = _tail(kafka, topic, "--since", iso, "--timeout", "3")
    assert [json.loads(line)["n"] for line in both.stdout.splitlines()] == ["old", "new"]
    future = _tail(kafka, topic, "--since", str(now_ms / 1000 + 60), "--timeout", "3")
    assert future.returncode == 0 and future.stdout == ""


def test_tail_since_refuses_a_bad_time_and_a_missing_topic(kafka: str) -> None:
    bad = _tail(kafka, "news.raw", "--since", "yesterday")
    assert bad.returncode != 0 and "not an ISO 8601 time" in bad.stderr
    missing = _tail(kafka, f"absent-{uuid.uuid4().hex[:8]}", "--since", "0", "--timeout", "2")
    assert missing.returncode != 0 and "does not exist" in missing.stderr
