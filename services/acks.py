"""Acknowledging inputs only after their outputs are acknowledged, without waiting for them one by one.

An agent sends a message's outputs and goes on to the next message; a small task awaits the broker's
answers in order and only then acknowledges the input (Faust commits the highest offset below which
everything is acknowledged). Awaiting each send before reading on cost one broker round trip per
message; this keeps a bounded window of messages in flight instead.

If a send fails for a reason that sending again cannot cure (the broker refuses the message as too large),
the agent's `fallback` replaces the message's outputs (a dead letter with the reason) and the input is
acknowledged once that is written. Any other failure stops the worker without acknowledging the input, nor
any message after it: its offsets stay before the failed message, so a restart redoes it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from services import metrics

log = logging.getLogger("diplowatch.acks")
WINDOW = 500  # messages in flight per agent

# (event, the exception) -> the futures of what replaces the event's outputs, or None: the failure is not the
# message's own and the worker must stop
Fallback = Callable[[Any, BaseException], Awaitable[list[Awaitable[Any]] | None]]


class OrderedAcks:
    def __init__(self, app: Any, stream: Any, window: int = WINDOW, fallback: Fallback | None = None) -> None:
        self._app = app
        self._stream = stream
        self._fallback = fallback
        self._queue: asyncio.Queue[tuple[Any, list[Awaitable[Any]], Callable[[], None] | None]] = (
            asyncio.Queue(maxsize=window))
        self._task: asyncio.Task[None] | None = None
        self.failed: BaseException | None = None  # once set, nothing is acknowledged any more

    async def add(self, event: Any, futures: list[Awaitable[Any]], on_done: Callable[[], None] | None = None) -> None:
        """Waits only when the window is full."""
        if self.failed is not None:
            return  # the worker is stopping: a later message acknowledged would let the commit pass the failed one
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run(), name="ordered-acks")
        await self._queue.put((event, futures, on_done))

    async def _run(self) -> None:
        while True:
            event, futures, on_done = await self._queue.get()
            try:
                replaced = await self._settle(event, futures)
            except Exception as exc:
                self.failed = exc
                metrics.PRODUCER_ERRORS.inc()
                log.critical("a Kafka send failed; stopping without acknowledging offset %s of %s: %r",
                             event.message.offset, event.message.tp, exc)
                await self._app.crash(exc)
                return
            await self._stream.ack(event)
            if on_done is not None and not replaced:
                on_done()

    async def _settle(self, event: Any, futures: list[Awaitable[Any]]) -> bool:
        """Whether the outputs had to be replaced by the fallback's."""
        try:
            for fut in futures:
                await fut
            return False
        except Exception as exc:
            replacement = await self._fallback(event, exc) if self._fallback is not None else None
            if replacement is None:
                raise
            metrics.PRODUCER_ERRORS.inc()
            log.error("offset %s of %s: an output was refused (%r); the input goes to the dead letters instead",
                      event.message.offset, event.message.tp, exc)
            for fut in replacement:
                await fut
            return True
