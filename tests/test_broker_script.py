"""The project's broker script: idempotent start, status, and the version it runs."""

from __future__ import annotations

import os
import subprocess

import pytest
from conftest import BROKER, TEST_PORT

pytestmark = pytest.mark.kafka


def _run(*args: str, data: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KAFKA_PORT": str(TEST_PORT), "KAFKA_DATA_DIR": data}
    return subprocess.run([str(BROKER), *args], env=env, capture_output=True, text=True, timeout=300)


def test_second_start_is_a_noop_and_status_reports_running(
    kafka: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    data = next(p for p in tmp_path_factory.getbasetemp().iterdir() if p.name.startswith("kafka-data"))
    again = _run("start", data=str(data))
    assert again.returncode == 0 and "already running" in again.stderr
    status = _run("status", data=str(data))
    assert status.returncode == 0 and f"127.0.0.1:{TEST_PORT}" in status.stdout
    assert "Kafka 4." in status.stdout
    assert (data / "logs" / "server.log").exists()
