"""Render: turn a Summary into text, Markdown, JSON or a standalone HTML page.

The last stage of the pipeline. Text and Markdown mark each sentence with the numbers of the
articles that say it ([1][3]) above a numbered source list; JSON follows
`storyline/schema/summary.schema.json`; HTML is one self-contained page.
"""

from __future__ import annotations

import html
import json
from typing import Any

from .errors import UsageError
from .types import Article, StoryAnalysis, Summary

FORMATS = ("text", "markdown", "json", "html")
SCHEMA_ID = "https://storyline.invalid/schema/summary/1"


def render(summary: Summary, fmt: str = "text", analysis: StoryAnalysis | None = None) -> str:
    """The summary in one of FORMATS, followed by its story's analysis when given."""
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if analysis is not None:
        from .render_analysis import analysis_to_dict, render_analysis

        if fmt == "json":
            return json.dumps({**to_dict(summary), "analysis": analysis_to_dict(analysis)},
                              ensure_ascii=False)
        if fmt == "html":
            return to_html(summary, render_analysis(analysis, "html", with_sources=False))
        return render(summary, fmt) + "\n" + render_analysis(analysis, fmt, with_sources=False)
    if fmt == "text":
        return to_text(summary)
    if fmt == "markdown":
        return to_markdown(summary)
    if fmt == "json":
        return json.dumps(to_dict(summary), ensure_ascii=False)
    return to_html(summary)


def to_dict(summary: Summary) -> dict[str, Any]:
    """The JSON form of a summary (see the schema file for every field)."""
    number = _source_numbers(summary)
    return {
        "$schema": SCHEMA_ID,
        "story_id": summary.story_id,
        "query": summary.query,
        "method": {"name": summary.method, "parameters": summary.parameters},
        "word_count": summary.word_count,
        "sentences": [
            {
                "text": s.text,
                "sources": [number[c.article_id] for c in s.citations],
                "citations": [
                    {"article_id": c.article_id, "start": c.start, "end": c.end}
                    for c in s.citations
                ],
            }
            for s in summary.sentences
        ],
        "articles": [
            {
                "number": number[a.id],
                "id": a.id,
                "title": a.title,
                "source": a.source,
                "date": a.date.isoformat() if a.date else None,
                "url": a.url,
            }
            for a in summary.articles
        ],
    }


def to_text(summary: Summary) -> str:
    number = _source_numbers(summary)
    lines = [_heading(summary), ""]
    for s in summary.sentences:
        lines.append(flat(s.text) + " " + "".join(f"[{number[c.article_id]}]" for c in s.citations))
    lines += ["", "Sources"]
    lines += [f"[{number[a.id]}] {describe_article(a)}" for a in summary.articles]
    return "\n".join(lines) + "\n"


def to_markdown(summary: Summary) -> str:
    number = _source_numbers(summary)
    lines = [f"## {md_escape(_heading(summary))}", ""]
    for s in summary.sentences:
        marks = "".join(f"[\\[{number[c.article_id]}\\]](#source-{number[c.article_id]})"
                        for c in s.citations)
        lines.append(f"- {md_escape(flat(s.text))} {marks}")
    lines += ["", "### Sources", ""]
    for a in summary.articles:
        n = number[a.id]
        described = md_escape(describe_article(a))
        if a.url:
            described += f" <{a.url}>"
        lines.append(f"{n}. <a id=\"source-{n}\"></a>{described}")
    return "\n".join(lines) + "\n"


def to_html(summary: Summary, extra: str = "") -> str:
    """A standalone page; `extra` (HTML) goes between the summary and the sources."""
    number = _source_numbers(summary)
    esc = html.escape
    items = []
    for s in summary.sentences:
        marks = "".join(
            f'<a class="cite" href="#source-{number[c.article_id]}" '
            f'title="{esc(c.article_id)}, characters {c.start}–{c.end}">[{number[c.article_id]}]</a>'
            for c in s.citations
        )
        items.append(f"<li>{esc(flat(s.text))} {marks}</li>")
    sources = []
    for a in summary.articles:
        n = number[a.id]
        text = esc(describe_article(a))
        if a.url:
            text = f'<a href="{esc(a.url)}">{text}</a>'
        sources.append(f'<li id="source-{n}" value="{n}">{text}</li>')
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{esc(_heading(summary))}</title>"
        "<style>body{font:17px/1.55 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;"
        "color:#222}h1{font-size:1.3rem}li{margin:.5rem 0}.cite{font:12px sans-serif;"
        "text-decoration:none;margin-left:2px}.sources{font-size:14px;color:#555}</style>"
        f"</head><body><h1>{esc(_heading(summary))}</h1><ul class=\"summary\">{''.join(items)}</ul>"
        f"{extra}<h2>Sources</h2><ol class=\"sources\">{''.join(sources)}</ol></body></html>\n"
    )


def flat(text: str) -> str:
    """A sentence on one line: hard-wrapped sources keep their line breaks in the span."""
    return " ".join(text.split())


def _source_numbers(summary: Summary) -> dict[str, int]:
    return {a.id: n for n, a in enumerate(summary.articles, start=1)}


def _heading(summary: Summary) -> str:
    what = f"Summary of {summary.story_id}" if summary.story_id else "Summary"
    count = len(summary.articles)
    return (f"{what} ({count} article{'s' if count != 1 else ''}, "
            f"{summary.word_count} words, method {summary.method})")


def describe_article(article: Article) -> str:
    parts = [article.source or "unknown outlet"]
    if article.date:
        parts.append(article.date.isoformat())
    if article.title:
        parts.append(f"“{article.title}”")
    return ", ".join(parts) + f" ({article.id})"


def md_escape(text: str) -> str:
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text
