"""The notifier agent: reads `alerts`, hands each alert to the subscribers that want it, and acknowledges
the input message only when all of them delivered or parked it, so a crash means delivering again, not
losing. Faust commits the highest offset below which every message is acknowledged."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Any

import faust
import httpx
from pydantic import ValidationError

from services import metrics
from services.models import Alert, Subscription, Undeliverable
from services.notifier import outbound
from services.notifier.delivery import Job, Subscriber
from services.notifier.subscriptions import SubscriptionBook, wants
from services.settings import Settings
from services.stream import Streams

log = logging.getLogger("diplowatch.webhooks")


class Registry:
    """One Subscriber (queue and task) per subscription id, kept in step with the subscription book."""

    def __init__(self, settings: Settings, streams: Streams) -> None:
        self.subscribers: dict[str, Subscriber] = {}
        self._client: httpx.AsyncClient | None = None
        self._allow = outbound.allowed_networks(settings.webhook_allow_nets)
        self._undeliverable = settings.topics.undeliverable
        self._streams = streams

    def sync(self, current: dict[str, Subscription]) -> None:
        if self._client is None:
            self._client = outbound.guarded_client(self._allow)
        for sid, sub in current.items():
            s = self.subscribers.get(sid)
            if s is None or s.removed or (s.task is not None and s.task.done()):
                s = Subscriber(sub, self._client, self.park)
                s.task = asyncio.get_running_loop().create_task(s.run(), name=f"webhook-{sid}")
                s.task.add_done_callback(_report)
                self.subscribers[sid] = s
            s.sub = sub
        for sid, s in self.subscribers.items():
            s.removed = sid not in current  # its task finishes what is queued, then ends
        metrics.SUBSCRIPTIONS.set(len(current))

    def matching(self, alert: Alert) -> list[Subscriber]:
        return [s for s in self.subscribers.values() if not s.removed and wants(s.sub, alert)]

    async def park(self, sub: Subscription, alert: Alert, reason: str, attempts: int, first_at: datetime) -> None:
        """Put an alert on `alerts.undeliverable`; keeps trying while Kafka is unreachable, never drops it."""
        msg = Undeliverable(subscription_id=sub.id, reason=reason, attempts=attempts, alert=alert,
                            first_attempt_at=first_at, parked_at=datetime.now(UTC))
        delay = 0.5
        while True:
            try:
                fut = await self._streams.send(self._undeliverable, sub.id.encode(), msg.model_dump_json().encode())
                await fut
                return
            except Exception as exc:
                metrics.PRODUCER_ERRORS.inc()
                log.error("parking alert %s for %s failed, retrying: %s", alert.alert_id, sub.id, exc)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30)


def _report(task: asyncio.Task[None]) -> None:
    """A subscriber task should only end when its subscription is removed; say so if it died."""
    if not task.cancelled() and task.exception() is not None:
        log.error("%s ended with an error; its unacknowledged alerts are delivered again after a restart",
                  task.get_name(), exc_info=task.exception())


class _Pending:
    """Acknowledges the input message when the last subscriber finished with it."""

    def __init__(self, stream: Any, event: Any, n: int) -> None:
        self.stream, self.event, self.left = stream, event, n

    async def done(self) -> None:
        self.left -= 1
        if self.left == 0:
            await self.stream.ack(self.event)


async def notify(stream: Any, registry: Registry, book: SubscriptionBook) -> None:
    manual = stream.noack()
    registry.sync(book.current)  # loaded before the agents start; later changes come with the worker's timer
    async for event in manual.events():
        try:
            alert = Alert.model_validate_json(event.value)
        except ValidationError as exc:  # not ours to fix: the alerts topic only carries what the alerter made
            log.error("alerts message %s:%s is not an alert, skipped: %s", event.message.partition,
                      event.message.offset, exc.errors()[0]["msg"])
            await manual.ack(event)
            continue
        targets = registry.matching(alert)
        if not targets:
            await manual.ack(event)
            continue
        pending = _Pending(manual, event, len(targets))
        for sub in targets:
            await sub.put(Job(alert, pending.done))


def register(app: faust.App, streams: Streams, settings: Settings, book: SubscriptionBook) -> Registry:
    registry = Registry(settings, streams)

    @app.agent(streams.topic(settings.topics.alerts), name="services.notifier.agent.notify")
    async def notify_subscribers(stream: Any) -> None:
        await notify(stream, registry, book)

    return registry
