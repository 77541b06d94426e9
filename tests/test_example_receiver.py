"""examples/webhook_receiver.py, run as users run it: no secret, no start; forged or malformed requests, 401."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest
from conftest import free_port, wait_for

from services.notifier.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, headers, sign
from services.settings import REPO_ROOT

EXAMPLE = REPO_ROOT / "examples" / "webhook_receiver.py"
SECRET = "receiver-secret-for-tests"
BODY = json.dumps({"alert_id": "a1", "severity": "high", "title": "T", "text": "x"}).encode()


def _run(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, str(EXAMPLE), str(port)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def test_it_refuses_to_start_without_a_secret() -> None:
    """Before: it started and every request signed with an empty key was accepted."""
    env = {k: v for k, v in os.environ.items() if k != "DIPLOWATCH_WEBHOOK_SECRET"}
    proc = _run(env, free_port())
    try:
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 2 and b"DIPLOWATCH_WEBHOOK_SECRET" in err


@pytest.fixture
def receiver() -> Iterator[str]:
    port = free_port()
    proc = _run({**os.environ, "DIPLOWATCH_WEBHOOK_SECRET": SECRET}, port)

    def listening() -> bool:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        with socket.socket() as s:
            return s.connect_ex(("127.0.0.1", port)) == 0

    try:
        wait_for(listening, 20, "the example receiver to listen")
        yield f"http://127.0.0.1:{port}/hook"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_forged_and_malformed_requests_get_401_and_a_signed_one_204(receiver: str) -> None:
    now = str(int(time.time()))
    forged = {TIMESTAMP_HEADER: now, SIGNATURE_HEADER: sign("", int(now), BODY)}  # the empty key
    assert httpx.post(receiver, content=BODY, headers=forged).status_code == 401
    # before: compare_digest raised TypeError on the non-ASCII header and the connection was dropped unanswered
    non_ascii = [(TIMESTAMP_HEADER.encode(), now.encode()), (SIGNATURE_HEADER.encode(), "v1=é".encode("latin-1"))]
    assert httpx.post(receiver, content=BODY, headers=non_ascii).status_code == 401
    superscript = [(TIMESTAMP_HEADER.encode(), "17²".encode("latin-1")), (SIGNATURE_HEADER.encode(), b"v1=0")]
    assert httpx.post(receiver, content=BODY, headers=superscript).status_code == 401  # "²".isdigit(), int() fails
    assert httpx.post(receiver, content=BODY).status_code == 401
    assert httpx.post(receiver, content=BODY, headers=headers(SECRET, BODY)).status_code == 204  # the marker
