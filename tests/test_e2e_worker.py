"""The worker as a real process over the real broker: enrichment, dead letters, and parity with the CLI."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from conftest import Pipeline
from kafka_helpers import produce, read_until

from services.settings import REPO_ROOT

pytestmark = pytest.mark.kafka


def _seed(shared: Path) -> dict:
    return json.loads((shared / "seed" / "article.json").read_text())


def test_seed_article_yields_events_and_alerts(pipeline: Pipeline, shared: Path) -> None:
    pipeline.start_worker()
    seed = _seed(shared)
    produce(pipeline.settings, [(seed["id"].encode(), json.dumps(seed).encode())])
    s = pipeline.settings

    enriched = read_until(s, s.topics.enriched, lambda m: len(m) >= 1)
    article = enriched[0]["value"]
    assert article["id"] == seed["id"]

    def has(events: list[dict], src: str, tgt: str, plover: str) -> bool:
        return any(e["source"]["country"] == src and e["target"] and e["target"]["country"] == tgt
                   and e["plover"] == plover for e in events)

    events = [m["value"] for m in read_until(s, s.topics.events, lambda m: len(m) >= len(article["events"]))]
    assert has(events, "JPN", "VNM", "SUPPORT"), "the Japan-Vietnam defense-equipment deal"
    assert has(events, "JPN", "VNM", "CONSULT"), "Kishi met Phan Van Giang"
    signed = next(e for e in events if e["plover"] == "SUPPORT" and e["source"]["country"] == "JPN")
    assert "signed a deal" in signed["sentence"]
    assert seed["body"][signed["sentence_span"]["start"]:signed["sentence_span"]["end"]] == signed["sentence"]
    # one message per event, keyed by the actor pair so a dyad stays ordered on one partition
    by_key: dict[bytes, set[int]] = {}
    for m in read_until(s, s.topics.events, lambda m: len(m) >= len(article["events"])):
        by_key.setdefault(m["key"], set()).add(m["partition"])
        assert m["key"] == f"{m['value']['source']['code']}|{(m['value']['target'] or {}).get('code', '-')}".encode()
    assert all(len(parts) == 1 for parts in by_key.values())

    alerts = [m["value"] for m in read_until(s, s.topics.alerts, lambda m: any(
        a["value"]["rule_id"] == "cn-coast-guard-weapons-law" for a in m))]
    law = next(a for a in alerts if a["rule_id"] == "cn-coast-guard-weapons-law")
    assert law["severity"] == "high" and law["article_id"] == seed["id"]
    assert any("coast guard" in sp["text"] for sp in law["matches"])


BAD_MESSAGES = [
    (b"not-json", b"this is not json", "invalid_json"),
    (b"no-body", b'{"id": "no-body-1", "title": "x"}', "invalid_news_item"),
    (b"wrong-type", b'{"id": "wrong-1", "body": 42}', "invalid_news_item"),
    (b"array", b'["id", "body"]', "not_an_object"),
    (b"bad-utf8", b'{"id": "u1", "body": "caf\xe9 \xff\xfe"}', "invalid_utf8"),
    (b"too-deep", b'{"id": "d1", "body": "x", "extra": ' + b"[" * 100 + b"]" * 100 + b"}", "too_deep"),
]


def test_malformed_messages_are_dead_lettered_and_the_stream_goes_on(pipeline: Pipeline) -> None:
    limit = 4096
    pipeline.env["DIPLOWATCH_MAX_MESSAGE_BYTES"] = str(limit)
    pipeline.start_worker()
    big = orjson.dumps({"id": "big-1", "body": "word " * limit})
    msgs = [(k, v) for k, v, _ in BAD_MESSAGES] + [(b"too-big", big)]
    good = {"id": "after-bad", "body": "Japan and Vietnam signed a defense agreement on Monday."}
    msgs.append((b"after-bad", json.dumps(good).encode()))
    produce(pipeline.settings, msgs)
    s = pipeline.settings

    letters = read_until(s, s.topics.deadletter, lambda m: len(m) >= len(BAD_MESSAGES) + 1)
    by_key = {m["key"]: m["value"] for m in letters}
    for key, value, reason in BAD_MESSAGES:
        letter = by_key[key]
        assert letter["reason"] == reason, (key, letter)
        assert base64.b64decode(letter["original_b64"]) == value, "the original bytes travel with the letter"
        assert letter["topic"] == s.topics.raw and letter["offset"] >= 0 and letter["detail"]
    assert by_key[b"too-big"]["reason"] == "too_large"

    enriched = read_until(s, s.topics.enriched, lambda m: any(x["value"]["id"] == "after-bad" for x in m))
    after = next(x["value"] for x in enriched if x["value"]["id"] == "after-bad")
    assert any(e["plover"] == "SUPPORT" for e in after["events"])
    assert all(w.alive() for w in pipeline.workers), "no input may kill the worker"


def test_offline_cli_gives_the_same_events_as_the_worker(pipeline: Pipeline, shared: Path) -> None:
    pipeline.start_worker()
    seed = _seed(shared)
    produce(pipeline.settings, [(seed["id"].encode(), json.dumps(seed).encode())])
    s = pipeline.settings
    worker_article = read_until(s, s.topics.enriched, lambda m: len(m) >= 1)[0]["value"]

    cli = subprocess.run([sys.executable, "-m", "services.cli", "enrich", "-"], input=json.dumps(seed).encode(),
                         capture_output=True, check=True, cwd=REPO_ROOT, timeout=120)
    offline = json.loads(cli.stdout.decode().splitlines()[0])
    assert offline["events"] == worker_article["events"]
    assert [a["alert_id"] for a in offline["alerts"]] == [a["alert_id"] for a in worker_article["alerts"]]
