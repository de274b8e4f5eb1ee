"""The Ray engine on a real local Ray cluster (one CPU): the same run as a local one.

One cluster serves the module (starting Ray costs seconds). Each test compares a Ray run with a
local run of the same options on a corpus that mixes formats, damage and unreadable inputs.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

ray = pytest.importorskip("ray", reason="the ray extra is not installed")

from textfix.cli import app  # noqa: E402
from textfix.errors import InputError, TextfixError  # noqa: E402
from textfix.integrations.ray import RayExecutor, TaskActor, run_clean_ray  # noqa: E402
from textfix.io.records import ReadOptions  # noqa: E402
from textfix.pipeline import Pipeline  # noqa: E402
from textfix.runner import RunOptions, run_clean  # noqa: E402
from textfix.runner.audit import AuditOptions  # noqa: E402
from textfix.runner.tasks import Task  # noqa: E402
from textfix.runner.worker import TaskResult, WorkerConfig  # noqa: E402

BOILERPLATE = "Advertisement"


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[None]:
    # A stall fails the test in a minute, not never.
    os.environ["RAY_DATA_EXECUTION_NO_PROGRESS_TIMEOUT_S"] = "60"
    ray.init(
        num_cpus=1,
        include_dashboard=False,
        log_to_driver=False,
        object_store_memory=100 * 1024 * 1024,
    )
    try:
        yield
    finally:
        ray.shutdown()


def make_corpus(root: Path) -> list[str]:
    """Every kind of input and damage a run meets, small enough to run in seconds."""
    root.mkdir(parents=True)
    for folder in ("a", "b"):  # the same name in two folders: ids must stay apart
        (root / folder).mkdir()
        (root / folder / "doc.txt").write_text(f"Caf\u00c3\u00a9  in {folder}.\n", "utf-8")
    (root / "cp1252.txt").write_bytes("\u201cQuoted\u201d \u00a315 fares.\n".encode("cp1252"))
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    lines = []
    for i in range(40):
        body = (
            f"Fares rose sharply across the network this week, by {i} pence, the operator said."
            f"\n{BOILERPLATE}\nSeason tickets rise  by a tenth, and CafÃ© prices follow."
        )
        lines.append(json.dumps({"id": f"j{i}", "text": body, "url": f"u{i}"}))
    lines.insert(5, "{not json")
    lines.insert(9, json.dumps({"id": "bad-type", "text": 7}))
    (root / "big.jsonl").write_text("\n".join(lines) + "\n", "utf-8")  # cut into byte ranges
    with gzip.open(root / "small.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"text": "Gzipped  text."}) + "\n")
    (root / "truncated.jsonl.gz").write_bytes(
        gzip.compress(b'{"text": "one"}\n{"text": "two"}\n' * 50)[:-30]
    )
    (root / "table.csv").write_text("id,text\nc1,Comma  separated\nc2,row two\n", "utf-8")
    return [str(root)]


def run_both(
    tmp_path: Path, name: str, **extra: Any
) -> tuple[dict[str, bytes], dict[str, bytes], Any, Any]:
    """The same run locally and on Ray: each run's files by name, and each run's stats."""
    inputs = make_corpus(tmp_path / "corpus")
    pipeline = Pipeline.from_preset("news")
    results: list[tuple[dict[str, bytes], Any]] = []
    for engine in ("local", "ray"):
        folder = tmp_path / engine
        folder.mkdir()
        options = RunOptions(
            workers=1,
            chunk_bytes=600,
            removed=folder / "removed.jsonl",
            report=folder / "run.json",
            audit=AuditOptions(),
            **extra,
        )
        run = run_clean if engine == "local" else run_clean_ray
        stats = run(inputs, pipeline, folder / name, read=ReadOptions(), options=options)
        files = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
        results.append((files, stats))
    (local, local_stats), (remote, remote_stats) = results
    return local, remote, local_stats, remote_stats


def without_timing(report: bytes) -> dict[str, Any]:
    figures = json.loads(report)
    figures.pop("seconds")
    figures.pop("workers")
    figures.pop("workers_requested")  # how many processes were asked for, not what was done
    return dict(figures)


def test_ray_run_equals_local_run(local_cluster: None, tmp_path: Path) -> None:
    local, remote, local_stats, remote_stats = run_both(tmp_path, "out.jsonl")
    assert (
        sorted(local)
        == sorted(remote)
        == [
            "out.errors.jsonl",
            "out.jsonl",
            "removed.jsonl",
            "run.json",
        ]
    )
    for name in ("out.jsonl", "out.errors.jsonl", "removed.jsonl"):
        assert remote[name] == local[name], name
    assert without_timing(remote["run.json"]) == without_timing(local["run.json"])
    # Nothing lost: every document is an output record or an error record.
    records = [json.loads(line) for line in remote["out.jsonl"].splitlines()]
    errors = [json.loads(line) for line in remote["out.errors.jsonl"].splitlines()]
    assert remote_stats.documents_in == len(records) + len(errors) == local_stats.documents_in
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    assert sum(i.endswith(("/a/doc.txt", "/b/doc.txt")) for i in ids) == 2
    assert {e["error"].split(":")[0] for e in errors} >= {"malformed JSON"}
    assert {"binary.txt", "truncated.jsonl.gz"} <= {Path(e["source"]).name for e in errors}
    # Error rows carry the input's own line numbers, not a batch's.
    assert {(Path(e["source"]).name, e["number"]) for e in errors if e["raw"] == "{not json"} == {
        ("big.jsonl", 6)
    }
    removed = [json.loads(line) for line in remote["removed.jsonl"].splitlines()]
    assert len(removed) == 40 and {r["line"] for r in removed} == {BOILERPLATE}
    assert json.loads(remote["run.json"])["removed_lines"] == 40
    by_id = {r["id"]: r["text"] for r in records}
    assert by_id["j3"] == (
        "Fares rose sharply across the network this week, by 3 pence, the operator said."
        "\nSeason tickets rise by a tenth, and Café prices follow."
    )
    assert by_id[str(tmp_path / "corpus" / "cp1252.txt")] == "\u201cQuoted\u201d \u00a315 fares."


def test_ray_writes_parquet_and_txt_like_local(local_cluster: None, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed")
    import pyarrow.parquet as pq

    local, remote, _, _ = run_both(tmp_path / "p", "out.parquet")
    assert (
        pq.read_table(tmp_path / "p" / "ray" / "out.parquet").to_pylist()
        == pq.read_table(tmp_path / "p" / "local" / "out.parquet").to_pylist()
    )
    assert remote["out.errors.jsonl"] == local["out.errors.jsonl"]
    _, _, _, _ = run_both(tmp_path / "t", "tree", output_format="txt")
    mirrored = {
        engine: {
            str(p.relative_to(tmp_path / "t" / engine / "tree")): p.read_bytes()
            for p in sorted((tmp_path / "t" / engine / "tree").rglob("*"))
            if p.is_file()
        }
        for engine in ("local", "ray")
    }
    assert mirrored["ray"] == mirrored["local"] and "a/doc.txt" in mirrored["ray"]


class Interrupted(Exception):
    """Stands for a kill: the run stops after some tasks."""


class StopsAfter:
    """A Ray executor that stops the run after ``tasks`` results."""

    def __init__(self, inner: RayExecutor, tasks: int) -> None:
        self.inner, self.tasks = inner, tasks

    def cores(self) -> int:
        return self.inner.cores()

    def __call__(
        self, config: WorkerConfig, tasks: Iterable[Task], workers: int
    ) -> Iterator[tuple[Task, TaskResult]]:
        for count, pair in enumerate(self.inner(config, tasks, workers)):
            if count == self.tasks:
                raise Interrupted
            yield pair


def test_ray_run_resumes_to_the_same_output(local_cluster: None, tmp_path: Path) -> None:
    inputs = make_corpus(tmp_path / "corpus")
    pipeline = Pipeline.from_preset("news")

    def options(folder: Path, **extra: Any) -> RunOptions:
        return RunOptions(workers=1, chunk_bytes=600, removed=folder / "removed.jsonl", **extra)

    whole = tmp_path / "whole"
    whole.mkdir()
    run_clean(inputs, pipeline, whole / "out.jsonl", options=options(whole))
    cut = tmp_path / "cut"
    cut.mkdir()
    with pytest.raises(Interrupted):
        run_clean(
            inputs,
            pipeline,
            cut / "out.jsonl",
            options=options(cut, executor=StopsAfter(RayExecutor(), 3)),
        )
    assert not (cut / "out.jsonl").exists()  # nothing half-written in place
    stats = run_clean_ray(inputs, pipeline, cut / "out.jsonl", options=options(cut, resume=True))
    for name in ("out.jsonl", "out.errors.jsonl", "removed.jsonl"):
        assert (cut / name).read_bytes() == (whole / name).read_bytes(), name
    records = (cut / "out.jsonl").read_bytes().count(b"\n")
    errors = (cut / "out.errors.jsonl").read_bytes().count(b"\n")
    assert stats.documents_in == records + errors and stats.errored == errors


def test_cli_engine_ray_writes_the_html_report(local_cluster: None, tmp_path: Path) -> None:
    pytest.importorskip("jinja2", reason="the report extra is not installed")
    pytest.importorskip("matplotlib", reason="the report extra is not installed")
    inputs = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app,
        ["clean", *inputs, "-o", str(out), "--engine", "ray", "--preset", "news", "-q",
         "--report", str(tmp_path / "run.html"), "--removed", str(tmp_path / "removed.jsonl")],
    )  # fmt: skip
    assert result.exit_code == 1, result.output  # some records errored
    page = (tmp_path / "run.html").read_text(encoding="utf-8")
    assert "<html" in page.lower() and BOILERPLATE in page
    assert "ray (RAY_ADDRESS or local)" in page  # the engine among the run's settings
    assert (tmp_path / "removed.jsonl").read_bytes().count(b"\n") == 40


def test_ray_refuses_stdin_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not standard input"):
        run_clean_ray(["-"], Pipeline.from_preset("default"), tmp_path / "out.jsonl")
    result = CliRunner().invoke(
        app, ["clean", "-", "-o", str(tmp_path / "o.jsonl"), "--engine", "ray"]
    )
    assert result.exit_code == 2 and "--engine local" in result.output


def test_ray_failure_says_how_to_carry_on(local_cluster: None, tmp_path: Path) -> None:
    class Dies(TaskActor):
        def run(self, task: Task) -> TaskResult:
            os._exit(3)  # the actor's process dies, as on running out of memory

    inputs = make_corpus(tmp_path / "corpus")
    with pytest.raises(TextfixError, match="--resume"):
        run_clean(
            inputs,
            Pipeline.from_preset("default"),
            tmp_path / "out.jsonl",
            options=RunOptions(workers=1, executor=RayExecutor(actor=Dies)),
        )
    assert not (tmp_path / "out.jsonl").exists()


def test_ray_takes_tasks_only_as_actors_free(local_cluster: None, tmp_path: Path) -> None:
    # Streaming: the plan is pulled lazily, at most two tasks per actor ahead of the writer.
    from textfix.io.writers import output_spec
    from textfix.runner.tasks import Unit

    source = tmp_path / "a.txt"
    source.write_text("Fares  rose.", encoding="utf-8")
    pulled = 0

    def plan() -> Iterator[Task]:
        nonlocal pulled
        for number in range(8):
            pulled += 1
            yield Task(number, (Unit(number, str(source), f"a{number}.txt", 12),))

    config = WorkerConfig(Pipeline.from_preset("default"), ReadOptions(), output_spec(None))
    results = RayExecutor()(config, plan(), 1)  # one actor
    first_task, first = next(results)
    assert first_task.number == 0 and first.stats.documents_out == 1
    assert pulled <= 3  # two in flight when the first result was taken, and no more
    assert [task.number for task, _ in results] == list(range(1, 8))
    assert pulled == 8
