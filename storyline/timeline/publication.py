"""Full dates (day, month and year) that a text writes: the stand-in publication date of an
undated article, and the year a story gives a month and day it also writes without one.
Sits on `periods` and `patterns`; `expressions` takes each article's base date from it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from storyline.timeline.patterns import (
    _AFTER_MONTH,
    _DAY,
    _MONTH,
    _YEAR,
    _has_capitals,
    _month_number,
)
from storyline.timeline.periods import _day
from storyline.types import Article

_FULL_DATE = re.compile(
    rf"(?P<m>{_MONTH}){_AFTER_MONTH}(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})"
    rf"|(?P<d2>{_DAY})(?:\s+of)?\s+(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})"
    r"|(?<![\d-])(?P<y3>(?:19|20)\d\d)-(?P<m3>0[1-9]|1[0-2])-(?P<d3>0[1-9]|[12]\d|3[01])(?![\d-])"
)
_FULL_DATE_ANY_CASE = re.compile(_FULL_DATE.pattern, re.IGNORECASE)
_DATELINE_CHARS = 200


def full_dates(text: str) -> list[tuple[int, dt.date]]:
    """Where the text writes a date with day, month and year, and that date, in text order."""
    found: list[tuple[int, dt.date]] = []
    full_date = _FULL_DATE if _has_capitals(text) else _FULL_DATE_ANY_CASE
    for match in full_date.finditer(text):
        if match["y"]:
            month, day, year = _month_number(match["m"]), match["d"], match["y"]
        elif match["y2"]:
            month, day, year = _month_number(match["m2"]), match["d2"], match["y2"]
        else:
            month, day, year = int(match["m3"]), match["d3"], match["y3"]
        resolved = _day(int(year), month, int(day.rstrip("stndrh")))
        if resolved is not None:
            found.append((match.start(), resolved.date))
    return found


def publication_date_in_text(text: str) -> dt.date | None:
    """A stand-in publication date for an undated article: a full date in its dateline or
    first lines, else the latest full date it writes; None when it writes none."""
    found = full_dates(text)
    if not found:
        return None
    if found[0][0] < _DATELINE_CHARS:
        return found[0][1]
    return max(date for _, date in found)


def _years_written(articles: Sequence[Article]) -> dict[tuple[int, int], int]:
    """(month, day) -> year, for the days the story writes in full with a single year.

    "The July 7 bombings" in a piece of 2008 is the July 7 the story elsewhere calls
    "July 7, 2005", not the latest July 7.
    """
    years: dict[tuple[int, int], set[int]] = {}
    for article in articles:
        for _, date in full_dates(article.text):
            years.setdefault((date.month, date.day), set()).add(date.year)
    return {day: next(iter(found)) for day, found in years.items() if len(found) == 1}
