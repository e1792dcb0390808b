"""Candidates: the pool of sentences a summarizer chooses from.

Sits between segmentation and the summarizers. It puts a story's articles in reading order
(by date, then as given), stems every sentence once, groups sentences that say the same thing
(wire copies, re-sends, light rewrites) and marks which ones make acceptable summary
sentences. Summarizers only rank and select; they never read raw text again.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from . import terms
from .segment import segment
from .types import Article, Sentence

# Two sentences whose word sets overlap this much say the same thing (a wire copy with a word
# changed or a clause dropped). Measured on DUC re-sends: true copies sit above 0.8.
DUPLICATE_OVERLAP = 0.7
MIN_WORDS = 8

_OPEN_QUOTE = "\"“'‘"
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|added|stated|asked|according to|declared|announced|wrote|insisted|"
    r"argued|warned|explained|noted|claimed|replied|recalled|acknowledged)\b",
    re.IGNORECASE,
)

# Out of context, "He added that..." names nobody; the reader cannot tell who.
_DANGLING_START = re.compile(r"^[\"“'‘]?(?:He|She|They|His|Her|Their|Him|Them|These|Those)\b")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence with what summarizers need to know about it."""

    sentence: Sentence
    article_index: int  # index of its article in SentencePool.articles
    word_count: int  # whitespace-separated words, as budgets and ROUGE count them
    stems: tuple[str, ...]  # stemmed lowercase words, stop words included
    rejected_because: str | None  # why it makes a poor summary sentence, or None

    @property
    def is_eligible(self) -> bool:
        return self.rejected_because is None


@dataclass(frozen=True, slots=True)
class SentencePool:
    """Every sentence of a story, in reading order, grouped into 'says the same thing' sets.

    `group[i]` is the index of the first sentence (in reading order) that says what sentence
    `i` says; a sentence is its group's representative when `group[i] == i`.
    """

    articles: tuple[Article, ...]
    candidates: tuple[Candidate, ...]
    group: tuple[int, ...]
    query: str | None = None

    def selectable(self) -> list[int]:
        """Indices of sentences a summary may use: eligible group representatives."""
        return [
            i for i, c in enumerate(self.candidates) if c.is_eligible and self.group[i] == i
        ]

    def members(self, index: int) -> list[int]:
        """All sentences in the group of sentence `index`, representative first."""
        root = self.group[index]
        return [i for i, g in enumerate(self.group) if g == root]


def reading_order(articles: Sequence[Article]) -> tuple[Article, ...]:
    """Articles by date (undated last), ties kept in the order given."""
    far_future = dt.date.max
    return tuple(sorted(articles, key=lambda a: a.date or far_future))


def build_pool(articles: Sequence[Article], query: str | None = None,
               min_words: int = MIN_WORDS) -> SentencePool:
    """Segment, stem, filter and group the sentences of a story's articles."""
    ordered = reading_order(articles)
    candidates: list[Candidate] = []
    for index, article in enumerate(ordered):
        for sentence in segment(article):
            candidates.append(
                Candidate(
                    sentence=sentence,
                    article_index=index,
                    word_count=len(sentence.text.split()),
                    stems=tuple(terms.stems(sentence.text)),
                    rejected_because=rejection(sentence.text, min_words),
                )
            )
    return SentencePool(
        articles=ordered,
        candidates=tuple(candidates),
        group=tuple(group_duplicates([c.stems for c in candidates])),
        query=query,
    )


def rejection(text: str, min_words: int = MIN_WORDS) -> str | None:
    """Why a sentence would read badly in a summary, or None when it reads fine alone."""
    words = text.split()
    if len(words) < min_words:
        return "too short"
    stripped = text.rstrip("\"'”’) ")
    if stripped.endswith("?"):
        return "question"
    if text.upper() == text:
        return "all capitals (heading or dateline)"
    if _is_speakerless_quote(text):
        return "quotation without a speaker"
    if _DANGLING_START.match(text):
        return "starts with a pronoun whose person is named elsewhere"
    if len(words) < 12 and _DANGLING_END.search(text):
        return "ends on a pronoun whose thing is named elsewhere"
    return None


# "... said she would recommend it.": short, and the thing it is about is in another sentence.
_DANGLING_END = re.compile(r"\b(?:it|them|this|that)[.!]?[\"'”’)]*\s*$")


def _is_speakerless_quote(text: str) -> bool:
    """A quote fragment: the sentence is all quotation, or its quote marks do not pair up."""
    straight = text.count('"')
    curly_open, curly_close = text.count("“"), text.count("”")
    if straight % 2 == 1 or curly_open != curly_close:
        return not _ATTRIBUTION.search(text) or text.lstrip()[:1] in _OPEN_QUOTE
    if text.lstrip()[:1] in "\"“":
        closing = max(text.rfind('"'), text.rfind("”"))
        outside = text[closing + 1 :]
        return len(outside.split()) < 2
    return False


def group_duplicates(stem_lists: list[tuple[str, ...]], overlap: float = DUPLICATE_OVERLAP) -> list[int]:
    """For each sentence, the index of the first sentence that says the same thing.

    Two sentences say the same thing when their content-word sets overlap by `overlap`
    (Jaccard index). Pairs are found with prefix filtering: ordering each set rarest word
    first, two sets that overlap that much must share a word among their first
    |set| - ceil(overlap * |set|) + 1 words. Only those pairs are compared, so a 200-article
    story stays fast and small.
    """
    n = len(stem_lists)
    word_sets = [frozenset(s for s in stems if s not in terms.STOP_STEMS) for stems in stem_lists]
    frequency: dict[str, int] = defaultdict(int)
    for words in word_sets:
        for word in words:
            frequency[word] += 1
    by_prefix_word: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(word_sets):
        if not words:
            continue
        ordered = sorted(words, key=lambda w: (frequency[w], w))
        prefix = len(words) - math.ceil(overlap * len(words)) + 1
        for word in ordered[:prefix]:
            by_prefix_word[word].append(i)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    compared: set[tuple[int, int]] = set()
    for holders in by_prefix_word.values():
        for x, a in enumerate(holders):
            for b in holders[x + 1 :]:
                if (a, b) in compared:
                    continue
                compared.add((a, b))
                shared = len(word_sets[a] & word_sets[b])
                if shared >= overlap * (len(word_sets[a]) + len(word_sets[b]) - shared):
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]
