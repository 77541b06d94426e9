"""The ingest loop: poll each feed on its schedule, turn new entries into NewsItems, claim, produce.

It only moves bytes and counts: parsing, canonical URLs, fingerprints and the dedupe rule are elsewhere.
A failure of one feed or one item is logged with the feed and the reason, counted, and the rest goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from aiokafka.errors import KafkaError

from services.ingest import metrics
from services.ingest.article import build_item, needs_page
from services.ingest.canonical import NotAnArticleURL, article_id, canonical_url
from services.ingest.dedupe import Claim
from services.ingest.extract import Page, extract_page
from services.ingest.feedfile import FeedConfig
from services.ingest.feeds import Entry, FeedError, parse_feed
from services.ingest.fetch import Fetcher, FetchError
from services.ingest.fingerprint import content_hash, encode_signature, minhash
from services.ingest.robots import RobotsCache
from services.ingest.schedule import next_delay
from services.ingest.seen import SeenStore
from services.ingest.settings import IngestSettings
from services.models import NewsItem

log = logging.getLogger("diplowatch.ingest")
Send = Callable[[NewsItem], Awaitable[None]]


@dataclass
class FeedState:
    """What one process remembers of a feed between polls (not shared: a restart polls unconditionally once)."""

    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0


@dataclass
class Report:
    """One poll of one feed, for the progress line and the --once table."""

    feed: str
    outcome: str = "ok"
    seen: int = 0
    new: int = 0
    duplicates: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    errors: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        dup = sum(self.duplicates.values())
        kinds = ", ".join(f"{k} {self.duplicates[k]}" for k in ("url", "content", "near"))
        skipped = ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items())) or "0"
        return (f"feed={self.feed} outcome={self.outcome} items={self.seen} new={self.new} duplicates={dup} "
                f"({kinds}) skipped={skipped} errors={self.errors} in {self.seconds:.2f}s")


@dataclass
class _Candidate:
    item: NewsItem
    claim: Claim


class Ingest:
    """Every feed of the file in one process; `send` produces a NewsItem to the raw topic."""

    def __init__(self, cfg: IngestSettings, feeds: list[FeedConfig], fetcher: Fetcher, seen: SeenStore,
                 send: Send, owner: str, owns: Callable[[str], bool] | None = None) -> None:
        """`owns(feed name)`: whether this process polls the feed now (assignment.Membership); None: all."""
        self.cfg = cfg
        self.feeds = feeds
        self.fetcher = fetcher
        self.seen = seen
        self.send = send
        self.owner = owner
        self.state = {f.name: FeedState() for f in feeds}
        self.robots = RobotsCache(self._robots_fetch, cfg.user_agent, cfg.robots_ttl_seconds)
        self._skipped: dict[str, float] = {}  # article id -> until when a skipped item is not fetched again
        self._claiming = asyncio.Lock()  # one feed at a time reads and writes the seen topic
        self.owns: Callable[[str], bool] = owns or (lambda name: True)
        self._exported: set[str] = set()
        if owns is None:
            self.set_owned({f.name for f in feeds})

    def set_owned(self, owned: set[str]) -> None:
        """The feed gauges of the feeds this process polls, only: a feed another process polls is not stale
        here. A feed taken over starts its staleness clock now."""
        now = time.time()
        for f in self.feeds:
            if f.name in owned and f.name not in self._exported:
                metrics.INTERVAL.labels(feed=f.name).set(f.interval_seconds)
                metrics.LAST_SUCCESS.labels(feed=f.name).set(now)
                self._exported.add(f.name)
            elif f.name not in owned and f.name in self._exported:
                for gauge in (metrics.INTERVAL, metrics.LAST_SUCCESS):
                    with contextlib.suppress(KeyError):
                        gauge.remove(f.name)
                self._exported.discard(f.name)

    async def _robots_fetch(self, url: str) -> tuple[int, bytes]:
        r = await self.fetcher.get(url, kind="robots")
        return r.status, r.body

    async def poll(self, feed: FeedConfig) -> Report:
        """One poll: never raises for bad input; the outcome and counts are in the report."""
        report = Report(feed.name)
        started = time.monotonic()
        try:
            await self._poll(feed, report)
        except (FetchError, FeedError) as exc:
            report.outcome = exc.reason
            report.errors += 1
            log.warning("feed=%s poll failed: %s: %s", feed.name, exc.reason, exc.detail)
        except KafkaError as exc:  # broker unreachable: claims not produced are taken over after the lease
            report.outcome = "kafka_error"
            report.errors += 1
            log.warning("feed=%s poll failed: kafka_error: %s: %s", feed.name, type(exc).__name__, exc)
        except Exception as exc:  # a bug must not stop the other feeds; said loudly
            report.outcome = "internal_error"
            report.errors += 1
            log.exception("feed=%s poll failed: %s", feed.name, exc)
        state = self.state[feed.name]
        if report.outcome in ("ok", "not_modified"):
            state.failures = 0
            if feed.name in self._exported:
                metrics.LAST_SUCCESS.labels(feed=feed.name).set(time.time())
        else:
            state.failures += 1
        metrics.POLLS.labels(feed=feed.name, outcome=report.outcome).inc()
        report.seconds = time.monotonic() - started
        log.info("%s", report.line())
        return report

    async def _poll(self, feed: FeedConfig, report: Report) -> None:
        state = self.state[feed.name]
        resp = await self.fetcher.get(feed.url, kind="feed", etag=state.etag, last_modified=state.last_modified)
        if resp.status == 304:
            report.outcome = "not_modified"
            return
        if not 200 <= resp.status < 300:
            raise FetchError("http_error", f"HTTP {resp.status} from {feed.url}")
        entries = await asyncio.to_thread(parse_feed, resp.body, resp.content_type)  # a 5 MB feed takes a while
        async with self._claiming:
            await self.seen.catch_up()
            self.seen.index.expire_idle(time.time())
        candidates: list[_Candidate] = []
        for entry in entries:
            report.seen += 1
            metrics.ITEMS_SEEN.labels(feed=feed.name).inc()
            try:
                cand = await self._candidate(feed, entry, report)
            except Exception as exc:  # one item's bug is that item's problem
                report.errors += 1
                log.exception("feed=%s item %s failed: %s", feed.name, (entry.link or "")[:200], exc)
                continue
            if cand is not None:
                candidates.append(cand)
        async with self._claiming:
            verdicts = await self.seen.claim([c.claim for c in candidates])
            produced = []
            try:
                for cand, verdict in zip(candidates, verdicts, strict=True):
                    if verdict == "new":
                        await self.send(cand.item)
                        produced.append(cand.claim)
                        report.new += 1
                        metrics.ITEMS_NEW.labels(feed=feed.name).inc()
                    else:
                        self._duplicate(feed, report, verdict)
            finally:  # what was produced is done even if a later send failed; the rest is taken after the lease
                await self.seen.done(produced)
        # remembered only now: a poll that failed before producing everything must not be answered 304 next time
        state.etag, state.last_modified = resp.etag, resp.last_modified

    def _duplicate(self, feed: FeedConfig, report: Report, kind: str) -> None:
        report.duplicates[kind] += 1
        metrics.ITEMS_DUPLICATE.labels(feed=feed.name, kind=kind).inc()

    def _skip(self, feed: FeedConfig, report: Report, reason: str, what: str) -> None:
        report.skipped[reason] += 1
        metrics.ITEMS_SKIPPED.labels(feed=feed.name, reason=reason).inc()
        log.warning("feed=%s item skipped: %s: %s", feed.name, reason, what[:200])

    async def _candidate(self, feed: FeedConfig, entry: Entry, report: Report) -> _Candidate | None:
        if not entry.link:
            self._skip(feed, report, "no_link", f"item {entry.title or '(untitled)'!r} has no link")
            return None
        try:
            url = canonical_url(entry.link)
        except NotAnArticleURL as exc:
            self._skip(feed, report, "bad_link", f"{entry.link!r}: {exc}")
            return None
        aid = article_id(url)
        if self.seen.index.has_url(aid, time.time()):  # the cheap check first: no page fetch for a link already claimed
            self._duplicate(feed, report, "url")
            return None
        if self._skipped.get(aid, 0.0) > time.monotonic():  # skipped before (language, empty): not fetched again
            report.skipped["known"] += 1
            return None
        page, page_error = await self._page(feed, entry, url)
        built = build_item(feed, entry, aid, url, page, page_error, datetime.now(UTC), self.cfg.language_set)
        if built.item is None:
            self._skip(feed, report, built.skipped or "empty", url)
            if len(self._skipped) > 100_000:
                self._skipped.clear()
            self._skipped[aid] = time.monotonic() + self.cfg.seen_ttl_seconds
            return None
        item = built.item
        outcome = (item.extraction_error or "").split(":")[0] if item.body_from == "summary" else item.body_from
        metrics.EXTRACTIONS.labels(feed=feed.name, outcome=outcome or "feed").inc()
        text_hash = content_hash(item.body)
        signature = minhash(item.body, self.cfg.num_perm)
        verdict = self.seen.index.classify(aid, text_hash, signature, time.time())
        if verdict != "new":
            self._duplicate(feed, report, verdict)
            return None
        return _Candidate(item, Claim(id=aid, content=text_hash, signature=encode_signature(signature),
                                      owner=self.owner, at=time.time(), feed=feed.name))

    async def _page(self, feed: FeedConfig, entry: Entry, url: str) -> tuple[Page | None, str | None]:
        """The page when the feed gave only a summary: (page, None), or (None, why not)."""
        if not needs_page(entry, self.cfg.full_text_min_chars):
            return None, None
        target = entry.link or url
        if not await self.robots.allowed(target):
            log.warning("feed=%s page not fetched: robots.txt disallows %s", feed.name, target[:200])
            return None, "robots: disallowed by robots.txt"
        try:
            resp = await self.fetcher.get(target, kind="page")
        except FetchError as exc:
            log.warning("feed=%s page not fetched: %s: %s", feed.name, exc.reason, exc.detail)
            return None, f"fetch_failed: {exc.reason}"
        if not 200 <= resp.status < 300:
            log.warning("feed=%s page not fetched: HTTP %d from %s", feed.name, resp.status, target[:200])
            return None, f"fetch_failed: HTTP {resp.status}"
        page = await asyncio.to_thread(extract_page, resp.body, resp.url)
        if not page.text:
            log.warning("feed=%s no main text extracted from %s", feed.name, target[:200])
        return page, None

    async def run_once(self) -> list[Report]:
        return list(await asyncio.gather(*(self.poll(f) for f in self.feeds)))

    async def run_forever(self, stop: asyncio.Event) -> None:
        await asyncio.gather(*(self._loop(f, stop) for f in self.feeds))

    async def _loop(self, feed: FeedConfig, stop: asyncio.Event) -> None:
        delay = random.uniform(0, feed.interval_seconds * self.cfg.jitter)  # feeds do not all start at once
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), timeout=delay)
                return
            except TimeoutError:
                pass
            if not self.owns(feed.name):  # another process's feed, for now: look again soon
                delay = min(feed.interval_seconds, 5.0)
                continue
            await self.poll(feed)
            delay = next_delay(feed.interval_seconds, self.state[feed.name].failures, self.cfg.jitter,
                               self.cfg.backoff_max_seconds)
