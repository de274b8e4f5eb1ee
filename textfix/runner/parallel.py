"""Ordered, bounded parallel execution of tasks.

At most ``2 * workers`` tasks are in flight: results are consumed in task order, so a slow
task holds back at most that many finished ones, and memory stays flat however many tasks
there are. One worker runs in the calling process (no pickling, no pipes, no start-up).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import types
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager

from textfix.runner.tasks import Task
from textfix.runner.worker import (
    TaskResult,
    WorkerConfig,
    init_worker,
    run_task,
    run_task_in_worker,
    worker_ready,
)


def run_ordered(
    config: WorkerConfig, tasks: Iterable[Task], workers: int
) -> Iterator[tuple[Task, TaskResult]]:
    """Each task with its result, in task order; ``tasks`` is consumed only as workers free."""
    if workers <= 1:
        for task in tasks:
            yield task, run_task(config, task)
        return
    # fork would copy the parent's open output files and progress threads into each worker;
    # spawn starts clean processes (the pipeline is pickled once, by the initializer).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=init_worker,
        initargs=(config, os.getpid()),
    ) as pool:
        _start_workers(pool, workers)
        pending: deque[tuple[Task, Future[TaskResult]]] = deque()
        for task in tasks:
            pending.append((task, pool.submit(run_task_in_worker, task)))
            if len(pending) >= 2 * workers:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


def _start_workers(pool: ProcessPoolExecutor, workers: int) -> None:
    """Start every worker process now, without re-running the parent's ``__main__``.

    A spawned process normally re-imports the parent's main script (for ``textfix`` that is
    the CLI, with typer and everything it pulls in), only so that functions defined there could
    be unpickled. Workers need nothing from it, so the processes are started while
    ``__main__`` is a bare module. Each submit starts at most one process, and the pool never
    starts more than ``workers``, so every process exists before the real ``__main__`` is back.
    """
    with _bare_main():
        for _ in range(workers):
            pool.submit(worker_ready)


@contextmanager
def _bare_main() -> Iterator[None]:
    real = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = real


def worker_count(requested: int, task_sizes: list[int], chunk_bytes: int) -> int:
    """How many processes to run ``tasks`` on (0 requested: every core this process may use).

    A pool costs each worker a Python start-up and the pipeline's imports (about half a second
    of CPU), so one task, or less input than one task's worth, runs in the calling process.

    >>> sizes = [10] * 10  # ten tasks of 10 bytes
    >>> worker_count(2, sizes, 10), worker_count(8, sizes[:3], 10), worker_count(2, sizes[:1], 10)
    (2, 3, 1)
    >>> worker_count(2, sizes, 1000)  # 100 bytes in all: not worth a pool
    1
    """
    if requested <= 0:
        requested = _usable_cores()
    if len(task_sizes) <= 1 or sum(task_sizes) <= chunk_bytes:
        return 1
    return max(1, min(requested, len(task_sizes)))


def _usable_cores() -> int:
    # sched_getaffinity honours taskset/cgroup CPU pinning; cpu_count counts the whole machine.
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
