"""The service's Library over a store on SQLite and on PostgreSQL: writes from two servers on
one store, and a write that fails half-way."""

from __future__ import annotations

from dataclasses import replace

import pytest
from stories_fixtures import stream

from storyline.service.library import Library
from storyline.store import open_store
from storyline.store.dialects import PostgresDatabase, SQLiteDatabase


def test_service_library_sees_what_another_server_wrote(store_location):
    first = Library(store_location, with_analysis=False)
    second = Library(store_location, with_analysis=False)  # another server process, say
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
    library = Library(store_location, with_analysis=False)
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
