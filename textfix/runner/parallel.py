"""Ordered, bounded parallel execution of tasks.

At most ``2 * workers`` tasks are in flight: results are consumed in task order, so a slow
task holds back at most that many finished ones, and memory stays flat however many tasks
there are. One worker runs in the calling process (no pickling, no pipes).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from textfix.runner.tasks import Task
from textfix.runner.worker import (
    TaskResult,
    WorkerConfig,
    init_worker,
    run_task,
    run_task_in_worker,
)


def run_ordered(config: WorkerConfig, tasks: Iterable[Task], workers: int) -> Iterator[TaskResult]:
    """The result of each task, in task order."""
    if workers <= 1:
        for task in tasks:
            yield run_task(config, task)
        return
    # fork would copy the parent's open output files and progress threads into each worker;
    # spawn starts clean processes (the pipeline is pickled once, by the initializer).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=init_worker, initargs=(config,)
    ) as pool:
        pending: deque[Future[TaskResult]] = deque()
        for task in tasks:
            pending.append(pool.submit(run_task_in_worker, task))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
