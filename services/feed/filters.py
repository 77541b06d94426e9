"""Feed filters from the query string, on the decoded JSON of one topic message.

country (ISO alpha-3, repeatable or comma-separated), plover (PLOVER type), severity (minimum), rule (rule id).
A filter that means nothing for a feed (severity on /feed/events) is refused, not ignored. Conditions on
alerts are the webhook subscriptions' own (`SubscriptionFilters.matches`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from services.errors import RequestError
from services.feed.message import FeedMessage
from services.models import SEVERITIES, Alert, SubscriptionFilters

FEEDS: dict[str, set[str]] = {
    "alerts": {"country", "plover", "severity", "rule"},
    "events": {"country", "plover"},
    "articles": {"country", "plover", "rule", "severity"},
}


class FilterError(RequestError):
    pass


@dataclass(frozen=True)
class FeedFilter:
    feed: str
    countries: frozenset[str] = field(default_factory=frozenset)
    plover: frozenset[str] = field(default_factory=frozenset)
    alerts: SubscriptionFilters | None = None  # alerts feed: every condition; articles: any alert must pass

    @classmethod
    def from_query(cls, feed: str, query: Mapping[str, Any]) -> FeedFilter:
        values: dict[str, list[str]] = {}
        getall = getattr(query, "getall", None)
        for name in ("country", "plover", "severity", "rule"):
            raw = getall(name, []) if getall else ([query[name]] if name in query else [])
            items = sorted({v.strip() for r in raw for v in str(r).split(",") if v.strip()})
            if items and name not in FEEDS[feed]:
                raise FilterError(f"filter {name!r} does not apply to /feed/{feed} "
                                  f"(it takes {', '.join(sorted(FEEDS[feed]))})")
            values[name] = items
        if len(values["severity"]) > 1 or (values["severity"] and values["severity"][0] not in SEVERITIES):
            raise FilterError(f"severity must be one of {', '.join(SEVERITIES)}")
        countries = [c.upper() for c in values["country"]]
        alerts = None
        if feed == "alerts":
            alerts = SubscriptionFilters(min_severity=(values["severity"] or ["info"])[0],  # type: ignore[arg-type]
                                         rules=values["rule"], countries=countries, plover_types=values["plover"])
        elif values["severity"] or values["rule"]:
            alerts = SubscriptionFilters(min_severity=(values["severity"] or ["info"])[0],  # type: ignore[arg-type]
                                         rules=values["rule"])
        return cls(feed, frozenset(countries), frozenset(values["plover"]), alerts)

    def matches(self, msg: FeedMessage) -> bool:
        doc = msg.doc
        if self.feed == "alerts":
            return self.alerts is None or _alert_passes(self.alerts, msg.as_alert())
        if self.feed == "events":
            countries = {a.get("country") for a in (doc.get("source"), doc.get("target")) if a}
            plover = {doc.get("plover")}
        else:
            countries = {a.get("country") for a in doc.get("actors", [])}
            plover = {e.get("plover") for e in doc.get("events", [])}
        if self.countries and not self.countries & countries:
            return False
        if self.plover and not self.plover & plover:
            return False
        return self.alerts is None or any(_alert_passes(self.alerts, a) for a in msg.carried_alerts())


def _alert_passes(filters: SubscriptionFilters, alert: Alert | None) -> bool:
    return alert is not None and filters.matches(alert)
