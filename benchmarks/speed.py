"""Speed and memory of the default method, and start-up time of the command.

    python benchmarks/speed.py

1. Seconds per DUC 2003 cluster (10 articles, ~6k words) for `summarize(articles, 100)`,
   after one warm-up pass, split into building the sentence pool (segment, stem, group)
   and selecting; each cluster timed 3 times, the median kept. BLAS pinned to one thread.
   sumy's LexRank and the plain ICSI ILP are timed the same way on the same clusters.
2. Peak memory (max RSS of a fresh process, imports included) and time to summarize a
   200-article story: the first 200 DUC 2006 documents, 8 topics' worth (a worst case for
   the selection: many articles and many unrelated concepts).
3. Wall time of `storyline --help` (median of 5 fresh processes).
Reads ../shared/data (or $STORYLINE_DATA) and skips with a message when it is absent.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import data_folder, load, machine  # noqa: E402

MEMORY_PROBE = """
import resource, sys, time, json
from storyline.ingest import read_inputs
from storyline import summarize
stories = read_inputs([sys.argv[1]]).stories
articles = [a for s in stories for a in s.articles][:200]
start = time.perf_counter()
summary = summarize(articles, 250)
elapsed = time.perf_counter() - start
print(json.dumps({"articles": len(articles), "words": sum(len(a.text.split()) for a in articles),
                  "seconds": elapsed,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def per_cluster() -> None:
    from storyline.candidates import build_pool
    from storyline.summarize import summarize
    from storyline.summarizers.base import Budget, create

    stories = load("duc2003")
    for story in stories:  # warm-up: caches, lazy imports
        summarize(story.articles, 100)
    totals, pools, selects = [], [], []
    method = create("concepts")
    for story in stories:
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            pool = build_pool(story.articles)
            t1 = time.perf_counter()
            method.select(pool, Budget(words=100))
            t2 = time.perf_counter()
            summarize(story.articles, 100)
            t3 = time.perf_counter()
            runs.append((t3 - t2, t1 - t0, t2 - t1))
        total, pool_time, select_time = sorted(runs)[1]
        totals.append(total)
        pools.append(pool_time)
        selects.append(select_time)
    print(f"duc2003, default method, 100 words, {len(stories)} clusters:")
    print(f"  summarize(): mean {statistics.mean(totals):.4f} s, median "
          f"{statistics.median(totals):.4f} s, max {max(totals):.4f} s per cluster")
    print(f"  of which pool (segment, stem, group) mean {statistics.mean(pools):.4f} s, "
          f"selection (ILP) mean {statistics.mean(selects):.4f} s")
    baselines(stories, statistics.mean(totals))


def baselines(stories: list, storyline_mean: float) -> None:  # type: ignore[type-arg]
    """The same clusters, timed the same way, through sumy LexRank and the plain ILP."""
    try:
        from baselines import sumy_summary
        from plain_ilp import plain_ilp_summary
    except ImportError as exc:
        print(f"  baselines skipped ({exc}); install with: pip install -e '.[bench]'")
        return
    from storyline.candidates import reading_order

    runners = {
        "sumy LexRank": lambda texts: sumy_summary(texts, 100, "sumy-lexrank"),
        "plain ILP (ICSI)": lambda texts: plain_ilp_summary(texts, 100),
    }
    for name, run in runners.items():
        times = []
        run([a.text for a in reading_order(stories[0].articles)])  # warm-up
        for story in stories:
            texts = [a.text for a in reading_order(story.articles)]
            runs = []
            for _ in range(3):
                t0 = time.perf_counter()
                run(texts)
                runs.append(time.perf_counter() - t0)
            times.append(sorted(runs)[1])
        mean = statistics.mean(times)
        print(f"  {name}: mean {mean:.4f} s per cluster, {mean / storyline_mean:.1f}x the "
              "default method's time")


def memory() -> None:
    path = data_folder() / "benchmarks" / "duc2006-dev.jsonl"
    out = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(path)], check=True,
                         capture_output=True, text=True).stdout
    print(f"200-article story (first 200 DUC 2006 documents), 250 words: {out.strip()}")


def startup() -> None:
    command = Path(sys.executable).parent / "storyline"
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([str(command), "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    print(f"storyline --help: median {statistics.median(times):.3f} s over 5 runs")


def main() -> int:
    if not (data_folder() / "benchmarks").is_dir():
        print(f"benchmark data not found at {data_folder()}; set STORYLINE_DATA. Skipping.")
        return 0
    print(f"Machine: {machine()}")
    # First, while this process is small: Linux carries a parent's peak RSS into a forked
    # child's ru_maxrss, so measuring after the baselines are loaded would overstate it.
    memory()
    per_cluster()
    startup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
