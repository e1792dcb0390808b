"""Story views as the store keeps them: a story's summary and analysis as JSON, under the
version of the story they were computed from, and read back into the pipeline's types.

Computing a view (summarize, then analyze: spaCy's parse is most of it) is the slow part of
serving a story; `library` does it once per version of a story and stores the result here,
so reading a story needs neither spaCy nor the summary's solver. The JSON is the same that
`summarize --format json` and `analyze --format json` print, so a stored view is readable
without Storyline.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from storyline.render import to_dict
from storyline.render_analysis import analysis_to_dict
from storyline.types import (
    Article,
    Citation,
    Claim,
    DateMention,
    Entity,
    Event,
    NumberClaim,
    NumericConflict,
    OpposingQuotes,
    Quote,
    StoryAnalysis,
    Summary,
    SummarySentence,
)

# Bump when what a view holds (or how it is computed) changes: stored views of another
# format are then stale and recomputed on their next read.
VIEW_FORMAT = 4  # 2: small stories summarized without the solver; 3, 4: attribution rules


def view_version(story_version: str, *, with_analysis: bool) -> str:
    """The version a view is stored and looked up under: the story's (`StoredStory.version`,
    which names its articles), the view format, and whether the view has the analysis."""
    return f"{VIEW_FORMAT}{'a' if with_analysis else 's'}:{story_version}"


def encode_view(summary: Summary, analysis: StoryAnalysis | None) -> str:
    return json.dumps({"summary": to_dict(summary),
                       "analysis": analysis_to_dict(analysis) if analysis is not None else None},
                      ensure_ascii=False, separators=(",", ":"))


def decode_view(text: str, articles: Sequence[Article]
                ) -> tuple[Summary, StoryAnalysis | None]:
    """The summary and analysis of a stored view; `articles` are the story's (the JSON names
    articles by id and leaves their text out)."""
    data = json.loads(text)
    by_id = {a.id: a for a in articles}
    analysis = data["analysis"]
    return (_summary(data["summary"], by_id),
            _analysis(analysis, by_id) if analysis is not None else None)


def _summary(data: Mapping[str, Any], by_id: Mapping[str, Article]) -> Summary:
    return Summary(
        sentences=tuple(SummarySentence(s["text"], tuple(_citation(c) for c in s["citations"]))
                        for s in data["sentences"]),
        articles=tuple(by_id[a["id"]] for a in data["articles"]),
        method=data["method"]["name"], parameters=data["method"]["parameters"],
        story_id=data["story_id"], query=data["query"])


def _analysis(data: Mapping[str, Any], by_id: Mapping[str, Article]) -> StoryAnalysis:
    return StoryAnalysis(
        articles=tuple(by_id[a["id"]] for a in data["articles"]),
        quotes=tuple(_quote(q) for q in data["quotes"]),
        entities=tuple(
            Entity(name=e["name"], kind=e["kind"], aliases=tuple(e["aliases"]),
                   mentions=e["mentions"], sources=e["sources"], roles=tuple(e["roles"]),
                   citations=tuple(_citation(c) for c in e["citations"]))
            for e in data["entities"]),
        events=tuple(
            Event(date=dt.date.fromisoformat(e["date"]), precision=e["precision"],
                  text=e["text"], citations=tuple(_citation(c) for c in e["citations"]),
                  expressions=tuple(e["expressions"]))
            for e in data["events"]),
        dates=tuple(
            DateMention(expression=d["expression"], date=dt.date.fromisoformat(d["date"]),
                        precision=d["precision"], citation=_citation(d["citation"]))
            for d in data["dates"]),
        claims=tuple(
            Claim(text=c["text"], citations=tuple(_citation(x) for x in c["citations"]),
                  independent_sources=c["independent_sources"])
            for c in data["claims"]),
        numeric_conflicts=tuple(
            NumericConflict(subject=n["subject"], values=tuple(
                NumberClaim(value=v["value"], text=v["text"], citation=_citation(v["citation"]))
                for v in n["values"]))
            for n in data["numeric_conflicts"]),
        opposing_quotes=tuple(
            OpposingQuotes(subject=o["subject"],
                           one_side=tuple(_quote(q) for q in o["one_side"]),
                           other_side=tuple(_quote(q) for q in o["other_side"]))
            for o in data["opposing_quotes"]),
        story_id=data["story_id"])


def _citation(data: Mapping[str, Any]) -> Citation:
    return Citation(data["article_id"], data["start"], data["end"])


def _quote(data: Mapping[str, Any]) -> Quote:
    return Quote(text=data["text"], citation=_citation(data["citation"]),
                 speaker=data["speaker"], speaker_role=data["speaker_role"],
                 is_partial=data["partial"],
                 also_in=tuple(_citation(c) for c in data["also_in"]))
