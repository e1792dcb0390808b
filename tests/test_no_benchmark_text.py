"""The repository holds no text of the benchmark articles.

The benchmark sets are for research use and may not be copied into the project: tests use
invented articles, and annotations keep only document ids, offsets, names and dates. This
check reads the sets from ../shared/data/benchmarks (or $STORYLINE_DATA/benchmarks), skips when
they are absent, and fails on any run of eight words that a project file shares with an
article, unless every word of it is part of a name ("the Centers for Disease Control and
Prevention").
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("STORYLINE_DATA") or ROOT.parent / "shared" / "data") / "benchmarks"
SETS = ("duc2003", "duc2006-dev", "multiling2011-en")
RUN = 8
TEXT_SUFFIXES = {".py", ".md", ".txt", ".json", ".jsonl", ".html", ".xml", ".toml", ".cfg",
                 ".yml", ".yaml", ".js", ".css", ".sh"}
SKIPPED_FOLDERS = {"node_modules", "__pycache__", "build", "dist", "results"}
WORD = re.compile(r"[^\W_][\w'’]*")
NAME_JOINERS = {"of", "and", "the", "for", "on", "in", "at", "to", "a", "an", "de", "del", "la"}


def _runs(words: list[str]) -> set[int]:
    return {hash(tuple(w.lower() for w in words[i:i + RUN])) for i in range(len(words) - RUN + 1)}


def _project_files() -> list[Path]:
    found = []
    for path in ROOT.rglob("*"):
        parts = path.relative_to(ROOT).parts
        if any(p.startswith(".") or p in SKIPPED_FOLDERS for p in parts[:-1]):
            continue
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            found.append(path)
    return found


def _word_lists(path: Path) -> list[list[str]]:
    """The words of a file; of an annotation file (JSON lines of ids, offsets, names and
    dates), the words of each string apart, as names listed side by side read on."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix != ".jsonl":
        return [WORD.findall(text)]
    strings: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    for line in text.splitlines():
        if line.strip():
            collect(json.loads(line))
    return [WORD.findall(s) for s in strings]


def _is_name(words: list[str]) -> bool:
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in NAME_JOINERS for w in words)


def test_no_file_repeats_eight_words_of_a_benchmark_article():
    if not all((DATA / f"{name}.jsonl").is_file() for name in SETS):
        pytest.skip(f"benchmark data not found at {DATA}")
    seen: set[int] = set()
    for name in SETS:
        with open(DATA / f"{name}.jsonl", encoding="utf-8") as lines:
            for line in lines:
                for document in json.loads(line)["documents"]:
                    seen |= _runs(WORD.findall(document["text"]))
    copied = []
    for path in _project_files():
        for words in _word_lists(path):
            i = 0
            while i <= len(words) - RUN:
                run = words[i:i + RUN]
                if hash(tuple(w.lower() for w in run)) in seen and not _is_name(run):
                    copied.append(f"{path.relative_to(ROOT)}: {' '.join(run[:4])} ...")
                    i += RUN  # the next run that does not overlap this one
                else:
                    i += 1
    assert not copied, "text of benchmark articles in the project:\n" + "\n".join(copied)
