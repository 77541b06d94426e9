"""Prometheus metrics of a worker, served at /metrics on its web server.

Names follow Prometheus conventions: one `diplowatch_` prefix, base units (seconds), `_total` counters,
`_info` for build information. Labels are low-cardinality only: reasons, PLOVER types, quad classes,
rule ids, severities, the country codes of a watch list, topic partitions; never article ids or free text.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, Info, disable_created_metrics

from services import __version__

disable_created_metrics()  # the _created series double the output and no panel uses them
KAFKA_VERSION = "4.4.0"  # the broker version the project's scripts and compose file run

BUILD = Info("diplowatch_build", "Build information.")
BUILD.info({"version": __version__, "kafka_version": KAFKA_VERSION})

CONSUMED = Counter("diplowatch_articles_consumed_total", "Messages read from the input topic.")
ENRICHED = Counter("diplowatch_articles_enriched_total", "Articles enriched and published.")
DEADLETTERED = Counter("diplowatch_articles_deadlettered_total", "Inputs sent to the dead-letter topic.",
                       ["reason"])
EVENTS = Counter("diplowatch_events_total", "Events published.", ["plover", "quad_class"])
DYAD_EVENTS = Counter("diplowatch_dyad_events_total", "Events published by source and target country.",
                      ["source_country", "target_country"])
ALERTS = Counter("diplowatch_alerts_total", "Alerts published.", ["rule_id", "severity"])
SUPPRESSED = Counter("diplowatch_alerts_suppressed_total",
                     "Alert candidates not sent: deduplicated, or an alert id already sent.", ["rule_id", "why"])
REREADS = Counter("diplowatch_partition_rereads_total",
                  "Partitions read again from an offset Faust's fetcher passed over without delivering it.", ["topic"])
PRODUCER_ERRORS = Counter("diplowatch_kafka_producer_errors_total", "Kafka sends that failed.")
CONFIG_POLL_ERRORS = Counter("diplowatch_config_poll_errors_total",
                             "Polls of the rules and subscriptions (files and topics) that failed, e.g. while the "
                             "broker was unreachable; retried with backoff.")
ENRICH_SECONDS = Histogram(
    "diplowatch_enrich_duration_seconds", "Time to enrich one article (coder and rules).",
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
LATENCY = Histogram(
    "diplowatch_end_to_end_latency_seconds",
    "From the input message's timestamp (since=ingest) or the article's published_at (since=published) to "
    "the moment its outputs were acknowledged.",
    ["since"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 86400),
)
LAG = Gauge("diplowatch_consumer_lag_messages", "End offset minus committed offset of the worker group.",
            ["topic", "partition"])
ASSIGNED = Gauge("diplowatch_partitions_assigned",
                 "Partitions of each topic this worker's agents read, after the last rebalance.", ["topic"])
RULES_ACTIVE = Gauge("diplowatch_rules_active", "Rules in the active rule set.")
CONFIG_REFUSED = Counter(
    "diplowatch_config_refused_total",
    "Rules and subscriptions refused: source=rules_directory, rules_topic, subscriptions_file, subscriptions_topic.",
    ["source"])
for _source in ("rules_directory", "rules_topic", "subscriptions_file", "subscriptions_topic"):
    CONFIG_REFUSED.labels(source=_source)
RULESET = Gauge("diplowatch_ruleset_info", "The active rule-set version (value 1).", ["version"])

SUBSCRIPTIONS = Gauge("diplowatch_webhook_subscriptions", "Webhook subscriptions known to this worker.")
WEBHOOK_DELIVERIES = Counter(
    "diplowatch_webhook_deliveries_total",
    "Alerts finished per subscriber: outcome=delivered (2xx) or undeliverable (parked after the last attempt).",
    ["subscription", "outcome"])
WEBHOOK_ATTEMPTS = Counter(
    "diplowatch_webhook_attempts_total",
    "HTTP attempts by result: 2xx, 4xx, 5xx, timeout, connection_error, refused (non-public address).",
    ["subscription", "result"])
WEBHOOK_DELIVERY_ATTEMPTS = Histogram(
    "diplowatch_webhook_delivery_attempts", "Attempts a delivery took (1 = no retry).", ["outcome"],
    buckets=(1, 2, 3, 4, 6, 8, 12, 20, 50))
WEBHOOK_DELIVERY_SECONDS = Histogram(
    "diplowatch_webhook_delivery_duration_seconds", "From the first attempt to delivered or parked.",
    ["outcome"], buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600))
WEBHOOK_QUEUE = Gauge("diplowatch_webhook_queue_alerts", "Alerts waiting for a subscriber on this worker.",
                      ["subscription"])
FEED_CLIENTS = Gauge("diplowatch_feed_clients", "Connected Server-Sent Events clients.", ["feed"])
FEED_DROPPED = Counter("diplowatch_feed_clients_dropped_total",
                       "SSE clients cut off because they did not read (DIPLOWATCH_FEED_CLIENT_BUFFER_BYTES).",
                       ["feed"])
FEED_REFUSED = Counter("diplowatch_feed_clients_refused_total",
                       "SSE clients answered 503 (DIPLOWATCH_FEED_MAX_CLIENTS reached).", ["feed"])
FEED_READERS = Gauge("diplowatch_feed_kafka_readers", "Kafka consumers the feeds hold open (one per topic in use).")
for _feed in ("alerts", "events", "articles"):  # known label values start at 0 rather than missing
    FEED_CLIENTS.labels(feed=_feed)
    FEED_DROPPED.labels(feed=_feed)
    FEED_REFUSED.labels(feed=_feed)


def observe_dyad(source: str, target: str, watched: frozenset[str]) -> None:
    """One event in the dyad counter, countries outside the watch list as "other": 19 crafted articles made
    27,883 series when every code was its own label."""
    def label(c: str) -> str:
        return c if c == "none" or c in watched else "other"
    DYAD_EVENTS.labels(source_country=label(source), target_country=label(target)).inc()


def set_ruleset(version: str, n_rules: int) -> None:
    RULESET.clear()
    RULESET.labels(version=version).set(1)
    RULES_ACTIVE.set(n_rules)
