"""Webhook attempts against hostile receivers (real local servers on raw sockets) and hostile addresses.

A receiver that drips its answer must not hold an attempt past `timeout_seconds`, a huge answer must not be
read into memory, and an address that only looks public (6to4, NAT64, shared 100.64.0.0/10) is refused."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from services.models import Alert, Subscription
from services.notifier.delivery import Job, Subscriber, payload
from services.notifier.outbound import Refused, allowed_networks, check_addresses, guarded_client

ALERT = Alert(alert_id="a1", rule_id="r", severity="high", title="Coast guard law", text="t", article_id="x",
              created_at=datetime(2026, 1, 1, tzinfo=UTC))


class RawServer:
    """Accepts connections on loopback, reads one request, then lets `answer(sock)` write whatever it likes."""

    def __init__(self, answer: Callable[[socket.socket], None]) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.answer = answer
        self.sent = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head, _, rest = data.partition(b"\r\n\r\n")
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            while len(rest) < length:
                rest += conn.recv(65536)
            with contextlib.suppress(OSError):  # the client closed the connection
                self.answer(conn)

    def send(self, conn: socket.socket, data: bytes) -> None:
        conn.sendall(data)
        self.sent += len(data)

    def close(self) -> None:
        self.sock.close()


def _deliver(port: int, timeout_s: float) -> tuple[str, str, float]:
    """One alert to the local receiver through a Subscriber: ("delivered" | "parked", reason, seconds)."""
    parked: list[str] = []
    done = asyncio.Event()

    async def park(sub: Subscription, alert: Alert, reason: str, attempts: int, first_at: datetime) -> None:
        parked.append(reason)

    async def finished() -> None:
        done.set()

    async def scenario() -> float:
        sub = Subscription(id="s", url=f"http://127.0.0.1:{port}/hook", secret="s" * 16,
                           timeout_seconds=timeout_s, max_attempts=1)
        async with guarded_client(allowed_networks("127.0.0.0/8")) as client:
            s = Subscriber(sub, client, park)
            task = asyncio.get_running_loop().create_task(s.run())
            started = time.monotonic()
            await s.put(Job(ALERT, finished))
            await asyncio.wait_for(done.wait(), 120)
            seconds = time.monotonic() - started
            s.removed = True
            await asyncio.wait_for(task, 5)
            return seconds

    seconds = asyncio.run(scenario())
    return ("parked", parked[0], seconds) if parked else ("delivered", "", seconds)


def test_headers_dripped_byte_by_byte_end_the_attempt_at_its_timeout() -> None:
    """Before: one header line every 0.2 s never tripped httpx's per-read timeout; the attempt took the 12 s
    the receiver dripped for (150 s in the field for `timeout_seconds: 5`)."""
    def drip(conn: socket.socket) -> None:
        server.send(conn, b"HTTP/1.1 200 OK\r\n")
        for _ in range(60):
            server.send(conn, b"X-Drip: 1\r\n")
            time.sleep(0.2)
        server.send(conn, b"Content-Length: 0\r\n\r\n")

    server = RawServer(drip)
    try:
        outcome, reason, seconds = _deliver(server.port, timeout_s=1)
    finally:
        server.close()
    print(f"\ndripping receiver: {outcome} after {seconds:.2f} s ({reason})")
    assert outcome == "parked" and "timeout" in reason
    assert seconds < 4


def test_a_body_dripped_after_a_2xx_status_is_delivered_at_the_deadline() -> None:
    def drip(conn: socket.socket) -> None:
        server.send(conn, b"HTTP/1.1 200 OK\r\nContent-Length: 60\r\n\r\n")
        for _ in range(60):
            server.send(conn, b".")
            time.sleep(0.2)

    server = RawServer(drip)
    try:
        outcome, _, seconds = _deliver(server.port, timeout_s=1)
    finally:
        server.close()
    assert outcome == "delivered" and seconds < 4


def test_a_300_mb_answer_is_not_read() -> None:
    """Before: the whole body was read into memory (the server got all 300 MB out)."""
    size = 300 * 1024 * 1024
    chunk = b"x" * (1024 * 1024)

    def huge(conn: socket.socket) -> None:
        server.send(conn, f"HTTP/1.1 200 OK\r\nContent-Length: {size}\r\n\r\n".encode())
        for _ in range(size // len(chunk)):
            server.send(conn, chunk)

    server = RawServer(huge)
    try:
        outcome, _, seconds = _deliver(server.port, timeout_s=30)
    finally:
        server.close()
    print(f"\n300 MB answer: {outcome} in {seconds:.2f} s, {server.sent / 1e6:.1f} MB left the server "
          f"(kernel buffers; 65536 bytes read)")
    assert outcome == "delivered"
    assert server.sent < 64 * 1024 * 1024


def test_an_url_httpx_cannot_read_is_refused_as_such() -> None:
    """Before: "internal error: InvalidURL" (an octal IPv4 host, which resolvers read as 127.0.0.1)."""
    sock = socket.create_server(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    parked: list[str] = []

    async def park(sub: Subscription, alert: Alert, reason: str, attempts: int, first_at: datetime) -> None:
        parked.append(reason)

    async def scenario() -> None:
        sub = Subscription(id="s", url=f"http://0177.0.0.1:{port}/hook", secret="s" * 16, max_attempts=3)
        async with guarded_client([]) as client:
            await Subscriber(sub, client, park)._deliver([ALERT])

    asyncio.run(scenario())
    assert len(parked) == 1 and parked[0].startswith("refused: invalid URL") and "0177.0.0.1" in parked[0]


@pytest.mark.parametrize("addr", [
    "100.100.100.200",  # cloud metadata (Alibaba), in the shared 100.64.0.0/10
    "100.64.0.1",
    "2002:7f00::1",  # 6to4 of 127.0.0.0
    "2002:a9fe:a9fe::",  # 6to4 of 169.254.169.254
    "::ffff:127.0.0.1", "::ffff:169.254.169.254",  # IPv4-mapped
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "::7f00:1",  # IPv4-compatible 127.0.0.1
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    "198.18.0.1", "240.0.0.1", "255.255.255.255",
])
def test_addresses_that_only_look_public_are_refused(addr: str) -> None:
    with pytest.raises(Refused, match="non-public"):
        check_addresses("h", [addr], [])


def test_wrapped_public_addresses_pass_and_allowed_nets_see_through_the_wrapping() -> None:
    check_addresses("h", ["2002:5db8:d70e::1", "64:ff9b::5db8:d70e", "::ffff:93.184.215.14"], [])
    check_addresses("h", ["::ffff:127.0.0.1", "2002:7f00::1"], allowed_networks("127.0.0.0/8"))


def test_urls_in_bodies_are_http_only_and_slack_markup_is_escaped() -> None:
    hostile = ALERT.model_copy(update={"url": "javascript:alert(1)", "title": "<!channel> <http://evil|click>"})
    assert json.loads(payload(Subscription(id="s", url="https://e.org", secret="s" * 16), [hostile]))["url"] is None
    slack = json.loads(payload(Subscription(id="s", url="https://e.org", secret="s" * 16, format="slack"),
                               [hostile, ALERT.model_copy(update={"url": "https://news.example/a|b>c"})]))["text"]
    assert "javascript" not in slack and "<!channel>" not in slack and "<http://evil" not in slack
    assert "&lt;!channel&gt;" in slack and "<https://news.example/a%7Cb&gt;c>" in slack
