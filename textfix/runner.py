"""Running a pipeline over inputs: streaming, error capture and run statistics.

Documents in = documents out + documents in the errors file, always: a bad record or a failure
on one document becomes an error record and the run goes on.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from textfix.document import Document
from textfix.io.readers import BadRecord, Item, Record, expand_inputs, read_items
from textfix.io.writers import atomic_output, dumps_line
from textfix.pipeline import Pipeline


@dataclass
class RunStats:
    """What a run did: documents read, written, errored and changed, and how long it took."""

    documents_in: int = 0
    documents_out: int = 0
    errored: int = 0
    changed: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
    step_changes: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The figures as a plain dict (for ``--report``)."""
        return {
            "documents_in": self.documents_in,
            "documents_out": self.documents_out,
            "errored": self.errored,
            "changed": self.changed,
            "bytes_in": self.bytes_in,
            "seconds": round(self.seconds, 3),
            "step_changes": dict(self.step_changes),
        }


def output_record(record: Record, document: Document) -> dict[str, Any]:
    """The input record with its text replaced and the metadata merged under ``metadata``."""
    fields = dict(record.fields)
    fields[record.text_field] = document.text
    if document.metadata:
        existing = fields.get("metadata")
        merged = dict(existing) if isinstance(existing, dict) else {}
        merged.update(document.metadata)
        fields["metadata"] = merged
    return fields


def error_record(item: BadRecord) -> dict[str, Any]:
    """The error file's line for an input that could not be cleaned."""
    return {"source": item.source, "number": item.number, "error": item.error, "raw": item.raw}


def default_errors_path(output: Path | None) -> Path | None:
    """Where errors go when not told: beside the output (``out.jsonl`` -> ``out.errors.jsonl``).

    >>> default_errors_path(Path("clean/out.jsonl"))
    PosixPath('clean/out.errors.jsonl')
    """
    if output is None:
        return None
    name = output.name
    for suffix in (".jsonl", ".ndjson"):
        if name.endswith(suffix):
            return output.with_name(name[: -len(suffix)] + ".errors.jsonl")
    return output.with_name(name + ".errors.jsonl")


def iter_items(inputs: list[str], *, text_field: str = "text") -> Iterator[Item]:
    """Every record of every input, in order."""
    for path, name in expand_inputs(inputs):
        yield from read_items(path, name, text_field=text_field)


def clean_item(pipeline: Pipeline, item: Item) -> tuple[dict[str, Any] | None, BadRecord | None]:
    """Clean one item: the output record, or the error that stopped it."""
    if isinstance(item, BadRecord):
        return None, item
    try:
        document = pipeline(
            Document(item.text, str(item.fields.get("id", item.source)), item.metadata)
        )
    except Exception as error:  # one document's failure must not end the run
        raw = dumps_line(item.fields).decode("utf-8").rstrip("\n")
        return None, BadRecord(item.source, item.number, f"{type(error).__name__}: {error}", raw)
    return output_record(item, document), None


def run_clean(
    inputs: list[str],
    pipeline: Pipeline,
    output: Path | None,
    *,
    errors: Path | None = None,
    text_field: str = "text",
) -> RunStats:
    """Clean every record of ``inputs`` into ``output`` (JSONL; ``None`` for stdout)."""
    stats = RunStats()
    started = time.perf_counter()
    errors = errors or default_errors_path(output)
    with ExitStack() as stack:
        out = stack.enter_context(atomic_output(output))
        err: IO[bytes] | None = None
        for item in iter_items(inputs, text_field=text_field):
            stats.documents_in += 1
            record, bad = clean_item(pipeline, item)
            if bad is not None:
                stats.errored += 1
                if err is None:
                    err = (
                        stack.enter_context(atomic_output(errors)) if errors else sys.stderr.buffer
                    )
                err.write(dumps_line(error_record(bad)))
                continue
            assert record is not None and isinstance(item, Record)
            stats.documents_out += 1
            stats.bytes_in += len(item.text.encode("utf-8", "surrogatepass"))
            if record[item.text_field] != item.text or "metadata" in record:
                stats.changed += 1
            out.write(dumps_line(record))
    stats.seconds = time.perf_counter() - started
    return stats
