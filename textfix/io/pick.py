"""One record out of the inputs ``clean`` reads, by id or line: what ``textfix explain`` shows.

``explain`` reads its inputs exactly as ``clean`` does (every format, compression, decoding), so
what it shows for a record is what ``clean`` does to it, not to the JSON source around it.
"""

from __future__ import annotations

from textfix.errors import InputError
from textfix.io.readers import expand_inputs, read_items
from textfix.io.records import Item, ReadOptions, Record


def pick_record(
    inputs: list[str],
    read: ReadOptions,
    *,
    ident: str | None = None,
    line: int | None = None,
    glob: str | None = None,
) -> Item:
    """The first record of ``inputs`` whose id is ``ident`` and whose number (line, row or
    element) is ``line``; with neither, the first record. An error record is returned as it is,
    so the caller can say why that input could not be read.

    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "a.jsonl"
    >>> _ = path.write_text('{"id": "x", "text": "one"}\\n{"text": "two"}\\n')
    >>> pick_record([str(path)], ReadOptions(), line=2).text
    'two'
    >>> pick_record([str(path)], ReadOptions(), ident="x").text
    'one'
    >>> pick_record([str(path)], ReadOptions(), ident=f"{path.as_posix()}:2").text
    'two'
    """
    for path, name in expand_inputs(inputs, glob=glob, input_format=read.input_format):
        for item in read_items(path, name, read):
            if line is not None and item.number != line:
                continue
            if ident is not None:
                own = item.id if isinstance(item, Record) else None
                default = f"{item.source}:{item.number}"
                if ident not in (own, default, item.source if own == item.source else None):
                    continue
            return item
    wanted = " and ".join(
        part
        for part in (
            f"id {ident!r}" if ident is not None else "",
            f"line {line}" if line is not None else "",
        )
        if part
    )
    raise InputError(f"no record{' with ' + wanted if wanted else ''} in {' '.join(inputs)}")
