"""The work a worker process does for one task: read, clean and serialise its own records.

The parent receives finished bytes (one compressed member for compressed JSONL, Arrow IPC for
Parquet, nothing for a mirrored ``.txt`` tree, which the worker writes itself) plus the rare
error and removal records, so it never handles documents one by one. A worker process writing
JSONL to a file puts its bytes in a part file beside the output instead (``part_path``), and the
parent appends that file with a kernel-side copy: the output never passes through pipes.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textfix.io.compression import compress_member, open_binary
from textfix.io.jsonl import iter_jsonl_range
from textfix.io.readers import read_items
from textfix.io.records import BadRecord, Item, ReadOptions, Record
from textfix.io.writers import (
    OutputSpec,
    arrow_batch_bytes,
    dumps_line,
    mirror_name,
    write_mirrored,
)
from textfix.pipeline import Pipeline
from textfix.runner.audit import Audit, AuditOptions
from textfix.runner.cleaning import clean_record, output_record
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
    audit: AuditOptions | None = None  # collect the HTML report's figures (runner.audit)


@dataclass
class TaskResult:
    """A task's serialised output, its error and removal records, line counts and stats.

    Error and removal records carry ``number`` relative to their unit; the parent adds the
    lines of the earlier ranges of the same file (``lines`` gives each unit's line count).
    """

    number: int
    payload: bytes = b""
    # The part file holding the payload, when a worker process wrote it (see ``part_path``).
    part: str | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    lines: dict[int, int] = field(default_factory=dict)
    stats: RunStats = field(default_factory=RunStats)
    audit: Audit | None = None


_CONFIG: WorkerConfig | None = None


def init_worker(config: WorkerConfig) -> None:
    """Process-pool initializer: keep one pipeline per worker process."""
    global _CONFIG
    _CONFIG = config


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
    """Part files a killed run left beside ``target``."""
    return sorted(target.parent.glob(f".{target.name}.part-*"))


def error_record(item: BadRecord) -> dict[str, Any]:
    """The error file's line for an input that could not be cleaned.

    >>> error_record(BadRecord("a.jsonl", 3, "malformed JSON", "{"))
    {'source': 'a.jsonl', 'number': 3, 'error': 'malformed JSON', 'raw': '{'}
    """
    return {"source": item.source, "number": item.number, "error": item.error, "raw": item.raw}


def _unit_items(unit: Unit, read: ReadOptions) -> tuple[Iterator[Item], list[int]]:
    """The unit's items, one at a time, and a one-element list that ends up holding its line
    count. Nothing holds a whole range or file of records: a task's memory is its output."""
    count = [0]
    if unit.end is None:
        path = None if unit.path is None else Path(unit.path)

        def whole() -> Iterator[Item]:
            for item in read_items(path, unit.name, read):
                count[0] = max(count[0], item.number)
                yield item

        return whole(), count
    end = unit.end

    def byte_range() -> Iterator[Item]:
        with open_binary(Path(unit.path or "")) as stream:
            yield from iter_jsonl_range(stream, unit.start, end, unit.name, read, count)

    return byte_range(), count


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
        items, count = _unit_items(unit, config.read)
        for item in items:
            stats.documents_in += 1
            if isinstance(item, BadRecord):
                # number 0 is the unreadable rest of an input (a truncated gzip, say): it counts
                # as one document in and one errored, so in = out + errored still holds.
                stats.errored += 1
                result.errors.append({**error_record(item), "_unit": unit.index})
                continue
            line = _clean_one(config, unit, item, result, output, rows)
            if line is not None:
                stats.errored += 1
                result.errors.append({**line, "_unit": unit.index})
        result.lines[unit.index] = count[0]
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
            relative = mirror_name(record.source, record.number, unit.end is None and _is_txt(unit))
            write_mirrored(config.output.path, relative, text, fields)
    except Exception as error:  # one document's failure must not end the run
        raw = dumps_line(record.fields).decode("utf-8", "replace").rstrip("\n")
        bad = BadRecord(record.source, record.number, f"{type(error).__name__}: {error}", raw)
        return error_record(bad)
    stats.documents_out += 1
    stats.bytes_in += len(record.text.encode("utf-8", "surrogatepass"))
    if cleaned.document.text != record.text or cleaned.document.metadata != record.metadata:
        stats.changed += 1
    for name in cleaned.changed_steps:
        stats.step_changes[name] = stats.step_changes.get(name, 0) + 1
    stats.removed_lines += len(cleaned.removals)
    if result.audit is not None:
        result.audit.observe(record, unit, cleaned)
    for removal in cleaned.removals if config.want_removed else ():
        result.removed.append(
            {
                "source": record.source,
                "number": record.number,
                "id": record.id,
                "line_number": removal.line_number,
                "line": removal.line,
                "rule": removal.rule_id,
                "_unit": unit.index,
            }
        )
    return None


def _is_txt(unit: Unit) -> bool:
    from textfix.io.readers import format_of

    return unit.path is not None and format_of(unit.path) == "txt"
