"""HTTP GETs for feeds, pages and robots.txt, each bounded: time, size, redirects, one request at a time per
host with a least delay between two, and only to addresses the outbound guard allows (the webhooks' guard)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from services.errors import DiplowatchError
from services.ingest.metrics import FETCH_SECONDS
from services.notifier.outbound import IPNetwork, Refused, check_url, guarded_client


class FetchError(DiplowatchError):
    """A request that gave no usable answer; `reason` is a short metric label (timeout, too_large, ...)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    url: str
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""


@dataclass
class _Host:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    last: float = float("-inf")


class HostGate:
    """Per host: one request at a time, and at least `delay` seconds between the end of one and the next."""

    def __init__(self, delay: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.delay = delay
        self._clock = clock
        self._hosts: dict[str, _Host] = {}

    def host(self, netloc: str) -> _Host:
        h = self._hosts.get(netloc)
        if h is None:
            if len(self._hosts) > 10_000:  # bounded: idle hosts are forgotten
                for k in [k for k, v in self._hosts.items() if not v.lock.locked()][:1000]:
                    del self._hosts[k]
            h = self._hosts[netloc] = _Host()
        return h


class Fetcher:
    """One guarded httpx client shared by every feed of the process."""

    def __init__(self, *, allow: list[IPNetwork], user_agent: str, timeout: float, max_bytes: int,
                 max_redirects: int, host_delay: float, client: httpx.AsyncClient | None = None) -> None:
        self._client = client or guarded_client(allow)
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.gate = HostGate(host_delay)

    async def close(self) -> None:
        await self._client.aclose()

    async def get(self, url: str, kind: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET following up to max_redirects redirects; 304 and every other status are returned, not raised."""
        seen: set[str] = set()
        current = url
        for _hop in range(self.max_redirects + 1):
            try:
                parsed = check_url(current)
            except Refused as exc:
                raise FetchError("invalid_url", str(exc)) from None
            if str(parsed) in seen:
                raise FetchError("redirect_loop", f"{url} redirects back to {current}")
            seen.add(str(parsed))
            headers = {"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"}
            if kind == "feed":
                headers["Accept"] = ("application/rss+xml, application/atom+xml, application/feed+json, "
                                     "application/xml;q=0.9, */*;q=0.5")
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            resp = await self._one(parsed, headers, kind)
            if resp.status in (301, 302, 303, 307, 308) and resp.url:
                current = resp.url
                continue
            return resp
        raise FetchError("redirect_loop", f"more than {self.max_redirects} redirects from {url}")

    async def _one(self, url: httpx.URL, headers: dict[str, str], kind: str) -> Response:
        host = self.gate.host(url.netloc.decode("ascii", errors="replace").lower())
        async with host.lock:
            wait = host.last + self.gate.delay - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            started = time.monotonic()
            try:
                async with asyncio.timeout(self.timeout):
                    return await self._request(url, headers)
            except TimeoutError:
                raise FetchError("timeout", f"no complete answer from {url.host} in {self.timeout:g}s") from None
            except httpx.TimeoutException:
                raise FetchError("timeout", f"{url.host}: timed out") from None
            except Refused as exc:
                raise FetchError("refused", str(exc)) from None
            except (httpx.HTTPError, ConnectionError, OSError) as exc:
                raise FetchError("connection_error", f"{url.host}: {type(exc).__name__}: {exc}"[:300]) from None
            finally:
                host.last = time.monotonic()
                FETCH_SECONDS.labels(kind=kind).observe(host.last - started)

    async def _request(self, url: httpx.URL, headers: dict[str, str]) -> Response:
        async with self._client.stream("GET", url, headers=headers, timeout=self.timeout,
                                       follow_redirects=False) as r:
            if r.status_code in (301, 302, 303, 307, 308):
                location = r.headers.get("location")
                if not location:
                    raise FetchError("http_error", f"{r.status_code} without a Location")
                return Response(r.status_code, b"", str(url.join(location)))
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError("too_large", f"{url.host}: Content-Length {declared} > {self.max_bytes}")
            body = bytearray()
            async for chunk in r.aiter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchError("too_large", f"{url.host}: body over {self.max_bytes} bytes")
            return Response(r.status_code, bytes(body), str(url), etag=r.headers.get("etag"),
                            last_modified=r.headers.get("last-modified"),
                            content_type=r.headers.get("content-type", ""))
