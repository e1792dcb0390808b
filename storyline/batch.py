"""Batch: summarize (and analyze) every story of large inputs on Dask, resumably.

Sits beside the CLI at the end of the pipeline: it plans *partitions* of the input (line ranges
of cluster .jsonl files, row groups of cluster Parquet files, or time windows of the stories
found among loose articles), runs one task per partition (in-process, on a Dask LocalCluster,
or on the Dask scheduler given) and has each task write its partition's records atomically
(temporary file, then rename). A partition whose file exists is finished: a rerun skips it, and
a task retried after its worker died writes the same file once. A story that fails is listed,
with its reason, in the partition's side file and the run goes on.

    OUTPUT/
      _batch.json                 the options the run used (a rerun must use the same)
      part-00000-<digest>.jsonl   one record per story (or .parquet)
      failed/part-00000-<digest>.jsonl   stories that failed, with the reason
      failures.jsonl              every failure of the run, gathered at the end
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import resource
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, NoArticlesError, UsageError
from .types import Article, Story

if TYPE_CHECKING:
    from distributed import Client

ENGINES = ("local", "dask")
OUTPUT_FORMATS = ("jsonl", "parquet")
PARTITION_STORIES = 50  # stories per task: ~1 s of work, so scheduling costs stay small
WINDOW_DAYS = 7
MANIFEST = "_batch.json"
DASK_HINT = "install the batch extra: pip install 'storyline[batch]'"


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What each story's record holds and how the output is laid out."""

    words: int | None = 100
    sentences: int | None = None
    method: str = "concepts"
    analysis: bool = False
    output_format: str = "jsonl"
    partition_stories: int = PARTITION_STORIES
    window_days: int = WINDOW_DAYS


@dataclass(frozen=True, slots=True)
class LineRange:
    """Lines `first_line`.. of a cluster .jsonl, bytes [start, end): read by the worker."""

    path: str
    start: int
    end: int
    first_line: int


@dataclass(frozen=True, slots=True)
class RowGroup:
    """One row group of a cluster Parquet file: read by the worker."""

    path: str
    index: int


@dataclass(frozen=True, slots=True)
class Partition:
    """A unit of work: where its stories come from, and the name of its output file."""

    name: str
    source: LineRange | RowGroup | tuple[Story, ...]
    stories: int  # how many stories (or records) it holds, for the progress bar


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What one task did."""

    name: str
    done: int
    failed: int
    seconds: float
    pid: int
    peak_rss_mb: float


@dataclass
class BatchReport:
    """The whole run: counts, time, throughput and peak memory per worker process."""

    partitions: int = 0
    skipped_partitions: int = 0
    done: int = 0
    failed: int = 0
    elapsed: float = 0.0
    peak_rss_mb: dict[int, float] = field(default_factory=dict)  # worker pid -> MB
    workers: int = 1

    @property
    def throughput(self) -> float:
        return (self.done + self.failed) / self.elapsed if self.elapsed > 0 else 0.0

    def summary(self) -> str:
        memory = max(self.peak_rss_mb.values(), default=0.0)
        skipped = (f", {self.skipped_partitions} of {self.partitions} partitions already done"
                   if self.skipped_partitions else "")
        return (f"{self.done} stories done, {self.failed} failed{skipped}; "
                f"elapsed {self.elapsed:.1f} s, {self.throughput:.1f} stories/s; "
                f"{self.workers} worker{'s' * (self.workers != 1)}, "
                f"peak memory per worker {memory:.0f} MB")


ArticleRecord = tuple[str, str, int, dict[str, Any]]  # where, file stem, line or row, record
StoryProcessor = Callable[[Story, BatchOptions], dict[str, Any]]
ProgressCallback = Callable[[int], None]


def story_record(story: Story, options: BatchOptions) -> dict[str, Any]:
    """The output record of one story: its id, articles, cited summary and analysis."""
    from .render import to_dict
    from .summarize import summarize

    summary = summarize(story.articles, options.words, sentences=options.sentences,
                        method=options.method, query=story.query, story_id=story.id)
    record: dict[str, Any] = {"story_id": story.id,
                              "article_ids": [a.id for a in story.articles],
                              "summary": to_dict(summary)}
    if options.analysis:
        from .analyze import analyze
        from .render_analysis import analysis_to_dict

        record["analysis"] = analysis_to_dict(
            analyze(story.articles, story_id=story.id, summary=summary, query=story.query))
    return record


# --- planning -----------------------------------------------------------------------------

def plan(paths: Sequence[str | os.PathLike[str]], options: BatchOptions
         ) -> tuple[list[Partition], list[InputError]]:
    """The partitions of every input, and the inputs that could not be used.

    Cluster records become line ranges (or row groups) that workers read themselves; loose
    articles are read here, grouped into stories (dedup and clustering, in date order) and
    the stories partitioned by the time window of their first date.
    """
    from .ingest.collect import Collector

    if options.partition_stories < 1:
        raise UsageError(f"--partition-size must be a positive whole number, got "
                         f"{options.partition_stories}")
    partitions: list[Partition] = []
    article_records: list[ArticleRecord] = []
    collector = Collector()
    for path in _expand(paths, collector):
        if path.suffix.lower() == ".parquet":
            partitions += _plan_parquet(path, options, article_records, collector)
        else:
            partitions += _plan_jsonl(path, options, article_records, collector)
    if article_records:
        partitions += _plan_articles(article_records, options, collector)
    partitions = [dataclasses.replace(p, name=f"part-{i:05d}-{p.name}")
                  for i, p in enumerate(partitions)]
    return partitions, collector.problems + collector.warnings


def _expand(paths: Sequence[str | os.PathLike[str]], collector: Any) -> list[Path]:
    import glob

    found: list[Path] = []
    for given in paths:
        text = str(given)
        matches = sorted(glob.glob(text)) if glob.has_magic(text) else [text]
        if not matches:
            collector.problem(text, "no file matches this pattern", "check the pattern")
        for match in matches:
            path = Path(match)
            if path.is_dir():
                found += sorted(p for p in path.rglob("*") if p.suffix.lower() in
                                (".jsonl", ".parquet") and not p.name.startswith("."))
            elif path.is_file():
                found.append(path)
            else:
                collector.problem(match, "no such file or folder", "check the path")
    return found


def _digest(*parts: object) -> str:
    return hashlib.sha1(json.dumps(parts, default=str).encode()).hexdigest()[:12]


def _option_key(options: BatchOptions) -> dict[str, Any]:
    """The options that change a record (not those that only change the layout)."""
    return {"words": options.words, "sentences": options.sentences, "method": options.method,
            "analysis": options.analysis}


def _plan_jsonl(path: Path, options: BatchOptions, article_records: list[ArticleRecord],
                collector: Any) -> Iterator[Partition]:
    """Line ranges of `options.partition_stories` cluster lines; article lines set aside."""
    if path.suffix.lower() not in (".jsonl", ".json"):
        collector.problem(str(path), "batch reads .jsonl or .parquet files",
                          "convert the articles to JSON Lines, one article or story per line")
        return
    start = offset = 0
    first_line, count = 1, 0
    content = hashlib.sha1()
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            is_article = False
            if raw.strip():
                try:
                    value = json.loads(raw)
                except (ValueError, RecursionError):
                    value = None  # a bad line stays in its range: the worker reports it
                if isinstance(value, dict) and "documents" not in value:
                    article_records.append((str(path), path.stem, number, value))
                    is_article = True
            if is_article and count:
                # a range never spans an article line, so workers only ever read clusters
                yield _range_partition(path, start, offset, first_line, count, content, options)
                count = 0
            offset += len(raw)
            if is_article or not raw.strip():
                continue
            if count == 0:
                start, first_line, content = offset - len(raw), number, hashlib.sha1()
            count += 1
            content.update(raw)
            if count == options.partition_stories:
                yield _range_partition(path, start, offset, first_line, count, content, options)
                count = 0
    if count:
        yield _range_partition(path, start, offset, first_line, count, content, options)


def _range_partition(path: Path, start: int, end: int, first_line: int, count: int,
                     content: Any, options: BatchOptions) -> Partition:
    return Partition(_digest(content.hexdigest(), _option_key(options)),
                     LineRange(str(path), start, end, first_line), count)


def _plan_parquet(path: Path, options: BatchOptions,
                  article_records: list[ArticleRecord],
                  collector: Any) -> Iterator[Partition]:
    """One partition per row group of a cluster file; article files are read here whole."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        collector.problem(str(path), "reading Parquet needs pyarrow", DASK_HINT)
        return
    try:
        parquet = pq.ParquetFile(path)
    except (OSError, ValueError) as error:
        collector.problem(str(path), f"not a readable Parquet file ({error})", "check the file")
        return
    if "documents" in parquet.schema_arrow.names:
        metadata = parquet.metadata
        for index in range(metadata.num_row_groups):
            group = metadata.row_group(index)
            key = (str(path.resolve()), index, group.num_rows, group.total_byte_size,
                   metadata.serialized_size)
            yield Partition(_digest(key, _option_key(options)), RowGroup(str(path), index),
                            group.num_rows)
        return
    for number, row in enumerate(parquet.read().to_pylist(), start=1):
        article_records.append((f"{path}: row", path.stem, number, row))


def _plan_articles(records: list[ArticleRecord], options: BatchOptions,
                   collector: Any) -> list[Partition]:
    """Loose articles -> stories (storyline.stories, in memory) -> partitions by time window."""
    from .ingest.collect import Collector
    from .ingest.records import read_json_lines
    from .stories import StoryPipeline, chunks, stream_order

    reading = Collector()
    for where, stem, number, value in records:
        read_json_lines([(number, json.dumps(value, default=str))], where, stem, reading)
    ingested = reading.result()
    collector.problems += reading.problems
    collector.warnings += reading.warnings
    pipeline = StoryPipeline()
    members: dict[int, list[Article]] = {}
    near: set[str] = set()
    for batch in chunks(stream_order(ingested.articles)):
        for decision in pipeline.decide(batch):
            if decision.kind in ("story", "near") and decision.story_id is not None:
                members.setdefault(decision.story_id, []).append(decision.article)
                if decision.kind == "near":
                    near.add(decision.article.id)
            elif decision.problem is not None:
                collector.problems.append(decision.problem)
    windows: dict[str, list[Story]] = {}
    for story_id, articles in sorted(members.items()):
        originals = tuple(a for a in articles if a.id not in near) or tuple(articles)
        dates = [a.date for a in articles if a.date is not None]
        window = _window(min(dates), options.window_days) if dates else "undated"
        windows.setdefault(window, []).append(Story(id=f"story-{story_id}", articles=originals))
    partitions = []
    for window, stories in sorted(windows.items()):
        for start in range(0, len(stories), options.partition_stories):
            part = tuple(stories[start : start + options.partition_stories])
            key = [(s.id, [(a.id, hashlib.sha1(a.text.encode()).hexdigest()) for a in s.articles])
                   for s in part]
            partitions.append(Partition(f"{window}-{_digest(key, _option_key(options))}", part,
                                        len(part)))
    return partitions


def _window(date: dt.date, days: int) -> str:
    """The first day of the `days`-long window holding `date` (windows counted from 1970-01-05,
    a Monday, so 7-day windows are ISO weeks)."""
    epoch = dt.date(1970, 1, 5)
    return (epoch + dt.timedelta(days=(date - epoch).days // days * days)).isoformat()


# --- one partition (runs on a worker) -----------------------------------------------------

def run_partition(partition: Partition, out: str, options: BatchOptions,
                  process: StoryProcessor = story_record) -> PartitionResult:
    """Process one partition and write its file atomically; a finished partition is skipped."""
    started = time.perf_counter()
    target = Path(out) / f"{partition.name}.{options.output_format}"
    if target.exists():
        # an earlier attempt of this task finished it (Dask may run a task again when the worker
        # it ran on was lost after it finished): report what that attempt wrote
        done = _records_in(target)
        return PartitionResult(partition.name, done, max(0, partition.stories - done), 0.0,
                               os.getpid(), _peak_rss_mb())
    stories, failures = _read_partition(partition)
    records = []
    for story in stories:
        try:
            records.append(process(story, options))
        except Exception as error:  # noqa: BLE001 - one bad story must not stop the batch;
            # it is not swallowed: it goes to the side file with its type, message and place.
            failures.append({"story_id": story.id, "partition": partition.name,
                             "error": type(error).__name__, "reason": str(error),
                             "where": _where(error)})
    for failure in failures:
        failure.setdefault("partition", partition.name)
    failed_dir = Path(out) / "failed"
    if failures:
        failed_dir.mkdir(parents=True, exist_ok=True)
        _write_jsonl_atomically(failed_dir / f"{partition.name}.jsonl", failures)
    if options.output_format == "parquet":
        _write_parquet_atomically(target, records)
    else:
        _write_jsonl_atomically(target, records)
    # a story is failed when it gave no record (an unreadable line, or an error while
    # processing); documents skipped inside a story that was still summarized are only listed
    return PartitionResult(partition.name, len(records), max(0, partition.stories - len(records)),
                           time.perf_counter() - started, os.getpid(), _peak_rss_mb())


def _read_partition(partition: Partition) -> tuple[list[Story], list[dict[str, Any]]]:
    from .ingest.collect import Collector
    from .ingest.records import read_json_lines

    source = partition.source
    if isinstance(source, tuple):
        return list(source), []
    collector = Collector()
    if isinstance(source, LineRange):
        with open(source.path, "rb") as stream:
            stream.seek(source.start)
            data = stream.read(source.end - source.start)
        lines = [(n, raw.decode("utf-8", errors="strict") if _is_utf8(raw) else None)
                 for n, raw in enumerate(data.split(b"\n"), start=source.first_line)]
        read_json_lines(lines, source.path, Path(source.path).stem, collector)
    else:
        import pyarrow.parquet as pq

        rows = pq.ParquetFile(source.path).read_row_group(source.index).to_pylist()
        lines = [(n, json.dumps(row, default=str)) for n, row in enumerate(rows, start=1)]
        read_json_lines(lines, f"{source.path}: row group {source.index}",
                        Path(source.path).stem, collector)
    ingested = collector.result()
    failures = [{"story_id": None, "error": "InputError", "reason": str(problem),
                 "where": problem.where} for problem in ingested.problems]
    return list(ingested.stories), failures


def _records_in(path: Path) -> int:
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    with path.open("rb") as stream:
        return sum(1 for line in stream if line.strip())


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _where(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _write_jsonl_atomically(target: Path, records: Sequence[dict[str, Any]]) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, target)


def _write_parquet_atomically(target: Path, records: Sequence[dict[str, Any]]) -> None:
    """Parquet rows: story_id, article_ids, and the summary (and analysis) as JSON text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "story_id": [r["story_id"] for r in records],
        "article_ids": [r["article_ids"] for r in records],
        "summary": [json.dumps(r["summary"], ensure_ascii=False) for r in records],
        "analysis": [json.dumps(r["analysis"], ensure_ascii=False) if "analysis" in r else None
                     for r in records],
    }, schema=pa.schema([("story_id", pa.string()), ("article_ids", pa.list_(pa.string())),
                         ("summary", pa.string()), ("analysis", pa.string())]))
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, target)


# --- the run --------------------------------------------------------------------------------

def run_batch(paths: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str],
              options: BatchOptions | None = None, *, engine: str = "local", workers: int = 1,
              scheduler: str | None = None, progress: ProgressCallback | None = None,
              planned: ProgressCallback | None = None, process: StoryProcessor = story_record,
              problems: Callable[[InputError], None] | None = None) -> BatchReport:
    """Run every partition of `paths` into the folder `out` and report what happened.

    `engine="local"` with one worker runs in this process; more workers, `engine="dask"` or a
    `scheduler` address run the same task function on Dask. `planned` is told how many stories
    there are to do, `progress` how many more are done as each partition finishes.
    """
    options = options or BatchOptions()
    _check(options, engine, workers, scheduler)
    started = time.perf_counter()
    partitions, input_problems = plan(paths, options)
    for problem in input_problems:
        if problems is not None:
            problems(problem)
    if not partitions:
        raise NoArticlesError(", ".join(map(str, paths)), "no stories or articles to batch",
                              "give .jsonl or .parquet files of story clusters or articles")
    folder = Path(out)
    _open_output(folder, options)
    report = BatchReport(partitions=len(partitions), workers=workers)
    todo = []
    for partition in partitions:
        if (folder / f"{partition.name}.{options.output_format}").exists():
            report.skipped_partitions += 1
        else:
            todo.append(partition)
    if planned is not None:
        planned(sum(p.stories for p in todo))
    if engine == "local" and workers == 1 and scheduler is None:
        results: Iterator[PartitionResult] = (
            run_partition(p, str(folder), options, process) for p in todo)
        _collect(results, report, progress, {p.name: p.stories for p in todo})
    else:
        with _worker_environment():
            _run_on_dask(todo, str(folder), options, process, report, progress, workers,
                         scheduler)
    _gather_failures(folder)
    report.elapsed = time.perf_counter() - started
    return report


def _check(options: BatchOptions, engine: str, workers: int, scheduler: str | None) -> None:
    if engine not in ENGINES:
        raise UsageError(f"--engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if workers < 1:
        raise UsageError(f"--workers must be a positive whole number, got {workers}")
    if scheduler is not None and engine == "local":
        raise UsageError("--scheduler needs --engine dask (or leave --engine out)")
    if options.output_format not in OUTPUT_FORMATS:
        raise UsageError(f"--format must be one of {', '.join(OUTPUT_FORMATS)}, got "
                         f"{options.output_format!r}")
    if options.window_days < 1:
        raise UsageError(f"--window-days must be a positive whole number, got {options.window_days}")


def _open_output(folder: Path, options: BatchOptions) -> None:
    """Create the output folder, or check that the run it holds used the same options."""
    manifest = folder / MANIFEST
    wanted = {**_option_key(options), "format": options.output_format,
              "partition_stories": options.partition_stories, "window_days": options.window_days}
    if manifest.exists():
        stored = json.loads(manifest.read_text(encoding="utf-8"))
        if stored != wanted:
            changed = sorted(k for k in wanted if stored.get(k) != wanted[k])
            raise UsageError(f"{folder} holds a batch run with other options "
                             f"({', '.join(changed)}); rerun with the same options to resume, "
                             "or choose a new --out")
        return
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out {folder} is a file; give a folder for the partition files")
    if folder.is_dir() and any(folder.iterdir()):
        raise UsageError(f"--out {folder} is not empty and holds no batch run; choose a new "
                         "folder")
    folder.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps(wanted, indent=1) + "\n", encoding="utf-8")


def _collect(results: Iterator[PartitionResult], report: BatchReport,
             progress: ProgressCallback | None, sizes: dict[str, int]) -> None:
    for result in results:
        report.done += result.done
        report.failed += result.failed
        if result.pid:
            report.peak_rss_mb[result.pid] = max(report.peak_rss_mb.get(result.pid, 0.0),
                                                 result.peak_rss_mb)
        if progress is not None:
            progress(sizes.get(result.name, result.done + result.failed))


def _run_on_dask(todo: list[Partition], out: str, options: BatchOptions,
                 process: StoryProcessor, report: BatchReport,
                 progress: ProgressCallback | None, workers: int, scheduler: str | None) -> None:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise UsageError(f"--engine dask needs dask.distributed; {DASK_HINT}") from None
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout=10)
        except OSError as error:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler} ({error}); "
                             "check the address and that `dask scheduler` is running") from None
    try:
        report.workers = len(client.scheduler_info(n_workers=-1)["workers"]) or workers
        if options.analysis:
            client.run(_warm_models)  # each worker loads spaCy once, before its first story
        futures = [client.submit(run_partition, p, out, options, process, key=p.name,
                                 pure=False, retries=2) for p in todo]
        sizes = {p.name: p.stories for p in todo}
        _collect(_results(as_completed(futures), out, sizes), report, progress, sizes)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextlib.contextmanager
def _worker_environment() -> Iterator[None]:
    """Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which makes glibc hand
    memory back to the system so eagerly that spaCy's many small allocations run ~17% slower
    (measured: the same 400 Multi-News stories with analysis, 29.4 s against 25.1 s on one
    core). Workers of a LocalCluster start without it; its other settings (one BLAS thread)
    stay. A worker the nanny restarts later also starts without it: the setting holds while
    the cluster runs."""
    import dask

    try:  # its defaults join dask's config on import: before `set`, whose undo would drop them
        import distributed  # noqa: F401
    except ImportError:
        yield  # _run_on_dask says how to install it
        return
    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    with dask.config.set({"distributed.nanny.pre-spawn-environ": environ,
                          "distributed.worker.profile.enabled": False}):
        yield


def _results(futures: Any, out: str, sizes: dict[str, int]) -> Iterator[PartitionResult]:
    """Each task's result; a partition whose workers kept dying (Dask gives up after
    `distributed.scheduler.allowed-failures` deaths) is recorded as failed, and a rerun tries it
    again."""
    from distributed import KilledWorker

    for future in futures:
        try:
            yield future.result()
        except KilledWorker as error:
            name = str(future.key)
            failed_dir = Path(out) / "failed"
            failed_dir.mkdir(parents=True, exist_ok=True)
            _write_jsonl_atomically(failed_dir / f"{name}.lost.jsonl", [{
                "story_id": None, "partition": name, "error": "KilledWorker",
                "reason": f"every worker that ran this partition died ({error}); rerun to retry "
                "it", "where": ""}])
            yield PartitionResult(name, 0, sizes.get(name, 0), 0.0, 0, 0.0)


def _warm_models() -> None:
    from .nlp import pipeline

    pipeline()


def _gather_failures(folder: Path) -> None:
    """Every partition's failures in one side file, `failures.jsonl` (rewritten atomically)."""
    records: list[dict[str, Any]] = []
    failed = folder / "failed"
    if failed.is_dir():
        for path in sorted(failed.glob("part-*.jsonl")):
            if path.name.endswith(".lost.jsonl") and _is_finished(folder, path.name):
                path.unlink()  # that partition has been finished by a later run
                continue
            records += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                        if line.strip()]
    _write_jsonl_atomically(folder / "failures.jsonl", records)


def _is_finished(folder: Path, lost_name: str) -> bool:
    base = lost_name.removesuffix(".lost.jsonl")
    return any((folder / f"{base}.{fmt}").exists() for fmt in OUTPUT_FORMATS)


def read_output(out: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Every story record of a finished batch folder, partition by partition."""
    folder = Path(out)
    for path in sorted(folder.glob("part-*.jsonl")):
        with path.open(encoding="utf-8") as stream:
            for line in stream:
                if line.strip():
                    yield json.loads(line)
    for path in sorted(folder.glob("part-*.parquet")):
        import pyarrow.parquet as pq

        for row in pq.read_table(path).to_pylist():
            row["summary"] = json.loads(row["summary"])
            if row["analysis"] is None:
                del row["analysis"]
            else:
                row["analysis"] = json.loads(row["analysis"])
            yield row


def say(message: str) -> None:
    print(f"storyline: {message}", file=sys.stderr)
