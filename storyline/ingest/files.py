"""Read paths, folders and stdin: walk folders, read bytes within the size limits, decode them,
and tell by extension or by sniffing which reader (`text`, `feeds`, `records`) gets the text.

The entry point of `storyline.ingest` (`read_inputs`, `read_path`); it imports every reader.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from storyline.ingest.collect import (
    MAX_FILE_BYTES,
    MAX_JSON_BYTES,
    SPLIT_HINT,
    STDIN_WHERE,
    Collector,
    Ingested,
    normalise,
)
from storyline.ingest.feeds import read_feed
from storyline.ingest.records import read_json_document, read_json_lines
from storyline.ingest.text import read_html, read_plain_text

ARTICLE_EXTENSIONS = (".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".xml", ".rss", ".atom")

_KIND_BY_EXTENSION = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".json": "json",
    ".jsonl": "jsonl", ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
_NOT_TEXT = "not a text file: binary data, or an encoding other than UTF-8"


def read_inputs(
    paths: Sequence[str | os.PathLike[str]], *, stdin: TextIO | BinaryIO | None = None
) -> Ingested:
    """Read every path (a file, a folder, or "-" for `stdin`) in order; never raises for bad input.

    Loose articles get ids unique across all inputs (a clash is renamed and warned about), so the
    caller can group them into one story.
    """
    collector = Collector()
    for path in paths:
        if isinstance(path, str) and path == "-":
            _read_stdin(stdin if stdin is not None else sys.stdin, collector)
        else:
            _read_path(Path(path), collector)
    return collector.result()


def read_path(path: str | os.PathLike[str]) -> Ingested:
    """Read one file or folder (folders recursively, hidden files skipped, sorted by path)."""
    return read_inputs([Path(path)])


def _read_path(path: Path, collector: Collector) -> None:
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


def _article_files(folder: Path, collector: Collector) -> list[Path]:
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


def _read_file(path: Path, collector: Collector) -> None:
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


def _read_jsonl_file(path: Path, collector: Collector) -> None:
    """Read line by line, so a large story collection never sits in memory whole."""
    where = str(path)
    try:
        with path.open("rb") as stream:
            if b"\x00" in stream.peek(8192)[:8192]:
                collector.problem(where, _NOT_TEXT, "pass articles as UTF-8 JSON, one per line")
                return
            lines = ((number, _decode(raw)) for number, raw in enumerate(stream, start=1))
            read_json_lines(lines, where, path.stem, collector)
    except OSError as error:
        collector.problem(where, f"cannot read the file ({error.strerror})", "check its permissions")


def _read_stdin(stream: TextIO | BinaryIO, collector: Collector) -> None:
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


def _too_big_hint(kind: str | None) -> str:
    if kind in ("text", "html", "feed"):
        return SPLIT_HINT
    return "put stories one per line in a .jsonl file, or " + SPLIT_HINT


def _read_content(
    text: str, where: str, stem: str, kind: str | None, size: int, collector: Collector
) -> None:
    text = normalise(text)
    if not text.strip():
        collector.problem(where, "file is empty" if where != STDIN_WHERE else "input is empty",
                          "add the article text or leave it out")
        return
    if kind is None:
        kind = _sniff(text)
    elif kind in ("text", "html") and _looks_like_feed(text):
        kind = "feed"
    if kind in ("text", "html", "feed") and size > MAX_FILE_BYTES:
        collector.problem(where, f"input is larger than {MAX_FILE_BYTES // 2**20} MB", SPLIT_HINT)
    elif kind == "text":
        read_plain_text(text, where, stem, collector)
    elif kind == "html":
        read_html(text, where, stem, collector)
    elif kind == "feed":
        read_feed(text, where, stem, collector)
    else:
        read_json_document(text, where, stem, size, collector)


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

