"""Analyze: who said what, who is who, when things happened, where sources agree or differ.

The analysis pipeline over one story: parse (spaCy) -> entities -> quotes -> dates and events
-> agreement (claims, numeric conflicts, opposing quotes). Pure apart from the model load,
which happens once per process (storyline.nlp).
"""

from __future__ import annotations

from collections.abc import Sequence

from .candidates import SentencePool, build_pool, reading_order
from .errors import UsageError
from .summarize import summarize
from .types import Article, Quote, StoryAnalysis, Summary

# Key claims: the sentences a summary of this length would use.
CLAIM_WORDS = 250


def analyze(articles: Sequence[Article], *, story_id: str | None = None,
            summary: Summary | None = None, query: str | None = None) -> StoryAnalysis:
    """The analysis of one story's articles.

    Claims are the sentences of `summary` (when given) followed by the other key sentences
    of the story (those a 250-word summary would use), each with its independent sources.
    """
    # Imported here so `import storyline` (and `storyline --help`) never loads spaCy.
    from .agreement import answering_quotes, claims_for, numeric_conflicts, opposing_quotes
    from .entities import find_entities
    from .nlp import parse
    from .quotes import find_quotes
    from .timeline import build_events, find_dates

    if not articles:
        raise UsageError("analyze needs at least one article")
    ordered = reading_order(articles)
    docs = parse(ordered)
    entities = find_entities(ordered, docs)
    quotes = find_quotes(ordered, docs, entities)
    dates = find_dates(ordered, docs)
    pool = build_pool(ordered, query=query)
    events = build_events(ordered, dates, pool)
    claims = claims_for(pool, _claim_sentences(pool, ordered, summary, query))
    context = _quote_sentences(pool, quotes)
    return StoryAnalysis(
        articles=ordered,
        quotes=quotes,
        entities=entities.entities,
        events=events,
        dates=dates,
        claims=claims,
        numeric_conflicts=numeric_conflicts(pool, docs),
        opposing_quotes=opposing_quotes(quotes, context) + answering_quotes(ordered, quotes),
        story_id=story_id,
    )


def _claim_sentences(pool: SentencePool, articles: Sequence[Article], summary: Summary | None,
                     query: str | None) -> list[int]:
    """Pool indices of the summary's sentences, then of a wider summary's other sentences."""
    where = {(c.sentence.article_id, c.sentence.start): i for i, c in enumerate(pool.candidates)}
    wider = summarize(articles, CLAIM_WORDS, query=query)
    chosen: list[int] = []
    for source in ([summary] if summary else []) + [wider]:
        for sentence in source.sentences:
            own = sentence.citations[0]
            index = where.get((own.article_id, own.start))
            if index is not None and index not in chosen:
                chosen.append(index)
    return chosen


def _quote_sentences(pool: SentencePool, quotes: Sequence[Quote]) -> dict[Quote, str]:
    """The sentence around each quote (its reported speech carries the stance)."""
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for candidate in pool.candidates:
        s = candidate.sentence
        by_article.setdefault(s.article_id, []).append((s.start, s.end, s.text))
    context = {}
    for quote in quotes:
        for start, end, text in by_article.get(quote.citation.article_id, []):
            if start <= quote.citation.start < end:
                context[quote] = text
                break
    return context
