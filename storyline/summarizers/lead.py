"""Lead: the opening sentences of the earliest article, then the next article's."""

from __future__ import annotations

from typing import Any

from ..candidates import SentencePool
from .base import Budget, fill_budget, register


@register("lead", "first sentences of the earliest article, then the next (baseline)")
class Lead:
    name: str

    def select(self, pool: SentencePool, budget: Budget) -> list[int]:
        return fill_budget(pool.selectable(), pool, budget)

    def parameters(self) -> dict[str, Any]:
        return {}
