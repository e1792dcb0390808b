"""The view workers: threads of the server that compute the views of the stories an ingest
changed, after the ingest has committed, so the story's next read finds its view stored. Each
takes a few stories at a time from a shared queue (and, with view processes, has one process
compute them: `compute`).

A story that changes again before its turn is computed once, for its latest version. Stories
changed by ingest go before the start-up backlog (the stories whose stored view is missing or
stale when the server starts, e.g. after a crash or an upgrade). Losing the queue (a crash)
loses no data: a view is derived from the store, and a read computes a missing one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable

log = logging.getLogger("storyline.service")


class ViewQueue:
    """Story ids waiting for their view, each at most once: changed stories first, then the
    backlog, in the order given."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._urgent: dict[int, None] = {}  # dicts as ordered sets
        self._backlog: dict[int, None] = {}
        self._working = 0
        self.is_closed = False

    def put(self, story_ids: Iterable[int], *, urgent: bool = True) -> None:
        with self._changed:
            for story_id in story_ids:
                if urgent:
                    self._backlog.pop(story_id, None)
                    self._urgent[story_id] = None
                elif story_id not in self._urgent:
                    self._backlog[story_id] = None
            self._changed.notify_all()

    def take(self) -> int | None:
        """The next story id (waiting for one), or None once the queue is closed."""
        taken = self.take_some(1)
        return taken[0] if taken else None

    def take_some(self, limit: int) -> list[int]:
        """The next story ids, at most `limit` (waiting for one; `done` each), or none once
        the queue is closed."""
        with self._changed:
            while not self.is_closed and not self._urgent and not self._backlog:
                self._changed.wait()
            if self.is_closed:
                return []
            taken: list[int] = []
            for waiting in (self._urgent, self._backlog):
                while waiting and len(taken) < limit:
                    story_id = next(iter(waiting))
                    del waiting[story_id]
                    taken.append(story_id)
            self._working += len(taken)
            return taken

    def hold(self) -> None:
        """Count one more piece of work under way (until `done`): the worker's listing of the
        stale stories, which keeps `wait_until_empty` waiting for what it will add."""
        with self._changed:
            self._working += 1

    def done(self, count: int = 1) -> None:
        with self._changed:
            self._working -= count
            self._changed.notify_all()

    def pending(self) -> int:
        """Stories waiting for their view, or having it computed now."""
        with self._changed:
            return len(self._urgent) + len(self._backlog) + self._working

    def wait_until_empty(self, timeout: float | None = None) -> bool:
        """Wait until no story waits for its view; False when `timeout` passed first."""
        with self._changed:
            return self._changed.wait_for(
                lambda: self.is_closed or not (self._urgent or self._backlog or self._working),
                timeout)

    def close(self) -> None:
        with self._changed:
            self.is_closed = True
            self._changed.notify_all()


class ViewWorker(threading.Thread):
    """Takes story ids from the queue, up to `batch` at a time, and calls `refresh` with
    them; first puts the ids that `backlog` returns at the back of the queue. An error is
    logged with its stories and the worker goes on (a story's next read computes its view,
    and fails the same way if it is a bug in the computation)."""

    def __init__(self, queue: ViewQueue, refresh: Callable[[list[int]], None],
                 backlog: Callable[[], list[int]], *, batch: int = 1,
                 name: str = "storyline-views") -> None:
        super().__init__(name=name, daemon=True)
        self.queue = queue
        self._refresh = refresh
        self._backlog = backlog
        self._batch = batch
        queue.hold()  # until the backlog is listed

    def run(self) -> None:
        try:
            stale = self._backlog()
        except Exception:
            log.exception("could not list the stories whose view is missing or stale; their "
                          "views will be computed when they are read")
        else:
            if stale:
                log.info("computing the views of %d stories (missing or stale)", len(stale))
            self.queue.put(stale, urgent=False)
        finally:
            self.queue.done()
        while story_ids := self.queue.take_some(self._batch):
            try:
                self._refresh(story_ids)
            except Exception:
                log.exception("could not compute the views of stories %s; their next read "
                              "will try again", ", ".join(map(str, story_ids)))
            finally:
                self.queue.done(len(story_ids))

    def stop(self, timeout: float = 30.0) -> None:
        """Close the queue and wait for the view being computed, if any."""
        self.queue.close()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout)
