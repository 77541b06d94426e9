"""A Server-Sent Events client for the feed tests: reads one feed in a thread, as a browser would."""

from __future__ import annotations

import json
import socket
import threading
from typing import Any

import httpx
from conftest import Worker


class SSEClient:
    """Reads one feed in a thread; `events` holds (id, event, data) in arrival order."""

    def __init__(self, worker: Worker, token: str, path: str, last_event_id: str | None = None) -> None:
        self.url = f"http://127.0.0.1:{worker.web_port}{path}"
        self.headers = {"Authorization": f"Bearer {token}"}
        if last_event_id is not None:
            self.headers["Last-Event-ID"] = last_event_id
        self.events: list[tuple[str, str, dict[str, Any]]] = []
        self.last_id: str | None = None  # the newest id seen, data or not, as a browser keeps it
        self.opened = threading.Event()
        self._stop = False
        self._response: httpx.Response | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        assert self.opened.wait(30), "feed did not open"

    def _run(self) -> None:
        try:
            self._read()
        except httpx.HTTPError:
            if not self._stop:  # the worker went away under a client the test still uses
                raise

    def _read(self) -> None:
        with httpx.stream("GET", self.url, headers=self.headers, timeout=httpx.Timeout(5, read=None)) as r:
            self._response = r
            assert r.status_code == 200, r.status_code
            frame: dict[str, str] = {}
            for line in r.iter_lines():
                if self._stop:
                    return
                if line == "":
                    if "id" in frame:
                        self.last_id = frame["id"]
                        self.opened.set()
                    if "data" in frame:
                        self.events.append((frame["id"], frame["event"], json.loads(frame["data"])))
                    frame = {}
                elif not line.startswith(":") and ":" in line:
                    name, _, value = line.partition(":")
                    frame[name] = value.removeprefix(" ")

    def expect_end(self) -> None:
        """The server is about to end the stream: not an error."""
        self._stop = True

    def close(self) -> None:
        """Hang up now. Closing the response does not wake a thread blocked reading it (it woke on the next
        keep-alive, up to 15 s later); shutting the socket down does, and the server sees the client go."""
        self._stop = True
        if self._response is not None:
            stream = self._response.extensions.get("network_stream")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if sock is not None:
                sock.shutdown(socket.SHUT_RDWR)
            self._response.close()
        self._thread.join(10)
        assert not self._thread.is_alive(), "the client's reading thread did not end"
