"""The ingest process: builds the clients from the settings it is given, runs the poller, closes them."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
import uuid
from typing import TextIO

from aiokafka import AIOKafkaProducer

from services.ingest.assignment import Membership
from services.ingest.dedupe import SeenIndex
from services.ingest.feedfile import FeedConfig
from services.ingest.fetch import Fetcher
from services.ingest.poller import Ingest, Report
from services.ingest.seen import KafkaSeen, ensure_seen_topic, ensure_topic
from services.ingest.settings import IngestSettings
from services.kafka_admin import ensure_topics
from services.models import NewsItem
from services.settings import Settings

log = logging.getLogger("diplowatch.ingest")


def table(reports: list[Report]) -> str:
    """The --once summary: one row per feed."""
    rows = [("feed", "outcome", "polled", "items", "new", "duplicates", "skipped", "errors")]
    for r in reports:
        rows.append((r.feed, r.outcome, "yes" if r.outcome in ("ok", "not_modified") else "no", str(r.seen),
                     str(r.new), str(sum(r.duplicates.values())), str(sum(r.skipped.values())), str(r.errors)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows)


async def run(settings: Settings, cfg: IngestSettings, feeds: list[FeedConfig], once: bool,
              out: TextIO = sys.stdout) -> int:
    await asyncio.to_thread(ensure_topics, settings)
    await asyncio.to_thread(ensure_seen_topic, settings, cfg.topic_seen, cfg.seen_ttl_seconds)
    owner = uuid.uuid4().hex[:12]
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap, acks="all", enable_idempotence=True,
                                linger_ms=5, max_request_size=max(settings.max_message_bytes * 4, 1_048_576),
                                client_id=f"diplowatch-ingest-{owner}")
    await producer.start()
    index = SeenIndex(cfg.seen_ttl_seconds, cfg.near_threshold, cfg.num_perm, cfg.claim_lease_seconds)
    seen = KafkaSeen(settings, cfg.topic_seen, index, producer)
    fetcher = Fetcher(allow=cfg.networks, user_agent=cfg.user_agent, timeout=cfg.timeout_seconds,
                      max_bytes=cfg.max_bytes, max_redirects=cfg.max_redirects, host_delay=cfg.host_delay_seconds)
    try:
        n = await seen.start()
        log.info("ingest %s: %d feed(s), %d claim(s) read from %s, %d remembered", owner, len(feeds), n,
                 cfg.topic_seen, len(index))

        async def send(item: NewsItem) -> None:
            value = item.model_dump_json(exclude_none=True).encode()
            await producer.send_and_wait(settings.topics.raw, key=item.id.encode(), value=value)

        if once:  # every feed, whatever other processes do: the seen topic keeps the output free of duplicates
            reports = await Ingest(cfg, feeds, fetcher, seen, send, owner).run_once()
            print(table(reports), file=out)
            return 0
        await asyncio.to_thread(ensure_topic, settings, cfg.topic_feeds, cfg.feed_partitions, {})
        membership = Membership(settings, cfg.topic_feeds, cfg.group, cfg.feed_partitions, [f.name for f in feeds],
                                on_change=lambda owned: ingest.set_owned(owned))
        ingest = Ingest(cfg, feeds, fetcher, seen, send, owner, owns=membership.owns)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await membership.start()
        try:
            await ingest.run_forever(stop)
        finally:
            await membership.stop()
        return 0
    finally:
        await fetcher.close()
        await seen.stop()
        await producer.stop()
