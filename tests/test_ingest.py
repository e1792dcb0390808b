"""Reading files, folders, feeds and stdin into articles and stories (storyline.ingest)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.errors import InputError
from storyline.ingest import MAX_ARTICLE_CHARS, Ingested, looks_english, read_inputs, read_path

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

ENGLISH = (
    "The town council said on Monday that the old fire station on Bridge Street will become a "
    "youth centre, and that work on the building should begin before the end of the summer."
)
FRENCH = (
    "Le conseil municipal a annoncé lundi que l'ancienne caserne de pompiers de la rue du Pont "
    "deviendra une maison des jeunes, et que les travaux devraient commencer avant la fin de l'été."
)


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def messages(errors: tuple[InputError, ...]) -> list[str]:
    return [str(error) for error in errors]


def only_problem(result: Ingested) -> InputError:
    assert not result.articles and not result.stories
    assert len(result.problems) == 1, messages(result.problems)
    return result.problems[0]


# --- plain text ------------------------------------------------------------------------------


def test_ingest_text_file_takes_short_first_line_as_title():
    result = read_inputs([fixture("harbor-strike.txt")])
    [article] = result.articles
    assert article.id == "harbor-strike"
    assert article.title == "Bayside dock workers vote to strike"
    assert article.text.startswith("Dock workers at the Bayside harbor voted on Monday")
    assert "“disappointed”" in article.text  # original characters kept
    assert not result.problems and not result.warnings


def test_ingest_text_first_line_ending_in_period_is_not_a_title(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("The ferry was late again.\n\n" + ENGLISH)
    [article] = read_inputs([str(path)]).articles
    assert article.title is None
    assert article.text.startswith("The ferry was late again.")


def test_ingest_text_hard_wrapped_paragraph_has_no_title(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text(
        "The town council said on Monday that the old fire station on Bridge\n"
        "Street will become a youth centre, and that work on the building should\n"
        "begin before the end of the summer, once the roof has been repaired.\n"
    )
    [article] = read_inputs([str(path)]).articles
    assert article.title is None
    assert article.text.startswith("The town council said")


def test_ingest_text_title_directly_followed_by_text(tmp_path):
    path = tmp_path / "fire-station.txt"
    path.write_text("Fire station to become youth centre\n" + ENGLISH + "\n")
    [article] = read_inputs([str(path)]).articles
    assert article.title == "Fire station to become youth centre"
    assert article.text == ENGLISH


def test_ingest_text_normalises_line_endings_and_strips_bom(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(("\ufeffYouth centre plans\r\n\r\n" + ENGLISH + "\r\nMore to follow.\r\n").encode())
    [article] = read_inputs([str(path)]).articles
    assert article.title == "Youth centre plans"
    assert article.text == ENGLISH + "\nMore to follow."
    assert "\r" not in article.text and "\ufeff" not in article.text


def test_ingest_text_in_cp1252_is_read(tmp_path):
    path = tmp_path / "old-editor.txt"
    path.write_bytes((ENGLISH + " It will cost £40,000 – less than expected.").encode("cp1252"))
    [article] = read_inputs([str(path)]).articles
    assert "£40,000 – less" in article.text


# --- HTML ------------------------------------------------------------------------------------


def test_ingest_html_extracts_text_and_metadata():
    result = read_inputs([fixture("council-budget.html")])
    [article] = result.articles
    assert article.id == "council-budget"
    assert article.title == "Millbrook council approves library budget"
    assert article.source == "Millbrook Courier"
    assert article.date == dt.date(2024, 4, 2)
    assert article.url == "https://courier.example/news/library-budget"
    assert article.text.startswith("Millbrook town council voted on Tuesday")
    assert "\n\nThe vote was seven to two." in article.text
    assert "Home" not in article.text and "rights reserved" not in article.text


def test_ingest_html_without_article_text_is_a_problem():
    problem = only_problem(read_inputs([fixture("nav-only.html")]))
    assert problem.where.endswith("nav-only.html")
    assert "no article text found in the HTML" in str(problem)


# --- feeds -----------------------------------------------------------------------------------


def test_ingest_rss_reads_full_content_else_description():
    result = read_inputs([fixture("river-news.rss")])
    assert not result.problems and not result.warnings
    bridge, robots = result.articles
    assert bridge.id == "river-news-1"
    assert bridge.title == "Footbridge over the Alder river reopens"
    assert bridge.source == "Riverside Weekly"
    assert bridge.url == "https://riverside.example/footbridge"
    assert bridge.date == dt.date(2024, 3, 5)  # the date as written, not shifted to UTC
    assert bridge.text.startswith("The wooden footbridge")  # content:encoded, not the description
    assert "planks & two" in bridge.text  # HTML entities decoded
    assert "\n\nWorkers replaced" in bridge.text  # paragraph break kept
    assert "<p>" not in bridge.text
    assert robots.text.startswith("A team of six pupils")
    assert robots.date == dt.date(2024, 3, 7)


def test_ingest_atom_reads_summary():
    [article] = read_inputs([fixture("park-news.atom")]).articles
    assert article.title == "New playground opens in Oakfield park"
    assert article.source == "Oakfield Parks Bulletin"
    assert article.url == "https://parks.example/playground"
    assert article.date == dt.date(2024, 5, 10)
    assert "residents' association" in article.text


def test_ingest_feed_is_sniffed_whatever_its_extension(tmp_path):
    path = tmp_path / "download.txt"
    path.write_bytes((FIXTURES / "river-news.rss").read_bytes())
    result = read_inputs([str(path)])
    assert [a.id for a in result.articles] == ["download-1", "download-2"]


def test_ingest_feed_with_no_items_is_a_problem():
    problem = only_problem(read_inputs([fixture("empty-feed.rss")]))
    assert problem.where.endswith("empty-feed.rss")
    assert "feed has no items" in str(problem)


def test_ingest_xml_that_is_not_a_feed_is_a_problem(tmp_path):
    path = tmp_path / "settings.xml"
    path.write_text("<?xml version='1.0'?><settings><colour>blue</colour></settings>")
    problem = only_problem(read_inputs([str(path)]))
    assert problem.where == str(path)
    assert "not an RSS or Atom feed" in str(problem)


def test_ingest_feed_item_without_text_is_a_problem(tmp_path):
    path = tmp_path / "headlines.rss"
    path.write_text(
        "<rss version='2.0'><channel><title>Headlines</title>"
        "<item><title>Only a headline</title></item></channel></rss>"
    )
    problem = only_problem(read_inputs([str(path)]))
    assert problem.where == f"{path}: item 1"
    assert "no text" in str(problem)


# --- JSON and JSON Lines ---------------------------------------------------------------------


def test_ingest_json_list_of_articles_with_fields_and_default_ids():
    result = read_inputs([fixture("articles.json")])
    first, second = result.articles
    assert (first.id, first.title, first.source, first.date, first.url) == (
        "ferry-1", "Ferry timetable changes", "Harbor Herald", dt.date(2024, 6, 1),
        "https://herald.example/ferry",
    )
    assert second.id == "articles-2"
    assert not result.problems and not result.warnings


def test_ingest_json_single_article_object(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": ENGLISH, "source": "Bridge Street News"}))
    [article] = read_inputs([str(path)]).articles
    assert (article.id, article.text, article.source) == ("one", ENGLISH, "Bridge Street News")


def test_ingest_json_cluster_joins_query_title_and_narrative():
    result = read_inputs([fixture("story.json")])
    assert not result.articles
    [story] = result.stories
    assert story.id == "ferry"
    assert story.query == "Island ferry changes. What is changing about the island ferry and why?"
    assert [a.id for a in story.articles] == ["h1", "h2"]
    assert story.articles[1].date == dt.date(2024, 6, 1)  # RFC 2822
    assert len(story.references) == 1


def test_ingest_jsonl_clusters_in_order():
    result = read_inputs([fixture("stories.jsonl")])
    assert [s.id for s in result.stories] == ["bridge", "robots"]
    bridge = result.stories[0]
    assert bridge.query == "When does the footbridge reopen?"
    assert [a.date for a in bridge.articles] == [dt.date(2024, 3, 5), dt.date(2024, 3, 6)]
    assert result.stories[1].references == ()


def test_ingest_jsonl_malformed_line_names_file_and_line_and_keeps_the_others(tmp_path):
    path = tmp_path / "news.jsonl"
    good = [json.dumps({"id": f"a{n}", "text": ENGLISH}) for n in (1, 3)]
    path.write_text(f'{good[0]}\n{{"id": "a2", "text" "missing colon"}}\n{good[1]}\n')
    result = read_inputs([str(path)])
    assert [a.id for a in result.articles] == ["a1", "a3"]
    [problem] = result.problems
    assert problem.where == f"{path}:2"
    assert str(problem).startswith(f"{path}:2: not valid JSON: Expecting ':' delimiter at column 21")
    assert "fix or remove the line" in str(problem)


def test_ingest_json_syntax_error_names_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "text": "x",\n  "title" "oops"\n}\n')
    problem = only_problem(read_inputs([str(path)]))
    assert problem.where == f"{path}:3"
    assert "not valid JSON" in problem.problem


def test_ingest_record_without_text_names_the_field(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "x", "body": ENGLISH}) + "\n")
    problem = only_problem(read_inputs([str(path)]))
    assert problem.where == f"{path}:1"
    assert 'no "text" field' in str(problem)


def test_ingest_cluster_document_problem_names_the_document(tmp_path):
    path = tmp_path / "stories.jsonl"
    story = {"id": "s", "documents": [{"id": "ok", "text": ENGLISH}, {"id": "bad", "text": 42}]}
    path.write_text(json.dumps(story) + "\n")
    result = read_inputs([str(path)])
    assert [a.id for a in result.stories[0].articles] == ["ok"]
    [problem] = result.problems
    assert problem.where == f"{path}:1: documents[1]"
    assert 'field "text"' in problem.problem


def test_ingest_missing_ids_are_unique_per_line(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(f'{json.dumps({"text": ENGLISH})}\n\n{json.dumps({"text": ENGLISH})}\n')
    assert [a.id for a in read_inputs([str(path)]).articles] == ["wire-1", "wire-3"]


def test_ingest_clashing_ids_are_renamed_with_a_warning(tmp_path):
    for folder in ("monday", "tuesday"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "council.txt").write_text(f"{ENGLISH} It met on {folder}.")
    result = read_inputs([str(tmp_path)])
    assert [a.id for a in result.articles] == ["council", "council-2"]
    [warning] = result.warnings
    assert warning.where == str(tmp_path / "tuesday" / "council.txt")
    assert "already used" in warning.problem


def test_ingest_an_article_given_twice_is_read_once_with_the_metadata_of_both(tmp_path):
    # A folder with a story's .jsonl and the same articles as .txt files.
    record = {"id": "council", "source": "Varn Courier", "date": "2026-03-02", "text": ENGLISH}
    (tmp_path / "articles.jsonl").write_text(json.dumps(record) + "\n")
    (tmp_path / "council.txt").write_text(ENGLISH.replace(" ", "\n", 3))  # other line breaks
    result = read_inputs([str(tmp_path)])
    [article] = result.articles
    assert (article.id, article.source, article.date) == ("council", "Varn Courier",
                                                          dt.date(2026, 3, 2))
    [warning] = result.warnings
    assert warning.where == str(tmp_path / "council.txt") and "read once" in warning.problem


# --- folders, stdin, dates -------------------------------------------------------------------


def test_ingest_folder_recurses_sorted_and_skips_hidden_and_unknown_files():
    result = read_path(FIXTURES / "folder")
    assert [a.id for a in result.articles] == ["a-first", "b-second", "c-third"]
    assert not result.problems


def test_ingest_folder_without_article_files_is_a_problem(tmp_path):
    (tmp_path / "readme.md").write_text("nothing here")
    problem = only_problem(read_inputs([str(tmp_path)]))
    assert problem.where == str(tmp_path)
    assert "no article files" in problem.problem


def test_ingest_inputs_keep_their_order():
    result = read_inputs([fixture("park-news.atom"), fixture("stories.jsonl"), fixture("harbor-strike.txt")])
    assert [a.id for a in result.articles] == ["park-news-1", "harbor-strike"]
    assert [s.id for s in result.stories] == ["bridge", "robots"]


@pytest.mark.parametrize(
    ("content", "expected_id", "expected_title"),
    [
        ("Youth centre plans\n\n" + ENGLISH, "stdin", "Youth centre plans"),
        (json.dumps({"id": "piped", "text": ENGLISH}), "piped", None),
        (json.dumps({"text": ENGLISH}) + "\n" + json.dumps({"text": ENGLISH}), "stdin-1", None),
        ((FIXTURES / "park-news.atom").read_text(), "stdin-1", "New playground opens in Oakfield park"),
        ((FIXTURES / "council-budget.html").read_text(), "stdin", "Millbrook council approves library budget"),
    ],
    ids=["text", "json", "jsonl", "feed", "html"],
)
def test_ingest_stdin_is_sniffed(content, expected_id, expected_title):
    for stream in (io.StringIO(content), io.BytesIO(content.encode())):
        result = read_inputs(["-"], stdin=stream)
        assert not result.problems, messages(result.problems)
        assert result.articles[0].id == expected_id
        assert result.articles[0].title == expected_title


def test_ingest_stdin_stories():
    stream = io.BytesIO((FIXTURES / "stories.jsonl").read_bytes())
    assert [s.id for s in read_inputs(["-"], stdin=stream).stories] == ["bridge", "robots"]


@pytest.mark.parametrize(
    "written",
    ["2024-03-05", "2024-03-05T23:30:00-05:00", "2024-03-05T10:00:00Z", "2024-03-05 10:00:00.123",
     "Tue, 05 Mar 2024 23:30:00 -0500", "5 Mar 2024 10:00:00 GMT"],
)
def test_ingest_dates_are_read_as_written(tmp_path, written):
    path = tmp_path / "dated.json"
    path.write_text(json.dumps({"text": ENGLISH, "date": written}))
    result = read_inputs([str(path)])
    assert result.articles[0].date == dt.date(2024, 3, 5)
    assert not result.warnings


def test_ingest_unparseable_date_warns_and_keeps_the_article(tmp_path):
    path = tmp_path / "dated.jsonl"
    path.write_text(json.dumps({"id": "x", "text": ENGLISH, "date": "next Tuesday"}) + "\n")
    result = read_inputs([str(path)])
    [article] = result.articles
    assert article.date is None
    [warning] = result.warnings
    assert warning.where == f"{path}:1"
    assert 'field "date"' in warning.problem and "next Tuesday" in warning.problem
    assert not result.problems


# --- bad inputs ------------------------------------------------------------------------------


def test_ingest_missing_path_is_a_problem(tmp_path):
    missing = str(tmp_path / "nope.txt")
    problem = only_problem(read_inputs([missing]))
    assert str(problem) == f"{missing}: no such file or folder (check the path)"


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "], ids=["empty", "whitespace"])
@pytest.mark.parametrize("name", ["story.txt", "story.json", "story.jsonl", "story.html", "story.rss"])
def test_ingest_empty_file_is_a_problem(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    problem = only_problem(read_inputs([str(path)]))
    assert problem.where == str(path)
    assert "empty" in problem.problem


@pytest.mark.parametrize("name", ["photo.txt", "photo.json", "photo.jsonl", "photo.html", "photo"])
def test_ingest_binary_file_is_a_problem(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    problem = only_problem(read_inputs([str(path)]))
    assert problem.where == str(path)
    assert "not a text file" in problem.problem


def test_ingest_undecodable_bytes_without_nul_are_binary(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes([0x81, 0x8D, 0x01, 0x02, 0xFF]) * 100)
    assert "not a text file" in str(only_problem(read_inputs([str(path)])))


def test_ingest_oversize_article_is_refused(tmp_path):
    path = tmp_path / "huge.jsonl"
    huge = "The council met again. " * (1_100_000 // 23 + 1)
    path.write_text(json.dumps({"id": "huge", "text": huge}) + "\n" + json.dumps({"text": ENGLISH}) + "\n")
    result = read_inputs([str(path)])
    assert [a.id for a in result.articles] == ["huge-2"]
    [problem] = result.problems
    assert problem.where == f"{path}:1"
    assert f"over the limit of {MAX_ARTICLE_CHARS:,}" in problem.problem
    assert problem.hint == "split it or pass the article text only"


def test_ingest_oversize_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("The council met again. " * (21 * 2**20 // 23))
    problem = only_problem(read_inputs([str(path)]))
    assert problem.where == str(path)
    assert "larger than 20 MB" in problem.problem
    assert "split it or pass the article text only" in str(problem)


def test_ingest_oversize_json_of_articles_is_refused(tmp_path):
    path = tmp_path / "huge.json"
    path.write_text(json.dumps([{"text": "The council met again. " * 40_000}] * 25))
    problem = only_problem(read_inputs([str(path)]))
    assert "larger than 20 MB" in problem.problem
    assert problem.hint == "split it or pass the article text only"


def test_ingest_story_without_documents_is_a_problem(tmp_path):
    path = tmp_path / "stories.jsonl"
    path.write_text('{"id": "quiet", "documents": []}\n')
    problem = only_problem(read_inputs([str(path)]))
    assert str(problem).startswith(f'{path}:1: story "quiet" has no documents')


def test_ingest_text_that_is_not_english_is_a_problem(tmp_path):
    path = tmp_path / "caserne.txt"
    path.write_text(FRENCH)
    problem = only_problem(read_inputs([str(path)]))
    assert str(problem).startswith(
        f"{path}: does not look like English text; Storyline summarizes English news"
    )


def test_ingest_language_check_needs_twenty_words():
    assert looks_english("Le conseil a voté.")
    assert looks_english(ENGLISH)
    assert not looks_english(FRENCH)
    assert not looks_english("市议会周一表示，桥街的旧消防站将改建为青年中心，大楼的工程应在夏季结束前开始。")


def test_ingest_one_bad_input_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = read_inputs([str(bad), str(tmp_path / "missing.txt"), fixture("harbor-strike.txt")])
    assert [a.id for a in result.articles] == ["harbor-strike"]
    assert len(result.problems) == 2


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    content=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(str.encode),
        st.sampled_from([b"<rss>", b"<feed", b"{", b"[1, {}]", b'{"documents": 3}', b"<html><p>x"]),
    ),
    suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".rss", ".atom", ".xml", ""]),
)
def test_ingest_never_raises_on_any_file(tmp_path, content, suffix):
    path = tmp_path / f"anything{suffix}"
    path.write_bytes(content)
    result = read_inputs([str(path)])
    for article in result.articles + tuple(a for s in result.stories for a in s.articles):
        assert article.text.strip() and "\r" not in article.text


def test_ingest_text_file_dated_by_its_name(tmp_path: Path) -> None:
    body = ("The council of Fernmoor voted on Monday to close the old ferry landing, and the "
            "harbour master said the boats would move to the new pier within a month.")
    (tmp_path / "2026-03-02-fernmoor-gazette.txt").write_text(body, encoding="utf-8")
    (tmp_path / "undated.txt").write_text(body, encoding="utf-8")
    (tmp_path / "2026-13-45-bad.txt").write_text(body, encoding="utf-8")
    dates = {a.id: a.date for a in read_inputs([str(tmp_path)]).articles}
    assert dates == {"2026-03-02-fernmoor-gazette": dt.date(2026, 3, 2), "undated": None,
                     "2026-13-45-bad": None}
