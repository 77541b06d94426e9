"""Event dates: relative expressions ("on Saturday", "yesterday") against the article's date, and the explicit dates
of narrative ("In 1990, Iraq invaded Kuwait", "On 2 August 1990, ...")."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Narrated:
    """A date narrative gives its acts: `iso` as precise as the text ("1990", "1979-12", "1990-08-02"); `day` a day
    inside it, for what was so on that date (who held an office)."""

    iso: str
    day: date


def _day_number(t: Token) -> int | None:
    return int(t.norm) if t.norm.isdigit() and len(t.norm) <= 2 and 1 <= int(t.norm) <= 31 else None


def narrated_date(tokens: list[Token], first: int, last: int, published: date | None) -> Narrated | None:
    """The first explicit past date of a sentence: "In 1990", "in December 1979", "On 2 August 1990", "on August 2,
    1990". A year used as a modifier ("the 1979 invasion"), after "since" (background) or not before the article's
    own year (news dates its own acts) gives none."""
    w = words()
    months = w.month_index
    for k in range(first + 1, last):
        t = tokens[k]
        if len(t.norm) != 4 or not t.norm.isdigit():
            continue
        year = int(t.norm)
        if year < 1000 or (published is not None and year >= published.year):
            continue
        before = tokens[k - 1].norm
        month = months.get(before)
        day: int | None = None
        if month is not None:
            day = _day_number(tokens[k - 2]) if k - 2 >= first else None  # "2 August 1990"
        elif before == "," and k - 3 >= first and tokens[k - 3].norm in months:
            month, day = months[tokens[k - 3].norm], _day_number(tokens[k - 2])  # "August 2, 1990"
            if day is None:
                continue
        elif before not in w.year_openers:
            continue
        if month is None:
            return Narrated(f"{year:04d}", date(year, 7, 1))
        if day is None:
            return Narrated(f"{year:04d}-{month:02d}", date(year, month, 15))
        try:
            return Narrated(f"{year:04d}-{month:02d}-{day:02d}", date(year, month, day))
        except ValueError:
            return Narrated(f"{year:04d}-{month:02d}", date(year, month, 15))  # "31 February": the month holds
    return None


def news_day(tokens: list[Token], first: int, last: int) -> bool:
    """Whether a sentence is set on the story's own days ("on Monday", "yesterday", "today"): a narrated past a
    sentence before it told no longer dates it."""
    days = words().news_days
    return any(t.norm in days for t in tokens[first:last])
