"""Acknowledging inputs only after their outputs are acknowledged, without waiting for them one by one.

An agent sends a message's outputs and goes on to the next message; a small task awaits the broker's
answers in order and only then acknowledges the input (Faust commits the highest offset below which
everything is acknowledged). Awaiting each send before reading on cost one broker round trip per
message; this keeps a bounded window of messages in flight instead. If a send fails, the input is never
acknowledged and the worker stops: its offsets stay before the failed message, so a restart redoes it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from services import metrics

log = logging.getLogger("diplowatch.acks")
WINDOW = 500  # messages in flight per agent


class OrderedAcks:
    def __init__(self, app: Any, stream: Any, window: int = WINDOW) -> None:
        self._app = app
        self._stream = stream
        self._queue: asyncio.Queue[tuple[Any, list[Awaitable[Any]], Callable[[], None] | None]] = (
            asyncio.Queue(maxsize=window))
        self._task: asyncio.Task[None] | None = None

    async def add(self, event: Any, futures: list[Awaitable[Any]], on_done: Callable[[], None] | None = None) -> None:
        """Waits only when the window is full."""
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run(), name="ordered-acks")
        await self._queue.put((event, futures, on_done))

    async def _run(self) -> None:
        while True:
            event, futures, on_done = await self._queue.get()
            try:
                for fut in futures:
                    await fut
            except Exception as exc:
                metrics.PRODUCER_ERRORS.inc()
                log.critical("a Kafka send failed; stopping without acknowledging offset %s of %s: %r",
                             event.message.offset, event.message.tp, exc)
                await self._app.crash(exc)
                return
            await self._stream.ack(event)
            if on_done is not None:
                on_done()
