"""The live monitoring page in a real browser: headless Chromium (Debian's package) driven over the DevTools
protocol. The seed article is produced after the page opened; its coast-guard-law alert must show up."""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from conftest import ARTIFACTS, SHARED, Pipeline, free_port, wait_for
from kafka_helpers import produce

pytestmark = pytest.mark.kafka


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
                assert "error" not in msg, msg
                return msg["result"]

    async def js(self, expression: str) -> Any:
        res = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return res["result"].get("value")

    async def until(self, expression: str, timeout: float, what: str) -> Any:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            if value := await self.js(expression):
                return value
            await asyncio.sleep(0.25)
        raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def _chromium() -> str:
    path = shutil.which("chromium")
    assert path, "chromium not found: `make test` installs Debian's chromium package (make tools)"
    return path


async def _drive(url: str, devtools_port: int, produce_seed: Any) -> tuple[str, float]:
    async with aiohttp.ClientSession() as http:
        async def targets() -> list[dict[str, Any]]:
            async with http.get(f"http://127.0.0.1:{devtools_port}/json/list") as r:
                return [t for t in await r.json() if t["type"] == "page"]

        for _ in range(100):
            try:
                pages = await targets()
                if pages:
                    break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
        async with http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
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
    devtools = free_port()
    browser = subprocess.Popen(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         f"--remote-debugging-port={devtools}", f"--user-data-dir={tmp_path / 'chromium'}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        seed = (SHARED / "seed" / "article.json").read_bytes()
        text, seconds = asyncio.run(_drive(
            f"http://127.0.0.1:{worker.web_port}/", devtools,
            lambda: produce(pipeline.settings, [(json.loads(seed)["id"].encode(), seed)])))
    finally:
        browser.terminate()
        browser.wait(timeout=30)
    print(f"\nalert on the page {seconds:.1f} s after the seed was produced; screenshot artifacts/monitoring-page.png")
    assert "HIGH" in text.upper() and "coast guard" in text.lower()
    assert (ARTIFACTS / "monitoring-page.png").stat().st_size > 10_000
    wait_for(lambda: worker.alive(), 1, "the worker still running")
