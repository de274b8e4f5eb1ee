"""Planning: the inputs cut into tasks that worker processes read, clean and serialise.

A task is either one byte range of a large uncompressed JSONL file, or a batch of whole files.
Never a mix: the end of a task is then always a clean point to mark progress at, and the plan
depends only on the inputs and the chunk size, so ``--resume`` replans exactly the same tasks.

Tasks shrink towards the end of the input (each covers about ``1/TAPER`` of the bytes still to
plan, between ``chunk_bytes // MIN_SHARE`` and ``chunk_bytes``): the workers then finish at
about the same time, where equal tasks left one worker running the last alone (five tasks on
two workers take as long as three). The plan does not depend on the number of workers, so a
run can be resumed with another.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from textfix.errors import InputError
from textfix.io.compression import compression_of
from textfix.io.decoding import wide_bom
from textfix.io.readers import format_of

#: Target bytes of input per task: large enough that process overhead is noise, small enough
#: that memory per worker stays a few times this.
DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024
#: The most whole files one task takes (many tiny ``.txt`` files become one task).
MAX_FILES_PER_TASK = 256
#: Near the end of the input a task covers about this fraction of the bytes still to plan...
TAPER = 8
#: ...and never less than this fraction of the chunk size (every task costs a checkpoint).
MIN_SHARE = 16
#: Bumped whenever the same inputs and chunk size would be planned differently: a journal
#: written under another plan must not be resumed.
PLAN_VERSION = 2


def task_bytes(left: int | None, chunk_bytes: int) -> int:
    """The input bytes a task takes when ``left`` bytes of the input are still to plan
    (``None``: unknown, and the task takes ``chunk_bytes``).

    >>> [task_bytes(left, 1000) for left in (None, 100_000, 4000, 10)]
    [1000, 1000, 500, 62]
    """
    if left is None:
        return chunk_bytes
    return max(1, chunk_bytes // MIN_SHARE, min(chunk_bytes, left // TAPER))


@dataclass(frozen=True)
class Unit:
    """One input file, or the part of it in ``[start, end)`` (``end`` None: the whole file)."""

    index: int
    path: str | None
    name: str
    size: int
    start: int = 0
    end: int | None = None
    last: bool = True  # the unit that finishes its input
    first_line: int = 1  # the line number of the range's first line


@dataclass(frozen=True)
class Task:
    """Work for one worker call: units from one file range or a batch of whole files."""

    number: int
    units: tuple[Unit, ...]

    @property
    def size(self) -> int:
        """Input bytes this task covers (for progress)."""
        return sum((u.end if u.end is not None else u.size) - u.start for u in self.units)

    @property
    def finished_inputs(self) -> list[str]:
        """The names of the inputs this task completes."""
        return [unit.name for unit in self.units if unit.last]


def splittable(path: Path, input_format: str | None = None) -> bool:
    """Whether a file can be cut into byte ranges: uncompressed JSONL that can be read.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text("{}")
    >>> splittable(folder / "a.jsonl"), splittable(folder / "a.jsonl.gz")
    (True, False)
    >>> splittable(Path("a.txt")), splittable(folder / "a.txt", "jsonl"), splittable(folder)
    (False, False, False)
    """
    try:
        jsonl = format_of(path, input_format) == "jsonl"
    except InputError:  # a folder that cannot be listed, say: its one task reports it
        return False
    return (
        jsonl
        and compression_of(path) is None
        and os.access(path, os.R_OK)  # else its one task reports why it cannot be read
        and not _wide(path)  # UTF-16 or UTF-32: its line breaks are not single bytes
    )


def _wide(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return wide_bom(stream.read(4)) is not None
    except OSError:
        return False


def _size(path: Path | None) -> int:
    try:
        return 0 if path is None else path.stat().st_size
    except OSError:
        return 0  # a dangling symlink, say: its task reports it


def plan_tasks(
    inputs: Iterable[tuple[Path | None, str]],
    *,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    split: bool = True,
    input_format: str | None = None,
    ranges: dict[tuple[str, int], list[tuple[int, int, int]]] | None = None,
    total_bytes: int | None = None,
) -> Iterator[Task]:
    """The tasks for ``inputs`` (files with their names), in order; with ``total_bytes`` (the
    inputs' size) the last tasks are smaller (see :func:`task_bytes`).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("x"), (folder / "b.jsonl").write_text("{}\\n" * 8)
    >>> files = [(folder / "a.txt", "a.txt"), (folder / "b.jsonl", "b.jsonl")]
    >>> tasks = plan_tasks(files, chunk_bytes=10)
    >>> [[(u.name, u.start, u.end, u.first_line) for u in t.units] for t in tasks]
    [[('a.txt', 0, None, 1)], [('b.jsonl', 0, 12, 1)], [('b.jsonl', 12, 24, 5)]]
    >>> _ = (folder / "c.jsonl").write_text("{}\\n" * 400)
    >>> tasks = plan_tasks([(folder / "c.jsonl", "c")], chunk_bytes=400, total_bytes=1200)
    >>> [t.size for t in tasks]  # 1200 / 8 = 150 bytes, ..., at least 400 / 16 = 25 (27: lines)
    [150, 132, 114, 102, 87, 78, 69, 60, 51, 45, 39, 36, 30, 27, 27, 27, 27, 27, 27, 27, 18]
    """
    number = 0
    planned = 0  # bytes of the input in the tasks planned so far

    def target(offset: int = 0) -> int:
        left = None if total_bytes is None else total_bytes - planned - offset
        return task_bytes(left, chunk_bytes)

    batch: list[Unit] = []
    batch_bytes = 0
    for index, (path, name) in enumerate(inputs):
        size = _size(path)
        if path is not None and split and size > target() and splittable(path, input_format):
            if batch:
                yield Task(number, tuple(batch))
                number, batch, planned = number + 1, [], planned + batch_bytes
                batch_bytes = 0
            # ``ranges`` keeps each file's cut from the first walk of a plan for the second.
            key = (str(path), size)
            cut = ranges.get(key) if ranges is not None else None
            if cut is None:
                cut = list(line_ranges(path, target))
                if ranges is not None:
                    ranges[key] = cut
            for start, end, first_line in cut:
                unit = Unit(index, str(path), name, size, start, end, end == size, first_line)
                yield Task(number, (unit,))
                number += 1
            planned += size
            continue
        batch.append(Unit(index, None if path is None else str(path), name, size))
        batch_bytes += size
        if batch_bytes >= target() or len(batch) >= MAX_FILES_PER_TASK or path is None:
            yield Task(number, tuple(batch))
            number, batch, planned = number + 1, [], planned + batch_bytes
            batch_bytes = 0
    if batch:
        yield Task(number, tuple(batch))


def line_ranges(
    path: Path, chunk_bytes: int | Callable[[int], int]
) -> Iterator[tuple[int, int, int]]:
    """``path`` cut into ranges of about ``chunk_bytes`` that start and end at line starts,
    each with the number of its first line. ``chunk_bytes`` may be a function of the byte a
    range starts at (its size then).

    A range never starts inside a line, so a worker never reads past its range to find the
    next line, and a line longer than ``chunk_bytes`` is one range however long it is.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = path.write_bytes(b"ab\\n" + b"x" * 30 + b"\\ncd\\nef\\n")
    >>> list(line_ranges(path, 4))
    [(0, 34, 1), (34, 40, 3)]
    """
    size_at = chunk_bytes if callable(chunk_bytes) else (lambda _start: chunk_bytes)
    start, first_line, newlines = 0, 1, 0  # newlines: counted in [start, block_start + offset)
    target = size_at(0)  # the range ends after the first newline at or past byte target - 1
    block_start = 0
    with path.open("rb") as stream:
        while block := stream.read(BLOCK_BYTES):
            offset = 0
            while (found := block.find(b"\n", max(offset, target - 1 - block_start))) >= 0:
                newlines += block.count(b"\n", offset, found + 1)
                end = block_start + found + 1
                yield start, end, first_line
                first_line += newlines
                start, newlines, target, offset = end, 0, end + size_at(end), found + 1
            newlines += block.count(b"\n", offset)
            block_start += len(block)
    if block_start > start:
        yield start, block_start, first_line


#: How much of a file :func:`line_ranges` reads at a time.
BLOCK_BYTES = 1 << 20
