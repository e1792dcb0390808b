"""What the HTTP routes call: ingest into the store one request per transaction, and story
views (listing, summary, analysis), computed once per version of a story and stored.

No HTTP here. The store (a SQLite file or a PostgreSQL database) is opened per call, so each
thread has its own connection; the story pipeline (dedup and clustering state) is kept in
memory between writes and rebuilt from the store when a write fails or another process has
written to the store. After each committed ingest the changed stories go to the view worker
(`worker`), which computes their views and stores them (`views`); a read serves the stored
view of the story's current version, and computes (and stores) it only when it is missing or
stale. The last views read are also kept in memory.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace

from storyline.errors import UsageError
from storyline.service.compute import ComputedView, ViewComputer, ViewJob
from storyline.service.views import decode_view, view_version
from storyline.service.worker import ViewQueue, ViewWorker
from storyline.store import Store, StoredStory, open_store
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
# Stories a view worker takes at once when the queue is long (one view process computes
# them, parsing their new articles in one batch); one when it is not.
VIEW_BATCH = 4
StoryIds = list[int]  # in Library, `list` is its method


@dataclass(frozen=True, slots=True)
class StoryView:
    """Everything the story page and `GET /stories/{id}` show."""

    listing: StoryListing
    articles: tuple[Article, ...]  # every article of the story, near copies included
    summary: Summary
    analysis: StoryAnalysis | None
    origin: str = "computed"  # where this read got it: "cache", "stored" or "computed"


class Library:
    """The store behind the service. Thread-safe: writes are serialised (across processes too,
    by the store's write lock), reads open their own connection. Another process writing to
    the store costs the next write here a rebuild of the pipeline.

    With `background_views` (the server's way), a thread computes the views of changed
    stories after each ingest, and on start the views missing or stale in the store; call
    `close` to stop it. Without, views are computed on the read that first needs them."""

    def __init__(self, db_path: str, *, with_analysis: bool = True,
                 background_views: bool = True, view_processes: int = 0) -> None:
        self.db_path = db_path
        self.with_analysis = with_analysis
        with open_store(db_path):  # create it, or refuse a file that is not a store, now
            pass
        self._write_lock = threading.Lock()
        self._pipeline: StoryPipeline | None = None
        self._cache_lock = threading.Lock()
        self._views: OrderedDict[tuple[int, str], StoryView] = OrderedDict()
        self._computer = ViewComputer(view_processes, with_analysis=with_analysis)
        self._model: str | None = None
        # One computation per story at a time: two readers of a new story (or a reader and
        # the worker) wait for one computation rather than both parsing the same articles.
        self._computing: dict[int, tuple[threading.Lock, list[int]]] = {}
        self._computing_guard = threading.Lock()
        # Readers go first: the workers wait while a read needs a view computed.
        self._readers_computing = 0
        self._readers_done = threading.Condition()
        self.view_queue = ViewQueue()
        self._workers: list[ViewWorker] = []
        if background_views:
            # As many worker threads as views computed at once; the first lists the backlog.
            for n in range(max(1, view_processes)):
                self._workers.append(ViewWorker(
                    self.view_queue, self.refresh_views,
                    self.stale_story_ids if n == 0 else list,
                    batch=VIEW_BATCH if view_processes else 1, name=f"storyline-views-{n}"))
            for worker in self._workers:
                worker.start()

    def store(self) -> Store:
        return open_store(self.db_path)

    def close(self) -> None:
        """Stop the view workers (after the views they are computing, if any) and the view
        processes."""
        self.view_queue.close()
        for worker in self._workers:
            worker.stop()
        self._computer.close()

    def add(self, articles: Sequence[Article]) -> AddReport:
        """Dedup, cluster and store the articles in one transaction (at most
        MAX_ARTICLES_PER_REQUEST); on any failure nothing is written. The stories they joined
        are queued for their views once the transaction is committed."""
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
        if self._workers:
            # Stories of articles already stored are queued too; the worker skips a story
            # whose stored view is current.
            self.view_queue.put(dict.fromkeys(
                s for s in report.placed.values() if s is not None))
        return report

    def list(self, *, since: dt.date | None = None, until: dt.date | None = None,
             term: str | None = None, source: str | None = None, limit: int = 20,
             offset: int = 0) -> tuple[list[StoryListing], int]:
        """One page of the stories, newest first, and how many match in all."""
        with self.store() as store:
            ids = store.find_story_ids(since=since, until=until, term=term, source=source)
            return [describe(store.story(i)) for i in ids[offset : offset + limit]], len(ids)

    def view(self, story_id: int) -> StoryView | None:
        """The story's view, or None when there is no such story: from memory, else the
        store's view of this version of the story, else computed (and stored)."""
        with self.store() as store:
            try:
                stored = store.story(story_id)
            except UsageError:  # the store's "there is no story N"
                return None
            version = view_version(stored.version, with_analysis=self.with_analysis)
            with self._cache_lock:
                cached = self._views.get((story_id, version))
                if cached is not None:
                    self._views.move_to_end((story_id, version))
            if cached is not None:
                return replace(cached, origin="cache")
            view = self._stored_view(store, stored, version)
            if view is None:
                with self._readers_done:
                    self._readers_computing += 1
                try:
                    view = self._compute(store, stored, version)
                finally:
                    with self._readers_done:
                        self._readers_computing -= 1
                        self._readers_done.notify_all()
            self._remember((story_id, version), view)
            return view

    def refresh_views(self, story_ids: Sequence[int]) -> None:
        """Compute and store the views of these stories (in one view process, together),
        leaving out those whose stored view is of their current version (what a view worker
        does with the stories it takes)."""
        with self.store() as store:
            wanted: dict[int, tuple[StoredStory, str]] = {}
            for story_id in dict.fromkeys(story_ids):
                try:
                    stored = store.story(story_id)
                except UsageError:  # not in the store (another store's id, say): nothing to do
                    continue
                version = view_version(stored.version, with_analysis=self.with_analysis)
                found = store.story_view(story_id)
                if found is None or found[0] != version:
                    wanted[story_id] = (stored, version)
            if not wanted:
                return
            with self._readers_done:
                self._readers_done.wait_for(lambda: self._readers_computing == 0)
            with ExitStack() as held:
                for story_id in sorted(wanted):  # one order for all: no deadlock
                    held.enter_context(self._computing_story(story_id))
                # Computed by a reader (or another server) while this one waited?
                for story_id, (_, version) in list(wanted.items()):
                    found = store.story_view(story_id)
                    if found is not None and found[0] == version:
                        del wanted[story_id]
                jobs = [self._job(store, stored) for stored, _ in wanted.values()]
                computed = self._computer.compute_many(jobs) if jobs else []
                for (story_id, (_, version)), view in zip(wanted.items(), computed):
                    self._keep(store, story_id, version, view)

    def stale_story_ids(self) -> StoryIds:
        """Stories whose stored view is missing or not of their current version, latest
        first."""
        with self.store() as store:
            versions = store.story_versions()
            views = store.view_versions()
            return [i for i in store.story_ids() if i in versions and views.get(i) !=
                    view_version(versions[i], with_analysis=self.with_analysis)]

    def views_pending(self) -> int:
        """Stories the view worker has yet to look at (0 without a worker)."""
        return self.view_queue.pending()

    def _stored_view(self, store: Store, stored: StoredStory, version: str) -> StoryView | None:
        found = store.story_view(stored.id)
        if found is None or found[0] != version:
            return None
        return _view_of(stored, found[1], origin="stored")

    def _compute(self, store: Store, stored: StoredStory, version: str) -> StoryView:
        return _view_of(stored, self._compute_json(store, stored, version), origin="computed")

    def _compute_json(self, store: Store, stored: StoredStory, version: str) -> str:
        """Compute and store the view (the JSON kept), unless it was stored meanwhile."""
        with self._computing_story(stored.id):
            # Computed (by a worker, a reader, or another server) while this one waited?
            found = store.story_view(stored.id)
            if found is not None and found[0] == version:
                return found[1]
            [computed] = self._computer.compute_many([self._job(store, stored)])
            self._keep(store, stored.id, version, computed)
        return computed.json

    def _job(self, store: Store, stored: StoredStory) -> ViewJob:
        """What computing the story's view needs: its articles less near copies, and the
        parses kept of them."""
        near = set(stored.near_duplicates)
        originals = [a for a in stored.articles if a.id not in near] or list(stored.articles)
        model = self._parse_model() if self.with_analysis else None
        kept = store.article_parses([a.id for a in originals], model) if model else {}
        return ViewJob(tuple(originals), str(stored.id), kept)

    def _keep(self, store: Store, story_id: int, version: str, computed: ComputedView) -> None:
        if computed.parses:
            store.save_article_parses(self._parse_model(), computed.parses)
        store.save_story_view(story_id, version, computed.json)

    def _parse_model(self) -> str:
        """The name of the parsing pipeline (`nlp.parse_model`), which the view processes
        run too; asked of them once rather than loading spaCy in the server's process."""
        if self._model is None:
            self._model = self._computer.parse_model()
        return self._model

    @contextmanager
    def _computing_story(self, story_id: int) -> Iterator[None]:
        """Hold the story's computation lock (made on first use, dropped after last)."""
        with self._computing_guard:
            lock, users = self._computing.setdefault(story_id, (threading.Lock(), [0]))
            users[0] += 1
        try:
            with lock:
                yield
        finally:
            with self._computing_guard:
                users[0] -= 1
                if not users[0]:
                    del self._computing[story_id]

    def _remember(self, key: tuple[int, str], view: StoryView) -> None:
        with self._cache_lock:
            self._views[key] = view
            while len(self._views) > CACHED_VIEWS:
                self._views.popitem(last=False)


def _view_of(stored: StoredStory, text: str, *, origin: str) -> StoryView:
    """The story's view from its stored JSON."""
    summary, analysis = decode_view(text, stored.articles)
    return StoryView(describe(stored), stored.articles, summary, analysis, origin=origin)


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
