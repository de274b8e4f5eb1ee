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


def csv_delimiter(text: str, delimiter: str) -> str:
    """The delimiter of a CSV file: ``;`` when its header line holds semicolons and no comma
    (spreadsheets in locales with a decimal comma write such "CSV"), else the one its name says.

    >>> csv_delimiter("id;text\\n1;a, b\\n", ","), csv_delimiter("id,text\\n1;2\\n", ",")
    (';', ',')
    >>> csv_delimiter("id\\ttext;x\\n", "\\t")
    '\\t'
    """
    end = text.find("\n")
    header = text if end < 0 else text[:end]
    if delimiter == "," and "," not in header and ";" in header:
        return ";"
    return delimiter


def _raw_row(row: list[str], delimiter: str) -> str:
    """A row as its file would hold it, quoted where a field needs it (its error record's raw).

    >>> _raw_row(["a", "b, c", 'say "hi" now'], ",")
    'a,"b, c","say ""hi"" now"'
    """
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="").writerow(row)
    return buffer.getvalue()


def _clash(row: list[str], header: list[str], repeated: dict[str, list[int]]) -> str | None:
    """The error of a row whose values differ under a column name the header repeats (a
    record keeps one value per name: the others would be lost), else None.

    >>> _clash(["1", "a", "b"], ["id", "text", "text"], {"text": [1, 2]})
    "the header names column 'text' 2 times and this row holds different values in them"
    >>> _clash(["1", "a", ""], ["id", "", ""], {"": [1, 2]}) is None
    False
    >>> _clash(["1", "", ""], ["id", "", ""], {"": [1, 2]}) is None
    True
    """
    for name, places in repeated.items():
        if len({row[place] for place in places}) > 1:
            return (
                f"the header names column {name!r} {len(places)} times and this row holds "
                "different values in them"
            )
    return None


def read_csv(path: Path, source: str, options: ReadOptions, *, delimiter: str) -> Iterator[Item]:
    """Records from a CSV or TSV file with a header row; numbers count data rows from 1."""
    decoded = _read_text(path, source, options)
    if isinstance(decoded, BadRecord):
        yield decoded
        return
    delimiter = csv_delimiter(decoded.text, delimiter)
    reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        yield BadRecord(source, 0, f"malformed CSV header: {error}", "")
        return
    places: dict[str, list[int]] = {}
    for place, name in enumerate(header):
        places.setdefault(name, []).append(place)
    repeated = {name: found for name, found in places.items() if len(found) > 1}
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
        if len(row) != len(header):
            yield BadRecord(
                source,
                number,
                f"row has {len(row)} fields, the header {len(header)}",
                _raw_row(row, delimiter),
            )
            continue
        clash = _clash(row, header, repeated) if repeated else None
        if clash is not None:
            yield BadRecord(source, number, clash, _raw_row(row, delimiter))
            continue
        fields: dict[str, Any] = dict(zip(header, row, strict=True))
        item = check_fields(fields, source, number, "", options)
        if isinstance(item, BadRecord):
            item.raw = _raw_row(row, delimiter)  # only an error record shows it
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
