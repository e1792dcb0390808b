"""The service's Library over a store on SQLite and on PostgreSQL: writes from two servers on
one store, a write that fails half-way, views computed after a crash, and the view queue."""

from __future__ import annotations

from dataclasses import replace

import pytest
from stories_fixtures import stream

from storyline.service.library import Library
from storyline.service.worker import ViewQueue
from storyline.store import open_store
from storyline.store.dialects import PostgresDatabase, SQLiteDatabase


def test_service_library_sees_what_another_server_wrote(store_location):
    first = Library(store_location, with_analysis=False, background_views=False)
    second = Library(store_location, with_analysis=False, background_views=False)  # another server process, say
    original, *rest = stream()
    copy = replace(original, id="copy-of-bridge-1")
    assert first.add([original]).added == 1
    # The other server drops an exact copy: no article is added, but the store changed.
    assert second.add([copy]).exact_duplicates == 1
    report = first.add([copy, *rest])
    assert report.already_stored == 1 and report.exact_duplicates == 0
    assert report.added == len(rest)
    with open_store(store_location) as store:
        assert store.assignments()["copy-of-bridge-1"] == store.story_of(original.id)


def test_service_library_failed_write_stores_nothing_and_recovers(store_location, monkeypatch):
    library = Library(store_location, with_analysis=False, background_views=False)
    articles = stream()
    library.add(articles[:2])
    for database in (SQLiteDatabase, PostgresDatabase):
        original = database.executemany

        def executemany(self, sql, rows, original=original):
            if sql.startswith("INSERT INTO memberships"):  # after stories and articles
                raise RuntimeError("disk on fire")
            return original(self, sql, rows)

        monkeypatch.setattr(database, "executemany", executemany)
    with pytest.raises(RuntimeError, match="disk on fire"):
        library.add(articles[2:])
    with open_store(store_location) as store:
        assert store.article_count() == 2 and len(store.assignments()) == 2
    monkeypatch.undo()
    report = library.add(articles[2:])  # the pipeline was rebuilt from the store
    assert report.added == len(articles) - 2 and not report.problems
    with open_store(store_location) as store:
        assert store.article_count() == len(articles)


def test_service_library_views_missing_after_a_crash_are_computed_on_start(store_location):
    crashed = Library(store_location, with_analysis=False, background_views=False)
    crashed.add(stream())  # committed; the process dies before computing any view
    with open_store(store_location) as store:
        stories = store.story_ids()
    assert sorted(crashed.stale_story_ids()) == sorted(stories)
    restarted = Library(store_location, with_analysis=False)  # its worker sweeps on start
    try:
        assert restarted.view_queue.wait_until_empty(timeout=120)
        assert restarted.stale_story_ids() == []
        assert {restarted.view(i).origin for i in stories} == {"stored"}  # type: ignore[union-attr]
    finally:
        restarted.close()
    # A view of the other kind (with the analysis) is stale for a server that shows it.
    assert sorted(Library(store_location, background_views=False).stale_story_ids()) == \
        sorted(stories)


def test_service_library_worker_computes_a_story_changed_many_times_once():
    queue = ViewQueue()
    queue.put([1, 2], urgent=False)  # the start-up backlog
    queue.put([3, 1])
    queue.put([3, 3, 4])
    assert queue.pending() == 4
    taken = [queue.take() for _ in range(4)]
    assert taken == [3, 1, 4, 2]  # changed stories first, each once, then the backlog
    queue.put([3])  # changed again while its view is computed: computed again after
    assert queue.pending() == 5 and queue.take() == 3
    for _ in range(5):
        queue.done()
    assert queue.wait_until_empty(timeout=0)
    queue.close()
    assert queue.take() is None


def test_service_library_worker_takes_stories_in_batches_changed_first():
    queue = ViewQueue()
    queue.put([1, 2, 3], urgent=False)
    queue.put([4, 5])
    assert queue.take_some(3) == [4, 5, 1]  # a batch fills up from the backlog
    assert queue.pending() == 5
    assert queue.take_some(3) == [2, 3]
    queue.done(5)
    assert queue.wait_until_empty(timeout=0)
    queue.close()
    assert queue.take_some(3) == []


def test_service_library_stored_view_reads_back_as_it_was_computed(harbor_story, flood_story):
    from storyline.service.library import summarize_and_analyze
    from storyline.service.views import decode_view, encode_view

    for articles in (harbor_story, flood_story):
        summary, analysis = summarize_and_analyze(list(articles), "7")
        assert analysis is not None and analysis.entities
        # What the story page is drawn from is the same, whether computed or read back.
        assert decode_view(encode_view(summary, analysis), articles) == (summary, analysis)
        assert decode_view(encode_view(summary, None), articles) == (summary, None)


def test_service_library_views_computed_in_worker_processes_match_and_survive_a_kill(
        tmp_path):
    import os
    import signal

    from storyline.service.views import decode_view

    location = str(tmp_path / "store.db")
    library = Library(location, view_processes=2)  # the server's way: analysis included
    try:
        workers = library._computer.process_ids()
        assert workers and os.getpid() not in workers
        library.add(stream())
        assert library.view_queue.wait_until_empty(timeout=180)
        assert library.stale_story_ids() == []
        with open_store(location) as store:
            stories = {i: store.story(i) for i in store.story_ids()}
            stored = {i: store.story_view(i) for i in stories}
        # The same views as computed in this process, and the same again from the parses
        # the view processes kept in the store (then nothing is parsed).
        here = Library(location, background_views=False)
        model = here._parse_model()
        for story_id, story in stories.items():
            text = stored[story_id][1]  # type: ignore[index]
            summary, analysis = decode_view(text, story.articles)
            assert analysis is not None and summary.sentences
            originals = [a for a in story.articles if a.id not in set(story.near_duplicates)]
            with open_store(location) as store:
                kept = store.article_parses([a.id for a in originals], model)
            assert set(kept) == {a.id for a in originals}
            fresh = here._computer.compute(originals, str(story_id))
            assert fresh.json == text and set(fresh.parses) == set(kept)
            from_kept = here._computer.compute(originals, str(story_id), kept)
            assert from_kept.json == text and from_kept.parses == {}
        # A view process killed (out of memory, say): the next view is still computed.
        os.kill(next(iter(workers)), signal.SIGKILL)
        story_id = next(iter(stories))
        with open_store(location) as store:
            store.save_story_view(story_id, "stale", "{}")
        view = library.view(story_id)
        assert view is not None and view.origin == "computed" and view.summary.sentences
        assert not library._computer.process_ids() & workers  # new processes
    finally:
        library.close()
