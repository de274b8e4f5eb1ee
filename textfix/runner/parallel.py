"""Ordered, bounded parallel execution of tasks.

At most ``2 * workers`` tasks are in flight: results are consumed in task order, so a slow
task holds back at most that many finished ones, and memory stays flat however many tasks
there are. One worker runs in the calling process (no pickling, no pipes, no start-up).

On Linux the workers are forked from the run's process once it has cleaned a few documents
(:func:`~textfix.runner.worker.warm_up`): each starts with the pipeline built and its lazy
pieces loaded, shared copy-on-write, instead of paying a Python start-up, the imports and
the pipeline's first documents again. Elsewhere, and whenever another thread is running
(forking one thread of several can leave a lock held forever in the child), they are spawned.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
import types
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Literal

from textfix.runner.tasks import Task
from textfix.runner.worker import (
    TaskResult,
    WorkerConfig,
    init_worker,
    run_task,
    run_task_in_worker,
    warm_up,
    worker_ready,
)

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

StartMethod = Literal["fork", "spawn"]


def start_method() -> StartMethod:
    """How worker processes start here: ``fork`` on Linux while this is the process's only
    thread, else ``spawn``.

    macOS's system libraries are not safe to use in a forked child, and a fork copies only
    the calling thread: a lock another thread held (stderr's, say) would never be released in
    the child. Spawned workers start clean and receive the pipeline pickled, once each.

    ``TEXTFIX_START_METHOD=spawn`` (or ``fork``) in the environment chooses.

    >>> start_method() in ("fork", "spawn")
    True
    """
    chosen = os.environ.get("TEXTFIX_START_METHOD")
    if chosen == "spawn":
        return "spawn"
    if chosen == "fork" and sys.platform != "win32":
        return "fork"
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def run_ordered(
    config: WorkerConfig,
    tasks: Iterable[Task],
    workers: int,
    method: StartMethod | None = None,
) -> Iterator[tuple[Task, TaskResult]]:
    """Each task with its result, in task order; ``tasks`` is consumed only as workers free.

    ``method`` is how workers start (default: :func:`start_method`).
    """
    if workers <= 1:
        for task in tasks:
            yield task, run_task(config, task)
        return
    pending_tasks = iter(tasks)
    first = next(pending_tasks, None)
    if first is None:
        return
    method = method or start_method()
    if method == "fork":
        warm_up(config, first)
        # A forked child flushes its copy of stdout and stderr when it ends: anything still
        # buffered here would be written twice.
        sys.stdout.flush()
        sys.stderr.flush()
    # Imported here: a run in one process (most small runs) never needs them.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=init_worker,
        initargs=(config, os.getpid()),
    ) as pool:
        _start_workers(pool, workers)
        pending: deque[tuple[Task, Future[TaskResult]]] = deque()
        for task in itertools.chain((first,), pending_tasks):
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
    ``__main__`` is a bare module (forked processes, which all start at the first submit,
    have it already). Each submit starts at most one process, and the pool never
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


#: Inputs up to this many bytes are cleaned in the calling process whatever ``--workers`` says.
#: Measured (news JSONL, 64 KiB tasks, forked workers): two workers cost about 0.17 CPU-s more
#: than one process, and on two free cores would take 0.87x the time of one at 1 MB and 0.77x
#: at 3 MB; the bound is set above the break-even, so that a pool never makes a run slower when
#: the other cores are not quite free.
POOL_MIN_BYTES = 2 * 1024 * 1024
#: A pool has at most one worker for each this many bytes of input: a worker costs about
#: 0.08 CPU-s (forking, its share of the pool's traffic), what cleaning 1 MiB of news costs.
WORKER_MIN_BYTES = 1024 * 1024


def worker_count(requested: int, task_sizes: list[int], chunk_bytes: int) -> int:
    """How many processes to run ``tasks`` on (0 requested: every core this process may use).

    One task, or at most ``POOL_MIN_BYTES`` of input (or one ``chunk_bytes``, when that is
    less: a test can ask for a pool on a small input), runs in the calling process; a pool has
    a worker for each ``WORKER_MIN_BYTES`` (or ``chunk_bytes``) of input at most.

    >>> sizes = [10] * 10  # ten tasks of 10 bytes
    >>> worker_count(2, sizes, 10), worker_count(8, sizes[:3], 10), worker_count(2, sizes[:1], 10)
    (2, 3, 1)
    >>> worker_count(2, sizes, 1000)  # 100 bytes in all: not worth a pool
    1
    >>> worker_count(0, [1 << 20] * 2, 4 << 20)  # 2 MiB with the default chunk: in process
    1
    >>> worker_count(64, [1 << 18] * 12, 4 << 20)  # 3 MiB: three workers, not twelve
    3
    """
    if requested <= 0:
        requested = usable_cores()
    total = sum(task_sizes)
    if len(task_sizes) <= 1 or total <= min(POOL_MIN_BYTES, chunk_bytes):
        return 1
    most = max(2, total // min(WORKER_MIN_BYTES, chunk_bytes))
    return max(1, min(requested, len(task_sizes), most))


def usable_cores() -> int:
    """The cores this process may run on."""
    # sched_getaffinity honours taskset/cgroup CPU pinning; cpu_count counts the whole machine.
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
