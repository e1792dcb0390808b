"""Batch throughput: clusters/s for `storyline batch` on Multi-News and DUC 2006.

Runs each data set with --engine local (1 and 2 workers) and --engine dask (2 workers),
summaries alone and with --analysis, into fresh temporary folders, and prints a Markdown table:
clusters/s (elapsed time includes starting the Dask cluster), scaling over one worker, peak
memory per worker process, and the load average around each run (other processes share the
cores). Reads ../shared/data in place; skips cleanly when it is absent.

    .venv/bin/python benchmarks/batch.py                        # full Multi-News, sampled analysis
    .venv/bin/python benchmarks/batch.py --analysis-limit 0     # analysis on every cluster too
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
from pathlib import Path

from storyline.batch import BatchOptions, run_batch

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "benchmarks"
SETS = {"multinews-val": DATA / "multinews-val.jsonl", "duc2006-dev": DATA / "duc2006-dev.jsonl"}
CONFIGS = [("local", 1), ("local", 2), ("dask", 2)]
# DUC 2006 has 25 large clusters (25 articles each): small partitions so 2 workers share them
PARTITION = {"multinews-val": 50, "duc2006-dev": 3}


def sample(path: Path, limit: int, folder: Path) -> Path:
    """The first `limit` clusters of `path` (0: all of them, read in place)."""
    if not limit:
        return path
    target = folder / f"{path.stem}-first{limit}.jsonl"
    with path.open("rb") as source, target.open("wb") as out:
        out.writelines(itertools.islice(source, limit))
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0,
                        help="clusters per data set for summaries alone (0: all)")
    parser.add_argument("--analysis-limit", type=int, default=300,
                        help="clusters per data set with --analysis (0: all; default 300, 12 for DUC)")
    parser.add_argument("--sets", nargs="*", default=list(SETS))
    args = parser.parse_args()
    missing = [name for name in args.sets if not SETS[name].is_file()]
    if missing:
        print(f"skipped: benchmark data not found ({', '.join(missing)} under {DATA})")
        return 0
    print("| data | clusters | task | engine | workers | clusters/s | vs 1 worker | "
          "peak MB/worker | load before/after |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, analysis in itertools.product(args.sets, (False, True)):
            limit = args.analysis_limit if analysis else args.limit
            if analysis and name == "duc2006-dev" and args.analysis_limit:
                limit = min(limit, 12)  # ~3 s of analysis per 25-article cluster
            path = sample(SETS[name], limit, Path(folder))
            single = 0.0
            for engine, workers in CONFIGS:
                out = Path(folder) / f"{name}-{analysis}-{engine}-{workers}"
                load_before = os.getloadavg()[0]
                report = run_batch([path], out, BatchOptions(
                    analysis=analysis, partition_stories=PARTITION[name]), engine=engine,
                                   workers=workers)
                load_after = os.getloadavg()[0]
                rate = report.throughput
                single = single or rate
                memory = max(report.peak_rss_mb.values(), default=0.0)
                print(f"| {name} | {report.done + report.failed} | "
                      f"{'summary + analysis' if analysis else 'summary'} | {engine} | {workers} "
                      f"| {rate:.1f} | {rate / single:.2f}x | {memory:.0f} | "
                      f"{load_before:.1f} / {load_after:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
