"""The feed's limits over the real broker: clients share one Kafka reader per topic, a cap answers 503, a
client that does not read is dropped while the others keep receiving, resume stays exact while messages
arrive, bad Last-Event-IDs are refused, and the worker stops at once with streams open."""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import TEST_PORT, Pipeline, Worker, wait_for
from kafka import KafkaProducer
from kafka_helpers import produce
from sse_client import SSEClient

pytestmark = pytest.mark.kafka

TOKEN = "feed-limits-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def broker_connections(pid: int) -> int:
    """Established TCP connections of process `pid` to the test broker."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    n = 0
    for line in Path(f"/proc/{pid}/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        remote_port = int(fields[2].split(":")[1], 16)
        if remote_port == TEST_PORT and fields[3] == "01" and fields[9] in inodes:
            n += 1
    return n


def metric(worker: Worker, name: str) -> float:
    text = httpx.get(f"http://127.0.0.1:{worker.web_port}/metrics").text
    m = re.search(rf"^{re.escape(name)} ([0-9.e+]+)$", text, re.M)
    return float(m.group(1)) if m else -1.0


def status(worker: Worker, path: str, headers: dict[str, str]) -> tuple[int, str]:
    """The status of a feed request without reading a stream that opened."""
    with httpx.stream("GET", f"http://127.0.0.1:{worker.web_port}{path}", headers=headers,
                      timeout=httpx.Timeout(10)) as r:
        return r.status_code, "" if r.status_code == 200 else r.read().decode()


def _start(pipeline: Pipeline, **env: str) -> Worker:
    pipeline.env.update({"DIPLOWATCH_FEED_TOKEN": TOKEN, **env})
    return pipeline.start_worker()


def _event(i: int, pad: int = 0) -> tuple[bytes, bytes]:
    return f"k{i}".encode(), json.dumps({"event_id": f"e{i}", "pad": "x" * pad}).encode()


def test_clients_share_one_reader_per_topic_the_cap_refuses_and_stop_is_fast(pipeline: Pipeline) -> None:
    worker = _start(pipeline, DIPLOWATCH_FEED_MAX_CLIENTS="12")
    pid = worker.proc.pid
    first = SSEClient(worker, TOKEN, "/feed/events")
    base = broker_connections(pid)
    feeds = ["alerts"] * 4 + ["events"] * 3 + ["articles"] * 4
    clients = [first, *(SSEClient(worker, TOKEN, f"/feed/{feed}") for feed in feeds)]
    assert metric(worker, "diplowatch_feed_kafka_readers") == 3.0
    with_12 = broker_connections(pid)
    print(f"broker connections of the worker: {base} with 1 feed client, {with_12} with 12")
    # two more readers; the lag timer's clients may connect meanwhile. One consumer per client: base + 22
    assert with_12 <= base + 6, (base, with_12)

    code, text = status(worker, "/feed/alerts", AUTH)
    assert code == 503 and "DIPLOWATCH_FEED_MAX_CLIENTS" in text
    assert metric(worker, 'diplowatch_feed_clients_refused_total{feed="alerts"}') == 1.0

    # every client still gets what is produced
    produce(pipeline.settings, [_event(1)], topic=pipeline.settings.topics.events)
    events = [c for c in clients if "/events" in c.url]
    wait_for(lambda: all(len(c.events) == 1 for c in events), 30, "the event on every events client")

    for c in clients[1:]:
        c.close()
    wait_for(lambda: metric(worker, "diplowatch_feed_kafka_readers") == 1.0, 30, "the unused readers to stop")

    # a worker with open streams stops at once (it waited ~28 s for them)
    open_ = [SSEClient(worker, TOKEN, f"/feed/{feed}") for feed in ("alerts", "articles", "events")]
    for c in [first, *open_]:
        c.expect_end()
    t0 = time.monotonic()
    worker.proc.terminate()
    worker.proc.wait(timeout=60)
    took = time.monotonic() - t0
    print(f"the worker stopped {took:.2f} s after SIGTERM with {len(open_) + 1} streams open")
    assert took < 5, f"the worker took {took:.1f} s to stop with open streams"


def test_bad_last_event_ids_are_refused_and_leak_nothing(pipeline: Pipeline) -> None:
    worker = _start(pipeline)
    produce(pipeline.settings, [_event(i) for i in range(4)], topic=pipeline.settings.topics.events)
    for bad, why in [("0:9223372036854775808", "offset above"), ("2147483648:1", "partition above"),
                     ("0:1000000,1:0", "past the end")]:
        code, text = status(worker, "/feed/events", {**AUTH, "Last-Event-ID": bad})
        assert code == 400 and "Last-Event-ID" in text and why in text, (bad, code, text)
    wait_for(lambda: metric(worker, "diplowatch_feed_kafka_readers") == 0.0, 30, "no reader left open")
    ok = SSEClient(worker, TOKEN, "/feed/events", last_event_id="0:0,1:0")  # from the start: all four
    wait_for(lambda: len(ok.events) == 4, 30, "the four events")
    ok.close()


def test_a_client_that_does_not_read_is_dropped_while_others_receive(pipeline: Pipeline) -> None:
    worker = _start(pipeline, DIPLOWATCH_FEED_CLIENT_BUFFER_BYTES=str(1024 * 1024))
    reader = SSEClient(worker, TOKEN, "/feed/events")
    stuck = socket.socket()
    stuck.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    stuck.connect(("127.0.0.1", worker.web_port))
    stuck.sendall(f"GET /feed/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n\r\n".encode())
    head = b""
    while b"id: " not in head:  # the response and its first frame; then this client reads no more
        head += stuck.recv(4096)
    assert head.startswith(b"HTTP/1.1 200")
    wait_for(lambda: metric(worker, 'diplowatch_feed_clients{feed="events"}') == 2.0, 30, "two clients")

    # 12 MB: more than the kernel's socket buffers (4 MB + 4 KB) and the 1 MB queue. It goes in steps of
    # 500 KB, each sent once the reading client has the one before, so that client is never a full queue
    # behind: on a loaded machine its thread fell behind 12 MB produced at once and it was dropped too.
    n, step = 600, 25
    producer = KafkaProducer(bootstrap_servers=pipeline.settings.bootstrap, acks="all")
    for start in range(0, n, step):
        for i in range(start, start + step):
            key, value = _event(i, pad=20_000)
            producer.send(pipeline.settings.topics.events, value=value, key=key)
        producer.flush()
        upto = start + step
        wait_for(lambda: len(reader.events) >= upto, 60, f"event {upto - 1} on the client that reads")  # noqa: B023
    key, value = _event(n)
    producer.send(pipeline.settings.topics.events, value=value, key=key)
    producer.close()
    wait_for(lambda: metric(worker, 'diplowatch_feed_clients_dropped_total{feed="events"}') == 1.0, 60,
             "the client that does not read to be dropped")
    wait_for(lambda: len(reader.events) == n + 1, 60, "every event on the client that reads")
    assert [d["event_id"] for _, _, d in reader.events].count(f"e{n}") == 1
    assert metric(worker, 'diplowatch_feed_clients{feed="events"}') == 1.0
    stuck.close()
    reader.close()


def test_resume_is_exact_while_messages_arrive_and_backlog_still_works(pipeline: Pipeline) -> None:
    worker = _start(pipeline)
    s = pipeline.settings
    live = SSEClient(worker, TOKEN, "/feed/events")
    produce(s, [_event(i) for i in range(100)], topic=s.topics.events)
    wait_for(lambda: len(live.events) == 100, 30, "the first hundred")
    resume_from = live.events[49][0]

    more = threading.Thread(target=lambda: [produce(s, [_event(i) for i in range(j, j + 20)], topic=s.topics.events)
                                            for j in range(100, 400, 20)])
    more.start()  # the resumed client catches up while the shared reader goes on
    back = SSEClient(worker, TOKEN, "/feed/events", last_event_id=resume_from)
    more.join()
    wait_for(lambda: len(live.events) == 400, 60, "all on the live client")
    want = [d["event_id"] for _, _, d in live.events[50:]]
    wait_for(lambda: len(back.events) >= len(want), 60, "the resumed client")
    produce(s, [_event(400)], topic=s.topics.events)  # a marker: nothing else comes before it
    wait_for(lambda: back.events[-1][2]["event_id"] == "e400", 30, "the marker")
    got = [d["event_id"] for _, _, d in back.events[:-1]]
    assert sorted(got) == sorted(want) and len(set(got)) == len(got)  # no gap, no repeat

    last = SSEClient(worker, TOKEN, "/feed/events?backlog=10")  # the last 10 of each of the 2 partitions
    wait_for(lambda: len(last.events) == 20, 30, "the backlog")
    ids = [d["event_id"] for _, _, d in live.events]
    assert {d["event_id"] for _, _, d in last.events} <= set(ids[-40:])
    for c in (live, back, last):
        c.close()
