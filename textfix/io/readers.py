"""Readers: turn inputs (``.txt`` files, JSONL files, directories, stdin) into records.

Every input unit becomes either a :class:`Record` or a :class:`BadRecord`; nothing is skipped.
JSONL is read as bytes, line by line, so one bad byte spoils one record, not the rest of a file.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson

from textfix.errors import InputError
from textfix.io.decoding import decode_bytes

JSONL_SUFFIXES = (".jsonl", ".ndjson")
TEXT_SUFFIXES = (".txt",)
COMPRESSION_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")


@dataclass
class Record:
    """One input document: its fields (text included), where it came from, and its number."""

    fields: dict[str, Any]
    source: str
    number: int
    text_field: str = "text"
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The document's text."""
        value = self.fields[self.text_field]
        assert isinstance(value, str)
        return value


@dataclass
class BadRecord:
    """An input unit that could not be made a document, with the reason and the raw input."""

    source: str
    number: int
    error: str
    raw: str


Item = Record | BadRecord


def open_binary(path: Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, decompressing by its suffix."""
    suffix = path.suffix.lower()
    if suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if suffix == ".bz2":
        return bz2.open(path, "rb")
    if suffix == ".xz":
        return lzma.open(path, "rb")
    if suffix == ".zst":
        import zstandard

        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(path.open("rb")))
    return path.open("rb")


def format_of(path: Path) -> str:
    """``"jsonl"`` or ``"txt"``, from the file name with any compression suffix removed.

    >>> format_of(Path("shard-0001.jsonl.gz")), format_of(Path("article.txt"))
    ('jsonl', 'txt')
    """
    name = path.name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        name = name.removesuffix(suffix)
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(TEXT_SUFFIXES):
        return "txt"
    raise InputError(f"{path}: unknown input format; textfix reads .txt and .jsonl files")


def expand_inputs(inputs: list[str]) -> Iterator[tuple[Path | None, str]]:
    """Each input file with the id prefix its documents get; directories are walked in order.

    ``None`` stands for stdin. A file inside a directory is named relative to that directory.
    """
    for name in inputs:
        if name == "-":
            yield None, "-"
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and _readable_name(child):
                    yield child, child.relative_to(path).as_posix()
        elif path.is_file():
            yield path, name
        else:
            raise InputError(f"{name}: no such file or directory")


def _readable_name(path: Path) -> bool:
    try:
        format_of(path)
    except InputError:
        return False
    return True


def read_items(
    path: Path | None, name: str, *, text_field: str = "text", encoding: str | None = None
) -> Iterator[Item]:
    """The records of one input; stdin is read as JSONL."""
    if path is None:
        yield from read_jsonl(sys.stdin.buffer, name, text_field=text_field, encoding=encoding)
        return
    if format_of(path) == "txt":
        with open_binary(path) as stream:
            data = stream.read()
        decoded = decode_bytes(data, encoding)
        record = Record({"id": name, "text": decoded.text}, name, 1)
        if decoded.encoding is not None:
            record.metadata["source_encoding"] = decoded.encoding
        yield record
        return
    with open_binary(path) as stream:
        yield from read_jsonl(stream, name, text_field=text_field, encoding=encoding)


def read_jsonl(
    stream: IO[bytes], source: str, *, text_field: str = "text", encoding: str | None = None
) -> Iterator[Item]:
    """Records from a JSONL byte stream, one per non-blank line, bad lines as BadRecords."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        yield parse_jsonl_line(line, source, number, text_field=text_field, encoding=encoding)


def parse_jsonl_line(
    line: bytes, source: str, number: int, *, text_field: str = "text", encoding: str | None = None
) -> Item:
    """One JSONL line as a Record, or a BadRecord saying what is wrong with it."""
    decoded = decode_bytes(line, encoding)
    raw = decoded.text.rstrip("\r\n")
    try:
        fields = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        return BadRecord(source, number, f"malformed JSON: {error}", raw)
    if not isinstance(fields, dict):
        return BadRecord(source, number, "a JSONL record must be a JSON object", raw)
    if text_field not in fields:
        return BadRecord(source, number, f"missing text field {text_field!r}", raw)
    if not isinstance(fields[text_field], str):
        kind = type(fields[text_field]).__name__
        return BadRecord(source, number, f"text field {text_field!r} is {kind}, not a string", raw)
    record = Record(fields, source, number, text_field)
    if decoded.encoding is not None:
        record.metadata["source_encoding"] = decoded.encoding
    return record
