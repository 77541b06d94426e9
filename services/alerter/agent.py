"""The alerter agent. Its state is a Faust table backed by a changelog topic, so windows, first-seen keys
and dedupe periods survive restarts and rebalances; candidates are keyed so one key's state is local."""

from __future__ import annotations

import logging
from typing import Any

from pydantic import ValidationError

from services import metrics
from services.acks import OrderedAcks
from services.models import Alert, AlertCandidate
from services.rules.reload import rulebook
from services.rules.state import decide
from services.stream import app, out_topics, settings, topic

log = logging.getLogger("diplowatch.alerter")

rule_state = app.Table("rule-state", partitions=settings.partitions)
# alert ids already sent: a replay after a crash does not send an alert twice
sent_alerts = app.Table("sent-alerts", partitions=settings.partitions)


@app.agent(topic(settings.topics.candidates))
async def raise_alerts(stream: Any) -> None:
    alerts_topic = out_topics[settings.topics.alerts]
    manual = stream.noack()
    acks = OrderedAcks(app, manual)
    async for event in manual.events():
        futures = []
        try:
            alerts = _decide(AlertCandidate.model_validate_json(event.value))
        except ValidationError as exc:  # only the enricher writes candidates: this is a bug, say it and go on
            log.error("alert candidate %s:%s refused: %s", event.message.partition, event.message.offset, exc)
            alerts = []
        for alert in alerts:
            futures.append(await alerts_topic.send(key=alert.rule_id.encode(), value=alert.model_dump_json().encode()))
            metrics.ALERTS.labels(rule_id=alert.rule_id, severity=alert.severity).inc()
        await acks.add(event, futures)


def _decide(msg: AlertCandidate) -> list[Alert]:
    """The alert this candidate fires, if any, after windows, dedupe and the already-sent check."""
    rule = rulebook.active.by_id.get(msg.rule_id)
    if rule is None:
        return []  # the rule was removed since the candidate was made
    alert, why = decide(rule, msg, rule_state)
    if why == "deduplicated":
        metrics.SUPPRESSED.labels(rule_id=rule.id, why="dedupe").inc()
    if alert is None:
        return []
    if sent_alerts.get(alert.alert_id) is not None:
        metrics.SUPPRESSED.labels(rule_id=rule.id, why="already_sent").inc()
        return []
    sent_alerts[alert.alert_id] = msg.event_time
    return [alert]
