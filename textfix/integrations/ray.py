"""Ray: run ``textfix clean`` on a Ray cluster, with everything a local run does.

Install with ``pip install 'textfix[ray]'``. The Ray engine is the local runner with its worker
processes swapped for Ray actors (:class:`RayExecutor`): the same plan of tasks, read and
cleaned by the same code, written in order by the driver through the same journal. So a Ray run
gives the same output, error records, removed lines and report (JSON or HTML) as a local run,
streams (at most two tasks per actor in flight, whatever the corpus size) and resumes with
``--resume`` after an interruption, task by task.

What Ray changes, and what it asks for:

- Actors read the inputs by path: every node must see them at the same path (a shared
  filesystem), and so must a ``.txt`` output directory, which actors write into. JSONL and
  Parquet output are written by the driver alone.
- Standard input cannot be read by actors on other processes or machines: it is refused.
- Each actor takes one CPU; the pool never asks for more actors than the cluster has CPUs, so
  none waits forever for a CPU that will never free.
- An actor that dies (out of memory, a lost node) stops the run with a message; what was
  written so far is kept for ``--resume``.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from textfix.errors import InputError, TextfixError
from textfix.io.records import ReadOptions
from textfix.pipeline import Pipeline
from textfix.runner.core import RunOptions, run_clean
from textfix.runner.stats import RunStats
from textfix.runner.tasks import Task
from textfix.runner.worker import TaskResult, WorkerConfig, run_task


def require_ray() -> Any:
    """The ``ray`` module, or an error saying which extra to install."""
    try:
        import ray
    except ImportError:
        raise TextfixError("the Ray engine needs Ray: pip install 'textfix[ray]'") from None
    return ray


class TaskActor:
    """One Ray actor: the worker process of a local run, holding one pipeline for many tasks.

    >>> import tempfile
    >>> from textfix.io.writers import output_spec
    >>> from textfix.runner.tasks import Unit
    >>> path = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = path.write_text("Fares  rose.")
    >>> config = WorkerConfig(Pipeline.from_preset("default"), ReadOptions(), output_spec(None))
    >>> result = TaskActor(config).run(Task(0, (Unit(0, str(path), "a.txt", 12),)))
    >>> result.payload, result.stats.documents_out
    (b'{"id":"a.txt","text":"Fares rose."}\\n', 1)
    """

    def __init__(self, config: WorkerConfig) -> None:
        self.config = config

    def run(self, task: Task) -> TaskResult:
        """Read, clean and serialise ``task`` (see :func:`textfix.runner.worker.run_task`)."""
        return run_task(self.config, task)


class RayExecutor:
    """Runs a run's tasks on Ray actors, results in task order (a :class:`runner.core.Executor`).

    Ray is started (or joined, at ``address`` or ``RAY_ADDRESS``) only when the run needs it,
    after its options and outputs have been checked; :meth:`close` stops a cluster started here.
    """

    def __init__(self, address: str | None = None, actor: type[TaskActor] = TaskActor) -> None:
        self.address = address
        self.actor = actor  # a subclass can set up logging, say, in each actor
        self.started_here = False

    def _ray(self) -> Any:
        ray = require_ray()
        if not ray.is_initialized():
            ray.init(
                address=self.address or os.environ.get("RAY_ADDRESS"),
                log_to_driver=False,
                logging_level=logging.ERROR,  # Ray's start-up notices are not the run's news
            )
            self.started_here = True
        return ray

    def cores(self) -> int:
        """The cluster's CPUs: one actor each."""
        cpus = int(self._ray().cluster_resources().get("CPU", 0))
        if cpus < 1:
            raise TextfixError("the Ray cluster has no CPU to run textfix actors on")
        return cpus

    def __call__(
        self, config: WorkerConfig, tasks: Iterable[Task], workers: int
    ) -> Iterator[tuple[Task, TaskResult]]:
        """Each task with its result, in order; at most two tasks per actor in flight."""
        ray = self._ray()
        count = max(1, min(workers, self.cores()))
        actor_class = ray.remote(num_cpus=1)(self.actor)
        shared = ray.put(config)
        actors = [actor_class.remote(shared) for _ in range(count)]
        pending: deque[tuple[Task, Any]] = deque()
        try:
            for task in tasks:
                pending.append((task, actors[task.number % count].run.remote(task)))
                if len(pending) >= 2 * count:
                    yield self._result(ray, *pending.popleft())
            while pending:
                yield self._result(ray, *pending.popleft())
        finally:
            for actor in actors:
                ray.kill(actor)

    @staticmethod
    def _result(ray: Any, task: Task, ref: Any) -> tuple[Task, TaskResult]:
        try:
            return task, ray.get(ref)
        except ray.exceptions.RayError as error:
            first = (str(error).strip().splitlines() or [""])[0]
            raise TextfixError(
                f"the Ray cluster failed on task {task.number} ({type(error).__name__}: {first}); "
                "what was written is kept: run the same command with --resume to carry on"
            ) from error

    def close(self) -> None:
        """Stop the Ray cluster if this executor started it."""
        if self.started_here:
            require_ray().shutdown()
            self.started_here = False


def run_clean_ray(
    inputs: list[str],
    pipeline: Pipeline,
    output: Path | None,
    *,
    read: ReadOptions | None = None,
    options: RunOptions | None = None,
    address: str | None = None,
) -> RunStats:
    """:func:`textfix.runner.run_clean` with the tasks run on Ray (``address``, else
    ``RAY_ADDRESS``, else a local cluster); ``options.workers`` 0 means one actor per CPU."""
    if "-" in inputs:
        raise InputError(
            "the Ray engine reads files, not standard input: its actors run in other "
            "processes; use --engine local for -"
        )
    executor = RayExecutor(address)
    options = dataclasses.replace(options or RunOptions(), executor=executor)
    try:
        return run_clean(inputs, pipeline, output, read=read, options=options)
    finally:
        executor.close()
