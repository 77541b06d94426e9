"""A bad setting stops the CLI with one line naming the variable and what is accepted, not a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from services.settings import REPO_ROOT, SettingError, load


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
        load()
    assert name in str(err.value) and says in str(err.value)


def test_the_cli_prints_one_line_and_exits_2() -> None:
    env = {**os.environ, "DIPLOWATCH_WEB_PORT": "99999"}
    run = subprocess.run([sys.executable, "-m", "services.cli", "worker"], env=env, cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == ["diplowatch: DIPLOWATCH_WEB_PORT='99999': expected an integer from 1 "
                                               "to 65535"]


@pytest.mark.kafka
def test_more_replicas_than_brokers_is_refused_with_the_count(kafka: str) -> None:
    env = {**os.environ, "DIPLOWATCH_BOOTSTRAP": kafka, "DIPLOWATCH_REPLICATION": "3",
           "DIPLOWATCH_TOPIC_RAW": "replication-check.raw"}
    run = subprocess.run([sys.executable, "-m", "services.cli", "topics"], env=env, cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [f"diplowatch: DIPLOWATCH_REPLICATION=3: the cluster at {kafka} has 1 "
                                               "broker(s); use at most 1"]


def test_the_readme_settings_table_is_the_model() -> None:
    """The README's table is generated from `Settings` (scripts/settings_table.py --write): a setting added,
    renamed or given a new default without the README fails here."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("settings_table", REPO_ROOT / "scripts" / "settings_table.py")
    assert spec and spec.loader
    table = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(table)
    assert table.in_readme(table.README.read_text()) == table.render()


def test_an_unknown_topic_variable_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOWATCH_TOPIC_ALERT", "typo.alerts")  # ALERTS is meant
    with pytest.raises(SettingError) as err:
        load()
    assert str(err.value).startswith("DIPLOWATCH_TOPIC_ALERT: unknown topic variable; known: ")
    assert "DIPLOWATCH_TOPIC_ALERTS" in str(err.value)


def test_overrides_win_over_the_environment_and_tokens_stay_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOWATCH_WEB_PORT", "7000")
    monkeypatch.setenv("DIPLOWATCH_FEED_TOKEN", "s3cret-token")
    monkeypatch.setenv("DIPLOWATCH_METRICS_COUNTRIES", "usa, chn,")
    s = load(web_port=7100)
    assert s.web_port == 7100 and s.metrics_countries == frozenset({"USA", "CHN"})
    assert "s3cret-token" not in repr(s) and s.feed_token.get_secret_value() == "s3cret-token"
