"""A local webhook receiver the tests steer: answer 2xx, answer 500, hang, or be down (connection refused)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import orjson
from conftest import free_port


@dataclass
class Request:
    headers: dict[str, str]
    body: bytes
    status: int
    at: float = field(default_factory=time.monotonic)

    @property
    def alert_ids(self) -> list[str]:
        doc = orjson.loads(self.body)
        if "alerts" in doc:
            return [a["alert_id"] for a in doc["alerts"]]
        return [doc["alert_id"]] if "alert_id" in doc else []


class Receiver:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.mode = "ok"  # ok | error | hang
        self.requests: list[Request] = []
        self._server: ThreadingHTTPServer | None = None
        self._lock = threading.Lock()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                mode = receiver.mode
                if mode == "hang":
                    with receiver._lock:
                        receiver.requests.append(Request(dict(self.headers), body, 0))
                    while receiver.mode == "hang":
                        time.sleep(0.1)
                    return  # the connection is dropped without an answer
                status = 500 if mode == "error" else 204
                with receiver._lock:
                    receiver.requests.append(Request(dict(self.headers), body, status))
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

    def up(self) -> None:
        ThreadingHTTPServer.allow_reuse_address = True
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def down(self) -> None:
        """Stop listening: the next attempts get 'connection refused'."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def delivered(self) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if 200 <= r.status < 300]

    def delivered_ids(self) -> list[str]:
        """Alert ids in the order they were first delivered."""
        seen: list[str] = []
        for r in self.delivered():
            seen.extend(i for i in r.alert_ids if i not in seen)
        return seen
