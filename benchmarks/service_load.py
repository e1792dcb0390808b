"""Load on the real server: story reads and article ingest over HTTP on loopback.

    .venv/bin/python benchmarks/service_load.py --keep /tmp/service-load   # 20 s phases
    .venv/bin/python benchmarks/service_load.py --keep /tmp/service-load --concurrency 1

Builds a SQLite store of 10,000 `multinews-val` articles (read in place from
../shared/data/benchmarks or $STORYLINE_DATA/benchmarks; skipped with a message when absent;
nothing is copied into the repository) with `add_articles`, then has the server compute and
store every story's view (its start-up sweep: summary and analysis of each story, timed). With
`--keep DIR` that base store is built once and reused; each run works on a copy of it. Then
starts `storyline serve` on the copy (a uvicorn subprocess on 127.0.0.1) and drives it with an
async httpx client, each phase bounded in time:

- stored-view reads: GET /stories/{id} of stories this server has not read yet, each id once
  (their views are in the store: no spaCy, no solver);
- warm reads: GET /stories/{id} drawn at random from stories read before, all in the server's
  in-memory cache (fewer ids than it holds, no writes meanwhile);
- mixed reads: ids drawn at random from every story;
- ingest: POST /articles of articles not stored yet, one article per request, then 50 per
  request (at most --ingest-articles each): the answer comes after deduplication, story
  assignment and the commit ("acknowledged"); the view worker then recomputes the changed
  stories' views, and the phase is also timed until no view is pending ("until every view is
  current": the sustained rate with analysis);
- reads while ingesting: random reads of every story while single-article posts go on, as
  fast as one POST in flight goes, then paced (--paced, 8/s: below what the view worker
  keeps up with).

The server's answers say where each read found its view (X-Storyline-View: cache, stored or
computed); the counts are reported. Latency is measured at the client (queueing at the server
included). The client runs on the same machine, so it takes part of the CPU it measures.
Prints a Markdown report.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import httpx  # noqa: E402

from storyline.ingest import read_inputs  # noqa: E402
from storyline.service.library import CACHED_VIEWS  # noqa: E402
from storyline.store import open_store  # noqa: E402
from storyline.stories import add_articles  # noqa: E402
from storyline.types import Article  # noqa: E402

SEED = 2026
START_TIMEOUT = 60.0


def data_folder() -> Path:
    root = os.environ.get("STORYLINE_DATA")
    return Path(root) if root else HERE.parents[1] / "shared" / "data"


def load_articles() -> list[Article] | None:
    """Every multinews-val document as an article, shuffled with a fixed seed."""
    path = data_folder() / "benchmarks" / "multinews-val.jsonl"
    if not path.is_file():
        return None
    ingested = read_inputs([str(path)])
    articles = [a for story in ingested.stories for a in story.articles]
    random.Random(SEED).shuffle(articles)
    return articles


@dataclass
class Phase:
    """One timed run: per-request latencies (s) and the wall time it took."""

    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    items: int = 0  # stories read or articles posted
    note: str = ""
    origins: list[str] = field(default_factory=list)  # X-Storyline-View of each read
    drain: float | None = None  # after the last POST, seconds until no view was pending

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    def row(self, unit: str) -> str:
        seconds = max(self.seconds, 1e-9)
        rate = self.items / seconds
        current = ("" if self.drain is None else
                   f"{self.items / (self.seconds + self.drain):.1f} ({self.drain:.0f} s after)")
        return (f"| {self.name} | {len(self.latencies)} | {self.items} | {self.seconds:.1f} | "
                f"{len(self.latencies) / seconds:.1f} | {rate:.1f} {unit} | {current} | "
                f"{self.percentile(50) * 1000:.1f} | {self.percentile(99) * 1000:.1f} | "
                f"{max(self.latencies, default=0) * 1000:.0f} | {self.errors} | {self.note} |")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, log: Path, view_processes: int | None = None
                 ) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from storyline.cli import main; raise SystemExit(main())",
               "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    if view_processes is not None:
        command += ["--view-processes", str(view_processes)]
    env = {**os.environ, "STORYLINE_API_KEY": "",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE.parent),
                                                       os.environ.get("PYTHONPATH")]))}
    with log.open("ab") as out:
        return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)


def wait_healthy(process: subprocess.Popen[bytes], base: str, log: Path) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < START_TIMEOUT:
        if process.poll() is not None:
            break
        try:
            if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                return time.perf_counter() - start
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit(f"the server did not start: {log.read_text(errors='replace')[-1500:]}")


async def run_requests(name: str, client: httpx.AsyncClient, requests: Iterator[tuple[str, str, Any]],
                       seconds: float, concurrency: int, items_per_request: int = 1,
                       per_second: float | None = None) -> Phase:
    """Send the requests (method, path, JSON body) with `concurrency` in flight until they run
    out or `seconds` pass; with `per_second`, no faster than that."""
    phase = Phase(name)
    deadline = time.perf_counter() + seconds
    started = time.perf_counter()
    sent_count = 0

    async def worker() -> None:
        nonlocal sent_count
        for method, path, body in requests:
            if per_second is not None:
                await asyncio.sleep(max(0.0, started + sent_count / per_second
                                        - time.perf_counter()))
                sent_count += 1
            if time.perf_counter() >= deadline:
                return
            sent = time.perf_counter()
            try:
                reply = await client.request(method, path, json=body,
                                             headers={"accept": "application/json"})
                ok = reply.status_code == 200
                if method == "GET":
                    phase.origins.append(reply.headers.get("x-storyline-view", "?"))
            except httpx.HTTPError:
                ok = False
            phase.latencies.append(time.perf_counter() - sent)
            if ok:
                phase.items += items_per_request
            else:
                phase.errors += 1

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    phase.seconds = time.perf_counter() - started
    return phase


def article_json(article: Article) -> dict[str, Any]:
    return {"id": article.id, "text": article.text, "title": article.title,
            "source": article.source, "date": article.date.isoformat() if article.date else None,
            "url": article.url}


async def pending_views(client: httpx.AsyncClient) -> int:
    return int((await client.get("/health")).json()["views_pending"])


async def wait_for_views(client: httpx.AsyncClient, timeout: float = 3600.0) -> float:
    """Seconds until the server has no view left to compute."""
    start = time.perf_counter()
    while await pending_views(client) and time.perf_counter() - start < timeout:
        await asyncio.sleep(0.2)
    return time.perf_counter() - start


def note_origins(phase: Phase) -> str:
    counts = Counter(phase.origins)
    return ", ".join(f"{name} {counts[name]} ({counts[name] / len(phase.origins):.0%})"
                     for name in ("stored", "cache", "computed") if counts[name])


async def ingest(name: str, client: httpx.AsyncClient, extra: list[Article], seconds: float,
                 concurrency: int, per_request: int, cap: int,
                 per_second: float | None = None) -> Phase:
    """POST up to `cap` articles, `per_request` at a time; then wait for their views."""

    def requests() -> Iterator[tuple[str, str, Any]]:
        for _ in range(cap // per_request):
            if len(extra) < per_request:
                return
            body = [article_json(extra.pop()) for _ in range(per_request)]
            yield "POST", "/articles", body[0] if per_request == 1 else body

    phase = await run_requests(name, client, requests(), seconds, concurrency,
                               items_per_request=per_request, per_second=per_second)
    phase.drain = await wait_for_views(client)
    return phase


async def measure(base: str, story_ids: list[int], extra: list[Article], seconds: float,
                  concurrency: int, cap: int, paced: float
                  ) -> tuple[list[Phase], dict[str, float]]:
    rng = random.Random(SEED)
    limits = httpx.Limits(max_connections=concurrency + 2,
                          max_keepalive_connections=concurrency + 2)
    timings: dict[str, float] = {}
    phases = []
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        timings["views pending at start (none: the base store has them all)"] = \
            await pending_views(client)
        ids = story_ids[:]
        rng.shuffle(ids)
        start = time.perf_counter()
        await client.get(f"/stories/{ids.pop()}")
        timings["first read, s"] = time.perf_counter() - start

        cold_ids = ids[: len(ids) // 2]
        cold = await run_requests(
            "stored-view reads (first read of each story here)", client,
            (("GET", f"/stories/{i}", None) for i in cold_ids), seconds, concurrency)
        read = cold_ids[: len(cold.latencies)]
        phases.append(cold)

        warm_set = read[-min(len(read), CACHED_VIEWS // 2):]
        warm = await run_requests(
            f"warm reads ({len(warm_set)} stories read before)", client,
            (("GET", f"/stories/{rng.choice(warm_set)}", None) for _ in iter(int, 1)),
            seconds, concurrency)
        phases.append(warm)

        everything = story_ids
        mixed = await run_requests(
            f"mixed reads (uniform over all {len(everything)} stories)", client,
            (("GET", f"/stories/{rng.choice(everything)}", None) for _ in iter(int, 1)),
            seconds, concurrency)
        phases.append(mixed)

        start = time.perf_counter()
        await client.post("/articles", json=article_json(extra.pop()))
        timings["first write (pipeline load from the store), s"] = time.perf_counter() - start
        await wait_for_views(client)
        phases.append(await ingest("ingest, 1 article per POST", client, extra, seconds,
                                   concurrency, 1, cap))
        phases.append(await ingest("ingest, 50 articles per POST", client, extra, seconds,
                                   max(1, concurrency // 4), 50, cap))

        # Reads of every story while articles keep coming: as fast as one POST in flight
        # goes, then at a pace the view worker keeps up with.
        for pace in (None, paced):
            label = "as fast as they go" if pace is None else f"{pace:.0f}/s"
            writes = asyncio.ensure_future(ingest(
                f"ingest during the reads above ({label}), 1 article per POST", client, extra,
                seconds, 1, 1, cap, per_second=pace))
            busy = await run_requests(
                f"reads while ingesting ({label})", client,
                (("GET", f"/stories/{rng.choice(everything)}", None) for _ in iter(int, 1)),
                seconds, max(1, concurrency - 1))
            phases += [busy, await writes]
    for phase in phases:
        if phase.origins:
            phase.note = note_origins(phase)
    return phases, timings


def spacy_rate(articles: Sequence[Article], count: int = 200) -> tuple[float, float]:
    """spaCy's parse on this machine, as analysis runs it: (words/s, mean words per article)."""
    from storyline.nlp import parse, pipeline

    pipeline()
    sample = list(articles[:count])
    start = time.perf_counter()
    parse(sample)
    took = time.perf_counter() - start
    words = sum(len(a.text.split()) for a in sample)
    return words / took, words / len(sample)


def build_base(folder: Path, articles: list[Article], wanted: int,
               view_processes: int | None = None) -> tuple[Path, str]:
    """The store of `wanted` articles with every story's view stored (made once per folder)."""
    base = folder / "base.db"
    done = folder / "base.done"
    if base.exists() and done.exists():
        return base, done.read_text()
    if base.exists():
        base.unlink()
    start = time.perf_counter()
    taken = 0
    with open_store(base) as store:
        # Exact copies are dropped, not stored: add until the store holds the number asked.
        while (count := store.article_count()) < wanted and taken < len(articles):
            more = articles[taken : taken + wanted - count]
            add_articles(store, more)
            taken += len(more)
        stories = len(store.story_ids())
    build = time.perf_counter() - start
    port = free_port()
    log = folder / "server.log"
    process = start_server(base, port, log, view_processes)  # its start-up sweep: every view
    try:
        wait_healthy(process, f"http://127.0.0.1:{port}", log)
        start = time.perf_counter()
        while httpx.get(f"http://127.0.0.1:{port}/health", timeout=30).json()["views_pending"]:
            time.sleep(1.0)
        sweep = time.perf_counter() - start
    finally:
        process.terminate()
        process.wait(timeout=60)
    note = (f"Base store: {count:,} articles in {stories:,} stories, built with add_articles in "
            f"{build:.1f} s; the server's start-up sweep computed and stored their views in "
            f"{sweep:.0f} s ({stories / sweep:.1f} stories/s, {sweep / stories * 1000:.0f} ms "
            f"each), load average at the end {os.getloadavg()[0]:.2f}. "
            f"Articles taken: {taken}.")
    done.write_text(note)
    return base, note


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles stored first")
    parser.add_argument("--seconds", type=float, default=20.0, help="bound of each phase")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight")
    parser.add_argument("--ingest-articles", type=int, default=600,
                        help="at most this many articles posted in each ingest phase")
    parser.add_argument("--paced", type=float, default=8.0,
                        help="articles/s posted during the paced reads-while-ingesting phase")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the base store here")
    parser.add_argument("--view-processes", type=int, metavar="N",
                        help="the server's --view-processes (default: the server's, one per "
                        "core)")
    args = parser.parse_args()
    articles = load_articles()
    if articles is None:
        print(f"skipped: multinews-val.jsonl not found under {data_folder() / 'benchmarks'} "
              "(set STORYLINE_DATA to the folder holding benchmarks/)")
        return 0
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        base, note = build_base(folder, articles, args.articles, args.view_processes)
        db = folder / "run.db"
        shutil.copyfile(base, db)
        with open_store(db) as store:
            story_ids = store.story_ids()
            stored = set(store.assignments())
        extra = [a for a in articles if a.id not in stored]
        extra.reverse()  # popped from the end: the shuffled order
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        log = folder / "server.log"
        process = start_server(db, port, log, args.view_processes)
        try:
            startup = wait_healthy(process, base_url, log)
            phases, timings = asyncio.run(measure(base_url, story_ids, extra, args.seconds,
                                                  args.concurrency, args.ingest_articles,
                                                  args.paced))
        finally:
            process.terminate()
            process.wait(timeout=60)
    words_per_second, words_per_article = spacy_rate(articles)
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    print(f"{note}\n\nServer up in {startup:.1f} s. Machine: {os.cpu_count()} cores ({cpu}), "
          f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f} after "
          f"the run. Concurrency {args.concurrency} (ingest of 50 per POST: "
          f"{max(1, args.concurrency // 4)}), phases bounded at {args.seconds:.0f} s and "
          f"{args.ingest_articles} articles. spaCy's parse (as analysis runs it): "
          f"{words_per_second:,.0f} words/s, {words_per_article:.0f} words per article.\n")
    for name, value in timings.items():
        print(f"- {name}: {value:.2f}")
    print()
    print("| phase | requests | stories / articles | s | req/s | throughput | articles/s until "
          "every view is current | p50 ms | p99 ms | max ms | errors | views read from |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for phase in phases:
        print(phase.row("articles/s" if phase.name.startswith("ingest") else "stories/s"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
