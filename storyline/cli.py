"""The `storyline` command: parse options, call the library, print. No ranking code here.

Heavy modules are imported inside the commands so `storyline --help` answers at once.
Exit status: 0 when a summary was printed, 1 when no input was usable, 2 for a usage
mistake, 3 with --strict when some input had to be skipped.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .render import FORMATS

if TYPE_CHECKING:
    from .ingest import Ingested
    from .types import Story

EXIT_NOTHING_USABLE = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .errors import NoArticlesError, StorylineError

    try:
        return int(args.run(args))
    except NoArticlesError as exc:
        _say(f"error: {exc}")
        return EXIT_NOTHING_USABLE
    except StorylineError as exc:
        _say(f"error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storyline",
        description="Read many news articles about a story and tell it: a short summary in "
        "which every sentence cites the articles that say it.",
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    summarize = commands.add_parser(
        "summarize", help="print a cited summary of the articles given",
        description="Summarize the articles in PATHs (files, folders, or - for stdin): .txt, "
        ".html, .json/.jsonl articles, RSS/Atom feeds, or a .jsonl of story clusters "
        "(one summary per cluster).")
    _add_input_options(summarize)
    _add_summary_options(summarize)
    summarize.add_argument("--analysis", action="store_true",
                           help="add the story analysis: quotes, entities, timeline, agreement")
    summarize.set_defaults(run=run_summarize)

    analyze = commands.add_parser(
        "analyze", help="print who said what, who is who, when, and where sources differ",
        description="Analyze the articles in PATHs (same inputs as summarize): quotes by "
        "speaker, people/organisations/places with their aliases, a dated timeline, and how "
        "many independent sources back each key claim, with numeric disagreements and "
        "opposing quotes.")
    _add_input_options(analyze)
    analyze.set_defaults(run=run_analyze)

    evaluate = commands.add_parser(
        "evaluate", help="score methods with ROUGE-1.5.5 against reference summaries",
        description="Summarize every cluster of a benchmark .jsonl (clusters with "
        "'references') and print macro-averaged ROUGE-1, ROUGE-2 and ROUGE-SU4 (x100) and "
        "seconds per cluster, one row per method.")
    evaluate.add_argument("path", metavar="FILE.jsonl")
    evaluate.add_argument("--words", type=int, required=True, help="summary and reference length")
    evaluate.add_argument("--method", action="append", dest="methods", metavar="METHOD",
                          help="method to score; repeat to compare several (default: concepts)")
    evaluate.add_argument("--metric", choices=("recall", "f1"), default="recall")
    evaluate.add_argument("--no-query", action="store_true",
                          help="ignore the clusters' queries (generic summaries)")
    evaluate.add_argument("--limit", type=int, metavar="N", help="score only the first N clusters")
    evaluate.set_defaults(run=run_evaluate)

    stories = commands.add_parser(
        "stories", help="find the stories in a stream of articles and keep them in a store",
        description="Add the articles in PATHs (same inputs as summarize; a cluster file is read "
        "as its articles, labels ignored) to the story store: exact copies are dropped, near "
        "copies marked, the rest grouped into stories, incrementally. Then print the story "
        "list. Without PATHs, print the stories already stored.")
    stories.add_argument("paths", nargs="*", metavar="PATH")
    stories.add_argument("--db", default="storyline.db", metavar="PATH|URL",
                         help="the story store: a SQLite file created on first use (default "
                         "storyline.db in the current folder), or a PostgreSQL database, "
                         "postgresql://user@host/dbname")
    stories.add_argument("--format", choices=("text", "json"), default="text",
                         help="output format (default text; json prints one object per story)")
    stories.add_argument("--summarize", action="store_true",
                         help="add each story's cited summary (100 words)")
    stories.add_argument("--limit", type=int, metavar="N",
                         help="list only the N latest stories")
    stories.add_argument("--progress", action="store_true",
                         help="show a progress bar on stderr even when it is not a terminal")
    stories.add_argument("--strict", action="store_true",
                         help="exit with status 3 when any input had to be skipped")
    stories.set_defaults(run=run_stories)

    batch = commands.add_parser(
        "batch", help="summarize every story of large inputs on Dask, resumably",
        description="Summarize (and with --analysis analyze) every story in INPUTs (.jsonl or "
        ".parquet files, folders or globs, of story clusters or single articles, which are "
        "grouped into stories first) and write one record per story into the folder OUTPUT, "
        "one file per partition. A rerun skips the partitions already written.")
    batch.add_argument("inputs", nargs="+", metavar="INPUT")
    batch.add_argument("--out", required=True, metavar="OUTPUT",
                       help="the output folder (created; a rerun resumes it)")
    batch.add_argument("--engine", choices=("local", "dask"), default=None,
                       help="local (default): in this process, or a Dask LocalCluster with "
                       "--workers > 1; dask: always on Dask")
    batch.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                       help="run on this Dask scheduler instead of a local cluster")
    batch.add_argument("--workers", type=int, default=None, metavar="N",
                       help="worker processes for a local cluster (default 1; 2 for --engine dask)")
    batch.add_argument("--analysis", action="store_true",
                       help="add each story's analysis: quotes, entities, timeline, agreement")
    batch.add_argument("--words", type=int, default=100, metavar="N",
                       help="at most N words per summary (default 100)")
    batch.add_argument("--method", default="concepts",
                       help="summarization method (default concepts; see `storyline methods`)")
    batch.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl",
                       help="partition file format (default jsonl)")
    batch.add_argument("--partition-size", type=int, default=50, metavar="N",
                       help="stories per partition, the unit of work and of resuming (default 50)")
    batch.add_argument("--window-days", type=int, default=7, metavar="N",
                       help="with single articles, partition the stories found by N-day windows "
                       "of their first date (default 7)")
    batch.add_argument("--progress", action="store_true",
                       help="show the progress bar on stderr even when it is not a terminal")
    batch.set_defaults(run=run_batch)

    serve = commands.add_parser(
        "serve", help="run the HTTP API and web pages over a story store",
        description="Serve the story store over HTTP: POST /articles, GET /stories, "
        "GET /stories/{id}, POST /summarize, GET /health, the pages at / and the API docs "
        "at /docs.")
    serve.add_argument("--db", default="storyline.db", metavar="PATH|URL",
                       help="the story store: a SQLite file created on first use (default "
                       "storyline.db in the current folder), or a PostgreSQL database, "
                       "postgresql://user@host/dbname")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--api-key", metavar="KEY",
                       help="require this key (X-API-Key header) on write routes; default: the "
                       "STORYLINE_API_KEY environment variable, else no key")
    serve.add_argument("--view-processes", type=int, metavar="N", default=None,
                       help="compute story views (summary and analysis) in N worker "
                       "processes; 0 computes them in the server's own process (default: one "
                       "per CPU core)")
    serve.set_defaults(run=run_serve)

    methods = commands.add_parser("methods", help="list the summarization methods")
    methods.set_defaults(run=run_methods)
    return parser


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    """PATHs, --format and --strict, shared by summarize and analyze."""
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="output format (default text; json prints one object per story)")
    parser.add_argument("--strict", action="store_true",
                        help="exit with status 3 when any input had to be skipped")


def _add_summary_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--words", type=int, metavar="N",
                        help="at most N words, counted as ROUGE counts them (default 100)")
    parser.add_argument("--sentences", type=int, metavar="N", help="at most N sentences")
    parser.add_argument("--method", default="concepts",
                        help="summarization method (default concepts; see `storyline methods`)")
    parser.add_argument("--query", metavar="TEXT",
                        help="focus the summary on this question (overrides a cluster's query)")
    parser.add_argument("--truncate", action="store_true",
                        help="fill the word budget exactly by cutting the last sentence short")


def run_summarize(args: argparse.Namespace) -> int:
    from .render import render
    from .summarize import summarize

    ingested, stories = _read_stories(args.paths)
    words = args.words if args.words is not None else (None if args.sentences else 100)
    outputs = []
    for story in stories:
        summary = summarize(
            story.articles, words, sentences=args.sentences, method=args.method,
            query=args.query if args.query is not None else story.query,
            truncate=args.truncate, story_id=_cluster_id(story, ingested))
        if not summary.sentences:
            _say(f"warning: the summary{' of ' + story.id if summary.story_id else ''} is empty: "
                 f"no sentence both fits --words {words} and reads well alone (sentences under "
                 "8 words, questions and quotes without a speaker are left out); raise "
                 "--words, add --truncate, or check the articles' text")
        analysis = None
        if args.analysis:
            from .analyze import analyze

            analysis = analyze(story.articles, story_id=summary.story_id, summary=summary,
                               query=summary.query)
        outputs.append(render(summary, args.format, analysis))
    return _print(outputs, args, ingested)


def run_analyze(args: argparse.Namespace) -> int:
    from .analyze import analyze
    from .render_analysis import render_analysis

    ingested, stories = _read_stories(args.paths)
    outputs = [
        render_analysis(analyze(story.articles, story_id=_cluster_id(story, ingested),
                                query=story.query), args.format)
        for story in stories
    ]
    return _print(outputs, args, ingested)


def _read_stories(paths: Sequence[str]) -> tuple[Ingested, list[Story]]:
    """Read the inputs (stdin for "-"), report what was skipped, and group them into stories."""
    from .errors import NoArticlesError
    from .ingest import read_inputs

    ingested = read_inputs(paths, stdin=sys.stdin.buffer if "-" in paths else None)
    _report(ingested)
    stories = _stories(ingested)
    if not stories:
        raise NoArticlesError(", ".join(paths), "no usable articles in the input",
                              "see the messages above for what each file needs")
    return ingested, stories


def _cluster_id(story: Story, ingested: Ingested) -> str | None:
    """The story's id when it came from a cluster file; loose articles have none."""
    return story.id if any(story is s for s in ingested.stories) else None


def _print(outputs: list[str], args: argparse.Namespace, ingested: Ingested) -> int:
    separator = "\n" if args.format == "json" else "\n\n"
    sys.stdout.write(separator.join(o.rstrip("\n") for o in outputs) + "\n")
    if args.strict and ingested.problems:
        return EXIT_SKIPPED
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from .errors import NoArticlesError, UsageError
    from .evaluate import evaluate
    from .ingest import read_inputs

    if args.limit is not None and args.limit < 1:
        raise UsageError(f"--limit must be a positive whole number, got {args.limit}")
    ingested = read_inputs([args.path])
    _report(ingested)
    stories = list(ingested.stories)[: args.limit] if args.limit else list(ingested.stories)
    if not stories:
        raise NoArticlesError(args.path, "no story clusters found",
                              "evaluate needs a .jsonl with 'documents' and 'references' per line")
    result = evaluate(stories, args.words, args.methods or ["concepts"], metric=args.metric,
                      use_query=not args.no_query)
    label = "recall" if result.metric == "recall" else "F1"
    print(f"ROUGE-1.5.5 {label} x100, {result.stories} clusters, {result.words} words"
          f"{', queries ignored' if args.no_query else ''}")
    print(f"{'method':<16}{'R-1':>8}{'R-2':>8}{'R-SU4':>8}{'s/cluster':>11}")
    for r in result.results:
        print(f"{r.method:<16}{r.rouge_1:>8.2f}{r.rouge_2:>8.2f}{r.rouge_su4:>8.2f}"
              f"{r.seconds_per_story:>11.3f}")
    return 0


def run_stories(args: argparse.Namespace) -> int:
    from .errors import UsageError
    from .ingest import read_inputs
    from .store import open_store
    from .stories import add_articles, list_stories, render_stories, summarize_story

    if args.limit is not None and args.limit < 1:
        raise UsageError(f"--limit must be a positive whole number, got {args.limit}")
    articles = []
    problems = 0
    if args.paths:
        ingested = read_inputs(args.paths, stdin=sys.stdin.buffer if "-" in args.paths else None)
        _report(ingested)
        problems += len(ingested.problems)
        articles = [a for s in ingested.stories for a in s.articles] + list(ingested.articles)
    with open_store(args.db) as store:
        if articles:
            bar = _progress_bar(len(articles), args.progress)
            try:
                report = add_articles(store, articles, progress=bar.update if bar else None)
            finally:
                if bar is not None:
                    bar.close()
            for problem in report.problems:
                _say(f"skipped {problem}")
            problems += len(report.problems)
            _say(f"{report.added} articles added ({report.near_duplicates} near copies), "
                 f"{report.new_stories} new stories, {report.exact_duplicates} exact copies "
                 f"dropped, {report.already_stored} already stored")
        listings = list_stories(store, args.limit)
        summaries = {s.id: summarize_story(store, s.id) for s in listings} if args.summarize else {}
    sys.stdout.write(render_stories(listings, args.format, summaries))
    if args.strict and problems:
        return EXIT_SKIPPED
    return 0


def run_batch(args: argparse.Namespace) -> int:
    from .batch import BatchOptions, run_batch as batch

    engine = args.engine or ("dask" if args.scheduler else "local")
    workers = args.workers if args.workers is not None else (2 if engine == "dask" else 1)
    options = BatchOptions(words=args.words, method=args.method, analysis=args.analysis,
                           output_format=args.format, partition_stories=args.partition_size,
                           window_days=args.window_days)
    bar = _progress_bar(0, args.progress, unit="story")

    def planned(total: int) -> None:
        if bar is not None:
            bar.total = total
            bar.refresh()

    try:
        report = batch(args.inputs, args.out, options, engine=engine, workers=workers,
                       scheduler=args.scheduler, progress=bar.update if bar is not None else None,
                       planned=planned, problems=lambda p: _say(f"skipped {p}"))
    finally:
        if bar is not None:
            bar.close()
    _say(f"batch: {report.summary()}")
    if report.failed:
        _say(f"failed stories and their reasons: {args.out}/failures.jsonl")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    import os

    import uvicorn

    from .service import create_app

    api_key = args.api_key or os.environ.get("STORYLINE_API_KEY") or None
    processes = args.view_processes
    if processes is None:
        processes = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
    if processes < 0:
        from .errors import UsageError

        raise UsageError(f"--view-processes must be 0 or more, got {processes}")
    app = create_app(args.db, api_key=api_key, view_processes=processes)
    if api_key is None and args.host not in ("127.0.0.1", "localhost", "::1"):
        _say(f"warning: listening on {args.host} with no API key: anyone who can reach it can "
             "add articles (give --api-key or set STORYLINE_API_KEY)")
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def _progress_bar(total: int, forced: bool, unit: str = "article") -> Any:
    """A tqdm bar on stderr when stderr is a terminal (or when asked), else None."""
    if not (forced or sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, file=sys.stderr, disable=False)


def run_methods(args: argparse.Namespace) -> int:
    from .summarizers.base import available_methods

    for name, description in available_methods().items():
        print(f"{name:<10} {description}")
    return 0


def _stories(ingested: Ingested) -> list[Story]:
    from .types import Story

    stories = [s for s in ingested.stories if s.articles]
    if ingested.articles:
        stories.append(Story(id="articles", articles=ingested.articles))
    return stories


def _report(ingested: Ingested) -> None:
    for problem in ingested.problems:
        _say(f"skipped {problem}")
    for warning in ingested.warnings:
        _say(f"warning: {warning}")


def _say(message: str) -> None:
    print(f"storyline: {message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
