"""One diplowatch worker: the enricher, alerter and notifier agents in one Faust app, the feed pages, /metrics,
and the watcher of rules and subscriptions."""

from __future__ import annotations

import asyncio
import functools
import logging
from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from services import __version__, metrics
from services.alerter import agent as _alerter  # noqa: F401 - registers the agent
from services.enricher import agent as _enricher  # noqa: F401 - registers the agent
from services.feed import views as _feed  # noqa: F401 - registers the pages
from services.kafka_admin import message_limits, producer
from services.limits import fit_limit
from services.notifier.agent import registry
from services.notifier.subscriptions import book
from services.rules.engine import RuleError, RuleSet
from services.rules.message import MAX_CHUNK_BYTES
from services.rules.reload import DirectoryPolicy, rulebook, ruleset_messages
from services.stream import app, settings

log = logging.getLogger("diplowatch.worker")


@functools.cache
def _producer() -> KafkaProducer:
    return producer(settings)


def _send(topic: str, messages: dict[bytes, bytes | None]) -> None:
    for key, value in messages.items():
        _producer().send(topic, key=key, value=value)
    _producer().flush(timeout=10)


@functools.cache
def _rules_message_limit() -> int:
    """The largest value the rules topic accepts (its max.message.bytes less the record overhead)."""
    return fit_limit(MAX_CHUNK_BYTES, message_limits(settings, [settings.topics.rules]))


def _publish(ruleset: RuleSet) -> None:
    stale = rulebook.chunk_keys_except(ruleset.version)
    _send(settings.topics.rules, ruleset_messages(ruleset, _rules_message_limit(), stale))


def _publish_subscriptions(updates: dict[bytes, bytes | None]) -> None:
    _send(settings.topics.subscriptions, updates)


def start_rules() -> None:
    """Before the agents run: adopt the rules topic's newest set, then the directory's if it differs.

    RuleError when neither gives a set (the directory refused, nothing on the topic) and an empty set is not
    allowed: a worker with no rules would say it is ready and never alert."""
    rulebook.poll_topic(settings, catch_up=True)
    rulebook.check_directory(settings.rules_dir, _publish, DirectoryPolicy.of(settings))
    if not rulebook.has_set:
        if not settings.rules_allow_empty:
            raise RuleError(f"no rule set: the rules topic {settings.topics.rules} has none and {settings.rules_dir} "
                            "was refused (the error above); set DIPLOWATCH_RULES_ALLOW_EMPTY=1 to run without rules")
        rulebook.use(rulebook.active, "no rules: DIPLOWATCH_RULES_ALLOW_EMPTY")
    log.warning("diplowatch %s worker: rule-set version %s (%d rules)", __version__, rulebook.active.version,
                len(rulebook.active))
    book.poll_topic(settings, catch_up=True)
    book.check_file(settings.subscriptions_file, _publish_subscriptions, settings.subscriptions_allow_empty)
    log.warning("%d webhook subscription(s)", len(book.current))


@app.page("/metrics")
async def prometheus_metrics(web: Any, request: Any) -> Any:
    # aiohttp sets the charset itself; the text format's version parameter is optional for Prometheus
    return web.bytes(generate_latest(), content_type=CONTENT_TYPE_LATEST.split(";")[0])


_lag_clients: dict[str, Any] = {}


def measure_lag() -> None:
    """Consumer lag of this app's group on every partition of the topics it reads."""
    if not _lag_clients:
        _lag_clients["admin"] = KafkaAdminClient(bootstrap_servers=settings.bootstrap, client_id="diplowatch-lag")
        _lag_clients["consumer"] = KafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=None,
                                                 client_id="diplowatch-lag")
    committed = _lag_clients["admin"].list_group_offsets({settings.app_id: None}).get(settings.app_id, {})
    read = {settings.topics.raw, settings.topics.candidates, settings.topics.alerts}  # the three agents' inputs
    parts = [tp for tp in committed if tp.topic in read]
    ends = _lag_clients["consumer"].end_offsets(parts) if parts else {}
    for tp in parts:
        metrics.LAG.labels(topic=tp.topic, partition=str(tp.partition)).set(
            max(0, ends.get(tp, 0) - committed[tp].offset))


@app.timer(interval=5.0, on_leader=True)
async def report_lag() -> None:
    """Only the group leader reports lag, so sums over workers count each partition once."""
    try:
        await asyncio.get_running_loop().run_in_executor(None, measure_lag)
    except Exception as exc:  # metrics must not take the worker down
        log.warning("consumer lag not measured: %s", exc)


class Backoff:
    """When to try again after failures: doubling from `initial` up to `maximum`, reset by a success."""

    def __init__(self, initial: float, maximum: float) -> None:
        self.initial, self.maximum = initial, maximum
        self.delay = 0.0
        self.next_at = 0.0

    def due(self, now: float) -> bool:
        return now >= self.next_at

    def failed(self, now: float) -> float:
        self.delay = min(self.maximum, self.delay * 2 if self.delay else self.initial)
        self.next_at = now + self.delay
        return self.delay

    def succeeded(self) -> None:
        self.delay, self.next_at = 0.0, 0.0


_config_retry = Backoff(initial=settings.rules_poll_s, maximum=60.0)


@app.timer(interval=settings.rules_poll_s)
async def watch_config() -> None:
    """Rules and subscriptions, kept current; a failure (the broker unreachable while a changed file is
    published, say) is logged, counted and tried again with backoff, never the end of the worker."""
    loop = asyncio.get_running_loop()
    if not _config_retry.due(loop.time()):
        return
    try:
        await _poll_config(loop)
    except Exception as exc:
        metrics.CONFIG_POLL_ERRORS.inc()
        log.warning("rules and subscriptions not polled (%r); trying again in %.0f s", exc,
                    _config_retry.failed(loop.time()))
    else:
        _config_retry.succeeded()


async def _poll_config(loop: asyncio.AbstractEventLoop) -> None:
    await loop.run_in_executor(None, rulebook.check_directory, settings.rules_dir, _publish,
                               DirectoryPolicy.of(settings))
    await loop.run_in_executor(None, rulebook.poll_topic, settings)
    await loop.run_in_executor(None, book.check_file, settings.subscriptions_file, _publish_subscriptions,
                               settings.subscriptions_allow_empty)
    await loop.run_in_executor(None, book.poll_topic, settings)
    registry.sync(book.current)
