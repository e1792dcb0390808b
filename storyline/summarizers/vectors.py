"""TF-IDF sentence vectors shared by the centroid and LexRank summarizers."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from .. import terms
from ..candidates import SentencePool


def tfidf(pool: SentencePool, extra: list[str] | None = None) -> sparse.csr_matrix:
    """Row-normalised TF-IDF vectors of every sentence (plus `extra` texts, appended last).

    IDF counts articles, not sentences, so a word every outlet uses weighs little.
    """
    docs: list[list[str]] = [
        [s for s in c.stems if s not in terms.STOP_STEMS] for c in pool.candidates
    ]
    docs += [[s for s in terms.stems(t) if s not in terms.STOP_STEMS] for t in extra or []]
    vocabulary: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, stems in enumerate(docs):
        for s in stems:
            rows.append(i)
            cols.append(vocabulary.setdefault(s, len(vocabulary)))
            vals.append(1.0)
    shape = (len(docs), max(len(vocabulary), 1))
    counts = sparse.csr_matrix((vals, (rows, cols)), shape=shape, dtype=np.float64)
    article_of = np.array(
        [c.article_index for c in pool.candidates] + [-1] * len(extra or []), dtype=np.int64
    )
    # Document frequency over articles: a term counts once per article it occurs in.
    present = counts.tocoo()
    pairs = np.unique(np.stack([article_of[present.row], present.col]), axis=1)
    pairs = pairs[:, pairs[0] >= 0]
    df = np.bincount(pairs[1], minlength=shape[1]).astype(np.float64)
    n_articles = max(len(pool.articles), 1)
    idf = np.log((1.0 + n_articles) / (1.0 + df)) + 1.0
    weighted = counts @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ weighted)


def redundancy_check(vectors: sparse.csr_matrix, threshold: float):  # type: ignore[no-untyped-def]
    """A test that a sentence repeats one already chosen (cosine above `threshold`)."""

    def is_redundant(index: int, chosen: list[int]) -> bool:
        if not chosen:
            return False
        sims = (vectors[chosen] @ vectors[index].T).toarray().ravel()
        return bool(sims.max() > threshold)

    return is_redundant
