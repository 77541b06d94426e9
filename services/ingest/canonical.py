"""The canonical form of an article URL and the article id derived from it.

Two links to one page (host case, utm_*/fbclid tracking parameters, a #fragment, parameter order) must give
one id, so the same article is produced once whatever feed or campaign linked it.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

import courlan

from services.errors import DiplowatchError
from services.urls import url_problem


class NotAnArticleURL(DiplowatchError, ValueError):
    """The link cannot identify an article (not absolute http(s), no host)."""


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, default port dropped, tracking parameters dropped (courlan), sorted query,
    no fragment. Raises NotAnArticleURL for what is not an absolute http(s) URL."""
    url = url.strip()
    if (problem := url_problem(url)) is not None:
        raise NotAnArticleURL(problem)
    try:
        normal = courlan.normalize_url(url, strict=False)
    except ValueError as exc:
        raise NotAnArticleURL(str(exc)) from None
    parts = urlsplit(normal)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def article_id(canonical: str) -> str:
    """A stable id: the first 128 bits of the canonical URL's SHA-256, hex."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]
