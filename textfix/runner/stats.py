"""Run statistics: documents in, out, errored and changed, per-step change counts, time."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RunStats:
    """What a run did: documents read, written, errored and changed, and how long it took.

    >>> a = RunStats(documents_in=2, documents_out=2, step_changes={"fix_mojibake": 1})
    >>> a.add(RunStats(documents_in=1, errored=1, step_changes={"fix_mojibake": 2}))
    >>> a.documents_in, a.errored, a.step_changes
    (3, 1, {'fix_mojibake': 3})
    """

    documents_in: int = 0
    documents_out: int = 0
    errored: int = 0
    changed: int = 0
    bytes_in: int = 0
    removed_lines: int = 0
    seconds: float = 0.0
    step_changes: dict[str, int] = field(default_factory=dict)

    def add(self, other: RunStats) -> None:
        """Add ``other``'s counts to these (``seconds`` is left alone)."""
        self.documents_in += other.documents_in
        self.documents_out += other.documents_out
        self.errored += other.errored
        self.changed += other.changed
        self.bytes_in += other.bytes_in
        self.removed_lines += other.removed_lines
        for name, count in other.step_changes.items():
            self.step_changes[name] = self.step_changes.get(name, 0) + count

    def as_dict(self) -> dict[str, Any]:
        """The figures as a plain dict (for ``--report`` and the resume journal)."""
        return {
            "documents_in": self.documents_in,
            "documents_out": self.documents_out,
            "errored": self.errored,
            "changed": self.changed,
            "bytes_in": self.bytes_in,
            "removed_lines": self.removed_lines,
            "seconds": round(self.seconds, 3),
            "step_changes": dict(self.step_changes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunStats:
        """The inverse of :meth:`as_dict`.

        >>> RunStats.from_dict(RunStats(documents_in=4).as_dict()).documents_in
        4
        """
        return cls(
            documents_in=int(data.get("documents_in", 0)),
            documents_out=int(data.get("documents_out", 0)),
            errored=int(data.get("errored", 0)),
            changed=int(data.get("changed", 0)),
            bytes_in=int(data.get("bytes_in", 0)),
            removed_lines=int(data.get("removed_lines", 0)),
            seconds=float(data.get("seconds", 0.0)),
            step_changes={str(k): int(v) for k, v in data.get("step_changes", {}).items()},
        )


def summary_rows(stats: RunStats) -> list[tuple[str, str]]:
    """The summary table's rows: figure name and value.

    >>> summary_rows(RunStats(documents_in=3, documents_out=3, changed=1, seconds=2.0))[:2]
    [('documents in', '3'), ('documents out', '3')]
    """
    rate = stats.documents_in / stats.seconds if stats.seconds > 0 else 0.0
    megabytes = stats.bytes_in / 1e6
    rows = [
        ("documents in", str(stats.documents_in)),
        ("documents out", str(stats.documents_out)),
        ("errored", str(stats.errored)),
        ("changed", str(stats.changed)),
        ("MB in", f"{megabytes:.1f}"),
        ("time", f"{stats.seconds:.2f}s ({rate:.0f} docs/s)"),
    ]
    if stats.removed_lines:
        rows.append(("boilerplate lines removed", str(stats.removed_lines)))
    rows.extend((f"  changed by {name}", str(n)) for name, n in stats.step_changes.items())
    return rows
