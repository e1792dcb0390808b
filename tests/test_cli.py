"""The `storyline` command (storyline.cli): options in, summary out, one line per problem."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.cli import main
from storyline.summarizers.base import available_methods

MARKER = re.compile(r"\[\d+\]$")


def write_txt_folder(folder: Path, articles) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / f"{article.id}.txt").write_text(f"{article.title}\n\n{article.text}\n",
                                                  encoding="utf-8")
    return folder


def document(article) -> dict:
    return {"id": article.id, "text": article.text, "source": article.source,
            "date": article.date.isoformat() if article.date else None}


def write_clusters(path: Path, stories: dict, references: dict | None = None) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for story_id, articles in stories.items():
            record = {"id": story_id, "documents": [document(a) for a in articles]}
            if references:
                record["references"] = references[story_id]
            out.write(json.dumps(record) + "\n")
    return path


def stderr_lines(captured) -> list[str]:
    return [line for line in captured.err.splitlines() if line.strip()]


def assert_clean_errors(captured) -> None:
    """User mistakes give 'storyline: ...' lines, never a traceback."""
    assert "Traceback" not in captured.err
    for line in stderr_lines(captured):
        assert line.startswith("storyline: "), line


@pytest.fixture
def flood_folder(tmp_path, flood_story):
    return write_txt_folder(tmp_path / "flood", flood_story[:3])


# --- summarize -------------------------------------------------------------------------------


def test_cli_summarize_a_folder_prints_marked_sentences_and_sources(flood_folder, capsys):
    assert main(["summarize", str(flood_folder), "--words", "60"]) == 0
    captured = capsys.readouterr()
    body, sources = captured.out.split("\nSources\n")
    sentence_lines = [line for line in body.splitlines()[1:] if line.strip()]
    assert sentence_lines and all(MARKER.search(line) for line in sentence_lines)
    heading = re.search(r"\((\d+) articles, (\d+) words", body)
    assert heading.group(1) == "3" and 0 < int(heading.group(2)) <= 60
    assert [line.split()[0] for line in sources.strip().splitlines()] == ["[1]", "[2]", "[3]"]
    assert "“Floodwater closes Millbrook bridge” (valley-1)" in sources
    assert captured.err == ""


def test_cli_summarize_respects_words_and_sentences(flood_folder, capsys):
    assert main(["summarize", str(flood_folder), "--sentences", "2", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert len(document["sentences"]) == 2
    assert document["method"]["parameters"]["words"] is None  # --sentences alone: no word cap
    assert main(["summarize", str(flood_folder), "--words", "45", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["word_count"] <= 45


def test_cli_summarize_default_budget_is_100_words(flood_folder, capsys):
    assert main(["summarize", str(flood_folder), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["method"]["parameters"]["words"] == 100
    assert document["method"]["name"] == "concepts"
    assert 0 < document["word_count"] <= 100


def test_cli_summarize_truncate_fills_the_budget(flood_folder, capsys):
    assert main(["summarize", str(flood_folder), "--words", "33", "--truncate",
                 "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["word_count"] == 33


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_cli_summarize_other_formats(flood_folder, capsys, fmt):
    assert main(["summarize", str(flood_folder), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "valley-1" in out
    assert ("### Sources" in out) if fmt == "markdown" else out.startswith("<!doctype html>")


def test_cli_summarize_clusters_as_json_lines(tmp_path, flood_story, harbor_story, capsys):
    clusters = write_clusters(tmp_path / "clusters.jsonl",
                              {"millbrook": flood_story, "greyhaven": harbor_story})
    assert main(["summarize", str(clusters), "--format", "json", "--words", "50"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    documents = [json.loads(line) for line in lines]
    assert [d["story_id"] for d in documents] == ["millbrook", "greyhaven"]
    assert {a["id"] for a in documents[0]["articles"]} == {a.id for a in flood_story}
    assert {a["id"] for a in documents[1]["articles"]} == {a.id for a in harbor_story}
    assert all(d["word_count"] <= 50 for d in documents)


def test_cli_summarize_single_cluster_is_tagged_with_its_id(tmp_path, flood_story, capsys):
    clusters = write_clusters(tmp_path / "one.jsonl", {"millbrook": flood_story})
    assert main(["summarize", str(clusters), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["story_id"] == "millbrook"


def test_cli_summarize_query_option_reaches_the_summary(flood_folder, capsys):
    assert main(["summarize", str(flood_folder), "--query", "emergency shelter",
                 "--method", "lexrank", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["query"] == "emergency shelter"
    assert document["method"]["name"] == "lexrank"


def test_cli_summarize_reads_stdin(monkeypatch, capsys, flood_story):
    payload = json.dumps([document(a) for a in flood_story]).encode("utf-8")

    class FakeStdin:
        buffer = io.BytesIO(payload)

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    assert main(["summarize", "-", "--words", "40"]) == 0
    out = capsys.readouterr().out
    assert "Sources" in out and "Valley Courier" in out
    assert "(valley-4)" in out


# --- bad input -------------------------------------------------------------------------------


def test_cli_missing_path_is_reported_and_the_rest_summarized(flood_folder, tmp_path, capsys):
    missing = tmp_path / "no-such-article.txt"
    assert main(["summarize", str(flood_folder), str(missing)]) == 0
    captured = capsys.readouterr()
    assert "Sources" in captured.out
    [line] = stderr_lines(captured)
    assert str(missing) in line
    assert_clean_errors(captured)


def test_cli_strict_exits_3_when_an_input_was_skipped(flood_folder, tmp_path, capsys):
    missing = tmp_path / "no-such-article.txt"
    assert main(["summarize", str(flood_folder), str(missing), "--strict"]) == 3
    captured = capsys.readouterr()
    assert "Sources" in captured.out  # the summary is still printed
    assert str(missing) in captured.err
    assert main(["summarize", str(flood_folder), "--strict"]) == 0


def test_cli_only_bad_inputs_exit_1_with_a_line_per_problem(tmp_path, capsys):
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert main(["summarize", str(missing), str(empty), str(binary)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert_clean_errors(captured)
    lines = stderr_lines(captured)
    for path in (missing, empty, binary):
        assert sum(str(path) in line for line in lines if "skipped" in line) == 1, path
    assert "no usable articles" in captured.err


@pytest.mark.parametrize("options", [["--words", "0"], ["--words", "-3"], ["--sentences", "0"]])
def test_cli_bad_budget_exits_2_with_a_message(flood_folder, capsys, options):
    assert main(["summarize", str(flood_folder), *options]) == 2
    captured = capsys.readouterr()
    assert_clean_errors(captured)
    assert re.search(r"--(words|sentences) must be a positive whole number", captured.err)
    assert captured.out == ""


def test_cli_unknown_method_exits_2_naming_the_methods(flood_folder, capsys):
    assert main(["summarize", str(flood_folder), "--method", "textrank"]) == 2
    captured = capsys.readouterr()
    assert_clean_errors(captured)
    for method in available_methods():
        assert method in captured.err


def test_cli_unparseable_option_exits_2_without_a_traceback(flood_folder, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["summarize", str(flood_folder), "--words", "many"])
    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "--words" in captured.err


# --- methods and evaluate --------------------------------------------------------------------


def test_cli_methods_lists_every_method(capsys):
    assert main(["methods"]) == 0
    out = capsys.readouterr().out
    listed = [line.split()[0] for line in out.splitlines() if line.strip()]
    assert listed == list(available_methods())
    for description in available_methods().values():
        assert description in out


def test_cli_evaluate_prints_a_row_per_method(tmp_path, flood_story, harbor_story, capsys):
    clusters = write_clusters(
        tmp_path / "bench.jsonl",
        {"millbrook": flood_story, "greyhaven": harbor_story},
        references={
            "millbrook": ["Floodwater closed the old stone bridge in Millbrook and families "
                          "moved into a shelter in the school gym."],
            "greyhaven": ["Dock workers at Greyhaven went on strike over pay while seals "
                          "settled on the north pier."],
        },
    )
    assert main(["evaluate", str(clusters), "--words", "40", "--method", "lead",
                 "--method", "centroid"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "2 clusters" in lines[0] and "40 words" in lines[0]
    assert lines[1].split() == ["method", "R-1", "R-2", "R-SU4", "s/cluster"]
    rows = [line.split() for line in lines[2:]]
    assert [row[0] for row in rows] == ["lead", "centroid"]
    for row in rows:
        scores = [float(value) for value in row[1:4]]
        assert all(0.0 <= score <= 100.0 for score in scores)
        assert scores[0] > 0  # the lead sentences share words with the references


@pytest.mark.parametrize("limit", ["-1", "0"])
def test_cli_evaluate_rejects_a_limit_below_one(tmp_path, flood_story, harbor_story, capsys,
                                                limit):
    clusters = write_clusters(tmp_path / "bench.jsonl",
                              {"millbrook": flood_story, "greyhaven": harbor_story},
                              references={"millbrook": ["The bridge closed."],
                                          "greyhaven": ["The dock workers went on strike."]})
    assert main(["evaluate", str(clusters), "--words", "40", "--limit", limit]) == 2
    assert "--limit" in capsys.readouterr().err


def test_cli_evaluate_without_references_exits_2(tmp_path, flood_story, capsys):
    clusters = write_clusters(tmp_path / "plain.jsonl", {"millbrook": flood_story})
    assert main(["evaluate", str(clusters), "--words", "40"]) == 2
    captured = capsys.readouterr()
    assert_clean_errors(captured)
    assert "references" in captured.err


def test_cli_help_runs_as_a_program():
    script = Path(sys.executable).parent / "storyline"
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    for command in ("summarize", "evaluate", "methods"):
        assert command in done.stdout
    assert done.stderr == ""


def test_cli_empty_summary_is_explained_on_stderr(tmp_path, capsys):
    (tmp_path / "short.json").write_text(json.dumps({"id": "s", "text": "Ferry back soon."}))
    assert main(["summarize", str(tmp_path / "short.json")]) == 0
    captured = capsys.readouterr()
    assert "summary is empty" in captured.err and "--words 100" in captured.err
    assert "Traceback" not in captured.err
