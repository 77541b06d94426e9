"""Local news sites for the tests and the README's example: feeds and article pages built at run time from
the shared VOA corpus (public domain; nothing is copied into the repository), plus every kind of bad input.

    python -m services.ingest.fixture_server --port 8700 --feeds-out /tmp/fixture-feeds.yaml

Four sites on consecutive ports: `news` (RSS 2.0 with ETag and Last-Modified, full-text and summary-only
items, article pages with share bars, ads, related links and comments, a robots.txt forbidding /private/),
`wire` (Atom and JSON Feed repeating news stories: one under a utm_ link, one AMP copy, one with an edited
first paragraph, one story of its own), `broken` (malformed XML, an HTML page as feed, HTTP 500, a redirect
loop, items without a link or with a 10 MB, a French or a missing page) and `slow` (answers after
`slow_seconds`).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import threading
import time
from collections import Counter
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from services.settings import REPO_ROOT

SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[A-Z\"“‘'])")
BIG_PAGE_BYTES = 10 * 1024 * 1024
NEAR_EDIT = "This version of the story was edited by the wire desk and carries a rewritten first paragraph."


def corpus_path() -> Path:
    return Path(os.environ.get("DIPLOWATCH_SHARED", REPO_ROOT.parent / "shared")) / "corpus" / "voa_stories.jsonl"


def load_stories(path: Path | None = None, limit: int = 8) -> list[dict[str, Any]]:
    stories = []
    with open(path or corpus_path(), encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                stories.append(json.loads(line))
            if len(stories) >= limit:
                break
    return stories


def paragraphs(text: str, per: int = 3) -> list[str]:
    """The corpus keeps a story on one line: sentences grouped by three make the page's paragraphs."""
    sentences = [s for s in SENTENCE.split(text.strip()) if s]
    return [" ".join(sentences[i:i + per]) for i in range(0, len(sentences), per)]


def edited(text: str) -> str:
    """The story with its first paragraph rewritten: a near duplicate."""
    paras = paragraphs(text)
    return "\n".join([NEAR_EDIT, *paras[1:]])


def summary(text: str, sentences: int = 2) -> str:
    return " ".join(SENTENCE.split(text.strip())[:sentences])


def rfc822(published: str) -> str:
    when = time.mktime(time.strptime(published[:19], "%Y-%m-%d %H:%M:%S")) - time.timezone
    return formatdate(when, usegmt=True)


def iso(published: str) -> str:
    return published[:10] + "T" + published[11:19] + "Z"


CLUTTER = ('<div class="share">Share on X | Facebook | Email</div>', '<div class="ad">Advertisement</div>',
           '<ul class="related"><li><a href="/x">Related: markets fall</a></li><li><a href="/y">Related: '
           "weather</a></li></ul>")


def page_html(story: dict[str, Any], lang: str = "en", body: str | None = None, dated: bool = True,
              cluttered: bool = False) -> bytes:
    """The story as an article page; `cluttered`: share bars, ads and related links between the paragraphs
    and a comment section, as news sites have (bench/ingest_quality.py)."""
    parts = [f"<p>{html.escape(p)}</p>" for p in paragraphs(body if body is not None else story["text"])]
    if cluttered:
        parts = [p + CLUTTER[i % len(CLUTTER)] if i % 2 else p for i, p in enumerate(parts)]
        parts.append('<section class="comments"><h3>Comments</h3><p>Great article, thanks for sharing this with '
                     "us all.</p><p>I disagree with the premise of this piece entirely.</p></section>")
    paras = "".join(parts)
    meta = (f'<meta property="article:published_time" content="{iso(story["published"])}">'
            if dated and story.get("published") else "")
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(story["title"])}'
            f"</title>{meta}</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
            f"<article><h1>{html.escape(story['title'])}</h1>{paras}</article>"
            f"<aside>Most read: other stories</aside><footer>Fixture site</footer></body></html>").encode()


def rss(title: str, base: str, items: list[dict[str, Any]]) -> bytes:
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
           f"<title>{html.escape(title)}</title><link>{base}/</link><description>fixture</description>"]
    for it in items:
        out.append("<item>")
        if it.get("title"):
            out.append(f"<title>{html.escape(it['title'])}</title>")
        if it.get("link"):
            out.append(f"<link>{html.escape(it['link'])}</link><guid>{html.escape(it['link'])}</guid>")
        if it.get("pubDate"):
            out.append(f"<pubDate>{it['pubDate']}</pubDate>")
        out.append(f"<description>{html.escape(it.get('summary', ''))}</description>")
        if it.get("content"):
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in it["content"].split("\n"))
            out.append(f"<content:encoded><![CDATA[{paras}]]></content:encoded>")
        out.append("</item>")
    out.append("</channel></rss>")
    return "\n".join(out).encode()


def atom(title: str, base: str, items: list[dict[str, Any]]) -> bytes:
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"<title>{html.escape(title)}</title><id>{base}/</id><updated>2025-03-15T00:00:00Z</updated>"]
    for it in items:
        out.append(f"<entry><title>{html.escape(it['title'])}</title><id>{html.escape(it['link'])}</id>"
                   f'<link href="{html.escape(it["link"])}"/><updated>{it["updated"]}</updated>'
                   f"<summary>{html.escape(it['summary'])}</summary>")
        if it.get("content"):
            paras = "".join(f"<p>{html.escape(p)}</p>" for p in it["content"].split("\n"))
            out.append(f'<content type="html">{html.escape(paras)}</content>')
        out.append("</entry>")
    out.append("</feed>")
    return "\n".join(out).encode()


class Fixture:
    """The four sites, started on `port`..`port`+3 (0: any free ports)."""

    SITES = ("news", "wire", "broken", "slow")

    def __init__(self, stories: list[dict[str, Any]], host: str = "127.0.0.1", port: int = 0,
                 slow_seconds: float = 5.0) -> None:
        if len(stories) < 8:
            raise ValueError("the fixture needs 8 stories")
        self.stories = stories
        self.extra: list[dict[str, Any]] = []  # stories added while running (markers), full text in news RSS
        self.host = host
        self.port = port
        self.slow_seconds = slow_seconds
        self.requests: Counter[tuple[str, str, int]] = Counter()  # (site, path, status)
        self.starts: dict[str, list[float]] = {s: [] for s in self.SITES}  # when each request arrived
        self.inflight: Counter[str] = Counter()
        self.max_inflight: Counter[str] = Counter()  # the most requests one site served at once
        self._lock = threading.Lock()
        self._servers: dict[str, ThreadingHTTPServer] = {}
        self.base: dict[str, str] = {}
        self._version = 1

    # --- what the sites serve -------------------------------------------------------------------------------
    def story_url(self, story: dict[str, Any], prefix: str = "a") -> str:
        return f"{self.base['news']}/{prefix}/{story['id']}.html"

    def add_story(self, story: dict[str, Any]) -> None:
        """A new story in the news feed (full text); the feed's ETag changes."""
        with self._lock:
            self.extra.append(story)
            self._version += 1

    def news_feed(self) -> bytes:
        s = self.stories
        items = []
        for st in [*s[0:4], *self.extra]:
            items.append({"title": st["title"], "link": self.story_url(st), "pubDate": rfc822(st["published"]),
                          "summary": summary(st["text"], 1), "content": "\n".join(paragraphs(st["text"]))})
        items.append({"title": s[4]["title"], "link": self.story_url(s[4]), "summary": summary(s[4]["text"])})
        items.append({"title": s[5]["title"], "link": self.story_url(s[5]), "summary": summary(s[5]["text"])})
        items.append({"title": s[6]["title"], "link": self.story_url(s[6], "private"),
                      "pubDate": rfc822(s[6]["published"]), "summary": summary(s[6]["text"])})
        return rss("Fixture News", self.base["news"], items)

    def wire_entries(self) -> list[dict[str, Any]]:
        s = self.stories
        return [
            {"title": s[0]["title"], "link": self.story_url(s[0]) + "?utm_source=wire&utm_medium=rss#top",
             "updated": iso(s[0]["published"]), "summary": summary(s[0]["text"], 1),
             "content": "\n".join(paragraphs(s[0]["text"]))},
            {"title": s[1]["title"], "link": self.story_url(s[1], "amp"), "updated": iso(s[1]["published"]),
             "summary": summary(s[1]["text"])},
            {"title": s[2]["title"], "link": f"{self.base['wire']}/wire/{s[2]['id']}-edited.html",
             "updated": iso(s[2]["published"]), "summary": NEAR_EDIT, "content": edited(s[2]["text"])},
            {"title": s[7]["title"], "link": f"{self.base['wire']}/wire/{s[7]['id']}.html",
             "updated": iso(s[7]["published"]), "summary": summary(s[7]["text"], 1),
             "content": "\n".join(paragraphs(s[7]["text"]))},
        ]

    def json_feed(self) -> bytes:
        s = self.stories
        items = [{"id": self.story_url(s[3]), "url": self.story_url(s[3]), "title": s[3]["title"],
                  "content_text": s[3]["text"], "date_published": iso(s[3]["published"])},
                 {"id": "7", "url": f"{self.base['wire']}/wire/{s[7]['id']}.html", "title": s[7]["title"],
                  "content_text": s[7]["text"], "date_published": iso(s[7]["published"])}]
        return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Fixture Wire JSON",
                           "items": items}).encode()

    def odd_feed(self) -> bytes:
        b = self.base["broken"]
        return rss("Fixture Odd", b, [
            {"title": "An item without a link", "summary": "Fixture item that has no link at all."},
            {"title": "A page too large", "link": f"{b}/big.html",
             "summary": "Fixture item whose page is ten megabytes long, more than the ingest reads."},
            {"title": "Une page en français", "link": f"{b}/fr.html",
             "summary": "Fixture item whose page is written in French."},
            {"title": "A missing page", "link": f"{b}/missing.html",
             "summary": "Fixture item whose page answers 404 Not Found."},
        ])

    def feeds(self, interval: float = 300) -> list[dict[str, Any]]:
        """The feeds file entries for these sites."""
        n, w, b, s = (self.base[x] for x in self.SITES)
        def feed(name: str, url: str, **kw: Any) -> dict[str, Any]:
            return {"name": name, "url": url, "language": "en", "interval_seconds": interval, **kw}
        return [feed("news-rss", f"{n}/rss.xml", publisher="Fixture News", source="Fixture News"),
                feed("wire-atom", f"{w}/atom.xml", publisher="Fixture Wire"),
                feed("wire-json", f"{w}/feed.json", publisher="Fixture Wire"),
                feed("odd", f"{b}/odd.xml"), feed("malformed", f"{b}/malformed.xml"),
                feed("html", f"{b}/page.html"), feed("error", f"{b}/error.xml"), feed("loop", f"{b}/loop.xml"),
                feed("slow", f"{s}/rss.xml")]

    # --- serving --------------------------------------------------------------------------------------------
    def begin(self, site: str) -> None:
        with self._lock:
            self.starts[site].append(time.monotonic())
            self.inflight[site] += 1
            self.max_inflight[site] = max(self.max_inflight[site], self.inflight[site])

    def end(self, site: str) -> None:
        with self._lock:
            self.inflight[site] -= 1

    def count(self, site: str, path: str, status: int) -> None:
        with self._lock:
            self.requests[(site, path, status)] += 1

    def hits(self, site: str, path: str, status: int | None = None) -> int:
        with self._lock:
            return sum(v for (si, p, st), v in self.requests.items()
                       if si == site and p == path and (status is None or st == status))

    def start(self) -> Fixture:
        for i, site in enumerate(self.SITES):
            server = ThreadingHTTPServer((self.host, self.port + i if self.port else 0), _handler(self, site))
            server.daemon_threads = True
            self._servers[site] = server
            self.base[site] = f"http://{self.host}:{server.server_address[1]}"
            threading.Thread(target=server.serve_forever, name=f"fixture-{site}", daemon=True).start()
        return self

    def stop(self) -> None:
        for server in self._servers.values():
            server.shutdown()
            server.server_close()

    def answer(self, site: str, path: str, headers: Any) -> tuple[int, dict[str, str], bytes | None]:
        """(status, headers, body) for a GET; body None means stream the 10 MB page."""
        s = {st["id"]: st for st in [*self.stories, *self.extra]}
        m = re.fullmatch(r"/(a|amp|private)/([^/]+)\.html", path)
        if site == "news":
            if path == "/robots.txt":
                return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"
            if path == "/rss.xml":
                with self._lock:
                    etag = f'"news-v{self._version}"'
                if headers.get("If-None-Match") == etag:
                    return 304, {"ETag": etag}, b""
                return 200, {"Content-Type": "application/rss+xml", "ETag": etag,
                             "Last-Modified": "Sat, 15 Mar 2025 00:00:00 GMT"}, self.news_feed()
            if m and m.group(2) in s:
                story = s[m.group(2)]
                return 200, {"Content-Type": "text/html; charset=utf-8"}, page_html(  # AMP copies are plain
                    story, dated=story is not self.stories[5], cluttered=m.group(1) != "amp")
        if site == "wire":
            if path == "/atom.xml":
                return 200, {"Content-Type": "application/atom+xml"}, atom("Fixture Wire", self.base["wire"],
                                                                          self.wire_entries())
            if path == "/feed.json":
                return 200, {"Content-Type": "application/feed+json"}, self.json_feed()
            if path == "/robots.txt":
                return 404, {}, b"no robots here"
        if site == "broken":
            routes: dict[str, tuple[int, dict[str, str], bytes | None]] = {
                "/odd.xml": (200, {"Content-Type": "application/rss+xml"}, self.odd_feed()),
                "/malformed.xml": (200, {"Content-Type": "application/rss+xml"},
                                   b'<?xml version="1.0"?>\n<rss version="2.0"><channel><<title>broken&&</rss'),
                "/page.html": (200, {"Content-Type": "text/html"},
                               b"<!doctype html><html><head><title>Not a feed</title></head><body>Hi</body></html>"),
                "/error.xml": (500, {"Content-Type": "text/plain"}, b"internal error"),
                "/loop.xml": (302, {"Location": "/loop2.xml"}, b""),
                "/loop2.xml": (302, {"Location": "/loop.xml"}, b""),
                "/big.html": (200, {"Content-Type": "text/html"}, None),
                "/fr.html": (200, {"Content-Type": "text/html; charset=utf-8"}, page_html(
                    {"title": "Une page en français", "published": "2025-03-14 00:00:00Z",
                     "text": "Ceci est une page de test. Elle est écrite en français. Le service doit la laisser."},
                    lang="fr")),
                "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"),
            }
            if path in routes:
                return routes[path]
        if site == "slow" and path in ("/rss.xml", "/robots.txt"):
            time.sleep(self.slow_seconds)
            return 200, {"Content-Type": "application/rss+xml"}, rss("Fixture Slow", self.base["slow"], [])
        return 404, {"Content-Type": "text/plain"}, b"not found"


def _handler(fixture: Fixture, site: str) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fixture.begin(site)
            try:
                self._get()
            finally:
                fixture.end(site)

        def _get(self) -> None:
            path = self.path.split("?")[0].split("#")[0]
            status, headers, body = fixture.answer(site, path, self.headers)
            fixture.count(site, path, status)
            try:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if body is not None:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body is None:  # no Content-Length: the reader has to stop by itself
                    chunk = b"<p>" + b"x" * 65_530 + b"</p>"
                    for _ in range(BIG_PAGE_BYTES // len(chunk) + 1):
                        self.wfile.write(chunk)
                elif status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m services.ingest.fixture_server", description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, default=8700, help="first of four ports")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--interval", type=float, default=60, help="interval_seconds written to the feeds file")
    ap.add_argument("--slow-seconds", type=float, default=30)
    ap.add_argument("--feeds-out", default="", help="write a feeds YAML file for these sites here")
    args = ap.parse_args(argv)
    import yaml

    fixture = Fixture(load_stories(), args.host, args.port, args.slow_seconds).start()
    if args.feeds_out:
        Path(args.feeds_out).write_text(yaml.safe_dump({"feeds": fixture.feeds(args.interval)}, sort_keys=False))
        print(f"feeds file: {args.feeds_out}")
    for site, base in fixture.base.items():
        print(f"{site:7s} {base}")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        fixture.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
