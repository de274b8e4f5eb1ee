"""The work a worker process does for one task: read, clean and serialise its own records.

The parent receives finished bytes (one compressed member for compressed JSONL, Arrow IPC for
Parquet, nothing for a mirrored ``.txt`` tree, which the worker writes itself) plus the rare
error and removal records, so it never handles documents one by one. A worker process writing
JSONL to a file puts its bytes in a part file beside the output instead (``part_path``), and the
parent appends that file with a kernel-side copy: the output never passes through pipes.
"""

from __future__ import annotations

import glob
import io
import itertools
import os
import signal
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textfix.errors import InputError
from textfix.io.compression import compress_member, open_binary
from textfix.io.jsonl import iter_jsonl_range
from textfix.io.parquet_out import arrow_batch_bytes
from textfix.io.readers import format_of, read_items
from textfix.io.records import BadRecord, Item, ReadOptions, Record
from textfix.io.writers import (
    OutputSpec,
    dumps_line,
    mirror_name,
    mirror_relative,
    write_mirrored,
)
from textfix.pipeline import Pipeline
from textfix.runner.audit import Audit, AuditOptions
from textfix.runner.cleaning import clean_record, counts_as_changed, output_record
from textfix.runner.stats import RunStats
from textfix.runner.tasks import Task, Unit


@dataclass(frozen=True)
class WorkerConfig:
    """Everything a worker needs besides its task; sent once per worker process."""

    pipeline: Pipeline
    read: ReadOptions
    output: OutputSpec
    count_steps: bool = True
    want_removed: bool = False
    mirror_base: str = "."  # a .txt tree names documents relative to this folder
    audit: AuditOptions | None = None  # collect the HTML report's figures (runner.audit)


@dataclass
class TaskResult:
    """A task's serialised output, its error and removal records, line counts and stats.

    Numbers are those of the whole input: a range knows the number of its first line.
    """

    number: int
    payload: bytes = b""
    # The part file holding the payload, when a worker process wrote it (see ``part_path``).
    part: str | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    stats: RunStats = field(default_factory=RunStats)
    audit: Audit | None = None


_CONFIG: WorkerConfig | None = None


def init_worker(config: WorkerConfig, parent: int | None = None) -> None:
    """Process-pool initializer: keep one pipeline per worker process, and end this process
    when ``parent`` (the run's process) dies, however it dies."""
    global _CONFIG
    _CONFIG = config
    if parent is not None:
        die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux ``PR_SET_PDEATHSIG``), so
    a ``kill -9`` of a run leaves no orphaned workers behind; exit now if it already died.

    >>> die_with_parent(os.getppid())  # the parent is alive: nothing happens
    """
    import ctypes  # only worker processes need it

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: nothing to ask for
        pass
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1


#: Documents of the first task the parent cleans before forking workers (see ``warm_up``).
WARM_RECORDS = 32
#: A whole file larger than this is warmed up from only if its records are read as a stream;
#: a record longer than this (in characters) is never.
WARM_FILE_BYTES = 1 << 20
#: A document that reaches most steps' lazy pieces whatever the input: mojibake, an entity,
#: curly quotes, a no-break space, a header line and boilerplate lines.
WARM_TEXT = (
    "By Jane Smith\nLONDON, March 3 (Reuters) - CafÃ© owners said &amp; the \u201cplan\u201d "
    "isn\u2019t new.\u00a0\n\nAdvertisement\nRead more: Share this article\n"
)


def warm_up(config: WorkerConfig, task: Task) -> None:
    """Clean a built-in document and the first records of ``task`` here, discarding the
    results, so that processes forked afterwards share what the pipeline builds lazily on its
    first documents (compiled rule sets, ftfy's tables, the language model when a step of
    this pipeline uses it) instead of each building it again.

    Records are read only where the first few cost little to reach: a byte range of JSONL, a
    JSONL file (read as a stream), or a file of at most ``WARM_FILE_BYTES`` (a JSON array or CSV
    file is parsed whole before its first record, a ``.txt`` file is one record), and only
    records of at most ``WARM_FILE_BYTES`` characters are cleaned. Nothing here can fail the run:
    a record that cannot be read or cleaned is reported by the worker that runs the task.

    >>> from textfix.io.records import ReadOptions
    >>> from textfix.io.writers import output_spec
    >>> config = WorkerConfig(Pipeline.from_preset("news"), ReadOptions(), output_spec(None))
    >>> warm_up(config, Task(0, (Unit(0, "/no/such/file.jsonl", "x.jsonl", 0),)))
    """
    observed = config.count_steps or config.want_removed or config.audit is not None
    unit = task.units[0]
    try:
        config.pipeline(WARM_TEXT)
        if unit.end is None and unit.size > WARM_FILE_BYTES and not _streamed(unit, config.read):
            return
        items = _unit_items(unit, config.read)
        try:
            for item in itertools.islice(items, WARM_RECORDS):
                if isinstance(item, Record) and len(item.text) <= WARM_FILE_BYTES:
                    clean_record(config.pipeline, item, count_steps=observed, want_removed=observed)
        finally:
            items.close()  # the file is closed now, not when the generator is collected
    except Exception:  # the worker that runs the task reports it
        pass


def _streamed(unit: Unit, read: ReadOptions) -> bool:
    try:
        return unit.path is not None and format_of(unit.path, read.input_format) == "jsonl"
    except InputError:
        return False


def worker_ready() -> bool:
    """A no-op task: submitting one makes the pool start a worker process now.

    >>> worker_ready()
    True
    """
    return True


def run_task_in_worker(task: Task) -> TaskResult:
    """The pool's entry point: run ``task`` with the config from :func:`init_worker`.

    JSONL bound for a file is written to the task's part file rather than sent back: shipping
    every output byte through a pipe cost the parent a third of a core with two workers.
    """
    assert _CONFIG is not None, "init_worker was not called"
    result = run_task(_CONFIG, task)
    target = _CONFIG.output.path
    if _CONFIG.output.kind == "jsonl" and target is not None and result.payload:
        part = part_path(target, task.number)
        part.write_bytes(result.payload)
        result.part, result.payload = str(part), b""
    return result


def part_path(target: Path, task: int) -> Path:
    """Where a worker process writes task ``task``'s output for ``target`` before the parent
    appends it.

    >>> part_path(Path("out/clean.jsonl"), 7)
    PosixPath('out/.clean.jsonl.part-7')
    """
    return target.with_name(f".{target.name}.part-{task}")


def stale_parts(target: Path) -> list[Path]:
    """Part files a killed run left beside ``target`` (its name is escaped: ``out[1].jsonl``
    must not match the parts of ``out1.jsonl``).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in (".out1.jsonl.part-3", ".out[1].jsonl.part-4"):
    ...     _ = (folder / name).write_bytes(b"")
    >>> [p.name for p in stale_parts(folder / "out[1].jsonl")]
    ['.out[1].jsonl.part-4']
    """
    return sorted(target.parent.glob(glob.escape(f".{target.name}") + ".part-*"))


def error_record(item: BadRecord) -> dict[str, Any]:
    """The error file's line for an input that could not be cleaned.

    >>> error_record(BadRecord("a.jsonl", 3, "malformed JSON", "{"))
    {'source': 'a.jsonl', 'number': 3, 'error': 'malformed JSON', 'raw': '{'}
    """
    return {"source": item.source, "number": item.number, "error": item.error, "raw": item.raw}


def _unit_items(unit: Unit, read: ReadOptions) -> Generator[Item, None, None]:
    """The unit's items, one at a time. Nothing holds a whole range or file of records: a
    task's memory is its output."""
    if unit.end is None:
        yield from read_items(None if unit.path is None else Path(unit.path), unit.name, read)
        return
    count = [unit.first_line - 1]
    try:
        with open_binary(Path(unit.path or "")) as stream:
            yield from iter_jsonl_range(stream, unit.start, unit.end, unit.name, read, count)
    except OSError as error:  # the file went away or became unreadable since it was planned
        yield BadRecord(unit.name, 0, f"unreadable input: {type(error).__name__}: {error}", "")


def run_task(config: WorkerConfig, task: Task) -> TaskResult:
    """Read, clean and serialise every record of ``task``."""
    result = TaskResult(task.number)
    if config.audit is not None:
        result.audit = Audit(config.audit)
    stats = result.stats
    # Each line goes into one growing buffer at once: orjson gives every ``dumps`` result a
    # buffer of at least 4 KB, so a list of the lines of an 8 MB task held over 100 MB.
    output = io.BytesIO()
    rows: list[dict[str, Any]] = []
    for unit in task.units:
        for item in _unit_items(unit, config.read):
            stats.documents_in += 1
            if isinstance(item, BadRecord):
                # number 0 is the unreadable rest of an input (a truncated gzip, say): it counts
                # as one document in and one errored, so in = out + errored still holds.
                stats.errored += 1
                result.errors.append(error_record(item))
                continue
            line = _clean_one(config, unit, item, result, output, rows)
            if line is not None:
                stats.errored += 1
                result.errors.append(line)
    if result.audit is not None:
        result.audit.finish()
    if config.output.kind == "parquet":
        if rows:
            result.payload = arrow_batch_bytes(rows, config.read.text_field, config.read.id_field)
    elif config.output.kind == "jsonl":
        # getvalue() hands over the buffer without a copy when nothing else shares it.
        result.payload = compress_member(output.getvalue(), config.output.compression)
    return result


def _clean_one(
    config: WorkerConfig,
    unit: Unit,
    record: Record,
    result: TaskResult,
    output: io.BytesIO,
    rows: list[dict[str, Any]],
) -> dict[str, Any] | None:
    """Clean and serialise one record; the error record when that fails, else None."""
    stats = result.stats
    try:
        cleaned = clean_record(
            config.pipeline,
            record,
            count_steps=config.count_steps,
            want_removed=config.want_removed or config.audit is not None,
            want_trace=config.audit is not None,
        )
        fields = output_record(record, cleaned.document)
        kind = config.output.kind
        if kind == "jsonl":
            output.write(dumps_line(fields))
        elif kind == "parquet":
            rows.append(fields)
        else:
            assert config.output.path is not None
            text = fields.pop(record.text_field)
            source = mirror_relative(record.source, config.mirror_base)
            whole = unit.end is None and _is_txt(unit, config.read.input_format)
            relative = mirror_name(source, record.number, whole)
            write_mirrored(config.output.path, relative, text, fields)
    except Exception as error:  # one document's failure must not end the run
        raw = dumps_line(record.fields).decode("utf-8", "replace").rstrip("\n")
        bad = BadRecord(record.source, record.number, f"{type(error).__name__}: {error}", raw)
        return error_record(bad)
    stats.documents_out += 1
    stats.bytes_in += len(record.text.encode("utf-8", "surrogatepass"))
    is_changed = counts_as_changed(record, cleaned)
    if is_changed:
        stats.changed += 1
        # Per-step counts follow the document count: a document whose only change is its
        # final line break is unchanged, and no step is counted as having changed it.
        for name in cleaned.changed_steps:
            stats.step_changes[name] = stats.step_changes.get(name, 0) + 1
    stats.removed_lines += len(cleaned.removals)
    if result.audit is not None:
        result.audit.observe(record, unit, cleaned, changed=is_changed)
    for removal in cleaned.removals if config.want_removed else ():
        entry = {
            "source": record.source,
            "number": record.number,
            "id": record.id,
            "line_number": removal.line_number,
            "line": removal.line,
            "rule": removal.rule_id,
        }
        if removal.span is not None:  # a trailer cut out of the line: the rest was kept
            entry["span"] = list(removal.span)
            entry["removed"] = removal.removed
        result.removed.append(entry)
    return None


def _is_txt(unit: Unit, input_format: str | None) -> bool:
    return unit.path is not None and format_of(unit.path, input_format) == "txt"
