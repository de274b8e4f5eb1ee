"""Writers: cleaned records as JSONL, written atomically (a temporary name, then a rename)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import orjson


def dumps_line(record: dict[str, Any]) -> bytes:
    """One JSONL line (UTF-8, no escaping of non-ASCII, newline-terminated).

    >>> dumps_line({"text": "café"})
    b'{"text":"caf\\xc3\\xa9"}\\n'
    """
    return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)


@contextmanager
def atomic_output(path: Path | None) -> Iterator[IO[bytes]]:
    """A binary stream that becomes ``path`` only when the block ends without error.

    The data goes to ``path.tmp`` first, is flushed to disk, then renamed over ``path``: a
    reader never sees a half-written file. ``None`` writes to stdout.
    """
    if path is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("wb") as stream:
        yield stream
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)
