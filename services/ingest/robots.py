"""robots.txt for article pages, one parsed file per origin, cached (stdlib urllib.robotparser).

As RFC 9309 says: a robots.txt that is missing (4xx) allows everything; one that cannot be read (5xx, timeout,
refused) disallows everything for a while, since the site may be struggling.
"""

from __future__ import annotations

import asyncio
import time
import urllib.robotparser
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

RobotsFetch = Callable[[str], Awaitable[tuple[int, bytes]]]  # robots URL -> (status, body); raises on failure
UNREACHABLE_TTL = 300.0


def parse_robots(status: int, body: bytes) -> urllib.robotparser.RobotFileParser:
    rp = urllib.robotparser.RobotFileParser()
    if 200 <= status < 300:
        rp.parse(body.decode("utf-8", errors="replace").splitlines())
    elif 400 <= status < 500:
        rp.parse(["User-agent: *", "Allow: /"])
    else:
        rp.parse(["User-agent: *", "Disallow: /"])
    return rp


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class RobotsCache:
    """can_fetch(url) with each origin's robots.txt fetched once per `ttl` seconds."""

    def __init__(self, fetch: RobotsFetch, agent: str, ttl: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._fetch = fetch
        self._agent = agent
        self._ttl = ttl
        self._clock = clock
        self._cache: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}
        self._locks: dict[str, asyncio.Lock] = {}  # one fetch per origin when several pages wait for it

    async def allowed(self, url: str) -> bool:
        key = origin(url)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            hit = await self._lookup(key)
        if not lock.locked() and len(self._locks) > 10_000:
            self._locks.clear()
        return hit[1].can_fetch(self._agent, url)

    async def _lookup(self, key: str) -> tuple[float, urllib.robotparser.RobotFileParser]:
        now = self._clock()
        hit = self._cache.get(key)
        if hit is None or hit[0] < now:
            try:
                status, body = await self._fetch(key + "/robots.txt")
                rp, ttl = parse_robots(status, body), self._ttl
            except Exception:  # unreachable: disallow, and ask again sooner
                rp, ttl = parse_robots(503, b""), min(self._ttl, UNREACHABLE_TTL)
            self._cache[key] = hit = (now + ttl, rp)
            if len(self._cache) > 10_000:  # bounded: the oldest entries go
                for old in sorted(self._cache, key=lambda k: self._cache[k][0])[:1000]:
                    del self._cache[old]
        return hit
