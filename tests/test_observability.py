"""Metrics, dashboards and alerting rules, proven against a real Prometheus scraping a real worker."""

from __future__ import annotations

import json
import subprocess
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import SHARED, Pipeline, wait_for
from kafka_helpers import produce, read_until
from prometheus_helpers import prometheus as prometheus_at
from prometheus_helpers import tool
from webhook_receiver import Receiver

from services.corpus import read_items
from services.settings import REPO_ROOT

DASHBOARD = REPO_ROOT / "deploy" / "grafana" / "provisioning" / "dashboards" / "diplowatch.json"
ALERT_RULES = REPO_ROOT / "deploy" / "prometheus" / "alerts.yml"
PROM_CONFIG = REPO_ROOT / "deploy" / "prometheus" / "prometheus.yml"


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


def _query(base: str, expr: str) -> dict[str, Any]:
    return _get(f"{base}/api/v1/query?" + urllib.parse.urlencode({"query": expr}))


def _panel_exprs(ingest: bool = False) -> list[tuple[str, str]]:
    """The worker's panels, or (ingest=True) the ingest service's: tests/test_ingest_observability.py."""
    dash = json.loads(DASHBOARD.read_text())
    return [(p["title"], t["expr"]) for p in dash["panels"] if p["type"] != "row" for t in p["targets"]
            if ("diplowatch_ingest_" in t["expr"]) == ingest]


def _rule_exprs() -> list[tuple[str, str]]:
    doc = yaml.safe_load(ALERT_RULES.read_text())
    return [(r["alert"], r["expr"]) for g in doc["groups"] for r in g["rules"]]


def test_promtool_accepts_the_shipped_config_and_rules() -> None:
    promtool = tool("promtool")
    subprocess.run([promtool, "check", "config", str(PROM_CONFIG)], check=True, capture_output=True)
    subprocess.run([promtool, "check", "rules", str(ALERT_RULES)], check=True, capture_output=True)


def test_dashboard_has_the_structure_grafana_expects() -> None:
    dash = json.loads(DASHBOARD.read_text())
    ids = [p["id"] for p in dash["panels"]]
    assert len(ids) == len(set(ids)) and dash["uid"] and dash["title"]
    for p in dash["panels"]:
        if p["type"] == "row":  # a section header: no query
            assert p["title"] and p["gridPos"]
            continue
        assert p["datasource"]["type"] == "prometheus" and p["targets"] and p["gridPos"]
        assert all(t["expr"] and t["refId"] for t in p["targets"])
    titles = " ".join(p["title"].lower() for p in dash["panels"])
    for needed in ("throughput", "latency", "plover", "actor pairs", "alerts", "dead-letter", "lag", "webhook",
                   "ingest feed polls", "since each feed's last successful poll"):
        assert needed in titles, needed


@pytest.fixture
def prometheus(tmp_path: Path, pipeline: Pipeline) -> Iterator[tuple[str, Pipeline]]:
    receiver = Receiver()
    receiver.up()
    subs = tmp_path / "subscriptions.yaml"
    subs.write_text(yaml.safe_dump({"subscriptions": [
        {"id": "analysts", "url": receiver.url, "secret": "observability-test-secret"},
        {"id": "internal", "url": "http://10.9.8.7/hook", "secret": "observability-test-secret"}]}))
    pipeline.env.update({"DIPLOWATCH_SUBSCRIPTIONS_FILE": str(subs), "DIPLOWATCH_WEBHOOK_ALLOW_NETS": "127.0.0.0/8"})
    worker = pipeline.start_worker()
    with prometheus_at(tmp_path, "diplowatch", f"127.0.0.1:{worker.web_port}") as base:
        yield base, pipeline


@pytest.mark.kafka
def test_every_panel_and_alert_expression_against_real_prometheus(prometheus: tuple[str, Pipeline]) -> None:
    base, pipeline = prometheus
    s = pipeline.settings
    seed = json.loads((SHARED / "seed" / "article.json").read_text())
    gold = [(it.id.encode(), it.model_dump_json().encode())
            for it in read_items(SHARED / "gold" / "plover_gsr.jsonl", limit=60)]
    produce(s, [(seed["id"].encode(), json.dumps(seed).encode()), *gold, (b"bad", b"not json")])
    read_until(s, s.topics.enriched, lambda m: len(m) >= 61, timeout=120)
    read_until(s, s.topics.alerts, lambda m: len(m) >= 1, timeout=60)
    read_until(s, s.topics.undeliverable, lambda m: len(m) >= 1, timeout=60)  # the internal URL is refused
    # the seed again, as a replay would: its alerts are recognised as sent and counted as suppressed
    produce(s, [(seed["id"].encode(), json.dumps(seed).encode())])
    read_until(s, s.topics.enriched, lambda m: len(m) >= 62, timeout=60)

    def scraped_twice_since_data() -> bool:
        r = _query(base, "count_over_time(diplowatch_articles_enriched_total[5m])")["data"]["result"]
        v = _query(base, "max_over_time(diplowatch_articles_enriched_total[5m])")["data"]["result"]
        lag = _query(base, "diplowatch_consumer_lag_messages")["data"]["result"]
        return bool(r and v and lag) and float(r[0]["value"][1]) >= 2 and float(v[0]["value"][1]) >= 62
    wait_for(scraped_twice_since_data, 60, "two scrapes after the articles were enriched")

    empty: list[str] = []

    def every_panel_has_data() -> bool:
        empty.clear()
        for title, expr in _panel_exprs():
            res = _query(base, expr)
            assert res["status"] == "success", (title, expr, res)
            if not res["data"]["result"]:
                empty.append(title)
        return not empty

    try:
        wait_for(every_panel_has_data, 60, "data in every dashboard panel")
    except AssertionError:
        raise AssertionError(f"panels without data: {empty}") from None
    for name, expr in _rule_exprs():
        assert _query(base, expr)["status"] == "success", name
    rules = _get(f"{base}/api/v1/rules")
    assert rules["status"] == "success"

    up = _query(base, 'up{job="diplowatch"}')["data"]["result"]
    assert up and up[0]["value"][1] == "1"
    letters = _query(base, 'diplowatch_articles_deadlettered_total{reason="invalid_json"}')["data"]["result"]
    assert letters and float(letters[0]["value"][1]) >= 1
    def lag_topics() -> set[str]:
        return {r["metric"]["topic"] for r in _query(base, "diplowatch_consumer_lag_messages")["data"]["result"]}
    # lag of every agent's input: the enricher's, the alerter's and the notifier's
    wait_for(lambda: {s.topics.raw, s.topics.candidates, s.topics.alerts} <= lag_topics(), 30, "lag of all inputs")
    outcomes = {(r["metric"]["subscription"], r["metric"]["outcome"]) for r in _query(
        base, "diplowatch_webhook_deliveries_total > 0")["data"]["result"]}
    assert outcomes == {("analysts", "delivered"), ("internal", "undeliverable")}


def test_metric_names_follow_prometheus_conventions() -> None:
    from prometheus_client import REGISTRY

    import services.ingest.metrics
    import services.metrics  # noqa: F401 - registers the metrics

    families = [f for f in REGISTRY.collect() if f.name.startswith("diplowatch_")]
    assert len(families) >= 12
    for f in families:
        if f.type == "counter":
            assert all(s.name.endswith("_total") for s in f.samples), f.name
        if f.type == "histogram":
            assert f.name.endswith(("_seconds", "_bytes", "_attempts")), f.name  # base unit, or a plain count
        if f.type == "info":
            assert all(s.name.endswith("_info") for s in f.samples), f.name
        assert "millisecond" not in f.name and "_ms" not in f.name
        for s in f.samples:
            assert not set(s.labels) & {"article_id", "id", "url", "text", "title", "sentence"}, f.name
