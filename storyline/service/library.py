"""What the HTTP routes call: ingest into the store one request per transaction, and story
views (listing, summary, analysis) computed once per version of a story and cached.

No HTTP here. The store (a SQLite file or a PostgreSQL database) is opened per call, so each
thread has its own connection; the story pipeline (dedup and clustering state) is kept in
memory between writes and rebuilt from the store when a write fails or another process has
written to the store.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.errors import UsageError
from storyline.store import Store, open_store
from storyline.stories import (
    CHUNK,
    AddReport,
    StoryListing,
    StoryPipeline,
    add_articles,
    describe,
    open_pipeline,
)
from storyline.types import Article, StoryAnalysis, Summary

MAX_ARTICLES_PER_REQUEST = CHUNK  # one request, one transaction (add_articles saves per CHUNK)
SUMMARY_WORDS = 100
CACHED_VIEWS = 256


@dataclass(frozen=True, slots=True)
class StoryView:
    """Everything the story page and `GET /stories/{id}` show."""

    listing: StoryListing
    articles: tuple[Article, ...]  # every article of the story, near copies included
    summary: Summary
    analysis: StoryAnalysis | None


class Library:
    """The store behind the service. Thread-safe: writes are serialised (across processes too,
    by the store's write lock), reads open their own connection. Another process writing to
    the store costs the next write here a rebuild of the pipeline."""

    def __init__(self, db_path: str, *, with_analysis: bool = True) -> None:
        self.db_path = db_path
        self.with_analysis = with_analysis
        with open_store(db_path):  # create it, or refuse a file that is not a store, now
            pass
        self._write_lock = threading.Lock()
        self._pipeline: StoryPipeline | None = None
        self._view_lock = threading.Lock()
        self._views: OrderedDict[tuple[int, tuple[str, ...]], StoryView] = OrderedDict()

    def store(self) -> Store:
        return open_store(self.db_path)

    def add(self, articles: Sequence[Article]) -> AddReport:
        """Dedup, cluster and store the articles in one transaction (at most
        MAX_ARTICLES_PER_REQUEST); on any failure nothing is written."""
        if len(articles) > MAX_ARTICLES_PER_REQUEST:
            raise ValueError(f"at most {MAX_ARTICLES_PER_REQUEST} articles per call")
        with self._write_lock, self.store() as store:
            try:
                with store.write():  # the check and the writes under one lock, one transaction
                    pipeline = self._pipeline
                    if pipeline is None or store.saves() != pipeline.saves_seen:
                        pipeline = self._pipeline = open_pipeline(store)
                    report = add_articles(store, articles, pipeline=pipeline)
            except BaseException:
                self._pipeline = None  # its state ran ahead of the rolled-back store
                raise
            return report

    def list(self, *, since: dt.date | None = None, until: dt.date | None = None,
             term: str | None = None, source: str | None = None, limit: int = 20,
             offset: int = 0) -> tuple[list[StoryListing], int]:
        """One page of the stories, newest first, and how many match in all."""
        with self.store() as store:
            ids = store.find_story_ids(since=since, until=until, term=term, source=source)
            return [describe(store.story(i)) for i in ids[offset : offset + limit]], len(ids)

    def view(self, story_id: int) -> StoryView | None:
        """The story's view, or None when there is no such story."""
        with self.store() as store:
            try:
                stored = store.story(story_id)
            except UsageError:  # the store's "there is no story N"
                return None
        key = (story_id, tuple(a.id for a in stored.articles))
        with self._view_lock:
            cached = self._views.get(key)
            if cached is not None:
                self._views.move_to_end(key)
                return cached
            # Computed under the lock: two readers of a new story wait for one computation
            # rather than both loading spaCy and parsing the same articles.
            near = set(stored.near_duplicates)
            originals = [a for a in stored.articles if a.id not in near] or list(stored.articles)
            summary, analysis = summarize_and_analyze(originals, str(story_id),
                                                      with_analysis=self.with_analysis)
            view = StoryView(describe(stored), stored.articles, summary, analysis)
            self._views[key] = view
            while len(self._views) > CACHED_VIEWS:
                self._views.popitem(last=False)
            return view


def summarize_and_analyze(articles: Sequence[Article], story_id: str | None = None, *,
                          words: int | None = SUMMARY_WORDS, sentences: int | None = None,
                          method: str = "concepts", query: str | None = None,
                          with_analysis: bool = True) -> tuple[Summary, StoryAnalysis | None]:
    from storyline.summarize import summarize

    summary = summarize(articles, words, sentences=sentences, method=method, query=query,
                        story_id=story_id)
    if not with_analysis:
        return summary, None
    from storyline.analyze import analyze

    return summary, analyze(articles, story_id=story_id, summary=summary, query=query)
