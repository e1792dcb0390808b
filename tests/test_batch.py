"""storyline.batch: partitions, atomic resumable output, failures aside, Dask for real.

The inputs are tiny invented clusters built here. The Dask tests start real worker processes
(a LocalCluster, or `dask scheduler` and `dask worker` on loopback) and take a few seconds each.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.batch import BatchOptions, plan, read_output, run_batch, story_record
from storyline.errors import UsageError

pytest.importorskip("distributed")

TOWNS = ["Ostervik", "Lunde", "Pell Harbor", "Kettering", "Marrow Bay", "Fennick", "Draycott",
         "Halden Cross", "Brackwater", "Suttonmere", "Orrin Vale", "Tamsford"]


def cluster(n: int) -> dict[str, object]:
    """An invented story about a flood in one town, told by two outlets."""
    town = TOWNS[n % len(TOWNS)]
    first = (f"Floodwater from the swollen river cut the main road into {town} on Monday, "
             f"the {town} council said in a statement. About {n + 40} households were moved "
             f"to the school hall overnight while volunteers filled sandbags by the bridge. "
             f"Council engineers said the river level would stay high for at least two days.")
    second = (f"Volunteers in {town} filled sandbags through the night as the river rose, "
              f"and {n + 40} households spent the night in the school hall. The council "
              f"said the main road into {town} would stay closed until engineers inspect it.")
    return {"id": f"flood-{n:03d}", "documents": [
        {"id": f"courier-{n}", "text": first, "source": "Courier", "date": "2026-03-02"},
        {"id": f"wire-{n}", "text": second, "source": "Wire", "date": "2026-03-03"}]}


@pytest.fixture
def clusters_file(tmp_path: Path) -> Path:
    path = tmp_path / "clusters.jsonl"
    path.write_text("".join(json.dumps(cluster(n)) + "\n" for n in range(12)), encoding="utf-8")
    return path


def story_ids(out: Path) -> list[str]:
    return [record["story_id"] for record in read_output(out)]


def test_batch_writes_one_cited_record_per_story(tmp_path, clusters_file):
    out = tmp_path / "out"
    report = run_batch([clusters_file], out, BatchOptions(partition_stories=5))
    assert (report.done, report.failed, report.partitions) == (12, 0, 3)
    records = list(read_output(out))
    assert sorted(r["story_id"] for r in records) == [f"flood-{n:03d}" for n in range(12)]
    texts = {d["id"]: d["text"] for n in range(12) for d in cluster(n)["documents"]}  # type: ignore[index, union-attr]
    for record in records:
        sentences = record["summary"]["sentences"]
        assert sentences and record["summary"]["word_count"] <= 100
        for sentence in sentences:
            first = sentence["citations"][0]
            assert texts[first["article_id"]][first["start"]:first["end"]] == sentence["text"]
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert (out / "failures.jsonl").read_text() == ""


def test_batch_rerun_skips_finished_partitions_and_redoes_missing_ones(tmp_path, clusters_file):
    out = tmp_path / "out"
    options = BatchOptions(partition_stories=5)
    run_batch([clusters_file], out, options)
    again = run_batch([clusters_file], out, options)
    assert (again.done, again.skipped_partitions) == (0, 3)
    first_part = sorted(out.glob("part-*.jsonl"))[0]
    first_part.unlink()
    third = run_batch([clusters_file], out, options)
    assert (third.done, third.skipped_partitions) == (5, 2)
    assert sorted(story_ids(out)) == [f"flood-{n:03d}" for n in range(12)]


def test_batch_refuses_to_resume_with_other_options(tmp_path, clusters_file):
    out = tmp_path / "out"
    run_batch([clusters_file], out, BatchOptions(words=100))
    with pytest.raises(UsageError, match="other options .*words"):
        run_batch([clusters_file], out, BatchOptions(words=60))


def test_batch_failing_story_goes_to_side_file_and_run_goes_on(tmp_path, clusters_file):
    def fragile(story, options):
        if story.id == "flood-004":
            raise ValueError("invented failure for the test")
        return story_record(story, options)

    out = tmp_path / "out"
    report = run_batch([clusters_file], out, BatchOptions(partition_stories=5), process=fragile)
    assert (report.done, report.failed) == (11, 1)
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert [(f["story_id"], f["error"], f["reason"]) for f in failures] == [
        ("flood-004", "ValueError", "invented failure for the test")]
    assert "flood-004" not in story_ids(out)


def test_batch_bad_line_is_listed_with_its_line_number(tmp_path, clusters_file):
    lines = clusters_file.read_text().splitlines()
    lines[2] = '{"id": "broken", "documents": [ oops'
    clusters_file.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    report = run_batch([clusters_file], out)
    assert (report.done, report.failed) == (11, 1)
    failure = json.loads((out / "failures.jsonl").read_text())
    assert failure["where"] == f"{clusters_file}:3" and "not valid JSON" in failure["reason"]


CHESS = [
    "Grandmaster Tove Aaslund won the Kettering chess open on Sunday with a sharp endgame "
    "against the defending champion, taking the title on tiebreak after nine rounds. The chess "
    "tournament drew players from twelve countries to the Kettering town hall.",
    "Tove Aaslund, the new Kettering chess open champion, said the final endgame against the "
    "defending champion was the hardest of her career. Organisers of the chess tournament said "
    "next year's open will move to a larger hall to seat more players.",
]


def test_batch_groups_single_articles_into_stories_by_time_window(tmp_path):
    rows = [{**doc, "date": f"2026-03-0{2 + i}"}
            for i, doc in enumerate(cluster(0)["documents"])]  # type: ignore[union-attr]
    rows += [{"id": f"chess-{i}", "text": text, "date": f"2026-03-{20 + i}"}
             for i, text in enumerate(CHESS)]  # two weeks later
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    partitions, problems = plan([path], BatchOptions())
    assert not problems
    windows = sorted({p.name.split("-", 2)[2].rsplit("-", 1)[0] for p in partitions})
    assert windows == ["2026-03-02", "2026-03-16"]
    out = tmp_path / "out"
    report = run_batch([path], out)
    records = list(read_output(out))
    assert report.done == len(records) >= 2
    seen = [a for r in records for a in r["article_ids"]]
    assert sorted(seen) == sorted(r["id"] for r in rows)  # every article in exactly one story


def test_batch_reads_and_writes_parquet(tmp_path, clusters_file):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    records = [cluster(n) for n in range(6)]
    table = pa.Table.from_pylist(records)
    source = tmp_path / "clusters.parquet"
    pq.write_table(table, source, row_group_size=4)
    out = tmp_path / "out"
    report = run_batch([source], out, BatchOptions(output_format="parquet"))
    assert (report.done, report.partitions) == (6, 2)
    assert sorted(story_ids(out)) == [f"flood-{n:03d}" for n in range(6)]
    assert list(out.glob("part-*.parquet"))


def test_batch_on_local_dask_cluster_survives_a_killed_worker(tmp_path, clusters_file):
    marker = tmp_path / "killed-once"

    def kill_worker_once(story, options):
        if story.id == "flood-007" and not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)  # this worker process dies mid-partition
        record = story_record(story, options)
        record["malloc_trim"] = os.environ.get("MALLOC_TRIM_THRESHOLD_")
        return record

    out = tmp_path / "out"
    report = run_batch([clusters_file], out, BatchOptions(partition_stories=3), engine="dask",
                       workers=2, process=kill_worker_once)
    assert marker.exists()
    assert (report.done, report.failed) == (12, 0)
    assert sorted(story_ids(out)) == [f"flood-{n:03d}" for n in range(12)]  # exactly once
    # the restarted worker too runs without Dask's eager malloc trimming (slows spaCy ~17%)
    assert {r["malloc_trim"] for r in read_output(out)} == {None}


def test_batch_loads_the_model_once_per_worker(tmp_path, clusters_file):
    def with_model_identity(story, options):
        from storyline import nlp

        record = story_record(story, options)
        record["worker"] = [os.getpid(), id(nlp.pipeline())]
        return record

    out = tmp_path / "out"
    report = run_batch([clusters_file], out, BatchOptions(partition_stories=2, analysis=True),
                       engine="dask", workers=2, process=with_model_identity)
    assert report.done == 12
    records = list(read_output(out))
    assert all("quotes" in r["analysis"] for r in records)
    models: dict[int, set[int]] = {}
    for record in records:
        pid, model = record["worker"]
        models.setdefault(pid, set()).add(model)
    assert models and all(len(ids) == 1 for ids in models.values())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_batch_runs_on_a_separate_scheduler_and_two_workers(tmp_path, clusters_file):
    dask = shutil.which("dask", path=str(Path(sys.executable).parent))
    if dask is None:
        pytest.skip("the dask command is not installed")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    processes = [subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)]
    try:
        for _ in range(2):
            processes.append(subprocess.Popen(
                [dask, "worker", address, "--nworkers", "1", "--nthreads", "1",
                 "--no-dashboard", "--host", "127.0.0.1"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path))
        from distributed import Client

        with Client(address, timeout=20) as client:
            client.wait_for_workers(2, timeout=30)
        out = tmp_path / "out"
        result = subprocess.run(
            [sys.executable, "-m", "storyline.cli", "batch", str(clusters_file), "--out", str(out),
             "--scheduler", address, "--partition-size", "4"],
            capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        assert "12 stories done, 0 failed" in result.stderr and "2 workers" in result.stderr
        assert sorted(story_ids(out)) == [f"flood-{n:03d}" for n in range(12)]
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def test_batch_cli_usage_mistake_is_one_line(tmp_path, clusters_file, capsys):
    from storyline.cli import main

    status = main(["batch", str(clusters_file), "--out", str(tmp_path / "o"), "--engine", "local",
                   "--scheduler", "tcp://127.0.0.1:1"])
    assert status == 2
    assert capsys.readouterr().err.strip().count("\n") == 0


def test_batch_cli_prints_the_report(tmp_path, clusters_file, capsys):
    from storyline.cli import main

    assert main(["batch", str(clusters_file), "--out", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert "12 stories done, 0 failed" in err and "stories/s" in err and "elapsed" in err


def test_batch_worker_settings_leave_dask_config_whole_for_the_next_run():
    # In a fresh process (distributed not yet imported), as `storyline batch` starts.
    code = ("import dask\n"
            "from storyline.batch import _worker_environment\n"
            "with _worker_environment():\n"
            "    inside = dask.config.get('distributed.nanny.pre-spawn-environ')\n"
            "assert 'MALLOC_TRIM_THRESHOLD_' not in inside and 'OMP_NUM_THREADS' in inside\n"
            "dask.config.get('distributed.comm.require-encryption')\n"
            "assert 'MALLOC_TRIM_THRESHOLD_' in dask.config.get("
            "'distributed.nanny.pre-spawn-environ')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
