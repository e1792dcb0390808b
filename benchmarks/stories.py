"""How well `storyline stories` recovers benchmark clusters from a mixed stream, and how fast.

    python benchmarks/stories.py            # both streams
    python benchmarks/stories.py a          # duc2003 + multiling2011-en, in date order
    python benchmarks/stories.py b          # multinews-val, shuffled
    python benchmarks/stories.py themes     # how duc2006-dev's year-long themes split

Streams mix every document of the sets' clusters (read in place from ../shared/data/benchmarks
or $STORYLINE_DATA/benchmarks; skipped with a message when absent): dated documents in date
order, undated ones shuffled with a fixed seed after them. Scored against the cluster labels
with B-cubed precision/recall/F1 and ARI (dropped exact copies count in their original's story);
for multinews-val a second score leaves out the documents the set flags as irrelevant.
Incremental mode is the real path: `add_articles` into a fresh SQLite store, one article at a
time, saved every 500. Batch mode knows every document's words in advance (fixed IDF), in
memory. Each stream runs in its own process so peak memory (max RSS) is its own. Prints a
Markdown table.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import datetime as dt  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Mapping  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from storyline.cluster import ClusterParams, article_terms, fixed_idf  # noqa: E402
from storyline.ingest import read_inputs  # noqa: E402
from storyline.store import open_store  # noqa: E402
from storyline.stories import StoryPipeline, add_articles, describe, stream_order  # noqa: E402
from storyline.types import Article  # noqa: E402

STREAMS = {"a": ("duc2003", "multiling2011-en"), "b": ("multinews-val",)}
SEED = 2026


def data_folder() -> Path:
    root = os.environ.get("STORYLINE_DATA")
    return Path(root) if root else HERE.parents[1] / "shared" / "data"


def load_stream(names: tuple[str, ...]) -> tuple[list[Article], dict[str, str]] | None:
    paths = [data_folder() / "benchmarks" / f"{n}.jsonl" for n in names]
    if not all(p.is_file() for p in paths):
        return None
    ingested = read_inputs([str(p) for p in paths])
    gold: dict[str, str] = {}
    articles = []
    for story in ingested.stories:
        for article in story.articles:
            gold[article.id] = story.id
            articles.append(article)
    dated = stream_order(a for a in articles if a.date)
    undated = [a for a in articles if not a.date]
    random.Random(SEED).shuffle(undated)
    return dated + undated, gold


def flagged_ids(names: tuple[str, ...]) -> set[str]:
    """Documents a set itself flags as not about their cluster (`flagged_irrelevant`: empty
    pages, crawl notices, another story archived under the link). They stay in the stream;
    their label says nothing about which story they tell, so a second score leaves them out."""
    flagged = set()
    for name in names:
        with open(data_folder() / "benchmarks" / f"{name}.jsonl", encoding="utf-8") as lines:
            for line in lines:
                flagged.update(d["id"] for d in json.loads(line)["documents"]
                               if d.get("flagged_irrelevant"))
    return flagged


def bcubed(predicted: Mapping[str, object], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Amigó et al. 2009) over the gold items."""
    by_predicted: dict[object, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item, label in gold.items():
        by_predicted[predicted[item]].add(item)
        by_gold[label].add(item)
    precision = recall = 0.0
    for item, label in gold.items():
        mine, theirs = by_predicted[predicted[item]], by_gold[label]
        shared = len(mine & theirs)
        precision += shared / len(mine)
        recall += shared / len(theirs)
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def ari(predicted: Mapping[str, object], gold: Mapping[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    items = sorted(gold)
    return float(adjusted_rand_score([gold[i] for i in items], [str(predicted[i]) for i in items]))


def run_stream(name: str) -> dict[str, object]:
    loaded = load_stream(STREAMS[name])
    if loaded is None:
        return {"stream": name, "skipped": "benchmark files not found under " + str(data_folder())}
    articles, gold = loaded
    params = ClusterParams()
    flagged = flagged_ids(STREAMS[name])
    relevant = {i: label for i, label in gold.items() if i not in flagged}
    result: dict[str, object] = {"stream": name, "sets": "+".join(STREAMS[name]),
                                 "articles": len(articles), "clusters": len(set(gold.values()))}
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "stories.db"
        start = time.perf_counter()
        with open_store(db) as store:
            report = add_articles(store, articles, params)
            predicted = store.assignments()
        result["incremental_seconds"] = time.perf_counter() - start
        result["stories"] = len(set(predicted.values()))
        result["near_duplicates"] = report.near_duplicates
        result["exact_duplicates"] = report.exact_duplicates
        result["incremental"] = bcubed(predicted, gold) + (ari(predicted, gold),)
        if flagged:
            result["unflagged"] = len(relevant)
            result["incremental_unflagged"] = (bcubed(predicted, relevant)
                                               + (ari(predicted, relevant),))
        # One more article with everything stored: opening the store, then adding it.
        extra = Article("benchmark-extra", articles[len(articles) // 2].text + " An update.",
                        source="benchmark")
        start = time.perf_counter()
        store = open_store(db)
        from storyline.stories import open_pipeline

        pipeline = open_pipeline(store)
        result["load_seconds"] = time.perf_counter() - start
        start = time.perf_counter()
        add_articles(store, [extra], pipeline=pipeline)
        result["one_more_ms"] = (time.perf_counter() - start) * 1000
        store.close()
        result["db_mb"] = db.stat().st_size / 2**20
    start = time.perf_counter()
    idf = fixed_idf(article_terms(a.text, a.title, params.lead_words) for a in articles)
    pipeline = StoryPipeline(params, fixed_idf=idf)
    batch: dict[str, object] = {}
    for d in pipeline.decide(stream_order(articles)):
        batch[d.article.id] = d.story_id
    result["batch_seconds"] = time.perf_counter() - start
    result["batch"] = bcubed(batch, gold) + (ari(batch, gold),)
    if flagged:
        result["batch_unflagged"] = bcubed(batch, relevant) + (ari(batch, relevant),)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def table(results: list[dict[str, object]]) -> str:
    lines = ["| stream | articles / clusters | mode | stories | B³ P | B³ R | B³ F1 | ARI | time (s) |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        if "skipped" in r:
            lines.append(f"| {r['stream']} | skipped: {r['skipped']} | | | | | | | |")
            continue
        for mode in ("incremental", "batch", "incremental_unflagged", "batch_unflagged"):
            if mode not in r:
                continue
            p, rec, f, a = r[mode]  # type: ignore[misc]
            run = mode.split("_")[0]
            scored = (f"{mode.replace('_', ', scored on ')} ({r['unflagged']} docs)"
                      if mode.endswith("unflagged") else mode)
            lines.append(f"| {r['stream']} ({r['sets']}) | {r['articles']} / {r['clusters']} | "
                         f"{scored} | {r['stories'] if mode == 'incremental' else ''} | {p:.3f} | "
                         f"{rec:.3f} | {f:.3f} | {a:.3f} | {r[run + '_seconds']:.1f} |")
    lines += ["", "| stream | near / exact copies | peak RSS (MB) | store (MB) | open store (s) "
              "| one more article (ms) |", "|---|---|---|---|---|---|"]
    for r in results:
        if "skipped" not in r:
            lines.append(f"| {r['stream']} | {r['near_duplicates']} / {r['exact_duplicates']} | "
                         f"{r['peak_rss_mb']:.0f} | {r['db_mb']:.0f} | {r['load_seconds']:.2f} | "
                         f"{r['one_more_ms']:.1f} |")
    return "\n".join(lines)


def themes(show: int = 3) -> str:
    """duc2006-dev's topics are themes spanning years, not stories: how each splits. Per theme,
    the stories its documents form (a story counted in the theme of most of its documents), how
    big the largest is, how many days the stories span, and how pure the stories are (share of
    a story's documents from its main theme); then the stories of the first `show` themes with
    their dates and headlines, to read."""
    loaded = load_stream(("duc2006-dev",))
    if loaded is None:
        return "duc2006-dev: skipped, benchmark file not found under " + str(data_folder())
    articles, gold = loaded
    params = ClusterParams()
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "t.db") as store:
        add_articles(store, articles, params)
        assignments = store.assignments()
        stored = {i: store.story(i) for i in set(assignments.values())}
    members: dict[int, list[str]] = defaultdict(list)
    for article_id, story_id in assignments.items():
        members[story_id].append(gold[article_id])
    main_theme = {s: max(set(t), key=t.count) for s, t in members.items()}
    purity = sum(max(t.count(x) for x in set(t)) for t in members.values()) / len(assignments)
    lines = [f"{len(articles)} documents, {len(set(gold.values()))} themes, {len(stored)} stories; "
             f"story purity {purity:.3f} (share of each story's documents from its main theme)",
             "", "| theme | documents | stories | largest story | stories of 2+ documents | "
             "median days spanned (2+) |", "|---|---|---|---|---|---|"]
    by_theme: dict[str, list[int]] = defaultdict(list)
    for story_id, theme in main_theme.items():
        by_theme[theme].append(story_id)
    for theme in sorted(by_theme):
        ids = by_theme[theme]
        sizes = sorted((len(members[i]) for i in ids), reverse=True)
        spans = sorted((stored[i].last_date - stored[i].first_date).days for i in ids
                       if len(members[i]) > 1 and stored[i].first_date and stored[i].last_date)
        median = spans[len(spans) // 2] if spans else 0
        documents = sum(1 for g in gold.values() if g == theme)
        lines.append(f"| {theme} | {documents} | {len(ids)} | {sizes[0]} | "
                     f"{sum(1 for n in sizes if n > 1)} | {median} |")
    for theme in sorted(by_theme)[:show]:
        lines += ["", f"{theme}:"]
        for i in sorted(by_theme[theme], key=lambda i: (stored[i].first_date or dt.date.min)):
            story = stored[i]
            lines.append(f"  {story.first_date} .. {story.last_date}  {len(members[i]):>2} docs  "
                         f"{describe(story).headline[:80]}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv == ["themes"]:
        print(themes())
        return 0
    if len(argv) == 2 and argv[0] == "--child":
        print(json.dumps(run_stream(argv[1])))
        return 0
    names = argv or list(STREAMS)
    results = []
    for name in names:
        if name not in STREAMS:
            print(f"unknown stream {name!r}; choose from {', '.join(STREAMS)}", file=sys.stderr)
            return 2
        out = subprocess.run([sys.executable, __file__, "--child", name], check=True,
                             capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
