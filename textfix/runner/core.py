"""``run_clean``: plan tasks, run them on worker processes, write results in order, durably."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

import orjson

from textfix.errors import InputError, TextfixError
from textfix.io.compression import strip_compression
from textfix.io.parquet_out import ParquetSpool
from textfix.io.readers import Skipped, expand_inputs
from textfix.io.records import ReadOptions
from textfix.io.tabular import require_pyarrow_parquet
from textfix.io.writers import (
    OutputSpec,
    append_file,
    dumps_line,
    fsync_and_rename,
    mirror_base,
    output_spec,
    remove_staging,
    temporary_name,
    write_file_atomically,
)
from textfix.pipeline import Pipeline
from textfix.runner.audit import Audit, AuditOptions, start_audit
from textfix.runner.audit_store import AuditStore
from textfix.runner.lock import OutputLocks, check_folders
from textfix.runner.parallel import run_ordered, usable_cores, worker_count
from textfix.runner.progress import RunProgress, print_summary
from textfix.runner.resume import Journal, fingerprint, journal_path
from textfix.runner.stats import RunStats
from textfix.runner.tasks import DEFAULT_CHUNK_BYTES, PLAN_VERSION, Task, plan_tasks
from textfix.runner.worker import TaskResult, WorkerConfig, stale_parts


class Executor(Protocol):
    """Runs tasks somewhere else than local processes (``textfix.integrations.ray``)."""

    def cores(self) -> int:
        """How many tasks can run at once when no worker count was asked for."""

    def __call__(
        self, config: WorkerConfig, tasks: Iterable[Task], workers: int
    ) -> Iterator[tuple[Task, TaskResult]]:
        """Each task with its result, in task order, like :func:`run_ordered`."""


@dataclass(frozen=True)
class RunOptions:
    """How to run: workers, resume, progress, side files, chunk size."""

    workers: int = 0  # 0: every core
    resume: bool = False
    overwrite: bool = False  # replace outputs that exist (else they are refused)
    quiet: bool = True
    glob: str | None = None
    output_format: str | None = None
    errors: Path | None = None
    removed: Path | None = None
    report: Path | None = None
    count_steps: bool = True
    chunk_bytes: int = DEFAULT_CHUNK_BYTES
    html_report: Path | None = None  # the HTML report (textfix.report); collects ``audit``
    audit: AuditOptions | None = None  # the report's samples (runner.audit); None: no cost
    executor: Executor | None = None  # None: local worker processes (runner.parallel)


def default_errors_path(output: Path | None) -> Path | None:
    """Where errors go when not told: beside the output (``out.jsonl`` -> ``out.errors.jsonl``).

    >>> default_errors_path(Path("clean/out.jsonl.gz")), default_errors_path(Path("clean"))
    (PosixPath('clean/out.errors.jsonl'), PosixPath('clean.errors.jsonl'))
    """
    if output is None:
        return None
    name = strip_compression(output.name)
    for suffix in (".jsonl", ".ndjson", ".parquet", ".json"):
        if name.endswith(suffix):
            return output.with_name(name[: -len(suffix)] + ".errors.jsonl")
    return output.with_name(name + ".errors.jsonl")


def check_distinct(targets: list[Path]) -> None:
    """Refuse one file named for two outputs (``--errors`` equal to ``-o``, say)."""
    seen: dict[Path, Path] = {}
    for target in targets:
        resolved = target.resolve()
        if resolved in seen:
            raise InputError(f"{target} is named for two outputs (also as {seen[resolved]})")
        seen[resolved] = target


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_not_own_input(inputs: list[str], targets: list[Path | None], spec: OutputSpec) -> None:
    """Refuse to write over (or into) an input: the input would be lost or read back in."""
    sources = [Path(name).resolve() for name in inputs if name != "-"]
    for target in targets:
        if target is None:
            continue
        resolved = target.resolve()
        for source in sources:
            clash = resolved == source or (source.is_dir() and _inside(resolved, source))
            if spec.kind == "txt" and target == spec.path:
                clash = clash or _inside(source, resolved)
            if clash:
                raise InputError(
                    f"{target} is (or is inside) the input {source}; "
                    "textfix clean refuses to overwrite its own input"
                )


def check_files(targets: list[Path], spec: OutputSpec) -> None:
    """Refuse a folder where a file is to be written (``-o out.jsonl`` naming a folder), before
    the run rather than at its last step, when the finished file is renamed into place."""
    for target in targets:
        if target.is_dir() and not (spec.kind == "txt" and target == spec.path):
            raise InputError(f"{target} is a folder; name a file for this output")


# Errors of writing, not of one input: the run stops, and what it wrote can be resumed.
_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO})


def write_failure(error: OSError, output: Path | None, resumable: bool) -> TextfixError:
    """The error to show when the disk refuses the outputs (full, over quota, read-only).

    >>> full = OSError(errno.ENOSPC, "No space left on device")
    >>> print(write_failure(full, Path("o.jsonl"), True))
    cannot write o.jsonl: No space left on device; the finished part is kept: make room, ...
    >>> print(write_failure(full, None, False))
    cannot write the output: No space left on device
    """
    where = output if output is not None else "the output"
    again = (
        "; the finished part is kept: make room, then run the same command with --resume"
        if resumable
        else ""
    )
    return TextfixError(f"cannot write {where}: {error.strerror}{again}")


def check_not_existing(
    targets: list[Path], spec: OutputSpec, journal: Path | None, *, resume: bool
) -> None:
    """Refuse to replace a file that exists: an earlier run's output, or any file the name
    happens to take. ``--overwrite`` replaces them; ``--resume`` carries on a run whose
    journal is there (its outputs are still under temporary names, or some were renamed
    into place when it was killed).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "out.jsonl").write_text("kept")
    4
    >>> spec, journal = output_spec(folder / "out.jsonl"), folder / "out.jsonl.progress.jsonl"
    >>> check_not_existing([folder / "out.jsonl"], spec, journal, resume=False)
    Traceback (most recent call last):
    ...
    textfix.errors.InputError: ...out.jsonl exists; give --overwrite to replace it
    >>> _ = journal.write_text("{}")
    >>> check_not_existing([folder / "out.jsonl"], spec, journal, resume=False)
    Traceback (most recent call last):
    ...
    textfix.errors.InputError: ...; give --overwrite to replace it, or --resume to finish the ...
    """
    interrupted = journal is not None and journal.exists()
    if resume and interrupted:
        return  # the journal's run is carried on (and its job checked)
    if interrupted:
        why = f", or --resume to finish the interrupted run whose journal is {journal}"
    elif resume:
        why = f"; there is no interrupted run ({journal}) to resume"
    else:
        why = ""
    for target in targets:
        if spec.kind == "txt" and target == spec.path:
            continue  # a folder of .txt files: no file in it is ever overwritten
        refuse_existing(target, why)


def refuse_existing(target: Path, why: str = "") -> None:
    """Refuse to replace ``target`` if it exists (a dangling link too); ``why`` is added to
    the message. Every command that writes a file asks this unless ``--overwrite`` is given."""
    if target.exists() or target.is_symlink():
        raise InputError(f"{target} exists; give --overwrite to replace it{why}")


def run_clean(
    inputs: list[str],
    pipeline: Pipeline,
    output: Path | None,
    *,
    errors: Path | None = None,
    text_field: str = "text",
    read: ReadOptions | None = None,
    options: RunOptions | None = None,
) -> RunStats:
    """Clean every record of ``inputs`` into ``output`` (``None`` for stdout JSONL)."""
    options = options or RunOptions()
    read = read or ReadOptions(text_field=text_field)
    spec = output_spec(output, options.output_format)
    errors_path = errors or options.errors or default_errors_path(output)
    check_not_own_input(
        inputs, [output, errors_path, options.removed, options.report, options.html_report], spec
    )
    uses_stdin = "-" in inputs
    if options.resume and (output is None or uses_stdin):
        raise InputError("--resume needs an output file (-o) and file inputs, not stdin")
    if options.resume and spec.kind == "parquet":
        raise InputError("--resume works with JSONL and .txt-directory outputs, not Parquet")
    side = (errors_path, options.removed, options.report, options.html_report)
    targets = [t for t in (output, *side) if t is not None]
    check_folders(targets)
    check_files(targets, spec)
    check_distinct(targets)
    if not options.overwrite:
        journal = journal_path(output) if output is not None else None
        check_not_existing(targets, spec, journal, resume=options.resume)
    if spec.kind == "parquet":
        require_pyarrow_parquet()  # before any input is read, not after cleaning it all
    locks = OutputLocks()
    locks.acquire(targets)
    try:
        return _run(inputs, pipeline, spec, errors_path, read, options)
    finally:
        locks.release()


def _run(
    inputs: list[str],
    pipeline: Pipeline,
    spec: OutputSpec,
    errors_path: Path | None,
    read: ReadOptions,
    options: RunOptions,
) -> RunStats:
    """The run itself, once its outputs are locked."""
    uses_stdin = "-" in inputs

    # Byte ranges give error records line numbers only after the parent adds the lines of the
    # earlier ranges; a mirrored tree names files by line number, so it reads whole files.
    ranges: dict[tuple[str, int], list[tuple[int, int, int]]] = {}

    def plan(files: Iterable[tuple[Path | None, str]], total: int) -> Iterator[Task]:
        return plan_tasks(
            files,
            chunk_bytes=options.chunk_bytes,
            split=spec.kind != "txt",
            input_format=read.input_format,
            ranges=ranges,
            total_bytes=total,
        )

    # The inputs are walked three times, never held: for their size and fingerprint (which
    # also counts the files of unknown format it passes over), for the plan's task sizes, and
    # as the workers take the plan. A corpus of a million files costs the parent no memory.
    def files(skipped: Skipped | None = None) -> Iterator[tuple[Path | None, str]]:
        return expand_inputs(
            inputs, glob=options.glob, input_format=read.input_format, skipped=skipped
        )

    skipped = Skipped()
    survey = _Survey.of(files, plan, skipped)
    if survey.inputs == 0:
        matching = f" matching --glob {options.glob!r}" if options.glob else ""
        why = f"; {skipped.describe()}" if skipped.describe() else ""
        raise InputError(f"no input files{matching} in {', '.join(inputs)}{why}")
    config = WorkerConfig(
        pipeline,
        read,
        spec,
        count_steps=options.count_steps,
        want_removed=options.removed is not None,
        mirror_base=mirror_base(inputs),
        audit=options.audit,
    )
    job = fingerprint(
        {
            "inputs": survey.inputs_digest,
            "pipeline": repr(pipeline),
            "read": repr(read),
            "output": repr(spec),
            "chunk": options.chunk_bytes,
            "plan": PLAN_VERSION,
            "removed": str(options.removed),
            "errors": str(errors_path),
            **({"audit": options.audit.fingerprint()} if options.audit is not None else {}),
        }
    )
    writer = _Writer(spec, errors_path, options.removed, job, (read.text_field, read.id_field))
    writer.checkpoint_bytes = options.chunk_bytes
    stats = writer.open(options.resume)
    saved = (
        writer.audits.require(writer.done_task) if options.audit and writer.done_task >= 0 else None
    )
    audit = start_audit(options.audit, pipeline, saved)
    started = time.perf_counter() - stats.seconds
    done = writer.done_task + 1  # tasks finished before a resume
    remaining_sizes = survey.task_sizes[done:]
    execute = options.executor or run_ordered
    requested = options.workers or (options.executor.cores() if options.executor else 0)
    workers = 1 if uses_stdin else worker_count(requested, remaining_sizes, options.chunk_bytes)
    remaining = (task for task in plan(files(), survey.total_bytes) if task.number >= done)
    try:
        with RunProgress(sum(survey.task_sizes) or None, enabled=not options.quiet) as progress:
            progress.advance(stats.documents_in, sum(survey.task_sizes[:done]))
            for task, result in execute(config, remaining, workers):
                if audit is not None:
                    audit.add_task(result.audit, result.errors)
                writer.write(result)
                stats.add(result.stats)
                stats.seconds = time.perf_counter() - started
                writer.checkpoint(task, stats, audit)
                progress.advance(result.stats.documents_in, task.size)
        stats.seconds = time.perf_counter() - started
        writer.finish()
    except OSError as error:
        if error.errno not in _WRITE_ERRNOS:
            writer.abandon()
            raise
        with contextlib.suppress(OSError):  # closing flushes into the same full disk
            writer.abandon()
        resumable = spec.path is not None and not uses_stdin and spec.kind != "parquet"
        raise write_failure(error, spec.path, resumable) from error
    except BaseException:
        writer.abandon()
        raise
    if options.report is not None or options.html_report is not None:
        report = {**stats.as_dict(), "inputs": survey.inputs, "workers": workers}
        # Asked for, against run: stdin and small inputs (POOL_MIN_BYTES) run in process.
        report["workers_requested"] = requested or usable_cores()
        report["skipped_files"] = skipped.count  # of unknown format, in input folders
        report["skipped_examples"] = skipped.examples
        report["skipped_repeats"] = skipped.repeated  # folders and files reached a second time
        if audit is not None:
            report["audit"] = audit.as_dict()
        if options.report is not None:
            write_file_atomically(options.report, dumps_line(report))
        if options.html_report is not None:
            from textfix.report import write_html_report

            write_html_report(options.html_report, report)
    if not options.quiet:
        print_summary(stats, errors_path if stats.errored else None)
        if skipped.describe():
            print(f"textfix: {skipped.describe()}", file=sys.stderr)
    return stats


def _empty(path: Path) -> bool:
    return path.exists() and path.stat().st_size == 0


def _stat(path: Path | None) -> tuple[int, int] | None:
    try:
        info = None if path is None else path.stat()
    except OSError:
        return None  # a dangling symlink, say: reading it gives the error record
    return None if info is None else (info.st_size, info.st_mtime_ns)


@dataclass(frozen=True)
class _Survey:
    """What walking the inputs and the plan tells: inputs, their digest and size in bytes,
    each task's size."""

    inputs: int
    inputs_digest: str
    total_bytes: int
    task_sizes: list[int]

    @classmethod
    def of(
        cls,
        files: Callable[[Skipped | None], Iterable[tuple[Path | None, str]]],
        plan: Callable[[Iterable[tuple[Path | None, str]], int], Iterator[Task]],
        skipped: Skipped,
    ) -> _Survey:
        """Walk ``files`` for a digest of names, sizes and mtimes and the total size (counting
        the files it passes over into ``skipped``), then plan them, keeping only each task's
        size."""
        digest = hashlib.sha256()
        count = total = 0
        for path, name in files(skipped):
            stat = _stat(path)
            digest.update(orjson.dumps([name, stat]))
            count += 1
            total += 0 if stat is None else stat[0]
        sizes = [task.size for task in plan(files(None), total)]
        return cls(count, digest.hexdigest(), total, sizes)


class _Writer:
    """The parent's side: temporary outputs, in-order writes, checkpoints, final renames."""

    def __init__(
        self,
        spec: OutputSpec,
        errors: Path | None,
        removed: Path | None,
        job: str,
        fields: tuple[str, str] = ("text", "id"),
    ):
        self.spec = spec
        self.fields = fields  # the text and id fields, for Parquet's fixed form
        self.errors = errors
        self.removed = removed
        self.stack = ExitStack()
        self.streams: dict[str, IO[bytes]] = {}
        self.targets: dict[str, Path] = {}
        self.parquet: ParquetSpool | None = None
        self.done_task = -1
        # Checkpoints (each an fsync of every output) come after a chunk's worth of input, not
        # after each of the small tasks at the end of a run (see textfix.runner.tasks).
        self.checkpoint_bytes = 0
        self._unmarked_bytes = 0
        self.journal: Journal | None = None
        if spec.path is not None:
            self.journal = Journal(journal_path(spec.path), job)
        # The HTML report's figures, saved beside the journal at each checkpoint (runner.audit)
        self.audits = AuditStore(journal_path(spec.path or Path("stdout")))

    def open(self, resume: bool) -> RunStats:
        """Open temporary outputs (cut back to the last checkpoint when resuming)."""
        self.remove_parts()
        checkpoint = self.journal.load() if resume and self.journal is not None else None
        if self.spec.kind == "jsonl" and self.spec.path is not None:
            self.targets["out"] = self.spec.path
        if self.spec.kind == "txt" and self.spec.path is not None:
            self.spec.path.mkdir(exist_ok=True)  # its folder exists: check_folders
        if self.errors is not None:
            self.targets["errors"] = self.errors
        if self.removed is not None:
            self.targets["removed"] = self.removed
        for key, target in self.targets.items():
            temporary = temporary_name(target)
            stream: IO[bytes]
            if checkpoint is not None and checkpoint.finishing and not temporary.exists():
                continue  # renamed into place just before the run was interrupted
            if checkpoint is not None:
                stream = self.stack.enter_context(temporary.open("r+b"))
                stream.truncate(checkpoint.lengths[key])
                stream.seek(0, os.SEEK_END)
            else:
                stream = self.stack.enter_context(temporary.open("wb"))
            self.streams[key] = stream
        if self.journal is not None:
            if checkpoint is None:
                self.audits.remove()  # a previous run's, if any
                self.journal.start()
            else:
                self.journal.reopen()
        if checkpoint is None:
            return RunStats()
        self.done_task = checkpoint.task
        return checkpoint.stats

    def _stream(self, key: str) -> IO[bytes]:
        if key in self.streams:
            return self.streams[key]
        return sys.stdout.buffer if key == "out" else sys.stderr.buffer

    def write(self, result: TaskResult) -> None:
        """Write one task's results."""
        if self.spec.kind == "jsonl":
            if result.part is not None:
                append_file(self._stream("out"), Path(result.part))
            else:
                self._stream("out").write(result.payload)
        elif self.spec.kind == "parquet" and result.payload:
            self._write_parquet(result.payload)
        for key, entries in (("errors", result.errors), ("removed", result.removed)):
            if key == "removed" and self.removed is None:
                continue
            for entry in entries:
                self._stream(key).write(dumps_line(entry))

    def _write_parquet(self, payload: bytes) -> None:
        assert self.spec.path is not None
        if self.parquet is None:
            spool = self.spec.path.with_name(f".{self.spec.path.name}.spool")
            self.parquet = ParquetSpool(spool, *self.fields)
        self.parquet.add(payload)

    def checkpoint(self, task: Task, stats: RunStats, audit: Audit | None = None) -> None:
        """Make everything written so far durable, then record the task as finished (once
        ``checkpoint_bytes`` of input have been written since the last checkpoint: resuming
        redoes at most that much)."""
        self._unmarked_bytes += task.size
        if self.journal is None or self._unmarked_bytes < self.checkpoint_bytes:
            return
        self._unmarked_bytes = 0
        lengths = {}
        for key, stream in self.streams.items():
            stream.flush()
            os.fsync(stream.fileno())
            lengths[key] = stream.tell()
        if audit is not None:
            self.audits.save(task.number, audit.as_dict())
        self.journal.mark(task.number, lengths, stats)

    def finish(self) -> None:
        """Close the temporaries and rename each into place; remove the journal. Each step can
        be interrupted: ``--resume`` renames what is left (see :meth:`Journal.mark_finishing`)."""
        for stream in self.streams.values():
            stream.flush()
        self.stack.close()
        if self.journal is not None:
            self.journal.mark_finishing()
        if self.spec.kind == "parquet" and self.spec.path is not None:
            if self.parquet is None:
                spool = self.spec.path.with_name(f".{self.spec.path.name}.spool")
                self.parquet = ParquetSpool(spool, *self.fields)
            self.parquet.write(temporary_name(self.spec.path))
            fsync_and_rename(temporary_name(self.spec.path), self.spec.path)
        for key, target in self.targets.items():
            if key == "errors" and _empty(temporary_name(target)):
                # No error: no errors file, and none left from an earlier run to mislead.
                temporary_name(target).unlink()
                target.unlink(missing_ok=True)
            elif key in self.streams:
                fsync_and_rename(temporary_name(target), target)
        if self.spec.path is None:
            sys.stdout.buffer.flush()
        self.remove_parts()
        if self.journal is not None:
            self.journal.finish()
            self.audits.remove()

    def remove_parts(self) -> None:
        """Delete part files of tasks whose output was never appended, and half-written
        documents of a ``.txt`` tree (an interrupted run)."""
        if self.spec.kind == "jsonl" and self.spec.path is not None:
            for part in stale_parts(self.spec.path):
                part.unlink(missing_ok=True)
        if self.spec.kind == "txt" and self.spec.path is not None:
            remove_staging(self.spec.path)

    def abandon(self) -> None:
        """Close everything and keep the temporaries and the journal for ``--resume``."""
        self.remove_parts()
        self.stack.close()
        if self.parquet is not None:
            self.parquet.close()
        if self.journal is not None:
            self.journal.close()
