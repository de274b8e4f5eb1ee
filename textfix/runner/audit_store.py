"""The merged audit of a run beside its resume journal, so that ``--resume`` reports the whole run.

The journal itself stays small (a line per task): the audit, a few hundred kilobytes, is not
appended to it but written whole, atomically, after each task and before the task's journal
line, into one of two files taken in turn (``.audit-0.json`` for even tasks, ``.audit-1.json``
for odd ones). A crash after writing task N's file but before its journal line leaves task
N - 1's file untouched, so the file of the last task the journal records is always there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from textfix.errors import InputError
from textfix.io.writers import write_file_atomically


class AuditStore:
    """The two audit files of the run whose journal is ``journal``.

    >>> import tempfile
    >>> store = AuditStore(Path(tempfile.mkdtemp()) / "out.jsonl.progress.jsonl")
    >>> store.save(4, {"documents": 10}); store.save(5, {"documents": 12})
    >>> store.load(4), store.load(5), store.load(6)
    ({'documents': 10}, {'documents': 12}, None)
    >>> store.remove(); store.load(5) is None
    True
    """

    def __init__(self, journal: Path) -> None:
        self.paths = tuple(journal.with_name(f"{journal.name}.audit-{n}.json") for n in (0, 1))

    def save(self, task: int, audit: dict[str, Any]) -> None:
        """Make the audit after ``task`` durable (before the journal records the task)."""
        write_file_atomically(self.paths[task % 2], orjson.dumps({"task": task, "audit": audit}))

    def load(self, task: int) -> dict[str, Any] | None:
        """The audit saved after ``task``; None when there is none."""
        try:
            saved = orjson.loads(self.paths[task % 2].read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return None
        if not isinstance(saved, dict) or saved.get("task") != task:
            return None
        audit = saved.get("audit")
        return audit if isinstance(audit, dict) else None

    def require(self, task: int) -> dict[str, Any]:
        """Like :meth:`load`, but a missing audit is an error: a report of part of a run
        would pass for the whole of it."""
        audit = self.load(task)
        if audit is None:
            raise InputError(
                f"{self.paths[task % 2]}: the report's figures of the interrupted run are "
                "missing; run again without --resume (or without --report)"
            )
        return audit

    def remove(self) -> None:
        """Delete both files (a fresh run, or a finished one)."""
        for path in self.paths:
            path.unlink(missing_ok=True)
