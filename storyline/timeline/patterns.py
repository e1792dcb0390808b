"""How dates are written: month, weekday and number words, and the one regular expression that
finds every date expression in a text (in any case, for corpora that lower-case everything).
Sits on nothing; `expressions` scans with it, `rules` and `publication` read its words.
"""

from __future__ import annotations

import calendar
import re

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
        # "2017", "2017's", "post-2012" (kept when a preposition or spaCy says it is a date)
        rf"(?P<yr>(?:(?<![\d$£€.,'’/-])|(?<=[Pp]ost-)|(?<=[Pp]re-))(?P<yr_y>{_YEAR})(?!s\b|-\d|/\d|,\d|\.\d)"
        + _POSSESSIVE + ")",
    ]) + ")"
)
# Some corpora lower-case everything ("released on tuesday"): month and weekday names are
# read in any case there, and only there ("may" and "march" are words too).
_EXPRESSION_ANY_CASE = re.compile(_EXPRESSION.pattern, re.IGNORECASE)
_MID_SENTENCE_WORD = re.compile(r"(?<![.!?\"“'‘\n:])\s+([A-Za-z][a-z]+)")
_LOWER_CASED_SHARE = 0.01  # news has 4% or more capitalised words inside its sentences


def _has_capitals(text: str) -> bool:
    """False for text lower-cased but for sentence starts ("the washington post, september 11,
    2013"), as some corpora give it: no word inside a sentence starts with a capital."""
    words = _MID_SENTENCE_WORD.findall(text, 0, 3000)  # the opening tells
    return sum(w[0].isupper() for w in words) > _LOWER_CASED_SHARE * len(words)


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".").capitalize()]


def _day_number(written: str) -> int:
    return int(written.rstrip("stndrh"))
