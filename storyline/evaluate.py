"""Evaluate: score summarizers against human summaries with the ROUGE-1.5.5 protocol.

Runs each method on every story that carries references and reports macro-averaged
ROUGE-1, ROUGE-2 and ROUGE-SU4 (recall or F1) and the seconds each summary took. Pure: the
caller reads the stories (ingest) and prints the report (render).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .errors import UsageError
from .rouge import RougeScores, score_summary
from .summarize import summarize
from .types import Story

METRICS = ("recall", "f1")


@dataclass(frozen=True, slots=True)
class MethodResult:
    """One method's scores on a set of stories (percentages, macro-averaged)."""

    method: str
    rouge_1: float
    rouge_2: float
    rouge_su4: float
    seconds_per_story: float
    per_story: tuple[tuple[str, RougeScores, float], ...]  # (story id, scores, seconds)


@dataclass(frozen=True, slots=True)
class Evaluation:
    words: int
    metric: str
    use_query: bool
    stories: int
    results: tuple[MethodResult, ...]


SummaryFunction = Callable[[Story, int], list[str]]


def storyline_method(method: str, use_query: bool = True) -> SummaryFunction:
    """A summary function for a registered Storyline method, for use with `evaluate`."""

    def run(story: Story, words: int) -> list[str]:
        summary = summarize(story.articles, words, method=method,
                            query=story.query if use_query else None)
        return [s.text for s in summary.sentences]

    return run


def evaluate(stories: Sequence[Story], words: int, methods: Sequence[str] = ("concepts",),
             metric: str = "recall", use_query: bool = True,
             extra: dict[str, SummaryFunction] | None = None,
             on_progress: Callable[[str, int], None] | None = None) -> Evaluation:
    """Score each method (registered names, plus `extra` named functions) on `stories`."""
    if metric not in METRICS:
        raise UsageError(f"--metric must be one of {', '.join(METRICS)}, got {metric!r}")
    scored = [s for s in stories if s.references]
    if not scored:
        raise UsageError("none of the stories has reference summaries to score against "
                         "(evaluate needs the cluster format with a 'references' list)")
    functions: dict[str, SummaryFunction] = {m: storyline_method(m, use_query) for m in methods}
    functions.update(extra or {})
    results = []
    for name, function in functions.items():
        per_story = []
        for story in scored:
            started = time.perf_counter()
            sentences = function(story, words)
            elapsed = time.perf_counter() - started
            per_story.append((story.id, score_summary(sentences, story.references, words), elapsed))
            if on_progress:
                on_progress(name, len(per_story))
        results.append(_aggregate(name, per_story, metric))
    return Evaluation(words=words, metric=metric, use_query=use_query, stories=len(scored),
                      results=tuple(results))


def _aggregate(name: str, per_story: list[tuple[str, RougeScores, float]], metric: str) -> MethodResult:
    def mean(pick: Callable[[RougeScores], float]) -> float:
        return 100.0 * sum(pick(s) for _, s, _ in per_story) / len(per_story)

    attr = "recall" if metric == "recall" else "f1"
    return MethodResult(
        method=name,
        rouge_1=mean(lambda s: getattr(s.rouge_1, attr)),
        rouge_2=mean(lambda s: getattr(s.rouge_2, attr)),
        rouge_su4=mean(lambda s: getattr(s.rouge_su4, attr)),
        seconds_per_story=sum(t for _, _, t in per_story) / len(per_story),
        per_story=tuple(per_story),
    )
