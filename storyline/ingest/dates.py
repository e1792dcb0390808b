"""Dates written in article fields, whatever the format: ISO 8601 or RFC 2822, read as written.

Shared by the HTML, feed and JSON readers; sits on `collect`, which records a bad date as a warning.
"""

from __future__ import annotations

import datetime as dt
import email.utils

from storyline.ingest.collect import Collector

DATE_HINT = "use YYYY-MM-DD, an ISO 8601 date-time or an RFC 2822 date"


def date_field(value: object, name: str, where: str, collector: Collector) -> dt.date | None:
    """A date field's date, or None with a warning when it is present but not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    date = parse_date(value) if isinstance(value, str) else None
    if date is None:
        collector.warn(where, f'field "{name}" ({value!r}) is not a date; kept the article '
                       "without a date", DATE_HINT)
    return date


def parse_date(written: str) -> dt.date | None:
    """The calendar date as written: ISO 8601 date or date-time, or RFC 2822 (no UTC shift)."""
    written = written.strip()
    try:
        return dt.datetime.fromisoformat(written).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(written).date()
    except (TypeError, ValueError, IndexError):
        return None
