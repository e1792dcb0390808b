"""Timeline: date expressions resolved to calendar dates, and the dated sentences as events.

Part of the analysis stage (parse -> entities -> quotes -> timeline -> agreement). Every
expression is resolved against its article's publication date (the base); one that needs a
base the article does not give, or that names no point in time ("four months", "recently",
"the next day", "in November that year", "the 1990s", "every Monday", "about two weeks
ago"), is left out rather than guessed. Each mention has a precision, and its date is the
first day of its period (the Monday of a week).

Rules, with base = publication date, else a full date in the article's first lines (a
dateline), else the latest full date it writes:
- weekday ("on Tuesday", "Friday night", "Monday's"): the latest such day on or before
  base, base itself included ("on Wednesday" in a Wednesday piece is that day); "last
  Tuesday" is strictly before. The coming one (base included) when the clause is future:
  "next/coming Tuesday", "will meet on Tuesday", "is due Tuesday", "plans to ... Tuesday",
  a planning present ("the visa expires Friday"). The tense is the governing verb's, read
  from spaCy's tags (see `_clause_tense`).
- month and day without a year ("April 15", "the 7th of July"): the year the story writes it
  with when it does ("the July 7 bombings" beside "July 7, 2005"); else the latest on or
  before base, unless the clause is future or the day falls within 45 days after base (a
  writer gives last year's its year).
- month without a day ("in March", "mid-February", "early March"): month precision, the
  latest such month up to base's; the coming one when the clause is future (unless ten
  months or more ahead) or when it is next month's name and the clause is not past.
  "last March" is strictly before base's month, "next March" strictly after.
- "today", "tonight", "this morning", "yesterday", "last night", "tomorrow": day.
- "last/this/next week", "earlier this week", "earlier in the week", "the weekend": week,
  by ISO weeks (Monday to Sunday).
- "last/this/next month|year", "earlier this year": month or year precision.
- "N days|weeks|months|years ago": day, week, month or year precision.
- explicit dates ("April 15, 2018", "15 April 2018", "2018-04-15", "25/12/2004", "May 2004",
  "early 2005", "in 2017"): as written; "5/12/2004" (May or December?) is left out. A bare
  four-digit year counts when spaCy tags it DATE or a preposition introduces it.
- spaCy DATE entities that no rule reads go to dateparser when they hold a month name and
  a number; anaphora and durations never do.
Names that hold a date word ("The Sunday Times") are skipped. Text that a corpus gives
lower-cased ("released on tuesday") is read in any case.

Events: each sentence with a resolved date is one event at its most precise date; the
sentences that report the same event across articles merge into one, with a citation per
article (see `build_events`).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from . import terms
from .candidates import SentencePool, build_pool
from .cite import SUPPORT_CONTAINMENT
from .types import Article, Citation, DateMention, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PRECISIONS = ("day", "week", "month", "year")
FUTURE, PAST, PRESENT = "future", "past", "present"  # the tense of a clause
_RANK = {p: i for i, p in enumerate(PRECISIONS)}  # lower is more precise

# Dated sentences from different articles that share a date and this share of their content
# words (Jaccard) report the same event even when they are not near-copies.
EVENT_OVERLAP = 0.4

# A month and day without a year this close ahead of publication is this year's, whatever
# the tense: a writer would give last year's its year.
_SOON = dt.timedelta(days=45)

# A future-tense clause that would put a month ten months or more ahead speaks of the one
# just gone: a writer would say "next September".
_FAR_AHEAD = dt.timedelta(days=300)
_FAR_AHEAD_MONTHS = 10

# Explicit years this far past the publication date are read as something else (a count).
_MAX_YEARS_AHEAD = 50
_MIN_YEAR = 1600

_MONTHS = {
    name: number
    for number, names in enumerate(
        [(), ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"),
         ("May",), ("June", "Jun"), ("July", "Jul"), ("August", "Aug"),
         ("September", "Sept", "Sep"), ("October", "Oct"), ("November", "Nov"),
         ("December", "Dec")]
    )
    for name in names
}
_SHIFT = {"last": -1, "this past": -1, "this": 0, "next": 1}
# Holidays on a fixed day, read like "Dec. 25": "on Christmas Day", "by New Year's Eve".
_HOLIDAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "halloween": (10, 31), "st patrick's day": (3, 17), "st. patrick's day": (3, 17),
    "bastille day": (7, 14), "guy fawkes night": (11, 5), "armistice day": (11, 11),
    "fourth of july": (7, 4), "july fourth": (7, 4),
}
_WEEKDAYS = {name: i for i, name in enumerate(calendar.day_name)}  # Monday = 0
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_AFTER_MONTH = r"(?:(?<=\.)\s*|\s+)"  # "Oct. 25", and "Oct.25" as some wires write it
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"  # not "7:30"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d])"
_COUNT = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_AND_DAY = r"\s*(?:and|or|&|-|–|to)\s*"  # "June 13 and 14", "the 7th and 8th of July"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_POSSESSIVE = r"(?:['’]s)?"
_MONTH_PART = r"(?i:early|mid|late|the\s+(?:beginning|start|end|middle)\s+of)"

# Alternatives are tried in order at each position, so the longer forms come first. Only
# word starts are tried at all: that alone makes the scan five times faster.
_EXPRESSION = re.compile(
    r"(?<![\w'’])(?:" + "|".join([
        # "Wednesday, Oct. 9, 2002", "April 15", "July 9th 2005"
        rf"(?P<md>(?:(?P<md_wd>{_WEEKDAY}),?\s+)?(?P<md_m>{_MONTH}){_AFTER_MONTH}(?P<md_d>{_DAY})"
        rf"(?:{_AND_DAY}(?P<md_d2>{_DAY}))?(?:(?:,\s*|\s+)(?P<md_y>{_YEAR})"
        r"|\s+(?P<md_rel>(?i:last|this|next))\s+year(?![a-z]))?)",
        # "15 April 2018", "the 9th of July"
        rf"(?P<dm>(?:(?P<dm_wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?:(?P<dm_d0>{_DAY}){_AND_DAY}"
        rf"(?:the\s+)?)?(?P<dm_d>{_DAY})(?:\s+of)?\s+"
        rf"(?P<dm_m>{_MONTH})(?![a-z])(?:,?\s+(?P<dm_y>{_YEAR}))?)",
        # "2018-04-15"
        r"(?P<iso>(?<![\d-])(?P<iso_y>(?:1[6-9]|20)\d\d)-(?P<iso_m>0[1-9]|1[0-2])"
        r"-(?P<iso_d>0[1-9]|[12]\d|3[01])(?![\d-]))",
        # "25/12/2004", "12.25.2004": only when the order shows (a day past 12)
        r"(?P<num>(?<![\d/.-])(?P<num_a>[0-3]?\d)(?P<num_sep>[/.])(?P<num_b>[0-3]?\d)"
        r"(?P=num_sep)(?P<num_y>(?:1[6-9]|20)\d\d)(?![\d/-]|\.\d))",
        # "mid-February 2018", "May 2004", "September of last year"
        rf"(?P<my>(?:(?P<my_part>{_MONTH_PART})[\s-]+)?(?P<my_m>{_MONTH})(?:\s+of)?,?\s+"
        rf"(?:(?P<my_y>{_YEAR})|(?P<my_rel>(?i:last|this|next))\s+year))",
        # "mid-February", "early March", "the end of November"
        rf"(?P<mp>(?P<mp_part>{_MONTH_PART})[\s-]+(?P<mp_m>{_MONTH})(?![a-z]))",
        # "last November", "this coming May"
        rf"(?P<mr>(?P<mr_rel>(?i:last|this\s+past|this\s+coming|this|next|coming))\s+"
        rf"(?P<mr_m>{_MONTH})(?![a-z]))",
        # "early 2005", "the end of 1999"
        rf"(?P<yp>(?P<yp_part>{_MONTH_PART})[\s-]+(?P<yp_y>{_YEAR}))",
        # "last Friday", "Friday night", "early Wednesday", "Monday's"
        rf"(?P<wd>(?:(?P<wd_rel>(?i:last|this\s+past|this\s+coming|this|next|coming|early"
        rf"|late))\s+)?(?P<wd_d>{_WEEKDAY})(?!,?\s+(?:the\s+)?(?:{_MONTH}{_AFTER_MONTH}\d"
        rf"|\d\d?(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}))"
        rf"{_POSSESSIVE}{_PART_OF_DAY}(?![a-z]))",  # "Tuesday, Nov. 19" is read as a date
        # "the day before yesterday", "yesterday", "last night", "this morning"
        r"(?P<dy>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
        r"|(?:earlier\s+|later\s+)?(?<!USA\s)today|tonight|yesterday|tomorrow|last\s+night"
        r"|this\s+(?:morning|afternoon|evening))" + _POSSESSIVE + r"(?![a-z]))",
        # "last week", "earlier this month", "late last year", "next week's"
        r"(?P<rl>(?:(?P<rl_part>(?i:earlier|later|early|late))\s+)?"
        r"(?P<rl_rel>(?i:last|this\s+past|this|next))\s+"
        r"(?P<rl_unit>(?i:week(?:end)?|month|year))"
        r"(?:['’]?s)?(?![a-z]))",  # "this year's", and "this years" as some write it
        # "earlier in the week", "later in the month"
        r"(?P<ew>(?i:earlier|later)\s+in\s+the\s+(?P<ew_unit>(?i:week|month|year))(?![a-z]))",
        # "on Christmas Day", "Halloween"
        r"(?P<hd>(?i:christmas\s+(?:day|eve)|boxing\s+day|new\s+year['’]s\s+(?:day|eve)"
        r"|valentine['’]s\s+day|halloween|st\.?\s+patrick['’]s\s+day|bastille\s+day"
        r"|guy\s+fawkes\s+night|armistice\s+day|fourth\s+of\s+july|july\s+fourth)(?![a-z])"
        rf"(?:,?\s+(?P<hd_y>{_YEAR}))?)",
        # "the weekend", "over the weekend"
        r"(?P<we>(?i:the)\s+weekend(?![a-z]))",
        # "10 days ago", "a year ago"
        rf"(?P<ago>(?P<ago_n>(?i:{_COUNT}))[\s-]+(?P<ago_u>(?i:day|week|month|year))s?\s+ago"
        r"(?![a-z]))",
        # "April" (kept when a preposition or spaCy says it is a date)
        rf"(?P<mo>(?P<mo_m>{_MONTH})(?![a-z]))",
        # "2017", "2017's" (kept when a preposition or spaCy says it is a date)
        rf"(?P<yr>(?<![\d$£€.,'’/-])(?P<yr_y>{_YEAR})(?!s\b|-\d|/\d|,\d|\.\d)"
        + _POSSESSIVE + ")",
    ]) + ")"
)
# Some corpora lower-case everything ("released on tuesday"): month and weekday names are
# read in any case there, and only there ("may" and "march" are words too).
_EXPRESSION_ANY_CASE = re.compile(_EXPRESSION.pattern, re.IGNORECASE)
_MID_SENTENCE_WORD = re.compile(r"(?<![.!?\"“'‘\n:])\s+([A-Za-z][a-z]+)")
_LOWER_CASED_SHARE = 0.01  # news has 4% or more capitalised words inside its sentences
# Words that make a bare month or year a date: "in March", "since 1999", "fiscal 2005".
_MONTH_INTRODUCED = re.compile(
    r"(?i:\b(?:on|in|since|until|till|by|from|during|through|throughout|before|after|of"
    r"|around|as\s+of|early|late|mid|back\s+in|beginning|end|start|middle))[\s-]+$"
)
_YEAR_INTRODUCED = re.compile(
    r"(?i:\b(?:on|in|since|until|till|by|from|during|through|throughout|before|after|of"
    r"|around|as\s+of|early|late|mid|back\s+in|beginning|end|start|middle|fiscal|year"
    r"|spring|summer|fall|autumn|winter))[\s-]+$"
)
_HOLIDAY_INTRODUCED = re.compile(
    r"(?i:\b(?:on|by|before|after|until|till|since|of|over|from|to|around))\s+$")
_SINCE = re.compile(r"(?i:\bsince)\b[^.;:!?]{0,30}$")  # "since undergoing surgery Aug. 12"
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
# Counts that only approximate ("about two weeks ago") give no exact date.
_HEDGE_BEFORE = re.compile(
    r"(?i:\b(?:about|nearly|almost|around|roughly|some|over|more\s+than|less\s+than|fewer\s+than"
    r"|under|approximately|at\s+least|up\s+to|few|several|couple\s+of|and\s+a\s+half))\s+$"
)
_HEDGE_AFTER = re.compile(r"(?i:\s+and\s+a\s+half)")
_FUTURE_MODALS = frozenset({"will", "'ll", "’ll", "shall", "wo", "would", "'d", "’d", "can",
                            "ca", "could", "may", "might", "should", "must"})
_SCHEDULE_WORDS = frozenset({
    "scheduled", "expected", "due", "set", "plans", "plan", "planned", "planning", "going",
    "intends", "intend", "intended", "aims", "hopes", "slated",
})
_TENSE_WINDOW = 30  # tokens
_VERB_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "MD"})
_GROUP_TAGS = _VERB_TAGS | {"RB", "TO"}
_SCHEDULE_TAGS = frozenset({"VBN", "VBZ", "VBP", "VBG", "JJ"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Present-tense verbs that report rather than plan: "says he met them on Friday".
_REPORTING = frozenset("""
    say says tell tells report reports claim claims believe believes think thinks know knows
    insist insists deny denies show shows suggest suggests indicate indicates confirm confirms
    admit admits add adds note notes recall recalls acknowledge acknowledges explain explains
    argue argues allege alleges estimate estimates remain remains accuse accuses blame blames
    """.split())
# ", and more aid was expected": the words that open another clause after a comma.
_CLAUSE_OPENERS = frozenset({"and", "but", "while", "whereas", "although", "though", "which",
                             "who", "whose", "where", "as", "or"})
_CLAUSE_END = frozenset({".", "!", "?", ";", "\n", "\n\n"})
_FALLBACK_SHAPE = re.compile(rf"\d.*{_MONTH}|{_MONTH}.*\d")
_FALLBACK_REFUSE = re.compile(
    r"(?i:\b(?:later|earlier|before|after|ago|next|previous|following|same|past|last|coming"
    r"|since|until|between|through|every|each|per|year-old|years?\s+old|age)\b|\d+s\b)"
)


@dataclass(frozen=True, slots=True)
class _Resolved:
    date: dt.date
    precision: str


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


def _has_capitals(text: str) -> bool:
    """False for text lower-cased but for sentence starts ("the washington post, september 11,
    2013"), as some corpora give it: no word inside a sentence starts with a capital."""
    words = _MID_SENTENCE_WORD.findall(text, 0, 3000)  # the opening tells
    return sum(w[0].isupper() for w in words) > _LOWER_CASED_SHARE * len(words)


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".").capitalize()]


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
        is_date = _inside(context.date_spans, start, end) or _introduced(
            _YEAR_INTRODUCED, context, start)
        if not is_date or _overlaps(context.other_spans, start, end):
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


def _day_number(written: str) -> int:
    return int(written.rstrip("stndrh"))


def _preposition(context: _Context, start: int) -> str | None:
    prep = _LEADING_PREPOSITION.search(context.text, max(0, start - 4), start)
    return prep["prep"].lower() if prep is not None else None


def _with_preposition(context: _Context, start: int) -> int:
    """Where the expression starts with its "on" or "in" ("on Tuesday", "in 2017")."""
    prep = _LEADING_PREPOSITION.search(context.text, max(0, start - 4), start)
    return prep.start("prep") if prep is not None else start


# --- the rules --------------------------------------------------------------------------------


def _day(year: int, month: int, day: int) -> _Resolved | None:
    try:
        return _Resolved(dt.date(year, month, day), "day")
    except ValueError:  # "February 30"
        return None


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


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_months(first_of_month: dt.date, months: int) -> dt.date:
    index = first_of_month.year * 12 + first_of_month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _introduced(words: re.Pattern[str], context: _Context, start: int) -> bool:
    """True when one of `words` comes just before the expression ("in 2017")."""
    return words.search(context.text, max(0, start - 20), start) is not None


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


# --- tense ------------------------------------------------------------------------------------


def _clause_tense(context: _Context, start: int, end: int) -> str | None:
    """FUTURE, PAST or PRESENT: the tense of the verb that governs the expression; None
    when the clause has no tensed verb.

    That verb is the nearest one before the expression ("will vote on Friday", "said on
    Friday"), unless a comma or an "and" stands between them and a verb follows in the
    same clause ("...that now runs the country, on Tuesday rejected...", "...has ever seen
    and the weekend will underline..."); with no verb before, the one after ("On Friday,
    the council will vote"). A participle or infinitive alone ("the dinner following
    Friday's inauguration", "by flying") has no tense and is passed over. "Thursday's
    planned ceremonies" is future whatever the verb; "since Friday" is past.
    """
    doc = context.doc
    if _SINCE.search(context.text, max(0, start - 40), start):
        return PAST
    if doc is None or len(doc) == 0:
        return None
    starts = context.token_starts()
    first = max(0, bisect.bisect_right(starts, start) - 1)
    last = bisect.bisect_left(starts, end)
    if last < len(doc) and _is_schedule_word(doc[last]):
        return FUTURE
    before = _tense_before(doc, first)
    if before is not None and not before[1]:
        return before[0]
    after = _tense_after(doc, last)
    if after is not None:
        return after
    return before[0] if before is not None else None


def _tense_before(doc: Doc, first: int) -> tuple[str, bool] | None:
    """(tense, is apart) of the nearest tensed verb group before token `first`; apart when
    a comma, "and" or "but" stands between it and the expression."""
    position = first - 1
    apart = False
    while position > max(-1, first - _TENSE_WINDOW):
        token = doc[position]
        if token.text in _CLAUSE_END:
            return None
        if token.text == "," or token.lower_ in ("and", "but"):
            apart = True
        elif token.tag_ in _VERB_TAGS or _is_schedule_word(token):
            tense = _group_tense(doc, position)
            if tense is not None:
                return tense, apart
            position = _start_of_verb_group(doc, position)
        position -= 1
    return None


def _tense_after(doc: Doc, last: int) -> str | None:
    """The tense of the first tensed verb group from token `last` on in the same clause;
    None when there is none before ", and", ", which" and the like."""
    position = last
    while position < min(len(doc), last + _TENSE_WINDOW):
        token = doc[position]
        if token.text in _CLAUSE_END or (token.text == "," and position + 1 < len(doc)
                                         and doc[position + 1].lower_ in _CLAUSE_OPENERS):
            return None
        if token.tag_ in _VERB_TAGS:
            group_end = _end_of_verb_group(doc, position)
            tense = _group_tense(doc, group_end)
            if tense is not None:
                return tense
            position = group_end
        position += 1
    return None


def _start_of_verb_group(doc: Doc, position: int) -> int:
    while position > 0 and doc[position - 1].tag_ in _GROUP_TAGS:
        position -= 1
    return position


def _end_of_verb_group(doc: Doc, position: int) -> int:
    """The main verb of the group starting at `position` ("will" -> "vote" in "will vote")."""
    while position + 1 < len(doc) and doc[position + 1].tag_ in _GROUP_TAGS:
        position += 1
    return position


def _is_schedule_word(token: Token) -> bool:
    """"is scheduled", "is due", "plans to", "is going to"; not the noun "a plan", the past
    "planned" or the base form ("began pushing to set up")."""
    return token.lower_ in _SCHEDULE_WORDS and token.tag_ in _SCHEDULE_TAGS


def _group_tense(doc: Doc, position: int) -> str | None:
    """The tense of the verb group ending at `position`; None for a participle or
    infinitive alone, which has no tense of its own.

    FUTURE: a modal ("will vote", "could be voted on"), a schedule ("is scheduled to",
    "is due", "plans to", "is to go"), or a present tense that plans rather than reports
    or describes ("the visa expires", "is leaving"): news writes the present for what is
    planned. PAST: the past tense and the past perfect ("said", "had been scheduled").
    PRESENT: the rest ("says", "has said", "is 150 km from", "is connected to").
    """
    group = []  # main verb first, back to the finite verb
    for back in range(position, max(-1, position - 6), -1):
        token = doc[back]
        if not (token.tag_ in _GROUP_TAGS or _is_schedule_word(token)):
            break
        group.append(token)
        if token.tag_ in _FINITE_TAGS:
            break
    if not group:
        return None
    words = [t.lower_ for t in group]
    finite = group[-1]
    is_perfect = group[0].tag_ == "VBN" and any(w in ("have", "has", "had") for w in words)
    if finite.tag_ == "MD":  # "will vote", "could be voted on"; but "could have voted"
        if is_perfect:
            return PAST
        return FUTURE if finite.lower_ in _FUTURE_MODALS else PRESENT
    if "had" in words:
        return PAST
    if any(_is_schedule_word(t) for t in group):
        return FUTURE
    if finite.tag_ not in _FINITE_TAGS:
        # "killed on August 7", "unsealed Sept. 25": a past participle tells the past; "the
        # dinner following Friday's inauguration", "to savor": no tense of their own
        return PAST if group[0].tag_ == "VBN" and len(group) == 1 else None
    if finite.tag_ == "VBD":
        return PAST
    if is_perfect:
        return PRESENT  # "has called for a meeting on Nov. 9": done, but of the present
    if len(group) > 2 and group[-2].tag_ == "TO" and finite.lower_ in ("is", "are", "am"):
        return FUTURE  # "is to go on trial"
    main = group[0]
    if main.lemma_ in ("be", "have") or main.tag_ == "VBN" or (
            main.lower_ in _REPORTING or main.lemma_ in _REPORTING):
        # "the town is 150 km from Wednesday's earthquake", "is connected to the outrages on
        # Thursday", "has little time", "says": a state or a report, not a plan
        return PRESENT
    return FUTURE


# --- publication date from the text -----------------------------------------------------------

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


# --- events -----------------------------------------------------------------------------------


def build_events(articles: Sequence[Article], dates: Sequence[DateMention]) -> tuple[Event, ...]:
    """One event per dated sentence, merged across the articles that report it, by date.

    A sentence takes its most precise date (the first when tied). Sentences merge when they
    are near-copies (one duplicate group of the sentence pool) with compatible dates, or when
    they come from different articles, share a date and EVENT_OVERLAP of their content
    words. An event cites each merged sentence, and near-copies that drop the date ("Crews
    walked out after talks collapsed") when they hold SUPPORT_CONTAINMENT of its other
    content words. Events come in date order, then reading order.
    """
    if not dates or not articles:
        return ()
    pool = build_pool(articles)
    dated = _dated_sentences(pool, dates)
    if not dated:
        return ()
    best = {i: _best(mentions) for i, mentions in dated.items()}
    words = {i: _content_words(pool, i) for i in dated}
    parent = {i: i for i in dated}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only sentences of one duplicate group, or with one date, can merge: compare those.
    buckets: dict[object, list[int]] = {}
    for i in sorted(dated):
        buckets.setdefault(("group", pool.group[i]), []).append(i)
        buckets.setdefault(("date", best[i].date, best[i].precision), []).append(i)
    for members in buckets.values():
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                if find(a) != find(b) and _same_event(pool, a, b, best, words):
                    ra, rb = find(a), find(b)
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in sorted(dated):
        groups.setdefault(find(i), []).append(i)
    copies: dict[int, list[int]] = {}
    for i, root in enumerate(pool.group):
        copies.setdefault(root, []).append(i)
    events = [_event(pool, members, dated, words, copies) for members in groups.values()]
    events.sort(key=lambda pair: (pair[1].date, pair[0]))
    return tuple(event for _, event in events)


def _content_words(pool: SentencePool, index: int) -> frozenset[str]:
    return frozenset(s for s in pool.candidates[index].stems if s not in terms.STOP_STEMS)


def _dated_sentences(pool: SentencePool, dates: Sequence[DateMention]
                     ) -> dict[int, list[DateMention]]:
    """Pool index of each sentence holding a date mention -> its mentions, in text order."""
    starts: dict[str, list[int]] = {}
    indices: dict[str, list[int]] = {}
    for index, candidate in enumerate(pool.candidates):
        sentence = candidate.sentence
        starts.setdefault(sentence.article_id, []).append(sentence.start)
        indices.setdefault(sentence.article_id, []).append(index)
    dated: dict[int, list[DateMention]] = {}
    for mention in dates:
        article_starts = starts.get(mention.citation.article_id)
        if not article_starts:
            continue
        slot = bisect.bisect_right(article_starts, mention.citation.start) - 1
        if slot < 0:
            continue
        index = indices[mention.citation.article_id][slot]
        if mention.citation.start >= pool.candidates[index].sentence.end:
            continue  # in a heading or caption that segmentation left out
        dated.setdefault(index, []).append(mention)
    return dated


def _best(mentions: Sequence[DateMention]) -> DateMention:
    """The most precise mention; the first of those when several are equally precise."""
    return min(mentions, key=lambda m: _RANK[m.precision])


def _contains(outer: DateMention, inner: DateMention) -> bool:
    """True when `inner`'s date falls within `outer`'s period (a day is within its month)."""
    if _RANK[outer.precision] < _RANK[inner.precision]:
        return False
    return _period_start(inner.date, outer.precision) == outer.date


def _period_start(date: dt.date, precision: str) -> dt.date:
    if precision == "week":
        return _monday(date)
    if precision == "month":
        return date.replace(day=1)
    if precision == "year":
        return date.replace(month=1, day=1)
    return date


def _same_event(pool: SentencePool, a: int, b: int, best: dict[int, DateMention],
                words: dict[int, frozenset[str]]) -> bool:
    first, second = best[a], best[b]
    if not (_contains(first, second) or _contains(second, first)):
        return False
    if pool.group[a] == pool.group[b]:
        return True
    if pool.candidates[a].article_index == pool.candidates[b].article_index:
        return False
    if (first.date, first.precision) != (second.date, second.precision):
        return False
    shared = len(words[a] & words[b])
    union = len(words[a] | words[b])
    return union > 0 and shared >= EVENT_OVERLAP * union


def _event(pool: SentencePool, members: list[int], dated: dict[int, list[DateMention]],
           words: dict[int, frozenset[str]], copies: dict[int, list[int]]
           ) -> tuple[int, Event]:
    best = min((_best(dated[i]) for i in members), key=lambda m: _RANK[m.precision])
    expressions: list[str] = []
    for i in members:
        for mention in dated[i]:
            if mention.date == best.date and mention.precision == best.precision \
                    and mention.expression not in expressions:
                expressions.append(mention.expression)
    cited: dict[int, int] = {}  # article index -> pool index of the sentence cited there
    for i in members:
        cited.setdefault(pool.candidates[i].article_index, i)
    for i in members:
        date_words = {stem for m in dated[i] for stem in terms.content_stems(m.expression)}
        wanted = words[i] - date_words
        for j in copies[pool.group[i]]:
            article = pool.candidates[j].article_index
            if article not in cited and j not in dated and wanted and (
                    len(wanted.intersection(pool.candidates[j].stems))
                    >= SUPPORT_CONTAINMENT * len(wanted)):
                cited[article] = j
    own = members[0]
    others = sorted(j for j in cited.values() if j != own)
    citations = tuple(_citation(pool, j) for j in [own, *others])
    first = pool.candidates[members[0]].sentence
    return members[0], Event(date=best.date, precision=best.precision, text=first.text,
                             citations=citations, expressions=tuple(expressions))


def _citation(pool: SentencePool, index: int) -> Citation:
    sentence = pool.candidates[index].sentence
    return Citation(article_id=sentence.article_id, start=sentence.start, end=sentence.end)
