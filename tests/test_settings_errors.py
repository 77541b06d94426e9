"""A bad setting stops the CLI with one line naming the variable and what is accepted, not a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from services.settings import REPO_ROOT, SettingError, Settings


@pytest.mark.parametrize(("name", "value", "says"), [
    ("DIPLOWATCH_PARTITIONS", "abc", "expected an integer"),
    ("DIPLOWATCH_WEB_PORT", "99999", "from 1 to 65535"),
    ("DIPLOWATCH_MAX_MESSAGE_BYTES", "-1", "from 1024"),
    ("DIPLOWATCH_RULES_POLL_SECONDS", "0", "from 0.1"),
])
def test_a_bad_value_names_the_variable_and_what_is_accepted(monkeypatch: pytest.MonkeyPatch, name: str,
                                                             value: str, says: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingError) as err:
        Settings()
    assert name in str(err.value) and says in str(err.value)


def test_the_cli_prints_one_line_and_exits_2() -> None:
    env = {**os.environ, "DIPLOWATCH_WEB_PORT": "99999"}
    run = subprocess.run([sys.executable, "-m", "services.cli", "worker"], env=env, cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == ["diplowatch: DIPLOWATCH_WEB_PORT='99999': expected a value from 1 to "
                                               "65535"]


@pytest.mark.kafka
def test_more_replicas_than_brokers_is_refused_with_the_count(kafka: str) -> None:
    env = {**os.environ, "DIPLOWATCH_BOOTSTRAP": kafka, "DIPLOWATCH_REPLICATION": "3",
           "DIPLOWATCH_TOPIC_RAW": "replication-check.raw"}
    run = subprocess.run([sys.executable, "-m", "services.cli", "topics"], env=env, cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [f"diplowatch: DIPLOWATCH_REPLICATION=3: the cluster at {kafka} has 1 "
                                               "broker(s); use at most 1"]
