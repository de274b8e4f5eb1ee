"""Worker processes: how they start (forked warm, or spawned) and how tasks are sized."""

from __future__ import annotations

import io
import itertools
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.test_runner import NEWS, make_corpus, read_lines
from tests.test_runner_footprint import _run_cli_in_subprocess, write_jsonl
from textfix.io.records import ReadOptions
from textfix.io.writers import output_spec
from textfix.pipeline import Pipeline
from textfix.runner import RunOptions, parallel, run_clean
from textfix.runner.lock import OutputLocks, lock_path
from textfix.runner.progress import RunProgress
from textfix.runner.tasks import plan_tasks, task_bytes
from textfix.runner.worker import (
    WARM_FILE_BYTES,
    WARM_RECORDS,
    WARM_TEXT,
    WorkerConfig,
    warm_up,
)

LINUX = pytest.mark.skipif(sys.platform != "linux", reason="workers are forked only on Linux")


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_forked_and_spawned_workers_write_what_one_process_writes(
    tmp_path: Path, method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if method == "fork" and sys.platform == "win32":
        pytest.skip("no fork on Windows")
    make_corpus(tmp_path / "in")
    monkeypatch.setenv("TEXTFIX_START_METHOD", method)
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"out-{workers}.jsonl"
        report = tmp_path / f"report-{workers}.json"
        options = RunOptions(workers=workers, chunk_bytes=9_000, report=report)
        run_clean([str(tmp_path / "in")], NEWS, out, options=options)
        figures = json.loads(report.read_text())
        assert (figures["workers"], figures["workers_requested"]) == (workers, workers)
        outputs.append((out.read_bytes(), (tmp_path / f"out-{workers}.errors.jsonl").read_bytes()))
    assert outputs[0] == outputs[1]
    assert len(read_lines(tmp_path / "out-2.jsonl")) == 6 * 300 + 5 - 6 * 3


# The parent's state a forked worker starts with: warm_up marks it (see the test below).
WARMED: list[str] = []


def say_warmth(text: str) -> str:
    """A user step that appends whether ``WARMED`` was marked in this process."""
    return f"{text} [{'warm' if WARMED else 'cold'}]"


@LINUX
def test_forked_workers_start_from_the_parent_as_warm_up_left_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.jsonl"
    write_jsonl(source, 400)
    real = parallel.warm_up

    def marking_warm_up(config: WorkerConfig, task: parallel.Task) -> None:
        real(config, task)
        WARMED.append(str(os.getpid()))

    monkeypatch.setattr(parallel, "warm_up", marking_warm_up)
    config = WorkerConfig(Pipeline([say_warmth]), ReadOptions(), output_spec(None))
    tasks = list(plan_tasks([(source, "in.jsonl")], chunk_bytes=8_000))
    try:
        results = list(parallel.run_ordered(config, tasks, 2, "fork"))
    finally:
        WARMED.clear()
    assert [task.number for task, _ in results] == list(range(len(tasks))) and len(tasks) > 4
    texts = [json.loads(line)["text"] for _, r in results for line in r.payload.splitlines()]
    assert len(texts) == 400
    assert all(text.endswith(" [warm]") for text in texts)


def test_warm_up_cleans_a_built_in_text_and_the_first_records(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_jsonl(source, 100)
    seen: list[str] = []

    def record(text: str) -> str:
        seen.append(text)
        return text

    config = WorkerConfig(Pipeline([record]), ReadOptions(), output_spec(None))
    (task, *_) = plan_tasks([(source, "in.jsonl")], chunk_bytes=40_000)
    warm_up(config, task)
    first = [json.loads(line)["text"] for line in source.read_text().splitlines()[:WARM_RECORDS]]
    assert seen == [WARM_TEXT, *first]
    # An input that cannot be read, or a step that raises, never stops a run at warm-up.
    broken = (Path(tmp_path / "gone.jsonl"), "gone.jsonl")
    (gone,) = plan_tasks([broken])
    warm_up(config, gone)
    failing = WorkerConfig(Pipeline([lambda text: 1 / 0]), ReadOptions(), output_spec(None))
    warm_up(failing, task)


def test_warm_up_reads_no_big_whole_file_nor_cleans_a_big_record(tmp_path: Path) -> None:
    # A JSON array or a .txt file is read whole before its first record: the parent would do a
    # worker's work on it. A huge record (a broken dump) would hold the parent as long.
    seen: list[str] = []

    def record(text: str) -> str:
        seen.append(text)
        return text

    config = WorkerConfig(Pipeline([record]), ReadOptions(), output_spec(None))
    big = "word " * (WARM_FILE_BYTES // 4)
    files = {
        "array.json": json.dumps([{"text": big}, {"text": "small"}]),
        "page.txt": big,
        "lines.jsonl": json.dumps({"text": big}) + "\n" + json.dumps({"text": "small"}) + "\n",
        "small.json": json.dumps([{"text": "small"}]),
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content)
        (task,) = plan_tasks([(tmp_path / name, name)], chunk_bytes=10 * WARM_FILE_BYTES)
        seen.clear()
        warm_up(config, task)
        expected = [WARM_TEXT] + (["small"] if name.endswith(("jsonl", "small.json")) else [])
        assert seen == expected, name


@LINUX
def test_a_forked_child_holds_no_copy_of_the_run_locks(tmp_path: Path) -> None:
    # A killed run's lock must be free at once, not when its last worker has died.
    locks = OutputLocks()
    locks.acquire([tmp_path / "out.jsonl"])
    try:
        child = os.fork()
        if child == 0:  # the child: is any descriptor open on the lock file?
            held = [d for d in range(3, 256) if _opens(d, lock_path(tmp_path / "out.jsonl"))]
            os._exit(1 if held else 0)
        _, status = os.waitpid(child, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        locks.release()


def _opens(descriptor: int, path: Path) -> bool:
    try:
        return os.readlink(f"/proc/self/fd/{descriptor}") == str(path)
    except OSError:
        return False


def test_the_progress_bar_runs_no_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    # A thread in the parent would make forking unsafe (start_method falls back to spawn).
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", Terminal())
    before = threading.active_count()
    with RunProgress(1000, enabled=True) as progress:
        assert progress.enabled
        progress.advance(3, 500)
        assert threading.active_count() == before
    assert "3 docs" in sys.stderr.getvalue()


def _makespan(sizes: list[int], workers: int) -> int:
    """When the last of ``sizes`` (in order, each to the first free worker) finishes."""
    free = [0] * workers
    for size in sizes:
        at = free.index(min(free))
        free[at] += size
    return max(free)


@pytest.mark.parametrize("workers", [2, 3, 4])
def test_tasks_shrink_towards_the_end_so_workers_finish_together(
    tmp_path: Path, workers: int
) -> None:
    source = tmp_path / "in.jsonl"
    size = write_jsonl(source, 1500)
    chunk = size // 5  # the ratio of 20 MB to the default 4 MiB, where equal tasks split 3:2
    equal = [t.size for t in plan_tasks([(source, "in")], chunk_bytes=chunk)]
    tasks = list(plan_tasks([(source, "in")], chunk_bytes=chunk, total_bytes=size))
    sizes = [t.size for t in tasks]
    # The ranges cover the file once, in order, from line start to line start.
    bounds = [(u.start, u.end) for t in tasks for u in t.units]
    assert bounds[0][0] == 0 and bounds[-1][1] == size
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    # No task exceeds the chunk (by more than a line); the last ones are the smallest.
    longest_line = max(map(len, source.read_bytes().splitlines(keepends=True)))
    assert max(sizes) <= chunk + longest_line
    assert max(sizes[-5:]) <= task_bytes(0, chunk) + longest_line < min(sizes[:2])
    # Balance, as tasks go to whichever worker is free: within 5% of a perfect split (equal
    # tasks were 20% and more over it), for at most 6x as many tasks (each costs a checkpoint).
    ideal = size / workers
    assert _makespan(equal, workers) > 1.19 * ideal
    assert _makespan(sizes, workers) <= 1.05 * ideal
    assert len(sizes) <= 6 * len(equal)
    # The same inputs always give the same plan (resume replans it).
    again = list(plan_tasks([(source, "in")], chunk_bytes=chunk, total_bytes=size))
    assert again == tasks


def test_a_run_in_one_process_imports_no_pool(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 50)
    args = ["clean", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "-q"]
    probe = "[m for m in ('concurrent.futures', 'multiprocessing') if m in sys.modules]"
    assert _run_cli_in_subprocess([*args, "-j", "1"], probe) == []
    assert _run_cli_in_subprocess([*args, "-j", "2"], probe) == []  # 50 documents: in process


def test_checkpoints_come_after_a_chunk_of_input_not_after_each_small_task(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every checkpoint fsyncs every output: the small tasks at the end share them.
    from textfix.runner import resume

    source = tmp_path / "in.jsonl"
    size = write_jsonl(source, 1500)
    chunk = size // 5
    marked: list[int] = []
    real = resume.Journal.mark

    def mark(self: resume.Journal, task: int, *args: Any) -> None:
        marked.append(task)
        real(self, task, *args)

    monkeypatch.setattr(resume.Journal, "mark", mark)
    out = tmp_path / "out.jsonl"
    run_clean([str(source)], NEWS, out, options=RunOptions(workers=1, chunk_bytes=chunk))
    sizes = [
        t.size for t in plan_tasks([(source, str(source))], chunk_bytes=chunk, total_bytes=size)
    ]
    assert len(sizes) > 20
    assert 3 <= len(marked) <= 5  # a chunk is a fifth of the input
    starts = [0, *(task + 1 for task in marked)]
    for first, last in itertools.pairwise(starts):
        assert sum(sizes[first:last]) >= chunk
    assert len(read_lines(out)) == 1500
