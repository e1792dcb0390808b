"""Where SQLite and PostgreSQL differ, kept in one place: connecting, placeholders, column
types, table introspection, case-insensitive matching and the store's write lock.

The store and its migrations write SQL once, with `?` placeholders and SQLite's type names;
a `Database` runs it on its server. Upserts are plain `INSERT ... ON CONFLICT`, which both
understand, so they need nothing here.
"""

from __future__ import annotations

import os
import re
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit, urlunsplit

from ..errors import InputError, UsageError

if TYPE_CHECKING:
    import psycopg

POSTGRES_SCHEMES = ("postgresql", "postgres")
# pg_advisory_xact_lock key taken by every writer (and migration) of a PostgreSQL store; the
# lock is per database, so two stores in one database (in two schemas) also wait for each other.
WRITE_LOCK_KEY = 0x53544F52594C494E  # "STORYLIN" as a signed 64-bit number
_LOCATION_HINT = ("give --db a SQLite file (a path or sqlite:///path) or a PostgreSQL database "
                  "(postgresql://user@host/dbname)")


class Rows(Protocol):
    """The result of `Database.execute`: iterate it, or take one row."""

    def fetchone(self) -> Any: ...
    def __iter__(self) -> Iterator[Any]: ...


class Database(ABC):
    """One connection to a store's database, in autocommit mode outside `begin_write`."""

    where: str  # the location as shown in messages (no password)
    kind: str  # "an SQLite database", "a PostgreSQL database"
    not_a_store_hint: str
    like: str  # the LIKE operator that ignores case
    errors: tuple[type[Exception], ...]  # the driver's errors

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows: ...

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    @abstractmethod
    def tables(self) -> set[str]:
        """The names of the tables (and views) the store's tables would sit beside."""

    @abstractmethod
    def begin_write(self) -> None:
        """Start a transaction holding the store's write lock: one writer at a time, across
        processes; readers are not blocked."""

    @abstractmethod
    def commit(self) -> None: ...

    @abstractmethod
    def rollback(self) -> None:
        """End the open transaction, if any, undoing it."""

    @abstractmethod
    def close(self) -> None: ...

    def ddl(self, sql: str) -> str:
        """A CREATE statement written with SQLite's type names, in this database's types."""
        return sql

    def unusable(self, exc: Exception) -> InputError:
        """The error for a database the driver could not read as a store."""
        return InputError(self.where, f"is not a Storyline store ({exc}); nothing was written",
                          self.not_a_store_hint)


def connect(location: str | os.PathLike[str]) -> Database:
    """The database of a `--db` value: a path, sqlite:///path, or postgresql://... ."""
    text = os.fspath(location)
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    if scheme in POSTGRES_SCHEMES:
        return PostgresDatabase(text)
    return SQLiteDatabase(sqlite_path(text))


def sqlite_path(location: str | os.PathLike[str]) -> Path:
    """The file of a SQLite `--db` value: a path or a sqlite:/// URL."""
    text = os.fspath(location)
    if text.startswith("sqlite:///"):
        return Path(text.removeprefix("sqlite:///"))
    if "://" in text:
        raise UsageError(f"--db {redact(text)}: not a store location ({_LOCATION_HINT})")
    return Path(text)


def redact(url: str) -> str:
    """The URL with its password (if any) replaced by ***."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        netloc = parts.netloc.rsplit("@", 1)
        user = netloc[0].split(":", 1)[0]
        return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))
    except ValueError:  # not parseable as a URL: say nothing of it but its scheme
        return url.split("://", 1)[0] + "://..."


class SQLiteDatabase(Database):
    kind = "an SQLite database"
    not_a_store_hint = ("give --db a new file name, or the path of a store made by "
                        "`storyline stories`")
    like = "LIKE"  # SQLite's LIKE ignores (ASCII) case
    errors = (sqlite3.Error,)

    def __init__(self, path: Path) -> None:
        self.where = str(path)
        if path.is_dir():
            raise InputError(self.where, "is a folder, not a store file", self.not_a_store_hint)
        self._db = sqlite3.connect(path, isolation_level=None)  # autocommit; BEGIN by hand
        self._db.execute("PRAGMA foreign_keys = ON")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        return self._db.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._db.executemany(sql, rows)

    def tables(self) -> set[str]:
        return {row[0] for row in self._db.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}

    def begin_write(self) -> None:
        # IMMEDIATE takes the file's write lock now (waiting up to sqlite3's 5 s busy timeout),
        # so a second writer waits here instead of failing at its first INSERT.
        self._db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self._db.execute("COMMIT")

    def rollback(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def close(self) -> None:
        self._db.close()


class PostgresDatabase(Database):
    kind = "a PostgreSQL database"
    not_a_store_hint = ("give --db an empty PostgreSQL database (make one with `createdb NAME`), "
                        "or one a Storyline store is in")
    like = "ILIKE"

    def __init__(self, url: str) -> None:
        self.where = redact(url)
        try:
            import psycopg
            from psycopg.conninfo import conninfo_to_dict, make_conninfo
        except ImportError:
            raise UsageError(f"--db {self.where}: PostgreSQL stores need psycopg; install it "
                             "with: pip install 'storyline[postgres]'") from None
        self.errors = (psycopg.Error,)
        try:
            options = conninfo_to_dict(url)
        except psycopg.ProgrammingError as exc:
            raise UsageError(f"--db {self.where}: not a PostgreSQL URL ({exc}); "
                             f"{_LOCATION_HINT}") from None
        options.setdefault("connect_timeout", 10)
        options.setdefault("application_name", "storyline")
        try:
            self._db: psycopg.Connection[Any] = psycopg.connect(make_conninfo("", **options),
                                                                autocommit=True)
        except psycopg.OperationalError as exc:
            reason = " ".join(str(exc).split())
            raise InputError(self.where, f"could not connect to PostgreSQL ({reason})",
                             "check the URL, that the server is running and that the database "
                             "exists (createdb NAME)") from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        return self._db.execute(_pyformat(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._db.cursor() as cursor:
            cursor.executemany(_pyformat(sql), rows)

    def tables(self) -> set[str]:
        # pg_class rather than information_schema, which hides tables the user may not read.
        return {row[0] for row in self._db.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')")}

    def begin_write(self) -> None:
        self._db.execute("BEGIN")
        self._db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))

    def commit(self) -> None:
        self._db.execute("COMMIT")

    def rollback(self) -> None:
        from psycopg.pq import TransactionStatus

        if self._db.info.transaction_status != TransactionStatus.IDLE:
            self._db.execute("ROLLBACK")

    def close(self) -> None:
        self._db.close()

    def ddl(self, sql: str) -> str:
        # REAL is 4 bytes in PostgreSQL (8 in SQLite): centroid norms need DOUBLE PRECISION.
        return _REAL.sub("DOUBLE PRECISION", _BLOB.sub("BYTEA", sql))

    def unusable(self, exc: Exception) -> InputError:
        reason = " ".join(str(exc).split())
        return InputError(self.where, f"could not be used as a Storyline store ({reason}); "
                          "nothing was written", self.not_a_store_hint)


_BLOB = re.compile(r"\bBLOB\b")
_REAL = re.compile(r"\bREAL\b")


@lru_cache(maxsize=256)
def _pyformat(sql: str) -> str:
    """`?` placeholders as psycopg's `%s` (the store's SQL has no `?` or `%` inside strings)."""
    return sql.replace("%", "%%").replace("?", "%s")
