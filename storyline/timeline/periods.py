"""Precisions and calendar arithmetic for the timeline: a resolved date, a valid day, a week's
Monday, months added, a period's start. The bottom layer: rules, expressions and events sit on it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PRECISIONS = ("day", "week", "month", "year")
_RANK = {p: i for i, p in enumerate(PRECISIONS)}  # lower is more precise


@dataclass(frozen=True, slots=True)
class _Resolved:
    date: dt.date
    precision: str


def _day(year: int, month: int, day: int) -> _Resolved | None:
    try:
        return _Resolved(dt.date(year, month, day), "day")
    except ValueError:  # "February 30"
        return None


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_months(first_of_month: dt.date, months: int) -> dt.date:
    index = first_of_month.year * 12 + first_of_month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _period_start(date: dt.date, precision: str) -> dt.date:
    if precision == "week":
        return _monday(date)
    if precision == "month":
        return date.replace(day=1)
    if precision == "year":
        return date.replace(month=1, day=1)
    return date
