"""Summarize: the pipeline from a story's articles to a cited summary.

articles -> sentence pool (segment, stem, group duplicates, filter) -> a registered summarizer
selects within the budget -> reading order -> citations. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .candidates import SentencePool, build_pool
from .cite import citations_for
from .errors import UsageError
from .summarizers.base import Budget, Summarizer, create
from .types import Article, Citation, Summary, SummarySentence

DEFAULT_METHOD = "concepts"


def summarize(
    articles: Sequence[Article],
    words: int | None = 100,
    *,
    sentences: int | None = None,
    method: str = DEFAULT_METHOD,
    query: str | None = None,
    truncate: bool = False,
    story_id: str | None = None,
    **method_parameters: Any,
) -> Summary:
    """A cited extractive summary of one story's articles.

    `words` caps whitespace-separated words (never exceeded); `sentences` caps sentences.
    `truncate` fills the word budget by cutting one more sentence short (off by default: a
    summary sentence is otherwise always whole). `query` steers selection toward a question.
    """
    if not articles:
        raise UsageError("summarize needs at least one article")
    _check_unique_ids(articles)
    budget = Budget(words=words, sentences=sentences)
    summarizer = create(method, **method_parameters)
    pool = build_pool(articles, query=query)
    chosen = sorted(summarizer.select(pool, budget))  # reading order: date, then position
    summary_sentences = [
        SummarySentence(text=pool.candidates[i].sentence.text, citations=citations_for(pool, i))
        for i in chosen
    ]
    room_for_one_more = sentences is None or len(chosen) < sentences
    if truncate and words is not None and room_for_one_more:
        summary_sentences += _truncated_tail(pool, summarizer, chosen, words)
    parameters = {**summarizer.parameters(), "words": words, "sentences": sentences,
                  "truncate": truncate}
    return Summary(
        sentences=tuple(summary_sentences),
        articles=pool.articles,
        method=method,
        parameters=parameters,
        story_id=story_id,
        query=query,
    )


def _truncated_tail(pool: SentencePool, summarizer: Summarizer, chosen: list[int],
                    words: int) -> list[SummarySentence]:
    """The sentence the method would add next, cut to the words left (for --truncate).

    "Next" is what the method picks with room for one more sentence of any length; when
    that adds nothing, the earliest sentence not yet used.
    """
    left = words - sum(pool.candidates[i].word_count for i in chosen)
    if left <= 0:
        return []
    longest = max((c.word_count for c in pool.candidates), default=0)
    wider = sorted(summarizer.select(pool, Budget(words=words + longest)))
    for index in [*wider, *pool.selectable()]:
        if index in chosen:
            continue
        sentence = pool.candidates[index].sentence
        end = sentence.start + _prefix_length(sentence.text, left)
        own = citations_for(pool, index)[0]
        text = sentence.text[: end - sentence.start]
        return [SummarySentence(text=text, citations=(Citation(own.article_id, own.start, end),))]
    return []


def _prefix_length(text: str, n_words: int) -> int:
    """Characters of `text` up to the end of its first `n_words` whitespace words."""
    count = 0
    in_word = False
    for position, char in enumerate(text):
        if char.isspace():
            if in_word:
                count += 1
                if count == n_words:
                    return position
            in_word = False
        else:
            in_word = True
    return len(text)


def _check_unique_ids(articles: Sequence[Article]) -> None:
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise UsageError(f"two articles share the id {article.id!r}; give each article its own id")
        seen.add(article.id)
