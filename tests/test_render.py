"""Turning a Summary into text, Markdown, JSON or HTML (storyline.render)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

import storyline
from storyline import Article, UsageError, render, summarize
from storyline.render import FORMATS

SCHEMA_PATH = Path(storyline.__file__).parent / "schema" / "summary.schema.json"


@pytest.fixture(scope="module")
def flood_summary(flood_story):
    return summarize(flood_story, 100, story_id="millbrook-flood")


@pytest.fixture(scope="module")
def schema_validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


# --- text and Markdown -----------------------------------------------------------------------


def test_render_text_marks_sentences_and_lists_sources(flood_summary):
    text = render(flood_summary, "text")
    body, sources = text.split("\nSources\n")
    for sentence in flood_summary.sentences:
        assert sentence.text in body
        line = next(line for line in body.splitlines() if line.startswith(sentence.text))
        assert re.fullmatch(r"(\[\d\])+", line[len(sentence.text):].strip())
    # The shared wire sentence carries both outlets' numbers.
    assert any(line.endswith("[1][2]") for line in body.splitlines())
    source_lines = sources.strip().splitlines()
    assert source_lines == [
        "[1] Valley Courier, 2024-04-02, “Floodwater closes Millbrook bridge” (valley-1)",
        "[2] Ashby Herald, 2024-04-03, “Millbrook bridge shut as river rises” (valley-2)",
        "[3] Radio Ashby, 2024-04-04, “Shelter fills in Millbrook” (valley-3)",
        "[4] Millbrook Weekly (valley-4)",
    ]
    assert text.startswith("Summary of millbrook-flood (4 articles,")


def test_render_text_markers_point_at_the_right_sources(flood_summary):
    text = render(flood_summary, "text")
    numbers = {a.id: n for n, a in enumerate(flood_summary.articles, start=1)}
    for sentence in flood_summary.sentences:
        marks = "".join(f"[{numbers[c.article_id]}]" for c in sentence.citations)
        assert f"{sentence.text} {marks}\n" in text


def test_render_markdown_marks_sentences_and_lists_sources(flood_summary):
    markdown = render(flood_summary, "markdown")
    assert markdown.startswith("## Summary of millbrook-flood")
    bullets = [line for line in markdown.splitlines() if line.startswith("- ")]
    assert len(bullets) == len(flood_summary.sentences)
    assert any(line.endswith("[\\[1\\]](#source-1)[\\[2\\]](#source-2)") for line in bullets)
    assert "### Sources" in markdown
    assert ('1. <a id="source-1"></a>Valley Courier, 2024-04-02, “Floodwater closes Millbrook '
            'bridge” (valley-1) <https://valley-courier.invalid/millbrook-bridge>') in markdown
    assert '4. <a id="source-4"></a>Millbrook Weekly (valley-4)' in markdown


def test_render_markdown_escapes_markup_in_sentences():
    article = Article(id="a", text=(
        "The *new* rule_book for the <harbor> pilots took effect on Monday after [a] vote."))
    markdown = render(summarize([article], 50), "markdown")
    assert r"\*new\* rule\_book for the \<harbor\> pilots" in markdown
    assert r"after \[a\] vote" in markdown


# --- JSON ------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", list(storyline.available_methods()))
@pytest.mark.parametrize("truncate", [False, True])
def test_render_json_follows_the_schema(flood_story, schema_validator, method, truncate):
    summary = summarize(flood_story, 70, method=method, truncate=truncate, query="bridge")
    document = json.loads(render(summary, "json"))
    schema_validator.validate(document)
    assert document["method"]["name"] == method
    assert document["query"] == "bridge"
    assert document["method"]["parameters"]["words"] == 70


def test_render_json_citations_resolve(flood_story, flood_summary):
    document = json.loads(render(flood_summary, "json"))
    texts = {a.id: a.text for a in flood_story}
    number_of = {a["id"]: a["number"] for a in document["articles"]}
    assert document["story_id"] == "millbrook-flood"
    assert document["word_count"] == sum(len(s["text"].split()) for s in document["sentences"])
    for sentence in document["sentences"]:
        first = sentence["citations"][0]
        assert texts[first["article_id"]][first["start"]:first["end"]] == sentence["text"]
        assert sentence["sources"] == [number_of[c["article_id"]] for c in sentence["citations"]]
    assert [a["date"] for a in document["articles"]] == [
        "2024-04-02", "2024-04-03", "2024-04-04", None]


def test_render_json_of_an_empty_summary_follows_the_schema(schema_validator):
    # Three words fit no whole sentence: the summary is empty but still valid.
    article = Article(id="a", text="The harbor reopened to ships on Monday after the long strike.")
    document = json.loads(render(summarize([article], 3), "json"))
    schema_validator.validate(document)
    assert document["sentences"] == []


# --- HTML ------------------------------------------------------------------------------------

_VOID = {"meta", "br", "hr", "img", "link", "input", "wbr"}


class _TagChecker(HTMLParser):
    """Checks that every element is closed in order, and collects the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "a" and (attributes.get("href") or "").startswith("#"):
            self.links.append(attributes["href"][1:])
        if tag not in _VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def check_html(page: str) -> _TagChecker:
    checker = _TagChecker()
    checker.feed(page)
    checker.close()
    assert not checker.problems, checker.problems
    assert checker.open == [], f"never closed: {checker.open}"
    return checker


def test_render_html_is_well_formed(flood_summary):
    page = render(flood_summary, "html")
    assert page.startswith("<!doctype html>")
    checker = check_html(page)
    text = "".join(checker.text)
    for sentence in flood_summary.sentences:
        assert sentence.text in text
    assert "Valley Courier" in text
    # Every citation link lands on a source in the list.
    assert checker.links and set(checker.links) <= set(checker.ids)


def test_render_html_escapes_markup_in_the_articles():
    article = Article(
        id="a", source="Smith & <Sons> Gazette", title="<script>alert(1)</script>",
        url='https://example.invalid/?a=1&b="2"',
        text="Engineers said the <b>new</b> pumps move 5 < 7 tonnes of water a minute & more.",
    )
    page = render(summarize([article], 50), "html")
    checker = check_html(page)
    assert "<script>" not in page and "<b>new</b>" not in page
    text = "".join(checker.text)
    assert "the <b>new</b> pumps move 5 < 7 tonnes" in text
    assert "Smith & <Sons> Gazette" in text
    assert "<script>alert(1)</script>" in text


# --- formats ---------------------------------------------------------------------------------


def test_render_formats_are_the_cli_format_choices(cli_commands):
    [format_option] = [a for a in cli_commands["summarize"]._actions if a.dest == "format"]
    assert tuple(format_option.choices) == FORMATS


def test_render_unknown_format_is_a_usage_error(flood_summary):
    with pytest.raises(UsageError, match="text, markdown, json, html"):
        render(flood_summary, "pdf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_every_format_names_every_article(flood_summary, fmt):
    output = render(flood_summary, fmt)
    for article in flood_summary.articles:
        assert article.id in output
