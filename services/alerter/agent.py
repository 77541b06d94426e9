"""The alerter agent. Its state is a Faust table backed by a changelog topic, so windows, first-seen keys
and dedupe periods survive restarts and rebalances; candidates are keyed so one key's state is local."""

from __future__ import annotations

import logging
from typing import Any

import faust
from pydantic import ValidationError

from services import metrics
from services.acks import OrderedAcks
from services.models import Alert, AlertCandidate
from services.rules.reload import RuleBook
from services.rules.state import decide
from services.settings import Settings
from services.stream import Streams

log = logging.getLogger("diplowatch.alerter")

class Alerter:
    """Decides, with the rules' state, which candidates become alerts."""

    def __init__(self, app: faust.App, settings: Settings, rulebook: RuleBook) -> None:
        self.app, self.rulebook = app, rulebook
        self.rule_state = app.Table("rule-state", partitions=settings.partitions)
        # alert ids already sent: a replay after a crash does not send an alert twice
        self.sent_alerts = app.Table("sent-alerts", partitions=settings.partitions)

    async def run(self, stream: Any, alerts_topic: str, streams: Streams) -> None:
        manual = stream.noack()
        acks = OrderedAcks(self.app, manual)
        async for event in manual.events():
            futures = []
            try:
                alerts = self.decide(AlertCandidate.model_validate_json(event.value))
            except ValidationError as exc:  # only the enricher writes candidates: this is a bug, say it, go on
                log.error("alert candidate %s:%s refused: %s", event.message.partition, event.message.offset, exc)
                alerts = []
            for alert in alerts:
                futures.append(await streams.send(alerts_topic, alert.rule_id.encode(),
                                                  alert.model_dump_json().encode()))
                metrics.ALERTS.labels(rule_id=alert.rule_id, severity=alert.severity).inc()
            await acks.add(event, futures)

    def decide(self, msg: AlertCandidate) -> list[Alert]:
        """The alert this candidate fires, if any, after windows, dedupe and the already-sent check."""
        rule = self.rulebook.active.by_id.get(msg.rule_id)
        if rule is None:
            return []  # the rule was removed since the candidate was made
        alert, why = decide(rule, msg, self.rule_state)
        if why == "deduplicated":
            metrics.SUPPRESSED.labels(rule_id=rule.id, why="dedupe").inc()
        if alert is None:
            return []
        if self.sent_alerts.get(alert.alert_id) is not None:
            metrics.SUPPRESSED.labels(rule_id=rule.id, why="already_sent").inc()
            return []
        self.sent_alerts[alert.alert_id] = msg.event_time
        return [alert]


def register(app: faust.App, streams: Streams, settings: Settings, rulebook: RuleBook) -> Alerter:
    alerter = Alerter(app, settings, rulebook)

    @app.agent(streams.topic(settings.topics.candidates), name="services.alerter.agent.raise_alerts")
    async def raise_alerts(stream: Any) -> None:
        await alerter.run(stream, settings.topics.alerts, streams)

    return alerter
