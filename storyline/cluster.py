"""Incremental, time-aware story clustering: each new article joins the most similar story or
starts a new one, without re-clustering what came before.

Sits after dedup and before the store. Articles are unit TF-IDF vectors of stemmed content
words; a story keeps the sum of its articles' vectors. A new article's similarity to a story is
its mean cosine with the story's articles (the dot product with the sum, over their number:
average linkage), so a one-article story and a fifty-article one are judged alike; the
candidates are the stories that share heavy words with it, found through an inverted index.
A story whose dates lie further than `window_days` from the article's date needs a clearly
higher similarity ("it really continues it"), and so does a pair whose dates are unknown:
without dates, only the words can tell two stories on one subject apart. Pure: no I/O; the
store saves and restores the state through `StoryState` and `ClusterState`.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from . import terms

Vector = dict[str, float]


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """How alike an article and a story must be for the article to join it."""

    # Mean cosine between the article and the story's articles needed to join it ("cosine"
    # scoring, stores made before average linkage: cosine with the story's centroid).
    threshold: float = 0.07
    window_days: int = 14  # a story is active while its dates lie within this many days
    stale_penalty: float = 0.05  # extra similarity needed to join a story outside the window
    undated_penalty: float = 0.18  # extra similarity needed when either date is unknown
    similarity: str = "mean"  # "mean" (average linkage) or "cosine" (with the centroid)
    centroid_terms: int = 150  # a centroid keeps its heaviest terms only (bounded memory)
    lead_words: int = 2000  # only the opening words of an article are read (the story is there)
    query_terms: int = 20  # an article's heaviest terms, used to find candidate stories
    rescore: int = 8  # candidate stories scored exactly
    # An article with fewer content words than `min_words` (a cookie notice, a crawl
    # description, an empty page) is too short to tell which story it is about: it stays a story
    # of its own; nothing is deduplicated against it and nothing joins it. Copies of a text
    # shorter than `copy_min_words` are boilerplate repeated across sites, not wire copies of one
    # story: each copy also stays a story of its own.
    min_words: int = 20
    copy_min_words: int = 25


@dataclass(slots=True)
class StoryState:
    """What clustering knows about one story."""

    id: int
    centroid: Vector  # sum of its (non-duplicate) articles' unit vectors, heaviest terms kept
    size: int = 0  # articles, near duplicates included
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    norm: float = 0.0
    members: int = 0  # articles whose vectors are in the centroid (near duplicates are not)

    def add_date(self, date: dt.date | None) -> None:
        if date is None:
            return
        self.first_date = date if self.first_date is None else min(self.first_date, date)
        self.last_date = date if self.last_date is None else max(self.last_date, date)

    def days_away(self, date: dt.date | None) -> int:
        """Days between `date` and the story's date range (0 inside it or when undated)."""
        if date is None or self.first_date is None or self.last_date is None:
            return 0  # unknown: see `ClusterParams.undated_penalty`
        if date < self.first_date:
            return (self.first_date - date).days
        if date > self.last_date:
            return (date - self.last_date).days
        return 0


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where an article went: the story, how alike they were, and whether the story is new."""

    story_id: int
    similarity: float
    is_new_story: bool


def article_terms(text: str, title: str | None = None, lead_words: int = 2000) -> Counter[str]:
    """Stemmed content words of the title and the opening `lead_words` words of the text."""
    words = terms.words(text)[:lead_words]
    if title:
        words = terms.words(title) + words
    return Counter(
        terms.stem(w) for w in words if w not in terms.STOP_WORDS and len(w) > 1 and not w.isdigit()
    )


@dataclass
class ClusterState:
    """Everything clustering remembers: document frequencies and the stories."""

    documents: int = 0
    document_frequency: Counter[str] = field(default_factory=Counter)
    stories: dict[int, StoryState] = field(default_factory=dict)
    next_story_id: int = 1


class StoryClusterer:
    """Assigns articles, one at a time, to stories; keeps the stories' centroids up to date.

    With `fixed_idf` (batch mode) the inverse document frequencies come from the whole
    collection, known in advance; otherwise (stream mode) they grow with every article added.
    """

    def __init__(self, params: ClusterParams | None = None, state: ClusterState | None = None,
                 fixed_idf: Mapping[str, float] | None = None) -> None:
        self.params = params or ClusterParams()
        self.state = state or ClusterState()
        self._fixed_idf = fixed_idf
        self._postings: dict[str, dict[int, float]] = defaultdict(dict)
        self._changed: set[int] = set()
        self._changed_terms: set[str] = set()
        for story in self.state.stories.values():
            self._index(story)

    # -- vectors ---------------------------------------------------------------------------

    def observe(self, counts: Counter[str]) -> None:
        """Count an article's words in the document frequencies (stream mode)."""
        self.state.documents += 1
        self.state.document_frequency.update(counts.keys())
        self._changed_terms.update(counts.keys())

    def idf(self, term: str) -> float:
        if self._fixed_idf is not None:
            return self._fixed_idf.get(term, 1.0)
        n = self.state.documents
        return math.log((n + 1) / (self.state.document_frequency.get(term, 0) + 1)) + 1.0

    def vector(self, counts: Counter[str]) -> Vector:
        """Unit-length TF-IDF vector (sublinear term frequency)."""
        weights = {t: (1.0 + math.log(c)) * self.idf(t) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {t: w / norm for t, w in weights.items()} if norm else {}

    # -- assignment ------------------------------------------------------------------------

    def best_story(self, vector: Vector, date: dt.date | None) -> tuple[int, float] | None:
        """The story the article should join and their cosine similarity, or None.

        Candidates come from the article's `query_terms` heaviest terms through the inverted
        index (a partial dot product); the `rescore` best are then scored exactly. Common words
        sit in thousands of stories and add little to any one score, so this keeps an article's
        cost flat as the store grows.
        """
        params = self.params
        heaviest = heapq.nlargest(params.query_terms, vector.items(), key=lambda kv: kv[1])
        partial: dict[int, float] = defaultdict(float)
        for term, weight in heaviest:
            for story_id, story_weight in self._postings.get(term, {}).items():
                partial[story_id] += weight * story_weight
        stories = self.state.stories
        scale = self._scale
        shortlist = heapq.nlargest(
            params.rescore, partial.items(), key=lambda kv: kv[1] / scale(stories[kv[0]]))
        best: tuple[float, int] | None = None
        for story_id, _ in shortlist:
            story = stories[story_id]
            if not story.norm:
                continue
            centroid = story.centroid
            similarity = sum(w * centroid.get(t, 0.0) for t, w in vector.items()) / scale(story)
            needed = params.threshold
            if story.days_away(date) > params.window_days:
                needed += params.stale_penalty
            elif date is None or story.last_date is None:
                needed += params.undated_penalty
            if similarity >= needed and (best is None or similarity > best[0]):
                best = (similarity, story_id)
        return (best[1], best[0]) if best else None

    def _scale(self, story: StoryState) -> float:
        """What a story's dot product with an article is divided by: its number of articles
        (mean cosine), or the centroid's length (cosine with the centroid)."""
        if self.params.similarity == "cosine":
            return story.norm or 1.0
        return float(story.members or story.size or 1)

    def add(self, vector: Vector, date: dt.date | None) -> Assignment:
        """Put an article in the best story above the threshold, or in a new story."""
        found = self.best_story(vector, date)
        if found is None:
            story_id = self.new_story()
            self.join(story_id, vector, date)
            return Assignment(story_id, 1.0, True)
        self.join(found[0], vector, date)
        return Assignment(found[0], found[1], False)

    def new_story(self) -> int:
        story_id = self.state.next_story_id
        self.state.next_story_id += 1
        self.state.stories[story_id] = StoryState(id=story_id, centroid={})
        self._changed.add(story_id)
        return story_id

    def join(self, story_id: int, vector: Vector | None, date: dt.date | None) -> None:
        """Add an article to a story; `vector=None` (a near duplicate) leaves the centroid as is,
        so a wire story sent ten times does not outweigh the rest of the story."""
        story = self.state.stories[story_id]
        story.size += 1
        story.add_date(date)
        self._changed.add(story_id)
        if not vector:
            return
        story.members += 1
        self._unindex(story)
        centroid = story.centroid
        for term, weight in vector.items():
            centroid[term] = centroid.get(term, 0.0) + weight
        limit = self.params.centroid_terms
        if len(centroid) > limit:
            story.centroid = dict(heapq.nlargest(limit, centroid.items(), key=lambda kv: kv[1]))
        story.norm = math.sqrt(sum(w * w for w in story.centroid.values()))
        self._index(story)

    def take_changed(self) -> list[StoryState]:
        """Stories changed since the last call (for the store to save)."""
        changed = [self.state.stories[i] for i in sorted(self._changed)]
        self._changed.clear()
        return changed

    def take_changed_terms(self) -> dict[str, int]:
        """Document frequencies changed since the last call (for the store to save)."""
        frequency = self.state.document_frequency
        changed = {t: frequency[t] for t in self._changed_terms}
        self._changed_terms.clear()
        return changed

    def _index(self, story: StoryState) -> None:
        for term, weight in story.centroid.items():
            self._postings[term][story.id] = weight

    def _unindex(self, story: StoryState) -> None:
        for term in story.centroid:
            posting = self._postings.get(term)
            if posting is not None:
                posting.pop(story.id, None)


def fixed_idf(term_counts: Iterable[Counter[str]]) -> dict[str, float]:
    """Inverse document frequencies over a whole collection (batch mode)."""
    frequency: Counter[str] = Counter()
    documents = 0
    for counts in term_counts:
        documents += 1
        frequency.update(counts.keys())
    return {t: math.log((documents + 1) / (f + 1)) + 1.0 for t, f in frequency.items()}
