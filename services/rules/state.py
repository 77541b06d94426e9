"""Stateful rules: frequency and spike windows, first-seen keys and dedupe, over any mutable mapping.

The alerter agent passes a Faust table (changelog-backed, so state survives restarts and rebalances);
tests and `diplowatch rules test` pass a dict. Times are event times in epoch seconds.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, MutableMapping
from datetime import UTC, datetime
from typing import Any

from services.models import Alert, AlertCandidate, EnrichedArticle
from services.rules.groups import group_keys
from services.rules.load import Rule
from services.rules.render import rendering_of

State = MutableMapping[str, Any]


def event_time(article: EnrichedArticle, ingested: datetime | None = None) -> float:
    when = article.published_at or ingested or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()


def candidates(rules: Mapping[str, Rule], alerts: list[Alert], article: EnrichedArticle,
               ingested: datetime | None = None) -> list[AlertCandidate]:
    """One candidate per alert and group key, with the keys evaluate() found (found again only for an alert
    that did not come from evaluate())."""
    t = event_time(article, ingested)
    out: list[AlertCandidate] = []
    for a in alerts:
        rule = rules.get(a.rule_id)
        if rule is None:
            continue
        rendering = rendering_of(article, a)
        if rendering is not None:
            keys: list[str] | tuple[str, ...] = rendering.keys
        else:
            ids = set(a.event_ids)
            keys = group_keys(rule, [ev for ev in article.events if ev.event_id in ids], a.matches, article)
        # "{key}" in a rule's text shows every key on the article's alert, this key on the candidate's
        per_key = rendering is not None and "key" in rule.text_fields and len(keys) > 1
        for key in keys:
            keyed = a.model_copy(update={"text": rendering.text([key])}) if per_key and rendering else a
            out.append(AlertCandidate(rule_id=a.rule_id, key=key, event_time=t, alert=keyed))
    return out


def _dedupe_value(rule: Rule, cand: AlertCandidate) -> str:
    if rule.dedupe_key == "story":
        return cand.alert.article_id
    if rule.dedupe_key == "rule":
        return "*"
    if rule.dedupe_key in ("dyad", "place"):
        return cand.key
    return rule.dedupe_key.format(key=cand.key, article_id=cand.alert.article_id,
                                  actors=",".join(cand.alert.actors))


def apply(rule: Rule, cand: AlertCandidate, state: State) -> Alert | None:
    """The alert to send for this candidate, or None (window not reached, already seen, deduplicated)."""
    return decide(rule, cand, state)[0]


def decide(rule: Rule, cand: AlertCandidate, state: State) -> tuple[Alert | None, str]:
    """The alert to send (or None) and why: fired, held (window, first-seen) or deduplicated."""
    base = f"{rule.id}|{cand.key}"
    t = cand.event_time
    fired: Alert | None = None
    if rule.kind == "match":
        fired = cand.alert
    elif rule.kind == "frequency":
        st = state.get(f"{base}|freq") or {"times": []}
        times = [x for x in st["times"] if x > t - rule.window_s] + [t]
        if len(times) >= rule.threshold:
            fired = _stateful(cand, len(times), f"{base}|{t}")
            times = []  # the burst fired; the next one starts counting afresh
        state[f"{base}|freq"] = {"times": times}
    elif rule.kind == "spike":
        st = state.get(f"{base}|spike") or {"buckets": {}, "fired": []}
        start = math.floor(t / rule.window_s) * rule.window_s
        buckets = {k: v for k, v in st["buckets"].items()
                   if float(k) >= start - rule.window_s * rule.baseline_windows}
        buckets[str(start)] = buckets.get(str(start), 0) + 1
        count = buckets[str(start)]
        previous = [buckets.get(str(start - i * rule.window_s), 0) for i in range(1, rule.baseline_windows + 1)]
        average = sum(previous) / len(previous)
        fired_windows = [w for w in st["fired"] if w >= start - rule.window_s * rule.baseline_windows]
        if count >= rule.min_count and count > rule.threshold * average and start not in fired_windows:
            fired = _stateful(cand, count, f"{base}|{start}")
            fired_windows.append(start)
        state[f"{base}|spike"] = {"buckets": buckets, "fired": fired_windows}
    elif rule.kind == "first_seen" and f"{base}|seen" not in state:
        state[f"{base}|seen"] = t
        fired = _stateful(cand, 1, f"{base}|first")
    if fired is None or not rule.dedupe_s:
        return fired, "fired" if fired is not None else "held"
    dkey = f"{rule.id}|dedupe|{_dedupe_value(rule, cand)}"
    st = state.get(dkey)
    if st is not None and t < st["until"]:
        st = {**st, "repeats": st["repeats"] + 1}  # counted on the alert that stands, not sent again
        state[dkey] = st
        return None, "deduplicated"
    state[dkey] = {"alert_id": fired.alert_id, "until": t + rule.dedupe_s, "repeats": 0}
    return fired, "fired"


def _stateful(cand: AlertCandidate, count: int, seed: str) -> Alert:
    alert_id = hashlib.sha1(f"{seed}|{cand.alert.rule_version}".encode()).hexdigest()[:20]
    return cand.alert.model_copy(update={"alert_id": alert_id, "window_count": count, "group_key": cand.key})
