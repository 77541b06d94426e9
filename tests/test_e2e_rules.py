"""Alert rules through real workers over the real broker: windows, dedupe, restarts, hot reload."""

from __future__ import annotations

import json
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import Pipeline, Worker, wait_for
from kafka import KafkaConsumer
from kafka_helpers import produce, read_all, wait_committed
from test_rules_input import big_rule_set

from services.kafka_admin import ensure_topics, message_limits
from services.models import RuleSetMessage
from services.rules.message import RULESET_KEY
from services.settings import Settings

pytestmark = pytest.mark.kafka

RULES = """
rules:
  - id: burst
    title: Scarborough burst
    severity: medium
    kind: frequency
    window: 1h
    threshold: 3
    match: {phrase: Scarborough Shoal}
  - id: law
    title: coast guard law
    severity: high
    match: {phrase: coast guard law}
    dedupe: {key: rule, period: 6h}
"""
T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def _setup(pipeline: Pipeline, tmp_path: Path, rules: str = RULES) -> Path:
    d = tmp_path / "rules"
    d.mkdir()
    (d / "test.yaml").write_text(rules)
    pipeline.env["DIPLOWATCH_RULES_DIR"] = str(d)
    pipeline.env["DIPLOWATCH_RULES_POLL_SECONDS"] = "1"
    return d


def _article(art_id: str, body: str, minutes: int) -> tuple[bytes, bytes]:
    when = (T0 + timedelta(minutes=minutes)).isoformat()
    return art_id.encode(), json.dumps({"id": art_id, "body": body, "published_at": when}).encode()


def _send_and_settle(pipeline: Pipeline, messages: list[tuple[bytes, bytes]]) -> None:
    """Produce, then wait until the worker group committed every input and every alert candidate: each was
    processed and whatever alert it raised is on the alerts topic (commits follow the outputs' acks)."""
    s = pipeline.settings
    produce(s, messages)
    wait_committed(s, s.topics.raw)
    wait_committed(s, s.topics.candidates)


def _alerts(pipeline: Pipeline, rule_id: str) -> list[dict]:
    s = pipeline.settings
    return [m["value"] for m in read_all(s, s.topics.alerts)
            if m["value"]["rule_id"] == rule_id]


SHOAL = "Coast guard ships shadowed fishing boats near Scarborough Shoal on Monday."


def test_frequency_rule_fires_exactly_once_on_the_nth_article(pipeline: Pipeline, tmp_path: Path) -> None:
    _setup(pipeline, tmp_path)
    pipeline.start_worker()
    _send_and_settle(pipeline, [_article("f1", SHOAL, 0), _article("f2", SHOAL, 5)])
    assert _alerts(pipeline, "burst") == [], "not before the third article"
    _send_and_settle(pipeline, [_article("f3", SHOAL, 10)])
    fired = _alerts(pipeline, "burst")
    assert len(fired) == 1 and fired[0]["window_count"] == 3 and fired[0]["article_id"] == "f3"
    _send_and_settle(pipeline, [_article("f4", SHOAL, 15)])
    assert len(_alerts(pipeline, "burst")) == 1, "the fourth article starts a new count"


def test_dedupe_suppresses_repeats_within_the_period_and_not_after(pipeline: Pipeline, tmp_path: Path) -> None:
    _setup(pipeline, tmp_path)
    pipeline.start_worker()
    law = "Officials debated the coast guard law again."
    for n, minutes in ((1, 0), (2, 60), (3, 120)):  # one by one: input partitions do not order them
        _send_and_settle(pipeline, [_article(f"d{n}", law, minutes)])
    assert [a["article_id"] for a in _alerts(pipeline, "law")] == ["d1"]
    _send_and_settle(pipeline, [_article("d4", law, 7 * 60)])
    assert [a["article_id"] for a in _alerts(pipeline, "law")] == ["d1", "d4"]


def test_window_state_survives_a_worker_restart(pipeline: Pipeline, tmp_path: Path) -> None:
    _setup(pipeline, tmp_path)
    first = pipeline.start_worker()
    _send_and_settle(pipeline, [_article("r1", SHOAL, 0), _article("r2", SHOAL, 5)])
    first.stop()
    pipeline.start_worker()  # a new process: the table comes back from its changelog topic
    _send_and_settle(pipeline, [_article("r3", SHOAL, 10)])
    fired = _alerts(pipeline, "burst")
    assert len(fired) == 1 and fired[0]["window_count"] == 3


def test_rules_change_at_run_time_and_a_broken_file_is_refused(pipeline: Pipeline, tmp_path: Path) -> None:
    rules_dir = _setup(pipeline, tmp_path, "- {id: alpha, title: alpha, severity: low, match: {phrase: alpha event}}\n")
    w = pipeline.start_worker()
    _send_and_settle(pipeline, [_article("h1", "An alpha event and a beta event happened.", 0)])
    assert _alerts(pipeline, "alpha") and not _alerts(pipeline, "beta")

    (rules_dir / "more.yaml").write_text("- {id: beta, title: beta, severity: low, match: {phrase: beta event}}\n")
    wait_for(lambda: w.log.read_bytes().count(b" active (") >= 2, 30, "the worker to adopt the new rules")
    _send_and_settle(pipeline, [_article("h2", "Another beta event.", 1)])
    assert [a["article_id"] for a in _alerts(pipeline, "beta")] == ["h2"]

    (rules_dir / "broken.yaml").write_text("- {id: gamma, title: gamma, severity: urgent, match: {phrase: x}}\n")
    wait_for(lambda: b"refused" in w.log.read_bytes(), 30, "the broken rule file to be refused")
    assert b"broken.yaml" in w.log.read_bytes() and b"gamma" in w.log.read_bytes()
    _send_and_settle(pipeline, [_article("h3", "A third alpha event and beta event.", 2)])
    assert "h3" in [a["article_id"] for a in _alerts(pipeline, "alpha")], "the previous rules keep firing"
    assert "h3" in [a["article_id"] for a in _alerts(pipeline, "beta")]
    assert w.alive()


def _refused_on_topic(worker: Worker) -> float:
    with urllib.request.urlopen(f"http://127.0.0.1:{worker.web_port}/metrics", timeout=5) as r:
        text = r.read().decode()
    line = next(x for x in text.splitlines() if x.startswith('diplowatch_config_refused_total{source="rules_topic"}'))
    return float(line.split()[-1])


def test_bad_rules_messages_are_skipped_and_a_large_set_is_applied(pipeline: Pipeline, tmp_path: Path) -> None:
    """Before: a bad `rules` message crashed every worker at once and at every start, and a 3.7 MB set was
    refused by the broker on publish (over max.message.bytes), which stopped the worker."""
    rules_dir = _setup(pipeline, tmp_path, "- {id: alpha, title: alpha, severity: low, match: {phrase: alpha event}}\n")
    pipeline.env["DIPLOWATCH_SPACY_MODEL"] = "none"  # rules only: no parse needed
    s = pipeline.settings
    ensure_topics(s)
    wrong_type = RuleSetMessage(version="v2a", files={"x.yaml": "- {id: r, title: t, severity: low, version: 2a, "
                                                                "match: {phrase: x}}\n"})
    produce(s, [(RULESET_KEY, b"\xff not a rule set"), (RULESET_KEY, wrong_type.model_dump_json().encode())],
            topic=s.topics.rules)
    w = pipeline.start_worker()  # the newest `ruleset` record is the wrong-type set: refused, the directory used
    assert b"rule set v2a on the rules topic was refused" in w.log.read_bytes()
    produce(s, [(RULESET_KEY, b'{"version": "x", "files": {"a.yaml": 5}}')], topic=s.topics.rules)
    wait_for(lambda: _refused_on_topic(w) >= 2, 30, "the running worker to skip the bad message")

    files = big_rule_set()
    files["big.yaml"] += b"\n  - {id: omega, title: omega, severity: high, match: {phrase: omega event}}\n"
    assert len(files["big.yaml"]) > 3_000_000
    (rules_dir / "big.yaml").write_bytes(files["big.yaml"])
    wait_for(lambda: b"active (10002 rules" in w.log.read_bytes(), 120, "the worker to publish and adopt the set")
    _send_and_settle(pipeline, [_article("o1", "An omega event and an alpha event.", 0)])
    assert [a["article_id"] for a in _alerts(pipeline, "omega")] == ["o1"], "an alert from the new set"

    limit = message_limits(s, [s.topics.rules])[0]
    sizes = [len(v) for v in _raw_values(s, s.topics.rules)]
    assert max(sizes) < limit and sum(sizes) > 100_000, sizes

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "b.yaml").write_text("- {id: [a, b], title: t, severity: low, match: {phrase: x}}\n")
    pipeline.env["DIPLOWATCH_RULES_DIR"] = str(broken)
    w2 = pipeline.start_worker()  # a broken directory, the set comes from the topic's parts
    assert b"active (10002 rules, from the rules topic)" in w2.log.read_bytes()
    assert b"b.yaml:1:['a', 'b']: id:" in w2.log.read_bytes()
    assert w.alive() and w2.alive()


def _raw_values(settings: Settings, topic: str) -> list[bytes]:
    consumer = KafkaConsumer(topic, bootstrap_servers=settings.bootstrap, auto_offset_reset="earliest",
                             enable_auto_commit=False, group_id=None, consumer_timeout_ms=2000)
    try:
        return [m.value for m in consumer if m.value is not None]
    finally:
        consumer.close()
