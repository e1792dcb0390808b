"""Read JSON and JSON Lines records: articles, and stories (clusters) that carry a `documents`
list with an optional query and reference summaries, each field checked and reported by name.

Called by `files` with decoded text or lines; sits on `collect` and `dates`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from storyline.ingest.collect import (
    MAX_FILE_BYTES,
    SPLIT_HINT,
    STDIN_WHERE,
    Collector,
    usable_text,
    with_unique_ids,
)
from storyline.ingest.dates import date_field
from storyline.types import Article, Story


def read_json_lines(
    lines: Iterable[tuple[int, str | None]], where: str, stem: str, collector: Collector
) -> None:
    """One article or one story per line; a bad line is reported and the rest still read."""
    is_empty = True
    for number, line in lines:
        line_where = f"{where}:{number}"
        if line is None:
            collector.problem(line_where, "not UTF-8 text", "fix the line's encoding or remove it")
            continue
        line = line.removeprefix("\ufeff") if number == 1 else line
        if not line.strip():
            continue
        is_empty = False
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            collector.problem(line_where, f"not valid JSON: {error.msg} at column {error.colno}",
                              "fix or remove the line")
            continue
        except RecursionError:
            collector.problem(line_where, "not valid JSON: nested too deeply", "fix or remove the line")
            continue
        _read_record(value, line_where, f"{stem}-{number}", collector)
    if is_empty:
        collector.problem(where, "file is empty" if where != STDIN_WHERE else "input is empty",
                          "add one article or story per line, or leave it out")


def read_json_document(text: str, where: str, stem: str, size: int, collector: Collector) -> None:
    """A .json holds an article, a story, or a list of either (or is JSON Lines after all)."""
    if _is_json_lines(text):
        read_json_lines(enumerate(text.split("\n"), start=1), where, stem, collector)
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        collector.problem(f"{where}:{error.lineno}",
                          f"not valid JSON: {error.msg} at column {error.colno}", "fix the JSON")
        return
    except RecursionError:
        collector.problem(where, "not valid JSON: nested too deeply", "fix the JSON")
        return
    records = value if isinstance(value, list) else [value]
    if size > MAX_FILE_BYTES and not all(_is_story(record) for record in records):
        collector.problem(where, f"file is larger than {MAX_FILE_BYTES // 2**20} MB and holds "
                          "articles, not stories", SPLIT_HINT)
        return
    if not isinstance(value, list):
        _read_record(value, where, stem, collector)
        return
    if not value:
        collector.problem(where, "file holds an empty JSON list", "add articles or leave it out")
    for index, record in enumerate(value):
        _read_record(record, f"{where}: [{index}]", f"{stem}-{index + 1}", collector)


def _is_json_lines(text: str) -> bool:
    """Whether the first line is a whole JSON value with more lines after it (pretty-printed JSON
    starts with a bare "{" or "[", which does not parse on its own)."""
    lines = text.strip().split("\n", 1)
    if len(lines) < 2:
        return False
    try:
        json.loads(lines[0])
    except (ValueError, RecursionError):
        return False
    return True


def _is_story(record: object) -> bool:
    return isinstance(record, dict) and "documents" in record


def _read_record(value: object, where: str, default_id: str, collector: Collector) -> None:
    if not isinstance(value, dict):
        collector.problem(where, f"expected a JSON object (an article or a story), found "
                          f"{_json_type(value)}", 'write each article as {"text": ...}')
    elif _is_story(value):
        _read_story(value, where, default_id, collector)
    else:
        article = _article_from_record(value, where, default_id, collector)
        if article is not None:
            collector.articles.append((where, article))


def _read_story(record: dict[str, Any], where: str, default_id: str, collector: Collector) -> None:
    documents = record["documents"]
    if not isinstance(documents, list):
        collector.problem(where, f'field "documents" is {_json_type(documents)}, not a list',
                          "give the story's articles as a list of objects")
        return
    story_id = _record_id(record, default_id, where, collector)
    if not documents:
        collector.problem(where, f'story "{story_id}" has no documents',
                          'list its articles under "documents", or remove the story')
        return
    placed = []
    for index, document in enumerate(documents):
        document_where = f"{where}: documents[{index}]"
        if not isinstance(document, dict):
            collector.problem(document_where, f"expected a JSON object, found {_json_type(document)}",
                              'write each article as {"text": ...}')
            continue
        article = _article_from_record(document, document_where, f"{story_id}-{index + 1}", collector)
        if article is not None:
            placed.append((document_where, article))
    if not placed:
        collector.problem(where, f'story "{story_id}" has no usable documents',
                          "fix the documents reported above, or remove the story")
        return
    collector.stories.append(Story(
        id=story_id,
        articles=with_unique_ids(placed, collector),
        query=_query(record.get("query"), where, collector),
        references=_references(record.get("references"), where, collector),
    ))


def _article_from_record(
    record: dict[str, Any], where: str, default_id: str, collector: Collector
) -> Article | None:
    text = record.get("text")
    if text is None:
        collector.problem(where, 'no "text" field', 'put the article text under "text"')
        return None
    if not isinstance(text, str):
        collector.problem(where, f'field "text" is {_json_type(text)}, not a string',
                          'put the article text under "text" as a string')
        return None
    usable = usable_text(text, where, collector)
    if usable is None:
        return None
    return Article(
        id=_record_id(record, default_id, where, collector),
        text=usable,
        title=_optional_text(record, "title", where, collector),
        source=_optional_text(record, "source", where, collector),
        date=date_field(record.get("date"), "date", where, collector),
        url=_optional_text(record, "url", where, collector),
    )


def _record_id(record: dict[str, Any], default_id: str, where: str, collector: Collector) -> str:
    raw = record.get("id")
    if isinstance(raw, (str, int)) and not isinstance(raw, bool) and str(raw).strip():
        return str(raw).strip()
    if raw is not None:
        collector.warn(where, f'field "id" ({raw!r}) is not a usable id; using "{default_id}"',
                       "give ids as non-empty strings")
    return default_id


def _optional_text(record: dict[str, Any], name: str, where: str, collector: Collector) -> str | None:
    value = record.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value.strip()
    collector.warn(where, f'field "{name}" is {_json_type(value)}, not a string; ignored',
                   f'give "{name}" as a string')
    return None


def _query(value: object, where: str, collector: Collector) -> str | None:
    """A story's query: a string, or a DUC-style {"title", "narrative"} joined as one."""
    if value is None or isinstance(value, str):
        return (value or "").strip() or None
    if isinstance(value, dict):
        parts = [
            " ".join(part.split()) for part in (value.get("title"), value.get("narrative"))
            if isinstance(part, str) and part.strip()
        ]
        if len(parts) == 2 and not parts[0].endswith((".", "?", "!")):
            parts[0] += "."
        if parts:
            return " ".join(parts)
    collector.warn(where, 'field "query" is neither a string nor {"title", "narrative"}; ignored',
                   "give the query as a string")
    return None


def _references(value: object, where: str, collector: Collector) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    collector.warn(where, 'field "references" is not a list of strings; ignored',
                   "give reference summaries as a list of strings")
    return ()


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
