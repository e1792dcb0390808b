"""storyline.rouge against the official ROUGE-1.5.5 numbers, plus the protocol's behaviours.

The conformance cases live outside the repository (../shared/data/rouge-vectors.jsonl, or
$STORYLINE_DATA/rouge-vectors.jsonl); those tests skip when the data folder is absent.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from storyline.errors import UsageError
from storyline.rouge import RougeScore, RougeScores, rouge_tokens, score_summary

DATA_DIR = Path(
    os.environ.get("STORYLINE_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data"
)
VECTORS = DATA_DIR / "rouge-vectors.jsonl"


def _load_vectors() -> list[Any]:
    """One pytest param per conformance case, or a single skipped param when the data is absent."""
    if not VECTORS.is_file():
        reason = (
            f"ROUGE conformance vectors not found at {VECTORS} "
            "(set STORYLINE_DATA to the benchmark data folder to run them)"
        )
        return [pytest.param(None, id="no-vectors", marks=pytest.mark.skip(reason=reason))]
    with VECTORS.open(encoding="utf-8") as lines:
        cases = [json.loads(line) for line in lines if line.strip()]
    return [pytest.param(case, id=case["id"]) for case in cases]


def _as_table(scores: RougeScores) -> dict[str, dict[str, float]]:
    """Scores in the vectors' layout: {"rouge-1": {"r": ..., "p": ..., "f": ...}, ...}."""

    def row(score: RougeScore) -> dict[str, float]:
        return {"r": score.recall, "p": score.precision, "f": score.f1}

    return {
        "rouge-1": row(scores.rouge_1),
        "rouge-2": row(scores.rouge_2),
        "rouge-su4": row(scores.rouge_su4),
    }


@pytest.mark.parametrize("case", _load_vectors())
def test_rouge_matches_official_script(case: dict[str, Any]) -> None:
    got = _as_table(score_summary(case["peer"], case["references"], case["words"]))
    expected = case["expected"]
    wrong = {
        f"{measure} {part}": (got[measure][part], value)
        for measure, row in expected.items()
        for part, value in row.items()
        if round(got[measure][part], 5) != pytest.approx(value, abs=1e-9)
    }
    assert not wrong, f"{case['id']}: (ours, ROUGE-1.5.5) differ: {wrong}"


def test_rouge_word_limit_counts_whitespace_words_before_punctuation() -> None:
    # "two-three" is one word and the AP dash "_" is a word, though neither leaves one token.
    assert rouge_tokens("one two-three _ four five", 3) == ["one", "two", "three"]
    assert rouge_tokens("U.S.-led strikes", 1) == ["u", "s", "led"]
    # Only ASCII whitespace separates words (as in the Perl script); a no-break space does not.
    assert rouge_tokens("one\u00a0two three", 1) == ["one", "two"]
    assert rouge_tokens("one two\nthree four", 3) == ["one", "two", "three"]
    assert rouge_tokens("one two three", None) == ["one", "two", "three"]
    assert rouge_tokens("one two three", 0) == ["one", "two", "three"]  # -l 0: no limit


def test_rouge_word_limit_applies_to_references_too() -> None:
    scores = score_summary("alpha beta", ["alpha beta gamma delta"], 2)
    assert scores.rouge_1 == RougeScore(recall=1.0, precision=1.0, f1=1.0)


def test_rouge_tokens_are_lowercase_ascii_alphanumeric_runs() -> None:
    tokens = rouge_tokens("Café owners in Zürich, 5% (AP)", None)
    assert tokens == ["caf", "owner", "in", "z", "rich", "5", "ap"]


def test_rouge_short_tokens_are_not_stemmed() -> None:
    # Porter would cut "was" to "wa" and "has" to "ha"; the script stems only tokens of 4+ letters.
    assert rouge_tokens("was has cats dogs", None) == ["was", "has", "cat", "dog"]


def test_rouge_exception_list_applied_before_porter() -> None:
    assert rouge_tokens("said went children", None) == ["say", "go", "child"]
    # Exception forms are not stemmed further, and regular forms go through Porter: says -> sai.
    assert rouge_tokens("says", None) == ["sai"]
    # "best" and "better" are "well" (adv.exc read after adj.exc), as the reference scores need.
    assert rouge_tokens("best better", None) == ["well", "well"]


def test_rouge_porter_is_rouges_variant() -> None:
    assert rouge_tokens("agreement possibly yelling", None) == ["agreem", "possibl", "yell"]


def test_rouge_su4_excludes_last_unigram() -> None:
    # A one-token summary has no SU4 units at all: its only unigram is the last one.
    scores = score_summary("gamma", ["alpha beta gamma"], None)
    assert scores.rouge_1.recall == round(1 / 3, 5)
    assert scores.rouge_su4 == RougeScore(recall=0.0, precision=0.0, f1=0.0)
    # "alpha beta": units {alpha, alpha..beta}; "beta alpha": {beta, beta..alpha}; nothing shared.
    assert score_summary("alpha beta", ["beta alpha"], None).rouge_su4.recall == 0.0


def test_rouge_su4_skip_bigrams_have_at_most_four_words_between() -> None:
    four_between = score_summary("alpha omega", ["alpha b1 b2 b3 b4 omega"], None)
    five_between = score_summary("alpha omega", ["alpha b1 b2 b3 b4 b5 omega"], None)
    assert four_between.rouge_su4.precision == 1.0
    assert five_between.rouge_su4.precision == 0.5  # only the unigram "alpha" is shared


def test_rouge_several_references_pool_clipped_hits() -> None:
    # Hits clipped per reference: "alpha" twice in the summary matches once in each reference.
    scores = score_summary("alpha alpha", ["alpha beta", "alpha gamma delta"], None)
    assert scores.rouge_1.recall == round(2 / 5, 5)  # sum of hits / sum of reference unigrams
    assert scores.rouge_1.precision == round(2 / (2 * 2), 5)  # sum of hits / (M x summary unigrams)


def test_rouge_f_is_computed_from_rounded_recall_and_precision() -> None:
    scores = score_summary("alpha beta gamma", ["alpha beta gamma delta epsilon zeta eta"], None)
    r, p = scores.rouge_1.recall, scores.rouge_1.precision
    assert (r, p) == (round(3 / 7, 5), 1.0)
    assert scores.rouge_1.f1 == round(p * r / (0.5 * p + 0.5 * r), 5)


def test_rouge_summary_as_sentences_equals_joined_text() -> None:
    refs = ["The storm hit the coast on Monday. Thousands lost power."]
    assert score_summary(["Storm hits coast.", "Power lost."], refs, 100) == score_summary(
        "Storm hits coast. Power lost.", refs, 100
    )


def test_rouge_empty_inputs_score_zero() -> None:
    zero = RougeScore(recall=0.0, precision=0.0, f1=0.0)
    assert score_summary([], ["The cat sat on the mat."], 100) == RougeScores(zero, zero, zero)
    assert score_summary("The cat sat.", [], 100) == RougeScores(zero, zero, zero)
    assert score_summary("The cat sat.", ["", "..."], 100) == RougeScores(zero, zero, zero)


def test_rouge_rejects_bad_arguments() -> None:
    with pytest.raises(UsageError):
        score_summary("The cat sat.", "The cat sat.", 100)  # a bare string, not a list of texts
    with pytest.raises(UsageError):
        score_summary("The cat sat.", ["The cat sat."], -1)
