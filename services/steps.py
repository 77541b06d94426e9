"""Work done in steps, so the event loop runs between them.

Enriching one article is CPU work of up to a few hundred milliseconds (bounded by services/budget.py). Run
in one piece on the worker's event loop, it holds up everything else the loop does meanwhile: the other
partitions' agents, /metrics, the feeds, heartbeats and commits. A thread does not fix that in CPython (the
GIL; and a thread of its own stalled partitions in rebalances, docs/RELIABILITY.md). So the pure core is
written as generators that `yield` between sentences: `drain()` runs one to the end in plain code (the CLI,
the benchmarks, the tests), `run()` hands the loop back at every step (the enricher agent). The output is
the same either way.
"""

from __future__ import annotations

import asyncio
from collections.abc import Generator
from typing import TypeVar

T = TypeVar("T")

Steps = Generator[None, None, T]


def drain(steps: Steps[T]) -> T:
    """Run to the end without yielding to anyone."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


async def run(steps: Steps[T]) -> T:
    """Run to the end, letting the event loop run its other tasks between two steps."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value
        await asyncio.sleep(0)
