"""What a worker does beside its agents: keeps the rules and subscriptions current (the directory and file
published to their compacted topics, the topics read back), serves /metrics, reports consumer lag and the
partitions it holds."""

from __future__ import annotations

import asyncio
import collections
import logging
from typing import Any

import faust
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from services import __version__, metrics
from services.errors import RuleError
from services.kafka_admin import message_limits, producer
from services.limits import fit_limit
from services.notifier.agent import Registry
from services.notifier.subscriptions import SubscriptionBook
from services.rules.engine import RuleSet
from services.rules.message import MAX_CHUNK_BYTES
from services.rules.reload import DirectoryPolicy, RuleBook, ruleset_messages
from services.settings import Settings

log = logging.getLogger("diplowatch.worker")


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


class Control:
    """The worker's configuration loop and its reports; Kafka clients are made on first use."""

    def __init__(self, app: faust.App, settings: Settings, rulebook: RuleBook, book: SubscriptionBook,
                 registry: Registry) -> None:
        self.app, self.settings = app, settings
        self.rulebook, self.book, self.registry = rulebook, book, registry
        self.retry = Backoff(initial=settings.rules_poll_seconds, maximum=60.0)
        self._producer: KafkaProducer | None = None
        self._rules_limit: int | None = None
        self._lag: tuple[KafkaAdminClient, KafkaConsumer] | None = None

    def _send(self, topic: str, messages: dict[bytes, bytes | None]) -> dict[bytes, int]:
        """Sends and waits for every ack (a failure raises: the caller publishes again at the next poll);
        returns each key's offset."""
        if self._producer is None:
            self._producer = producer(self.settings)
        sent = [(key, self._producer.send(topic, key=key, value=value)) for key, value in messages.items()]
        self._producer.flush(timeout=10)
        return {key: future.get(timeout=10).offset for key, future in sent}

    def _publish(self, ruleset: RuleSet) -> dict[bytes, int]:
        if self._rules_limit is None:  # the largest value the rules topic accepts, less the record overhead
            self._rules_limit = fit_limit(MAX_CHUNK_BYTES, message_limits(self.settings, [self.settings.topics.rules]))
        stale = self.rulebook.chunk_keys_except(ruleset.version)
        return self._send(self.settings.topics.rules, ruleset_messages(ruleset, self._rules_limit, stale))

    def _publish_subscriptions(self, updates: dict[bytes, bytes | None]) -> dict[bytes, int]:
        return self._send(self.settings.topics.subscriptions, updates)

    def start_rules(self) -> None:
        """Before the agents run: adopt the rules topic's newest set, then the directory's if it differs.

        RuleError when neither gives a set (the directory refused, nothing on the topic) and an empty set is
        not allowed: a worker with no rules would say it is ready and never alert."""
        s, rulebook, book = self.settings, self.rulebook, self.book
        rulebook.poll_topic(s, catch_up=True)
        rulebook.check_directory(s.rules_dir, self._publish, DirectoryPolicy.of(s))
        if not rulebook.has_set:
            if not s.rules_allow_empty:
                raise RuleError(f"no rule set: the rules topic {s.topics.rules} has none and {s.rules_dir} was "
                                "refused (the error above); set DIPLOWATCH_RULES_ALLOW_EMPTY=1 to run without rules")
            rulebook.use(rulebook.active, "no rules: DIPLOWATCH_RULES_ALLOW_EMPTY")
        log.warning("diplowatch %s worker: rule-set version %s (%d rules)", __version__, rulebook.active.version,
                    len(rulebook.active))
        book.poll_topic(s, catch_up=True)
        book.check_file(s.subscriptions_file, self._publish_subscriptions, s.subscriptions_allow_empty)
        log.warning("%d webhook subscription(s)", len(book.current))

    async def watch_config(self) -> None:
        """Rules and subscriptions, kept current; a failure (the broker unreachable while a changed file is
        published, say) is logged, counted and tried again with backoff, never the end of the worker."""
        loop = asyncio.get_running_loop()
        if not self.retry.due(loop.time()):
            return
        try:
            await self._poll_config(loop)
        except Exception as exc:
            metrics.CONFIG_POLL_ERRORS.inc()
            log.warning("rules and subscriptions not polled (%r); trying again in %.0f s", exc,
                        self.retry.failed(loop.time()))
        else:
            self.retry.succeeded()

    async def _poll_config(self, loop: asyncio.AbstractEventLoop) -> None:
        s = self.settings
        await loop.run_in_executor(None, self.rulebook.check_directory, s.rules_dir, self._publish,
                                   DirectoryPolicy.of(s))
        await loop.run_in_executor(None, self.rulebook.poll_topic, s)
        await loop.run_in_executor(None, self.book.check_file, s.subscriptions_file, self._publish_subscriptions,
                                   s.subscriptions_allow_empty)
        await loop.run_in_executor(None, self.book.poll_topic, s)
        self.registry.sync(self.book.current)

    def measure_lag(self) -> None:
        """Consumer lag of this app's group on every partition of the topics it reads."""
        s = self.settings
        if self._lag is None:
            self._lag = (KafkaAdminClient(bootstrap_servers=s.bootstrap, client_id="diplowatch-lag"),
                         KafkaConsumer(bootstrap_servers=s.bootstrap, group_id=None, client_id="diplowatch-lag"))
        admin, consumer = self._lag
        committed = admin.list_group_offsets({s.app_id: None}).get(s.app_id, {})
        read = {s.topics.raw, s.topics.candidates, s.topics.alerts}  # the three agents' inputs
        parts = [tp for tp in committed if tp.topic in read]
        ends = consumer.end_offsets(parts) if parts else {}
        for tp in parts:
            metrics.LAG.labels(topic=tp.topic, partition=str(tp.partition)).set(
                max(0, ends.get(tp, 0) - committed[tp].offset))

    async def report_lag(self) -> None:
        try:
            await asyncio.get_running_loop().run_in_executor(None, self.measure_lag)
        except Exception as exc:  # metrics must not take the worker down
            log.warning("consumer lag not measured: %s", exc)

    def count_assigned(self) -> None:
        """Which partitions this worker holds: operators see a worker that got none, tests wait on it."""
        s = self.settings
        held = collections.Counter(tp.topic for tp in self.app.consumer.assignment())
        for topic in (s.topics.raw, s.topics.candidates, s.topics.alerts):
            metrics.ASSIGNED.labels(topic=topic).set(held.get(topic, 0))


def register(app: faust.App, settings: Settings, rulebook: RuleBook, book: SubscriptionBook,
             registry: Registry) -> Control:
    control = Control(app, settings, rulebook, book, registry)

    @app.page("/metrics")
    async def prometheus_metrics(web: Any, request: Any) -> Any:
        # aiohttp sets the charset itself; the text format's version parameter is optional for Prometheus
        return web.bytes(generate_latest(), content_type=CONTENT_TYPE_LATEST.split(";")[0])

    @app.timer(interval=settings.rules_poll_seconds)
    async def watch_config() -> None:
        await control.watch_config()

    @app.timer(interval=5.0, on_leader=True)
    async def report_lag() -> None:
        """Only the group leader reports lag, so sums over workers count each partition once."""
        await control.report_lag()

    def count_assigned(sender: Any, *args: Any, **kwargs: Any) -> None:
        control.count_assigned()

    app.on_partitions_assigned.connect(count_assigned)  # type: ignore[arg-type]  # mode types it too narrowly
    return control
