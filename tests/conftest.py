"""Shared fixtures for the core tests: two small invented stories and citation checks.

The stories live in tests/fixtures/core/ (see its README); they are read here into plain
`Article`s without going through ingest, so a change in ingest cannot move these tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from storyline.types import Article, Summary

CORE_FIXTURES = Path(__file__).parent / "fixtures" / "core"


def load_articles(name: str) -> tuple[Article, ...]:
    """The articles of a fixture file (a JSON list of article objects)."""
    records = json.loads((CORE_FIXTURES / name).read_text(encoding="utf-8"))
    return tuple(
        Article(
            id=r["id"],
            text=r["text"],
            title=r.get("title"),
            source=r.get("source"),
            date=dt.date.fromisoformat(r["date"]) if r.get("date") else None,
            url=r.get("url"),
        )
        for r in records
    )


@pytest.fixture(scope="session")
def flood_story() -> tuple[Article, ...]:
    """Four articles on a flood in Millbrook; valley-4 is undated."""
    return load_articles("millbrook-flood.json")


@pytest.fixture(scope="session")
def harbor_story() -> tuple[Article, ...]:
    """Three articles, each on two sub-topics: a dock strike and a seal colony."""
    return load_articles("greyhaven-harbor.json")


def assert_citations_resolve(summary: Summary, articles: Sequence[Article],
                             truncated_tail: bool = False) -> None:
    """Every citation names a given article and a real span of it; the first is the sentence.

    With `truncated_tail`, the last sentence may be a prefix of its first citation's span.
    """
    by_id = {a.id: a for a in articles}
    for number, sentence in enumerate(summary.sentences):
        assert sentence.citations, f"sentence {number} has no citation"
        for citation in sentence.citations:
            assert citation.article_id in by_id, citation
            text = by_id[citation.article_id].text
            assert 0 <= citation.start < citation.end <= len(text), citation
        first = sentence.citations[0]
        quoted = by_id[first.article_id].text[first.start:first.end]
        if truncated_tail and number == len(summary.sentences) - 1:
            assert quoted.startswith(sentence.text), (quoted, sentence.text)
        else:
            assert quoted == sentence.text, (quoted, sentence.text)


@pytest.fixture(scope="session")
def check_citations():
    """`assert_citations_resolve`, for tests (fixtures keep tests from importing conftest)."""
    return assert_citations_resolve


@pytest.fixture(scope="session")
def cli_commands() -> dict[str, argparse.ArgumentParser]:
    """The `storyline` subcommands by name, as build_parser() defines them."""
    from storyline.cli import build_parser

    for action in build_parser()._actions:
        # argparse keeps subcommands on a private action type; there is no public accessor.
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("storyline's parser has no subcommands")


@pytest.fixture(scope="session")
def cli_options(cli_commands) -> dict[str, list[str]]:
    """Every --option (except --help) of each subcommand."""
    return {
        name: [
            option
            for action in parser._actions
            for option in action.option_strings
            if option.startswith("--") and option != "--help"
        ]
        for name, parser in cli_commands.items()
    }


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for the session ($STORYLINE_TEST_POSTGRES, or a throwaway cluster
    started here and stopped at the end); the tests that use it skip, saying what to install,
    when there is none."""
    from pg import NoPostgres, PostgresServer

    try:
        server = PostgresServer.from_environment_or_start()
    except NoPostgres as exc:
        pytest.skip(f"no PostgreSQL server for this test: {exc}")
    yield server
    server.stop()


@pytest.fixture()
def postgres_url(postgres_server) -> Iterator[str]:
    """The URL of an empty database of its own, dropped after the test."""
    url = postgres_server.fresh_database()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request, tmp_path) -> str:
    """A `--db` value for a new store: a SQLite file, then an empty PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    return request.getfixturevalue("postgres_url")
