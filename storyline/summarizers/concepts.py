"""Concepts: concept-coverage selection by integer linear programming (the default method).

After Gillick & Favre (2009): a summary is good when it covers many of the story's important
concepts (stemmed word bigrams) once each. A concept weighs as much as the number of articles
that mention it, plus a bonus for appearing early in them (news puts the main facts first);
covering a concept twice earns nothing, which is the redundancy control. Concepts must be
reported by three articles; the bar drops when too little remains to fill the budget. The selection is solved exactly with HiGHS (highspy) over the
`max_candidates` sentences with the most concept weight per word.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from .. import terms
from ..candidates import SentencePool
from .base import Budget, fill_budget, register
from .ilp import solve_binary


@register("concepts", "exact concept-coverage ILP: bigrams weighted by how many articles say them (default)")
class Concepts:
    name: str

    def __init__(self, min_articles: int = 3, position_weight: float = 3.0,
                 query_weight: float = 1.0, max_candidates: int = 50,
                 time_limit: float = 10.0) -> None:
        self.max_candidates = max_candidates
        self.min_articles = min_articles
        self.position_weight = position_weight
        self.query_weight = query_weight
        self.time_limit = time_limit

    def parameters(self) -> dict[str, Any]:
        return {"min_articles": self.min_articles, "position_weight": self.position_weight,
                "query_weight": self.query_weight, "max_candidates": self.max_candidates,
                "time_limit": self.time_limit}

    def select(self, pool: SentencePool, budget: Budget) -> list[int]:
        selectable = pool.selectable()
        stats = _concept_stats(pool, selectable)
        lengths = [pool.candidates[i].word_count for i in selectable]
        typical_length = sum(lengths) / max(len(lengths), 1)
        chosen: list[int] = []
        for threshold in self.thresholds(pool, budget, stats, typical_length):
            weights = self.concept_weights(pool, stats, threshold)
            sentence_concepts = {}
            for index, found in stats.per_sentence.items():
                kept = found.intersection(weights)
                if kept:
                    sentence_concepts[index] = kept
            if not weights:
                continue
            chosen = self.solve(pool, budget, selectable, weights, sentence_concepts)
            if _is_full(pool, chosen, budget, typical_length):
                break
        if not chosen:
            # No sentence a summary may use holds a concept: fall back to lead.
            return fill_budget(selectable, pool, budget)
        return chosen

    def thresholds(self, pool: SentencePool, budget: Budget, stats: _ConceptStats,
                   typical_length: float) -> range:
        """Article counts a concept must reach, tried in turn from the strictest.

        Concepts must be reported by `min_articles` articles (3, as in ICSI's system). When
        that leaves too little to fill the budget (small or diverse stories), the bar drops
        one article at a time, down to "said by one article", where position alone ranks.
        Bars at which the sentences holding any concept could not fill the budget even
        together are skipped without solving.
        """
        strictest = min(self.min_articles, len(pool.articles))
        if budget.words is not None:
            need = budget.words - typical_length
            best_count = sorted(
                ((max((stats.article_count[c] for c in found), default=0),
                  pool.candidates[i].word_count) for i, found in stats.per_sentence.items()),
                reverse=True)
            available = 0
            for count, words in best_count:
                available += words
                if available >= need:
                    strictest = max(1, min(strictest, count))
                    break
        return range(strictest, 0, -1)

    def concept_weights(self, pool: SentencePool, stats: _ConceptStats,
                        min_articles: int) -> dict[tuple[str, str], float]:
        """Weight of every concept that at least `min_articles` articles mention."""
        query_stems = set(terms.content_stems(pool.query)) if pool.query else set()
        weights: dict[tuple[str, str], float] = {}
        for concept, first_positions in stats.first_seen.items():
            if len(first_positions) < min_articles:
                continue
            # How many articles say it, plus a bonus for saying it early (news puts the
            # main facts first).
            weight = float(len(first_positions))
            weight += self.position_weight * sum(1.0 / (1.0 + p) for p in first_positions.values())
            if query_stems and (concept[0] in query_stems or concept[1] in query_stems):
                weight *= 1.0 + self.query_weight
            weights[concept] = weight
        return weights

    def solve(self, pool: SentencePool, budget: Budget, selectable: list[int],
              weights: dict[tuple[str, str], float],
              sentence_concepts: dict[int, set[tuple[str, str]]]) -> list[int]:
        sentences = [i for i in selectable if i in sentence_concepts
                     and (budget.words is None or pool.candidates[i].word_count <= budget.words)]
        if not sentences:
            return fill_budget(selectable, pool, budget)
        sentences = _undominated(sentences, sentence_concepts, pool)
        if ((budget.words is None
             or sum(pool.candidates[i].word_count for i in sentences) <= budget.words)
                and (budget.sentences is None or len(sentences) <= budget.sentences)):
            # Everything fits (a small story): every concept can be covered, which is the
            # optimum; cover them without the solver's set-up, leaving out sentences whose
            # concepts the others all cover (shortest first).
            return _covering(sentences, sentence_concepts, pool)
        if len(sentences) > self.max_candidates:
            # Solve over the sentences with the most concept weight per word: the optimum
            # almost always lies among them, and HiGHS time grows fast with their number.
            density = {i: sum(weights[c] for c in sentence_concepts[i]) / pool.candidates[i].word_count
                       for i in sentences}
            ranked = sorted(sentences, key=lambda i: (-density[i], i))
            sentences = sorted(ranked[: self.max_candidates])
        sentence_gain, groups = _reduce(sentences, sentence_concepts, weights)
        if len(sentences) <= ENUMERATED:
            return _best_subset(sentences, sentence_gain, groups, pool, budget)
        m, k = len(sentences), len(groups)
        # Variables: m sentence indicators, then k concept-group indicators. A concept group
        # is the concepts found in exactly the same sentences (they stand or fall together);
        # a concept found in one sentence only adds its weight to that sentence instead.
        cost = -np.concatenate([sentence_gain, np.array([w for _, w in groups])])
        # A group counts only when some chosen sentence contains it: g_k - sum(s_j) <= 0.
        rows, cols, vals = [], [], []
        for q, (members, _) in enumerate(groups):
            rows += [q] * (len(members) + 1)
            cols += list(members) + [m + q]
            vals += [-1.0] * len(members) + [1.0]
        lower = [-np.inf] * k
        upper = [0.0] * k
        if budget.words is not None:
            q = len(upper)
            rows += [q] * m
            cols += list(range(m))
            vals += [float(pool.candidates[i].word_count) for i in sentences]
            lower.append(-np.inf)
            upper.append(float(budget.words))
        if budget.sentences is not None:
            q = len(upper)
            rows += [q] * m
            cols += list(range(m))
            vals += [1.0] * m
            lower.append(-np.inf)
            upper.append(float(budget.sentences))
        matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(len(upper), m + k))
        x = solve_binary(cost, matrix, np.array(lower), np.array(upper), self.time_limit)
        if x is None:
            return fill_budget(selectable, pool, budget)
        chosen = [sentences[j] for j in range(m) if x[j] > 0.5]
        return sorted(chosen)


@dataclass(frozen=True, slots=True)
class _ConceptStats:
    first_seen: dict[tuple[str, str], dict[int, int]]  # concept -> article -> first position
    per_sentence: dict[int, set[tuple[str, str]]]  # selectable sentence -> its concepts
    article_count: dict[tuple[str, str], int]  # concept -> number of articles saying it


def _concept_stats(pool: SentencePool, selectable: list[int]) -> _ConceptStats:
    first_seen: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    per_sentence: dict[int, set[tuple[str, str]]] = {}
    selectable_set = set(selectable)
    for index, candidate in enumerate(pool.candidates):
        found = _bigrams(candidate.stems)
        article = candidate.article_index
        for concept in found:
            first_seen[concept].setdefault(article, candidate.sentence.position)
        if index in selectable_set:
            per_sentence[index] = found
    article_count = {c: len(firsts) for c, firsts in first_seen.items()}
    return _ConceptStats(first_seen, per_sentence, article_count)


def _is_full(pool: SentencePool, chosen: list[int], budget: Budget, typical_length: float) -> bool:
    """Whether a selection leaves less room than one typical sentence would need."""
    if budget.sentences is not None and len(chosen) >= budget.sentences:
        return True
    if budget.words is None:
        return False
    used = sum(pool.candidates[i].word_count for i in chosen)
    return budget.words - used < typical_length


def _undominated(sentences: list[int], sentence_concepts: dict[int, set[tuple[str, str]]],
                 pool: SentencePool) -> list[int]:
    """Drop sentences another sentence beats outright: all their concepts, in as few words.

    Exact: any summary using a dominated sentence does at least as well with its dominator.
    """
    length = {i: pool.candidates[i].word_count for i in sentences}
    # Bigger concept sets first, so a dominator is always met before what it dominates.
    ordered = sorted(sentences, key=lambda i: (-len(sentence_concepts[i]), length[i], i))
    kept: list[int] = []
    for i in ordered:
        mine = sentence_concepts[i]
        if not any(length[j] <= length[i] and mine <= sentence_concepts[j] for j in kept):
            kept.append(i)
    return sorted(kept)


def _covering(sentences: list[int], sentence_concepts: dict[int, set[tuple[str, str]]],
              pool: SentencePool) -> list[int]:
    """The sentences less those whose every concept another kept sentence also has."""
    kept = set(sentences)
    holders = Counter(c for i in sentences for c in sentence_concepts[i])
    for i in sorted(sentences, key=lambda i: (pool.candidates[i].word_count, i)):
        if all(holders[c] > 1 for c in sentence_concepts[i]):
            kept.discard(i)
            holders.subtract(sentence_concepts[i])
    return sorted(kept)


ENUMERATED = 12  # programs of up to this many sentences are solved by trying every subset


def _best_subset(sentences: list[int], gain: np.ndarray,
                 groups: list[tuple[tuple[int, ...], float]], pool: SentencePool,
                 budget: Budget) -> list[int]:
    """The same program solved exactly by scoring all 2^m subsets of the m sentences at once
    (at most 4,096): for a small story that is a fraction of a millisecond, where the
    solver's set-up alone takes a few. Among equal scores the one with fewer words wins."""
    m = len(sentences)
    subsets = (np.arange(2**m)[:, None] >> np.arange(m)) & 1  # one row per subset
    words = subsets @ np.array([pool.candidates[i].word_count for i in sentences])
    feasible = np.ones(len(subsets), dtype=bool)
    if budget.words is not None:
        feasible &= words <= budget.words
    if budget.sentences is not None:
        feasible &= subsets.sum(axis=1) <= budget.sentences
    score = subsets @ gain
    if groups:
        holders = np.zeros((m, len(groups)))
        for q, (members, _) in enumerate(groups):
            holders[list(members), q] = 1.0
        score = score + ((subsets @ holders) > 0) @ np.array([w for _, w in groups])
    score = np.where(feasible, score, -np.inf)
    best = np.flatnonzero(score >= score.max() - 1e-9)
    chosen = subsets[best[np.argmin(words[best])]]
    return [sentences[j] for j in range(m) if chosen[j]]


def _reduce(sentences: list[int], sentence_concepts: dict[int, set[tuple[str, str]]],
            weights: dict[tuple[str, str], float]
            ) -> tuple[np.ndarray, list[tuple[tuple[int, ...], float]]]:
    """Fold concepts into the smallest equivalent problem (same optimum, fewer variables)."""
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    for j, index in enumerate(sentences):
        for concept in sentence_concepts[index]:
            holders[concept].append(j)
    gain = np.zeros(len(sentences))
    grouped: dict[tuple[int, ...], float] = defaultdict(float)
    for concept in sorted(holders):
        members = tuple(holders[concept])
        if len(members) == 1:
            gain[members[0]] += weights[concept]
        else:
            grouped[members] += weights[concept]
    return gain, sorted(grouped.items())


def _bigrams(stems: tuple[str, ...]) -> set[tuple[str, str]]:
    """Adjacent stem pairs, leaving out pairs of two stop words (they carry no topic)."""
    stop = terms.STOP_STEMS
    return {
        (a, b) for a, b in zip(stems, stems[1:]) if not (a in stop and b in stop)
    }
