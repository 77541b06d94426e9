"""Ingest end to end over the real broker: fixture sites -> `diplowatch ingest` -> news.raw -> worker -> events
and alerts. Every story arrives once although three feeds repeat it; a restarted ingest and two ingest
processes at once produce no duplicate ("nothing more" is proven by a later marker story that did arrive)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import SHARED, Pipeline, wait_for
from kafka_helpers import produce, read_until

from services.ingest.canonical import article_id, canonical_url
from services.ingest.dedupe import Claim
from services.ingest.fingerprint import content_hash, encode_signature, minhash
from services.ingest.fixture_server import Fixture, load_stories, paragraphs
from services.ingest.seen import ensure_seen_topic
from services.settings import REPO_ROOT

CORPUS = SHARED / "corpus" / "voa_stories.jsonl"
FIRST_PASS = 10  # the 8 stories and the two odd items kept with their summaries


@pytest.fixture
def fixture() -> Iterator[Fixture]:
    fx = Fixture(load_stories(CORPUS), slow_seconds=4).start()
    try:
        yield fx
    finally:
        fx.stop()


def _ingest_env(pipeline: Pipeline, fx: Fixture, tmp: Path) -> dict[str, str]:
    feeds = tmp / "feeds.yaml"
    feeds.write_text(yaml.safe_dump({"feeds": fx.feeds(interval=1)}))
    suffix = pipeline.settings.topics.raw.split(".")[0]
    return {**pipeline.env, "DIPLOWATCH_INGEST_FEEDS_FILE": str(feeds),
            "DIPLOWATCH_INGEST_TOPIC_SEEN": f"{suffix}.ingest.seen",
            "DIPLOWATCH_INGEST_ALLOW_NETS": "127.0.0.0/8", "DIPLOWATCH_INGEST_HOST_DELAY_SECONDS": "0.02",
            "DIPLOWATCH_INGEST_TIMEOUT_SECONDS": "1.5", "DIPLOWATCH_INGEST_MAX_BYTES": "2000000"}


def _start(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "wb") as fh:  # the child keeps its own descriptor
        return subprocess.Popen([sys.executable, "-m", "services.cli", "ingest", "--once"], env=env, cwd=REPO_ROOT,
                                stdout=subprocess.PIPE, stderr=fh)


def _finish(proc: subprocess.Popen[bytes], log: Path) -> str:
    out, _ = proc.communicate(timeout=180)
    assert proc.returncode == 0, log.read_text()[-3000:]
    return out.decode()


def _unique(messages: list[dict[str, Any]]) -> None:
    ids = [m["value"]["id"] for m in messages]
    titles = [m["value"].get("title") for m in messages]
    assert len(set(ids)) == len(ids), "an article id was produced twice"
    assert len(set(titles)) == len(titles), "a story was produced twice under two ids"
    assert all(m["key"].decode() == m["value"]["id"] for m in messages)


def _marker(fx: Fixture) -> dict[str, Any]:
    extra = load_stories(CORPUS, limit=12)[11]
    fx.add_story(extra)
    return extra


@pytest.mark.kafka
def test_ingest_to_events_and_alerts_once_and_a_restart_adds_nothing(pipeline: Pipeline, fixture: Fixture,
                                                                     tmp_path: Path) -> None:
    s = pipeline.settings
    pipeline.start_worker()
    env = _ingest_env(pipeline, fixture, tmp_path)
    table = _finish(_start(env, tmp_path / "ingest-1.log"), tmp_path / "ingest-1.log")
    rows = {line.split()[0]: line.split() for line in table.splitlines()[1:]}
    assert rows["news-rss"][1] == "ok" and rows["malformed"][1] == "malformed" and rows["slow"][1] == "timeout"
    assert sum(int(r[4]) for r in rows.values()) == FIRST_PASS  # the "new" column
    log = (tmp_path / "ingest-1.log").read_text()
    assert "feed=news-rss outcome=ok" in log and "feed=odd item skipped: no_link" in log  # progress, bad input

    raw = read_until(s, s.topics.raw, lambda m: len(m) >= FIRST_PASS, timeout=60)
    _unique(raw)
    titles = {m["value"]["title"] for m in raw}
    assert {st["title"] for st in fixture.stories} <= titles
    enriched = read_until(s, s.topics.enriched, lambda m: len(m) >= FIRST_PASS, timeout=120)
    assert {m["value"]["id"] for m in enriched} == {m["value"]["id"] for m in raw}
    read_until(s, s.topics.events, lambda m: len(m) >= 20, timeout=60)
    alerts = read_until(s, s.topics.alerts, lambda m: len(m) >= 1, timeout=60)
    assert {a["value"]["article_id"] for a in alerts} <= {m["value"]["id"] for m in raw}

    # a restarted ingest (a new process: its memory is the seen topic) with one new story in the news feed
    marker = _marker(fixture)
    _finish(_start(env, tmp_path / "ingest-2.log"), tmp_path / "ingest-2.log")
    raw = read_until(s, s.topics.raw, lambda m: any(x["value"]["title"] == marker["title"] for x in m), timeout=60)
    assert len(raw) == FIRST_PASS + 1
    _unique(raw)


@pytest.mark.kafka
def test_two_ingest_processes_at_once_produce_each_story_once(pipeline: Pipeline, fixture: Fixture,
                                                              tmp_path: Path) -> None:
    s = pipeline.settings
    env = _ingest_env(pipeline, fixture, tmp_path)
    a, b = _start(env, tmp_path / "a.log"), _start(env, tmp_path / "b.log")
    out_a, out_b = _finish(a, tmp_path / "a.log"), _finish(b, tmp_path / "b.log")
    news = [int(line.split()[4]) for out in (out_a, out_b) for line in out.splitlines()[1:]]
    assert sum(news) == FIRST_PASS, (out_a, out_b)
    marker = _marker(fixture)
    _finish(_start(env, tmp_path / "c.log"), tmp_path / "c.log")
    raw = read_until(s, s.topics.raw, lambda m: any(x["value"]["title"] == marker["title"] for x in m), timeout=60)
    assert len(raw) == FIRST_PASS + 1
    _unique(raw)


@pytest.mark.kafka
def test_a_claim_left_by_a_dead_process_is_taken_over_after_the_lease(pipeline: Pipeline, fixture: Fixture,
                                                                      tmp_path: Path) -> None:
    """A process that claimed story 0 and died before producing it (no `done`, the claim older than the lease)
    loses it; a live claim of story 1 (within the lease: its process is producing it) is respected."""
    s = pipeline.settings
    env = {**_ingest_env(pipeline, fixture, tmp_path), "DIPLOWATCH_INGEST_CLAIM_LEASE_SECONDS": "60"}
    now = time.time()
    claims = []
    for story, at in ((fixture.stories[0], now - 600), (fixture.stories[1], now - 5)):
        text = "\n".join(paragraphs(story["text"]))
        claims.append(Claim(id=article_id(canonical_url(fixture.story_url(story))), content=content_hash(text),
                            signature=encode_signature(minhash(text, 128)), owner="dead", at=at))
    ensure_seen_topic(s, env["DIPLOWATCH_INGEST_TOPIC_SEEN"], 86_400)
    produce(s, [(c.id.encode(), c.encode()) for c in claims], topic=env["DIPLOWATCH_INGEST_TOPIC_SEEN"])

    _finish(_start(env, tmp_path / "ingest-1.log"), tmp_path / "ingest-1.log")
    marker = _marker(fixture)
    _finish(_start(env, tmp_path / "ingest-2.log"), tmp_path / "ingest-2.log")
    raw = read_until(s, s.topics.raw, lambda m: any(x["value"]["title"] == marker["title"] for x in m), timeout=60)
    titles = [m["value"]["title"] for m in raw]
    assert fixture.stories[0]["title"] in titles and fixture.stories[1]["title"] not in titles
    assert len(raw) == FIRST_PASS - 1 + 1
    _unique(raw)


STORY_FEEDS = ("news-rss", "wire-atom", "wire-json", "odd")


def _polls(logs: list[Path]) -> dict[str, int]:
    """How many polls of each feed the long-running processes have finished, from their logs."""
    text = "\n".join(log.read_text() for log in logs)
    return {f: text.count(f"feed={f} outcome=") for f in STORY_FEEDS}


def _share(log: Path) -> set[str] | None:
    """The feeds a long-running process was last assigned, from its log."""
    lines = [line for line in log.read_text().splitlines() if "assigned feeds: " in line]
    if not lines:
        return None
    names = lines[-1].split("assigned feeds: ", 1)[1].split(" (", 1)[0]
    return set() if names == "-" else set(names.split(","))


@pytest.mark.kafka
def test_two_long_running_processes_share_the_feeds_out_through_the_group(pipeline: Pipeline, fixture: Fixture,
                                                                         tmp_path: Path) -> None:
    s = pipeline.settings
    env = {**_ingest_env(pipeline, fixture, tmp_path), "DIPLOWATCH_INGEST_METRICS_PORT": "0",
           "DIPLOWATCH_INGEST_BACKOFF_MAX_SECONDS": "2",
           "DIPLOWATCH_INGEST_GROUP": f"{s.topics.raw}.ingest",
           "DIPLOWATCH_INGEST_TOPIC_FEEDS": f"{s.topics.raw}.feeds"}
    names = {f["name"] for f in fixture.feeds()}
    logs = [tmp_path / "p0.log", tmp_path / "p1.log"]
    procs = []
    for log in logs:
        with open(log, "wb") as fh:
            procs.append(subprocess.Popen([sys.executable, "-m", "services.cli", "ingest"], env=env, cwd=REPO_ROOT,
                                          stdout=fh, stderr=subprocess.STDOUT))
    try:
        def shared_out() -> bool:
            a, b = _share(logs[0]), _share(logs[1])
            return a is not None and b is not None and not a & b and a | b == names
        wait_for(shared_out, 90, "the group to share the feeds out between the two processes")
        # the first pass, whole: the marker below is news-rss's, and the other feeds' stories come from the other
        # process, on its own clock, so the marker alone does not prove they are in
        raw = read_until(s, s.topics.raw, lambda m: len(m) >= FIRST_PASS, timeout=90)
        assert {st["title"] for st in fixture.stories} <= {m["value"]["title"] for m in raw}
        marker = _marker(fixture)
        before = _polls(logs)
        raw = read_until(s, s.topics.raw, lambda m: any(x["value"]["title"] == marker["title"] for x in m),
                         timeout=90)
        # every feed with stories polled again, from start to end, after the marker was added: a duplicate
        # from any of them would be on the topic now
        wait_for(lambda: all(_polls(logs)[f] >= before[f] + 2 for f in STORY_FEEDS), 60,
                 "every feed with stories to be polled again")
        raw = read_until(s, s.topics.raw, lambda m: any(x["value"]["title"] == marker["title"] for x in m),
                         timeout=30)
        assert len(raw) == FIRST_PASS + 1
        _unique(raw)
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=30)
    assert all(p.returncode == 0 for p in procs), [log.read_text()[-2000:] for log in logs]
