"""The alerter agent. Its state is a Faust table backed by a changelog topic, so windows, first-seen keys
and dedupe periods survive restarts and rebalances; candidates are keyed so one key's state is local."""

from __future__ import annotations

import logging
from typing import Any

from services import metrics
from services.models import AlertCandidate
from services.rules.reload import rulebook
from services.rules.state import Candidate, decide
from services.stream import app, out_topics, settings, topic

log = logging.getLogger("diplowatch.alerter")

rule_state = app.Table("rule-state", partitions=settings.partitions)
# alert ids already sent: a replay after a crash does not send an alert twice
sent_alerts = app.Table("sent-alerts", partitions=settings.partitions)


@app.agent(topic(settings.topics.candidates))
async def raise_alerts(stream: Any) -> None:
    alerts_topic = out_topics[settings.topics.alerts]
    async for value in stream:
        msg = AlertCandidate.model_validate_json(value)
        rule = rulebook.active.by_id.get(msg.rule_id)
        if rule is None:
            continue  # the rule was removed since the candidate was made
        alert, why = decide(rule, Candidate(msg.rule_id, msg.key, msg.event_time, msg.alert), rule_state)
        if why == "deduplicated":
            metrics.SUPPRESSED.labels(rule_id=rule.id, why="dedupe").inc()
        if alert is None:
            continue
        if sent_alerts.get(alert.alert_id) is not None:
            metrics.SUPPRESSED.labels(rule_id=rule.id, why="already_sent").inc()
            continue
        sent_alerts[alert.alert_id] = msg.event_time
        fut = await alerts_topic.send(key=alert.rule_id.encode(), value=alert.model_dump_json().encode())
        try:
            await fut
        except Exception:
            metrics.PRODUCER_ERRORS.inc()
            raise
        metrics.ALERTS.labels(rule_id=alert.rule_id, severity=alert.severity).inc()
