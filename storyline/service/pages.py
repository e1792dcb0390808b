"""Server-rendered HTML: the story list (`/`) and a story's page (`/stories/{id}`).

One self-contained page each: inline CSS, a few lines of plain JavaScript, an inline SVG
timeline; no CDN and no build step, so it works offline. Every piece of article text or
metadata goes through `html.escape`, and links only ever point at http(s) URLs.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from storyline.service.library import StoryView
from storyline.stories import StoryListing
from storyline.types import Article, Citation, Claim, Entity, Event, Quote

_CSS = """
:root{--ink:#1f2328;--muted:#5f6b76;--line:#d8dee4;--accent:#0b5cad;--paper:#fffdf8}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:18px/1.6 Georgia,'Times New Roman',serif}
header.top{border-bottom:1px solid var(--line);padding:.8rem 1rem;font:600 15px system-ui,sans-serif}
header.top a{color:var(--ink);text-decoration:none}
main{max-width:46rem;margin:0 auto;padding:1rem 1rem 4rem}
h1{font-size:1.9rem;line-height:1.2;margin:1.2rem 0 .4rem}
h2{font:600 1rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;
   color:var(--muted);margin:2.2rem 0 .6rem;border-top:1px solid var(--line);padding-top:1rem}
.meta{color:var(--muted);font:14px system-ui,sans-serif}
.summary .sentence{margin:0 0 .8rem}
details.cite{display:inline}
details.cite>summary{display:inline;cursor:pointer;list-style:none;color:var(--accent);
   font:600 12px system-ui,sans-serif;vertical-align:super;padding:0 .1rem}
details.cite>summary::-webkit-details-marker{display:none}
details.cite[open]>summary{background:#e7f0fa;border-radius:3px}
details.cite .source-sentence{display:block;margin:.4rem 0 .8rem;padding:.6rem .8rem;
   border-left:3px solid var(--accent);background:#f3f6f9;font-size:.95rem}
.source-sentence cite{display:block;font:13px system-ui,sans-serif;color:var(--muted);
   font-style:normal;margin-top:.3rem}
.speaker{margin:1.2rem 0 .3rem;font:bold 1.05rem Georgia,'Times New Roman',serif}
.role{font-weight:normal;color:var(--muted)}
blockquote.quote{margin:.2rem 0 .6rem 1rem;font-style:italic}
.chips{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;list-style:none}
a.chip{display:inline-block;padding:.15rem .6rem;border:1px solid var(--line);border-radius:1rem;
   font:14px system-ui,sans-serif;color:var(--ink);text-decoration:none;background:#fff}
a.chip:hover{border-color:var(--accent)}
a.chip.person{border-left:4px solid #b5651d}a.chip.organization{border-left:4px solid #2d7d46}
a.chip.place{border-left:4px solid #6f42c1}
svg.timeline{width:100%;height:auto;font:12px system-ui,sans-serif;fill:var(--muted);
   background:#fff;border:1px solid var(--line);border-radius:6px;margin:.4rem 0 1rem}
svg.timeline .axis{stroke:#8a949e;stroke-width:1.5}
svg.timeline .gap{font-weight:bold;fill:#8a949e}
svg.timeline .year{font-weight:600}
svg.timeline a.dot circle{fill:var(--accent);stroke:#fff;stroke-width:1.5}
svg.timeline a.dot:hover circle,svg.timeline a.dot:focus circle{fill:#d9730d}
ol.events{padding-left:1.4rem}ol.events li{margin:.5rem 0;padding:.1rem .3rem;border-radius:4px}
ol.events li:target{background:#fff1c9}
details.more>summary{cursor:pointer;font:14px system-ui,sans-serif;color:var(--accent)}
.when{font:600 14px system-ui,sans-serif;color:var(--muted);margin-right:.4rem}
ol.sources li{margin:.3rem 0}
.stories{list-style:none;padding:0}
.stories>li{padding:1rem 0;border-bottom:1px solid var(--line)}
.stories a.headline{font-size:1.25rem;color:var(--ink);text-decoration:none}
.stories a.headline:hover{text-decoration:underline}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem;font:14px system-ui,sans-serif;margin:1rem 0}
form.filters input{font:inherit;padding:.3rem .4rem}
.pager{display:flex;justify-content:space-between;font:14px system-ui,sans-serif;margin-top:1rem}
.none{color:var(--muted);font-style:italic}
"""

# Opening one citation closes the others; Escape closes them all. Works without it too.
_JS = """
document.addEventListener('toggle', function (e) {
  var d = e.target;
  if (!d.classList || !d.classList.contains('cite') || !d.open) return;
  document.querySelectorAll('details.cite[open]').forEach(function (o) { if (o !== d) o.open = false; });
}, true);
document.addEventListener('keydown', function (e) {
  if (e.key === 'Escape') document.querySelectorAll('details.cite[open]').forEach(function (o) { o.open = false; });
});
"""


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _page(title: str, body: str) -> str:
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>"
            "<header class=\"top\"><a href=\"/\">Storyline</a></header>"
            f"<main>{body}</main><script>{_JS}</script></body></html>\n")


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links: a `javascript:` URL in an article's metadata must not become one."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _dates(first: dt.date | None, last: dt.date | None) -> str:
    if first is None:
        return "undated"
    if last is None or last == first:
        return first.strftime("%-d %B %Y")
    return f"{first.strftime('%-d %B %Y')} – {last.strftime('%-d %B %Y')}"


def _list_url(**params: str | int | None) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return "/" + ("?" + urlencode(kept) if kept else "")


# -- the story list --------------------------------------------------------------------------

def story_list(listings: Sequence[StoryListing], total: int, *, page: int, per_page: int,
               filters: Mapping[str, str | None]) -> str:
    q, source = filters.get("q") or "", filters.get("source") or ""
    since, until = filters.get("since") or "", filters.get("until") or ""
    parts = ["<h1>Stories</h1>",
             "<form class=\"filters\" method=\"get\" action=\"/\">"
             f"<input name=\"q\" placeholder=\"person, place, word\" value=\"{esc(q)}\">"
             f"<input name=\"source\" placeholder=\"outlet\" value=\"{esc(source)}\">"
             f"<label>from <input type=\"date\" name=\"since\" value=\"{esc(since)}\"></label>"
             f"<label>to <input type=\"date\" name=\"until\" value=\"{esc(until)}\"></label>"
             "<button>Filter</button>"
             + (" <a href=\"/\">clear</a>" if any(filters.values()) else "") + "</form>"]
    shown = f"{total} stor{'y' if total == 1 else 'ies'}"
    if q:
        shown += f" mentioning “{esc(q)}”"
    if source:
        shown += f" from {esc(source)}"
    parts.append(f"<p class=\"meta\">{shown}</p>")
    if not listings:
        parts.append("<p class=\"none\">No stories yet. POST articles to /articles "
                     "(see <a href=\"/docs\">the API docs</a>).</p>" if not any(filters.values())
                     else "<p class=\"none\">No story matches.</p>")
    parts.append("<ul class=\"stories\">")
    for s in listings:
        terms = "".join(f"<li><a class=\"chip\" href=\"{esc(_list_url(q=t))}\">{esc(t)}</a></li>"
                        for t in s.top_terms)
        outlets = ", ".join(s.sources[:4]) + (f" and {len(s.sources) - 4} more"
                                              if len(s.sources) > 4 else "")
        parts.append(
            f"<li><a class=\"headline\" href=\"/stories/{s.id}\">{esc(s.headline)}</a>"
            f"<div class=\"meta\">{esc(_dates(s.first_date, s.last_date))} · "
            f"{s.article_count} article{'s' * (s.article_count != 1)}"
            f"{' · ' + esc(outlets) if outlets else ''}</div>"
            f"<ul class=\"chips\">{terms}</ul></li>")
    parts.append("</ul>")
    pager = []
    base = {k: v for k, v in filters.items() if v}
    if page > 1:
        pager.append(f"<a href=\"{esc(_list_url(**base, page=page - 1))}\">← newer</a>")
    if page * per_page < total:
        pager.append(f"<a href=\"{esc(_list_url(**base, page=page + 1))}\">older →</a>")
    if pager:
        parts.append("<nav class=\"pager\">" + "".join(pager) + "</nav>")
    return _page("Storyline — stories", "".join(parts))


def not_found(story_id: int) -> str:
    return _page("No such story", f"<h1>No such story</h1><p>There is no story {story_id}. "
                 "<a href=\"/\">See all stories</a>.</p>")


def api_docs(schema: Mapping[str, Any]) -> str:
    """A plain page listing the API from its OpenAPI schema (when Swagger UI is not installed)."""
    parts = [f"<h1>{esc(schema.get('info', {}).get('title', 'API'))} API</h1>"
             "<p>The full description: <a href=\"/openapi.json\">/openapi.json</a>.</p>"]
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            summary = operation.get("summary") or ""
            parts.append(f"<h2><code>{esc(method.upper())} {esc(path)}</code> {esc(summary)}</h2>")
            if operation.get("description"):
                parts.append(f"<p>{esc(operation['description'])}</p>")
            params = [f"<li><code>{esc(p.get('name'))}</code> ({esc(p.get('in'))}"
                      f"{', required' if p.get('required') else ''})"
                      f"{': ' + esc(p['description']) if p.get('description') else ''}</li>"
                      for p in operation.get("parameters", [])]
            body = operation.get("requestBody", {}).get("content", {})
            if body:
                params.append(f"<li>body: {esc(', '.join(body))}</li>")
            if params:
                parts.append("<ul>" + "".join(params) + "</ul>")
    return _page("API docs", "".join(parts))


# -- a story ---------------------------------------------------------------------------------

class _Citer:
    """Citation markers: a number per article, and a <details> that shows the cited sentence
    with its outlet and date (a title attribute shows the same on hover)."""

    def __init__(self, view: StoryView) -> None:
        self.articles = {a.id: a for a in view.articles}
        order = [a.id for a in view.summary.articles]
        order += [a.id for a in view.articles if a.id not in order]
        self.numbers = {article_id: n for n, article_id in enumerate(order, 1)}

    def marks(self, citations: Sequence[Citation]) -> str:
        seen: dict[int, Citation] = {}
        for c in citations:
            number = self.numbers.get(c.article_id)
            if number is not None and number not in seen:
                seen[number] = c
        return "".join(self.mark(n, c) for n, c in seen.items())

    def mark(self, number: int, citation: Citation) -> str:
        article = self.articles.get(citation.article_id)
        if article is None:
            return ""
        sentence = " ".join(article.text[citation.start : citation.end].split())
        outlet = article.source or article.id
        when = article.date.strftime("%-d %B %Y") if article.date else "undated"
        hover = f"{outlet}, {when}: {sentence}"
        return (f"<details class=\"cite\"><summary title=\"{esc(hover)}\">[{number}]</summary>"
                f"<span class=\"source-sentence\">{esc(sentence)}"
                f"<cite>{esc(outlet)} · {esc(when)}"
                f"{' · ' + esc(article.title) if article.title else ''}"
                f" · <a href=\"#source-{number}\">source {number}</a></cite></span></details>")


def story_page(view: StoryView) -> str:
    s = view.listing
    citer = _Citer(view)
    parts = [f"<h1>{esc(s.headline)}</h1>",
             f"<p class=\"meta\">{esc(_dates(s.first_date, s.last_date))} · {s.article_count} "
             f"article{'s' * (s.article_count != 1)} from {len(s.sources)} "
             f"source{'s' * (len(s.sources) != 1)}</p>",
             "<h2>Summary</h2><section class=\"summary\">"]
    if not view.summary.sentences:
        parts.append("<p class=\"none\">No sentence of these articles reads well alone.</p>")
    for sentence in view.summary.sentences:
        parts.append(f"<div class=\"sentence\">{esc(sentence.text)} "
                     f"{citer.marks(sentence.citations)}</div>")
    parts.append("</section>")
    analysis = view.analysis
    if analysis is not None:
        parts += _quotes(analysis.quotes, citer)
        parts += _timeline(analysis.events, citer)
        parts += _entities(analysis.entities)
        parts += _claims(analysis.claims, citer)
    parts.append("<h2>Sources</h2><ol class=\"sources\">")
    for article in sorted(view.articles, key=lambda a: citer.numbers[a.id]):
        parts.append(_source_item(article, citer.numbers[article.id],
                                  article.id in s.near_duplicates))
    parts.append("</ol>")
    return _page(s.headline, "".join(parts))


_NEAR_COPY = " <span class=\"meta\">(near copy of another source)</span>"


def _source_item(article: Article, number: int, is_near_copy: bool) -> str:
    title = esc(article.title or article.id)
    url = _safe_url(article.url)
    linked = f"<a href=\"{esc(url)}\" rel=\"noopener noreferrer\">{title}</a>" if url else title
    when = article.date.isoformat() if article.date else "undated"
    return (f"<li id=\"source-{number}\" value=\"{number}\"><strong>{esc(article.source or 'unknown outlet')}"
            f"</strong>, {esc(when)}: {linked}"
            f"{_NEAR_COPY if is_near_copy else ''}"
            "</li>")


def _quotes(quotes: Sequence[Quote], citer: _Citer) -> list[str]:
    by_speaker: dict[str | None, list[Quote]] = {}
    roles: dict[str | None, str] = {}
    for quote in quotes:
        by_speaker.setdefault(quote.speaker, []).append(quote)
        if quote.speaker_role and quote.speaker not in roles:
            roles[quote.speaker] = quote.speaker_role
    parts = ["<h2>Quotes by speaker</h2>"]
    if not by_speaker:
        return parts + ["<p class=\"none\">No direct quotations.</p>"]
    order = sorted(by_speaker, key=lambda k: (k is None, -len(by_speaker[k]), k or ""))
    for speaker in order:
        role = roles.get(speaker)
        name = esc(speaker) if speaker else "Unattributed"
        role_note = f" <span class=\"role\">{esc(role)}</span>" if role else ""
        parts.append(f"<section class=\"speaker-quotes\"><h3 class=\"speaker\">{name}{role_note}"
                     f"</h3>")
        for q in by_speaker[speaker]:
            partial = " <span class=\"meta\">(partial)</span>" if q.is_partial else ""
            parts.append(f"<blockquote class=\"quote\">“{esc(' '.join(q.text.split()))}”{partial} "
                         f"{citer.marks((q.citation, *q.also_in))}</blockquote>")
        parts.append("</section>")
    return parts


def _timeline(events: Sequence[Event], citer: _Citer) -> list[str]:
    parts = ["<h2>Timeline</h2>"]
    if not events:
        return parts + ["<p class=\"none\">No dated events.</p>"]
    dated = sorted(events, key=lambda e: e.date)
    parts.append(_timeline_chart(dated))
    parts.append("<ol class=\"events\">")
    for number, event in enumerate(dated, 1):
        parts.append(f"<li id=\"event-{number}\"><span class=\"when\">"
                     f"{esc(_when(event.date, event.precision))}</span>"
                     f"{esc(' '.join(event.text.split()))} {citer.marks(event.citations)}</li>")
    parts.append("</ol>")
    return parts


_CHART_WIDTH, _CHART_MARGIN, _CHART_STACK = 720, 36, 8  # at most 8 dots drawn per date
_LONG_GAP_DAYS = 21  # a longer gap between two dates is drawn short, with a break mark
_BROKEN_GAP = 3  # how many days' width such a gap takes


def _timeline_chart(dated: Sequence[Event]) -> str:
    """An SVG chart: one column per date on a time axis, a dot per event stacked in it, each
    dot linking to its event below. Gaps over three weeks are drawn short (marked //) so a
    story of a few days keeps its detail when one sentence recalls an event years before."""
    days = sorted({e.date for e in dated})
    steps = [(b - a).days if (b - a).days <= _LONG_GAP_DAYS else _BROKEN_GAP
             for a, b in zip(days, days[1:])]
    total = sum(steps) or 1
    usable = _CHART_WIDTH - 2 * _CHART_MARGIN
    x_of = {days[0]: _CHART_MARGIN + (0 if len(days) > 1 else usable / 2)}
    for day, before, step in zip(days[1:], days, steps):
        x_of[day] = x_of[before] + step / total * usable
    per_day = Counter(e.date for e in dated)
    axis = 30 + 13 * (min(max(per_day.values()), _CHART_STACK) - 1)
    shapes = [f"<line x1=\"{_CHART_MARGIN - 12}\" y1=\"{axis}\" "
              f"x2=\"{_CHART_WIDTH - _CHART_MARGIN + 12}\" y2=\"{axis}\" class=\"axis\"/>"]
    for before, day, step in zip(days, days[1:], steps):
        if (day - before).days > _LONG_GAP_DAYS:
            middle = (x_of[before] + x_of[day]) / 2
            shapes.append(f"<text x=\"{middle:.1f}\" y=\"{axis + 5}\" class=\"gap\" "
                          f"text-anchor=\"middle\">//</text>")
    stacked: dict[dt.date, int] = {}
    last_label, last_year = -1e9, 0
    for number, event in enumerate(dated, 1):
        x = x_of[event.date]
        level = stacked.get(event.date, 0)
        stacked[event.date] = level + 1
        y = axis - 14 - level * 13
        label = f"{_when(event.date, event.precision)}: {' '.join(event.text.split())}"
        if level < _CHART_STACK:
            shapes.append(f"<a href=\"#event-{number}\" class=\"dot\"><circle cx=\"{x:.1f}\" "
                          f"cy=\"{y}\" r=\"5.5\"><title>{esc(label)}</title></circle></a>")
        if level == 0:
            shapes.append(f"<line x1=\"{x:.1f}\" y1=\"{axis - 4}\" x2=\"{x:.1f}\" "
                          f"y2=\"{axis + 4}\" class=\"axis\"/>")
            if x - last_label >= 44:
                last_label = x
                shapes.append(f"<text x=\"{x:.1f}\" y=\"{axis + 20}\" text-anchor=\"middle\">"
                              f"{esc(_tick(event.date, event.precision))}</text>")
                if event.date.year != last_year and event.precision != "year":
                    shapes.append(f"<text x=\"{x:.1f}\" y=\"{axis + 36}\" "
                                  f"text-anchor=\"middle\" class=\"year\">{event.date.year}"
                                  "</text>")
                last_year = event.date.year
    more = sum(1 for count in per_day.values() if count > _CHART_STACK)
    note = f" ({more} dates with more events than shown)" if more else ""
    return (f"<svg class=\"timeline\" viewBox=\"0 0 {_CHART_WIDTH} {axis + 44}\" role=\"img\" "
            f"aria-label=\"timeline chart: {len(dated)} dated events on {len(days)} dates, "
            f"{esc(days[0].isoformat())} to {esc(days[-1].isoformat())}{note}\">"
            + "".join(shapes) + "</svg>")


def _tick(date: dt.date, precision: str) -> str:
    """A short axis label (the year goes on a second line where it changes)."""
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return date.strftime("%b")
    return date.strftime("%-d %b")


def _when(date: dt.date, precision: str) -> str:
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return date.strftime("%B %Y")
    if precision == "week":
        return f"week of {date.strftime('%-d %B %Y')}"
    return date.strftime("%-d %B %Y")


def _entities(entities: Sequence[Entity]) -> list[str]:
    parts = ["<h2>People, organisations and places</h2>"]
    named = list(entities)
    if not named:
        return parts + ["<p class=\"none\">No names found.</p>"]
    parts.append("<ul class=\"chips\">")
    for e in named[:40]:
        hover = f"{e.kind}: {e.mentions} mentions in {e.sources} sources"
        if e.aliases:
            hover += f"; also {', '.join(e.aliases)}"
        parts.append(f"<li><a class=\"chip {esc(e.kind)}\" href=\"{esc(_list_url(q=e.name))}\" "
                     f"title=\"{esc(hover)}\">{esc(e.name)}</a></li>")
    parts.append("</ul>")
    return parts


def _claims(claims: Sequence[Claim], citer: _Citer) -> list[str]:
    kept = list(claims)
    if not kept:
        return []
    parts = ["<h2>How many sources agree</h2><ul class=\"claims\">"]
    for n, c in enumerate(kept[:12]):
        if n == _CLAIMS_SHOWN:
            parts.append(f"</ul><details class=\"more\"><summary>{min(len(kept), 12) - n} more"
                         "</summary><ul class=\"claims\">")
        note = f"{c.independent_sources} independent source{'s' * (c.independent_sources != 1)}"
        if c.is_single_source:
            note += " — single source"
        parts.append(f"<li><span class=\"meta\">{esc(note)}</span><br>"
                     f"{esc(' '.join(c.text.split()))} {citer.marks(c.citations)}</li>")
    parts.append("</ul></details>" if len(kept) > _CLAIMS_SHOWN else "</ul>")
    return parts


_CLAIMS_SHOWN = 5  # the rest (up to 12) behind "N more"
