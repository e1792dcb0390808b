"""One quote per words: the same quote carried by several articles (equal words, or 80% of
them shared) becomes one Quote, cited where the story first has it and `also_in` the others,
with the speaker most copies agree on. The last step of `quotes`; sits on `attribution`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..entities import PERSON, EntityIndex
from ..types import Article, Citation, Quote
from .attribution import _Found, _Speaker


_NEAR_DUPLICATE = 0.8


def _normalised(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower().replace("’", "'"))


def _merge_copies(articles: Sequence[Article], entities: EntityIndex, found: list[_Found]
                  ) -> tuple[Quote, ...]:
    """One Quote per distinct words; copies in later articles go to `also_in`."""
    found.sort(key=lambda q: (q.article_index, q.start))
    groups: list[list[_Found]] = []
    exact: dict[tuple[str, ...], int] = {}
    by_trigram: dict[tuple[str, ...], set[int]] = defaultdict(set)
    words_of: list[list[str]] = []
    for quote in found:
        words = _normalised(articles[quote.article_index].text[quote.start:quote.end])
        key = tuple(words)
        group = exact.get(key)
        if group is None and len(words) >= 4:
            candidates: set[int] = set()
            for i in range(len(words) - 2):
                candidates |= by_trigram.get(tuple(words[i:i + 3]), set())
            for c in sorted(candidates):
                if _similar(words, words_of[c]) and all(
                        q.article_index != quote.article_index for q in groups[c]):
                    group = c
                    break
        if group is not None and any(q.article_index == quote.article_index
                                     for q in groups[group]):
            group = None  # the same words twice in one article are two quotes
        if group is None:
            group = len(groups)
            groups.append([])
            words_of.append(words)
            exact.setdefault(key, group)
            for i in range(len(words) - 2):
                by_trigram[tuple(words[i:i + 3])].add(group)
        groups[group].append(quote)
    quotes = []
    for copies in groups:
        first = copies[0]
        article = articles[first.article_index]
        speaker = _agreed_speaker(copies)
        quotes.append(Quote(
            text=article.text[first.start:first.end],
            citation=Citation(article.id, first.start, first.end),
            speaker=speaker.name,
            speaker_role=_role_of(speaker, entities, articles, copies),
            is_partial=first.is_partial,
            also_in=tuple(Citation(articles[q.article_index].id, q.start, q.end)
                          for q in copies[1:])))
    return tuple(quotes)


def _agreed_speaker(copies: list[_Found]) -> _Speaker:
    """The speaker most copies name (a person before an organisation on a tie); the first
    copy's when none is named."""
    named = [q.speaker for q in copies if q.speaker.name]
    if not named:
        return copies[0].speaker
    votes = Counter(s.name for s in named)
    return max(named, key=lambda s: (votes[s.name], s.kind == PERSON))


def _similar(a: list[str], b: list[str]) -> bool:
    shorter, longer = sorted((len(a), len(b)))
    if shorter < _NEAR_DUPLICATE * longer:
        return False
    common = len(set(a) & set(b))
    return common >= _NEAR_DUPLICATE * len(set(a) | set(b))


def _role_of(speaker: _Speaker, entities: EntityIndex, articles: Sequence[Article],
             group: list[_Found]) -> str | None:
    """The speaker's role as the quoting article words it, else as the story does."""
    if speaker.name is None:
        return speaker.description
    entity = entities.entity(speaker.name)
    if entity is None or not entity.roles:
        return None
    text = articles[group[0].article_index].text
    return next((r for r in entity.roles if r in text), entity.roles[0])
