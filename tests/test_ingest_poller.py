"""The poller against the local fixture sites (no outside network, no Kafka: the in-memory seen-set).

Every story is produced once although three feeds repeat them; every kind of bad input is counted with its
feed and reason while the other feeds go on; the ETag is honoured; robots.txt keeps the poller off a path;
the address guard refuses loopback unless allowed."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable, Iterator

import pytest
from conftest import SHARED
from prometheus_client import REGISTRY

from services.ingest.dedupe import SeenIndex
from services.ingest.feedfile import FeedConfig
from services.ingest.fetch import Fetcher
from services.ingest.fixture_server import Fixture, load_stories
from services.ingest.poller import Ingest, Report
from services.ingest.seen import MemorySeen
from services.ingest.service import table
from services.ingest.settings import IngestSettings
from services.models import NewsItem


@pytest.fixture
def fixture() -> Iterator[Fixture]:
    fx = Fixture(load_stories(SHARED / "corpus" / "voa_stories.jsonl"), slow_seconds=4).start()
    try:
        yield fx
    finally:
        fx.stop()


def _metric(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def _duplicates() -> float:
    return sum(_metric("diplowatch_ingest_items_duplicate_total", feed=f, kind=k)
               for k in ("url", "content", "near") for f in ("news-rss", "wire-atom", "wire-json"))


class Run:
    def __init__(self, fx: Fixture, allow: str = "127.0.0.0/8") -> None:
        self.cfg = IngestSettings(allow_nets=allow, host_delay_seconds=0.02, timeout_seconds=1.5, max_bytes=2_000_000)
        self.feeds = [FeedConfig(**f) for f in fx.feeds(1)]
        self.items: list[NewsItem] = []

    async def passes(self, n: int, between: Callable[[], None] = lambda: None) -> list[list[Report]]:
        fetcher = Fetcher(allow=self.cfg.networks, user_agent=self.cfg.user_agent, timeout=self.cfg.timeout_seconds,
                          max_bytes=self.cfg.max_bytes, max_redirects=self.cfg.max_redirects,
                          host_delay=self.cfg.host_delay_seconds)

        async def send(item: NewsItem) -> None:
            self.items.append(item)

        seen = MemorySeen(SeenIndex(self.cfg.seen_ttl_seconds, self.cfg.near_threshold, self.cfg.num_perm))
        ingest = Ingest(self.cfg, self.feeds, fetcher, seen, send, "test")
        try:
            out = []
            for k in range(n):
                if k:
                    between()
                out.append(await ingest.run_once())
            return out
        finally:
            await fetcher.close()


def test_every_story_once_bad_input_counted_etag_and_robots_honoured(fixture: Fixture) -> None:
    before = _duplicates()
    run = Run(fixture)
    first, second = asyncio.run(run.passes(2))
    by_feed = {r.feed: r for r in first}
    print(table(first))

    stories = fixture.stories
    titles = [i.title for i in run.items]
    assert sorted(titles) == sorted([s["title"] for s in stories] + ["A page too large", "A missing page"])
    assert len({i.id for i in run.items}) == len(run.items) == 10
    dups: dict[str, int] = {}
    for r in first:
        for kind, n in r.duplicates.items():
            dups[kind] = dups.get(kind, 0) + n
    # story 0 under a utm_ link, stories 3 and 7 in the JSON Feed: by URL; the AMP copy and the edited story:
    # by text (the AMP page extracts to the same text) or near-identical text
    assert dups.get("url", 0) == 3 and dups.get("content", 0) + dups.get("near", 0) == 2 and dups.get("near")
    # the metric counts what the reports count: these 5, and the 6 repeats of the second pass below
    assert _duplicates() - before == 5 + 6

    # bad input: each failure is an outcome of its own feed; the good feeds were polled
    assert {f: by_feed[f].outcome for f in ("malformed", "html", "error", "loop", "slow")} == {
        "malformed": "malformed", "html": "not_a_feed", "error": "http_error", "loop": "redirect_loop",
        "slow": "timeout"}
    assert all(by_feed[f].outcome == "ok" for f in ("news-rss", "wire-atom", "wire-json", "odd"))
    assert by_feed["odd"].skipped == {"no_link": 1, "language": 1}
    odd = {i.title: i for i in run.items}
    assert odd["A page too large"].extraction_error == "fetch_failed: too_large"
    assert odd["A missing page"].extraction_error == "fetch_failed: HTTP 404"
    assert _metric("diplowatch_ingest_polls_total", feed="slow", outcome="timeout") >= 1
    assert _metric("diplowatch_ingest_items_skipped_total", feed="odd", reason="no_link") >= 1

    # provenance of body and date
    by_title = {i.title: i for i in run.items}
    private = by_title[stories[6]["title"]]
    assert private.body_from == "summary" and private.extraction_error == "robots: disallowed by robots.txt"
    assert fixture.hits("news", f"/private/{stories[6]['id']}.html") == 0  # robots.txt forbids the path
    assert by_title[stories[4]["title"]].body_from == "page"
    assert by_title[stories[4]["title"]].published_from == "page"
    assert by_title[stories[5]["title"]].published_from == "fetched"
    assert by_title[stories[0]["title"]].body_from == "feed"
    assert all(len(by_title[s["title"]].body) > 1000 for s in stories if s is not stories[6])

    # the second pass: the feed with an ETag answered 304, the others repeat everything, nothing new
    assert fixture.hits("news", "/rss.xml", 304) == 1
    assert {r.feed: r.outcome for r in second}["news-rss"] == "not_modified"
    assert sum(r.new for r in second) == 0 and len(run.items) == 10
    assert fixture.hits("broken", "/fr.html") == 1  # a skipped item is not fetched again


def test_a_new_story_after_the_etag_changes_is_the_only_new_item(fixture: Fixture) -> None:
    extra = load_stories(SHARED / "corpus" / "voa_stories.jsonl", limit=12)[11]
    run = Run(fixture)
    first, second = asyncio.run(run.passes(2, between=lambda: fixture.add_story(extra)))
    assert sum(r.new for r in first) == 10
    assert [i.title for i in run.items[10:]] == [extra["title"]]
    assert {r.feed: r.outcome for r in second}["news-rss"] == "ok"  # the ETag changed with the new story


def test_loopback_is_refused_unless_allowed(fixture: Fixture) -> None:
    run = Run(fixture, allow="")
    (reports,) = asyncio.run(run.passes(1))
    assert {r.outcome for r in reports} == {"refused"} and not run.items


def test_a_broker_failure_is_an_outcome_of_the_poll_not_a_crash(fixture: Fixture) -> None:
    from aiokafka.errors import KafkaConnectionError

    from services.ingest.dedupe import Claim, Verdict

    class DownSeen(MemorySeen):
        down = True

        async def claim(self, claims: list[Claim]) -> list[Verdict]:
            if self.down:
                raise KafkaConnectionError("broker unreachable")
            return await super().claim(claims)

    cfg = IngestSettings(allow_nets="127.0.0.0/8", host_delay_seconds=0.02, timeout_seconds=1.5)
    feeds = [FeedConfig(**f) for f in fixture.feeds(1) if f["name"] in ("news-rss", "malformed")]
    sent: list[NewsItem] = []

    async def two_passes() -> tuple[list[Report], list[Report]]:
        fetcher = Fetcher(allow=cfg.networks, user_agent=cfg.user_agent, timeout=cfg.timeout_seconds,
                          max_bytes=cfg.max_bytes, max_redirects=cfg.max_redirects, host_delay=cfg.host_delay_seconds)

        async def send(item: NewsItem) -> None:
            sent.append(item)

        try:
            seen = DownSeen(SeenIndex(cfg.seen_ttl_seconds, cfg.near_threshold, cfg.num_perm))
            ingest = Ingest(cfg, feeds, fetcher, seen, send, "t")
            first = await ingest.run_once()
            assert not sent
            seen.down = False  # the broker is back
            return first, await ingest.run_once()
        finally:
            await fetcher.close()

    first, second = asyncio.run(two_passes())
    assert {r.feed: r.outcome for r in first} == {"news-rss": "kafka_error", "malformed": "malformed"}
    # the failed poll's ETag was not kept: the feed is read again in full, not answered 304, and nothing is lost
    assert {r.feed: r.outcome for r in second}["news-rss"] == "ok" and len(sent) == 7
    assert fixture.hits("news", "/rss.xml", 304) == 0


def test_one_request_at_a_time_per_host_with_the_least_delay_between(fixture: Fixture) -> None:
    """Six feeds on one host, polled concurrently: their requests (feeds, robots.txt, pages, redirects, the
    10 MB page) reach the host one at a time, each at least the host delay after the previous one ended."""
    delay = 0.25
    cfg = IngestSettings(allow_nets="127.0.0.0/8", host_delay_seconds=delay, timeout_seconds=3)
    feeds = [FeedConfig(**f) for f in fixture.feeds(1) if f["url"].startswith(fixture.base["broken"])]

    async def one_pass() -> None:
        fetcher = Fetcher(allow=cfg.networks, user_agent=cfg.user_agent, timeout=cfg.timeout_seconds,
                          max_bytes=cfg.max_bytes, max_redirects=cfg.max_redirects, host_delay=cfg.host_delay_seconds)

        async def send(item: NewsItem) -> None:
            return None

        try:
            seen = MemorySeen(SeenIndex(cfg.seen_ttl_seconds, cfg.near_threshold, cfg.num_perm))
            await Ingest(cfg, feeds, fetcher, seen, send, "t").run_once()
        finally:
            await fetcher.close()

    asyncio.run(one_pass())
    starts = fixture.starts["broken"]
    assert len(starts) >= 10 and fixture.max_inflight["broken"] == 1
    assert min(b - a for a, b in itertools.pairwise(starts)) >= delay * 0.95


def test_feed_gauges_exist_only_for_the_feeds_this_process_polls(fixture: Fixture) -> None:
    """A feed another process of the group polls must not look stale here (DiplowatchIngestFeedStale)."""
    from services.ingest.assignment import feed_partition

    assert [feed_partition(n, 12) for n in ("news-rss", "wire-atom", "slow")] == [2, 7, 1]  # stable across runs
    cfg = IngestSettings(allow_nets="127.0.0.0/8")
    feeds = [FeedConfig(name=n, url=f"{fixture.base['news']}/{n}.xml") for n in ("gauge-a", "gauge-b")]
    seen = MemorySeen(SeenIndex(cfg.seen_ttl_seconds, cfg.near_threshold, cfg.num_perm))

    async def send(item: NewsItem) -> None:
        return None

    ingest = Ingest(cfg, feeds, None, seen, send, "t", owns=lambda name: False)  # type: ignore[arg-type]

    def exported() -> set[str]:
        return {n for n in ("gauge-a", "gauge-b")
                if _metric("diplowatch_ingest_feed_last_success_timestamp_seconds", feed=n)}
    assert exported() == set()
    ingest.set_owned({"gauge-a"})
    assert exported() == {"gauge-a"}
    ingest.set_owned({"gauge-b"})
    assert exported() == {"gauge-b"}


def test_reading_the_seen_topic_gives_up_when_nothing_arrives(monkeypatch: pytest.MonkeyPatch) -> None:
    """A broker that stops answering fails the poll (kafka_error) instead of holding every feed up."""
    from aiokafka.errors import KafkaTimeoutError

    from services.ingest import seen as seen_module

    class Silent:
        async def position(self, tp: object) -> int:
            return 0

        async def getmany(self, tp: object, timeout_ms: int = 0) -> dict[object, list[object]]:
            await asyncio.sleep(0.01)
            return {}

    monkeypatch.setattr(seen_module, "IDLE_TIMEOUT_S", 0.2)
    store = seen_module.KafkaSeen.__new__(seen_module.KafkaSeen)
    store._consumer = Silent()  # type: ignore[assignment]
    store._tp = seen_module.TopicPartition("t", 0)
    store._topic = "t"
    with pytest.raises(KafkaTimeoutError):
        asyncio.run(store._read_until(5))
