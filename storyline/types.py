"""The plain data types that carry a story through every stage of the pipeline.

ingest -> segment -> summarize -> render all take and return these; nothing else is shared.
All are frozen: a stage builds new values rather than changing the ones it was given.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

# Words (keeping inner hyphens, apostrophes and digit groups together: "U.S.-led", "3,197",
# "isn't", "Gen.") and single punctuation marks.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}(?:-\w+)*"
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Prof|Lt|Col|Capt|Sgt|Rev|Maj|St|Jr|Sr|Inc|Ltd|Co|Corp)\.(?=\s)"
    r"|\w+(?:[-'’.,]\w+)*|[^\w\s]"
)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file, feed, or the API."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None  # the outlet, e.g. "Associated Press"
    date: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """The articles of one story, optionally with the question a reader asks of it.

    `references` holds human summaries when the story comes from a benchmark file.
    """

    id: str
    articles: tuple[Article, ...]
    query: str | None = None
    references: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark, with character offsets into its article's text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: `text == article.text[start:end]`."""

    article_id: str
    position: int  # 0-based index of the sentence within its article
    start: int
    end: int
    text: str

    @property
    def tokens(self) -> tuple[Token, ...]:
        """Words and punctuation marks, with offsets into the article text (computed on use)."""
        offset = self.start
        return tuple(
            Token(m.group(), offset + m.start(), offset + m.end()) for m in _TOKEN.finditer(self.text)
        )

    @property
    def word_count(self) -> int:
        """Whitespace-separated words, the way ROUGE counts a budget."""
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Citation:
    """Where an article says a summary sentence: `article.text[start:end]`."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """One sentence of a summary and every article that says it (the first is its origin)."""

    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    """A cited multi-document summary of one story."""

    sentences: tuple[SummarySentence, ...]
    articles: tuple[Article, ...]
    method: str
    parameters: dict[str, Any] = field(default_factory=dict)
    story_id: str | None = None
    query: str | None = None

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)
