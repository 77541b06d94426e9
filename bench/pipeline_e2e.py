"""End-to-end benchmark through a real broker: throughput of the full pipeline (1 and 2 workers) next to two
baselines measured in the same run on the same articles (a pass-through Faust agent, and the offline `enrich()`
in one process: the plumbing must not be the bottleneck), and produce-to-alert latency at fixed offered loads.

    python bench/pipeline_e2e.py [--articles 1000] [--seconds 20] [--mix stories|gold]

--mix stories (the default): full VOA stories, as feeds deliver them; gold: one story in ten and one-sentence
gold items otherwise (the earlier mix). The latency articles are full stories with one sentence that fires the
coast-guard-law rule.

It starts its own broker (deploy/kafka/broker.sh, port 29092, fresh data) and its own workers.
Throughput is measured from the broker timestamps of the output messages (first to last). On Linux the table
also gives the CPU time spent per article (the workers' main process, read from /proc between the first and the
last output; the offline run's own): on a machine whose cores the broker and this script share with the workers,
articles/s mixes the plumbing's cost with the competition for cores, CPU per article does not.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from kafka import KafkaConsumer, KafkaProducer
from paths import SHARED

from services.corpus import read_items
from services.settings import REPO_ROOT, TOPIC_NAMES

PORT = 29092
BOOT = f"127.0.0.1:{PORT}"
LAW = ("Officials said the coast guard law allows the use of weapons against foreign vessels in the "
       "South China Sea, and Vietnam and the Philippines protested on Monday.")


def bodies(n: int, mix: str) -> list[str]:
    stories = [it.body for it in read_items(SHARED / "corpus" / "voa_stories.jsonl")]
    if mix == "stories":
        return [stories[i % len(stories)] for i in range(n)]
    gold = [it.body for it in read_items(SHARED / "gold" / "plover_gsr.jsonl")]
    return [stories[i % len(stories)] if i % 10 == 0 else gold[i % len(gold)] for i in range(n)]


def articles(n: int, tag: str, mix: str) -> list[tuple[bytes, bytes]]:
    return [(f"{tag}-{i}".encode(), json.dumps({"id": f"{tag}-{i}", "body": body}).encode())
            for i, body in enumerate(bodies(n, mix))]


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def offline(n: int, mix: str) -> tuple[float, float]:
    """Articles/s and CPU s per article of `enrich()` in this process on the same articles: what the workers do,
    without Kafka."""
    from services.enrich import enrich
    from services.models import NewsItem
    from services.rules import load_rules

    rules = load_rules(REPO_ROOT / "deploy" / "rules")
    items = [NewsItem(id=str(i), body=b) for i, b in enumerate(bodies(n, mix))]
    enrich(items[0], rules)  # the dictionaries and the parser loaded before the clock starts
    t0, c0 = time.perf_counter(), time.process_time()
    for it in items:
        enrich(it, rules)
    return len(items) / (time.perf_counter() - t0), (time.process_time() - c0) / len(items)


def env_for(tag: str, partitions: int = 4) -> dict[str, str]:
    e = {**os.environ, "DIPLOWATCH_BOOTSTRAP": BOOT, "DIPLOWATCH_APP_ID": f"bench-{tag}",
         "DIPLOWATCH_PARTITIONS": str(partitions)}
    for name in TOPIC_NAMES:
        e[f"DIPLOWATCH_TOPIC_{name}"] = f"{tag}.{name.lower()}"
    return e


def start(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(cmd, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT, cwd=REPO_ROOT)


def output_times(topic: str, n: int, timeout: float = 900,
                 on_first: Callable[[], None] | None = None) -> dict[str, float]:
    """Broker timestamps (s) of the first n distinct keys on a topic; `on_first` called when the first arrives."""
    c = KafkaConsumer(topic, bootstrap_servers=BOOT, auto_offset_reset="earliest", group_id=None,
                      consumer_timeout_ms=1000)
    seen: dict[str, float] = {}
    deadline = time.monotonic() + timeout
    while len(seen) < n and time.monotonic() < deadline:
        for m in c:
            if not seen and on_first is not None:
                on_first()
            seen.setdefault(m.key.decode(), m.timestamp / 1000)
            if len(seen) >= n:
                break
    c.close()
    return seen


def throughput(kind: str, workers: int, n: int, tmp: Path, mix: str) -> tuple[float, float | None]:
    """Articles/s, and the workers' CPU s per article between the first output and the last (None: unknown)."""
    tag = f"t{kind}{workers}-{uuid.uuid4().hex[:6]}"
    env = env_for(tag)
    subprocess.run([sys.executable, "-m", "services.cli", "topics"], env=env, check=True, cwd=REPO_ROOT)
    prod = KafkaProducer(bootstrap_servers=BOOT, acks="all", linger_ms=20)
    for k, v in articles(n, tag, mix):
        prod.send(env["DIPLOWATCH_TOPIC_RAW"], key=k, value=v)
    prod.flush()
    procs = []
    for w in range(workers):
        log = tmp / f"{tag}-{w}.log"
        e = {**env, "DIPLOWATCH_WEB_PORT": str(7100 + w), "DIPLOWATCH_DATA_DIR": str(tmp / f"{tag}-{w}")}
        cmd = ([sys.executable, "-m", "faust", "-A", "bench.passthrough", "worker", "--without-web", "-l", "warn"]
               if kind == "passthrough" else [sys.executable, "-m", "services.cli", "worker", "--web-port",
                                               str(7100 + w), "--loglevel", "warn"])
        procs.append((start(cmd, e, log), log))
    cpu_at_first: list[float | None] = []

    def at_first() -> None:
        cpu_at_first.extend(cpu_seconds(p.pid) for p, _ in procs)

    times = output_times(env["DIPLOWATCH_TOPIC_ENRICHED"], n, on_first=at_first)
    cpu_at_last = [cpu_seconds(p.pid) for p, _ in procs]
    spent = [b - a for a, b in zip(cpu_at_first, cpu_at_last, strict=True) if a is not None and b is not None]
    for p, _ in procs:
        p.terminate()
        p.wait(timeout=60)
    stamps = sorted(times.values())
    per_article = sum(spent) / (len(stamps) - 1) if len(spent) == len(procs) else None
    return (len(stamps) - 1) / (stamps[-1] - stamps[0]), per_article


def latency(rate: int, seconds: int, tmp: Path) -> list[float]:
    stories = bodies(rate * seconds, "stories")
    tag = f"l{rate}-{uuid.uuid4().hex[:6]}"
    env = env_for(tag)
    log = tmp / f"{tag}.log"
    p = start([sys.executable, "-m", "services.cli", "worker", "--web-port", "7200", "--loglevel", "warn"],
              {**env, "DIPLOWATCH_WEB_PORT": "7200", "DIPLOWATCH_DATA_DIR": str(tmp / tag)}, log)
    prod = KafkaProducer(bootstrap_servers=BOOT, acks="all", linger_ms=0)
    # steady state, not start-up: one warm-up article through the whole path before the clock starts
    warm = f"{tag}-warm-up"
    prod.send(env["DIPLOWATCH_TOPIC_RAW"], key=warm.encode(), value=json.dumps({"id": warm, "body": LAW}).encode())
    prod.flush()
    output_times(env["DIPLOWATCH_TOPIC_ALERTS"], 1, timeout=120)
    sent: dict[str, float] = {}
    n = rate * seconds
    t0 = time.perf_counter()
    for i in range(n):
        while time.perf_counter() < t0 + i / rate:
            time.sleep(0.0005)
        art = f"{tag}-{i}"
        sent[art] = time.time()
        body = stories[i] + "\n\n" + LAW
        prod.send(env["DIPLOWATCH_TOPIC_RAW"], key=art.encode(), value=json.dumps({"id": art, "body": body}).encode())
    prod.flush()
    c = KafkaConsumer(env["DIPLOWATCH_TOPIC_ALERTS"], bootstrap_servers=BOOT, auto_offset_reset="earliest",
                      group_id=None, consumer_timeout_ms=1000)
    got: dict[str, float] = {}
    deadline = time.monotonic() + 300
    while len(got) < n and time.monotonic() < deadline:
        for m in c:
            a = json.loads(m.value)
            if a["rule_id"] == "cn-coast-guard-weapons-law" and a["article_id"] in sent:
                got.setdefault(a["article_id"], m.timestamp / 1000)
    c.close()
    p.terminate()
    p.wait(timeout=60)
    return [got[k] - sent[k] for k in got]


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--mix", choices=["stories", "gold"], default="stories")
    a = ap.parse_args()
    broker_env = {**os.environ, "KAFKA_PORT": str(PORT), "KAFKA_DATA_DIR": tempfile.mkdtemp(prefix="bench-kafka-")}
    subprocess.run([str(REPO_ROOT / "deploy" / "kafka" / "broker.sh"), "start"], env=broker_env, check=True)
    tmp = Path(tempfile.mkdtemp(prefix="bench-e2e-"))
    try:
        what = "full VOA stories" if a.mix == "stories" else "1 VOA story in 10, gold sentences otherwise"
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores; broker Kafka 4.4.0 on the same machine; "
              f"{a.articles} articles ({what}), 4 partitions\n")
        base, base_cpu = throughput("passthrough", 1, a.articles, tmp, a.mix)
        enrich_rate, enrich_cpu = offline(min(a.articles, 300), a.mix)
        rows = [("pass-through agent, 1 worker", base, base_cpu), ("offline enrich(), 1 process", enrich_rate,
                                                                     enrich_cpu)]
        for w in (1, 2):
            rows.append((f"full pipeline, {w} worker(s)", *throughput("full", w, a.articles, tmp, a.mix)))
        print(f"| {'what':32s} | {'articles/s':>10s} | {'vs pass-through':>15s} | {'vs offline enrich':>17s} | "
              f"{'CPU ms/article':>14s} | {'CPU vs offline':>14s} |")
        print(f"|{'-' * 34}|{'-' * 12}|{'-' * 17}|{'-' * 19}|{'-' * 16}|{'-' * 16}|")
        for name, r, cpu in rows:
            ms = f"{1000 * cpu:14.1f}" if cpu is not None else f"{'n/a':>14s}"
            vs = f"{cpu / enrich_cpu:13.2f}x" if cpu is not None else f"{'n/a':>14s}"
            print(f"| {name:32s} | {r:10.1f} | {r / base:14.2f}x | {r / enrich_rate:16.2f}x | {ms} | {vs} |")
        print(f"\nproduce-to-alert latency (1 worker, {a.seconds} s at a fixed offered load of full stories):\n")
        print(f"| {'load':>10s} | {'alerts':>6s} | {'p50 ms':>7s} | {'p95 ms':>7s} | {'p99 ms':>7s} |")
        print(f"|{'-' * 12}|{'-' * 8}|{'-' * 9}|{'-' * 9}|{'-' * 9}|")
        for rate in (10, 25):
            lat = latency(rate, a.seconds, tmp)
            print(f"| {rate:>6d}/s | {len(lat):6d} | {1000 * pct(lat, .5):7.0f} | {1000 * pct(lat, .95):7.0f} | "
                  f"{1000 * pct(lat, .99):7.0f} |")
    finally:
        subprocess.run([str(REPO_ROOT / "deploy" / "kafka" / "broker.sh"), "stop"], env=broker_env)


if __name__ == "__main__":
    main()
