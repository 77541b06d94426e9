"""Prometheus metrics of the ingest process (served on DIPLOWATCH_INGEST_METRICS_PORT).

Labels: the feed's configured name (bounded by the feeds file), outcomes and reasons from fixed lists; never
URLs or titles.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

POLLS = Counter("diplowatch_ingest_polls_total",
                "Feed polls by outcome: ok, not_modified, or the failure (timeout, http_error, malformed, "
                "not_a_feed, too_large, redirect_loop, refused, connection_error, invalid_url, kafka_error).",
                ["feed", "outcome"])
ITEMS_SEEN = Counter("diplowatch_ingest_items_seen_total", "Feed items read.", ["feed"])
ITEMS_NEW = Counter("diplowatch_ingest_items_new_total", "Articles produced to the raw topic.", ["feed"])
ITEMS_DUPLICATE = Counter("diplowatch_ingest_items_duplicate_total",
                          "Items not produced as already seen: kind=url, content (same text), near (MinHash).",
                          ["feed", "kind"])
ITEMS_SKIPPED = Counter("diplowatch_ingest_items_skipped_total",
                        "Items not produced: reason=no_link, bad_link, language, empty.", ["feed", "reason"])
EXTRACTIONS = Counter("diplowatch_ingest_extractions_total",
                      "Where an article's body came from: feed (full text in the feed), page (extracted), or "
                      "summary (robots, fetch_failed, extract_failed).", ["feed", "outcome"])
FETCH_SECONDS = Histogram("diplowatch_ingest_fetch_duration_seconds", "HTTP requests by kind (feed, page, robots).",
                          ["kind"], buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60))
LAST_SUCCESS = Gauge("diplowatch_ingest_feed_last_success_timestamp_seconds",
                     "When the feed was last polled successfully (the process's start until then).", ["feed"])
INTERVAL = Gauge("diplowatch_ingest_feed_interval_seconds", "The feed's configured poll interval.", ["feed"])
