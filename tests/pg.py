"""A PostgreSQL server for the tests: the one at $STORYLINE_TEST_POSTGRES, or a throwaway
cluster started here (initdb in a temporary folder, reachable only through a unix socket in
that folder, run as the `postgres` user when the tests run as root).

`PostgresServer.fresh_database()` gives each test an empty database of its own (a schema of
its own, first on the search path), so tests never see each other's tables. Used by the
fixtures in conftest.py.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

ENV = "STORYLINE_TEST_POSTGRES"
INSTALL_HINT = ("set STORYLINE_TEST_POSTGRES=postgresql://user@host/dbname (a role that may "
                "create schemas there), or install a PostgreSQL server: `sudo apt-get install "
                "postgresql` on Debian (scripts/system-packages does it)")


class NoPostgres(Exception):
    """No PostgreSQL server could be found or started; the message says why."""


class PostgresServer:
    """A server the tests may create databases on; `stop` ends it if it was started here."""

    def __init__(self, admin_url: str, folder: Path | None = None,
                 run_as: list[str] | None = None, bin_dir: Path | None = None) -> None:
        self.admin_url = admin_url
        self._folder = folder
        self._run_as = run_as or []
        self._bin_dir = bin_dir
        self._names = (f"storyline_test_{os.getpid()}_{n}" for n in itertools.count(1))

    @classmethod
    def from_environment_or_start(cls) -> PostgresServer:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise NoPostgres("PostgreSQL tests need psycopg: pip install 'storyline[postgres]'"
                             ) from None
        url = os.environ.get(ENV)
        if url:
            server = cls(url)
            try:
                server._admin().close()
            except Exception as exc:
                raise NoPostgres(f"{ENV}={url} does not answer ({exc})") from None
            return server
        return cls._start()

    @classmethod
    def _start(cls) -> PostgresServer:
        bin_dir = _bin_dir()
        run_as: list[str] = []
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise NoPostgres("running as root and there is no `postgres` user to run a "
                                 f"test server as; {INSTALL_HINT}") from None
            runuser = shutil.which("runuser")
            if runuser is None:
                raise NoPostgres("running as root without `runuser` to start a test server as "
                                 f"the postgres user; {INSTALL_HINT}")
            run_as = [runuser, "-u", "postgres", "--"]
        folder = Path(tempfile.mkdtemp(prefix="storyline-pg-"))
        if run_as:
            shutil.chown(folder, "postgres")
        data, log = folder / "data", folder / "server.log"
        server = cls(f"postgresql://postgres@/postgres?host={quote(str(folder))}&port=5432",
                     folder, run_as, bin_dir)
        try:
            server._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E",
                        "UTF8", "--no-sync", "--locale=C")
            # No TCP: the socket in our own folder cannot clash with another server's port.
            # Durability is not under test here, so skip the fsyncs.
            server._run("pg_ctl", "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o",
                        f"-k {folder} -c listen_addresses= -p 5432 -c fsync=off "
                        "-c synchronous_commit=off -c full_page_writes=off", "start")
        except NoPostgres as exc:
            detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            shutil.rmtree(folder, ignore_errors=True)
            raise NoPostgres(f"{exc}\n{detail}") from None
        return server

    def _run(self, program: str, *args: str) -> None:
        assert self._bin_dir is not None
        command = [*self._run_as, str(self._bin_dir / program), *args]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self._folder)
        if done.returncode != 0:
            raise NoPostgres(f"`{program}` failed ({done.returncode}): "
                             f"{(done.stderr or done.stdout).strip()[-1000:]}")

    def _admin(self) -> Any:
        import psycopg

        return psycopg.connect(self.admin_url, autocommit=True, connect_timeout=10)

    def fresh_database(self) -> str:
        """The URL of an empty database of its own: a new schema, which the URL puts first on
        the search path (a schema takes under a millisecond; CREATE DATABASE about 0.3 s)."""
        name = next(self._names)
        with self._admin() as admin:
            admin.execute(f'CREATE SCHEMA "{name}"')
        parts = urlsplit(self.admin_url)
        option = "options=" + quote(f"-csearch_path={name}", safe="")
        return urlunsplit(parts._replace(query=f"{parts.query}&{option}" if parts.query
                                         else option))

    def drop_database(self, url: str) -> None:
        name = dict(parse_qsl(urlsplit(url).query))["options"].removeprefix("-csearch_path=")
        import psycopg

        for attempt in range(5):
            try:
                with self._admin() as admin:
                    admin.execute("SET lock_timeout = '10s'")  # a transaction left open
                    admin.execute(f'DROP SCHEMA "{name}" CASCADE')
                return
            except psycopg.errors.DeadlockDetected:
                # a server thread still reading the store (a view being computed) took its
                # tables' locks in another order; it finishes soon: drop again
                if attempt == 4:
                    raise
                time.sleep(0.2 * (attempt + 1))

    def stop(self) -> None:
        if self._folder is None:
            return
        try:
            self._run("pg_ctl", "-D", str(self._folder / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self._folder, ignore_errors=True)


def _bin_dir() -> Path:
    """Where initdb and pg_ctl are: on PATH, or Debian's /usr/lib/postgresql/N/bin."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if not found:
        raise NoPostgres(f"no PostgreSQL server programs (initdb, pg_ctl) found; {INSTALL_HINT}")
    return Path(found[-1]).parent

