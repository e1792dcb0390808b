"""Quality and speed of `storyline.analyze` on the hand-annotated dev set.

    python benchmarks/analysis.py                 # scores, speed, per-item misses
    python benchmarks/analysis.py --no-speed      # scores only
    python benchmarks/analysis.py --text          # misses with a few words of context (not for pasting)
    python benchmarks/analysis.py --annotations check --no-speed   # the check set
    python benchmarks/analysis.py --annotations holdout --no-speed # the fresh held-out set

The annotations (benchmarks/annotations/, see its README) hold document ids, character offsets,
names and dates. Each annotated story is analysed whole (every article of the cluster), and only
the annotated documents are scored:

- quote recall: an annotated quote is found when a returned quote (its citation or one of its
  `also_in` citations) in the same document overlaps at least half of the annotated span;
- speaker accuracy on found quotes: the returned speaker is the annotated name or in its alias
  group (or one of the names the annotation also accepts), or a full name ending in the
  one-word surname the annotation gives ("Bill Clinton" for "Clinton"), or the same name with
  or without a middle initial ("Barnett A. Slepian" for "Barnett Slepian"); for a quote the text
  attributes to no one, the right answer is None. Reported over all found quotes, over the attributed ones and
  over the unattributed ones;
- partial-flag accuracy on found quotes whose annotation decides it;
- date resolution: an annotated expression is right when a returned DateMention in the same
  document overlaps its span with the same precision and the same period (day, ISO week,
  month or year), over all annotated expressions;
- alias precision and recall over pairs of surface forms that appear in the annotation's alias
  groups: a pair is merged when one returned Entity (name and aliases) holds both forms.
  Forms are compared case-insensitively, without leading titles ("Mr", "Gen.", "President"),
  a leading "the", a possessive "'s" or the dots of abbreviations ("U.S." = "US").
- entity kinds: for each annotated alias group with a kind (person, organization, place), the
  returned Entity that holds the group's name (else the most of its forms) has the same kind;
  groups no returned Entity names are not counted.

Speed: words per second of `analyze` on one core (the process pinned to one CPU, BLAS to one
thread), after an untimed first run that loads the spaCy model: the DUC clusters of the dev
set (10 articles each), each analysed 3 times, the median kept.

Texts come from examples/harbor-strike, ../shared/examples and ../shared/data/benchmarks (or
$STORYLINE_EXAMPLES, $STORYLINE_DATA); stories whose texts are absent are skipped with a message.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterable, Sequence  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from itertools import combinations  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "annotations"))
sys.path.insert(0, str(HERE.parent))

from check import ANNOTATION_SETS, BLIND_SETS, StoryKey, annotation_files, load_stories, read_jsonl, story_key  # noqa: E402

from storyline.types import Article, StoryAnalysis  # noqa: E402

SET_ORDER = ("harbor-strike", "syria-example", "multiling2011-en", "duc2003")
QUOTE_OVERLAP = 0.5

# --- surface forms -------------------------------------------------------------------------

_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "gen", "general", "sen", "senator", "rep", "gov", "governor",
    "prof", "professor", "judge", "justice", "president", "premier", "minister", "chancellor",
    "captain", "capt", "lieutenant", "lt", "major", "maj", "col", "colonel", "sgt", "sergeant",
    "adm", "admiral", "king", "queen", "prince", "princess", "sir", "dame", "lord", "lady",
    "retired", "ret", "ayatollah", "sheikh", "rev", "reverend", "pope", "the",
}
_TWO_WORD_TITLES = {("prime", "minister"), ("foreign", "minister"), ("foreign", "secretary"),
                    ("home", "secretary"), ("press", "secretary")}
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?")


def norm(form: str) -> str:
    """The comparison key of a name: casefolded, without titles, possessive or abbreviation dots."""
    text = form.replace("’", "'").replace("‘", "'").strip()
    text = re.sub(r"'s?$", "", text)
    words = []
    for word in text.split():
        words.append(word.replace(".", "") if _ABBREVIATION.fullmatch(word) else word)
    lowered = [w.casefold() for w in words]
    while len(lowered) > 1:
        if tuple(lowered[:2]) in _TWO_WORD_TITLES and len(lowered) > 2:
            lowered = lowered[2:]
        elif lowered[0].rstrip(".") in _TITLES:
            lowered = lowered[1:]
        else:
            break
    return " ".join(w.rstrip(".,") for w in lowered)


@dataclass
class AliasIndex:
    """The annotated alias groups of one story: comparison key -> group name."""

    group_of: dict[str, str]
    groups: dict[str, list[str]]  # group name -> its keys
    negative: list[tuple[str, str]]

    @classmethod
    def build(cls, entry: dict | None) -> AliasIndex:  # type: ignore[type-arg]
        group_of: dict[str, str] = {}
        groups: dict[str, list[str]] = {}
        ambiguous: set[str] = set()
        for grp in (entry or {}).get("groups", []):
            keys = list(dict.fromkeys(norm(f) for f in grp["forms"]))
            groups[grp["name"]] = keys
            for key in keys:
                if key in group_of and group_of[key] != grp["name"]:
                    ambiguous.add(key)
                group_of[key] = grp["name"]
        for key in ambiguous:  # a form naming two groups says nothing about merges
            del group_of[key]
            for keys in groups.values():
                if key in keys:
                    keys.remove(key)
        negative = [(norm(a), norm(b)) for a, b in (entry or {}).get("negative", [])]
        return cls(group_of, groups, negative)

    def same(self, returned: str | None, expected: str) -> bool:
        if returned is None:
            return False
        a, b = norm(returned), norm(expected)
        if a == b or (a in self.group_of and self.group_of.get(a) == self.group_of.get(b)):
            return True
        # The annotation gives a surname alone where the document names no first name
        # ("Clinton"); the story's full name for that person ("Bill Clinton") is the same one.
        if " " not in b and a.endswith(" " + b):
            return True
        # A middle initial more or less is the same name ("Barnett A. Slepian").
        return _without_initials(a) == _without_initials(b) and " " in _without_initials(b)


def _without_initials(name: str) -> str:
    """A normalised name less its one-letter words after the first ("barnett a slepian")."""
    words = name.split()
    return " ".join(words[:1] + [w for w in words[1:-1] if len(w.rstrip(".")) > 1] + words[-1:]
                    if len(words) > 2 else words)


# --- scoring ---------------------------------------------------------------------------------


@dataclass
class Tally:
    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.hits += int(ok)

    def __iadd__(self, other: Tally) -> Tally:
        self.hits += other.hits
        self.total += other.total
        return self

    def cell(self) -> str:
        if not self.total:
            return "–"
        return f"{100 * self.hits / self.total:.1f}% ({self.hits}/{self.total})"


@dataclass
class Scores:
    documents: int = 0
    quote_recall: Tally = field(default_factory=Tally)
    speaker: Tally = field(default_factory=Tally)
    speaker_attributed: Tally = field(default_factory=Tally)
    speaker_unattributed: Tally = field(default_factory=Tally)
    partial: Tally = field(default_factory=Tally)
    quote_precision: Tally = field(default_factory=Tally)
    dates: Tally = field(default_factory=Tally)
    dates_future: Tally = field(default_factory=Tally)
    alias_precision: Tally = field(default_factory=Tally)
    alias_recall: Tally = field(default_factory=Tally)
    kinds: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)

    def __iadd__(self, other: Scores) -> Scores:
        self.documents += other.documents
        for name in ("quote_recall", "speaker", "speaker_attributed", "speaker_unattributed", "partial",
                     "quote_precision", "dates", "dates_future", "alias_precision", "alias_recall", "kinds"):
            mine = getattr(self, name)
            mine += getattr(other, name)
        self.misses.extend(other.misses)
        return self


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _period(day: dt.date, precision: str) -> dt.date:
    if precision == "week":
        return day - dt.timedelta(days=day.weekday())
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


def score_story(rows: Sequence[dict], alias_entry: dict | None, analysis: StoryAnalysis,  # type: ignore[type-arg]
                snippet: Callable[[str, int, int], str] | None = None) -> Scores:
    """Score one story's analysis against the annotations of its documents."""
    scores = Scores(documents=len(rows))
    aliases = AliasIndex.build(alias_entry)
    show = snippet or (lambda doc, s, e: "")

    returned_quotes: dict[str, list[tuple[tuple[int, int], int]]] = {}
    for i, quote in enumerate(analysis.quotes):
        for citation in (quote.citation, *quote.also_in):
            returned_quotes.setdefault(citation.article_id, []).append(((citation.start, citation.end), i))

    for row in rows:
        doc = row["document"]
        candidates = returned_quotes.get(doc, [])
        for q in row["quotes"]:
            span = (q["start"], q["end"])
            best = max(candidates, key=lambda c: _overlap(c[0], span), default=None)
            found = best is not None and _overlap(best[0], span) >= QUOTE_OVERLAP * (span[1] - span[0])
            scores.quote_recall.add(found)
            where = f"{doc} {span[0]}-{span[1]}{show(doc, *span)}"
            if not found:
                scores.misses.append(f"quote not found: {where} (speaker {q['speaker']})")
                continue
            assert best is not None
            got = analysis.quotes[best[1]]
            accepted = [q["speaker"], *q.get("accept", [])]
            if q["speaker"] is None and not q.get("accept"):
                ok = got.speaker is None
                scores.speaker_unattributed.add(ok)
            elif q["speaker"] is None:
                ok = got.speaker is None or any(aliases.same(got.speaker, a) for a in accepted if a)
            else:
                ok = any(aliases.same(got.speaker, a) for a in accepted if a)
                scores.speaker_attributed.add(ok)
            scores.speaker.add(ok)
            if not ok:
                want = " or ".join(str(a) for a in accepted)
                scores.misses.append(f"speaker: {where} expected {want}, got {got.speaker}")
            if q["partial"] is not None:
                scores.partial.add(got.is_partial == q["partial"])
                if got.is_partial != q["partial"]:
                    scores.misses.append(f"partial: {where} expected {q['partial']}, got {got.is_partial}")
        annotated = [(q["start"], q["end"]) for q in row["quotes"]]
        for span, _ in candidates:  # returned quotes the annotation does not hold
            ok = any(_overlap(span, a) > 0 for a in annotated)
            scores.quote_precision.add(ok)
            if not ok:
                scores.misses.append(f"extra quote (not annotated): {doc} {span[0]}-{span[1]}{show(doc, *span)}")

        mentions = [m for m in analysis.dates if m.citation.article_id == doc]
        for d in row["dates"]:
            span = (d["start"], d["end"])
            expected = (_period(dt.date.fromisoformat(d["date"]), d["precision"]), d["precision"])
            near = [m for m in mentions if _overlap((m.citation.start, m.citation.end), span) > 0]
            ok = any((_period(m.date, m.precision), m.precision) == expected for m in near)
            scores.dates.add(ok)
            if d.get("future"):
                scores.dates_future.add(ok)
            if not ok:
                returned = ", ".join(f"{m.date} {m.precision} at {m.citation.start}-{m.citation.end}" for m in near)
                scores.misses.append(f"date: {doc} {span[0]}-{span[1]}{show(doc, *span)} expected "
                                     f"{d['date']} {d['precision']}, got {returned or 'nothing'}")

    _score_aliases(scores, aliases, analysis)
    _score_kinds(scores, alias_entry, analysis)
    return scores


def _score_aliases(scores: Scores, aliases: AliasIndex, analysis: StoryAnalysis) -> None:
    gold = {frozenset(p) for keys in aliases.groups.values() for p in combinations(keys, 2)}
    merged: set[frozenset[str]] = set()
    for entity in analysis.entities:
        keys = {norm(f) for f in (entity.name, *entity.aliases)} & aliases.group_of.keys()
        merged.update(frozenset(p) for p in combinations(sorted(keys), 2))
    negative = {frozenset(p) for p in aliases.negative}
    for pair in sorted(merged, key=sorted):
        ok = pair in gold
        scores.alias_precision.add(ok)
        if not ok:
            flag = " (a negative pair)" if pair in negative else ""
            scores.misses.append(f"alias merged wrongly{flag}: {' + '.join(sorted(pair))}")
    for pair in sorted(gold, key=sorted):
        ok = pair in merged
        scores.alias_recall.add(ok)
        if not ok:
            scores.misses.append(f"alias not merged: {' + '.join(sorted(pair))}")


def _score_kinds(scores: Scores, alias_entry: dict | None, analysis: StoryAnalysis  # type: ignore[type-arg]
                 ) -> None:
    keys_of = [{norm(f) for f in (e.name, *e.aliases)} for e in analysis.entities]
    for group in (alias_entry or {}).get("groups", []):
        kind = group.get("kind")
        if kind not in ("person", "organization", "place"):
            continue
        name = norm(group["name"])
        forms = {norm(f) for f in group["forms"]} | {name}
        holding = [i for i, keys in enumerate(keys_of) if name in keys] or sorted(
            (i for i, keys in enumerate(keys_of) if keys & forms),
            key=lambda i: -len(keys_of[i] & forms))[:1]
        if not holding:
            continue
        got = analysis.entities[holding[0]].kind
        scores.kinds.add(got == kind)
        if got != kind:
            scores.misses.append(f"kind: {group['name']} expected {kind}, got {got}")


# --- running ---------------------------------------------------------------------------------


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def words(articles: Iterable[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def table(rows: list[tuple[str, Scores]]) -> str:
    header = ("| set | docs | quotes found | speaker (all found) | attributed | unattributed → None | "
              "partial flag | returned quotes annotated | dates exact | of which forward weekdays | "
              "alias precision | alias recall | entity kinds |")
    lines = [header, "|" + "---|" * 13]
    for name, s in rows:
        cells = [name, str(s.documents), s.quote_recall.cell(), s.speaker.cell(), s.speaker_attributed.cell(),
                 s.speaker_unattributed.cell(), s.partial.cell(), s.quote_precision.cell(), s.dates.cell(),
                 s.dates_future.cell(), s.alias_precision.cell(), s.alias_recall.cell(), s.kinds.cell()]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-speed", action="store_true", help="skip the timing")
    parser.add_argument("--no-misses", action="store_true", help="do not list the misses")
    parser.add_argument("--text", action="store_true",
                        help="show a few words of each missed span (for debugging; do not paste)")
    parser.add_argument("--json", metavar="PATH", help="also write the scores as JSON")
    parser.add_argument("--annotations", choices=ANNOTATION_SETS, default="dev",
                        help="annotation set to score: dev (tuned on, the default), check (seen "
                             "since), holdout (fresh, held out), or a blind set (blind, blind2 ... "
                             f"blind{BLIND_SETS}; each scored once before it was used for fixes)")
    args = parser.parse_args(argv)

    from storyline import analyze
    from storyline.nlp import forget_parses, pipeline

    annotation_path, alias_path = annotation_files(args.annotations)
    dev = read_jsonl(annotation_path)
    alias_entries = {story_key(a): a for a in read_jsonl(alias_path)}
    by_story: dict[StoryKey, list[dict]] = {}  # type: ignore[type-arg]
    for row in dev:
        by_story.setdefault(story_key(row), []).append(row)
    stories, skipped = load_stories(by_story)
    for message in skipped:
        print(f"skipped: {message}")
    if not stories:
        print("no annotated story has its texts here; nothing to score")
        return 0

    pinned = pin_one_core()
    load_start = time.perf_counter()
    pipeline()
    load_seconds = time.perf_counter() - load_start

    texts = {a.id: a.text for articles in stories.values() for a in articles}

    def snippet(doc: str, start: int, end: int) -> str:
        if not args.text:
            return ""
        words_ = texts[doc][start:end].split()
        short = " ".join(words_[:8]) + (" ..." if len(words_) > 8 else "")
        return f" «{short}»"

    per_set: dict[str, Scores] = {}
    per_story: list[tuple[str, Scores]] = []
    for key in sorted(stories, key=lambda k: (SET_ORDER.index(k.set) if k.set in SET_ORDER else 99, k.label)):
        analysis = analyze(stories[key], story_id=key.label)
        scores = score_story(by_story[key], alias_entries.get(key), analysis, snippet)
        per_story.append((key.label, scores))
        per_set.setdefault(key.set, Scores())
        per_set[key.set] += scores
    total = Scores()
    for scores in per_set.values():
        total += scores

    described = {"dev": "dev set", "check": "check set", "holdout": "held-out set",
                 "blind": "blind set"}.get(args.annotations, f"blind set {args.annotations[5:]}")
    print(f"## Story analysis on the hand-annotated {described}\n")
    print(table([*per_set.items(), ("all", total)]))
    print()

    speed: dict[str, object] = {}
    if not args.no_speed:
        timed = [k for k in stories if k.set == "duc2003"] or list(stories)
        rows = []
        seconds_all, words_all = 0.0, 0
        for key in timed:
            articles = stories[key]
            runs = []
            for _ in range(3):
                forget_parses()  # every run parses, as a story seen for the first time does
                start = time.perf_counter()
                analyze(articles, story_id=key.label)
                runs.append(time.perf_counter() - start)
            median = statistics.median(runs)
            n_words = words(articles)
            seconds_all += median
            words_all += n_words
            rows.append((key.label, len(articles), n_words, median))
        print(f"### Speed of analyze ({pinned}; model load {load_seconds:.2f} s, once per process, not timed)\n")
        print("| story | articles | words | seconds (median of 3) | words/s |")
        print("|---|---|---|---|---|")
        for label, n_articles, n_words, seconds in rows:
            print(f"| {label} | {n_articles} | {n_words:,} | {seconds:.2f} | {n_words / seconds:,.0f} |")
        print(f"| all | {sum(r[1] for r in rows)} | {words_all:,} | {seconds_all:.2f} | "
              f"{words_all / seconds_all:,.0f} |\n")
        speed = {"model_load_seconds": load_seconds, "pinned": pinned,
                 "stories": [{"story": r[0], "articles": r[1], "words": r[2], "seconds": r[3]} for r in rows],
                 "words_per_second": words_all / seconds_all}

    if not args.no_misses:
        print("### Misses\n")
        for label, scores in per_story:
            if scores.misses:
                print(f"{label}:")
                for miss in scores.misses:
                    print(f"  {miss}")

    if args.json:
        def as_dict(s: Scores) -> dict:  # type: ignore[type-arg]
            return {name: {"hits": t.hits, "total": t.total} for name, t in vars(s).items()
                    if isinstance(t, Tally)} | {"documents": s.documents}
        Path(args.json).write_text(json.dumps(
            {"sets": {k: as_dict(v) for k, v in per_set.items()}, "all": as_dict(total), "speed": speed},
            indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
