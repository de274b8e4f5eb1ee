"""JSONL read as bytes, line by line, optionally just the lines starting in a byte range.

A text-mode reader loses every record after one bad byte; here one bad byte spoils at most
one line, which is decoded with a detected encoding (recorded in ``source_encoding``).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import IO

import orjson

from textfix.io.decoding import decode_bytes, wide_bom
from textfix.io.records import BadRecord, Item, ReadOptions, check_fields

# A run of 19 digits may be an integer beyond 64 bits (in a string, it costs a second parse).
_LONG_NUMBER = re.compile(r"\d{19}")


def read_jsonl(
    stream: IO[bytes], source: str, options: ReadOptions, *, first_number: int = 1
) -> Iterator[Item]:
    """Records from a JSONL byte stream, one per non-blank line, bad lines as BadRecords.

    A stream in UTF-16 or UTF-32 (with its byte-order mark, as Windows tools write JSONL) is
    read whole and split into lines as text: its line breaks are two or four bytes.

    >>> data = io.BytesIO('{"text": "café"}\\r\\n{"text": "b"}\\r\\n'.encode("utf-16"))
    >>> [(r.text, r.metadata["source_encoding"]) for r in read_jsonl(data, "s", ReadOptions())]
    [('café', 'utf-16'), ('b', 'utf-16')]
    """
    first = stream.readline()
    wide = wide_bom(first)
    if wide is not None:
        text = (first + stream.read()).decode(wide, errors="replace")
        stream = io.BytesIO(text.encode("utf-8", "surrogatepass"))
        first = stream.readline()
    for number, line in enumerate(_chain(first, stream), first_number):
        if line.strip():
            item = parse_jsonl_line(line, source, number, options)
            if wide is not None and not isinstance(item, BadRecord):
                item.metadata.update(source_encoding=wide, source_encoding_confidence=1.0)
            yield item


def _chain(first: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    if first:
        yield first
        yield from stream


def iter_jsonl_range(
    stream: IO[bytes],
    start: int,
    end: int,
    source: str,
    options: ReadOptions,
    lines: list[int],
) -> Iterator[Item]:
    """The records of the lines in ``[start, end)``, which start and end at line starts, one at
    a time; ``lines[0]`` is the number of the range's first line less one when called, and
    counts the lines read.

    >>> import io
    >>> count = [4]
    >>> data = io.BytesIO(b'{"text": "a"}\\n\\n{"text": "b"}\\n')
    >>> [item.number for item in iter_jsonl_range(data, 14, 30, "s", ReadOptions(), count)]
    [6]
    >>> count
    [6]
    """
    stream.seek(start)
    position = start
    while position < end:
        line = stream.readline()
        if not line:
            break
        position += len(line)
        lines[0] += 1
        if line.strip():
            yield parse_jsonl_line(line, source, lines[0], options)


def _has_float(value: object) -> bool:
    """Whether a parsed JSON value holds a float anywhere.

    >>> _has_float({"text": "1.5", "n": [1, {"x": 2}]}), _has_float([{"x": 1e20}])
    (False, True)
    """
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float):
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def parse_jsonl_line(line: bytes, source: str, number: int, options: ReadOptions) -> Item:
    """One JSONL line as a Record, or a BadRecord saying what is wrong with it.

    >>> parse_jsonl_line(b'{"text": "caf\\xe9"}\\n', "a", 1, ReadOptions(encoding="cp1252")).text
    'café'
    >>> parse_jsonl_line(b'{"text": \\n', "a", 2, ReadOptions()).error
    'malformed JSON: unexpected end of data: line 1 column 10 (char 9)'
    """
    if len(line) > options.max_record_bytes:
        raw = line.decode("utf-8", "replace").rstrip("\r\n")
        return BadRecord(
            source,
            number,
            f"record is {len(line)} bytes, more than max_record_bytes={options.max_record_bytes}",
            raw,
        )
    decoded = decode_bytes(line, options.encoding)
    raw = decoded.text.rstrip("\r\n")
    try:
        fields = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        return BadRecord(source, number, f"malformed JSON: {error}", raw)
    if _has_float(fields) and _LONG_NUMBER.search(raw) is not None:
        # orjson reads integers beyond 64 bits as floats; the standard library keeps them.
        # Only a record holding a float can hold such an integer: the others skip the search
        # (a scan of the whole line, a fifth of the reader's time on news).
        fields = json.loads(raw)
    item = check_fields(fields, source, number, raw, options)
    if not isinstance(item, BadRecord):
        decoded.annotate(item.metadata)
    return item
