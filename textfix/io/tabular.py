"""Readers for whole-document containers: ``.json`` arrays, ``.csv``/``.tsv``, ``.parquet``.

CSV and JSON arrays are decoded whole (a JSON array has no line structure to stream, and CSV
quoting can span lines); their memory is the size of one file. Parquet is read in row-group
batches, so a large Parquet file streams.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from textfix.errors import InputError
from textfix.io.compression import open_binary
from textfix.io.decoding import Decoded, binary_reason, decode_bytes
from textfix.io.records import BadRecord, Item, ReadOptions, Record, check_fields

# A CSV field holding a whole article is far above csv's 128 KiB default limit.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _with_encoding(item: Item, decoded: Decoded) -> Item:
    if isinstance(item, Record):
        decoded.annotate(item.metadata)
    return item


def _read_text(path: Path, source: str, options: ReadOptions) -> Decoded | BadRecord:
    """A whole file's text, or the error record of a file that holds no text."""
    with open_binary(path) as stream:
        data = stream.read()
    reason = binary_reason(data)
    if reason is not None:
        return BadRecord(source, 0, reason, "")
    return decode_bytes(data, options.encoding)


def read_json_array(path: Path, source: str, options: ReadOptions) -> Iterator[Item]:
    """Records from a file holding one JSON array of objects (or one object)."""
    decoded = _read_text(path, source, options)
    if isinstance(decoded, BadRecord):
        yield decoded
        return
    try:
        value = orjson.loads(decoded.text)
    except orjson.JSONDecodeError as error:
        yield BadRecord(source, 1, f"malformed JSON: {error}", decoded.text)
        return
    elements = value if isinstance(value, list) else [value]
    for number, element in enumerate(elements, start=1):
        raw = orjson.dumps(element).decode("utf-8")
        yield _with_encoding(check_fields(element, source, number, raw, options), decoded)


def read_csv(path: Path, source: str, options: ReadOptions, *, delimiter: str) -> Iterator[Item]:
    """Records from a CSV or TSV file with a header row; numbers count data rows from 1."""
    decoded = _read_text(path, source, options)
    if isinstance(decoded, BadRecord):
        yield decoded
        return
    reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        yield BadRecord(source, 0, f"malformed CSV header: {error}", "")
        return
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield BadRecord(source, number, f"malformed CSV: {error}", "")
            continue
        raw = delimiter.join(row)
        if len(row) != len(header):
            yield BadRecord(
                source, number, f"row has {len(row)} fields, the header {len(header)}", raw
            )
            continue
        fields: dict[str, Any] = dict(zip(header, row, strict=True))
        item = check_fields(fields, source, number, raw, options)
        yield _with_encoding(item, decoded)


def read_parquet(path: Path, source: str, options: ReadOptions) -> Iterator[Item]:
    """Records from a Parquet file, read a batch of rows at a time (extra ``textfix[parquet]``)."""
    parquet = require_pyarrow_parquet()
    number = 0
    for batch in parquet.ParquetFile(path).iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            number += 1
            if isinstance(row.get("metadata"), dict):
                # A struct column gives every row every key; a key a record lacked is null.
                row["metadata"] = {k: v for k, v in row["metadata"].items() if v is not None}
            raw = orjson.dumps(row, default=str).decode("utf-8")
            yield check_fields(row, source, number, raw, options)


def require_pyarrow_parquet() -> Any:
    """``pyarrow.parquet``, or an error saying which extra to install."""
    try:
        import pyarrow.parquet
    except ImportError:  # pragma: no cover - the dev extra installs pyarrow
        raise InputError(
            "reading or writing Parquet needs pyarrow: pip install 'textfix[parquet]'"
        ) from None
    return pyarrow.parquet
