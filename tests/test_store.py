from __future__ import annotations

import sqlite3

import pytest
from stories_fixtures import stream

from storyline.errors import InputError, UsageError
from storyline.store import SCHEMA_VERSION, open_store, sqlite_path
from storyline.stories import add_articles


def snapshot(path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                           "ORDER BY name")]
        return [(t, sorted(map(repr, db.execute(f"SELECT * FROM {t}")))) for t in tables]


def test_store_created_on_first_use_with_schema_version(tmp_path):
    path = tmp_path / "new.db"
    with open_store(path) as store:
        assert store.article_count() == 0
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT application, version FROM storyline_schema").fetchone() == (
            "storyline", SCHEMA_VERSION)


def test_store_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 20)
    before = path.read_bytes()
    with pytest.raises(InputError, match="not a Storyline store"):
        open_store(path)
    assert path.read_bytes() == before


def test_store_other_sqlite_database_is_refused_and_nothing_written(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
        db.execute("INSERT INTO recipes VALUES ('soup')")
    before = snapshot(path)
    with pytest.raises(InputError, match="not a Storyline store"):
        open_store(path)
    assert snapshot(path) == before


def test_store_newer_schema_is_refused_and_nothing_written(tmp_path):
    path = tmp_path / "future.db"
    open_store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE storyline_schema SET version = ?", (SCHEMA_VERSION + 1,))
    before = snapshot(path)
    with pytest.raises(InputError, match="newer Storyline"):
        open_store(path)
    assert snapshot(path) == before


def test_store_accepts_sqlite_urls_and_refuses_other_urls(tmp_path):
    assert sqlite_path(f"sqlite:///{tmp_path}/a.db") == tmp_path / "a.db"
    with pytest.raises(UsageError, match="only SQLite"):
        sqlite_path("postgresql://localhost/news")


def test_store_re_adding_changes_nothing(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        add_articles(store, stream())
    before = snapshot(path)
    with open_store(path) as store:
        report = add_articles(store, stream())
    assert report.added == 0 and report.already_stored == len(stream()) and not report.problems
    assert snapshot(path) == before


def test_store_reloads_the_state_it_saved(tmp_path):
    path = tmp_path / "s.db"
    with open_store(path) as store:
        add_articles(store, stream())
        state = store.cluster_state()
        ids = store.story_ids()
        story = store.story(ids[0])
    assert state.documents == 6  # every stored article counts, the near copy too
    assert set(state.stories) == set(ids) and len(ids) == 3
    assert [a.date for a in story.articles] == sorted(a.date for a in story.articles)
