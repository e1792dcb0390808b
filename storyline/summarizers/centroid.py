"""Centroid: sentences closest to the story's TF-IDF centroid (after Radev et al., MEAD)."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..candidates import SentencePool
from .base import Budget, fill_budget, register
from .vectors import redundancy_check, tfidf


@register("centroid", "sentences nearest the story's TF-IDF centroid, with a redundancy check")
class Centroid:
    name: str

    def __init__(self, redundancy: float = 0.5, query_weight: float = 0.5) -> None:
        self.redundancy = redundancy
        self.query_weight = query_weight

    def select(self, pool: SentencePool, budget: Budget) -> list[int]:
        extra = [pool.query] if pool.query else []
        vectors = tfidf(pool, extra)
        n = len(pool.candidates)
        centroid = np.asarray(vectors[:n].mean(axis=0)).ravel()
        scores = vectors[:n] @ centroid
        if pool.query:
            scores = scores + self.query_weight * (vectors[:n] @ vectors[n].T).toarray().ravel()
        selectable = pool.selectable()
        ranked = sorted(selectable, key=lambda i: (-scores[i], i))
        return fill_budget(ranked, pool, budget, redundancy_check(vectors, self.redundancy))

    def parameters(self) -> dict[str, Any]:
        return {"redundancy": self.redundancy, "query_weight": self.query_weight}
