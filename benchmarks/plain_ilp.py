"""A plain reimplementation of ICSI's concept ILP (Gillick & Favre 2009), benchmark only.

The yardstick Storyline's default method must beat: sentences from NLTK punkt, Porter-stemmed
word bigrams (not both stop words) weighted by the number of documents containing them, kept
when at least `min_df` documents do, sentences of at least `min_words` words, one exact HiGHS
solve per cluster, output in document order. No position weighting, no duplicate grouping,
no readability filters: the published method as described, nothing of Storyline's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from baselines import ensure_punkt_data

_WORD = re.compile(r"[a-z0-9]+")


def plain_ilp_summary(texts: Sequence[str], words: int, min_df: int = 3,
                      min_words: int = 10) -> list[str]:
    """Sentences chosen by the concept ILP for a cluster of documents (in date order)."""
    import nltk
    from nltk.stem import PorterStemmer
    from sumy.utils import get_stop_words

    ensure_punkt_data()
    stemmer = PorterStemmer()
    stop = set(get_stop_words("english"))
    sentences: list[tuple[int, str]] = []
    for d, text in enumerate(texts):
        for line in text.split("\n"):
            sentences += [(d, s) for s in nltk.sent_tokenize(line) if s.strip()]
    concepts_of: list[set[tuple[str, str]]] = []
    docs_with: dict[tuple[str, str], set[int]] = defaultdict(set)
    for d, sentence in sentences:
        tokens = _WORD.findall(sentence.lower())
        found = {(stemmer.stem(a), stemmer.stem(b)) for a, b in zip(tokens, tokens[1:])
                 if not (a in stop and b in stop)}
        concepts_of.append(found)
        for concept in found:
            docs_with[concept].add(d)
    weights = {c: len(ds) for c, ds in docs_with.items() if len(ds) >= min_df}
    eligible = [j for j, (_, s) in enumerate(sentences)
                if min_words <= len(s.split()) <= words and concepts_of[j] & weights.keys()]
    concepts = sorted({c for j in eligible for c in concepts_of[j] if c in weights})
    if not eligible or not concepts:
        return []
    index = {c: k for k, c in enumerate(concepts)}
    m, k = len(eligible), len(concepts)
    rows, cols, vals = list(range(k)), [m + q for q in range(k)], [1.0] * k
    for j, s in enumerate(eligible):
        for c in concepts_of[s]:
            if c in index:
                rows.append(index[c])
                cols.append(j)
                vals.append(-1.0)
    lengths = np.array([len(sentences[j][1].split()) for j in eligible], dtype=float)
    result = milp(
        -np.concatenate([np.zeros(m), [weights[c] for c in concepts]]),
        constraints=[
            LinearConstraint(sparse.csr_matrix((vals, (rows, cols)), shape=(k, m + k)), -np.inf, 0),
            LinearConstraint(np.concatenate([lengths, np.zeros(k)])[None, :], -np.inf, words),
        ],
        integrality=np.ones(m + k), bounds=Bounds(0, 1),
    )
    if result.x is None:
        return []
    return [sentences[eligible[j]][1] for j in range(m) if result.x[j] > 0.5]
