"""A feed document (RSS 0.9x/1.0/2.0, Atom through feedparser; JSON Feed by hand) to its entries."""

from __future__ import annotations

import calendar
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser
import orjson

from services.errors import DiplowatchError
from services.ingest.extract import html_to_text


class FeedError(DiplowatchError):
    """The document is not a usable feed; `reason` is a short metric label."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Entry:
    """One feed item, as plain text; `link` None when the item has none."""

    link: str | None
    title: str | None
    summary: str
    content: str
    published: datetime | None


def _when(parsed: time.struct_time | None) -> datetime | None:
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _iso(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _json_feed(doc: dict[str, Any]) -> list[Entry]:
    items = doc.get("items")
    if not isinstance(items, list):
        raise FeedError("malformed", "JSON Feed without an items list")
    out = []
    for it in items:
        if not isinstance(it, dict):
            continue
        link = it.get("url") or it.get("external_url")
        content = html_to_text(str(it["content_html"])) if it.get("content_html") else str(it.get("content_text") or "")
        out.append(Entry(link=str(link) if link else None, title=str(it["title"]) if it.get("title") else None,
                         summary=html_to_text(str(it.get("summary") or "")), content=content,
                         published=_iso(it.get("date_published")) or _iso(it.get("date_modified"))))
    return out


def parse_feed(data: bytes, content_type: str = "") -> list[Entry]:
    """The entries of a feed, or FeedError("malformed" | "not_a_feed") saying why there are none."""
    head = data[:2048].lstrip()
    if head.startswith(b"{"):
        try:
            doc = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            raise FeedError("malformed", f"invalid JSON: {exc}") from None
        if isinstance(doc, dict) and str(doc.get("version", "")).startswith("https://jsonfeed.org/version/"):
            return _json_feed(doc)
        raise FeedError("not_a_feed", "JSON that is not a JSON Feed")
    result = feedparser.parse(data, response_headers={"content-type": content_type or "application/xml"},
                              sanitize_html=False, resolve_relative_uris=False)
    entries = result.get("entries", [])
    if not result.get("version") and not entries:
        if b"<html" in head.lower() or b"<!doctype html" in head.lower():
            raise FeedError("not_a_feed", "an HTML page, not a feed")
        raise FeedError("malformed", str(result.get("bozo_exception") or "no feed elements")[:200])
    if result.get("bozo") and not entries:
        raise FeedError("malformed", str(result.get("bozo_exception"))[:200])
    out = []
    for e in entries:
        contents = e.get("content") or []
        content = max((html_to_text(str(c.get("value", ""))) for c in contents), key=len, default="")
        link = e.get("link") or None
        out.append(Entry(link=str(link) if link else None, title=str(e["title"]) if e.get("title") else None,
                         summary=html_to_text(str(e.get("summary") or "")), content=content,
                         published=_when(e.get("published_parsed")) or _when(e.get("updated_parsed"))))
    return out
