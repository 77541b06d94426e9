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

from aiohttp import web as aioweb

from services import metrics
from services.feed.filters import FeedFilter, FilterError
from services.feed.hub import Closed, Hub
from services.feed.sse import MAX_BACKLOG, PositionError, parse_position, start_positions, stream
from services.stream import app, settings

PAGE = Path(__file__).with_name("static") / "index.html"
TOPICS = {"alerts": settings.topics.alerts, "events": settings.topics.events, "articles": settings.topics.enriched}


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


def _authorised(request: Any) -> bool:
    if not settings.feed_token:
        return True
    header = request.headers.get("Authorization", "")
    given = header[7:] if header.startswith("Bearer ") else request.query.get("token", "")
    return hmac.compare_digest(given.encode(), settings.feed_token.encode())


def _unauthorised() -> aioweb.Response:
    return aioweb.Response(status=401, text="401: a bearer token is required (Authorization header or ?token=)\n",
                           headers={"WWW-Authenticate": 'Bearer realm="diplowatch"'})


@app.page("/")
async def monitoring_page(web: Any, request: Any) -> Any:
    if not _authorised(request):
        return _unauthorised()
    body, headers = _page()
    return aioweb.Response(body=body, content_type="text/html", charset="utf-8", headers=headers)


def _hub() -> Hub:
    """The worker's feed readers, made on the first feed request (nothing connects at import)."""
    global _the_hub
    if _the_hub is None:
        _the_hub = Hub(settings.bootstrap, TOPICS, settings.feed_max_clients, settings.feed_client_buffer_bytes)
    return _the_hub


_the_hub: Hub | None = None


async def close_streams(_web_app: Any = None) -> None:
    """On the web server's shutdown: end open streams so the worker stops at once (it waited ~28 s)."""
    if _the_hub is not None:
        await _the_hub.close()


# Faust's built-in views: /table/* reads the alert state tables and /router/* names the other workers, all
# without the feed token; graph, stats and performance describe the app. diplowatch uses none of them.
FAUST_VIEWS = frozenset({"table", "router", "graph", "stats", "performance"})


@aioweb.middleware
async def hide_faust_views(request: aioweb.Request, handler: Any) -> Any:
    if request.path.split("/")[1] in FAUST_VIEWS:
        raise aioweb.HTTPNotFound()
    return await handler(request)


def install(web_app: aioweb.Application) -> None:
    """Before the web server starts: Faust's views answer 404; open feed streams end when it stops."""
    web_app.middlewares.append(hide_faust_views)
    web_app.on_shutdown.append(close_streams)


def _busy(name: str) -> aioweb.Response:
    metrics.FEED_REFUSED.labels(feed=name).inc()
    return aioweb.Response(status=503, text=f"503: this worker serves {settings.feed_max_clients} feed clients "
                           "already (DIPLOWATCH_FEED_MAX_CLIENTS); try again later or another worker\n",
                           headers={"Retry-After": "10"})


async def _feed(name: str, request: Any) -> Any:
    if not _authorised(request):
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
    hub = _hub()
    transport = request.transport
    sub = hub.admit(name, filt, lambda: transport.abort() if transport is not None else None)
    if sub is None:
        return _busy(name)
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


@app.page("/feed/alerts")
async def feed_alerts(web: Any, request: Any) -> Any:
    return await _feed("alerts", request)


@app.page("/feed/events")
async def feed_events(web: Any, request: Any) -> Any:
    return await _feed("events", request)


@app.page("/feed/articles")
async def feed_articles(web: Any, request: Any) -> Any:
    return await _feed("articles", request)
