"""The store's schema, built by an ordered list of migrations, and the runner that applies them.

`migrate` runs when a store is opened: an empty database gets every migration, an older store
the ones it lacks, all in one transaction under the store's write lock. A database that is
not a Storyline store, or a store from a newer Storyline, is refused before anything is
written. To change the schema, append a `Migration` with the next version; never edit one
that has shipped (stores made with it exist).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import InputError
from .dialects import Database

APPLICATION = "storyline"


@dataclass(frozen=True, slots=True)
class Migration:
    """Statements that take a store from `version - 1` to `version` (SQLite type names;
    `Database.ddl` adapts them)."""

    version: int
    summary: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, stories, memberships, centroids, term counts, exact copies", (
        "CREATE TABLE storyline_schema (application TEXT NOT NULL, version INTEGER NOT NULL)",
        f"INSERT INTO storyline_schema (application, version) VALUES ('{APPLICATION}', 1)",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE articles (
    id TEXT PRIMARY KEY, text_hash TEXT NOT NULL, title TEXT, source TEXT, date TEXT, url TEXT,
    text TEXT NOT NULL, signature BLOB NOT NULL, added INTEGER NOT NULL)""",
        """CREATE TABLE stories (
    id INTEGER PRIMARY KEY, size INTEGER NOT NULL, first_date TEXT, last_date TEXT)""",
        """CREATE TABLE memberships (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    story_id INTEGER NOT NULL REFERENCES stories(id),
    duplicate_of TEXT)""",
        "CREATE INDEX memberships_story ON memberships(story_id)",
        """CREATE TABLE centroids (story_id INTEGER PRIMARY KEY REFERENCES stories(id),
    terms TEXT NOT NULL, norm REAL NOT NULL)""",
        "CREATE TABLE term_documents (term TEXT PRIMARY KEY, documents INTEGER NOT NULL)",
        # Exact copies are dropped, not stored; their ids are kept so re-adding them changes
        # nothing.
        """CREATE TABLE exact_duplicates (article_id TEXT PRIMARY KEY, text_hash TEXT NOT NULL,
    duplicate_of TEXT NOT NULL)""",
    )),
    # A story's view (summary and analysis, as JSON) is derived data, computed after the
    # story changes; `version` says which articles (and which view format) it was computed
    # from, so a view is served only while it still matches the story.
    Migration(2, "stored story views", (
        """CREATE TABLE story_views (story_id INTEGER PRIMARY KEY REFERENCES stories(id),
    version TEXT NOT NULL, view TEXT NOT NULL)""",
    )),
    # An article's parse (spaCy's tokens, tags and entities, compressed) is derived data too,
    # kept so that a story's view parses only the articles that joined it since; `model`
    # names the pipeline that made it, so a parse by another model is not used.
    Migration(3, "kept article parses", (
        """CREATE TABLE article_parses (article_id TEXT PRIMARY KEY REFERENCES articles(id),
    model TEXT NOT NULL, parse BLOB NOT NULL)""",
    )),
    # Each write numbers its articles after the highest `added`: without an index that is a
    # scan of every article (3.6 ms of a 10 ms single-article ingest at 10,000 articles).
    Migration(4, "index of the order articles were added in", (
        "CREATE INDEX articles_added ON articles(added)",
    )),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def migrate(db: Database, migrations: Sequence[Migration] | None = None) -> int:
    """Bring the store in `db` to the latest schema; returns the version it had (0: empty).

    Raises InputError, having written nothing, for a database that is not a store, or a store
    of a newer schema."""
    migrations = MIGRATIONS if migrations is None else migrations
    latest = migrations[-1].version
    try:
        found = _version(db, latest)
        if found == latest:
            return found
        db.begin_write()
        try:
            found = _version(db, latest)  # again under the lock: another process may have
            _apply(db, [m for m in migrations if m.version > found], found)  # migrated it
            db.commit()
        except BaseException:
            db.rollback()
            raise
    except db.errors as exc:
        raise db.unusable(exc) from None
    return found


def _apply(db: Database, pending: Sequence[Migration], found: int) -> None:
    for migration in pending:
        try:
            for statement in migration.statements:
                db.execute(db.ddl(statement))
            db.execute("UPDATE storyline_schema SET version = ?", (migration.version,))
        except db.errors as exc:
            reason = " ".join(str(exc).split())
            what = ("could not be set up as a Storyline store" if found == 0 else
                    f"could not be upgraded from store schema {found} to {pending[-1].version}")
            raise InputError(db.where, f"{what} (migration {migration.version}, "
                             f"{migration.summary}: {reason}); nothing was changed",
                             "check that the database user may create and alter tables") from None


def _version(db: Database, latest: int) -> int:
    """The store's schema version, 0 for an empty database; refuses anything else."""
    tables = db.tables()
    if not tables:
        return 0
    hint = db.not_a_store_hint
    if "storyline_schema" not in tables:
        raise InputError(db.where, f"is {db.kind} but not a Storyline store (it has no "
                         "storyline_schema table); nothing was written", hint)
    rows = list(db.execute("SELECT application, version FROM storyline_schema"))
    if len(rows) != 1 or rows[0][0] != APPLICATION:
        raise InputError(db.where, "is not a Storyline store (its schema table is empty or "
                         "names another application); nothing was written", hint)
    version = int(rows[0][1])
    if version > latest:
        raise InputError(db.where, f"was written by a newer Storyline (store schema {version}; "
                         f"this version reads up to {latest}); nothing was written",
                         "upgrade Storyline to use this store")
    return version
