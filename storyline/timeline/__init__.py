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
  from spaCy's tags (see `tense`).
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

The modules, each sitting only on those before it: `periods` (precisions, calendar
arithmetic), `patterns` (how dates are written), `tense` (the governing verb's tense),
`publication` (full dates, the stand-in publication date), `rules` (one expression to one
date), `expressions` (`find_dates`), `events` (`build_events`).
"""

from storyline.timeline.events import EVENT_OVERLAP, build_events
from storyline.timeline.expressions import find_dates
from storyline.timeline.periods import PRECISIONS
from storyline.timeline.publication import full_dates, publication_date_in_text
from storyline.timeline.tense import FUTURE, PAST, PRESENT

__all__ = [
    "EVENT_OVERLAP",
    "FUTURE",
    "PAST",
    "PRECISIONS",
    "PRESENT",
    "build_events",
    "find_dates",
    "full_dates",
    "publication_date_in_text",
]
