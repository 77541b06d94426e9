"""The monitoring feed (Server-Sent Events) over the real broker: live alerts, resume, filters, auth."""

from __future__ import annotations

import json

import httpx
import pytest
from conftest import SHARED, Pipeline, Worker, wait_for
from kafka.partitioner.default import murmur2
from kafka_helpers import produce, read_all, read_until, wait_committed
from sse_client import SSEClient

pytestmark = pytest.mark.kafka

TOKEN = "feed-token-for-tests"
SEED = (SHARED / "seed" / "article.json").read_bytes()
SEED_ID = json.loads(SEED)["id"]


def _article(art_id: str, body: str) -> tuple[bytes, bytes]:
    return art_id.encode(), json.dumps({"id": art_id, "body": body}).encode()


def _same_partition(prefix: str, other: str, partitions: int) -> str:
    """An article id whose messages land on the same partition as `other`'s (Kafka's murmur2 of the key)."""
    def part(key: str) -> int:
        return (murmur2(key.encode()) & 0x7FFFFFFF) % partitions

    return next(f"{prefix}-{n}" for n in range(1000) if part(f"{prefix}-{n}") == part(other))


@pytest.fixture
def worker(pipeline: Pipeline) -> Worker:
    pipeline.env["DIPLOWATCH_FEED_TOKEN"] = TOKEN
    return pipeline.start_worker()


def test_live_alert_then_resume_with_last_event_id(pipeline: Pipeline, worker: Worker) -> None:
    s = pipeline.settings
    live = SSEClient(worker, TOKEN, "/feed/alerts")
    produce(s, [(SEED_ID.encode(), SEED)])
    wait_for(lambda: any(d["rule_id"] == "cn-coast-guard-weapons-law" for _, _, d in live.events), 60,
             "the coast-guard-law alert on the feed")
    wait_committed(s, s.topics.candidates)  # every alert of the seed is on the alerts topic...
    seed_alerts = {m["value"]["alert_id"] for m in read_all(s, s.topics.alerts)}
    wait_for(lambda: {d["alert_id"] for _, _, d in live.events} == seed_alerts, 30, "...and on the feed")
    assert all(event == "alert" for _, event, _ in live.events)
    resume_from = live.last_id
    seen_live = {d["alert_id"] for _, _, d in live.events}
    live.close()

    # while the client is away: two more articles that raise alerts
    produce(s, [_article("away-1", "Chinese coast guard ships can now use weapons under China's coast guard law."),
                _article("away-2", "Vietnam protested Beijing's militarisation of the Paracel Islands in the "
                                   "South China Sea.")])
    alerts = read_until(s, s.topics.alerts, lambda m: {"away-1", "away-2"} <= {x["value"]["article_id"] for x in m})
    missed = [m["value"]["alert_id"] for m in alerts if m["value"]["alert_id"] not in seen_live]
    assert missed

    back = SSEClient(worker, TOKEN, "/feed/alerts", last_event_id=resume_from)
    wait_for(lambda: len(back.events) >= len(missed), 30, "the missed alerts after the reconnect")
    # a marker produced now comes live, after the replay of what was missed: once it is on the stream, the
    # replay is over and nothing else can come before it
    produce(s, [_article("marker", "Manila protested China's coast guard law on Tuesday.")])
    wait_for(lambda: any(d["article_id"] == "marker" for _, _, d in back.events), 60, "the marker's alert")
    got = [d["alert_id"] for _, _, d in back.events if d["article_id"] != "marker"]
    assert sorted(got) == sorted(missed)  # exactly the missed ones: no repeats, no gaps
    back.close()


def test_filters_filter_and_bad_requests_are_refused(pipeline: Pipeline, worker: Worker) -> None:
    s = pipeline.settings
    vnm = SSEClient(worker, TOKEN, "/feed/events?country=VNM")
    high = SSEClient(worker, TOKEN, "/feed/alerts?severity=high")
    consult = SSEClient(worker, TOKEN, "/feed/events?plover=CONSULT")
    articles = SSEClient(worker, TOKEN, "/feed/articles?country=JPN")
    by_rule = SSEClient(worker, TOKEN, "/feed/alerts?rule=defense-equipment-transfer")
    produce(s, [(SEED_ID.encode(), SEED),
                _article("other", "France and Germany signed a trade agreement in Paris on Monday.")])
    events = read_until(s, s.topics.events, lambda m: {SEED_ID, "other"} <= {x["value"]["article_id"] for x in m})
    alerts = read_until(s, s.topics.alerts, lambda m: len(m) >= 1)
    want_vnm = {e["value"]["event_id"] for e in events
                if "VNM" in (e["value"]["source"]["country"], (e["value"]["target"] or {}).get("country"))}
    want_consult = {e["value"]["event_id"] for e in events if e["value"]["plover"] == "CONSULT"}
    wait_committed(s, s.topics.candidates)  # every alert of both articles is on the alerts topic
    alerts = read_all(s, s.topics.alerts)
    wait_for(lambda: {d["event_id"] for _, _, d in vnm.events} == want_vnm, 30, "VNM events")
    assert want_vnm and len(want_vnm) < len(events)
    wait_for(lambda: {d["event_id"] for _, _, d in consult.events} == want_consult, 30, "CONSULT events")
    assert want_consult
    n_high = sum(1 for a in alerts if a["value"]["severity"] == "high")
    wait_for(lambda: len(high.events) == n_high, 30, "the high alerts")
    assert {d["severity"] for _, _, d in high.events} == {"high"}
    wait_for(lambda: [d["rule_id"] for _, _, d in by_rule.events] == ["defense-equipment-transfer"], 30,
             "the one defense-equipment alert")
    # the French-German article has no JPN actor: a JPN marker on its partition of the enriched topic comes
    # after it, so once the marker is on the stream the filter has had its chance to pass it
    marker = _same_partition("jpn-marker", "other", s.partitions)
    produce(s, [_article(marker, "Japan protested the coast guard law on Tuesday.")])
    wait_for(lambda: any(d["id"] == marker for _, _, d in articles.events), 60, "the JPN marker article")
    assert [d["id"] for _, _, d in articles.events] == [SEED_ID, marker]
    for c in (vnm, high, consult, articles, by_rule):
        c.close()

    base = f"http://127.0.0.1:{worker.web_port}"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert httpx.get(f"{base}/feed/events?severity=high", headers=auth).status_code == 400
    assert httpx.get(f"{base}/feed/alerts?severity=urgent", headers=auth).status_code == 400
    bad_id = httpx.get(f"{base}/feed/alerts", headers={**auth, "Last-Event-ID": "yesterday"})
    assert bad_id.status_code == 400 and "Last-Event-ID" in bad_id.text
    assert httpx.get(f"{base}/feed/alerts").status_code == 401
    assert httpx.get(f"{base}/").status_code == 401
    assert httpx.get(f"{base}/feed/alerts", headers={"Authorization": "Bearer wrong"}).status_code == 401
    page = httpx.get(f"{base}/?token={TOKEN}")
    assert page.status_code == 200 and "EventSource" in page.text



def test_faust_views_are_off_and_the_page_carries_its_security_headers(pipeline: Pipeline, worker: Worker) -> None:
    """Faust's /table/* read the alert state tables and /router/* named the other workers, without the token."""
    s = pipeline.settings
    produce(s, [(SEED_ID.encode(), SEED)])
    read_until(s, s.topics.alerts, lambda m: len(m) >= 1)  # the tables hold alert state by now
    base = f"http://127.0.0.1:{worker.web_port}"
    for path in ("/table/", "/table/sent-alerts/", "/router/", "/graph/", "/stats/", "/performance/"):
        resp = httpx.get(f"{base}{path}")
        assert resp.status_code == 404, (path, resp.status_code, resp.text[:200])
    page = httpx.get(f"{base}/", headers={"Authorization": f"Bearer {TOKEN}"})
    assert page.status_code == 200 and "EventSource" in page.text
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'sha256-" in csp and "unsafe-inline" not in csp and "connect-src 'self'" in csp
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert httpx.get(f"{base}/metrics").status_code == 200  # Prometheus still scrapes
