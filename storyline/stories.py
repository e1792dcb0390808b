"""Stories from a stream: ingested articles -> dedup -> cluster -> store, and the story list.

`StoryPipeline` is the in-memory part (no I/O): it decides, for each article, whether it is
already known, a copy of another, or which story it belongs to. `add_articles` runs it against
a `Store` and saves what it decided; `list_stories` reads the stories back with a headline,
dates, sources and top terms.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import terms
from .cluster import ClusterParams, ClusterState, StoryClusterer, article_terms
from .dedup import NEAR_THRESHOLD, SIGNATURE_DTYPE, DuplicateFinder, signatures, text_hash
from .errors import InputError, UsageError
from .segment import segment
from .store import Store, StoredStory
from .types import Article, Summary

CHUNK = 500  # articles decided (and saved) together: one transaction, one MinHash batch
NO_SIGNATURE = np.zeros(0, dtype=SIGNATURE_DTYPE)  # stored for articles left alone: never copied


@dataclass(frozen=True, slots=True)
class Decision:
    """What happened to one article."""

    article: Article
    kind: str  # "story" | "short" | "boilerplate" | "near" | "exact" | "known" | "rejected"
    story_id: int | None = None
    duplicate_of: str | None = None
    digest: str = ""
    signature: np.ndarray | None = None
    problem: InputError | None = None
    is_new_story: bool = False


@dataclass
class AddReport:
    """Counts of what `add_articles` did, and the articles it could not take."""

    added: int = 0  # stored and placed in a story (near duplicates included)
    new_stories: int = 0
    near_duplicates: int = 0
    alone: int = 0  # too short, or copies of a short text: each a story of its own
    exact_duplicates: int = 0  # dropped: the same text is stored under another id
    already_stored: int = 0  # the same id with the same text: nothing to do
    problems: list[InputError] = field(default_factory=list)
    # Story id of every article taken (added, copied or already stored); None for an exact copy
    # of an article that is not in a story, and absent for the articles in `problems`.
    placed: dict[str, int | None] = field(default_factory=dict)


class StoryPipeline:
    """Dedup and clustering over articles seen one at a time, in memory.

    `known` maps stored article ids to their text hashes, so re-adding is a no-op and a
    changed text under a stored id is refused.
    """

    def __init__(self, params: ClusterParams | None = None, state: ClusterState | None = None,
                 near_threshold: float = NEAR_THRESHOLD,
                 fixed_idf: dict[str, float] | None = None) -> None:
        self.clusterer = StoryClusterer(params, state, fixed_idf=fixed_idf)
        self.duplicates = DuplicateFinder(near_threshold)
        self.known: dict[str, str] = {}  # article id -> text hash
        self.story_of: dict[str, int] = {}  # article id -> story id (stored, not exact copies)
        # The store's count of saved batches this state matches (`Store.saves`); None when
        # the pipeline was not read from a store.
        self.saves_seen: int | None = None

    def decide(self, articles: Sequence[Article]) -> list[Decision]:
        """Place each article (in the order given), updating the state as it goes."""
        usable = [a for a in articles if a.text.strip()]
        sigs = iter(signatures([a.text for a in usable]))
        decisions = []
        for article in articles:
            if not article.text.strip():
                decisions.append(Decision(article, "rejected", problem=InputError(
                    f"article {article.id}", "article text is empty",
                    "add the text or leave the article out")))
                continue
            decisions.append(self.decide_one(article, next(sigs)))
        return decisions

    def decide_one(self, article: Article, signature: np.ndarray) -> Decision:
        digest = text_hash(article.text)
        stored = self.known.get(article.id)
        if stored is not None:
            if stored == digest:
                return Decision(article, "known", story_id=self.story_of.get(article.id),
                                digest=digest)
            return Decision(article, "rejected", digest=digest, problem=InputError(
                f"article {article.id}", "an article with this id is already stored with a "
                "different text; the new text was not added",
                "give each article its own id (a changed version needs a new id)"))
        params = self.clusterer.params
        counts = article_terms(article.text, article.title, params.lead_words)
        words = sum(counts.values())
        if words < params.min_words:
            # Too short to say what it is about (a notice, a stub, an empty page): copies of it
            # sit in unrelated stories, so it is neither deduplicated nor clustered, and it is
            # stored without a signature so that nothing is taken for its copy later.
            return self._alone(article, digest, "short")
        verdict = self.duplicates.check(article.id, digest, signature)
        if verdict.is_duplicate and words < params.copy_min_words:
            # A short text found again is boilerplate repeated across sites (a crawl
            # description, a share widget), not a wire copy of one story.
            return self._alone(article, digest, "boilerplate")
        self.known[article.id] = digest
        if verdict.kind == "exact":
            assert verdict.duplicate_of is not None
            return Decision(article, "exact", story_id=self.story_of.get(verdict.duplicate_of),
                            duplicate_of=verdict.duplicate_of, digest=digest)
        self.duplicates.remember(article.id, digest, signature)
        self.clusterer.observe(counts)
        if verdict.kind == "near":
            assert verdict.duplicate_of is not None
            story_id = self.story_of[verdict.duplicate_of]
            self.clusterer.join(story_id, None, article.date)
            self.story_of[article.id] = story_id
            return Decision(article, "near", story_id=story_id,
                            duplicate_of=verdict.duplicate_of, digest=digest, signature=signature)
        assignment = self.clusterer.add(self.clusterer.vector(counts), article.date)
        self.story_of[article.id] = assignment.story_id
        return Decision(article, "story", story_id=assignment.story_id, digest=digest,
                        signature=signature, is_new_story=assignment.is_new_story)

    def _alone(self, article: Article, digest: str, kind: str) -> Decision:
        """A story of its own for an article that cannot be placed; nothing joins it (its
        centroid stays empty) and nothing copies it (it has no signature)."""
        self.known[article.id] = digest
        story_id = self.clusterer.new_story()
        self.clusterer.join(story_id, None, article.date)
        self.story_of[article.id] = story_id
        return Decision(article, kind, story_id=story_id, digest=digest,
                        signature=NO_SIGNATURE, is_new_story=True)


def stream_order(articles: Iterable[Article]) -> list[Article]:
    """Articles by date, undated ones after the dated, ties in the order given."""
    return sorted(articles, key=lambda a: (a.date is None, a.date or dt.date.min))


def chunks(items: Sequence[Article], size: int = CHUNK) -> Iterable[Sequence[Article]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*(?:\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"”’)]?\s+|\n\s*)$")


def proper_terms(text: str) -> Counter[str]:
    """Capitalised words and runs of them ("Augusto Pinochet") not opening a sentence."""
    found: Counter[str] = Counter()
    for match in _CAPITALISED.finditer(text):
        name = match.group()
        if _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]) or match.start() == 0:
            first, _, rest = name.partition(" ")
            if not rest:
                continue
            name = rest if first.lower() in terms.STOP_WORDS else name
        if name.lower() in terms.STOP_WORDS or name.lower() in _CALENDAR_WORDS or len(name) < 3:
            continue
        found[name] += 1
    return found


_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april june "
    "july august september october november december today yesterday".split())

ProgressCallback = Callable[[int], None]


def open_pipeline(store: Store, params: ClusterParams | None = None) -> StoryPipeline:
    """The pipeline as the store left it (the store's own parameters win, so a second run
    continues with the settings the first one used)."""
    pipeline = StoryPipeline(store.cluster_params() or params, store.cluster_state())
    rows = list(store.known_articles())
    pipeline.duplicates.remember_all((i, digest, sig) for i, digest, sig, _ in rows if len(sig))
    for article_id, digest, _, story_id in rows:
        pipeline.known[article_id] = digest
        pipeline.story_of[article_id] = story_id
    for article_id, digest in store.exact_duplicates():
        pipeline.known[article_id] = digest
    pipeline.saves_seen = store.saves()
    return pipeline


def add_articles(store: Store, articles: Iterable[Article], params: ClusterParams | None = None,
                 progress: ProgressCallback | None = None,
                 pipeline: StoryPipeline | None = None) -> AddReport:
    """Dedup, cluster and store the articles (by date, undated last); returns what happened.

    Each batch of `CHUNK` articles is decided and saved in one transaction holding the store's
    write lock (inside `store.write()`, all of them in that one); when another process has
    written since the pipeline was read, it is read again first. Articles that cannot be
    taken (empty text, a stored id with a different text) are in `AddReport.problems`; the
    rest are processed.
    """
    pipeline = pipeline or open_pipeline(store, params)
    report = AddReport()
    for batch in chunks(stream_order(articles)):
        with store.write():
            pipeline = _add_batch(store, batch, pipeline, params, report)
        if progress is not None:
            progress(len(batch))
    return report


def _add_batch(store: Store, batch: Sequence[Article], pipeline: StoryPipeline,
               params: ClusterParams | None, report: AddReport) -> StoryPipeline:
    """Decide and save one batch (in the caller's transaction); returns the pipeline used."""
    if pipeline.saves_seen is not None and store.saves() != pipeline.saves_seen:
        pipeline = open_pipeline(store, params)  # another process wrote to the store
    decisions = pipeline.decide(batch)
    new_articles = []
    exact = []
    for d in decisions:
        if d.kind in ("story", "short", "boilerplate", "near"):
            assert d.story_id is not None and d.signature is not None
            new_articles.append((d.article, d.digest, d.signature, d.story_id,
                                 d.duplicate_of))
            report.added += 1
            report.near_duplicates += d.kind == "near"
            report.alone += d.kind in ("short", "boilerplate")
        elif d.kind == "exact":
            assert d.duplicate_of is not None
            exact.append((d.article.id, d.digest, d.duplicate_of))
            report.exact_duplicates += 1
        elif d.kind == "known":
            report.already_stored += 1
        elif d.problem is not None:
            report.problems.append(d.problem)
        if d.problem is None:
            report.placed[d.article.id] = d.story_id
    clusterer = pipeline.clusterer
    changed = clusterer.take_changed()
    report.new_stories += sum(d.is_new_story for d in decisions)
    store.save(new_articles, exact, changed, clusterer.take_changed_terms(),
               clusterer.state.documents, clusterer.state.next_story_id, clusterer.params)
    pipeline.saves_seen = store.saves()
    return pipeline


@dataclass(frozen=True, slots=True)
class StoryListing:
    """One line of the story list."""

    id: int
    headline: str
    first_date: dt.date | None
    last_date: dt.date | None
    article_count: int
    sources: tuple[str, ...]
    top_terms: tuple[str, ...]
    article_ids: tuple[str, ...]
    near_duplicates: tuple[str, ...]


HEADLINE_WORDS = 16
HEADLINE_TEXT = 4000  # characters of an untitled article read for its opening sentence
TOP_TERMS = 6


def list_stories(store: Store, limit: int | None = None) -> list[StoryListing]:
    """The stored stories, latest first, each with a headline and its top names or words."""
    ids = store.story_ids()
    return [describe(store.story(i)) for i in (ids[:limit] if limit is not None else ids)]


def describe(story: StoredStory) -> StoryListing:
    articles = story.articles
    originals = [a for a in articles if a.id not in set(story.near_duplicates)] or list(articles)
    sources = tuple(sorted({a.source for a in articles if a.source}))
    return StoryListing(
        id=story.id, headline=headline(originals, story.centroid),
        first_date=story.first_date, last_date=story.last_date, article_count=len(articles),
        sources=sources, top_terms=top_terms(originals, story.centroid),
        article_ids=tuple(a.id for a in articles), near_duplicates=story.near_duplicates)


def headline(articles: Sequence[Article], centroid: dict[str, float]) -> str:
    """The title, or else the opening sentence, of the article closest to the story's centroid."""
    def closeness(article: Article) -> float:
        counts = article_terms(article.text, article.title, 200)
        return sum(centroid.get(t, 0.0) for t in counts) / (1 + len(counts)) ** 0.5

    titled = [a for a in articles if a.title and a.title.strip()]
    best = max(titled or articles, key=closeness)
    if best.title and best.title.strip():
        return " ".join(best.title.split())
    # The opening sentence as the segmenter reads it: "the U.S. mission" goes on past "U.S.",
    # and a dateline ("WASHINGTON (AP) _") is no part of it.
    opening = segment(dataclasses.replace(best, text=best.text[:HEADLINE_TEXT]))
    words = (opening[0].text if opening else best.text).split()
    return " ".join(words[:HEADLINE_WORDS]) + (" ..." if len(words) > HEADLINE_WORDS else "")


def top_terms(articles: Sequence[Article], centroid: dict[str, float],
              count: int = TOP_TERMS) -> tuple[str, ...]:
    """Names that most articles of the story use; the heaviest centroid words when the text has
    no capitals to go by (lowercased feeds)."""
    named: Counter[str] = Counter()
    for article in articles:
        named.update(set(proper_terms(article.text)))
    names = [n for n, c in sorted(named.items(), key=lambda nc: (-nc[1], nc[0]))
             if c >= min(2, len(articles))]
    if len(names) >= 3:
        return tuple(names[:count])
    surface: dict[str, Counter[str]] = {}
    for article in articles:
        for word in terms.words(article.text)[:400]:
            surface.setdefault(terms.stem(word), Counter())[word] += 1
    heaviest = sorted(centroid.items(), key=lambda kv: (-kv[1], kv[0]))
    words = [surface[s].most_common(1)[0][0] for s, _ in heaviest if s in surface]
    return tuple(dict.fromkeys(names + words))[:count]


STORY_FORMATS = ("text", "json")


def summarize_story(store: Store, story_id: int, words: int = 100) -> Summary:
    """The cited summary of one stored story (near duplicates left out: they add no sentence)."""
    from .summarize import summarize

    story = store.story(story_id)
    near = set(story.near_duplicates)
    articles = [a for a in story.articles if a.id not in near] or list(story.articles)
    return summarize(articles, words, story_id=str(story_id))


def render_stories(listings: Sequence[StoryListing], fmt: str = "text",
                   summaries: dict[int, Summary] | None = None) -> str:
    """The story list as text (one block per story) or JSON lines (one object per story)."""
    summaries = summaries or {}
    if fmt == "json":
        from .render import to_dict

        lines = []
        for s in listings:
            item: dict[str, Any] = {
                "id": s.id, "headline": s.headline, "first_date": _iso(s.first_date),
                "last_date": _iso(s.last_date), "articles": s.article_count,
                "sources": list(s.sources), "top_terms": list(s.top_terms),
                "article_ids": list(s.article_ids), "near_duplicates": list(s.near_duplicates)}
            if s.id in summaries:
                item["summary"] = to_dict(summaries[s.id])
            lines.append(json.dumps(item, ensure_ascii=False))
        return "\n".join(lines) + ("\n" if lines else "")
    if fmt != "text":
        raise UsageError(f"--format must be one of {', '.join(STORY_FORMATS)}, got {fmt!r}")
    from .render import to_text

    blocks = []
    for s in listings:
        dates = _iso(s.first_date) or "undated"
        if s.last_date and s.last_date != s.first_date:
            dates += f" to {_iso(s.last_date)}"
        sources = f"{len(s.sources)} source{'s' * (len(s.sources) != 1)}" if s.sources else \
            "sources unknown"
        block = (f"[{s.id}] {s.headline}\n    {dates} · {s.article_count} "
                 f"article{'s' * (s.article_count != 1)}"
                 f"{f' ({len(s.near_duplicates)} near copies)' if s.near_duplicates else ''}"
                 f" · {sources}\n    terms: {', '.join(s.top_terms)}")
        if s.id in summaries:
            block += "\n\n" + "\n".join("    " + line if line else line
                                      for line in to_text(summaries[s.id]).rstrip().split("\n"))
        blocks.append(block)
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None
