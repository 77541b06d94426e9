"""What SSE feed clients cost the worker: enricher throughput with 0 and with 200 readers in the same run,
and the worker's resident memory before, with and after them.

    python bench/feed_clients.py [--articles 800] [--readers 200]

It starts its own broker (deploy/kafka/broker.sh, port 29204, fresh data) and one worker. The readers are
raw sockets in this process spread over /feed/articles, /feed/events and /feed/alerts, reading and
discarding. Throughput is measured from the broker timestamps of news.enriched (first to last).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
from kafka import KafkaConsumer, KafkaProducer

from bench.pipeline_e2e import articles
from services.settings import REPO_ROOT, TOPIC_NAMES

PORT = 29204
BOOT = f"127.0.0.1:{PORT}"
WEB = 7204


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def output_times(topic: str, keys: set[str], timeout: float = 900) -> list[float]:
    c = KafkaConsumer(topic, bootstrap_servers=BOOT, auto_offset_reset="earliest", group_id=None,
                      consumer_timeout_ms=1000)
    seen: dict[str, float] = {}
    deadline = time.monotonic() + timeout
    while len(seen) < len(keys) and time.monotonic() < deadline:
        for m in c:
            if m.key.decode() in keys:
                seen.setdefault(m.key.decode(), m.timestamp / 1000)
    c.close()
    return sorted(seen.values())


def throughput(env: dict[str, str], n: int, tag: str) -> float:
    batch = articles(n, tag)
    prod = KafkaProducer(bootstrap_servers=BOOT, acks="all", linger_ms=20)
    for k, v in batch:
        prod.send(env["DIPLOWATCH_TOPIC_RAW"], key=k, value=v)
    prod.flush()
    prod.close()
    stamps = output_times(env["DIPLOWATCH_TOPIC_ENRICHED"], {k.decode() for k, _ in batch})
    return (len(stamps) - 1) / (stamps[-1] - stamps[0])


class Readers:
    """`n` SSE connections on their own event loop, reading and throwing away what comes."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.received = 0
        self.statuses: list[bytes] = []
        self.loop = asyncio.new_event_loop()
        self.stopping: asyncio.Event | None = None
        self.thread = threading.Thread(target=self.loop.run_until_complete, args=(self._main(),), daemon=True)
        self.thread.start()

    async def _main(self) -> None:
        self.stopping = asyncio.Event()
        feeds = ["articles", "events", "alerts"]
        tasks = [asyncio.create_task(self._one(feeds[i % 3])) for i in range(self.n)]
        await self.stopping.wait()
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _one(self, feed: str) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", WEB)
        writer.write(f"GET /feed/{feed} HTTP/1.1\r\nHost: bench\r\n\r\n".encode())
        try:
            self.statuses.append(await reader.readline())
            while chunk := await reader.read(65536):
                self.received += len(chunk)
        finally:
            writer.close()

    def close(self) -> None:
        assert self.stopping is not None
        self.loop.call_soon_threadsafe(self.stopping.set)
        self.thread.join(30)


def feed_clients() -> float:
    text = httpx.get(f"http://127.0.0.1:{WEB}/metrics").text
    return sum(float(line.split()[-1]) for line in text.splitlines() if line.startswith("diplowatch_feed_clients{"))


def web_up() -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{WEB}/metrics").status_code == 200
    except httpx.HTTPError:
        return False


def wait(predicate: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise SystemExit(f"timed out waiting for {what}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=800)
    ap.add_argument("--readers", type=int, default=200)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-feed-"))
    broker = {**os.environ, "KAFKA_PORT": str(PORT), "KAFKA_DATA_DIR": str(tmp / "kafka")}
    script = str(REPO_ROOT / "deploy" / "kafka" / "broker.sh")
    subprocess.run([script, "start"], env=broker, check=True)
    tag = f"feed-{uuid.uuid4().hex[:6]}"
    env = {**os.environ, "DIPLOWATCH_BOOTSTRAP": BOOT, "DIPLOWATCH_APP_ID": f"bench-{tag}",
           "DIPLOWATCH_PARTITIONS": "4", "DIPLOWATCH_WEB_PORT": str(WEB), "DIPLOWATCH_DATA_DIR": str(tmp / "data"),
           "DIPLOWATCH_FEED_MAX_CLIENTS": str(max(args.readers, 256))}
    env.pop("DIPLOWATCH_FEED_TOKEN", None)
    for name in TOPIC_NAMES:
        env[f"DIPLOWATCH_TOPIC_{name}"] = f"{tag}.{name.lower()}"
    log = tmp / "worker.log"
    worker = subprocess.Popen([sys.executable, "-m", "services.cli", "worker", "--web-port", str(WEB),
                               "--loglevel", "warn"], env=env, stdout=open(log, "wb"),  # noqa: SIM115
                              stderr=subprocess.STDOUT, cwd=REPO_ROOT)
    try:
        wait(lambda: web_up() or worker.poll() is not None, 180, "the worker's web server")
        throughput(env, 20, f"{tag}-warm")  # steady state: models loaded, partitions assigned
        before = rss_mb(worker.pid)
        none = throughput(env, args.articles, f"{tag}-0")
        readers = Readers(args.readers)
        wait(lambda: feed_clients() == args.readers, 120, f"{args.readers} feed clients")
        peak = [rss_mb(worker.pid)]
        sampling = threading.Event()

        def sample() -> None:
            while not sampling.wait(0.5):
                peak.append(rss_mb(worker.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        many = throughput(env, args.articles, f"{tag}-{args.readers}")
        sampling.set()
        sampler.join()
        got = readers.received
        readers.close()
        wait(lambda: feed_clients() == 0, 60, "the clients to leave")
        time.sleep(2)  # let the allocator return what it can (a measurement pause, not a synchronisation)
        after = rss_mb(worker.pid)
        ok = sum(1 for s in readers.statuses if b" 200 " in s)
        print(f"\n{args.articles} articles per run, {args.readers} SSE readers ({ok} answered 200, "
              f"{got / 1e6:.1f} MB received)\n")
        print("| SSE readers | articles/s | worker RSS (MB) |")
        print("|---|---|---|")
        print(f"| 0 | {none:.1f} | {before:.0f} (before) |")
        print(f"| {args.readers} | {many:.1f} | {max(peak):.0f} (peak with them) |")
        print(f"| 0, after they left | | {after:.0f} |")
        print(f"\nratio with/without readers: {many / none:.2f}")
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        subprocess.run([script, "stop"], env=broker)


if __name__ == "__main__":
    main()
