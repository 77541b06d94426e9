"""The ingest service's metrics, dashboard row and "feed stale" alert, against a real Prometheus scraping a
real `diplowatch ingest` polling the local fixture sites."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import SHARED, Pipeline, free_port, wait_for
from prometheus_helpers import prometheus
from test_observability import ALERT_RULES, _get, _panel_exprs, _query

from services.ingest.fixture_server import Fixture, load_stories
from services.settings import REPO_ROOT


@pytest.fixture
def ingest_and_prometheus(pipeline: Pipeline, tmp_path: Path) -> Iterator[tuple[str, Fixture]]:
    fx = Fixture(load_stories(SHARED / "corpus" / "voa_stories.jsonl"), slow_seconds=4).start()
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(yaml.safe_dump({"feeds": fx.feeds(interval=1)}))
    metrics_port = free_port()
    suffix = pipeline.settings.topics.raw.split(".")[0]
    env = {**pipeline.env, "DIPLOWATCH_INGEST_TOPIC_SEEN": f"{suffix}.ingest.seen",
           "DIPLOWATCH_INGEST_ALLOW_NETS": "127.0.0.0/8", "DIPLOWATCH_INGEST_HOST_DELAY_SECONDS": "0.02",
           "DIPLOWATCH_INGEST_TIMEOUT_SECONDS": "1.5", "DIPLOWATCH_INGEST_MAX_BYTES": "2000000",
           "DIPLOWATCH_INGEST_BACKOFF_MAX_SECONDS": "2", "DIPLOWATCH_INGEST_METRICS_PORT": str(metrics_port),
           "DIPLOWATCH_INGEST_GROUP": f"{suffix}.ingest", "DIPLOWATCH_INGEST_TOPIC_FEEDS": f"{suffix}.ingest.feeds"}
    ingest_log = open(tmp_path / "ingest.log", "wb")  # noqa: SIM115 - the process writes to it for its life
    ingest = subprocess.Popen([sys.executable, "-m", "services.cli", "ingest", "--feeds", str(feeds)], env=env,
                              cwd=REPO_ROOT, stdout=ingest_log, stderr=subprocess.STDOUT)
    try:
        with prometheus(tmp_path, "diplowatch-ingest", f"127.0.0.1:{metrics_port}", [ALERT_RULES]) as base:
            yield base, fx
    finally:
        ingest.terminate()
        ingest.wait(timeout=30)
        ingest_log.close()
        fx.stop()
        print((tmp_path / "ingest.log").read_text()[-2000:])


@pytest.mark.kafka
def test_ingest_panels_and_the_feed_stale_alert_against_real_prometheus(
        ingest_and_prometheus: tuple[str, Fixture]) -> None:
    base, fx = ingest_and_prometheus

    def values(expr: str) -> dict[str, float]:
        res = _query(base, expr)["data"]["result"]
        return {r["metric"].get("feed", ""): float(r["value"][1]) for r in res}

    def polled_and_scraped() -> bool:
        ok = values('sum by (feed) (increase(diplowatch_ingest_polls_total{outcome=~"ok|not_modified"}[1m]))')
        return ok.get("news-rss", 0) > 0 and "wire-atom" in ok and "odd" in ok
    wait_for(polled_and_scraped, 90, "successful polls scraped by Prometheus")
    wait_for(lambda: fx.hits("news", "/rss.xml", 304) >= 2, 30, "conditional GETs answered 304")

    empty = []
    for title, expr in _panel_exprs(ingest=True):
        res = _query(base, expr)
        assert res["status"] == "success", (title, expr, res)
        if not res["data"]["result"]:
            empty.append(title)
    assert not empty, f"ingest panels without data: {empty}"

    # the stale rule: the failing feeds are past 3 intervals of 1 s, the healthy ones are not
    (stale_expr,) = [r["expr"] for g in yaml.safe_load(ALERT_RULES.read_text())["groups"] for r in g["rules"]
                     if r["alert"] == "DiplowatchIngestFeedStale"]
    wait_for(lambda: {"malformed", "html", "error", "loop", "slow"} <= set(values(stale_expr)), 30, "stale feeds")
    assert not {"news-rss", "wire-atom", "wire-json", "odd"} & set(values(stale_expr))

    def alert_pending() -> bool:
        alerts = _get(f"{base}/api/v1/alerts")["data"]["alerts"]
        return any(a["labels"]["alertname"] == "DiplowatchIngestFeedStale" and a["labels"].get("feed") == "malformed"
                   for a in alerts)
    wait_for(alert_pending, 30, "the loaded rule to hold the stale alert (pending: `for: 5m`)")

    polls = values('sum by (feed) (diplowatch_ingest_polls_total{outcome="malformed"})')
    assert polls.get("malformed", 0) >= 1
    durations = _query(base, "diplowatch_ingest_fetch_duration_seconds_count")["data"]["result"]
    assert {r["metric"]["kind"] for r in durations} >= {"feed", "page", "robots"}
