"""Load on the real server: story reads and article ingest over HTTP on loopback.

    .venv/bin/python benchmarks/service_load.py                # 10,000 stored articles, 20 s phases
    .venv/bin/python benchmarks/service_load.py --seconds 30 --concurrency 8

Builds a SQLite store of 10,000 `multinews-val` articles (read in place from
../shared/data/benchmarks or $STORYLINE_DATA/benchmarks; skipped with a message when absent;
nothing is copied into the repository) with `add_articles`, starts `storyline serve` on it (a
uvicorn subprocess on 127.0.0.1) and drives it with an async httpx client, each phase bounded
in time:

- cold reads: GET /stories/{id} of stories never read before (summary and analysis are
  computed on a story's first read), each id once;
- warm reads: GET /stories/{id} drawn at random from stories read before, all in the server's
  view cache (hits by construction: fewer ids than the cache holds, no writes meanwhile);
- mixed reads: ids drawn at random from every story (the cache hit rate is what an LRU of the
  server's size gives on that sequence, reported);
- ingest: POST /articles of the articles not stored yet, one article per request, then 50 per
  request: deduplication, story assignment and the SQLite commit; no summary or analysis,
  which wait for the story's next read.

Latency is measured at the client (queueing at the server included). The client runs on the
same machine, so it takes part of the CPU it measures. Prints a Markdown report.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import OrderedDict
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

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    def row(self, unit: str) -> str:
        rate = self.items / self.seconds if self.seconds else 0.0
        return (f"| {self.name} | {len(self.latencies)} | {self.items} | {self.seconds:.1f} | "
                f"{len(self.latencies) / self.seconds:.1f} | {rate:.1f} {unit} | "
                f"{self.percentile(50) * 1000:.1f} | {self.percentile(99) * 1000:.1f} | "
                f"{max(self.latencies, default=0) * 1000:.0f} | {self.errors} | {self.note} |")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from storyline.cli import main; raise SystemExit(main())",
               "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
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
                       seconds: float, concurrency: int, items_per_request: int = 1) -> Phase:
    """Send the requests (method, path, JSON body) with `concurrency` in flight until they run
    out or `seconds` pass."""
    phase = Phase(name)
    deadline = time.perf_counter() + seconds
    started = time.perf_counter()

    async def worker() -> None:
        for method, path, body in requests:
            if time.perf_counter() >= deadline:
                return
            sent = time.perf_counter()
            try:
                reply = await client.request(method, path, json=body,
                                             headers={"accept": "application/json"})
                ok = reply.status_code == 200
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


def lru_hit_rate(sequence: Sequence[int], capacity: int, already: Sequence[int]) -> float:
    """The fraction of `sequence` an LRU cache of `capacity` (holding `already`, oldest first)
    answers."""
    cache: OrderedDict[int, None] = OrderedDict((i, None) for i in already[-capacity:])
    hits = 0
    for key in sequence:
        if key in cache:
            hits += 1
            cache.move_to_end(key)
        else:
            cache[key] = None
            if len(cache) > capacity:
                cache.popitem(last=False)
    return hits / len(sequence) if sequence else 0.0


def article_json(article: Article) -> dict[str, Any]:
    return {"id": article.id, "text": article.text, "title": article.title,
            "source": article.source, "date": article.date.isoformat() if article.date else None,
            "url": article.url}


async def measure(base: str, story_ids: list[int], extra: list[Article], seconds: float,
                  concurrency: int) -> tuple[list[Phase], dict[str, float]]:
    rng = random.Random(SEED)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    timings: dict[str, float] = {}
    phases = []
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        ids = story_ids[:]
        rng.shuffle(ids)
        start = time.perf_counter()
        await client.get(f"/stories/{ids.pop()}")  # loads spaCy and the summarizer
        timings["first read (model load), s"] = time.perf_counter() - start

        cold_ids = ids[: len(ids) // 2]
        mixed_pool = ids[len(ids) // 2:]
        cold = await run_requests(
            "cold reads (first read of each story)", client,
            (("GET", f"/stories/{i}", None) for i in cold_ids), seconds, concurrency)
        read = cold_ids[: len(cold.latencies)]
        cold.note = "0% cache hits"
        phases.append(cold)

        warm_set = read[-min(len(read), CACHED_VIEWS // 2):]
        warm = await run_requests(
            f"warm reads ({len(warm_set)} stories read before)", client,
            (("GET", f"/stories/{rng.choice(warm_set)}", None) for _ in iter(int, 1)),
            seconds, concurrency)
        warm.note = "100% cache hits"
        phases.append(warm)

        # Uniform over stories never read, plus the warm set: what a cache of the server's
        # size gives on a spread-out read pattern.
        everything = mixed_pool + warm_set
        sequence = [rng.choice(everything) for _ in range(200_000)]
        mixed = await run_requests(
            f"mixed reads (uniform over {len(everything)} stories)", client,
            (("GET", f"/stories/{i}", None) for i in sequence), seconds, concurrency)
        hit = lru_hit_rate(sequence[: len(mixed.latencies)], CACHED_VIEWS, read)
        mixed.note = f"≈{hit:.0%} cache hits (LRU of {CACHED_VIEWS} on this sequence)"
        phases.append(mixed)

        start = time.perf_counter()
        await client.post("/articles", json=article_json(extra.pop()))
        timings["first write (pipeline load from the store), s"] = time.perf_counter() - start
        singles = await run_requests(
            "ingest, 1 article per POST", client,
            (("POST", "/articles", article_json(extra.pop())) for _ in iter(lambda: extra, [])),
            seconds, concurrency)
        singles.note = "dedup + story assignment + commit; no analysis"
        phases.append(singles)
        batch = 50

        def batches() -> Iterator[tuple[str, str, Any]]:
            while len(extra) >= batch:
                yield "POST", "/articles", [article_json(extra.pop()) for _ in range(batch)]

        batched = await run_requests(f"ingest, {batch} articles per POST", client, batches(),
                                     seconds, max(1, concurrency // 4), items_per_request=batch)
        batched.note = singles.note
        phases.append(batched)
    return phases, timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles stored first")
    parser.add_argument("--seconds", type=float, default=20.0, help="bound of each phase")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the store in this folder")
    args = parser.parse_args()
    articles = load_articles()
    if articles is None:
        print(f"skipped: multinews-val.jsonl not found under {data_folder() / 'benchmarks'} "
              "(set STORYLINE_DATA to the folder holding benchmarks/)")
        return 0
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        db = folder / "service-load.db"
        start = time.perf_counter()
        if db.exists():
            db.unlink()
        taken = 0
        with open_store(db) as store:
            # Exact copies are dropped, not stored: add until the store holds the number asked.
            while (count := store.article_count()) < args.articles and taken < len(articles):
                more = articles[taken : taken + args.articles - count]
                add_articles(store, more)
                taken += len(more)
            story_ids = store.story_ids()
        extra = articles[taken:]
        build = time.perf_counter() - start
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = folder / "server.log"
        process = start_server(db, port, log)
        try:
            startup = wait_healthy(process, base, log)
            phases, timings = asyncio.run(measure(base, story_ids, extra, args.seconds,
                                                  args.concurrency))
        finally:
            process.terminate()
            process.wait(timeout=30)
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    print(f"Store: {count:,} articles in {len(story_ids):,} stories, built with add_articles in "
          f"{build:.1f} s; server up in {startup:.1f} s. Machine: {os.cpu_count()} cores "
          f"({cpu}), Python {platform.python_version()}. Concurrency {args.concurrency} "
          f"(ingest of 50 per POST: {max(1, args.concurrency // 4)}), phases bounded at "
          f"{args.seconds:.0f} s.\n")
    for name, value in timings.items():
        print(f"- {name}: {value:.2f}")
    print()
    print("| phase | requests | stories / articles | s | req/s | throughput | p50 ms | "
          "p99 ms | max ms | errors | note |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for phase in phases:
        print(phase.row("articles/s" if phase.name.startswith("ingest") else "stories/s"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
