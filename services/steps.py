"""Work done in steps, so the event loop runs between them.

Enriching one article is CPU work of up to a few hundred milliseconds (bounded by services/budget.py). Run
in one piece on the worker's event loop, it holds up everything else the loop does meanwhile: the other
partitions' agents, /metrics, the feeds, heartbeats and commits. A thread does not fix that in CPython (the
GIL; and a thread of its own stalled partitions in rebalances, docs/RELIABILITY.md). So the pure core is
written as generators that `yield` between sentences: `drain()` runs one to the end in plain code (the CLI,
the benchmarks, the tests), `run()` hands the loop back between steps (the enricher agent). The output is
the same either way.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Generator
from typing import TypeVar

T = TypeVar("T")

Steps = Generator[None, None, T]

# The loop gets its turn after this much work, not after every step: a turn of the loop (its selector, the
# fetcher, the producer's sender) at each of a story's ~30 sentences is work of its own (docs/BENCHMARKS.md),
# and 5 ms is well inside what the loop's other work can wait (heartbeats every 3 s, a scrape, a feed).
SLICE_SECONDS = 0.005


def drain(steps: Steps[T]) -> T:
    """Run to the end without yielding to anyone."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


async def run(steps: Steps[T], slice_seconds: float = SLICE_SECONDS) -> T:
    """Run to the end, letting the event loop run its other tasks between two steps once `slice_seconds` of
    work have passed since it last ran (0: at every step)."""
    due = time.perf_counter() + slice_seconds
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value
        if time.perf_counter() >= due:
            await asyncio.sleep(0)
            due = time.perf_counter() + slice_seconds
