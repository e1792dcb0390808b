"""Read files, folders, feeds and stdin into `Article`s and `Story`s: the I/O edge of the pipeline.

Everything after ingest gets clean article text; every input that cannot be read becomes an
`InputError` in `Ingested.problems` (naming the file, line or field and what to do), never a raise.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import email.utils
import io
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import feedparser  # type: ignore[import-untyped]
import trafilatura

from storyline.errors import InputError
from storyline.types import Article, Story

ARTICLE_EXTENSIONS = (".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".xml", ".rss", ".atom")
MAX_ARTICLE_CHARS = 1_000_000
MAX_FILE_BYTES = 20 * 1024 * 1024
# A .json file (or stdin) is parsed whole; a story collection bigger than this belongs in .jsonl,
# which is read line by line and has no size limit.
MAX_JSON_BYTES = 200 * 1024 * 1024
STDIN_WHERE = "<stdin>"

_KIND_BY_EXTENSION = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".json": "json",
    ".jsonl": "jsonl", ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
_SPLIT_HINT = "split it or pass the article text only"
_NOT_TEXT = "not a text file: binary data, or an encoding other than UTF-8"
_DATE_HINT = "use YYYY-MM-DD, an ISO 8601 date-time or an RFC 2822 date"


@dataclass(frozen=True, slots=True)
class Ingested:
    """What reading the inputs gave: stories, loose articles, and what went wrong on the way."""

    stories: tuple[Story, ...]  # clusters from files whose records carry a `documents` list
    articles: tuple[Article, ...]  # loose articles from every other input, in input order
    problems: tuple[InputError, ...]  # inputs skipped, each naming where and what to do
    warnings: tuple[InputError, ...]  # recoverable issues; the article was kept


def read_inputs(
    paths: Sequence[str | os.PathLike[str]], *, stdin: TextIO | BinaryIO | None = None
) -> Ingested:
    """Read every path (a file, a folder, or "-" for `stdin`) in order; never raises for bad input.

    Loose articles get ids unique across all inputs (a clash is renamed and warned about), so the
    caller can group them into one story.
    """
    collector = _Collector()
    for path in paths:
        if isinstance(path, str) and path == "-":
            _read_stdin(stdin if stdin is not None else sys.stdin, collector)
        else:
            _read_path(Path(path), collector)
    return collector.result()


def read_path(path: str | os.PathLike[str]) -> Ingested:
    """Read one file or folder (folders recursively, hidden files skipped, sorted by path)."""
    return read_inputs([Path(path)])


@dataclass
class _Collector:
    stories: list[Story] = field(default_factory=list)
    articles: list[tuple[str, Article]] = field(default_factory=list)  # (where, article)
    problems: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)

    def problem(self, where: str, problem: str, hint: str = "") -> None:
        self.problems.append(InputError(where, problem, hint))

    def warn(self, where: str, problem: str, hint: str = "") -> None:
        self.warnings.append(InputError(where, problem, hint))

    def result(self) -> Ingested:
        return Ingested(
            stories=tuple(self.stories),
            articles=_with_unique_ids(self.articles, self),
            problems=tuple(self.problems),
            warnings=tuple(self.warnings),
        )


# --- paths, bytes and text -------------------------------------------------------------------


def _read_path(path: Path, collector: _Collector) -> None:
    where = str(path)
    if path.is_dir():
        files = _article_files(path, collector)
        if not files:
            collector.problem(
                where, "folder has no article files",
                "Storyline reads " + ", ".join(ARTICLE_EXTENSIONS) + " files; hidden files are skipped",
            )
        for file in files:
            _read_file(file, collector)
    elif path.exists():
        _read_file(path, collector)
    else:
        collector.problem(where, "no such file or folder", "check the path")


def _article_files(folder: Path, collector: _Collector) -> list[Path]:
    def report(error: OSError) -> None:
        collector.problem(str(error.filename or folder), f"cannot read the folder ({error.strerror})")

    found = []
    for root, dirs, files in os.walk(folder, onerror=report):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [
            Path(root, name) for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_EXTENSIONS
        ]
    return sorted(found)


def _read_file(path: Path, collector: _Collector) -> None:
    where, stem = str(path), path.stem
    kind = _KIND_BY_EXTENSION.get(path.suffix.lower())
    if kind == "jsonl":
        _read_jsonl_file(path, collector)
        return
    limit = MAX_FILE_BYTES if kind in ("text", "html", "feed") else MAX_JSON_BYTES
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)  # no stat(): works for pipes and device files too
    except OSError as error:
        collector.problem(where, f"cannot read the file ({error.strerror})", "check its permissions")
        return
    if len(data) > limit:
        collector.problem(where, f"file is larger than {limit // 2**20} MB", _too_big_hint(kind))
        return
    text = _decode(data)
    if text is None:
        collector.problem(where, _NOT_TEXT, "pass articles as UTF-8 text, HTML, JSON or a feed")
        return
    _read_content(text, where, stem, kind, len(data), collector)


def _read_stdin(stream: TextIO | BinaryIO, collector: _Collector) -> None:
    source = getattr(stream, "buffer", stream)  # sys.stdin: read bytes, so we choose the encoding
    data = source.read(MAX_JSON_BYTES + 1)
    if len(data) > MAX_JSON_BYTES:
        collector.problem(STDIN_WHERE, f"input is larger than {MAX_JSON_BYTES // 2**20} MB",
                          "save it as a .jsonl file, one story or article per line")
        return
    text = _decode(data) if isinstance(data, bytes) else data
    if text is None:
        collector.problem(STDIN_WHERE, "not text: binary data, or an encoding other than UTF-8",
                          "pipe in UTF-8 text, HTML, JSON or a feed")
        return
    _read_content(text, STDIN_WHERE, "stdin", None, len(data), collector)


def _decode(data: bytes) -> str | None:
    """Text of a file, or None when it is binary: UTF-8 (BOM or not), UTF-16 with a BOM, or cp1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Older Windows editors save cp1252; accept it only when nothing decodes to a control character,
    # which random binary data almost always does.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    is_clearly_text = not any(unicodedata.category(c) == "Cc" and c not in "\t\n\r\f" for c in text)
    return text if is_clearly_text else None


def _normalise(text: str) -> str:
    """Line endings to \\n and no BOM; every other character kept, since citations are offsets."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _too_big_hint(kind: str | None) -> str:
    if kind in ("text", "html", "feed"):
        return _SPLIT_HINT
    return "put stories one per line in a .jsonl file, or " + _SPLIT_HINT


def _read_content(
    text: str, where: str, stem: str, kind: str | None, size: int, collector: _Collector
) -> None:
    text = _normalise(text)
    if not text.strip():
        collector.problem(where, "file is empty" if where != STDIN_WHERE else "input is empty",
                          "add the article text or leave it out")
        return
    if kind is None:
        kind = _sniff(text)
    elif kind in ("text", "html") and _looks_like_feed(text):
        kind = "feed"
    if kind in ("text", "html", "feed") and size > MAX_FILE_BYTES:
        collector.problem(where, f"input is larger than {MAX_FILE_BYTES // 2**20} MB", _SPLIT_HINT)
    elif kind == "text":
        _read_plain_text(text, where, stem, collector)
    elif kind == "html":
        _read_html(text, where, stem, collector)
    elif kind == "feed":
        _read_feed(text, where, stem, collector)
    else:
        _read_json_document(text, where, stem, size, collector)


def _sniff(text: str) -> str:
    """The kind of an input with no telling extension: json (or JSON Lines), feed, html or text."""
    head = text.lstrip()[:4096]
    if head.startswith(("{", "[")):
        return "json"
    if _looks_like_feed(head):
        return "feed"
    if re.match(r"(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|p|div|article)\b",
                head, re.IGNORECASE | re.DOTALL):
        return "html"
    return "text"


def _looks_like_feed(text: str) -> bool:
    head = text.lstrip()[:4096]
    return head.startswith("<") and re.search(r"<(rss|feed|rdf:RDF)\b", head) is not None


# --- plain text and HTML ---------------------------------------------------------------------


def _read_plain_text(text: str, where: str, stem: str, collector: _Collector) -> None:
    title, body = _split_title(text)
    usable = _usable_text(body, where, collector)
    if usable is not None:
        article = Article(id=stem, text=usable, title=title, date=_date_in_name(stem))
        collector.articles.append((where, article))


_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def _date_in_name(stem: str) -> dt.date | None:
    """A plain-text file has no metadata; a name like 2026-03-02-courier.txt still dates it."""
    match = _NAME_DATE.search(stem)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _split_title(text: str) -> tuple[str | None, str]:
    """(title, body): the first line is the title when it is short and more text follows."""
    lines = text.strip().split("\n")
    first = lines[0].strip()
    if len(lines) < 2 or not _is_title_line(first):
        return None, text.strip()
    body = "\n".join(lines[1:]).strip()
    following = lines[1].strip()
    if not following:
        return first, body
    # With no blank line between, a hard-wrapped paragraph's first line would pass as a title too;
    # so the next line must start a sentence and the title must be clearly shorter than it.
    starts_sentence = following[0].isupper() or following[0].isdigit() or following[0] in "\"'“‘"
    if starts_sentence and len(first) < 0.7 * len(following):
        return first, body
    return None, text.strip()


def _is_title_line(line: str) -> bool:
    words = line.split()
    ending = line.rstrip("\"'”’)")
    return (
        0 < len(words) <= 15
        and not ending.endswith((".", ",", ";", ":"))
        and any(c.isalpha() for c in line)
    )


def _read_html(text: str, where: str, stem: str, collector: _Collector) -> None:
    document = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False
    )
    extracted = getattr(document, "text", None) or ""
    paragraphs = [line.strip() for line in extracted.split("\n") if line.strip()]
    title = getattr(document, "title", None) or None
    # trafilatura repeats the page's <h1> headline as the first line of the text.
    if paragraphs and title and paragraphs[0].casefold() == title.strip().casefold():
        paragraphs = paragraphs[1:]
    if not paragraphs:
        collector.problem(where, "no article text found in the HTML",
                          "pass the article's own page, or save its text as a .txt file")
        return
    usable = _usable_text("\n\n".join(paragraphs), where, collector)
    if usable is None:
        return
    collector.articles.append((where, Article(
        id=stem, text=usable, title=title,
        source=getattr(document, "sitename", None) or getattr(document, "hostname", None),
        date=_date_field(getattr(document, "date", None), "date", where, collector),
        url=getattr(document, "url", None),
    )))


class _TextFromHTML(HTMLParser):
    """Visible text of an HTML fragment, one paragraph per block element."""

    _BLOCKS = frozenset(
        "p div br hr li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote pre table tr section article "
        "header footer aside figure figcaption".split()
    )
    _HIDDEN = frozenset("script style noscript template iframe svg object head".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._paragraphs: list[str] = []
        self._pieces: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden_depth += 1
        elif tag in self._BLOCKS:
            self._end_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in self._BLOCKS:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self._pieces.append(data)

    def _end_paragraph(self) -> None:
        paragraph = " ".join("".join(self._pieces).split())
        if paragraph:
            self._paragraphs.append(paragraph)
        self._pieces = []

    def text(self) -> str:
        self.close()
        self._end_paragraph()
        return "\n\n".join(self._paragraphs)


def _html_to_text(fragment: str) -> str:
    parser = _TextFromHTML()
    parser.feed(fragment)
    return parser.text()


# --- feeds -----------------------------------------------------------------------------------


def _read_feed(text: str, where: str, stem: str, collector: _Collector) -> None:
    # Bytes in a stream, never a str: feedparser fetches a str that looks like a URL or opens one
    # that names a file. We already decoded the text, so tell it the bytes are UTF-8.
    feed = feedparser.parse(
        io.BytesIO(text.encode("utf-8")),
        response_headers={"content-type": "application/xml; charset=utf-8"},
    )
    if not feed.entries:
        if feed.get("version"):
            collector.problem(where, "feed has no items",
                              "fetch the feed again when it lists articles, or pass the articles")
        else:
            reason = feed.get("bozo_exception")
            collector.problem(where, "not an RSS or Atom feed" + (f": {reason}" if reason else ""),
                              "check the file is a complete feed, or give it a .txt/.html name")
        return
    source = _detail_text(feed.feed.get("title_detail")) or None
    for number, entry in enumerate(feed.entries, start=1):
        entry_where = f"{where}: item {number}"
        content = _entry_text(entry)
        if content is None:
            collector.problem(entry_where, "item has no text (no content and no summary)",
                              "the feed lists only headlines; pass the articles themselves")
            continue
        usable = _usable_text(content, entry_where, collector)
        if usable is None:
            continue
        collector.articles.append((entry_where, Article(
            id=f"{stem}-{number}", text=usable,
            title=_detail_text(entry.get("title_detail")) or None, source=source,
            date=_entry_date(entry, entry_where, collector), url=entry.get("link") or None,
        )))


def _entry_text(entry: Any) -> str | None:
    """Full content when the feed carries it, else the summary/description."""
    contents = [c for c in entry.get("content") or () if (c.get("value") or "").strip()]
    if contents:
        return _detail_text(max(contents, key=lambda c: len(c["value"])))
    if (entry.get("summary") or "").strip():
        return _detail_text(entry.get("summary_detail") or {"value": entry.summary})
    return None


def _detail_text(detail: Any) -> str:
    """Text of a feedparser value, converting HTML unless it is marked as plain text."""
    if not detail:
        return ""
    value = detail.get("value") or ""
    if detail.get("type") == "text/plain":
        return value.strip()
    return _html_to_text(value)


def _entry_date(entry: Any, where: str, collector: _Collector) -> dt.date | None:
    for name in ("published", "updated"):
        written = entry.get(name)
        if not written:
            continue
        date = _parse_date(written)
        if date is None and entry.get(f"{name}_parsed"):  # feedparser knows more formats (in UTC)
            date = dt.date(*entry[f"{name}_parsed"][:3])
        if date is None:
            collector.warn(where, f'field "{name}" ({written!r}) is not a date; kept the article '
                           "without a date", _DATE_HINT)
        return date
    return None


# --- JSON and JSON Lines ---------------------------------------------------------------------


def _read_jsonl_file(path: Path, collector: _Collector) -> None:
    """Read line by line, so a large story collection never sits in memory whole."""
    where = str(path)
    try:
        with path.open("rb") as stream:
            if b"\x00" in stream.peek(8192)[:8192]:
                collector.problem(where, _NOT_TEXT, "pass articles as UTF-8 JSON, one per line")
                return
            lines = ((number, _decode(raw)) for number, raw in enumerate(stream, start=1))
            _read_json_lines(lines, where, path.stem, collector)
    except OSError as error:
        collector.problem(where, f"cannot read the file ({error.strerror})", "check its permissions")


def _read_json_lines(
    lines: Iterable[tuple[int, str | None]], where: str, stem: str, collector: _Collector
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


def _read_json_document(text: str, where: str, stem: str, size: int, collector: _Collector) -> None:
    """A .json holds an article, a story, or a list of either (or is JSON Lines after all)."""
    if _is_json_lines(text):
        _read_json_lines(enumerate(text.split("\n"), start=1), where, stem, collector)
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
                          "articles, not stories", _SPLIT_HINT)
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


def _read_record(value: object, where: str, default_id: str, collector: _Collector) -> None:
    if not isinstance(value, dict):
        collector.problem(where, f"expected a JSON object (an article or a story), found "
                          f"{_json_type(value)}", 'write each article as {"text": ...}')
    elif _is_story(value):
        _read_story(value, where, default_id, collector)
    else:
        article = _article_from_record(value, where, default_id, collector)
        if article is not None:
            collector.articles.append((where, article))


def _read_story(record: dict[str, Any], where: str, default_id: str, collector: _Collector) -> None:
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
        articles=_with_unique_ids(placed, collector),
        query=_query(record.get("query"), where, collector),
        references=_references(record.get("references"), where, collector),
    ))


def _article_from_record(
    record: dict[str, Any], where: str, default_id: str, collector: _Collector
) -> Article | None:
    text = record.get("text")
    if text is None:
        collector.problem(where, 'no "text" field', 'put the article text under "text"')
        return None
    if not isinstance(text, str):
        collector.problem(where, f'field "text" is {_json_type(text)}, not a string',
                          'put the article text under "text" as a string')
        return None
    usable = _usable_text(text, where, collector)
    if usable is None:
        return None
    return Article(
        id=_record_id(record, default_id, where, collector),
        text=usable,
        title=_optional_text(record, "title", where, collector),
        source=_optional_text(record, "source", where, collector),
        date=_date_field(record.get("date"), "date", where, collector),
        url=_optional_text(record, "url", where, collector),
    )


def _record_id(record: dict[str, Any], default_id: str, where: str, collector: _Collector) -> str:
    raw = record.get("id")
    if isinstance(raw, (str, int)) and not isinstance(raw, bool) and str(raw).strip():
        return str(raw).strip()
    if raw is not None:
        collector.warn(where, f'field "id" ({raw!r}) is not a usable id; using "{default_id}"',
                       "give ids as non-empty strings")
    return default_id


def _optional_text(record: dict[str, Any], name: str, where: str, collector: _Collector) -> str | None:
    value = record.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value.strip()
    collector.warn(where, f'field "{name}" is {_json_type(value)}, not a string; ignored',
                   f'give "{name}" as a string')
    return None


def _query(value: object, where: str, collector: _Collector) -> str | None:
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


def _references(value: object, where: str, collector: _Collector) -> tuple[str, ...]:
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


# --- articles: checks shared by every format -------------------------------------------------


def _usable_text(text: str, where: str, collector: _Collector) -> str | None:
    """An article's text, normalised, or None after recording why it cannot be summarized."""
    text = _normalise(text)
    if not text.strip():
        collector.problem(where, "article text is empty", "add the text or leave the article out")
        return None
    if len(text) > MAX_ARTICLE_CHARS:
        collector.problem(where, f"article text is {len(text):,} characters, over the limit of "
                          f"{MAX_ARTICLE_CHARS:,}", _SPLIT_HINT)
        return None
    if not looks_english(text):
        collector.problem(where, "does not look like English text; Storyline summarizes English news",
                          "leave it out or pass an English version")
        return None
    return text


def _with_unique_ids(placed: list[tuple[str, Article]], collector: _Collector) -> tuple[Article, ...]:
    """Articles with distinct ids (citations name articles by id); later clashes get a suffix."""
    used = {article.id for _, article in placed}
    seen: set[str] = set()
    unique = []
    for where, article in placed:
        if article.id in seen:
            number = 2
            while f"{article.id}-{number}" in used:
                number += 1
            new_id = f"{article.id}-{number}"
            collector.warn(where, f'article id "{article.id}" is already used; renamed "{new_id}"',
                           "give each article its own id")
            used.add(new_id)
            article = dataclasses.replace(article, id=new_id)
        seen.add(article.id)
        unique.append(article)
    return tuple(unique)


# Common English function words. English news runs at 30-45% of its words; French, Spanish, German
# or Italian news at 0-7%, because words they share with English ("a", "in", "die", "no", "i")
# are either rare in them or left out here.
_ENGLISH_FUNCTION_WORDS = frozenset("""
    the a an of and to in on at by for with from as is was are were be been has have had will would
    should could can may that this these those it its he she his her they their them we our you
    your said says not but or which who whom when where what after before about also than more
    there into over under between because while other some any such only if one two up out did
""".split())
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]|[^\W\d_]+")


def looks_english(text: str) -> bool:
    """Whether at least 8% of the words are common English function words (judged from 20 words).

    Each CJK, kana or Thai character counts as a word: those scripts do not separate words.
    """
    words = _WORD.findall(text.lower())
    if len(words) < 20:
        return True
    return sum(word in _ENGLISH_FUNCTION_WORDS for word in words) >= 0.08 * len(words)


# --- dates -----------------------------------------------------------------------------------


def _date_field(value: object, name: str, where: str, collector: _Collector) -> dt.date | None:
    """A date field's date, or None with a warning when it is present but not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    date = _parse_date(value) if isinstance(value, str) else None
    if date is None:
        collector.warn(where, f'field "{name}" ({value!r}) is not a date; kept the article '
                       "without a date", _DATE_HINT)
    return date


def _parse_date(written: str) -> dt.date | None:
    """The calendar date as written: ISO 8601 date or date-time, or RFC 2822 (no UTC shift)."""
    written = written.strip()
    try:
        return dt.datetime.fromisoformat(written).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(written).date()
    except (TypeError, ValueError, IndexError):
        return None
