"""Quality guard: the default method on DUC 2003 (storyline.evaluate), read from ../shared.

Not a benchmark (benchmarks/run.py measures and BENCHMARKS.md reports); this only fails when
a change drops the default method below the target it was accepted at. Skips when the data
folder is absent, as on a user's machine.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.evaluate import evaluate
from storyline.ingest import read_inputs

DATA_DIR = Path(
    os.environ.get("STORYLINE_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data"
)
DUC2003 = DATA_DIR / "benchmarks" / "duc2003.jsonl"


@pytest.fixture(scope="module")
def duc2003():
    if not DUC2003.exists():
        pytest.skip(f"DUC 2003 not found at {DUC2003} (set STORYLINE_DATA to run this guard)")
    return read_inputs([str(DUC2003)]).stories


def test_evaluate_default_method_keeps_duc2003_rouge2_above_target(duc2003):
    result = evaluate(duc2003, 100, ["concepts", "lead"])
    concepts, lead = result.results
    assert result.stories == 30
    assert concepts.rouge_2 >= 10.0
    assert concepts.rouge_2 > lead.rouge_2 + 2.0


def test_evaluate_is_deterministic(duc2003):
    first = evaluate(duc2003[:3], 100, ["concepts"]).results[0]
    second = evaluate(duc2003[:3], 100, ["concepts"]).results[0]
    assert [s for _, s, _ in first.per_story] == [s for _, s, _ in second.per_story]
