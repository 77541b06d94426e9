"""When a feed is polled next: its interval with jitter, or exponential backoff after failures."""

from __future__ import annotations

import random


def next_delay(interval: float, failures: int, jitter: float, backoff_max: float,
               rng: random.Random | None = None) -> float:
    """Seconds until the next poll. `failures` consecutive failures double the wait each time (interval * 2**n,
    capped at backoff_max, never below the interval); jitter spreads polls of many feeds and processes."""
    base = interval if failures <= 0 else min(max(interval * 2 ** min(failures, 30), interval), max(backoff_max,
                                                                                                  interval))
    spread = (rng or random).uniform(-jitter, jitter)
    return max(0.0, base * (1 + spread))
