"""The rules that turn one matched expression into a date ("April 15", "in March", "Tuesday",
"last week", "three days ago"), against an article's `_Context`: its text, parse and base date.
Sits on `periods`, `patterns` and `tense`; `expressions` calls it for each match.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.timeline.patterns import (
    _NUMBER_WORDS,
    _SHIFT,
    _WEEKDAYS,
    _day_number,
    _month_number,
)
from storyline.timeline.periods import _Resolved, _add_months, _day, _monday
from storyline.timeline.tense import FUTURE, PAST, _clause_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A month and day without a year this close ahead of publication is this year's, whatever
# the tense: a writer would give last year's its year.
_SOON = dt.timedelta(days=45)

# A future-tense clause that would put a month ten months or more ahead speaks of the one
# just gone: a writer would say "next September".
_FAR_AHEAD = dt.timedelta(days=300)
_FAR_AHEAD_MONTHS = 10
# Counts that only approximate ("about two weeks ago") give no exact date.
_HEDGE_BEFORE = re.compile(
    r"(?i:\b(?:about|nearly|almost|around|roughly|some|over|more\s+than|less\s+than|fewer\s+than"
    r"|under|approximately|at\s+least|up\s+to|few|several|couple\s+of|and\s+a\s+half))\s+$"
)
_HEDGE_AFTER = re.compile(r"(?i:\s+and\s+a\s+half)")


@dataclass(slots=True)
class _Context:
    """What resolving one article's expressions needs: its text, parse and reference date."""

    text: str
    doc: Doc | None
    base: dt.date | None
    date_spans: list[tuple[int, int]]  # spaCy DATE entities
    other_spans: list[tuple[int, int]]  # spaCy's other entities: "Theresa May", "2,000 troops"
    years_written: dict[tuple[int, int], int]  # (month, day) -> the year the story gives it
    _token_starts: list[int] | None = None

    def tense(self, start: int, end: int) -> str | None:
        return _clause_tense(self, start, end)

    def is_future(self, start: int, end: int) -> bool:
        return _clause_tense(self, start, end) == FUTURE

    def token_starts(self) -> list[int]:
        if self._token_starts is None:
            assert self.doc is not None
            self._token_starts = self.doc.to_array("IDX").tolist()
        return self._token_starts


def _month_day(month_name: str, day_text: str, year_text: str | None, weekday: str | None,
               context: _Context, start: int, end: int) -> _Resolved | None:
    month = _month_number(month_name)
    day = _day_number(day_text)
    if year_text is not None:
        return _day(int(year_text), month, day)
    if (month, day) in context.years_written:
        return _day(context.years_written[month, day], month, day)
    base = context.base
    if base is None:
        return None
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        valid = _day(year, month, day)
        if valid is not None:
            candidates.append(valid.date)
    if weekday is not None:  # "Wednesday, Oct. 9": the year whose Oct. 9 is a Wednesday
        agreeing = [d for d in candidates if d.weekday() == _WEEKDAYS[weekday.capitalize()]]
        if agreeing:
            return _Resolved(min(agreeing, key=lambda d: abs(d - base)), "day")
    later = [d for d in candidates if d >= base]
    earlier = [d for d in candidates if d <= base]
    tense = context.tense(start, end)
    if tense == FUTURE and later and min(later) - base < _FAR_AHEAD:
        return _Resolved(min(later), "day")
    if later and min(later) - base <= _SOON:
        # "has called for a meeting on Nov. 9", "the search was extended to May 25", "fled
        # to campaign for the Nov. 3 elections": a writer gives last year's its year
        return _Resolved(min(later), "day")
    return _Resolved(max(earlier), "day") if earlier else None


def _numeric_date(first: int, second: int, year: int) -> _Resolved | None:
    """"25/12/2004" or "12/25/2004"; None for "5/12/2004", which is May or December
    depending on the writer's country."""
    if first > 12 >= second:
        return _day(year, second, first)
    if second > 12 >= first:
        return _day(year, first, second)
    return None


def _month_year(match: re.Match[str], context: _Context) -> _Resolved | None:
    month = _month_number(match["my_m"])
    if match["my_y"] is not None:
        return _Resolved(dt.date(int(match["my_y"]), month, 1), "month")
    if context.base is None:
        return None
    shift = _SHIFT[match["my_rel"].lower()]
    return _Resolved(dt.date(context.base.year + shift, month, 1), "month")


def _bare_month(month_name: str, relation: str | None, context: _Context,
                start: int, end: int) -> _Resolved | None:
    """A month without a year: the latest such month up to base, or the next when future."""
    base = context.base
    if base is None:
        return None
    month = _month_number(month_name)
    rel = " ".join(relation.lower().split()) if relation else ""
    if rel in ("last", "this past"):
        year = base.year if month < base.month else base.year - 1
    elif rel in ("next", "coming", "this coming"):
        year = base.year if month > base.month else base.year + 1
    elif rel == "this":
        year = base.year
    elif _is_month_ahead(month, context.tense(start, end), base):
        year = base.year if month >= base.month else base.year + 1
    else:
        year = base.year if month <= base.month else base.year - 1
    return _Resolved(dt.date(year, month, 1), "month")


def _is_month_ahead(month: int, tense: str | None, base: dt.date) -> bool:
    """Whether a month named without a year is the coming one rather than the last.

    Ahead when the clause is future, unless that puts it ten months or more ahead ("expect
    inflation to fall from 10 percent in September" in November is the September just
    gone); and next month's name is ahead unless the clause is past ("the November
    elections" in an October piece).
    """
    months_ahead = (month - base.month) % 12
    if tense == FUTURE:
        return months_ahead < _FAR_AHEAD_MONTHS
    return months_ahead == 1 and tense != PAST


def _weekday(name: str, relation: str | None, context: _Context,
             start: int, end: int) -> _Resolved | None:
    base = context.base
    if base is None:
        return None
    weekday = _WEEKDAYS[name.capitalize()]
    rel = " ".join(relation.lower().split()) if relation else ""
    back = (base.weekday() - weekday) % 7  # days since the latest such day, 0 for base
    ahead = (weekday - base.weekday()) % 7
    if rel in ("last", "this past"):
        offset = -(back or 7)
    elif rel in ("next", "coming", "this coming"):
        offset = ahead or 7
    elif context.is_future(start, end):
        offset = ahead
    else:
        offset = -back
    return _Resolved(base + dt.timedelta(days=offset), "day")


def _day_word(written: str, base: dt.date | None) -> _Resolved | None:
    if base is None:
        return None
    word = " ".join(written.lower().replace("’", "'").removesuffix("'s").split())
    offsets = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1,
               "tomorrow": 1, "last night": -1}
    return _Resolved(base + dt.timedelta(days=offsets.get(word, 0)), "day")


def _relative_period(relation: str, unit: str, base: dt.date | None) -> _Resolved | None:
    if base is None:
        return None
    shift = _SHIFT[" ".join(relation.lower().split())]
    unit = unit.lower()
    if unit in ("week", "weekend"):
        return _Resolved(_monday(base) + dt.timedelta(weeks=shift), "week")
    if unit == "month":
        return _Resolved(_add_months(base.replace(day=1), shift), "month")
    return _Resolved(dt.date(base.year + shift, 1, 1), "year")


def _weekend(context: _Context, start: int, end: int) -> _Resolved | None:
    """"The weekend": the one ending on or before base (or the coming one, when future)."""
    base = context.base
    if base is None:
        return None
    if base.weekday() >= 5:  # written on the weekend itself
        return _Resolved(_monday(base), "week")
    shift = 0 if context.is_future(start, end) else -1
    return _Resolved(_monday(base) + dt.timedelta(weeks=shift), "week")


def _ago(match: re.Match[str], context: _Context) -> _Resolved | None:
    base = context.base
    if base is None:
        return None
    start, end = match.span()
    if _HEDGE_BEFORE.search(context.text, max(0, start - 20), start) or _HEDGE_AFTER.match(
            context.text, match.start("ago_u") + len(match["ago_u"])):
        return None
    count_text = match["ago_n"].lower()
    count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS[count_text]
    unit = match["ago_u"].lower()
    if unit == "day":
        return _Resolved(base - dt.timedelta(days=count), "day")
    if unit == "week":
        return _Resolved(_monday(base - dt.timedelta(weeks=count)), "week")
    if unit == "month":
        return _Resolved(_add_months(base.replace(day=1), -count), "month")
    return _Resolved(dt.date(base.year - count, 1, 1), "year")
