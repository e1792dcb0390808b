"""The concept program's fast paths give the solver's optimum: small programs solved by
trying every subset, and stories whose sentences all fit taken whole (less repeats)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from storyline.summarizers import concepts
from storyline.summarizers.ilp import solve_binary


@dataclass
class Candidate:
    word_count: int


@dataclass
class Pool:
    candidates: list[Candidate]


@dataclass
class Budget:
    words: int | None
    sentences: int | None = None


def value(chosen, gain, groups):
    picked = set(chosen)
    return float(sum(gain[j] for j in picked) +
                 sum(w for members, w in groups if picked & set(members)))


def solver_choice(lengths, gain, groups, budget):
    m, k = len(lengths), len(groups)
    cost = -np.concatenate([gain, [w for _, w in groups]])
    rows, cols, vals = [], [], []
    for q, (members, _) in enumerate(groups):
        rows += [q] * (len(members) + 1)
        cols += [*members, m + q]
        vals += [-1.0] * len(members) + [1.0]
    upper = [0.0] * k
    for coefficients, bound in ((lengths, budget.words), ([1] * m, budget.sentences)):
        if bound is not None:
            rows += [len(upper)] * m
            cols += list(range(m))
            vals += [float(c) for c in coefficients]
            upper.append(float(bound))
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(len(upper), m + k))
    x = solve_binary(cost, matrix, np.full(len(upper), -np.inf), np.array(upper), 10.0)
    return [j for j in range(m) if x[j] > 0.5]


programs = st.integers(1, concepts.ENUMERATED).flatmap(lambda m: st.tuples(
    st.lists(st.integers(3, 40), min_size=m, max_size=m),
    st.lists(st.sampled_from([0.0, 0.5, 1.25, 2.0, 3.5]), min_size=m, max_size=m),
    st.lists(st.tuples(st.sets(st.integers(0, m - 1), min_size=1),
                       st.floats(0.1, 5.0)), max_size=12),
    st.integers(3, 150), st.sampled_from([None, 1, 2, 3])))


@settings(max_examples=150, deadline=None)
@given(programs)
def test_concepts_every_subset_search_finds_the_solvers_optimum(program):
    lengths, gains, group_list, words, sentences = program
    gain = np.array(gains)
    groups = [(tuple(sorted(members)), w) for members, w in group_list]
    budget = Budget(words, sentences)
    pool = Pool([Candidate(n) for n in lengths])
    chosen = concepts._best_subset(list(range(len(lengths))), gain, groups, pool, budget)
    assert sum(lengths[j] for j in chosen) <= words
    assert sentences is None or len(chosen) <= sentences
    best = solver_choice(lengths, gain, groups, budget)
    assert abs(value(chosen, gain, groups) - value(best, gain, groups)) < 1e-6


def test_concepts_everything_fits_covers_every_concept_without_repeats():
    pool = Pool([Candidate(12), Candidate(5), Candidate(9)])
    sentence_concepts = {0: {("a", "b"), ("b", "c")}, 1: {("a", "b")}, 2: {("c", "d")}}
    # Sentence 1 says nothing sentence 0 does not (and is not dominated: it is shorter).
    assert concepts._covering([0, 1, 2], sentence_concepts, pool) == [0, 2]
