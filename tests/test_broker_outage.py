"""A broker that goes away after the worker started: the worker waits and goes on, it does not exit.

A rules or subscriptions file changed while the broker is unreachable cannot be published; that poll fails
(logged, counted in diplowatch_config_poll_errors_total), is tried again with backoff, and the change is
published once the broker is back. Before, the failed publish ended the worker, and the change was marked
as seen and never published.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import BROKER, Pipeline, broker_env, wait_for
from kafka_helpers import produce, read_until

from services.rules.reload import DirectoryPolicy, RuleBook
from services.worker import Backoff

RULE = """
rules:
  - id: {rid}
    title: {rid}
    severity: high
    match: {{phrase: {phrase}}}
"""


def test_backoff_doubles_to_its_maximum_and_a_success_resets_it() -> None:
    b = Backoff(initial=2, maximum=10)
    assert b.due(0) and [b.failed(0) for _ in range(4)] == [2, 4, 8, 10]
    assert not b.due(9) and b.due(10)
    b.succeeded()
    assert b.due(0) and b.failed(0) == 2


def test_a_rules_directory_whose_publish_failed_is_published_again(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(RULE.format(rid="a", phrase="coast guard law"))
    book, sent = RuleBook(), []

    def unreachable(_: object) -> None:
        raise OSError("broker unreachable")

    with pytest.raises(OSError):
        book.check_directory(tmp_path, unreachable, DirectoryPolicy())
    assert book.check_directory(tmp_path, sent.append, DirectoryPolicy()) == "published" and len(sent) == 1


@pytest.mark.kafka
@pytest.mark.slow
def test_a_rule_changed_while_the_broker_is_down_is_applied_when_it_is_back(
        pipeline: Pipeline, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "a.yaml").write_text(RULE.format(rid="before-outage", phrase="coast guard law"))
    pipeline.env["DIPLOWATCH_RULES_DIR"] = str(rules)
    pipeline.env["DIPLOWATCH_RULES_POLL_SECONDS"] = "1"
    env = broker_env(tmp_path_factory)
    worker = pipeline.start_worker()
    subprocess.run([str(BROKER), "stop"], env=env, check=True, timeout=120)
    try:
        (rules / "b.yaml").write_text(RULE.format(rid="during-outage", phrase="Second Thomas Shoal"))
        wait_for(lambda: b"rules and subscriptions not polled" in worker.log.read_bytes(), 120,
                 "the worker to fail a poll while the broker is down")
        assert worker.alive()
    finally:
        subprocess.run([str(BROKER), "start"], env=env, check=True, timeout=300)
    wait_for(lambda: b"(2 rules, from " in worker.log.read_bytes(), 180,
             "the worker to publish and use the rule set changed during the outage")
    s = pipeline.settings
    produce(s, [(b"shoal", b'{"id": "shoal", "body": "Chinese ships blocked Second Thomas Shoal on Monday."}')])
    alerts = read_until(s, s.topics.alerts, lambda ms: any(m["value"]["rule_id"] == "during-outage" for m in ms),
                        timeout=180)
    assert any(m["value"]["article_id"] == "shoal" for m in alerts)
    assert worker.alive()
