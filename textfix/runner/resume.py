"""The resume journal: a durable record of which tasks (so which inputs) are finished.

After each task the output files are flushed and fsynced, then one line is appended to
``<output>.progress.jsonl`` (and fsynced) with the byte length of every output at that point
and the running statistics. ``--resume`` checks the journal belongs to the same job, cuts the
temporary outputs back to the last recorded lengths, and carries on with the next task: the
final files are byte-identical to an uninterrupted run's. A naive "skip inputs whose output
exists" resume is not: it keeps the half-written tail of the input that was running.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from textfix.errors import InputError
from textfix.runner.stats import RunStats


def journal_path(output: Path) -> Path:
    """Where the journal of a run writing ``output`` lives.

    >>> journal_path(Path("out/clean.jsonl"))
    PosixPath('out/clean.jsonl.progress.jsonl')
    """
    return output.with_name(output.name + ".progress.jsonl")


def fingerprint(parts: dict[str, Any]) -> str:
    """A short hash naming a job: its inputs (names, sizes, mtimes), pipeline and options."""
    # repr, not JSON: a path that is not UTF-8 (lone surrogates in Python) is no JSON string.
    text = repr(sorted((key, repr(value)) for key, value in parts.items()))
    return hashlib.sha256(text.encode("utf-8", "backslashreplace")).hexdigest()


@dataclass
class Checkpoint:
    """The state after the last finished task: its number, output lengths and stats."""

    task: int
    lengths: dict[str, int]
    stats: RunStats
    finishing: bool = False  # every task was done and the outputs were being renamed


class Journal:
    """Append-only, fsynced progress markers for one run."""

    def __init__(self, path: Path, job: str) -> None:
        self.path = path
        self.job = job
        self._stream: IO[bytes] | None = None

    def start(self) -> None:
        """Begin a fresh journal (a previous one is replaced)."""
        self._stream = self.path.open("wb")
        self._append({"job": self.job})

    def reopen(self) -> None:
        """Keep appending to an existing journal (after :meth:`load`)."""
        self._stream = self.path.open("ab")

    def load(self) -> Checkpoint | None:
        """The last checkpoint of a journal for this job; None when no task had finished.

        Raises InputError when the journal belongs to a different job (other inputs, options,
        or a changed input file), since resuming it would mix two runs' output.
        """
        if not self.path.exists():
            return None
        lines = self.path.read_bytes().split(b"\n")
        try:
            header = orjson.loads(lines[0])
        except orjson.JSONDecodeError:
            header = {}
        if header.get("job") != self.job:
            raise InputError(
                f"{self.path}: the interrupted run had other inputs or options; "
                "run without --resume to start again"
            )
        last = None
        finishing = False
        for line in lines[1:]:
            try:
                entry = orjson.loads(line)
            except orjson.JSONDecodeError:
                break  # a marker cut short by the crash: the task before it is the last one
            if entry.get("finishing"):
                finishing = True
            else:
                last = entry
        if last is None:
            return None
        return Checkpoint(
            int(last["task"]),
            {str(k): int(v) for k, v in last["lengths"].items()},
            RunStats.from_dict(last["stats"]),
            finishing,
        )

    def mark(self, task: int, lengths: dict[str, int], stats: RunStats) -> None:
        """Record that ``task`` and every task before it are finished and durable."""
        self._append(
            {
                "task": task,
                "lengths": lengths,
                "stats": stats.as_dict(),
            }
        )

    def mark_finishing(self) -> None:
        """Record that every task is done and the outputs are about to be renamed into place:
        a run killed among the renames is finished by ``--resume`` without redoing a task."""
        self._append({"finishing": True})

    def _append(self, entry: dict[str, Any]) -> None:
        assert self._stream is not None
        self._stream.write(orjson.dumps(entry, option=orjson.OPT_APPEND_NEWLINE))
        self._stream.flush()
        os.fsync(self._stream.fileno())

    def finish(self) -> None:
        """Close and remove the journal once the outputs are in place."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None
        self.path.unlink(missing_ok=True)

    def close(self) -> None:
        """Close the journal but keep it (the run failed; it can be resumed)."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None
