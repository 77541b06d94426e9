"""Event dates from relative expressions ("on Saturday", "yesterday") against the article's date."""

from __future__ import annotations

from datetime import date, timedelta

from services.coder.datafiles import words
from services.coder.tokens import Token


def event_date(tokens: list[Token], first: int, last: int, published: date | None) -> str | None:
    """The most recent such weekday on or before publication: news reports the past week."""
    if published is None:
        return None
    weekdays = words().weekday_index
    for t in tokens[first:last]:
        if t.norm in weekdays:
            back = (published.weekday() - weekdays[t.norm]) % 7
            return (published - timedelta(days=back)).isoformat()
        if t.norm == "yesterday":
            return (published - timedelta(days=1)).isoformat()
    return published.isoformat()
