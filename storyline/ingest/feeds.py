"""Read RSS and Atom feeds through feedparser: one article per item, its full content or else its
summary, with HTML fragments turned into plain paragraphs.

Called by `files` once it knows a file or stdin holds a feed; sits on `collect` and `dates`.
"""

from __future__ import annotations

import datetime as dt
import io
from html.parser import HTMLParser
from typing import Any

import feedparser  # type: ignore[import-untyped]

from storyline.ingest.collect import Collector, usable_text
from storyline.ingest.dates import DATE_HINT, date_field, parse_date
from storyline.types import Article


def read_feed(text: str, where: str, stem: str, collector: Collector) -> None:
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
        usable = usable_text(content, entry_where, collector)
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


def _entry_date(entry: Any, where: str, collector: Collector) -> dt.date | None:
    for name in ("published", "updated"):
        written = entry.get(name)
        if not written:
            continue
        date = parse_date(written)
        if date is None and entry.get(f"{name}_parsed"):  # feedparser knows more formats (in UTC)
            date = dt.date(*entry[f"{name}_parsed"][:3])
        if date is None:
            collector.warn(where, f'field "{name}" ({written!r}) is not a date; kept the article '
                           "without a date", DATE_HINT)
        return date
    return None


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
