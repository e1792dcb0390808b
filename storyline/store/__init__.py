"""The story store: articles, stories and clustering state kept between runs, in a SQLite file
(the default, no set-up) or a PostgreSQL database (`postgresql://user@host/dbname`).

The I/O edge of the stories pipeline. `open_store` refuses, before writing anything, a database
that is not a Storyline store or was written by a newer schema, and applies any pending
migration (`migrations`). `stories.open_pipeline` rebuilds the in-memory `StoryPipeline` from
it; `Store.save` writes one batch of its decisions in one transaction, so an interrupted run
leaves whole batches behind. Story views (a story's summary and analysis as JSON) are kept
beside the stories, each under the version of the story it was computed from
(`StoredStory.version`). What differs between SQLite and PostgreSQL is in `dialects`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from ..cluster import ClusterParams, ClusterState, StoryState
from ..dedup import SIGNATURE_DTYPE
from ..errors import UsageError
from ..types import Article
from .dialects import Database, connect, sqlite_path
from .migrations import APPLICATION, MIGRATIONS, SCHEMA_VERSION, Migration, migrate

__all__ = ["APPLICATION", "MIGRATIONS", "SCHEMA_VERSION", "Migration", "Store", "StoredStory",
           "members_version", "open_store", "sqlite_path"]


@dataclass(frozen=True, slots=True)
class StoredStory:
    """A story as the store holds it: its articles in date order, near duplicates marked."""

    id: int
    first_date: dt.date | None
    last_date: dt.date | None
    articles: tuple[Article, ...]
    near_duplicates: tuple[str, ...]  # ids of the articles that copy another of the story
    centroid: dict[str, float]

    @property
    def version(self) -> str:
        """Names the story's articles: it changes whenever an article joins the story."""
        return members_version(a.id for a in self.articles)


def members_version(article_ids: Iterable[str]) -> str:
    """The version of a story with these articles. Articles only ever join a story (never
    leave it or change their text), so the set of ids says everything its view depends on."""
    return hashlib.sha256("\n".join(sorted(article_ids)).encode()).hexdigest()[:32]


def open_store(location: str | os.PathLike[str]) -> Store:
    """Open the store at `location` (a path, sqlite:///path or postgresql://...), creating it
    when the file does not exist or the database is empty."""
    db = connect(location)
    try:
        migrate(db)
    except BaseException:
        db.close()
        raise
    return Store(db)


def _upsert(table: str, columns: tuple[str, ...], key: str) -> str:
    """INSERT of one row that replaces the row with the same `key` (SQLite and PostgreSQL)."""
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != key)
    return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
            f"({', '.join('?' * len(columns))}) ON CONFLICT ({key}) DO UPDATE SET {updates}")


_SAVE_STORY = _upsert("stories", ("id", "size", "first_date", "last_date"), "id")
_SAVE_CENTROID = _upsert("centroids", ("story_id", "terms", "norm"), "story_id")
_SAVE_TERM = _upsert("term_documents", ("term", "documents"), "term")
_SAVE_SETTING = _upsert("settings", ("key", "value"), "key")
_SAVE_VIEW = _upsert("story_views", ("story_id", "version", "view"), "story_id")
_SAVE_PARSE = _upsert("article_parses", ("article_id", "model", "parse"), "article_id")
_IDS_PER_QUERY = 500  # SQLite allows 999 parameters in a statement


class Store:
    """An open story store. Use `open_store`; close it (or use `with`) when done."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.where = db.where
        self._writing = False

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def write(self) -> Iterator[Store]:
        """One transaction holding the store's write lock (writers in other processes wait):
        committed when the block ends, undone when it raises. `save` inside it joins it, so
        what is read in the block is what the writes build on."""
        if self._writing:
            yield self
            return
        self._db.begin_write()
        self._writing = True
        try:
            yield self
            self._db.commit()
        except BaseException:
            self._db.rollback()
            raise
        finally:
            self._writing = False

    # -- reading ---------------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def saves(self) -> int:
        """How many batches have been saved: a process that keeps the store's state in memory
        compares it with the count it last saw to notice that another one has written."""
        return int(self.setting("saves", "0") or 0)

    def cluster_state(self) -> ClusterState:
        state = ClusterState(
            documents=int(self.setting("documents", "0") or 0),
            document_frequency=Counter(dict(self._db.execute(
                "SELECT term, documents FROM term_documents"))),
            next_story_id=int(self.setting("next_story_id", "1") or 1),
        )
        for story_id, size, first, last, terms, norm in self._db.execute(
            "SELECT s.id, s.size, s.first_date, s.last_date, c.terms, c.norm "
            "FROM stories s LEFT JOIN centroids c ON c.story_id = s.id"
        ):
            state.stories[story_id] = StoryState(
                id=story_id, centroid=json.loads(terms) if terms else {}, size=size,
                first_date=_date(first), last_date=_date(last), norm=norm or 0.0)
        for story_id, members in self._db.execute(  # the articles in each centroid
            "SELECT story_id, COUNT(*) FROM memberships WHERE duplicate_of IS NULL "
            "GROUP BY story_id"
        ):
            if story_id in state.stories:
                state.stories[story_id].members = int(members)
        return state

    def known_articles(self) -> Iterator[tuple[str, str, np.ndarray, int]]:
        """(id, text hash, MinHash signature, story id) of every stored article, oldest first."""
        for article_id, digest, signature, story_id in self._db.execute(
            "SELECT a.id, a.text_hash, a.signature, m.story_id FROM articles a "
            "JOIN memberships m ON m.article_id = a.id ORDER BY a.added"
        ):
            yield article_id, digest, np.frombuffer(signature, dtype=SIGNATURE_DTYPE), story_id

    def exact_duplicates(self) -> Iterator[tuple[str, str]]:
        """(id, text hash) of every dropped exact copy."""
        yield from self._db.execute("SELECT article_id, text_hash FROM exact_duplicates")

    def cluster_params(self) -> ClusterParams | None:
        """The parameters the store was clustered with (a later run keeps them)."""
        saved = self.setting("cluster_params")
        if not saved:
            return None
        values = json.loads(saved)
        # Stores clustered before average linkage scored by cosine with the centroid.
        values.setdefault("similarity", "cosine")
        values.setdefault("undated_penalty", 0.0)
        known = ClusterParams.__dataclass_fields__
        return ClusterParams(**{k: v for k, v in values.items() if k in known})

    def article_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def story_ids(self) -> list[int]:
        """Stories, latest first (by last date, undated last), then the larger first."""
        return [row[0] for row in self._db.execute(
            "SELECT id FROM stories ORDER BY last_date IS NULL, last_date DESC, size DESC, id")]

    def find_story_ids(self, *, since: dt.date | None = None, until: dt.date | None = None,
                       term: str | None = None, source: str | None = None) -> list[int]:
        """Story ids in `story_ids` order, kept when the story's dates touch [since, until] and
        one of its articles mentions `term` (title or text, any case) and one is from `source`
        (any case). Undated stories pass no date bound."""
        where, values = [], []
        if since is not None:
            where.append("s.last_date >= ?")
            values.append(since.isoformat())
        if until is not None:
            where.append("s.first_date <= ?")
            values.append(until.isoformat())
        if term:
            like = self._db.like
            where.append("EXISTS (SELECT 1 FROM memberships m JOIN articles a ON a.id = "
                         f"m.article_id WHERE m.story_id = s.id AND (a.title {like} ? ESCAPE "
                         f"'\\' OR a.text {like} ? ESCAPE '\\'))")
            escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            values += [f"%{escaped}%"] * 2
        if source:
            where.append("EXISTS (SELECT 1 FROM memberships m JOIN articles a ON a.id = "
                         "m.article_id WHERE m.story_id = s.id AND lower(a.source) = lower(?))")
            values.append(source)
        sql = "SELECT s.id FROM stories s"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY s.last_date IS NULL, s.last_date DESC, s.size DESC, s.id"
        return [row[0] for row in self._db.execute(sql, values)]

    def story(self, story_id: int) -> StoredStory:
        row = self._db.execute(
            "SELECT s.first_date, s.last_date, c.terms FROM stories s "
            "LEFT JOIN centroids c ON c.story_id = s.id WHERE s.id = ?", (story_id,)).fetchone()
        if row is None:
            raise UsageError(f"{self.where}: there is no story {story_id}")
        articles, near = [], []
        for article_id, text, title, source, date, url, duplicate_of in self._db.execute(
            "SELECT a.id, a.text, a.title, a.source, a.date, a.url, m.duplicate_of "
            "FROM memberships m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? "
            "ORDER BY a.date IS NULL, a.date, a.added", (story_id,)
        ):
            articles.append(Article(id=article_id, text=text, title=title, source=source,
                                    date=_date(date), url=url))
            if duplicate_of is not None:
                near.append(article_id)
        return StoredStory(story_id, _date(row[0]), _date(row[1]), tuple(articles), tuple(near),
                           json.loads(row[2]) if row[2] else {})

    def assignments(self) -> dict[str, int]:
        """Story id of every article id seen, dropped exact copies under their original's story."""
        placed = dict(self._db.execute("SELECT article_id, story_id FROM memberships"))
        for article_id, original in self._db.execute(
                "SELECT article_id, duplicate_of FROM exact_duplicates"):
            if original in placed:
                placed[article_id] = placed[original]
        return placed

    def story_versions(self) -> dict[int, str]:
        """`StoredStory.version` of every story, from one read of the memberships."""
        members: dict[int, list[str]] = {}
        for story_id, article_id in self._db.execute(
                "SELECT story_id, article_id FROM memberships"):
            members.setdefault(story_id, []).append(article_id)
        return {story_id: members_version(ids) for story_id, ids in members.items()}

    def story_view(self, story_id: int) -> tuple[str, str] | None:
        """(version, view) of the story's stored view, or None when none is stored."""
        row = self._db.execute("SELECT version, view FROM story_views WHERE story_id = ?",
                               (story_id,)).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def view_versions(self) -> dict[int, str]:
        """The version each stored view was computed from, by story id."""
        return {int(story_id): str(version) for story_id, version in
                self._db.execute("SELECT story_id, version FROM story_views")}

    def story_of(self, article_id: str) -> int | None:
        row = self._db.execute("SELECT story_id FROM memberships WHERE article_id = ?",
                               (article_id,)).fetchone()
        return int(row[0]) if row else None

    # -- writing ---------------------------------------------------------------------------

    def save(self, new_articles: Sequence[tuple[Article, str, np.ndarray, int, str | None]],
             exact: Sequence[tuple[str, str, str]], stories: Sequence[StoryState],
             term_documents: dict[str, int], documents: int, next_story_id: int,
             params: ClusterParams) -> None:
        """Write one batch in one transaction.

        `new_articles` holds (article, text hash, signature, story id, duplicate of);
        `exact` holds (id, text hash, duplicate of) of dropped exact copies.
        """
        if not new_articles and not exact and not stories:
            return
        db = self._db
        with self.write():
            start = int(db.execute("SELECT COALESCE(MAX(added), 0) FROM articles").fetchone()[0])
            db.executemany(_SAVE_STORY, [(s.id, s.size, _iso(s.first_date), _iso(s.last_date))
                                         for s in stories])
            db.executemany(_SAVE_CENTROID, [
                (s.id, json.dumps(s.centroid, separators=(",", ":")), s.norm) for s in stories])
            db.executemany(
                "INSERT INTO articles (id, text_hash, title, source, date, url, text, signature, "
                "added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(a.id, digest, a.title, a.source, _iso(a.date), a.url, a.text,
                  np.asarray(signature, dtype=SIGNATURE_DTYPE).tobytes(), start + n)
                 for n, (a, digest, signature, _, _) in enumerate(new_articles, 1)])
            db.executemany(
                "INSERT INTO memberships (article_id, story_id, duplicate_of) VALUES (?, ?, ?)",
                [(a.id, story_id, duplicate_of)
                 for a, _, _, story_id, duplicate_of in new_articles])
            db.executemany("INSERT INTO exact_duplicates (article_id, text_hash, duplicate_of) "
                           "VALUES (?, ?, ?)", exact)
            db.executemany(_SAVE_TERM, list(term_documents.items()))
            db.executemany(_SAVE_SETTING, [
                ("saves", str(self.saves() + 1)),
                ("documents", str(documents)),
                ("next_story_id", str(next_story_id)),
                ("cluster_params", json.dumps(_params_dict(params))),
            ])


    def save_story_view(self, story_id: int, version: str, view: str) -> None:
        """Keep the view of the story's `version`, replacing the one stored before. Needs no
        write lock and counts as no save: a view is derived data, which any process may
        recompute, and a reader serves it only while `version` is the story's."""
        self._db.execute(_SAVE_VIEW, (story_id, version, view))

    def article_parses(self, article_ids: Sequence[str], model: str) -> dict[str, bytes]:
        """The kept parses (`nlp.export_parses`) of these articles made by `model`, by article
        id; articles with none, or one by another model, are left out."""
        found: dict[str, bytes] = {}
        ids = list(dict.fromkeys(article_ids))
        for start in range(0, len(ids), _IDS_PER_QUERY):
            chunk = ids[start : start + _IDS_PER_QUERY]
            marks = ", ".join("?" * len(chunk))
            for article_id, parse in self._db.execute(
                    f"SELECT article_id, parse FROM article_parses WHERE model = ? AND "
                    f"article_id IN ({marks})", (model, *chunk)):
                found[str(article_id)] = bytes(parse)
        return found

    def save_article_parses(self, model: str, parses: Mapping[str, bytes]) -> None:
        """Keep these articles' parses (by article id), replacing what was kept. Like views,
        derived data: no write lock, no save counted."""
        if parses:
            self._db.executemany(_SAVE_PARSE, [(article_id, model, parse)
                                               for article_id, parse in parses.items()])


def _params_dict(params: ClusterParams) -> dict[str, object]:
    return {name: getattr(params, name) for name in params.__dataclass_fields__}


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
