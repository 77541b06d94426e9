"""The worker's web pages for people: `/` (the live monitoring page) and `/feed/{alerts,events,articles}`.

With DIPLOWATCH_FEED_TOKEN set, each needs the token, as `Authorization: Bearer <token>` or `?token=<token>`
(browsers' EventSource cannot send headers, so the page passes it in the query).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import re
from pathlib import Path
from typing import Any

import faust
from aiohttp import web as aioweb

from services import metrics
from services.feed.filters import FeedFilter, FilterError
from services.feed.hub import Closed, Hub
from services.feed.sse import MAX_BACKLOG, PositionError, parse_position, start_positions, stream
from services.settings import Settings

PAGE = Path(__file__).with_name("static") / "index.html"


@functools.cache
def _page() -> tuple[bytes, dict[str, str]]:
    """The page and its headers. The Content-Security-Policy lets only the page's own inline script and style
    run (by hash) and the page talk only to this worker: an injected script or a `javascript:` link does not
    run. No Referer: the page's address holds the feed token."""
    body = PAGE.read_bytes()

    def hashes(tag: str) -> str:
        found = re.findall(rf"<{tag}>(.*?)</{tag}>".encode(), body, re.S)
        return " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(b).digest()).decode()}'" for b in found)

    csp = (f"default-src 'none'; script-src {hashes('script')}; style-src {hashes('style')}; "
           "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    return body, {"Content-Security-Policy": csp, "Referrer-Policy": "no-referrer",
                  "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Cache-Control": "no-store"}


def _unauthorised() -> aioweb.Response:
    return aioweb.Response(status=401, text="401: a bearer token is required (Authorization header or ?token=)\n",
                           headers={"WWW-Authenticate": 'Bearer realm="diplowatch"'})


# Faust's built-in views: /table/* reads the alert state tables and /router/* names the other workers, all
# without the feed token; graph, stats and performance describe the app. diplowatch uses none of them.
FAUST_VIEWS = frozenset({"table", "router", "graph", "stats", "performance"})


@aioweb.middleware
async def hide_faust_views(request: aioweb.Request, handler: Any) -> Any:
    if request.path.split("/")[1] in FAUST_VIEWS:
        raise aioweb.HTTPNotFound()
    return await handler(request)


class Feeds:
    """The page and the three feeds of one worker; their Kafka readers are made on the first feed request
    (nothing connects before)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.topics = {"alerts": settings.topics.alerts, "events": settings.topics.events,
                       "articles": settings.topics.enriched}
        self._token = settings.feed_token.get_secret_value().encode()
        self._hub: Hub | None = None

    def hub(self) -> Hub:
        if self._hub is None:
            s = self.settings
            self._hub = Hub(s.bootstrap, self.topics, s.feed_max_clients, s.feed_client_buffer_bytes)
        return self._hub

    async def close_streams(self, _web_app: Any = None) -> None:
        """On the web server's shutdown: end open streams so the worker stops at once (it waited ~28 s)."""
        if self._hub is not None:
            await self._hub.close()

    def install(self, web_app: aioweb.Application) -> None:
        """Before the web server starts: Faust's views answer 404; open feed streams end when it stops."""
        web_app.middlewares.append(hide_faust_views)
        web_app.on_shutdown.append(self.close_streams)

    def authorised(self, request: Any) -> bool:
        if not self._token:
            return True
        header = request.headers.get("Authorization", "")
        given = header[7:] if header.startswith("Bearer ") else request.query.get("token", "")
        return hmac.compare_digest(given.encode(), self._token)

    async def page(self, request: Any) -> Any:
        if not self.authorised(request):
            return _unauthorised()
        body, headers = _page()
        return aioweb.Response(body=body, content_type="text/html", charset="utf-8", headers=headers)

    def _busy(self, name: str) -> aioweb.Response:
        metrics.FEED_REFUSED.labels(feed=name).inc()
        return aioweb.Response(status=503, text=f"503: this worker serves {self.settings.feed_max_clients} feed "
                               "clients already (DIPLOWATCH_FEED_MAX_CLIENTS); try again later or another "
                               "worker\n", headers={"Retry-After": "10"})

    async def feed(self, name: str, request: Any) -> Any:
        if not self.authorised(request):
            return _unauthorised()
        try:
            filt = FeedFilter.from_query(name, request.query)
            last = request.headers.get("Last-Event-ID") or request.query.get("last_event_id")
            resume = parse_position(last) if last else None
            backlog = int(request.query.get("backlog", "0"))
            if not 0 <= backlog <= MAX_BACKLOG:
                raise ValueError(f"backlog must be 0..{MAX_BACKLOG}")
        except (FilterError, PositionError, ValueError) as exc:
            return aioweb.Response(status=400, text=f"400: {exc}\n")
        hub = self.hub()
        transport = request.transport
        sub = hub.admit(name, filt, lambda: transport.abort() if transport is not None else None,
                        lambda: transport is None or transport.is_closing())
        if sub is None:
            return self._busy(name)
        reader = hub.readers[name]
        try:
            live = await reader.subscribe(sub)
            try:
                start = await start_positions(reader, sub, live, resume, backlog)
            except PositionError as exc:
                return aioweb.Response(status=400, text=f"400: {exc}\n")
            resp = aioweb.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache",
                                                  "X-Accel-Buffering": "no"})
            await resp.prepare(request)
            gauge = metrics.FEED_CLIENTS.labels(feed=name)
            gauge.inc()
            try:
                async for frame in stream(hub, sub, start, live):
                    await resp.write(frame)
            except (Closed, ConnectionResetError, ConnectionError):
                pass  # dropped, shut down, or the client went away
            finally:
                gauge.dec()
            return resp
        finally:
            sub.close()
            await hub.leave(sub)


def register(app: faust.App, settings: Settings) -> Feeds:
    feeds = Feeds(settings)

    @app.page("/")
    async def monitoring_page(web: Any, request: Any) -> Any:
        return await feeds.page(request)

    @app.page("/feed/alerts")
    async def feed_alerts(web: Any, request: Any) -> Any:
        return await feeds.feed("alerts", request)

    @app.page("/feed/events")
    async def feed_events(web: Any, request: Any) -> Any:
        return await feeds.feed("events", request)

    @app.page("/feed/articles")
    async def feed_articles(web: Any, request: Any) -> Any:
        return await feeds.feed("articles", request)

    return feeds
