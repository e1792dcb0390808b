"""The analysis benchmark's scorer (benchmarks/analysis.py) on a hand-built StoryAnalysis.

Checks the scoring rules, not Storyline: quote overlap through `also_in`, speakers matched
through alias groups, unattributed quotes, partial flags, dates compared at their precision,
alias pairs. Also checks that the committed annotations are well-formed where their texts exist.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
from pathlib import Path

from storyline.types import Article, Citation, DateMention, Entity, Quote, StoryAnalysis

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _load_scorer():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCHMARKS / "annotations"))
    spec = importlib.util.spec_from_file_location("analysis_benchmark", BENCHMARKS / "analysis.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


bench = _load_scorer()

A = 'Mayor Lina Ostrova opened the bridge on Friday. "It is ours now," Ms. Ostrova said. A voice shouted "finally".'
B = 'The bridge opened last week. "It is ours now," the mayor said.'


def _spans(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


ROWS = [
    {"set": "t", "cluster": None, "document": "a", "quotes": [
        {"start": _spans(A, "It is ours now,")[0], "end": _spans(A, "It is ours now,")[1],
         "speaker": "Lina Ostrova", "partial": False},
        {"start": _spans(A, "finally")[0], "end": _spans(A, "finally")[1], "speaker": None, "partial": True}],
     "dates": [{"start": _spans(A, "Friday")[0], "end": _spans(A, "Friday")[1], "date": "2030-05-03",
                "precision": "day"}]},
    {"set": "t", "cluster": None, "document": "b", "quotes": [
        {"start": _spans(B, "It is ours now,")[0], "end": _spans(B, "It is ours now,")[1],
         "speaker": "Lina Ostrova", "partial": False}],
     "dates": [{"start": _spans(B, "last week")[0], "end": _spans(B, "last week")[1], "date": "2030-04-22",
                "precision": "week"}]},
]
ALIASES = {"set": "t", "cluster": None, "groups": [
    {"name": "Lina Ostrova", "kind": "person", "forms": ["Lina Ostrova", "Ms. Ostrova", "Ostrova"]},
    {"name": "Ostrova Bridge Trust", "kind": "organization", "forms": ["Ostrova Bridge Trust"]}],
    "negative": [["Ostrova", "Ostrova Bridge Trust"]]}


def _analysis(quotes: tuple[Quote, ...], dates: tuple[DateMention, ...],
              entities: tuple[Entity, ...]) -> StoryAnalysis:
    articles = (Article("a", A, date=dt.date(2030, 5, 3)), Article("b", B, date=dt.date(2030, 5, 3)))
    return StoryAnalysis(articles=articles, quotes=quotes, entities=entities, events=(), dates=dates,
                         claims=(), numeric_conflicts=(), opposing_quotes=())


def test_perfect_analysis_scores_full_marks() -> None:
    sa, ea = _spans(A, "It is ours now,")
    sb, eb = _spans(B, "It is ours now,")
    fs, fe = _spans(A, "finally")
    quotes = (
        Quote("It is ours now,", Citation("a", sa, ea), "Ostrova", also_in=(Citation("b", sb, eb),)),
        Quote("finally", Citation("a", fs, fe), None, is_partial=True),
    )
    dates = (
        DateMention("Friday", dt.date(2030, 5, 3), "day", Citation("a", *_spans(A, "on Friday"))),
        DateMention("last week", dt.date(2030, 4, 24), "week", Citation("b", *_spans(B, "last week"))),
    )
    entities = (Entity("Lina Ostrova", "person", ("Mayor Lina Ostrova", "Ostrova"), 3, 2),
                Entity("Ostrova Bridge Trust", "organization", (), 1, 1))
    scores = bench.score_story(ROWS, ALIASES, _analysis(quotes, dates, entities))
    for name in ("quote_recall", "speaker", "speaker_attributed", "speaker_unattributed", "partial",
                 "quote_precision", "dates", "alias_precision", "alias_recall"):
        tally = getattr(scores, name)
        assert tally.hits == tally.total, (name, tally, scores.misses)
    assert scores.quote_recall.total == 3 and scores.dates.total == 2
    assert scores.alias_recall.total == 1  # "Lina Ostrova" + "Ostrova" ("Ms. Ostrova" is "Ostrova")
    assert scores.misses == []


def test_wrong_answers_are_counted_and_listed() -> None:
    sa, ea = _spans(A, "It is ours now,")
    fs, fe = _spans(A, "finally")
    quotes = (
        Quote("It is ours", Citation("a", sa, sa + 5), "Lina Ostrova"),  # under half the span
        Quote("finally", Citation("a", fs, fe), "Lina Ostrova", is_partial=False),  # guessed speaker
    )
    dates = (DateMention("last week", dt.date(2030, 4, 22), "day", Citation("b", *_spans(B, "last week"))),)
    entities = (Entity("Ostrova Bridge Trust", "organization", ("Ostrova",), 2, 1),)
    scores = bench.score_story(ROWS, ALIASES, _analysis(quotes, dates, entities))
    assert (scores.quote_recall.hits, scores.quote_recall.total) == (1, 3)
    assert (scores.speaker_unattributed.hits, scores.speaker_unattributed.total) == (0, 1)
    assert (scores.partial.hits, scores.partial.total) == (0, 1)
    assert (scores.dates.hits, scores.dates.total) == (0, 2)
    assert (scores.alias_precision.hits, scores.alias_precision.total) == (0, 1)
    assert (scores.alias_recall.hits, scores.alias_recall.total) == (0, 1)
    assert any(m.startswith("alias merged wrongly (a negative pair)") for m in scores.misses)
    assert any(m.startswith("quote not found: b") for m in scores.misses)


def test_names_compare_without_titles_case_or_abbreviation_dots() -> None:
    assert bench.norm("Mr. Trump") == bench.norm("trump") == bench.norm("President Trump’s")
    assert bench.norm("U.S.") == bench.norm("US")
    assert bench.norm("Prime Minister Tony Blair") == "tony blair"
    assert bench.norm("Air") == "air"


def test_speaker_names_match_with_or_without_a_middle_initial_only() -> None:
    aliases = bench.AliasIndex({}, {}, [])
    assert aliases.same("Barnett A. Slepian", "Barnett Slepian")
    assert aliases.same("Bill Clinton", "Clinton")
    assert not aliases.same("Barnett Slepian", "Lynne Slepian")
    assert not aliases.same("Slepian", "Barnett Slepian")  # a surname alone could be anyone


def test_committed_annotations_are_valid() -> None:
    result = subprocess.run([sys.executable, str(BENCHMARKS / "annotations" / "check.py")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
