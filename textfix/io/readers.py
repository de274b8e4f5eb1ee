"""Readers: turn inputs (files of every supported format, directories, stdin) into records.

Every input unit becomes either a :class:`Record` or a :class:`BadRecord`; nothing is skipped.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from textfix.errors import InputError
from textfix.io.compression import open_binary, strip_compression
from textfix.io.decoding import binary_reason, decode_bytes
from textfix.io.jsonl import read_jsonl
from textfix.io.records import BadRecord, Item, ReadOptions, Record
from textfix.io.tabular import read_csv, read_json_array, read_parquet

__all__ = [
    "BadRecord",
    "InputFormat",
    "Item",
    "ReadOptions",
    "Record",
    "expand_inputs",
    "format_of",
    "read_items",
]

InputFormat = Literal["txt", "jsonl", "json", "csv", "tsv", "parquet"]
_SUFFIX_FORMATS: dict[str, InputFormat] = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
}


def format_of(path: Path | str) -> InputFormat:
    """The input format, from the file name with any compression suffix removed.

    >>> format_of(Path("shard-0001.jsonl.gz")), format_of("article.txt"), format_of("a.tsv.xz")
    ('jsonl', 'txt', 'tsv')
    """
    name = strip_compression(Path(path).name).lower()
    for suffix, kind in _SUFFIX_FORMATS.items():
        if name.endswith(suffix):
            return kind
    valid = ", ".join(_SUFFIX_FORMATS)
    raise InputError(f"{path}: unknown input format; textfix reads {valid} (optionally compressed)")


def expand_inputs(
    inputs: list[str], *, glob: str | None = None
) -> Iterator[tuple[Path | None, str]]:
    """Each input file with the name its records carry; directories are walked in sorted order.

    ``None`` stands for stdin. A file is named by its path as reached from the command line
    (``bbc/tech/001.txt`` for ``001.txt`` inside the input ``bbc/tech``), so names are unique
    across inputs and lead back to the file; with ``glob`` (e.g. ``"**/*.jsonl.gz"``) only
    matching files are taken, otherwise every file of a known format. Without ``glob`` the
    tree is walked lazily, one directory listing at a time (the order is that of sorting every
    path), so a million files cost no memory.
    """
    for name in inputs:
        if name == "-":
            yield None, "-"
            continue
        path = Path(name)
        if path.is_dir():
            children = sorted(path.glob(glob)) if glob else _walk_sorted(path)
            for child in children:
                if child.is_file() and _readable_name(child):
                    yield child, child.as_posix()
        elif path.is_file():
            format_of(path)  # an unknown format is a usage error before anything runs
            yield path, name
        else:
            raise InputError(f"{name}: no such file or directory")


def _walk_sorted(folder: Path) -> Iterator[Path]:
    """Every path under ``folder`` in ``sorted(folder.rglob("*"))`` order, lazily.

    Sorting paths compares them part by part, which is a depth-first walk taking each
    directory's entries in name order. Like ``rglob``, symlinked directories are not entered.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted((entry.name, entry.is_dir(follow_symlinks=False)) for entry in listing)
    except OSError:
        return
    for name, is_dir in entries:
        child = folder / name
        yield child
        if is_dir:
            yield from _walk_sorted(child)


def _readable_name(path: Path) -> bool:
    try:
        format_of(path)
    except InputError:
        return False
    return True


def read_items(path: Path | None, name: str, options: ReadOptions | None = None) -> Iterator[Item]:
    """The records of one whole input; stdin is read as JSONL."""
    options = options or ReadOptions()
    if path is None:
        yield from read_jsonl(sys.stdin.buffer, name, options)
        return
    kind = format_of(path)
    try:
        if kind == "txt":
            yield read_txt(path, name, options)
        elif kind == "jsonl":
            with open_binary(path) as stream:
                yield from read_jsonl(stream, name, options)
        elif kind == "json":
            yield from read_json_array(path, name, options)
        elif kind in ("csv", "tsv"):
            yield from read_csv(path, name, options, delimiter="," if kind == "csv" else "\t")
        else:
            yield from read_parquet(path, name, options)
    except (OSError, EOFError, ValueError) as error:
        # A truncated gzip, a corrupt zstd frame, an unreadable Parquet footer: the records read
        # so far stand, and the failure is itself an error record, so the count shows the loss.
        yield BadRecord(name, 0, f"unreadable input: {type(error).__name__}: {error}", "")


def read_txt(path: Path, name: str, options: ReadOptions) -> Item:
    """A ``.txt`` file as one document whose id is ``name``."""
    with open_binary(path) as stream:
        data = stream.read()
    if len(data) > options.max_record_bytes:
        return BadRecord(
            name,
            1,
            f"document is {len(data)} bytes, more than max_record_bytes={options.max_record_bytes}",
            data.decode("utf-8", "replace"),
        )
    reason = binary_reason(data)
    if reason is not None:
        return BadRecord(name, 1, reason, "")
    decoded = decode_bytes(data, options.encoding)
    record = Record({"id": name, "text": decoded.text}, name, 1, id_field="id")
    decoded.annotate(record.metadata)
    return record
