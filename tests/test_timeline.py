"""Date expressions resolved against publication dates, and dated events (storyline.timeline).

The articles are invented here or in tests/fixtures/timeline/. The slow test at the end
measures the rules on hand-annotated real articles read from ../shared.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.candidates import reading_order
from storyline.nlp import parse
from storyline.timeline import build_events, find_dates
from storyline.types import Article, DateMention

FIXTURES = Path(__file__).parent / "fixtures" / "timeline"
DATA_DIR = Path(
    os.environ.get("STORYLINE_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data"
)

WEDNESDAY = dt.date(2024, 3, 13)


def dates_in(text: str, published: dt.date | None = WEDNESDAY) -> dict[str, DateMention]:
    """The resolved expressions of one article, by what they say."""
    article = Article(id="a", text=text, date=published)
    mentions = find_dates([article], parse([article]))
    for mention in mentions:
        assert text[mention.citation.start:mention.citation.end] == mention.expression
    return {m.expression: m for m in mentions}


def resolved(text: str, published: dt.date | None = WEDNESDAY) -> dict[str, tuple[str, str]]:
    return {e: (m.date.isoformat(), m.precision) for e, m in dates_in(text, published).items()}


def load_story(name: str) -> tuple[Article, ...]:
    records = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return tuple(
        Article(id=r["id"], text=r["text"], source=r.get("source"),
                date=dt.date.fromisoformat(r["date"]) if r.get("date") else None)
        for r in records
    )


def test_timeline_weekday_is_the_latest_such_day_before_publication():
    found = resolved("The council voted on Tuesday to close the pool. It met again Sunday.")
    assert found == {"on Tuesday": ("2024-03-12", "day"), "Sunday": ("2024-03-10", "day")}


def test_timeline_weekday_of_the_publication_day_is_that_day():
    found = resolved("The mayor confirmed on Wednesday that the pool would close.")
    assert found == {"on Wednesday": ("2024-03-13", "day")}


def test_timeline_weekday_in_a_future_clause_is_the_coming_one():
    found = resolved("The council will vote on Friday. Its chair said the audit is due Monday. "
                     "Residents meet next Wednesday.")
    assert found == {
        "on Friday": ("2024-03-15", "day"),
        "Monday": ("2024-03-18", "day"),
        "next Wednesday": ("2024-03-20", "day"),
    }


def test_timeline_weekday_of_an_intended_infinitive_is_the_coming_one():
    # published Wednesday 2024-03-13
    found = resolved("The leaders prepared to meet Friday with the union. He said he expected "
                     "the council to sit into Saturday. Delegates are eager to fly back by "
                     "Monday. The union tried to call the mayor Tuesday.")
    assert found["Friday"] == ("2024-03-15", "day")
    assert found["Saturday"] == ("2024-03-16", "day")
    assert found["Monday"] == ("2024-03-18", "day")
    assert found["Tuesday"] == ("2024-03-12", "day")  # "tried to": done, not meant


def test_timeline_last_weekday_and_part_of_day():
    found = resolved("Police were called late on Friday night. The vote was last Wednesday.")
    assert found["on Friday night"] == ("2024-03-08", "day")
    assert found["last Wednesday"] == ("2024-03-06", "day")


def test_timeline_yesterday_today_and_tomorrow():
    found = resolved("The storm hit yesterday and cleanup starts today; roads reopen tomorrow.")
    assert found == {
        "yesterday": ("2024-03-12", "day"),
        "today": ("2024-03-13", "day"),
        "tomorrow": ("2024-03-14", "day"),
    }


def test_timeline_weeks_are_given_by_their_monday():
    found = resolved("The fire started last week. Repairs began earlier this week and the "
                     "report comes next week. The fair was this past weekend.")
    assert found == {
        "last week": ("2024-03-04", "week"),
        "this past weekend": ("2024-03-04", "week"),
        "earlier this week": ("2024-03-11", "week"),
        "next week": ("2024-03-18", "week"),
    }


def test_timeline_counts_ago_keep_their_unit_as_precision():
    found = resolved("The dam was inspected 10 days ago, two weeks ago, six months ago and "
                     "three years ago.")
    assert found == {
        "10 days ago": ("2024-03-03", "day"),
        "two weeks ago": ("2024-02-26", "week"),
        "six months ago": ("2023-09-01", "month"),
        "three years ago": ("2021-01-01", "year"),
    }


def test_timeline_month_and_day_without_year_is_the_latest_before_publication():
    found = resolved("The bridge closed on Aug. 15, reopened Dec. 2 and shut again Jan. 9.")
    assert found == {"on Aug. 15": ("2023-08-15", "day"), "Dec. 2": ("2023-12-02", "day"),
                     "Jan. 9": ("2024-01-09", "day")}


def test_timeline_month_and_day_a_few_weeks_ahead_is_this_year():
    found = resolved("The court extended the deadline to April 2. Crews left to prepare for "
                     "the April 20 regatta.")
    assert found == {"April 2": ("2024-04-02", "day"), "April 20": ("2024-04-20", "day")}


def test_timeline_explicit_dates_are_read_as_written():
    found = resolved("The plant opened on April 15, 2018, was sold on 3 May 2021 and closed "
                     "2022-06-30.", published=None)
    assert found == {
        "on April 15, 2018": ("2018-04-15", "day"),
        "on 3 May 2021": ("2021-05-03", "day"),
        "2022-06-30": ("2022-06-30", "day"),
    }


def test_timeline_fixed_holidays_read_like_month_days():
    found = resolved("The pool shut on Christmas Day and will reopen by St Patrick's Day.")
    assert found == {"on Christmas Day": ("2023-12-25", "day"),
                     "St Patrick's Day": ("2024-03-17", "day")}


def test_timeline_numeric_dates_only_when_the_order_shows():
    found = resolved("Signed 25/12/2004, renewed 06/25/2010, amended 5/12/2011.", published=None)
    assert found == {"25/12/2004": ("2004-12-25", "day"), "06/25/2010": ("2010-06-25", "day")}


def test_timeline_lower_cased_text_is_read_in_any_case():
    found = resolved("cairo (reuters) - the group said on tuesday it would meet in may. the "
                     "photo was taken february 18, 2016.", published=dt.date(2016, 2, 19))
    assert found == {"on tuesday": ("2016-02-16", "day"), "in may": ("2016-05-01", "month"),
                     "february 18, 2016": ("2016-02-18", "day")}


def test_timeline_parts_of_months_have_month_precision():
    found = resolved("Talks stalled in mid-February and resumed in early March. The last "
                     "ferry ran in late September 2022.")
    assert found == {
        "mid-February": ("2024-02-01", "month"),
        "early March": ("2024-03-01", "month"),
        "in late September 2022": ("2022-09-01", "month"),
    }


def test_timeline_bare_months_and_last_month():
    found = resolved("The pool was built in 2017, repaired last year, inspected in January "
                     "and closed this month. Tenders open in May.")
    assert found == {
        "in 2017": ("2017-01-01", "year"),
        "last year": ("2023-01-01", "year"),
        "in January": ("2024-01-01", "month"),
        "this month": ("2024-03-01", "month"),
        "in May": ("2023-05-01", "month"),
    }


def test_timeline_month_in_a_future_clause_is_the_coming_one():
    found = resolved("The new pool will open in May.")
    assert found == {"in May": ("2024-05-01", "month")}


def test_timeline_unresolvable_expressions_are_left_out():
    found = resolved(
        "The strike lasted four months. She has lived there for 17 years and is 82. Prices "
        "rose recently, as in the 1990s. The next day, about two weeks ago by some counts, "
        "the market that opens every Monday closed for a few days. In November that year "
        "the river froze; decades later it froze again. The Sunday Times reported it."
    )
    assert found == {}


def test_timeline_relative_expressions_need_a_publication_date():
    found = resolved("The council voted on Tuesday, last week and in 2017.", published=None)
    assert found == {"in 2017": ("2017-01-01", "year")}


def test_timeline_an_undated_article_takes_the_date_of_its_dateline():
    found = resolved("PORT ALDWICK, March 13, 2024 - Crews walked out on Tuesday.",
                     published=None)
    assert found["on Tuesday"] == ("2024-03-12", "day")


def test_timeline_a_month_day_takes_the_year_the_story_writes_it_with():
    earlier = Article(id="first", date=dt.date(2005, 7, 8),
                      text="Four bombs struck the city on July 7, 2005, during the rush hour.")
    later = Article(id="later", date=dt.date(2008, 5, 1),
                    text="The court saw footage of the July 7 bombers at a station.")
    mentions = find_dates([earlier, later], parse([earlier, later]))
    assert [(m.citation.article_id, m.date) for m in mentions] == [
        ("first", dt.date(2005, 7, 7)), ("later", dt.date(2005, 7, 7))]


def test_timeline_no_crash_on_empty_or_undated_articles():
    articles = [Article(id="empty", text=""), Article(id="blank", text="  \n "),
                Article(id="undated", text="Nothing happened on Tuesday.")]
    mentions = find_dates(articles, parse(articles))
    assert mentions == ()
    assert build_events(articles, mentions) == ()
    assert build_events([], ()) == ()


def test_timeline_find_dates_without_a_parse_still_applies_the_rules():
    article = Article(id="a", date=WEDNESDAY, text="The council voted on Tuesday.")
    [mention] = find_dates([article], [])
    assert mention.date == dt.date(2024, 3, 12)


def test_timeline_events_merge_across_outlets_and_come_in_date_order():
    story = reading_order(load_story("aldwick-ferry-strike.json"))
    events = build_events(story, find_dates(story, parse(story)))
    summary = [(e.date.isoformat(), e.precision, len(e.citations), e.text.split()[0])
               for e in events]
    assert summary == [
        ("2019-01-01", "year", 2, "A"),
        ("2024-02-01", "month", 2, "Talks"),
        ("2024-03-12", "day", 2, "Ferry"),
        ("2024-03-12", "day", 1, "The"),
        ("2024-03-13", "day", 1, "Aldwick"),
        ("2024-03-15", "day", 1, "Aldwick"),
    ]
    walkout = events[2]
    assert walkout.expressions == ("on Tuesday",)
    assert [c.article_id for c in walkout.citations] == ["herald-2024-03-13",
                                                         "courier-2024-03-14"]
    by_id = {a.id: a for a in story}
    for event in events:
        first = event.citations[0]
        assert by_id[first.article_id].text[first.start:first.end] == event.text


def test_timeline_event_cites_a_copy_that_drops_the_date():
    first = Article(id="first", date=WEDNESDAY, text=(
        "Ferry crews walked off the job on Tuesday after talks over night shifts collapsed."))
    copy = Article(id="copy", date=dt.date(2024, 3, 14), text=(
        "Ferry crews walked off the job after talks over night shifts collapsed."))
    story = [first, copy]
    [event] = build_events(story, find_dates(story, parse(story)))
    assert [c.article_id for c in event.citations] == ["first", "copy"]
    assert event.text == first.text


def test_timeline_event_takes_the_most_precise_date_of_its_sentence():
    article = Article(id="a", date=WEDNESDAY,
                      text="In 2023 the pool flooded, and on Tuesday it finally closed.")
    [event] = build_events([article], find_dates([article], parse([article])))
    assert (event.date, event.precision, event.expressions) == (
        dt.date(2024, 3, 12), "day", ("on Tuesday",))


DATE_WORDS = ["on", "Tuesday", "last", "week", "April", "15", ",", "2018", "mid-February",
              "10", "days", "ago", "in", "2017", "yesterday", "the", "next", "day", "May",
              "will", "said", "Friday", "night", "early", "March", "year", "this", "month",
              ".", "\n", "1990s", "82", "Sept.", "3", "and", "of", "July", "7th"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(DATE_WORDS), max_size=40),
       st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_timeline_any_text_gives_valid_spans_and_plausible_dates(words, published):
    article = Article(id="a", text=" ".join(words), date=published)
    mentions = find_dates([article], [])
    for mention in mentions:
        assert article.text[mention.citation.start:mention.citation.end] == mention.expression
        assert mention.precision in ("day", "week", "month", "year")
        assert abs(mention.date.year - published.year) <= 50
    build_events([article], mentions)


# --- measured on real articles ---------------------------------------------------------------


def _stories() -> dict[tuple[str, str], list[Article]]:
    stories: dict[tuple[str, str], list[Article]] = {}
    for name in ("multiling2011-en", "duc2003"):
        with open(DATA_DIR / "benchmarks" / f"{name}.jsonl", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                stories[name, record["id"]] = [_article(doc) for doc in record["documents"]]
    example = DATA_DIR.parent / "examples" / "syria-april-2018" / "articles.jsonl"
    with open(example, encoding="utf-8") as lines:
        stories["examples/syria-april-2018", "syria-april-2018"] = [
            _article(json.loads(line)) for line in lines]
    return stories


def _article(record: dict) -> Article:
    date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
    return Article(id=record["id"], text=record["text"], date=date)


def _exact(gold: Sequence[list], mentions: Sequence[DateMention]) -> int:
    """Gold expressions that a found mention overlaps with the same date and precision."""
    return sum(
        any(m.citation.start < end and start < m.citation.end and m.date.isoformat() == date
            and m.precision == precision for m in mentions)
        for start, end, date, precision in gold
    )


@pytest.mark.slow
def test_timeline_annotated_dates_resolve():
    if not (DATA_DIR / "benchmarks" / "duc2003.jsonl").exists():
        pytest.skip(f"benchmarks not found under {DATA_DIR} (set STORYLINE_DATA to run)")
    annotated = json.loads((FIXTURES / "annotated-dates.json").read_text(encoding="utf-8"))
    stories = _stories()
    found: dict[str, tuple[DateMention, ...]] = {}
    for key in {(doc["dataset"], doc["story"]) for doc in annotated}:
        story = reading_order(stories[key])
        for mention in find_dates(story, parse(story)):
            found.setdefault(mention.citation.article_id, ())
            found[mention.citation.article_id] += (mention,)
    for split in ("dev", "check"):
        docs = [doc for doc in annotated if doc["set"] == split]
        total = sum(len(doc["dates"]) for doc in docs)
        exact = sum(_exact(doc["dates"], found.get(doc["id"], ())) for doc in docs)
        assert exact >= 0.9 * total, f"{split}: {exact}/{total} resolved exactly"


def test_timeline_year_attached_to_a_word_and_opening_an_event_name():
    found = resolved("Talks on a post-2030 fishing accord began. During the 2018 Winter "
                     "Olympics the town hosted skaters; 1998-2030 was the span the plan covered.")
    assert found["2030"] == ("2030-01-01", "year")
    assert found["2018"] == ("2018-01-01", "year")
    assert set(found) == {"2030", "2018"}
