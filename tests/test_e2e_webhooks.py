"""Webhook subscribers over the real broker and real workers, with a local receiver the test steers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Pipeline, free_port, wait_for
from kafka_helpers import produce, read_all, read_until, wait_committed
from webhook_receiver import Receiver

from services.notifier.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify
from services.settings import REPO_ROOT

pytestmark = pytest.mark.kafka

SECRET = "test-secret-0123456789abcdef"
RULES = """
rules:
  - id: coast-guard
    title: Coast guard mention
    severity: high
    tags: [maritime]
    match: {phrase: coast guard}
"""


def _setup(pipeline: Pipeline, tmp_path: Path, subscriptions: list[dict[str, Any]] | None) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "test.yaml").write_text(RULES)
    pipeline.env.update({"DIPLOWATCH_RULES_DIR": str(rules), "DIPLOWATCH_RULES_POLL_SECONDS": "1",
                         "DIPLOWATCH_WEBHOOK_ALLOW_NETS": "127.0.0.0/8"})
    if subscriptions is not None:
        path = tmp_path / "subscriptions.yaml"
        path.write_text(yaml.safe_dump({"subscriptions": subscriptions}))
        pipeline.env["DIPLOWATCH_SUBSCRIPTIONS_FILE"] = str(path)


def _articles(prefix: str, n: int) -> list[tuple[bytes, bytes]]:
    return [(f"{prefix}-{i}".encode(), json.dumps({
        "id": f"{prefix}-{i}", "body": f"Report {i}: the China coast guard boarded a fishing boat near the Paracels."
    }).encode()) for i in range(n)]


def _alert_ids(pipeline: Pipeline, n: int) -> list[str]:
    """Alert ids in the order of the alerts topic (one rule, so one partition, so one order)."""
    s = pipeline.settings
    msgs = read_until(s, s.topics.alerts, lambda m: len(m) >= n, timeout=90)
    assert len({m["partition"] for m in msgs}) == 1
    return [m["value"]["alert_id"] for m in sorted(msgs, key=lambda m: m["offset"])]


def _parked(pipeline: Pipeline, n: int, timeout: float = 120) -> list[dict[str, Any]]:
    s = pipeline.settings
    return [m["value"] for m in read_until(s, s.topics.undeliverable, lambda m: len(m) >= n, timeout=timeout)]


def test_receiver_down_then_up_gets_every_alert_in_order_signed(pipeline: Pipeline, tmp_path: Path) -> None:
    rx = Receiver()
    rx.mode = "error"  # answers 500 first
    rx.up()
    _setup(pipeline, tmp_path, [{"id": "analyst", "url": rx.url, "secret": SECRET, "max_attempts": 40,
                                 "backoff_initial_seconds": 0.2, "backoff_max_seconds": 1.0}])
    pipeline.start_worker()
    for msg in _articles("outage", 6):  # one by one: the order they enter is the order alerts are made
        produce(pipeline.settings, [msg])
    expected = _alert_ids(pipeline, 6)
    wait_for(lambda: len(rx.requests) >= 3, 30, "attempts answered with 500")
    rx.down()  # then refuses connections
    worker = pipeline.workers[0]
    wait_for(lambda: worker.metric("diplowatch_webhook_attempts_total", result="connection_error") >= 2, 30,
             "attempts refused while the receiver is down")
    rx.mode = "ok"
    rx.up()
    wait_for(lambda: len(rx.delivered_ids()) >= 6, 90, "every alert delivered once the receiver is up")

    assert rx.delivered_ids() == expected  # none lost, in order
    assert any(r.status == 500 for r in rx.requests)
    assert int(rx.delivered()[0].headers["X-Diplowatch-Attempt"]) > 1  # the first one was retried
    for r in rx.requests:
        assert verify(SECRET, r.headers[TIMESTAMP_HEADER], r.body, r.headers[SIGNATURE_HEADER])
        assert not verify("another-secret-000000", r.headers[TIMESTAMP_HEADER], r.body, r.headers[SIGNATURE_HEADER])
        assert not verify(SECRET, r.headers[TIMESTAMP_HEADER], r.body + b" ", r.headers[SIGNATURE_HEADER])
    body = json.loads(rx.delivered()[0].body)
    assert body["rule_id"] == "coast-guard" and body["severity"] == "high" and body["matches"]
    s = pipeline.settings
    assert read_all(s, s.topics.undeliverable) == []


def test_dead_subscriber_is_parked_and_does_not_delay_a_healthy_one(pipeline: Pipeline, tmp_path: Path) -> None:
    rx = Receiver()
    rx.up()
    dead_url = f"http://127.0.0.1:{free_port()}/nobody-listens"
    _setup(pipeline, tmp_path, [
        {"id": "healthy", "url": rx.url, "secret": SECRET},
        {"id": "dead", "url": dead_url, "secret": SECRET, "max_attempts": 4, "backoff_initial_seconds": 1.0,
         "backoff_max_seconds": 2.0},
        {"id": "internal", "url": "http://10.20.30.40/hook", "secret": SECRET},
    ])
    pipeline.start_worker()
    produce(pipeline.settings, _articles("isolation", 3))
    expected = set(_alert_ids(pipeline, 3))
    wait_for(lambda: set(rx.delivered_ids()) == expected, 30, "the healthy subscriber to get all three")
    s = pipeline.settings
    dead_parked_then = [m for m in read_all(s, s.topics.undeliverable)
                        if m["value"]["subscription_id"] == "dead"]
    # the dead one needs >= 2.5 s of backoff per alert: it had not finished when the healthy one was done
    assert len(dead_parked_then) < 3

    parked = _parked(pipeline, 6)
    dead = [p for p in parked if p["subscription_id"] == "dead"]
    internal = [p for p in parked if p["subscription_id"] == "internal"]
    assert {p["alert"]["alert_id"] for p in dead} == expected
    assert all(p["attempts"] == 4 and "connection failed" in p["reason"] for p in dead)
    assert {p["alert"]["alert_id"] for p in internal} == expected
    assert all(p["attempts"] == 1 and "non-public address 10.20.30.40" in p["reason"] for p in internal)
    assert len(rx.delivered_ids()) == 3


def _cli(pipeline: Pipeline, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "services.cli", *args], env=pipeline.env, cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120)


def test_subscription_added_at_run_time_and_redelivery_after_kill(pipeline: Pipeline, tmp_path: Path) -> None:
    rx = Receiver()
    rx.up()
    _setup(pipeline, tmp_path, None)
    # the restarted worker gets the killed one's partitions after its session timeout (Faust's default: 60 s)
    pipeline.env["DIPLOWATCH_SESSION_TIMEOUT_SECONDS"] = "10"
    worker = pipeline.start_worker()
    subs = tmp_path / "runtime.yaml"
    subs.write_text(yaml.safe_dump({"subscriptions": [
        {"id": "late", "url": rx.url, "secret": SECRET, "timeout_seconds": 30}]}))
    out = _cli(pipeline, "subscriptions", "put", str(subs))
    assert out.returncode == 0, out.stderr
    wait_for(lambda: b"subscription late ->" in worker.log.read_bytes(), 30, "the worker to take the subscription")
    assert "late" in _cli(pipeline, "subscriptions", "list").stdout

    first, second = _articles("runtime", 2)
    produce(pipeline.settings, [first])
    wait_for(lambda: len(rx.delivered_ids()) == 1, 30, "the first alert")
    wait_committed(pipeline.settings, pipeline.settings.topics.alerts)  # the first alert's offset committed

    rx.mode = "hang"  # the receiver takes the second request and does not answer...
    produce(pipeline.settings, [second])
    wait_for(lambda: len(rx.requests) == 2, 30, "the second alert's request")
    worker.kill()  # ...and the worker dies mid-delivery
    rx.mode = "ok"
    pipeline.start_worker()
    ids = _alert_ids(pipeline, 2)
    wait_for(lambda: rx.delivered_ids() == ids, 60, "the second alert delivered after the restart")
    assert rx.requests[1].alert_ids == [ids[1]]  # the request that got no answer was for it


def test_digest_and_slack_formats(pipeline: Pipeline, tmp_path: Path) -> None:
    digest, slack = Receiver(), Receiver()
    digest.up()
    slack.up()
    _setup(pipeline, tmp_path, [
        {"id": "digest", "url": digest.url, "secret": SECRET, "batch_seconds": 3},
        {"id": "chat", "url": slack.url, "secret": SECRET, "format": "slack", "filters": {"min_severity": "high"}},
    ])
    pipeline.start_worker()
    produce(pipeline.settings, _articles("digest", 4))
    expected = set(_alert_ids(pipeline, 4))
    wait_for(lambda: set(digest.delivered_ids()) == expected, 60, "the digest with every alert")
    assert len(digest.delivered()) < 4  # fewer POSTs than alerts: they came batched
    assert all("alerts" in json.loads(r.body) for r in digest.delivered())
    wait_for(lambda: len(slack.delivered()) == 4, 60, "one Slack message per alert")
    for r in slack.delivered():
        doc = json.loads(r.body)
        assert set(doc) == {"text"} and doc["text"].startswith("*[HIGH] Coast guard mention*")
        assert verify(SECRET, r.headers[TIMESTAMP_HEADER], r.body, r.headers[SIGNATURE_HEADER])
