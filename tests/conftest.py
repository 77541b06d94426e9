"""Test fixtures: the real local Kafka broker (started once per session) and real worker processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from services.settings import REPO_ROOT, TOPIC_NAMES, Settings, Topics

SHARED = Path(os.environ.get("DIPLOWATCH_SHARED", REPO_ROOT.parent / "shared"))
BROKER = REPO_ROOT / "deploy" / "kafka" / "broker.sh"


def _test_port() -> int:
    """DIPLOWATCH_TEST_KAFKA_PORT, plus 100 per pytest-xdist process: each process runs its own broker (which
    also takes port+1), so sessions never share topics, groups or a broker restart."""
    base = int(os.environ.get("DIPLOWATCH_TEST_KAFKA_PORT", "19092"))
    return base + 100 * int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))


TEST_PORT = _test_port()
ARTIFACTS = REPO_ROOT / "artifacts"
# the test workers' built coder dictionaries: one build per clone, shared by every worker of every session
# (~/.cache's holds one build, replaced by any other checkout's version of the coder)
LEXICON_CACHE = ARTIFACTS / "lexicon-cache"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long tests first: with pytest-xdist (`make test`) the other process takes the short ones meanwhile,
    and no long test is left running alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def shared() -> Path:
    assert (SHARED / "seed" / "article.json").exists(), f"shared data not found at {SHARED}"
    return SHARED


def broker_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment for deploy/kafka/broker.sh that names this session's broker (tests stop and start it)."""
    data = next(p for p in tmp_path_factory.getbasetemp().iterdir() if p.name.startswith("kafka-data"))
    return {**os.environ, "KAFKA_PORT": str(TEST_PORT), "KAFKA_DATA_DIR": str(data)}


@pytest.fixture(scope="session")
def kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real single-node KRaft broker on 127.0.0.1:TEST_PORT, fresh data, started by the project's script."""
    data = tmp_path_factory.mktemp("kafka-data")
    env = {**os.environ, "KAFKA_PORT": str(TEST_PORT), "KAFKA_DATA_DIR": str(data)}
    subprocess.run([str(BROKER), "start"], check=True, env=env, timeout=600)
    try:
        yield f"127.0.0.1:{TEST_PORT}"
    finally:
        subprocess.run([str(BROKER), "stop"], env=env, timeout=120)


@dataclass
class Worker:
    proc: subprocess.Popen[bytes]
    log: Path
    env: dict[str, str]
    web_port: int

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=10)

    def metric(self, name: str, **labels: str) -> float:
        """A sample of the worker's /metrics (0 when it has none yet)."""
        from prometheus_client.parser import text_string_to_metric_families

        text = urllib.request.urlopen(f"http://127.0.0.1:{self.web_port}/metrics", timeout=10).read().decode()
        return sum(s.value for fam in text_string_to_metric_families(text) for s in fam.samples
                   if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()))


@dataclass
class Pipeline:
    """One isolated pipeline: its own topic names and consumer group on the shared broker."""

    env: dict[str, str]
    settings: Settings
    tmp: Path
    workers: list[Worker]

    def start_worker(self, ready_timeout: float = 90) -> Worker:
        return self.start_workers(1, ready_timeout)[0]

    def start_workers(self, n: int, ready_timeout: float = 90) -> list[Worker]:
        """n workers started together (a start is ~10 s, most of it waiting on the broker), each ready."""
        started = [self._launch() for _ in range(n)]
        deadline = time.monotonic() + ready_timeout
        for w in started:
            while b"Worker ready" not in w.log.read_bytes():
                if not w.alive():
                    raise AssertionError(f"worker died at start:\n{w.log.read_text()[-3000:]}")
                if time.monotonic() > deadline:
                    raise AssertionError(f"worker not ready in {ready_timeout}s:\n{w.log.read_text()[-3000:]}")
                time.sleep(0.3)
        return started

    def _launch(self) -> Worker:
        port = free_port()
        log = self.tmp / f"worker-{len(self.workers)}.log"
        env = {**self.env, "DIPLOWATCH_WEB_PORT": str(port),
               "DIPLOWATCH_DATA_DIR": str(self.tmp / f"data-{len(self.workers)}")}
        fh = open(log, "wb")  # noqa: SIM115 - the worker writes to it for its whole life
        proc = subprocess.Popen([sys.executable, "-m", "services.cli", "worker", "--web-port", str(port)],
                                env=env, stdout=fh, stderr=subprocess.STDOUT, cwd=REPO_ROOT)
        w = Worker(proc, log, env, port)
        self.workers.append(w)
        return w


@pytest.fixture
def pipeline(kafka: str, tmp_path: Path) -> Iterator[Pipeline]:
    """Its settings are made here and handed to the workers it starts as DIPLOWATCH_* variables; the test
    process's own environment is left alone."""
    suffix = uuid.uuid4().hex[:8]
    settings = Settings(bootstrap=kafka, app_id=f"diplowatch-test-{suffix}", partitions=2,
                        topics=Topics(**{name.lower(): f"t{suffix}.{name.lower()}" for name in TOPIC_NAMES}))
    env = {**os.environ, "DIPLOWATCH_BOOTSTRAP": kafka, "DIPLOWATCH_APP_ID": settings.app_id,
           "DIPLOWATCH_PARTITIONS": str(settings.partitions), "DIPLOWATCH_CACHE_DIR": str(LEXICON_CACHE)}
    for name in TOPIC_NAMES:
        env[f"DIPLOWATCH_TOPIC_{name}"] = getattr(settings.topics, name.lower())
    p = Pipeline(env=env, settings=settings, tmp=tmp_path, workers=[])
    try:
        yield p
    finally:
        for w in p.workers:  # killed: a clean stop takes ~2 s (Faust's shutdown) and nothing reads its outcome;
            if w.alive():    # the tests that care about stopping stop their workers themselves
                w.kill()


def wait_for(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")
