"""LexRank: sentence centrality in a cosine-similarity graph (Erkan & Radev, 2004)."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse

from ..candidates import SentencePool
from .base import Budget, fill_budget, register
from .vectors import redundancy_check, tfidf


@register("lexrank", "graph centrality of sentences (continuous LexRank), with a redundancy check")
class LexRank:
    name: str

    def __init__(self, threshold: float = 0.1, damping: float = 0.85,
                 redundancy: float = 0.5, query_weight: float = 0.5) -> None:
        self.threshold = threshold
        self.damping = damping
        self.redundancy = redundancy
        self.query_weight = query_weight

    def select(self, pool: SentencePool, budget: Budget) -> list[int]:
        extra = [pool.query] if pool.query else []
        vectors = tfidf(pool, extra)
        n = len(pool.candidates)
        scores = self.centrality(vectors[:n])
        if pool.query:
            relevance = (vectors[:n] @ vectors[n].T).toarray().ravel()
            if relevance.max() > 0:
                scores = scores / max(scores.max(), 1e-12) + self.query_weight * relevance / relevance.max()
        ranked = sorted(pool.selectable(), key=lambda i: (-scores[i], i))
        return fill_budget(ranked, pool, budget, redundancy_check(vectors, self.redundancy))

    def centrality(self, vectors: sparse.csr_matrix) -> np.ndarray:
        """Stationary distribution of a random walk on the similarity graph (power iteration)."""
        n = vectors.shape[0]
        if n == 0:
            return np.zeros(0)
        similarity = (vectors @ vectors.T).tocsr()
        similarity.data[similarity.data < self.threshold] = 0.0
        similarity.eliminate_zeros()
        degree = np.asarray(similarity.sum(axis=1)).ravel()
        degree[degree == 0] = 1.0
        transition = sparse.diags(1.0 / degree) @ similarity
        rank = np.full(n, 1.0 / n)
        for _ in range(100):
            updated = (1 - self.damping) / n + self.damping * (transition.T @ rank)
            if np.abs(updated - rank).sum() < 1e-8:
                return updated
            rank = updated
        return rank

    def parameters(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "damping": self.damping,
                "redundancy": self.redundancy, "query_weight": self.query_weight}
