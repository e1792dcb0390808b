"""Storyline's exceptions: one root, a small tree, messages a person can act on.

    StorylineError
    ├── InputError          a file, line or field could not be read as articles
    │   └── NoArticlesError nothing usable remained after reading every input
    └── UsageError          a bad option or parameter (unknown method, bad budget)

Each message says what was wrong, where (file, line, field) and how to fix it.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Root of every error Storyline raises on purpose."""


class InputError(StorylineError):
    """An input that could not be read; `where` names the file (and line or field)."""

    def __init__(self, where: str, problem: str, hint: str = "") -> None:
        self.where = where
        self.problem = problem
        self.hint = hint
        message = f"{where}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class NoArticlesError(InputError):
    """Every input was unusable, so there is nothing to summarize."""


class UsageError(StorylineError):
    """A bad option or parameter given by the caller."""
