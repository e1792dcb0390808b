"""Storyline: read many news articles and tell the stories in them, with proof.

    >>> from storyline import Article, summarize
    >>> summary = summarize(articles, words=100)
    >>> for sentence in summary.sentences: print(sentence.text, sentence.citations)
"""

from .analyze import analyze
from .errors import InputError, NoArticlesError, StorylineError, UsageError
from .ingest import Ingested, read_inputs
from .render import render
from .summarize import summarize
from .summarizers.base import Budget, Summarizer, available_methods
from .render_analysis import render_analysis
from .types import (
    Article,
    Citation,
    Claim,
    DateMention,
    Entity,
    Event,
    NumberClaim,
    NumericConflict,
    OpposingQuotes,
    Quote,
    Sentence,
    Story,
    StoryAnalysis,
    Summary,
    SummarySentence,
    Token,
)

__all__ = [
    "Article",
    "Budget",
    "Citation",
    "Claim",
    "DateMention",
    "Entity",
    "Event",
    "NumberClaim",
    "NumericConflict",
    "OpposingQuotes",
    "Quote",
    "StoryAnalysis",
    "analyze",
    "render_analysis",
    "Ingested",
    "InputError",
    "NoArticlesError",
    "Sentence",
    "Story",
    "StorylineError",
    "Summarizer",
    "Summary",
    "SummarySentence",
    "Token",
    "UsageError",
    "available_methods",
    "read_inputs",
    "render",
    "summarize",
]
