"""Feed filters from the query string, on the decoded JSON of one topic message.

country (ISO alpha-3, repeatable or comma-separated), plover (PLOVER type), severity (minimum), rule (rule id).
A filter that means nothing for a feed (severity on /feed/events) is refused, not ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from services.models import SEVERITIES

FEEDS: dict[str, set[str]] = {
    "alerts": {"country", "plover", "severity", "rule"},
    "events": {"country", "plover"},
    "articles": {"country", "plover", "rule", "severity"},
}


class FilterError(ValueError):
    pass


@dataclass(frozen=True)
class FeedFilter:
    feed: str
    countries: frozenset[str] = field(default_factory=frozenset)
    plover: frozenset[str] = field(default_factory=frozenset)
    rules: frozenset[str] = field(default_factory=frozenset)
    min_severity: int = 0

    @classmethod
    def from_query(cls, feed: str, query: Mapping[str, Any]) -> FeedFilter:
        values: dict[str, frozenset[str]] = {}
        getall = getattr(query, "getall", None)
        for name in ("country", "plover", "severity", "rule"):
            raw = getall(name, []) if getall else ([query[name]] if name in query else [])
            items = frozenset(v.strip() for r in raw for v in str(r).split(",") if v.strip())
            if items and name not in FEEDS[feed]:
                raise FilterError(f"filter {name!r} does not apply to /feed/{feed} "
                                  f"(it takes {', '.join(sorted(FEEDS[feed]))})")
            values[name] = items
        severity = 0
        if values["severity"]:
            if len(values["severity"]) > 1 or next(iter(values["severity"])) not in SEVERITIES:
                raise FilterError(f"severity must be one of {', '.join(SEVERITIES)}")
            severity = SEVERITIES.index(next(iter(values["severity"])))
        return cls(feed, frozenset(c.upper() for c in values["country"]), values["plover"], values["rule"],
                   severity)

    def matches(self, doc: dict[str, Any]) -> bool:
        if self.feed == "alerts":
            return self._check({a[:3] for a in doc.get("actors", [])}, set(doc.get("plover_types", [])),
                               [doc])
        if self.feed == "events":
            countries = {a.get("country") for a in (doc.get("source"), doc.get("target")) if a}
            return self._check(countries, {doc.get("plover")}, None)
        return self._check({a.get("country") for a in doc.get("actors", [])},
                           {e.get("plover") for e in doc.get("events", [])}, doc.get("alerts", []))

    def _check(self, countries: set[Any], plover: set[Any], alerts: list[dict[str, Any]] | None) -> bool:
        if self.countries and not self.countries & countries:
            return False
        if self.plover and not self.plover & plover:
            return False
        if alerts is None or not (self.rules or self.min_severity):
            return True
        return any((not self.rules or a.get("rule_id") in self.rules)
                   and SEVERITIES.index(a.get("severity", "info")) >= self.min_severity for a in alerts)
