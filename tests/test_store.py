"""The story store on SQLite and on a real PostgreSQL (`store_location` runs each test on both)."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import replace
from typing import Any

import pytest
from stories_fixtures import stream

import storyline.store.migrations as migrations_module
from storyline.errors import InputError, UsageError
from storyline.store import SCHEMA_VERSION, Migration, open_store, sqlite_path
from storyline.store.dialects import PostgresDatabase, SQLiteDatabase
from storyline.stories import StoryPipeline, add_articles


def is_postgres(location: str) -> bool:
    return location.startswith("postgresql://")


@contextmanager
def raw(location: str) -> Iterator[Any]:
    """A plain driver connection to the store's database, in autocommit mode."""
    if is_postgres(location):
        import psycopg

        with psycopg.connect(location, autocommit=True) as db:
            yield db
    else:
        with closing(sqlite3.connect(location, isolation_level=None)) as db:
            yield db


def run(location: str, sql: str, params: tuple = ()) -> list[tuple]:
    with raw(location) as db:
        cursor = db.execute(sql.replace("?", "%s") if is_postgres(location) else sql, params)
        return [tuple(row) for row in cursor] if cursor.description else []


def tables(location: str) -> list[str]:
    if is_postgres(location):
        sql = ("SELECT table_name FROM information_schema.tables WHERE table_schema = "
               "current_schema() ORDER BY table_name")
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    return [row[0] for row in run(location, sql)]


def snapshot(location: str) -> list[tuple]:
    """Every table and its rows: equal snapshots mean nothing was written."""
    return [(t, sorted(map(repr, run(location, f"SELECT * FROM {t}")))) for t in tables(location)]


def schema_version(location: str) -> tuple:
    return run(location, "SELECT application, version FROM storyline_schema")[0]


def test_store_created_on_first_use_with_schema_version(store_location):
    with open_store(store_location) as store:
        assert store.article_count() == 0
    assert schema_version(store_location) == ("storyline", SCHEMA_VERSION)
    assert {"articles", "stories", "memberships", "settings"} <= set(tables(store_location))


def test_store_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 20)
    before = path.read_bytes()
    with pytest.raises(InputError, match="not a Storyline store"):
        open_store(path)
    assert path.read_bytes() == before


def test_store_other_database_is_refused_and_nothing_written(store_location):
    run(store_location, "CREATE TABLE recipes (name TEXT)")
    run(store_location, "INSERT INTO recipes VALUES ('soup')")
    before = snapshot(store_location)
    with pytest.raises(InputError, match="not a Storyline store.*no storyline_schema table"):
        open_store(store_location)
    assert snapshot(store_location) == before == [("recipes", ["('soup',)"])]


def test_store_newer_schema_is_refused_and_nothing_written(store_location):
    open_store(store_location).close()
    run(store_location, "UPDATE storyline_schema SET version = ?", (SCHEMA_VERSION + 1,))
    before = snapshot(store_location)
    with pytest.raises(InputError, match="newer Storyline"):
        open_store(store_location)
    assert snapshot(store_location) == before


def test_store_accepts_sqlite_and_postgres_urls_and_refuses_others(tmp_path):
    assert sqlite_path(f"sqlite:///{tmp_path}/a.db") == tmp_path / "a.db"
    open_store(f"sqlite:///{tmp_path}/b.db").close()
    assert (tmp_path / "b.db").is_file()
    with pytest.raises(UsageError, match="not a store location.*postgresql://"):
        open_store("mysql://localhost/news")
    for scheme in ("postgresql", "postgres"):  # a server that is not there: a clear message
        with pytest.raises(InputError, match="could not connect to PostgreSQL"):
            open_store(f"{scheme}://someone@/news?host={tmp_path}/no-such-socket-folder")


def test_store_postgres_password_stays_out_of_messages(tmp_path):
    with pytest.raises(InputError) as refused:
        open_store(f"postgresql://ann:hunter2@/news?host={tmp_path}/nowhere")
    assert "hunter2" not in str(refused.value) and "ann:***@" in str(refused.value)


def test_store_re_adding_changes_nothing(store_location):
    with open_store(store_location) as store:
        add_articles(store, stream())
    before = snapshot(store_location)
    with open_store(store_location) as store:
        report = add_articles(store, stream())
    assert report.added == 0 and report.already_stored == len(stream()) and not report.problems
    assert snapshot(store_location) == before


def test_store_reloads_the_state_it_saved(store_location):
    with open_store(store_location) as store:
        add_articles(store, stream())
        state = store.cluster_state()
        ids = store.story_ids()
        story = store.story(ids[0])
    assert state.documents == 6  # every stored article counts, the near copy too
    assert set(state.stories) == set(ids) and len(ids) == 3
    assert [a.date for a in story.articles] == sorted(a.date for a in story.articles)
    with open_store(store_location) as again:
        assert again.cluster_state() == state
    pipeline = StoryPipeline()  # the same articles decided in memory
    list(pipeline.decide(stream()))
    assert sorted(s.members for s in pipeline.clusterer.state.stories.values()) == sorted(
        s.members for s in state.stories.values())  # near copies are not in the centroid
    assert sum(s.members for s in state.stories.values()) == 5


def test_store_clustered_before_average_linkage_keeps_scoring_by_cosine(store_location):
    with open_store(store_location) as store:
        add_articles(store, stream())
        with store.write():
            store._db.execute("UPDATE settings SET value = ? WHERE key = 'cluster_params'",
                              ('{"threshold": 0.25, "window_days": 14, "stale_penalty": 0.05}',))
        params = store.cluster_params()
    assert params is not None
    assert (params.similarity, params.threshold, params.undated_penalty) == ("cosine", 0.25, 0.0)


def test_store_postgres_keeps_exactly_what_sqlite_keeps(tmp_path, postgres_url):
    stores = [open_store(tmp_path / "s.db"), open_store(postgres_url)]
    try:
        for store in stores:
            add_articles(store, stream())
        sqlite, postgres = stores
        # Centroid norms are doubles on both (REAL would be 4 bytes on PostgreSQL).
        assert postgres.cluster_state() == sqlite.cluster_state()
        assert postgres.assignments() == sqlite.assignments()
        assert [postgres.story(i) for i in postgres.story_ids()] == \
            [sqlite.story(i) for i in sqlite.story_ids()]
        assert postgres.find_story_ids(term="OSTERVIK", source="lunde post") == \
            sqlite.find_story_ids(term="OSTERVIK", source="lunde post") != []
    finally:
        for store in stores:
            store.close()


def fail_at_memberships(monkeypatch) -> None:
    """Make the next batch fail after its stories, centroids and articles are written."""
    for database in (SQLiteDatabase, PostgresDatabase):
        original = database.executemany

        def executemany(self, sql, rows, original=original):
            if sql.startswith("INSERT INTO memberships"):
                raise RuntimeError("disk on fire")
            return original(self, sql, rows)

        monkeypatch.setattr(database, "executemany", executemany)


def test_store_ingest_failing_mid_batch_leaves_nothing(store_location, monkeypatch):
    articles = stream()
    with open_store(store_location) as store:
        add_articles(store, articles[:2])
    before = snapshot(store_location)
    fail_at_memberships(monkeypatch)
    with open_store(store_location) as store, pytest.raises(RuntimeError, match="disk on fire"):
        add_articles(store, articles[2:])
    assert snapshot(store_location) == before
    monkeypatch.undo()
    with open_store(store_location) as store:  # the store still works, from where it was
        report = add_articles(store, articles)
        assert report.added == len(articles) - 2 and report.already_stored == 2
        assert store.article_count() == len(articles)


def test_store_writers_wait_for_each_other(store_location):
    open_store(store_location).close()
    entered = threading.Event()

    def write() -> None:  # its own connection, in its own thread (as the server's requests)
        with open_store(store_location) as second, second.write():
            entered.set()

    with open_store(store_location) as first:
        with first.write():
            writer = threading.Thread(target=write)
            writer.start()
            assert not entered.wait(0.5), "a second writer got in while the first held the lock"
            with open_store(store_location) as reader:  # readers are not blocked
                assert reader.article_count() == 0
        writer.join(10)
    assert entered.is_set()


def test_store_reading_inside_write_sees_nothing_new_until_commit(store_location):
    with open_store(store_location) as store, open_store(store_location) as reader:
        with store.write():
            add_articles(store, stream()[:1])
            assert store.article_count() == 1
            assert reader.article_count() == 0
        assert reader.article_count() == 1


def with_migration(monkeypatch, *statements: str) -> int:
    version = SCHEMA_VERSION + 1
    extra = Migration(version, "a test migration", statements)
    monkeypatch.setattr(migrations_module, "MIGRATIONS", (*migrations_module.MIGRATIONS, extra))
    return version


def test_store_migrations_are_numbered_in_order():
    versions = [m.version for m in migrations_module.MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1)) and versions[-1] == SCHEMA_VERSION


def test_store_older_store_is_migrated_on_open(store_location, monkeypatch):
    with open_store(store_location) as store:
        add_articles(store, stream()[:3])
    version = with_migration(monkeypatch, "ALTER TABLE articles ADD COLUMN language TEXT",
                             "UPDATE articles SET language = 'en'")
    with open_store(store_location) as store:
        assert store.article_count() == 3
        add_articles(store, stream()[3:])  # the upgraded store keeps working
    assert schema_version(store_location) == ("storyline", version)
    languages = run(store_location, "SELECT language, COUNT(*) FROM articles GROUP BY language")
    assert sorted(languages, key=repr) == [("en", 3), (None, len(stream()) - 3)]
    monkeypatch.undo()  # this Storyline again: the migrated store is now from a newer one
    with pytest.raises(InputError, match=f"newer Storyline.*schema {version}"):
        open_store(store_location)


def test_store_failed_migration_changes_nothing(store_location, monkeypatch):
    with open_store(store_location) as store:
        add_articles(store, stream()[:3])
    before = snapshot(store_location)
    with_migration(monkeypatch, "CREATE TABLE notes (body TEXT)",
                   "ALTER TABLE no_such_table ADD COLUMN x TEXT")
    with pytest.raises(InputError, match=f"could not be upgraded from store schema "
                       f"{SCHEMA_VERSION} to {SCHEMA_VERSION + 1}"):
        open_store(store_location)
    assert snapshot(store_location) == before  # no notes table: the migration was undone
    assert schema_version(store_location) == ("storyline", SCHEMA_VERSION)


def test_store_cli_stories_on_postgres(tmp_path, postgres_url, capsys):
    from storyline.cli import main

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({
        "id": a.id, "text": a.text, "title": a.title, "source": a.source,
        "date": a.date.isoformat() if a.date else None}) + "\n" for a in stream()))
    assert main(["stories", str(feed), "--db", postgres_url, "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3 and "6 articles added" in err
    assert main(["stories", str(feed), "--db", postgres_url]) == 0  # a second run: no change
    assert "0 articles added" in capsys.readouterr().err
    run(postgres_url, "DROP TABLE storyline_schema")  # now only "other tables"
    assert main(["stories", "--db", postgres_url]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "not a Storyline store" in err


def test_store_writer_with_stale_state_reads_the_store_again(store_location):
    from storyline.stories import open_pipeline

    articles = stream()
    with open_store(store_location) as first, open_store(store_location) as second:
        pipeline = open_pipeline(first)  # this process reads the (empty) store...
        add_articles(second, articles[:3])  # ...another process writes to it...
        report = add_articles(first, articles, pipeline=pipeline)  # ...then this one writes
        assert report.already_stored == 3 and report.added == len(articles) - 3
        members = [(story_id, article_id) for article_id, story_id in first.assignments().items()]
        for story_id, size in [(s.id, s.size) for s in first.cluster_state().stories.values()]:
            assert size == sum(1 for owner, _ in members if owner == story_id)
        assert len(first.story_ids()) == 3


def test_store_v1_store_gains_story_views_and_keeps_its_stories(store_location, monkeypatch):
    monkeypatch.setattr(migrations_module, "MIGRATIONS", migrations_module.MIGRATIONS[:1])
    with open_store(store_location) as store:  # a store made before stored views
        add_articles(store, stream())
        stories = {i: store.story(i) for i in store.story_ids()}
    assert schema_version(store_location) == ("storyline", 1)
    assert "story_views" not in tables(store_location)
    monkeypatch.undo()
    with open_store(store_location) as store:
        assert schema_version(store_location) == ("storyline", SCHEMA_VERSION)
        assert {i: store.story(i) for i in store.story_ids()} == stories
        assert store.view_versions() == {}  # every view is missing: to be computed
        first = min(stories)
        store.save_story_view(first, "v1", '{"summary": "one"}')
        store.save_story_view(first, "v2", '{"summary": "two"}')  # replaces it
        assert store.story_view(first) == ("v2", '{"summary": "two"}')
        assert store.story_view(max(stories) + 1) is None
        add_articles(store, [replace(stream()[0], id="again", text=stream()[0].text + " Also.")])
    assert run(store_location, "SELECT COUNT(*) FROM story_views") == [(1,)]


def test_store_story_version_changes_when_an_article_joins(store_location):
    articles = stream()
    with open_store(store_location) as store:
        add_articles(store, articles[:1])
        (story_id,) = store.story_ids()
        before = store.story(story_id).version
        assert store.story_versions() == {story_id: before}
        add_articles(store, articles[1:])
        after = store.story(story_id)
        assert len(after.articles) > 1, "the fixture's second article joins the first's story"
        assert after.version != before
        assert store.story_versions() == {i: store.story(i).version for i in store.story_ids()}
        saves = store.saves()
        store.save_story_view(story_id, after.version, "{}")
        assert store.saves() == saves  # a view is not a write other servers must reload for


def test_store_v2_store_gains_kept_parses_by_model(store_location, monkeypatch):
    monkeypatch.setattr(migrations_module, "MIGRATIONS", migrations_module.MIGRATIONS[:2])
    with open_store(store_location) as store:  # a store made before kept parses
        add_articles(store, stream())
        ids = list(store.assignments())
    assert "article_parses" not in tables(store_location)
    monkeypatch.undo()
    with open_store(store_location) as store:
        assert schema_version(store_location) == ("storyline", SCHEMA_VERSION)
        assert store.article_parses(ids, "model-a") == {}
        saves = store.saves()
        store.save_article_parses("model-a", {ids[0]: b"\x00first", ids[1]: b"second"})
        store.save_article_parses("model-b", {ids[1]: b"second, by b"})  # replaces it
        assert store.saves() == saves  # derived data: other servers need not reload
        assert store.article_parses(ids, "model-a") == {ids[0]: b"\x00first"}
        assert store.article_parses([*ids, "no-such-article"], "model-b") == \
            {ids[1]: b"second, by b"}
        many = [f"missing-{n}" for n in range(1200)] + [ids[0]]  # more ids than one query takes
        assert store.article_parses(many, "model-a") == {ids[0]: b"\x00first"}
