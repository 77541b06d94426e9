"""From a feed entry (and its page, when fetched) to the NewsItem: which body, which date, and why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from services.ingest.extract import Page
from services.ingest.feedfile import FeedConfig
from services.ingest.feeds import Entry
from services.models import NewsItem


def feed_text(entry: Entry) -> str:
    """The longer of the entry's content and summary."""
    return entry.content if len(entry.content) >= len(entry.summary) else entry.summary


def needs_page(entry: Entry, full_text_min_chars: int) -> bool:
    """A feed text shorter than this is a summary: the article is on its page."""
    return len(feed_text(entry)) < full_text_min_chars


@dataclass(frozen=True)
class Built:
    item: NewsItem | None
    skipped: str | None = None  # the reason when item is None


def build_item(feed: FeedConfig, entry: Entry, article_id: str, url: str, page: Page | None,
               page_error: str | None, fetched_at: datetime, languages: frozenset[str]) -> Built:
    """The NewsItem, or why none: the body is the feed's full text, else the page's, else the summary (with
    `extraction_error`); the date the feed's, else the page's, else the fetch time (`published_from`)."""
    text = feed_text(entry)
    body_from: Literal["feed", "page", "summary"]
    published_from: Literal["feed", "page", "fetched"]
    if page is not None and page.text and len(page.text) > len(text):
        body, body_from, error = page.text, "page", None
    elif page is None and page_error is None:
        body, body_from, error = text, "feed", None
    else:
        body, body_from, error = text, "summary", page_error or "extract_failed: no main text on the page"
    language = (page.language if page is not None and page.language else feed.language).lower()
    if languages and language.split("-")[0].split("_")[0] not in languages:
        return Built(None, "language")
    if not body.strip():
        return Built(None, "empty")
    if entry.published is not None:
        published, published_from = entry.published, "feed"
    elif page is not None and page.published is not None:
        published, published_from = page.published, "page"
    else:
        published, published_from = fetched_at, "fetched"
    title = entry.title or (page.title if page is not None else None)
    return Built(NewsItem(id=article_id, url=url, title=title[:2000] if title else None, body=body,
                          source=feed.source_label, language=language, published_at=published,
                          body_from=body_from, extraction_error=error[:500] if error else None,
                          published_from=published_from, fetched_at=fetched_at))
