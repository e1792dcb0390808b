"""Render an analysis: quotes by speaker, entities, timeline and agreement, in every format.

Articles are numbered in reading order as in the summary, so `summarize --analysis` shows
one source list for both. JSON follows `storyline/schema/analysis.schema.json`.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from typing import Any

from .errors import UsageError
from .render import FORMATS, describe_article, flat, md_escape
from .types import Citation, Quote, StoryAnalysis

SCHEMA_ID = "https://storyline.invalid/schema/analysis/1"


def render_analysis(analysis: StoryAnalysis, fmt: str = "text", *, with_sources: bool = True) -> str:
    """The analysis in one of FORMATS (`with_sources=False` leaves out the source list)."""
    if fmt == "json":
        return json.dumps(analysis_to_dict(analysis), ensure_ascii=False)
    if fmt not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    sections = _sections(analysis)
    numbers = _numbers(analysis)
    if fmt == "html":
        return _html(analysis, sections, numbers, with_sources)
    markdown = fmt == "markdown"
    lines: list[str] = []
    for title, items in sections:
        lines += [("### " if markdown else "") + title, ""]
        if not items:
            lines += ["(none found)", ""]
            continue
        for text, cites, depth in items:
            body = md_escape(text) if markdown else text
            marks = _marks(cites, numbers)
            bullet = "  " * depth + ("- " if markdown else ("  " if depth else ""))
            lines.append(f"{bullet}{body}{' ' + marks if marks else ''}")
        lines.append("")
    if with_sources:
        lines += [("### " if markdown else "") + "Sources", ""]
        lines += [f"[{numbers[a.id]}] {describe_article(a)}" for a in analysis.articles]
    return "\n".join(lines).rstrip() + "\n"


def analysis_to_dict(analysis: StoryAnalysis) -> dict[str, Any]:
    """The JSON form of an analysis (see the schema file for every field)."""
    numbers = _numbers(analysis)
    return {
        "$schema": SCHEMA_ID,
        "story_id": analysis.story_id,
        "quotes": [_quote_dict(q) for q in analysis.quotes],
        "entities": [
            {"name": e.name, "kind": e.kind, "aliases": list(e.aliases), "mentions": e.mentions,
             "sources": e.sources, "roles": list(e.roles),
             "citations": [_cite(c) for c in e.citations]}
            for e in analysis.entities
        ],
        "dates": [
            {"expression": d.expression, "date": d.date.isoformat(), "precision": d.precision,
             "citation": _cite(d.citation)}
            for d in analysis.dates
        ],
        "events": [
            {"date": e.date.isoformat(), "precision": e.precision, "text": e.text,
             "expressions": list(e.expressions), "citations": [_cite(c) for c in e.citations]}
            for e in analysis.events
        ],
        "claims": [
            {"text": c.text, "independent_sources": c.independent_sources,
             "single_source": c.is_single_source, "citations": [_cite(x) for x in c.citations]}
            for c in analysis.claims
        ],
        "numeric_conflicts": [
            {"subject": n.subject,
             "values": [{"value": v.value, "text": v.text, "citation": _cite(v.citation)}
                        for v in n.values]}
            for n in analysis.numeric_conflicts
        ],
        "opposing_quotes": [
            {"subject": o.subject, "one_side": [_quote_dict(q) for q in o.one_side],
             "other_side": [_quote_dict(q) for q in o.other_side]}
            for o in analysis.opposing_quotes
        ],
        "articles": [
            {"number": numbers[a.id], "id": a.id, "title": a.title, "source": a.source,
             "date": a.date.isoformat() if a.date else None, "url": a.url}
            for a in analysis.articles
        ],
    }


Item = tuple[str, tuple[Citation, ...], int]  # text, citations, indent depth


def _sections(analysis: StoryAnalysis) -> list[tuple[str, list[Item]]]:
    return [
        ("Quotes by speaker", _quote_items(analysis)),
        ("People, organisations and places", [
            (f"{e.name} ({e.kind}{', ' + '; '.join(e.roles) if e.roles else ''}): "
             f"{e.mentions} mention{'s' if e.mentions != 1 else ''} in {e.sources} "
             f"source{'s' if e.sources != 1 else ''}"
             + (f"; also {', '.join(e.aliases)}" if e.aliases else ""), (), 0)
            for e in analysis.entities
        ]),
        ("Timeline", [
            (f"{_when(e.date.isoformat(), e.precision)}  {flat(e.text)}", e.citations, 0)
            for e in analysis.events
        ]),
        ("Agreement", [
            (f"[{c.independent_sources} independent source{'s' if c.independent_sources != 1 else ''}"
             f"{' — single source' if c.is_single_source else ''}] {flat(c.text)}", c.citations, 0)
            for c in analysis.claims
        ]),
        ("Numbers that differ", [
            item for n in analysis.numeric_conflicts for item in
            [(f"{n.subject}:", (), 0)] + [(f"{flat(v.text)}", (v.citation,), 1) for v in n.values]
        ]),
        ("Opposing quotes", [
            item for o in analysis.opposing_quotes for item in
            [(f"{o.subject}:", (), 0)]
            + [(f"{q.speaker}: “{flat(q.text)}”", (q.citation, *q.also_in), 1) for q in o.one_side]
            + [("versus", (), 1)]
            + [(f"{q.speaker}: “{flat(q.text)}”", (q.citation, *q.also_in), 1)
               for q in o.other_side]
        ]),
    ]


def _quote_items(analysis: StoryAnalysis) -> list[Item]:
    by_speaker: dict[str | None, list[Quote]] = defaultdict(list)
    for quote in analysis.quotes:
        by_speaker[quote.speaker].append(quote)
    roles = {e.name: e.roles for e in analysis.entities}
    items: list[Item] = []
    speakers = sorted((s for s in by_speaker if s), key=lambda s: (-len(by_speaker[s]), s))
    for speaker in [*speakers, None]:
        if speaker not in by_speaker:
            continue
        role = "; ".join(roles.get(speaker, ())) if speaker else ""
        items.append((f"{speaker or 'Unattributed'}{' (' + role + ')' if role else ''}", (), 0))
        for q in by_speaker[speaker]:
            prefix = "partial: " if q.is_partial else ""
            items.append((f"{prefix}“{flat(q.text)}”", (q.citation, *q.also_in), 1))
    return items


def _when(iso: str, precision: str) -> str:
    if precision == "month":
        return iso[:7] + "   "
    if precision == "year":
        return iso[:4] + "      "
    if precision == "week":
        return f"week of {iso}"
    return iso


def _numbers(analysis: StoryAnalysis) -> dict[str, int]:
    return {a.id: n for n, a in enumerate(analysis.articles, start=1)}


def _marks(citations: tuple[Citation, ...], numbers: dict[str, int]) -> str:
    seen: list[int] = []
    for c in citations:
        if numbers[c.article_id] not in seen:
            seen.append(numbers[c.article_id])
    return "".join(f"[{n}]" for n in seen)


def _cite(c: Citation) -> dict[str, Any]:
    return {"article_id": c.article_id, "start": c.start, "end": c.end}


def _quote_dict(q: Quote) -> dict[str, Any]:
    return {"text": q.text, "speaker": q.speaker, "speaker_role": q.speaker_role,
            "partial": q.is_partial, "citation": _cite(q.citation),
            "also_in": [_cite(c) for c in q.also_in]}


def _html(analysis: StoryAnalysis, sections: list[tuple[str, list[Item]]],
          numbers: dict[str, int], with_sources: bool) -> str:
    esc = html.escape
    parts = []
    for title, items in sections:
        parts.append(f"<h2>{esc(title)}</h2>")
        if not items:
            parts.append("<p class=\"none\">(none found)</p>")
            continue
        parts.append("<ul>")
        for text, cites, depth in items:
            marks = "".join(f'<a class="cite" href="#source-{n}">[{n}]</a>'
                            for n in dict.fromkeys(numbers[c.article_id] for c in cites))
            parts.append(f'<li class="depth-{depth}">{esc(text)} {marks}</li>')
        parts.append("</ul>")
    if with_sources:
        parts.append("<h2>Sources</h2><ol class=\"sources\">")
        parts += [f'<li id="source-{numbers[a.id]}">{esc(describe_article(a))}</li>'
                  for a in analysis.articles]
        parts.append("</ol>")
    section = "<section class=\"analysis\">" + "".join(parts) + "</section>"
    if not with_sources:  # embedded in the summary's page
        return section
    title = f"Analysis of {analysis.story_id}" if analysis.story_id else "Story analysis"
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{esc(title)}</title><style>body{{font:17px/1.55 Georgia,serif;max-width:46rem;"
        "margin:2rem auto;padding:0 1rem;color:#222}li{margin:.3rem 0}.depth-1{margin-left:"
        "1.5rem;list-style:circle}.cite{font:12px sans-serif;text-decoration:none}</style>"
        f"</head><body><h1>{esc(title)}</h1>{section}</body></html>\n"
    )
