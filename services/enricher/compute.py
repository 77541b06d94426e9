"""The enricher's CPU work runs on a thread of its own, off the event loop.

`process()` of one article is bounded (services/budget.py) but still takes up to ~2 s; on the event loop that
would stop every other partition, the alerter, the notifier, rule reloads and `/metrics` (17 of 18 probes
failed while one article was coded). One worker thread keeps the articles in order, the agent awaiting each
result before it reads the next message, so acknowledgements stay ordered (services/acks.py). The coder is
pure Python and holds the GIL, but Python hands it over every few milliseconds, so the loop keeps running.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@functools.cache
def _executor() -> ThreadPoolExecutor:
    """Made on first use, not at import; one thread: the coder's caches (lexicon, spaCy) see one caller."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="diplowatch-enrich")


async def off_loop(fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """`fn(*args, **kwargs)` on the enrich thread, awaited without blocking the event loop."""
    return await asyncio.get_running_loop().run_in_executor(_executor(), functools.partial(fn, *args, **kwargs))
