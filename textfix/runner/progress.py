"""The progress bar (rich, on stderr) and the final summary table.

The bar shows documents, MB, docs/s, MB/s and, when the input size is known, an ETA. It is
off with ``--quiet`` and whenever stderr is not a terminal (logs and CI stay clean). rich is
imported only when a bar or a summary is shown: quiet runs and worker processes never load it.
The bar is redrawn as each task finishes, not by a thread of its own: with no other thread
running, worker processes can be forked (see :mod:`textfix.runner.parallel`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from textfix.runner.stats import RunStats, summary_rows

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


class RunProgress:
    """A context manager that shows progress when enabled and does nothing otherwise."""

    def __init__(self, total_bytes: int | None, *, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.perf_counter()
        self._documents = 0
        self._bytes = 0
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._total = total_bytes or None

    def __enter__(self) -> RunProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("[bold]textfix[/bold]"),
                BarColumn(),
                TextColumn("{task.fields[docs]} docs"),
                TextColumn("{task.fields[mb]} MB"),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
                auto_refresh=False,  # no refresh thread (see above)
            )
            self._progress.__enter__()
            self._task = self._progress.add_task(
                "clean", total=self._total, docs=0, mb="0.0", rate=""
            )
        return self

    def advance(self, documents: int, input_bytes: int) -> None:
        """Count a finished task's documents and input bytes."""
        self._documents += documents
        self._bytes += input_bytes
        if self._progress is None or self._task is None:
            return
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        self._progress.update(
            self._task,
            advance=input_bytes,
            docs=self._documents,
            mb=f"{self._bytes / 1e6:.1f}",
            rate=f"{self._documents / elapsed:.0f} docs/s {self._bytes / 1e6 / elapsed:.1f} MB/s",
            refresh=True,
        )

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.__exit__(kind, value, traceback)


def print_summary(stats: RunStats, errors: Path | None = None) -> None:
    """The final summary table, on stderr, and where the error records are."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="textfix clean", show_header=False)
    table.add_column("figure")
    table.add_column("value", justify="right")
    for name, value in summary_rows(stats):
        table.add_row(name, value)
    console = Console(stderr=True)
    console.print(table)
    if errors is not None:
        console.print(f"error records: {errors}", markup=False, highlight=False, soft_wrap=True)
