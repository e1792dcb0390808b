"""The analysis surfaces: storyline.analyze, `storyline analyze`, `summarize --analysis`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from storyline import Article, analyze
from storyline.cli import main

SCHEMAS = Path(__file__).resolve().parents[1] / "storyline" / "schema"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbor-strike"

GAZETTE = Article("gazette", (
    "Fernmoor's ferry will keep running, Mayor Lena Ortiz said on Tuesday.\n\n"
    "“The ferry stays. We keep it for the families who need it,” Ms Ortiz said.\n\n"
    "Councillor Tom Reyes disagreed. “The ferry should leave the budget,” he said."),
    source="Fernmoor Gazette", date=dt.date(2026, 5, 6))
HERALD = Article("herald", (
    "The mayor of Fernmoor, Lena Ortiz, said on Tuesday that the ferry would keep running.\n\n"
    "“The ferry stays. We keep it for the families who need it,” Ortiz told the council."),
    source="Valley Herald", date=dt.date(2026, 5, 7))


@pytest.fixture(scope="module")
def ferry():
    return analyze([HERALD, GAZETTE], story_id="ferry")


def test_analyze_attributes_quotes_and_merges_the_same_quote_across_outlets(ferry):
    stays = [q for q in ferry.quotes if q.text.startswith("The ferry stays")]
    assert len(stays) == 1
    [quote] = stays
    assert quote.speaker == "Lena Ortiz"
    assert {quote.citation.article_id, *(c.article_id for c in quote.also_in)} == {"gazette", "herald"}
    [reyes] = [q for q in ferry.quotes if "leave the budget" in q.text]
    assert reyes.speaker == "Tom Reyes"


def test_analyze_merges_a_persons_name_forms(ferry):
    [ortiz] = [e for e in ferry.entities if e.name == "Lena Ortiz"]
    assert ortiz.kind == "person" and ortiz.sources == 2
    assert "Ortiz" in ortiz.aliases


def test_analyze_resolves_tuesday_against_each_publication_date(ferry):
    tuesdays = {d.citation.article_id: d.date for d in ferry.dates if "Tuesday" in d.expression}
    assert tuesdays == {"gazette": dt.date(2026, 5, 5), "herald": dt.date(2026, 5, 5)}
    assert ferry.events and all(e.citations for e in ferry.events)


def test_analyze_articles_come_back_in_reading_order(ferry):
    assert [a.id for a in ferry.articles] == ["gazette", "herald"]


def test_cli_analyze_json_follows_the_schema(capsys):
    assert main(["analyze", str(EXAMPLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, json.loads((SCHEMAS / "analysis.schema.json").read_text()))
    texts = {}
    from storyline.ingest import read_inputs

    for article in read_inputs([str(EXAMPLE)]).articles:
        texts[article.id] = article.text
    for quote in data["quotes"]:
        c = quote["citation"]
        assert texts[c["article_id"]][c["start"]:c["end"]] == quote["text"]
    assert any(q["speaker"] == "Ines Halloran" for q in data["quotes"])
    assert any(n["subject"] == "workers" for n in data["numeric_conflicts"])


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_cli_summarize_with_analysis_shows_both(capsys, fmt):
    assert main(["summarize", str(EXAMPLE), "--analysis", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Quotes by speaker" in out and "Timeline" in out and "Agreement" in out
    assert out.count("Sources") == 1


def test_cli_summarize_with_analysis_json_nests_it(capsys):
    assert main(["summarize", str(EXAMPLE), "--analysis", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, json.loads((SCHEMAS / "summary.schema.json").read_text()))
    jsonschema.validate(data["analysis"], json.loads((SCHEMAS / "analysis.schema.json").read_text()))


def test_cli_analyze_bad_input_is_reported_without_traceback(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    assert main(["analyze", str(tmp_path / "empty.txt")]) == 1
    err = capsys.readouterr().err
    assert "empty.txt" in err and "Traceback" not in err
