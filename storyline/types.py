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


# --- Story analysis: who said what, who is who, when, and where sources agree ---------------


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, under one name however the articles write it."""

    name: str  # the fullest form the articles use ("Donald Trump", "Islamic State")
    kind: str  # "person" | "organization" | "place"
    aliases: tuple[str, ...]  # every other form seen ("Trump", "Mr Trump", "Isil", "Daesh")
    mentions: int  # times named, all forms, all articles
    sources: int  # articles naming it
    roles: tuple[str, ...] = ()  # what the text calls it ("White House press secretary")
    citations: tuple[Citation, ...] = ()  # first mention in each article naming it


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation and who said it.

    `citation` spans the quoted words (inside the quote marks) in the first article that
    carries it; `also_in` holds the same quote in other articles. `speaker` is an Entity name,
    or None when the text does not say who spoke (never guessed).
    """

    text: str
    citation: Citation
    speaker: str | None
    speaker_role: str | None = None
    is_partial: bool = False  # a few quoted words inside reported speech
    also_in: tuple[Citation, ...] = ()


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved against its article's publication date."""

    expression: str  # as written: "on Tuesday", "mid-February"
    date: dt.date  # first day of the period for month and year precision
    precision: str  # "day" | "week" | "month" | "year"
    citation: Citation  # span of the expression


@dataclass(frozen=True, slots=True)
class Event:
    """A dated sentence, merged across the articles that report it."""

    date: dt.date
    precision: str
    text: str
    citations: tuple[Citation, ...]
    expressions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement and how many independent sources report it (wire copies count once)."""

    text: str
    citations: tuple[Citation, ...]
    independent_sources: int

    @property
    def is_single_source(self) -> bool:
        return self.independent_sources < 2


@dataclass(frozen=True, slots=True)
class NumberClaim:
    """One source's value for a quantity ("1,200 members")."""

    value: float
    text: str  # as written: "1,200 of its members"
    citation: Citation


@dataclass(frozen=True, slots=True)
class NumericConflict:
    """The same quantity given different values by different sources."""

    subject: str  # what is counted: "workers", "troops"
    values: tuple[NumberClaim, ...]


@dataclass(frozen=True, slots=True)
class OpposingQuotes:
    """Quotes by different speakers on one subject that pull in opposite directions.

    `subject` names the disagreement ("troops: stay or leave"); `one_side` and `other_side`
    hold the quotes (with their speakers) on each side.
    """

    subject: str
    one_side: tuple[Quote, ...]
    other_side: tuple[Quote, ...]

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return self.one_side + self.other_side


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    """Everything `storyline analyze` reports about one story."""

    articles: tuple[Article, ...]
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    dates: tuple[DateMention, ...]
    claims: tuple[Claim, ...]
    numeric_conflicts: tuple[NumericConflict, ...]
    opposing_quotes: tuple[OpposingQuotes, ...]
    story_id: str | None = None
