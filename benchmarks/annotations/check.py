"""Validate the hand annotations of the analysis dev set against the texts they point into.

    python benchmarks/annotations/check.py            # validate, print counts
    python benchmarks/annotations/check.py --show     # also print every span, to check by eye
    python benchmarks/annotations/check.py --annotations check   # the check set instead
    python benchmarks/annotations/check.py --annotations holdout # the fresh held-out set
    python benchmarks/annotations/check.py --annotations blind7  # a blind set: blind, blind2 ... blind33

The annotations hold only ids, character offsets, names and dates (see README.md); the texts
are read from where they live: examples/harbor-strike (in this repository), the Syria example
in ../shared/examples and the benchmark sets in ../shared/data/benchmarks (or
$STORYLINE_DATA/benchmarks). Stories whose texts are absent are skipped with a message.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))

from storyline.ingest import read_inputs  # noqa: E402
from storyline.types import Article  # noqa: E402

DEV = HERE / "analysis-dev.jsonl"
ALIASES = HERE / "aliases.jsonl"
BLIND_SETS = 63  # blind, blind2 ... blind63: annotated blind, each scored once, then seen
ANNOTATION_SETS = ("dev", "check", "holdout", "blind",
                   *(f"blind{n}" for n in range(2, BLIND_SETS + 1)))


def annotation_files(name: str = "dev") -> tuple[Path, Path]:
    """The annotation file and alias file of an annotation set: `dev` (the set the analysis was
    tuned on: analysis-dev.jsonl, aliases.jsonl), else analysis-NAME.jsonl and
    aliases-NAME.jsonl: `check` (once held out, since seen), `holdout`, and the blind sets
    `blind` ... `blind33` (README.md says what each holds)."""
    if name == "dev":
        return DEV, ALIASES
    return HERE / f"analysis-{name}.jsonl", HERE / f"aliases-{name}.jsonl"

OPENING = "\"“”'‘’`"  # a quote span starts right after one of these
CLOSING = "\"”“'’"
PRECISIONS = ("day", "week", "month", "year")


def data_folder() -> Path:
    root = os.environ.get("STORYLINE_DATA")
    return Path(root) if root else REPO.parent / "shared" / "data"


def examples_folder() -> Path:
    root = os.environ.get("STORYLINE_EXAMPLES")
    return Path(root) if root else REPO.parent / "shared" / "examples"


@dataclass(frozen=True)
class StoryKey:
    set: str
    cluster: str | None

    @property
    def label(self) -> str:
        return self.cluster or self.set


def story_key(row: dict) -> StoryKey:  # type: ignore[type-arg]
    return StoryKey(row["set"], row["cluster"])


def load_stories(keys: Iterable[StoryKey]) -> tuple[dict[StoryKey, tuple[Article, ...]], list[str]]:
    """The articles of every story named (the whole cluster), and messages for those absent."""
    stories: dict[StoryKey, tuple[Article, ...]] = {}
    skipped: list[str] = []
    wanted = sorted(set(keys), key=lambda k: (k.set, k.cluster or ""))
    by_set: dict[str, list[StoryKey]] = {}
    for key in wanted:
        by_set.setdefault(key.set, []).append(key)
    for set_name, set_keys in by_set.items():
        if set_name == "harbor-strike":
            path = REPO / "examples" / "harbor-strike"
        elif set_name == "syria-example":
            path = examples_folder() / "syria-april-2018" / "articles.jsonl"
        else:
            path = data_folder() / "benchmarks" / f"{set_name}.jsonl"
        if not path.exists():
            skipped.append(f"{set_name}: {path} is absent, skipped")
            continue
        ingested = read_inputs([str(path)])
        if set_name in ("harbor-strike", "syria-example"):
            stories[set_keys[0]] = tuple(ingested.articles)
            continue
        clusters = {s.id: s.articles for s in ingested.stories}
        for key in set_keys:
            if key.cluster in clusters:
                stories[key] = tuple(clusters[key.cluster])
            else:
                skipped.append(f"{set_name}: cluster {key.cluster} not found, skipped")
    return stories, skipped


def read_jsonl(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _paragraph_end(text: str, end: int) -> bool:
    return end == len(text) or text[end] == "\n"


def validate(show: bool = False, annotations: str = "dev") -> int:
    annotation_path, alias_path = annotation_files(annotations)
    dev = read_jsonl(annotation_path)
    aliases = {story_key(a): a for a in read_jsonl(alias_path)}
    stories, skipped = load_stories(story_key(r) for r in dev)
    for message in skipped:
        print(message)
    errors: list[str] = []
    seen: set[tuple[str, str]] = set()
    counts: dict[str, list[int]] = {}

    for key, entry in aliases.items():
        groups = entry["groups"]
        forms = [f for grp in groups for f in grp["forms"]]
        if len(forms) != len(set(forms)):
            errors.append(f"{key.label}: a surface form is in two alias groups")
        texts = " ".join(a.text for a in stories.get(key, ()))
        if key in stories:
            for form in forms:
                if form not in texts:
                    errors.append(f"{key.label}: alias form {form!r} not in the story's texts")
        for a, b in entry.get("negative", []):
            for form in (a, b):
                if form not in forms:
                    errors.append(f"{key.label}: negative form {form!r} is in no alias group")

    for row in dev:
        key = story_key(row)
        if (row["set"], row["document"]) in seen:
            errors.append(f"{row['document']}: annotated twice")
        seen.add((row["set"], row["document"]))
        n = counts.setdefault(row["set"], [0, 0, 0])
        n[0] += 1
        n[1] += len(row["quotes"])
        n[2] += len(row["dates"])
        names = {g["name"] for g in aliases.get(key, {"groups": []})["groups"]}
        for q in row["quotes"]:
            for name in [q["speaker"], *q.get("accept", [])]:
                if name is not None and name not in names:
                    errors.append(f"{row['document']}: speaker {name!r} is not an alias group name")
            if q["partial"] not in (True, False, None):
                errors.append(f"{row['document']}: partial must be true, false or null")
        for d in row["dates"]:
            if d["precision"] not in PRECISIONS:
                errors.append(f"{row['document']}: bad precision {d['precision']!r}")
            day = dt.date.fromisoformat(d["date"])
            if d["precision"] == "month" and day.day != 1:
                errors.append(f"{row['document']}: month precision must give the 1st")
            if d["precision"] == "year" and (day.month, day.day) != (1, 1):
                errors.append(f"{row['document']}: year precision must give 1 January")
            if d["precision"] == "week" and day.weekday() != 0:
                errors.append(f"{row['document']}: week precision must give the Monday")
        if key not in stories:
            continue
        article = next((a for a in stories[key] if a.id == row["document"]), None)
        if article is None:
            errors.append(f"{row['document']}: not in story {key.label}")
            continue
        text = article.text
        previous_end = -1
        if show:
            print(f"\n== {key.label} {article.id} ({article.date}, {article.date and article.date.strftime('%A')})")
        for q in row["quotes"]:
            s, e = q["start"], q["end"]
            where = f"{article.id} quote {s}-{e}"
            if not (0 < s < e <= len(text)):
                errors.append(f"{where}: out of range or empty")
                continue
            if text[s - 1] not in OPENING:
                errors.append(f"{where}: text[start-1] is {text[s - 1]!r}, not a quote mark")
            if not (_paragraph_end(text, e) or text[e] in CLOSING):
                errors.append(f"{where}: text[end] is {text[e]!r}, not a closing mark or paragraph end")
            if re.search(r"[\"“”]", text[s:e]):
                errors.append(f"{where}: a double quote mark inside the span (split it)")
            if s < previous_end:
                errors.append(f"{where}: overlaps the previous quote")
            previous_end = e
            if show:
                extra = f" accept={q['accept']}" if q.get("accept") else ""
                print(f"  Q {s}-{e} [{q['speaker']}] partial={q['partial']}{extra}: {text[s:e]!r}")
        for d in row["dates"]:
            s, e = d["start"], d["end"]
            if not (0 <= s < e <= len(text)):
                errors.append(f"{article.id} date {s}-{e}: out of range or empty")
                continue
            if text[s:e] != text[s:e].strip():
                errors.append(f"{article.id} date {s}-{e}: span has outer spaces")
            if show:
                flag = " (future)" if d.get("future") else ""
                print(f"  D {s}-{e} {text[s:e]!r} -> {d['date']} {d['precision']}{flag}"
                      f"   ...{text[max(0, s - 40):s]!r}")
    if show:
        for key, entry in aliases.items():
            print(f"\n== aliases {key.label}")
            for grp in entry["groups"]:
                if len(grp["forms"]) > 1:
                    print(f"  {grp['name']} ({grp['kind']}): {grp['forms'][1:]}")
            print(f"  negative: {entry.get('negative', [])}")
    for set_name, (docs, quotes, dates) in counts.items():
        groups = sum(len(a["groups"]) for k, a in aliases.items() if k.set == set_name)
        print(f"{set_name}: {docs} documents, {quotes} quotes, {dates} dates, {groups} alias groups")
    for error in errors:
        print("ERROR", error)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="print every annotated span")
    parser.add_argument("--annotations", choices=ANNOTATION_SETS, default="dev",
                        help="which annotation set to validate (default: dev)")
    args = parser.parse_args()
    sys.exit(validate(args.show, args.annotations))
