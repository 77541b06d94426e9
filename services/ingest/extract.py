"""Text out of HTML: an article page's main text and metadata (trafilatura), or a feed item's HTML content."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

import lxml.html
import trafilatura
from lxml import etree

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}
_SPACES = re.compile(r"[ \t\r\f\v]+")
_LANG = re.compile(rb"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """Paragraphs of an HTML fragment as lines of plain text (a feed's description or content:encoded)."""
    if "<" not in html:
        return _tidy(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(re.sub(r"<[^>]*>", " ", html))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    parts: list[str] = []
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            parts.append("\n")
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        if el.tail:
            parts.append(el.tail)
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class Page:
    """What trafilatura found on a page; `text` is empty when it found no main text."""

    text: str
    title: str | None
    published: datetime | None
    language: str | None


def extract_page(html: bytes, url: str) -> Page:
    """Main text, title, date and language of an article page. The language is the page's `<html lang>`
    (trafilatura only detects one with the optional py3langid)."""
    m = _LANG.search(html[:4096])
    language = m.group(1).decode("ascii").lower() if m else None
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    if doc is None:
        return Page("", None, None, language)
    title = getattr(doc, "title", None) or None
    text = _tidy(getattr(doc, "text", None) or "")
    if title and text.startswith(title):  # the page's <h1> repeats the title as the first line
        text = text[len(title):].lstrip("\n")
    published = None
    if date := getattr(doc, "date", None):
        try:
            published = datetime.fromisoformat(str(date)).replace(tzinfo=UTC)
        except ValueError:
            published = None
    return Page(text, title, published, language or (getattr(doc, "language", None) or None))
