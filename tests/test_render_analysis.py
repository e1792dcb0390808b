"""Rendering a story analysis (storyline.render_analysis), from a hand-built StoryAnalysis."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from storyline.render_analysis import analysis_to_dict, render_analysis
from storyline.types import (
    Article,
    Citation,
    Claim,
    DateMention,
    Entity,
    Event,
    NumberClaim,
    NumericConflict,
    OpposingQuotes,
    Quote,
    StoryAnalysis,
)

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "storyline" / "schema" / "analysis.schema.json").read_text()
)

A = Article("gazette", "Mayor Lena Ortiz said: “The ferry stays. We keep it.” The council <voted> "
            "on Monday. About 300 residents signed.", source="Fernmoor Gazette",
            date=dt.date(2026, 5, 6), title="Ferry saved")
B = Article("herald", "Councillor Tom Reyes said the ferry “should not stay”. Some 450 residents "
            "signed.", source="Valley Herald", date=dt.date(2026, 5, 7))


def span(article: Article, text: str) -> Citation:
    start = article.text.index(text)
    return Citation(article.id, start, start + len(text))


ORTIZ = Quote("The ferry stays. We keep it.", span(A, "The ferry stays. We keep it."), "Lena Ortiz",
              "mayor")
REYES = Quote("should not stay", span(B, "should not stay"), "Tom Reyes", None, is_partial=True)
UNKNOWN = Quote("We keep it.", span(A, "We keep it."), None)
ANALYSIS = StoryAnalysis(
    articles=(A, B),
    quotes=(ORTIZ, REYES, UNKNOWN),
    entities=(Entity("Lena Ortiz", "person", ("Ortiz", "Mayor Ortiz"), 3, 1, ("mayor",),
                     (span(A, "Lena Ortiz"),)),),
    events=(Event(dt.date(2026, 5, 4), "day", "The council <voted> on Monday.",
                  (span(A, "The council <voted> on Monday."),), ("on Monday",)),),
    dates=(DateMention("on Monday", dt.date(2026, 5, 4), "day", span(A, "on Monday")),),
    claims=(Claim("About 300 residents signed.", (span(A, "About 300 residents signed."),), 1),),
    numeric_conflicts=(NumericConflict("residents", (
        NumberClaim(300, "About 300 residents", span(A, "About 300 residents")),
        NumberClaim(450, "450 residents", span(B, "450 residents")))),),
    opposing_quotes=(OpposingQuotes("ferry: stay or leave", (ORTIZ,), (REYES,)),),
    story_id="ferry",
)


def test_render_analysis_json_follows_the_schema_and_citations_resolve():
    data = json.loads(render_analysis(ANALYSIS, "json"))
    jsonschema.validate(data, SCHEMA)
    texts = {a.id: a.text for a in ANALYSIS.articles}
    for quote in data["quotes"]:
        c = quote["citation"]
        assert texts[c["article_id"]][c["start"]:c["end"]] == quote["text"]
    assert data["claims"][0]["single_source"] is True
    assert data == analysis_to_dict(ANALYSIS)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_render_analysis_text_groups_quotes_by_speaker_and_marks_sources(fmt):
    out = render_analysis(ANALYSIS, fmt)
    assert out.index("Lena Ortiz (mayor)") < out.index("“The ferry stays. We keep it.” [1]")
    assert "partial: “should not stay” [2]" in out
    assert "Unattributed" in out
    assert "single source" in out
    assert "About 300 residents [1]" in out and "450 residents [2]" in out
    assert "2026-05-04" in out
    assert "[2] Valley Herald, 2026-05-07" in out


def test_render_analysis_html_is_a_page_that_escapes_text():
    page = render_analysis(ANALYSIS, "html")

    class Collect(HTMLParser):
        text = ""

        def handle_data(self, data: str) -> None:
            self.text += data

    parser = Collect()
    parser.feed(page)
    assert page.startswith("<!doctype html>")
    assert "<voted>" not in page and "&lt;voted&gt;" in page
    assert "The council <voted> on Monday." in parser.text


def test_render_analysis_empty_sections_say_so():
    empty = StoryAnalysis((A,), (), (), (), (), (), (), ())
    out = render_analysis(empty, "text")
    assert out.count("(none found)") == 6
