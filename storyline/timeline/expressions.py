"""Finding and resolving the date expressions of articles (`find_dates`): scan the text, skip
names and words that only look like dates, resolve each match by `rules`, and hand spaCy DATE
entities no rule reads to dateparser. Sits on every module but `events`; `analyze` calls it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.timeline.patterns import (
    _EXPRESSION,
    _EXPRESSION_ANY_CASE,
    _HOLIDAYS,
    _MONTH,
    _SHIFT,
    _YEAR,
    _day_number,
    _has_capitals,
)
from storyline.timeline.periods import _day, _Resolved
from storyline.timeline.publication import _years_written, publication_date_in_text
from storyline.timeline.rules import (
    _ago,
    _bare_month,
    _Context,
    _day_word,
    _month_day,
    _month_year,
    _numeric_date,
    _relative_period,
    _weekday,
    _weekend,
)
from storyline.types import Article, Citation, DateMention

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Explicit years this far past the publication date are read as something else (a count).
_MAX_YEARS_AHEAD = 50
_MIN_YEAR = 1600
# Words that make a bare month or year a date: "in March", "since 1999", "fiscal 2005".
_MONTH_INTRODUCED = re.compile(
    r"(?i:\b(?:on|in|since|until|till|by|from|during|through|throughout|before|after|of"
    r"|around|as\s+of|early|late|mid|back\s+in|beginning|end|start|middle))[\s-]+$"
)
_YEAR_INTRODUCED = re.compile(
    r"(?i:\b(?:on|in|since|until|till|by|from|during|through|throughout|before|after|of"
    r"|around|as\s+of|early|late|mid|back\s+in|beginning|end|start|middle|fiscal|year"
    r"|spring|summer|fall|autumn|winter|post|pre))[\s-]+$"
)
_HOLIDAY_INTRODUCED = re.compile(
    r"(?i:\b(?:on|by|before|after|until|till|since|of|over|from|to|around))\s+$")
# spaCy labels of names that may hold a date word: "The Sunday Times", NBC's "Today".
_NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "LAW"})
_ANAPHORIC_YEAR = re.compile(
    r",?\s+(?:of\s+)?(?i:that|the\s+same|the\s+following|the\s+next|the\s+previous"
    r"|the\s+preceding)\s+year\b")
# "every November", "each Monday", "on a Sunday": a habit or any such day, not a date.
_HABITUAL = re.compile(r"(?i:\b(?:every|each|a|an|any|one))\s+$")
# "the last year", "the next week", "over the past Friday": spans of time, not dates.
_THE_BEFORE = re.compile(r"(?i:\bthe)\s+$")
# Prepositions that become part of the expression ("on Tuesday", "in 2017").
_LEADING_PREPOSITION = re.compile(r"(?:\b(?P<prep>[Oo]n|[Ii]n))\s+$")
_FALLBACK_SHAPE = re.compile(rf"\d.*{_MONTH}|{_MONTH}.*\d")
_FALLBACK_REFUSE = re.compile(
    r"(?i:\b(?:later|earlier|before|after|ago|next|previous|following|same|past|last|coming"
    r"|since|until|between|through|every|each|per|year-old|years?\s+old|age)\b|\d+s\b)"
)


def find_dates(articles: Sequence[Article], docs: Sequence[Doc]) -> tuple[DateMention, ...]:
    """Every date expression the articles write, resolved, in article then text order.

    `docs[i]` is spaCy's parse of `articles[i].text` (may be empty, then only the rules run).
    """
    mentions: list[DateMention] = []
    years_written = _years_written(articles)
    for index, article in enumerate(articles):
        doc = docs[index] if index < len(docs) else None
        mentions.extend(_article_dates(article, doc, years_written))
    return tuple(mentions)


def _article_dates(article: Article, doc: Doc | None,
                   years_written: dict[tuple[int, int], int]) -> Iterator[DateMention]:
    text = article.text
    if not text.strip():
        return
    date_spans: list[tuple[int, int]] = []
    other_spans: list[tuple[int, int]] = []
    name_spans: list[tuple[int, int]] = []
    if doc is not None:
        for ent in doc.ents:
            if ent.label_ == "DATE":
                date_spans.append((ent.start_char, ent.end_char))
            else:
                other_spans.append((ent.start_char, ent.end_char))
                if ent.label_ in _NAME_LABELS:
                    name_spans.append((ent.start_char, ent.end_char))
    base = article.date or publication_date_in_text(text)
    context = _Context(text, doc, base, date_spans, other_spans, years_written)
    found: list[tuple[int, int, _Resolved]] = []
    expressions = _EXPRESSION if _has_capitals(text) else _EXPRESSION_ANY_CASE
    for match in expressions.finditer(text):
        if not _inside(name_spans, match.start(), match.end()):  # "The Sunday Times"
            found.extend(_resolve_match(match, context))
    for start, end in date_spans:
        if _overlaps([(s, e) for s, e, _ in found], start, end):
            continue
        written = text[start:end]
        if not _FALLBACK_SHAPE.search(written) or _FALLBACK_REFUSE.search(written):
            continue
        by_dateparser = _dateparser(written, base)
        if by_dateparser is not None:
            found.append((start, end, by_dateparser))
    for start, end, resolved in sorted(found, key=lambda f: f[0]):
        if _is_plausible(resolved.date, base):
            yield _mention(article, start, end, resolved)


def _mention(article: Article, start: int, end: int, resolved: _Resolved) -> DateMention:
    return DateMention(
        expression=article.text[start:end], date=resolved.date, precision=resolved.precision,
        citation=Citation(article_id=article.id, start=start, end=end),
    )


def _is_plausible(date: dt.date, base: dt.date | None) -> bool:
    latest = (base or dt.date.today()).year + _MAX_YEARS_AHEAD
    return _MIN_YEAR <= date.year <= latest


def _resolve_match(match: re.Match[str], context: _Context) -> list[tuple[int, int, _Resolved]]:
    """The spans to cite and the resolved dates of one rule match; empty to leave it out."""
    kind = match.lastgroup
    start, end = match.span()
    if kind in ("md", "dm", "mo", "mp", "mr") and _ANAPHORIC_YEAR.match(context.text, end):
        return []  # "in November that year": a year the text named before, not base's
    if kind in ("md", "dm"):
        return _month_days(match, kind, context)
    resolved: _Resolved | None
    if kind == "iso":
        resolved = _day(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
    elif kind == "num":
        resolved = _numeric_date(int(match["num_a"]), int(match["num_b"]), int(match["num_y"]))
    elif kind == "my":
        resolved = _month_year(match, context)
    elif kind == "mp":
        resolved = _bare_month(match["mp_m"], None, context, start, end)
    elif kind == "mr":
        resolved = _bare_month(match["mr_m"], match["mr_rel"], context, start, end)
    elif kind == "yp":
        resolved = _Resolved(dt.date(int(match["yp_y"]), 1, 1), "year")
    elif kind == "wd":
        resolved = _weekday(match["wd_d"], match["wd_rel"], context, start, end)
    elif kind == "dy":
        resolved = _day_word(match["dy"], context.base)
    elif kind == "rl":
        resolved = _relative_period(match["rl_rel"], match["rl_unit"], context.base)
    elif kind == "hd":
        # Only as a date ("on Halloween"), not a kind of thing ("Halloween revelers").
        if not _introduced(_HOLIDAY_INTRODUCED, context, start):
            return []
        name = " ".join(match["hd"][:len(match["hd"]) - len(match["hd_y"] or "")].lower()
                        .replace("’", "'").rstrip(", ").split())
        month, day = _HOLIDAYS[name]
        resolved = _month_day(calendar.month_name[month], str(day), match["hd_y"], None,
                              context, start, end)
    elif kind == "ew":
        resolved = _relative_period("this", match["ew_unit"], context.base)
    elif kind == "we":
        resolved = _weekend(context, start, end)
    elif kind == "ago":
        resolved = _ago(match, context)
    elif kind == "mo":
        # "May" is also a name and a verb: only "in May", "since May" and the like.
        is_date = _introduced(_MONTH_INTRODUCED, context, start) or (
            match["mo_m"].lower() != "may" and _inside(context.date_spans, start, end))
        if not is_date or _overlaps(context.other_spans, start, end) or _introduced(
                _HABITUAL, context, start):
            return []
        resolved = _bare_month(match["mo_m"], None, context, start, end)
    elif kind == "yr":
        is_event = _opens_event(context, start, end)  # "the 2006 Winter Olympics"
        is_date = is_event or _inside(context.date_spans, start, end) or _introduced(
            _YEAR_INTRODUCED, context, start)
        if not is_date or (_overlaps(context.other_spans, start, end) and not is_event):
            return []
        resolved = _Resolved(dt.date(int(match["yr_y"]), 1, 1), "year")
    else:  # pragma: no cover - every alternative is named
        raise AssertionError(kind)
    if resolved is None:
        return []
    if kind in ("wd", "mr", "rl") and _THE_BEFORE.search(context.text, max(0, start - 5), start):
        return []
    if kind == "wd" and _introduced(_HABITUAL, context, start):
        return []
    if kind in ("iso", "num", "my", "mo", "yr", "hd") or (
            kind == "wd" and _preposition(context, start) == "on"):
        start = _with_preposition(context, start)
    return [(start, end, resolved)]


def _month_days(match: re.Match[str], kind: str, context: _Context
                ) -> list[tuple[int, int, _Resolved]]:
    """"April 15", "15 April 2018"; two days for "June 13 and 14" or "the 7th and 8th of July"."""
    start, end = match.span()
    month, year, weekday = match[f"{kind}_m"], match[f"{kind}_y"], match[f"{kind}_wd"]
    if kind == "md" and match["md_rel"]:  # "June 1 last year"
        if context.base is None:
            return []
        year = str(context.base.year + _SHIFT[match["md_rel"].lower()])
    if kind == "md":
        days = [(start, end, match["md_d"])]
        if match["md_d2"]:
            days = [(start, match.end("md_d"), match["md_d"]),
                    (match.start("md_d2"), end, match["md_d2"])]
    else:
        days = [(start, end, match["dm_d"])]
        if match["dm_d0"]:
            days = [(start, match.end("dm_d0"), match["dm_d0"]),
                    (match.start("dm_d"), end, match["dm_d"])]
    if len(days) == 2 and _day_number(days[1][2]) <= _day_number(days[0][2]):
        return []  # "Oct. 9 and 2 others": not a pair of days
    found = []
    for day_start, day_end, day in days:
        resolved = _month_day(month, day, year, weekday, context, start, end)
        if resolved is not None:
            found.append((day_start, day_end, resolved))
    if found:
        found[0] = (_with_preposition(context, found[0][0]), found[0][1], found[0][2])
    return found


def _preposition(context: _Context, start: int) -> str | None:
    prep = _LEADING_PREPOSITION.search(context.text, max(0, start - 4), start)
    return prep["prep"].lower() if prep is not None else None


def _with_preposition(context: _Context, start: int) -> int:
    """Where the expression starts with its "on" or "in" ("on Tuesday", "in 2017")."""
    prep = _LEADING_PREPOSITION.search(context.text, max(0, start - 4), start)
    return prep.start("prep") if prep is not None else start


def _introduced(words: re.Pattern[str], context: _Context, start: int) -> bool:
    """True when one of `words` comes just before the expression ("in 2017")."""
    return words.search(context.text, max(0, start - 20), start) is not None


def _opens_event(context: _Context, start: int, end: int) -> bool:
    """A year that opens the name of an event spaCy found ("the 2006 Winter Olympics")."""
    if context.doc is None:
        return False
    span = context.doc.char_span(start, end)
    if span is None or len(span) != 1 or span[0].ent_type_ != "EVENT":
        return False
    token = span[0]
    return token.ent_iob_ == "B" or (token.i > 0 and token.nbor(-1).ent_iob_ == "B"
                                     and token.nbor(-1).lower_ == "the")


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


# --- dateparser, for the DATE entities no rule reads ------------------------------------------


def _dateparser(written: str, base: dt.date | None) -> _Resolved | None:
    return _dateparser_cached(" ".join(written.split()), base)


@lru_cache(maxsize=4096)
def _dateparser_cached(written: str, base: dt.date | None) -> _Resolved | None:
    # Slow to import, so only when needed; it ships no type hints.
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                                   "REQUIRE_PARTS": ["month"]}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    elif not re.search(_YEAR, written):
        return None
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(written)
    if data.date_obj is None or data.period not in ("day", "month", "year"):
        return None
    date = data.date_obj.date()
    precision = data.period or "day"
    if precision == "month":
        date = date.replace(day=1)
    elif precision == "year":
        date = date.replace(month=1, day=1)
    return _Resolved(date, precision)
