"""Where story views are computed: in the calling thread, or in worker processes.

A view (the summary and the analysis of a story's articles) is CPU work in Python and spaCy,
about 40 ms for a story of 1-2 short articles. Computed in the server's own process it shares
one core and the GIL with every request; computed in worker processes it uses the machine's
other cores and leaves the server's threads free to answer reads. The work sent is pure: the
story's articles (and the parses kept of them) go in, the view's JSON (and the parses made for
it) comes out; the server stores both. A worker process loads spaCy once, when it starts. With
the parses kept in the store, a story that grows is parsed only for its new articles, whichever
process computes it, and after a restart too.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

from storyline.types import Article

log = logging.getLogger("storyline.service")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ComputedView:
    json: str  # the view as stored (`views.encode_view`)
    parses: dict[str, bytes]  # article id -> parse of the articles parsed for it (`nlp`)


@dataclass(frozen=True, slots=True)
class ViewJob:
    """A story to compute the view of: its articles and their kept parses, by article id."""

    articles: tuple[Article, ...]
    story_id: str
    parses: dict[str, bytes]


def compute_views(jobs: Sequence[ViewJob], with_analysis: bool) -> list[ComputedView]:
    """The views of these stories. Each job's `parses` (article id -> `nlp.export_parses`
    bytes) are its articles' parses kept from before: those are not parsed again; the other
    articles of all the jobs are parsed together first (spaCy parses a batch ~15% faster than
    one text at a time), and come back with their views, to be kept."""
    from storyline.service.library import summarize_and_analyze
    from storyline.service.views import encode_view

    if with_analysis:
        from storyline import nlp

        nlp.import_parses({a.text: job.parses[a.id] for job in jobs for a in job.articles
                           if a.id in job.parses})
        nlp.parse([a for job in jobs for a in job.articles if a.id not in job.parses])
    computed = []
    for job in jobs:
        summary, analysis = summarize_and_analyze(job.articles, job.story_id,
                                                  with_analysis=with_analysis)
        made: dict[str, bytes] = {}
        if with_analysis:
            by_text = {a.text: a.id for a in job.articles if a.id not in job.parses}
            made = {by_text[t]: data for t, data in nlp.export_parses(by_text).items()}
        computed.append(ComputedView(encode_view(summary, analysis), made))
    return computed


def one_blas_thread() -> None:
    """Keep numpy's BLAS (OpenBLAS) to one thread in this (view) process. Its threads
    spin-wait after each call: with a process per core computing views, that took ~20% of a
    view's CPU (measured: 11.5 against 9.6 ms per view) and gave nothing back. (In the
    server's own process the limit made story reads slower, 466-486 against 535-541 per s,
    so it is left there.)"""
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    threadpool_limits(limits=1, user_api="blas")


def _start_process(with_analysis: bool) -> None:
    """Load what a view needs (spaCy's model with the analysis) before the first view, and
    end this process when the server's ends, however it ends (SIGKILL included)."""
    threading.Thread(target=_exit_with_parent, name="storyline-parent-watch",
                     daemon=True).start()
    one_blas_thread()
    if with_analysis:
        from storyline.nlp import pipeline

        pipeline()


def _exit_with_parent() -> None:
    """Wait for the parent process to end, then end this one (its views have no one to go to;
    a killed server would otherwise leave its view processes, with spaCy loaded, behind)."""
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is not None:
        wait([parent.sentinel])
        os._exit(0)


def _process_id() -> int:
    return os.getpid()


class ViewComputer:
    """Computes views in `processes` worker processes (spawned, each loading the model once),
    or in the calling thread when `processes` is 0. Thread-safe: each caller waits for its
    own view; up to `processes` views are computed at once. A worker process that dies (killed,
    out of memory) is replaced, and the view it was computing is computed again."""

    def __init__(self, processes: int = 0, *, with_analysis: bool = True) -> None:
        if processes < 0:
            raise ValueError("processes must be 0 (in the calling thread) or more")
        self.processes = processes
        self.with_analysis = with_analysis
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        if processes:
            self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the server has threads (and maybe open database connections) that a
        # forked child would inherit in whatever state they were.
        return ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_process, initargs=(self.with_analysis,))

    def compute(self, articles: Sequence[Article], story_id: str,
                parses: Mapping[str, bytes] | None = None) -> ComputedView:
        """The story's view (see `compute_views`)."""
        return self.compute_many([ViewJob(tuple(articles), story_id, dict(parses or {}))])[0]

    def compute_many(self, jobs: Sequence[ViewJob]) -> list[ComputedView]:
        """The views of these stories, in one worker process (see `compute_views`)."""
        return self._run(compute_views, list(jobs), self.with_analysis)

    def parse_model(self) -> str:
        """`nlp.parse_model()` of the processes that compute views."""
        from storyline.nlp import parse_model

        return self._run(parse_model)

    def _run(self, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` in a worker process (here without them)."""
        with self._lock:
            pool = self._pool
        for attempt in (1, 2):
            if pool is None:
                break
            try:
                return pool.submit(function, *args).result()
            except BrokenProcessPool:
                log.warning("a view process died; starting new ones (attempt %d)", attempt)
                pool = self._replace(pool)
        return function(*args)  # no processes (or closed meanwhile): here

    def process_ids(self) -> set[int]:
        """Ids of worker processes that answer now (empty without them; at least one starts
        if none has)."""
        with self._lock:
            pool = self._pool
        if pool is None:
            return set()
        futures = [pool.submit(_process_id) for _ in range(self.processes * 4)]
        return {f.result() for f in futures}

    def _replace(self, broken: ProcessPoolExecutor) -> ProcessPoolExecutor | None:
        with self._lock:
            if self._pool is broken:  # not already replaced by another caller
                broken.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
            return self._pool

    def close(self) -> None:
        """Stop the worker processes (after the views they are computing)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
