"""The protocol every summarizer implements, the registry that finds them by name, and budgets.

The CLI, the Python API, the benchmarks and the batch job all list and build summarizers here,
so a method exists in one place only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from ..candidates import SentencePool
from ..errors import UsageError


@dataclass(frozen=True, slots=True)
class Budget:
    """How long a summary may be: at most `words` whitespace words and/or `sentences` sentences."""

    words: int | None = None
    sentences: int | None = None

    def __post_init__(self) -> None:
        if self.words is None and self.sentences is None:
            raise UsageError("a budget needs --words N or --sentences N")
        for name in ("words", "sentences"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise UsageError(f"--{name} must be a positive whole number, got {value}")

    def fits(self, used_words: int, used_sentences: int, extra_words: int) -> bool:
        """Whether one more sentence of `extra_words` words fits after what is used."""
        if self.sentences is not None and used_sentences + 1 > self.sentences:
            return False
        if self.words is not None and used_words + extra_words > self.words:
            return False
        return True


class Summarizer(Protocol):
    """Chooses sentences of a pool within a budget.

    `select` returns indices into `pool.candidates`, each one from `pool.selectable()`, best
    first; their total length respects `budget`. It must be deterministic.
    """

    name: str

    def select(self, pool: SentencePool, budget: Budget) -> list[int]: ...

    def parameters(self) -> dict[str, Any]: ...


S = TypeVar("S", bound=type)
_REGISTRY: dict[str, tuple[type, str]] = {}


def register(name: str, description: str) -> Callable[[S], S]:
    """Class decorator: make a summarizer available under `name`."""

    def add(cls: S) -> S:
        _REGISTRY[name] = (cls, description)
        cls.name = name  # type: ignore[attr-defined]
        return cls

    return add


def available_methods() -> dict[str, str]:
    """Registered method names and one-line descriptions, in registration order."""
    _load_builtin()
    return {name: description for name, (_, description) in _REGISTRY.items()}


def create(name: str, **parameters: Any) -> Summarizer:
    """Build the summarizer registered under `name` with the given parameters."""
    _load_builtin()
    if name not in _REGISTRY:
        known = ", ".join(_REGISTRY)
        raise UsageError(f"unknown method {name!r}; choose one of: {known}")
    cls, _ = _REGISTRY[name]
    try:
        return cls(**parameters)  # type: ignore[no-any-return]
    except TypeError as exc:
        raise UsageError(f"method {name!r} does not take these parameters: {exc}") from None


def fill_budget(
    ranked: Sequence[int],
    pool: SentencePool,
    budget: Budget,
    is_redundant: Callable[[int, list[int]], bool] | None = None,
) -> list[int]:
    """Walk a ranking best-first, keeping each sentence that fits and says something new."""
    chosen: list[int] = []
    used = 0
    for index in ranked:
        length = pool.candidates[index].word_count
        if not budget.fits(used, len(chosen), length):
            if budget.sentences is not None and len(chosen) >= budget.sentences:
                break
            continue
        if is_redundant is not None and is_redundant(index, chosen):
            continue
        chosen.append(index)
        used += length
    return chosen


def _load_builtin() -> None:
    # Importing the modules runs their @register decorators.
    from . import centroid, concepts, lead, lexrank  # noqa: F401
