"""One diplowatch worker: the enricher and alerter agents in one Faust app, plus the rules watcher."""

from __future__ import annotations

import asyncio
import logging

from services import __version__
from services.alerter import agent as _alerter  # noqa: F401 - registers the agent
from services.enricher import agent as _enricher  # noqa: F401 - registers the agent
from services.kafka_admin import producer
from services.rules.engine import RuleSet
from services.rules.reload import RULESET_KEY, rulebook, ruleset_message
from services.stream import app, settings

log = logging.getLogger("diplowatch.worker")
_publisher = None


def _publish(ruleset: RuleSet) -> None:
    global _publisher
    if _publisher is None:
        _publisher = producer(settings)
    _publisher.send(settings.topics.rules, key=RULESET_KEY, value=ruleset_message(ruleset))
    _publisher.flush(timeout=10)


def start_rules() -> None:
    """Before the agents run: adopt the rules topic's newest set, then the directory's if it differs."""
    rulebook.poll_topic(settings, timeout_ms=3000)
    rulebook.check_directory(settings.rules_dir, _publish)
    log.warning("diplowatch %s worker: rule-set version %s (%d rules)", __version__, rulebook.active.version,
                len(rulebook.active))


@app.timer(interval=settings.rules_poll_s)
async def watch_rules() -> None:
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, rulebook.check_directory, settings.rules_dir, _publish)
    await loop.run_in_executor(None, rulebook.poll_topic, settings)
