"""Article URLs are untrusted: only absolute http(s) URLs go on to pages, webhooks and Slack messages.

A `javascript:` or `data:` URL in a NewsItem ran in the live page when its link was clicked (stored XSS). The
check is made at the input (NewsItem), where a refused URL is dropped and the reason kept, and again wherever
a URL leaves the service, since topics may hold messages written before the check or by other producers.
"""

from __future__ import annotations

from urllib.parse import urlsplit

SCHEMES = ("http", "https")


def url_problem(url: str) -> str | None:
    """Why `url` may not be linked to, or None when it is an absolute http(s) URL with a host."""
    if any(ord(c) <= 0x20 or 0x7F <= ord(c) <= 0x9F for c in url):
        # browsers drop tabs and newlines inside a scheme ("java\tscript:") and strip leading spaces
        return "whitespace or control characters in the URL"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as exc:
        return f"not a URL: {exc}"
    if parts.scheme.lower() not in SCHEMES:
        return f"scheme {parts.scheme or '(none)'!r} is not http or https"
    if not parts.hostname:
        return "no host"
    return None


def safe_url(url: str | None) -> str | None:
    """`url` when it may be linked to, else None."""
    return url if url is not None and url_problem(url) is None else None
