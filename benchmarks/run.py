"""Quality and speed of Storyline's methods and the baselines on the benchmark sets.

    python benchmarks/run.py duc2003 multiling2011-en duc2006-dev multinews-val
    python benchmarks/run.py --all

Reads the sets from ../shared/data/benchmarks (or $STORYLINE_DATA/benchmarks) and skips with a
message when they are absent. Every method runs on the same clusters in one run and is scored
with Storyline's ROUGE-1.5.5 reimplementation under the protocol of ../shared/data/README.md.
Prints a Markdown table per set (pasted into BENCHMARKS.md) and writes the per-cluster scores
to benchmarks/results/<set>.json. Timing is the summarizer alone (from article texts to
summary sentences, segmentation included) after one untimed warm-up run of each method
(imports, caches), one process, BLAS pinned to one thread.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from storyline.candidates import reading_order  # noqa: E402
from storyline.evaluate import Evaluation, evaluate, storyline_method  # noqa: E402
from storyline.ingest import read_inputs  # noqa: E402
from storyline.summarizers.base import available_methods  # noqa: E402
from storyline.types import Story  # noqa: E402

# name -> (words, metric, use the query?, sample size or None)
SETS: dict[str, tuple[int, str, bool, int | None]] = {
    "duc2003": (100, "recall", False, None),
    "multiling2011-en": (250, "recall", False, None),
    "duc2006-dev": (250, "recall", True, None),
    "multinews-val": (250, "f1", False, 500),
}
SAMPLE_SEED = 2026


def data_folder() -> Path:
    root = os.environ.get("STORYLINE_DATA")
    return Path(root) if root else HERE.parents[1] / "shared" / "data"


def load(name: str) -> list[Story]:
    path = data_folder() / "benchmarks" / f"{name}.jsonl"
    ingested = read_inputs([str(path)])
    stories = list(ingested.stories)
    sample = SETS[name][3]
    if sample is not None and len(stories) > sample:
        keep = sorted(random.Random(SAMPLE_SEED).sample(range(len(stories)), sample))
        stories = [stories[i] for i in keep]
    return stories


def baselines(include_sumy: bool) -> dict:  # type: ignore[type-arg]
    from plain_ilp import plain_ilp_summary

    def texts(story: Story) -> list[str]:
        return [a.text for a in reading_order(story.articles)]

    functions = {"plain-ilp (ICSI)": lambda story, words: plain_ilp_summary(texts(story), words)}
    if include_sumy:
        from baselines import SUMY_METHODS, sumy_summary

        for method in SUMY_METHODS:
            functions[method] = (lambda m: lambda story, words: sumy_summary(texts(story), words, m))(method)
    return functions


def run_set(name: str, methods: list[str], include_sumy: bool) -> list[Evaluation]:
    words, metric, with_query, _ = SETS[name]
    stories = load(name)
    extra = baselines(include_sumy)
    print(f"# {name}: {len(stories)} clusters, {words} words, {metric}", file=sys.stderr)
    # Time after start-up: one untimed run of every method loads its modules and caches.
    for function in [*(storyline_method(m) for m in methods), *extra.values()]:
        function(stories[0], words)
    runs = [evaluate(stories, words, methods, metric=metric, use_query=False, extra=extra)]
    if with_query:
        queried = {f"{m} +query": storyline_method(m, use_query=True) for m in methods}
        runs.append(evaluate(stories, words, [], metric=metric, use_query=True, extra=queried))
    return runs


def table(name: str, runs: list[Evaluation]) -> str:
    first = runs[0]
    label = "recall" if first.metric == "recall" else "F1"
    lines = [f"### {name} — {first.stories} clusters, {first.words} words, ROUGE {label} x100",
             "", "| method | R-1 | R-2 | R-SU4 | s/cluster |", "|---|---|---|---|---|"]
    for run in runs:
        for r in run.results:
            lines.append(f"| {r.method} | {r.rouge_1:.2f} | {r.rouge_2:.2f} | {r.rouge_su4:.2f} "
                         f"| {r.seconds_per_story:.3f} |")
    return "\n".join(lines)


def save(name: str, runs: list[Evaluation]) -> None:
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    record = {
        "set": name, "machine": machine(),
        "methods": [
            {"method": r.method, "rouge_1": r.rouge_1, "rouge_2": r.rouge_2, "rouge_su4": r.rouge_su4,
             "seconds_per_cluster": r.seconds_per_story,
             "per_cluster": [{"id": sid, "r2": s.rouge_2.recall, "r2_f1": s.rouge_2.f1, "seconds": t}
                             for sid, s, t in r.per_story]}
            for run in runs for r in run.results
        ],
    }
    (out / f"{name}.json").write_text(json.dumps(record, indent=1))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", metavar="SET", help=f"any of {', '.join(SETS)}")
    parser.add_argument("--all", action="store_true", help="every set")
    parser.add_argument("--method", action="append", dest="methods",
                        help="Storyline method (default: all registered)")
    parser.add_argument("--no-sumy", action="store_true", help="skip the sumy baselines")
    args = parser.parse_args()
    names = list(SETS) if args.all or not args.sets else args.sets
    unknown = [n for n in names if n not in SETS]
    if unknown:
        parser.error(f"unknown set {unknown[0]!r}; choose from {', '.join(SETS)}")
    if not (data_folder() / "benchmarks").is_dir():
        print(f"benchmark data not found at {data_folder()}; set STORYLINE_DATA. Skipping.")
        return 0
    methods = args.methods or list(available_methods())
    print(f"Machine: {machine()}\n")
    for name in names:
        runs = run_set(name, methods, include_sumy=not args.no_sumy)
        save(name, runs)
        print(table(name, runs) + "\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
