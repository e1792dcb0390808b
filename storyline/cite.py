"""Cite: find every article that says what a summary sentence says.

Runs after selection. A sentence is supported by any sentence elsewhere that contains nearly
all of its content words: the same sentence, a wire copy with a word dropped or added, or a
rewrite that adds a clause. The sentence itself is always the first citation, and each
article is cited at most once.
"""

from __future__ import annotations

from . import terms
from .candidates import SentencePool
from .types import Citation

# A rewrite supports a sentence when it holds this share of the sentence's content words:
# all of a short sentence's, all but one of a twenty-word one.
SUPPORT_CONTAINMENT = 0.9


def citations_for(pool: SentencePool, index: int,
                  containment: float = SUPPORT_CONTAINMENT) -> tuple[Citation, ...]:
    """Citations for sentence `index` of the pool: itself first, then other articles'."""
    own = pool.candidates[index]
    cited_articles = {own.article_index}
    citations = [_citation(pool, index)]
    wanted = {s for s in own.stems if s not in terms.STOP_STEMS}
    for other in _supporting(pool, index, wanted, containment):
        article = pool.candidates[other].article_index
        if article not in cited_articles:
            cited_articles.add(article)
            citations.append(_citation(pool, other))
    return tuple(citations)


def _supporting(pool: SentencePool, index: int, wanted: set[str], containment: float) -> list[int]:
    # Duplicate groups are not enough here: "she would recommend the offer" and "she would
    # reject the offer" overlap enough to count as one for redundancy, not as support.
    if not wanted:
        return [i for i, c in enumerate(pool.candidates)
                if i != index and c.sentence.text == pool.candidates[index].sentence.text]
    return [
        other for other, candidate in enumerate(pool.candidates)
        if other != index and len(wanted.intersection(candidate.stems)) >= containment * len(wanted)
    ]


def _citation(pool: SentencePool, index: int) -> Citation:
    candidate = pool.candidates[index]
    article = pool.articles[candidate.article_index]
    return Citation(article_id=article.id, start=candidate.sentence.start, end=candidate.sentence.end)
