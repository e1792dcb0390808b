"""Storyline: read many news articles and tell the stories in them, with proof.

    >>> from storyline import Article, summarize
    >>> summary = summarize(articles, words=100)
    >>> for sentence in summary.sentences: print(sentence.text, sentence.citations)
"""

from .errors import InputError, NoArticlesError, StorylineError, UsageError
from .ingest import Ingested, read_inputs
from .render import render
from .summarize import summarize
from .summarizers.base import Budget, Summarizer, available_methods
from .types import Article, Citation, Sentence, Story, Summary, SummarySentence, Token

__all__ = [
    "Article",
    "Budget",
    "Citation",
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
