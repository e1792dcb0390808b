"""Read plain-text and HTML articles: the title split off a text file's first line, its date from
the file name, and an HTML page's text and metadata through trafilatura.

Called by `files` once it knows a file or stdin holds text or HTML; sits on `collect` and `dates`.
"""

from __future__ import annotations

import datetime as dt
import re

import trafilatura

from storyline.ingest.collect import Collector, usable_text
from storyline.ingest.dates import date_field
from storyline.types import Article


def read_plain_text(text: str, where: str, stem: str, collector: Collector) -> None:
    title, body = _split_title(text)
    usable = usable_text(body, where, collector)
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


def read_html(text: str, where: str, stem: str, collector: Collector) -> None:
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
    usable = usable_text("\n\n".join(paragraphs), where, collector)
    if usable is None:
        return
    collector.articles.append((where, Article(
        id=stem, text=usable, title=title,
        source=getattr(document, "sitename", None) or getattr(document, "hostname", None),
        date=date_field(getattr(document, "date", None), "date", where, collector),
        url=getattr(document, "url", None),
    )))
