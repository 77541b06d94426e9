"""One topic message as the feed handles it: parsed once, however many clients look at it.

Clients get the bytes read from Kafka (`data`), not a re-serialisation; only a value holding a line break
(which would split the SSE `data:` field) is re-encoded, once. Alerts are validated once, on first use by a
filter, and kept for the other clients' filters.
"""

from __future__ import annotations

from typing import Any

import orjson
from pydantic import ValidationError

from services.models import Alert


class FeedMessage:
    __slots__ = ("_alert", "_alerts", "data", "doc")

    def __init__(self, doc: dict[str, Any], data: bytes) -> None:
        self.doc = doc
        self.data = data
        self._alert: Alert | bool | None = False  # False: not validated yet
        self._alerts: list[Alert | None] | None = None

    @classmethod
    def parse(cls, value: bytes | None) -> FeedMessage | None:
        """None for anything that is not a JSON object (such messages are skipped, as before)."""
        if not value:
            return None
        try:
            doc = orjson.loads(value)
        except orjson.JSONDecodeError:
            return None
        if not isinstance(doc, dict):
            return None
        data = value if b"\n" not in value and b"\r" not in value else orjson.dumps(doc)
        return cls(doc, data)

    def as_alert(self) -> Alert | None:
        """The message as an alert (the alerts feed); None if it does not validate."""
        if self._alert is False:
            self._alert = _alert(self.doc)
        return self._alert if isinstance(self._alert, Alert) else None

    def carried_alerts(self) -> list[Alert | None]:
        """The alerts an enriched article carries (None for one that does not validate)."""
        if self._alerts is None:
            docs = self.doc.get("alerts", [])
            self._alerts = [_alert(d) for d in docs] if isinstance(docs, list) else []
        return self._alerts


def _alert(doc: Any) -> Alert | None:
    try:
        return Alert.model_validate(doc)
    except ValidationError:
        return None
