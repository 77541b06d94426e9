"""Delivering alerts to one subscriber: its own queue and task, in order, retried with backoff, then parked.

Each subscriber has a task of its own, so a slow or dead receiver only delays itself. A job is finished
(`done`) once the receiver answered 2xx or the alert was parked on `alerts.undeliverable`; the agent
commits an input offset only when every subscriber finished its job.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
import orjson

from services import metrics
from services.errors import PermanentDelivery, RetryableDelivery
from services.models import Alert, Subscription
from services.notifier import outbound, signing
from services.urls import safe_url

log = logging.getLogger("diplowatch.webhooks")

QUEUE_MAX = 10_000  # per subscriber; when full the agent waits (back-pressure instead of memory growth)
REMEMBERED = 10_000  # alert ids delivered per subscriber, to skip repeats after an upstream replay
RETRYABLE_STATUS = {408, 425, 429}
# what is read of a receiver's answer: only its status counts; the rest is left unread and the connection closed
# (a 300 MB 2xx answer was read into memory whole)
RESPONSE_MAX_BYTES = 64 * 1024


@dataclass
class Job:
    alert: Alert
    done: Callable[[], Awaitable[None]]


class Permanent(PermanentDelivery):
    """A failure retrying cannot fix (refused URL, 4xx): the alert is parked at once."""


class _Retry(RetryableDelivery):
    """A receiver answer worth retrying (5xx, 408, 425, 429)."""


def _slack_escape(text: str) -> str:
    """Slack reads <...> as links and mentions (<!channel>): &, < and > in alert text are escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def payload(sub: Subscription, alerts: list[Alert]) -> bytes:
    """The POST body: the alert's JSON, {"alerts": [...]} for a digest, or a Slack-compatible message.
    A URL that is not http(s) (an alert written before the input check, or by another producer) is left out."""
    alerts = [a if a.url == safe_url(a.url) else a.model_copy(update={"url": None}) for a in alerts]
    if sub.format == "slack":
        lines = [f"*[{a.severity.upper()}] {_slack_escape(a.title)}*\n{_slack_escape(a.text)}"
                 + (f"\n<{_slack_escape(a.url).replace('|', '%7C')}>" if a.url else "") for a in alerts]
        return orjson.dumps({"text": "\n\n".join(lines)})
    if sub.batch_seconds > 0:
        return orjson.dumps({"alerts": [a.model_dump(mode="json") for a in alerts]})
    return alerts[0].model_dump_json().encode()


def backoff(sub: Subscription, attempt: int) -> float:
    """Exponential with "equal jitter": half the step fixed, half random, so retries of many workers spread."""
    step = min(sub.backoff_max_seconds, sub.backoff_initial_seconds * 2 ** (attempt - 1))
    return step / 2 + random.uniform(0, step / 2)


Park = Callable[[Subscription, Alert, str, int, datetime], Awaitable[None]]


class Subscriber:
    def __init__(self, sub: Subscription, client: httpx.AsyncClient, park: Park) -> None:
        self.sub = sub
        self.removed = False
        self.queue: asyncio.Queue[Job] = asyncio.Queue(maxsize=QUEUE_MAX)
        self._client = client
        self._park = park
        self._delivered: OrderedDict[str, None] = OrderedDict()
        self.task: asyncio.Task[None] | None = None

    async def put(self, job: Job) -> None:
        await self.queue.put(job)
        metrics.WEBHOOK_QUEUE.labels(subscription=self.sub.id).set(self.queue.qsize())

    async def run(self) -> None:
        while not (self.removed and self.queue.empty()):
            try:
                first = await asyncio.wait_for(self.queue.get(), timeout=1.0)
            except TimeoutError:
                continue
            batch = [first]
            if self.sub.batch_seconds > 0:
                deadline = time.monotonic() + self.sub.batch_seconds
                while len(batch) < self.sub.batch_max and (left := deadline - time.monotonic()) > 0:
                    try:
                        batch.append(await asyncio.wait_for(self.queue.get(), timeout=left))
                    except TimeoutError:
                        break
            metrics.WEBHOOK_QUEUE.labels(subscription=self.sub.id).set(self.queue.qsize())
            fresh = [j for j in batch if j.alert.alert_id not in self._delivered]
            if fresh:
                try:
                    await self._deliver([j.alert for j in fresh])
                except Exception as exc:  # a bug, not the receiver: park with the reason, keep the task alive
                    log.exception("webhook %s: delivery failed unexpectedly, parking %d alert(s)", self.sub.id,
                                  len(fresh))
                    for j in fresh:
                        await self._park(self.sub, j.alert, f"internal error: {type(exc).__name__}: {exc}", 0,
                                         datetime.now(UTC))
                    self._finish([j.alert for j in fresh], "undeliverable", 0, time.monotonic())
            for job in batch:
                await job.done()

    async def _deliver(self, alerts: list[Alert]) -> None:
        sub = self.sub
        first_at = datetime.now(UTC)
        started = time.monotonic()
        body = payload(sub, alerts)
        attempt, reason = 0, ""
        while attempt < sub.max_attempts:
            attempt += 1
            try:
                await self._post(sub, body, attempt)
            except Permanent as exc:
                reason = str(exc)
                break
            except (httpx.HTTPError, OSError, _Retry) as exc:
                reason = _describe(exc)
                if attempt < sub.max_attempts:
                    await asyncio.sleep(backoff(sub, attempt))
                continue
            self._finish(alerts, "delivered", attempt, started)
            return
        log.warning("webhook %s: parking %d alert(s) after %d attempt(s): %s", sub.id, len(alerts), attempt,
                    reason)
        for alert in alerts:
            await self._park(sub, alert, reason, attempt, first_at)
        self._finish(alerts, "undeliverable", attempt, started)

    async def _post(self, sub: Subscription, body: bytes, attempt: int) -> None:
        """One attempt, within `timeout_seconds` as a whole: connecting, sending, the status and headers (a
        receiver dripping one byte a second never tripped httpx's per-read timeout: 150 s for a 5 s timeout).
        The answer's body is read up to RESPONSE_MAX_BYTES while time is left, and otherwise dropped."""
        headers = {**signing.headers(sub.secret, body), "X-Diplowatch-Attempt": str(attempt),
                   "User-Agent": "diplowatch-webhooks"}
        deadline = asyncio.get_running_loop().time() + sub.timeout_seconds
        try:
            url = outbound.check_url(sub.url)
            request = self._client.build_request("POST", url, content=body, headers=headers,
                                                 timeout=sub.timeout_seconds)
            async with asyncio.timeout_at(deadline):
                resp = await self._client.send(request, stream=True)
        except outbound.Refused as exc:  # the client (outbound.guarded_client) checks the addresses it connects to
            metrics.WEBHOOK_ATTEMPTS.labels(subscription=sub.id, result="refused").inc()
            raise Permanent(f"refused: {exc}") from None
        except (httpx.TimeoutException, TimeoutError):
            metrics.WEBHOOK_ATTEMPTS.labels(subscription=sub.id, result="timeout").inc()
            raise _Retry(f"timeout (no answer within {sub.timeout_seconds:g} s)") from None
        except (httpx.HTTPError, OSError):
            metrics.WEBHOOK_ATTEMPTS.labels(subscription=sub.id, result="connection_error").inc()
            raise
        try:
            async with asyncio.timeout_at(deadline):
                await _read_capped(resp)
        except (httpx.HTTPError, OSError):  # TimeoutError included: the status is what counts
            pass
        finally:
            await resp.aclose()
        code = resp.status_code
        metrics.WEBHOOK_ATTEMPTS.labels(subscription=sub.id, result=f"{code // 100}xx").inc()
        if 200 <= code < 300:
            return
        if code >= 500 or code in RETRYABLE_STATUS:
            raise _Retry(f"HTTP {code}")
        raise Permanent(f"HTTP {code} (not retried)" + (" - redirects are not followed" if code < 400 else ""))

    def _finish(self, alerts: list[Alert], outcome: str, attempts: int, started: float) -> None:
        for alert in alerts:
            if outcome == "delivered":
                self._delivered[alert.alert_id] = None
                if len(self._delivered) > REMEMBERED:
                    self._delivered.popitem(last=False)
            metrics.WEBHOOK_DELIVERIES.labels(subscription=self.sub.id, outcome=outcome).inc()
        metrics.WEBHOOK_DELIVERY_ATTEMPTS.labels(outcome=outcome).observe(attempts)
        metrics.WEBHOOK_DELIVERY_SECONDS.labels(outcome=outcome).observe(time.monotonic() - started)


async def _read_capped(resp: httpx.Response) -> None:
    """Read (undecoded: no gzip bomb) and drop the answer's body, at most RESPONSE_MAX_BYTES of it."""
    read = 0
    async for chunk in resp.aiter_raw():
        read += len(chunk)
        if read >= RESPONSE_MAX_BYTES:
            return


def _describe(exc: BaseException) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timeout ({type(exc).__name__})"
    if isinstance(exc, httpx.ConnectError | OSError):
        return f"connection failed: {exc or type(exc).__name__}"
    return str(exc) or type(exc).__name__
