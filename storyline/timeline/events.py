"""Dated sentences as events (`build_events`): one per sentence, merged across the articles that
report it, with a citation per article. Runs after `find_dates` in the analysis stage; sits on
`periods` and on the sentence pool of `candidates` (near-copies) and `cite`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from storyline import terms
from storyline.candidates import SentencePool, build_pool
from storyline.cite import SUPPORT_CONTAINMENT
from storyline.timeline.periods import _RANK, _period_start
from storyline.types import Article, Citation, DateMention, Event

# Dated sentences from different articles that share a date and this share of their content
# words (Jaccard) report the same event even when they are not near-copies.
EVENT_OVERLAP = 0.4


def build_events(articles: Sequence[Article], dates: Sequence[DateMention],
                 pool: SentencePool | None = None) -> tuple[Event, ...]:
    """One event per dated sentence, merged across the articles that report it, by date.

    A sentence takes its most precise date (the first when tied). Sentences merge when they
    are near-copies (one duplicate group of the sentence pool) with compatible dates, or when
    they come from different articles, share a date and EVENT_OVERLAP of their content
    words. An event cites each merged sentence, and near-copies that drop the date ("Crews
    walked out after talks collapsed") when they hold SUPPORT_CONTAINMENT of its other
    content words. Events come in date order, then reading order. `pool` may be passed when
    the caller has already built the articles' sentence pool.
    """
    if not dates or not articles:
        return ()
    if pool is None:
        pool = build_pool(articles)
    dated = _dated_sentences(pool, dates)
    if not dated:
        return ()
    best = {i: _best(mentions) for i, mentions in dated.items()}
    words = {i: _content_words(pool, i) for i in dated}
    parent = {i: i for i in dated}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Only sentences of one duplicate group, or with one date, can merge: compare those.
    buckets: dict[object, list[int]] = {}
    for i in sorted(dated):
        buckets.setdefault(("group", pool.group[i]), []).append(i)
        buckets.setdefault(("date", best[i].date, best[i].precision), []).append(i)
    for members in buckets.values():
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                if find(a) != find(b) and _same_event(pool, a, b, best, words):
                    ra, rb = find(a), find(b)
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in sorted(dated):
        groups.setdefault(find(i), []).append(i)
    copies: dict[int, list[int]] = {}
    for i, root in enumerate(pool.group):
        copies.setdefault(root, []).append(i)
    events = [_event(pool, members, dated, words, copies) for members in groups.values()]
    events.sort(key=lambda pair: (pair[1].date, pair[0]))
    return tuple(event for _, event in events)


def _content_words(pool: SentencePool, index: int) -> frozenset[str]:
    return frozenset(s for s in pool.candidates[index].stems if s not in terms.STOP_STEMS)


def _dated_sentences(pool: SentencePool, dates: Sequence[DateMention]
                     ) -> dict[int, list[DateMention]]:
    """Pool index of each sentence holding a date mention -> its mentions, in text order."""
    starts: dict[str, list[int]] = {}
    indices: dict[str, list[int]] = {}
    for index, candidate in enumerate(pool.candidates):
        sentence = candidate.sentence
        starts.setdefault(sentence.article_id, []).append(sentence.start)
        indices.setdefault(sentence.article_id, []).append(index)
    dated: dict[int, list[DateMention]] = {}
    for mention in dates:
        article_starts = starts.get(mention.citation.article_id)
        if not article_starts:
            continue
        slot = bisect.bisect_right(article_starts, mention.citation.start) - 1
        if slot < 0:
            continue
        index = indices[mention.citation.article_id][slot]
        if mention.citation.start >= pool.candidates[index].sentence.end:
            continue  # in a heading or caption that segmentation left out
        dated.setdefault(index, []).append(mention)
    return dated


def _best(mentions: Sequence[DateMention]) -> DateMention:
    """The most precise mention; the first of those when several are equally precise."""
    return min(mentions, key=lambda m: _RANK[m.precision])


def _contains(outer: DateMention, inner: DateMention) -> bool:
    """True when `inner`'s date falls within `outer`'s period (a day is within its month)."""
    if _RANK[outer.precision] < _RANK[inner.precision]:
        return False
    return _period_start(inner.date, outer.precision) == outer.date


def _same_event(pool: SentencePool, a: int, b: int, best: dict[int, DateMention],
                words: dict[int, frozenset[str]]) -> bool:
    first, second = best[a], best[b]
    if not (_contains(first, second) or _contains(second, first)):
        return False
    if pool.group[a] == pool.group[b]:
        return True
    if pool.candidates[a].article_index == pool.candidates[b].article_index:
        return False
    if (first.date, first.precision) != (second.date, second.precision):
        return False
    shared = len(words[a] & words[b])
    union = len(words[a] | words[b])
    return union > 0 and shared >= EVENT_OVERLAP * union


def _event(pool: SentencePool, members: list[int], dated: dict[int, list[DateMention]],
           words: dict[int, frozenset[str]], copies: dict[int, list[int]]
           ) -> tuple[int, Event]:
    best = min((_best(dated[i]) for i in members), key=lambda m: _RANK[m.precision])
    expressions: list[str] = []
    for i in members:
        for mention in dated[i]:
            if mention.date == best.date and mention.precision == best.precision \
                    and mention.expression not in expressions:
                expressions.append(mention.expression)
    cited: dict[int, int] = {}  # article index -> pool index of the sentence cited there
    for i in members:
        cited.setdefault(pool.candidates[i].article_index, i)
    for i in members:
        date_words = {stem for m in dated[i] for stem in terms.content_stems(m.expression)}
        wanted = words[i] - date_words
        for j in copies[pool.group[i]]:
            article = pool.candidates[j].article_index
            if article not in cited and j not in dated and wanted and (
                    len(wanted.intersection(pool.candidates[j].stems))
                    >= SUPPORT_CONTAINMENT * len(wanted)):
                cited[article] = j
    own = members[0]
    others = sorted(j for j in cited.values() if j != own)
    citations = tuple(_citation(pool, j) for j in [own, *others])
    first = pool.candidates[members[0]].sentence
    return members[0], Event(date=best.date, precision=best.precision, text=first.text,
                             citations=citations, expressions=tuple(expressions))


def _citation(pool: SentencePool, index: int) -> Citation:
    sentence = pool.candidates[index].sentence
    return Citation(article_id=sentence.article_id, start=sentence.start, end=sentence.end)
