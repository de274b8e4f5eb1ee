"""Readers: turn inputs (files of every supported format, directories, stdin) into records.

Every input unit becomes either a :class:`Record` or a :class:`BadRecord`; nothing is skipped.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Literal

from textfix.errors import InputError
from textfix.io.compression import open_binary, open_stream, strip_compression
from textfix.io.decoding import binary_reason, decode_bytes, wide_bom
from textfix.io.jsonl import read_jsonl
from textfix.io.records import BadRecord, Item, ReadOptions, Record
from textfix.io.tabular import read_csv, read_json_array, read_parquet
from textfix.io.walk import Skipped, Walk, glob_parts, identity_of, matches, max_depth

__all__ = [
    "BadRecord",
    "InputFormat",
    "Item",
    "ReadOptions",
    "Record",
    "Skipped",
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


def format_of(path: Path | str, given: str | None = None) -> InputFormat:
    """The input format: ``given`` (``--input-format``), else from the file name with any
    compression suffix removed.

    >>> format_of(Path("shard-0001.jsonl.gz")), format_of("article.txt"), format_of("a.tsv.xz")
    ('jsonl', 'txt', 'tsv')
    >>> format_of("reut2-000.sgm", "txt")
    'txt'
    """
    if given is not None:
        if given not in INPUT_FORMATS:
            raise InputError(f"unknown input format {given!r}; one of {', '.join(INPUT_FORMATS)}")
        return given  # type: ignore[return-value]
    name = strip_compression(Path(path).name).lower()
    for suffix, kind in _SUFFIX_FORMATS.items():
        if name.endswith(suffix):
            return kind
    valid = ", ".join(_SUFFIX_FORMATS)
    raise InputError(
        f"{display_name(path)}: unknown input format; textfix reads {valid} (optionally "
        "compressed), or give --input-format"
    )


INPUT_FORMATS: tuple[str, ...] = ("txt", "jsonl", "json", "csv", "tsv", "parquet")


def display_name(path: Path | str) -> str:
    """A path as text: bytes that are not UTF-8 (kept by Python as lone surrogates, which no
    JSON writer accepts) are shown as ``\\xNN``.

    >>> display_name(os.fsdecode(b"news/b\\xff.txt"))
    'news/b\\\\xff.txt'
    """
    return os.fsencode(Path(path).as_posix()).decode("utf-8", "backslashreplace")


def expand_inputs(
    inputs: list[str],
    *,
    glob: str | None = None,
    input_format: str | None = None,
    skipped: Skipped | None = None,
) -> Iterator[tuple[Path | None, str]]:
    """Each input file with the name its records carry; directories are walked in sorted order.

    ``None`` stands for stdin. A file is named by its path as reached from the command line
    (``bbc/tech/001.txt`` for ``001.txt`` inside the input ``bbc/tech``), so names are unique
    across inputs and lead back to the file; with ``glob`` (e.g. ``"**/*.jsonl.gz"``) only
    matching files are taken, otherwise every file of a known format (every file, with
    ``input_format``). Without ``glob`` the tree is walked lazily, one directory listing
    at a time (the order is that of sorting every path), so a million files cost no memory.

    Nothing that looks like an input is passed over in silence: a folder that cannot be
    listed, a dangling symlink, a symlink loop or a FIFO is yielded too, and reading it gives
    an error record saying why (:func:`input_problem`). Files of an unknown format found in a
    folder without ``glob`` are counted in ``skipped``, for the run to say so.
    """
    skipped = skipped if skipped is not None else Skipped()
    walked: set[tuple[int, int]] = set()  # folders, so that none is read twice
    files: set[tuple[int, int]] = set()  # files named on the command line
    roots: list[Path] = []  # input folders walked, resolved
    pattern = glob_parts(glob) if glob else None

    def taken(path: Path, relative: tuple[str, ...]) -> bool:
        """Whether a file found in a folder is an input (by --glob, else by format)."""
        if pattern is not None:
            return matches(relative, pattern)
        return _known(path, input_format)

    for name in inputs:
        if name == "-":
            yield None, "-"
            continue
        path = Path(name)
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                yield path, display_name(path)
                continue
            if identity_of(path) in walked:
                skipped.add(display_name(path), repeat=True)
                continue
            roots.append(path.resolve())
            walk = Walk(roots[-1], walked)
            for child, kind in walk.files(path, max_depth(pattern)):
                if (
                    kind == "repeat"
                    or (kind == "file" and files and _same(child, files))
                    or (kind == "file" and _links_to_input(child, roots[-1], taken))
                ):
                    skipped.add(display_name(child), repeat=True)
                elif kind != "file" or taken(child, child.relative_to(path).parts):
                    yield child, display_name(child)
                elif pattern is None:
                    skipped.add(display_name(child))
        elif path.exists():
            format_of(path, input_format)  # an unknown format is a usage error before anything runs
            identity, real = identity_of(path), path.resolve()
            if identity in files or any(
                root in real.parents and taken(real, real.relative_to(root).parts) for root in roots
            ):
                skipped.add(display_name(path), repeat=True)  # read already, in a folder
                continue
            files.add(identity)
            yield path, display_name(path)
        else:
            raise InputError(f"{display_name(name)}: no such file or directory")


def _links_to_input(path: Path, root: Path, taken: Callable[[Path, tuple[str, ...]], bool]) -> bool:
    """Whether a file found in the walk of ``root`` is a symlink to another file of that walk,
    which is read under its own name (as a symlinked folder leading back inside is).

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp()).resolve()
    >>> _ = (root / "a.txt").write_text("a"); _ = (root / "notes.md").write_text("n")
    >>> (root / "b.txt").symlink_to(root / "a.txt"); (root / "c.txt").symlink_to(root / "notes.md")
    >>> (root / "d.txt").symlink_to(root / "gone.txt"); (root / "e.txt").symlink_to(root / "e.txt")
    >>> known = lambda path, parts: path.suffix == ".txt"
    >>> [_links_to_input(root / n, root, known) for n in ("a.txt", "b.txt", "c.txt", "d.txt")]
    [False, True, False, False]
    >>> _links_to_input(root / "e.txt", root, known)
    False
    """
    if not path.is_symlink():
        return False
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a loop of links (RuntimeError before Python 3.13)
        return False  # reading it reports why
    if not real.is_file() or root not in real.parents:
        return False  # a dangling link is an error record; a file outside is read here
    return taken(real, real.relative_to(root).parts)


def _same(path: Path, files: set[tuple[int, int]]) -> bool:
    """Whether a file found in a folder was named on the command line (and read) already."""
    try:
        return identity_of(path) in files
    except OSError:
        return False  # a dangling symlink, say: reading it reports why


def _known(path: Path, input_format: str | None) -> bool:
    """Whether a file found in a walk has a format textfix reads (any, with ``input_format``)."""
    try:
        format_of(path, input_format)
    except InputError:
        return False
    return True


def input_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as an input file, or None when it can be opened.

    >>> input_problem(Path("/no/such/file.txt"))
    'unreadable input: [Errno 2] No such file or directory'
    """
    try:
        info = path.stat()
    except OSError as error:
        return f"unreadable input: [Errno {error.errno}] {error.strerror}"
    if stat.S_ISDIR(info.st_mode):
        try:
            os.scandir(path).close()
        except OSError as error:
            return f"unreadable folder: [Errno {error.errno}] {error.strerror}"
        if path.is_symlink():
            return (
                f"symlink loop: leads back to {display_name(path.resolve())}, a folder it is "
                "inside; not followed"
            )
        return "a folder, not a file"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a FIFO, socket or device); pipe it to standard input"
    return None


def read_items(path: Path | None, name: str, options: ReadOptions | None = None) -> Iterator[Item]:
    """The records of one whole input (stdin: see :func:`read_stdin`).

    Whatever goes wrong reading an input (a truncated gzip, junk after a zstd frame, zeroed
    xz bytes, an unreadable Parquet footer, a permission denied) ends that input with an error
    record, numbered 0, after the records read before it: the run goes on, and the count of
    documents in still equals records out plus error records.
    """
    options = options or ReadOptions()
    count = 0
    try:
        if path is None:
            for item in read_stdin(sys.stdin.buffer, options):
                count += 1
                yield item
            return
        problem = input_problem(path)
        if problem is not None:
            yield BadRecord(name, 0, problem, "")
            return
        for item in _read_file(path, name, format_of(path, options.input_format), options):
            count += 1
            yield item
    except Exception as error:  # any decoder's error ends only this input
        after = f" after {count} records" if count else ""
        yield BadRecord(name, 0, f"unreadable input{after}: {type(error).__name__}: {error}", "")


def _read_file(path: Path, name: str, kind: InputFormat, options: ReadOptions) -> Iterator[Item]:
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


def read_stdin(stream: IO[bytes], options: ReadOptions) -> Iterator[Item]:
    """Standard input's records: decompressed when it starts with a gzip, bzip2, xz or zstd
    signature, read as ``options.input_format``, else as JSONL when its first character is
    ``{`` and as one text document otherwise.

    >>> import gzip, io
    >>> data = io.BufferedReader(io.BytesIO(gzip.compress(b'{"text": "a"}\\n')))
    >>> [item.text for item in read_stdin(data, ReadOptions())]
    ['a']
    >>> [item.text for item in read_stdin(io.BufferedReader(io.BytesIO(b"plain")), ReadOptions())]
    ['plain']
    """
    with open_stream(stream) as source:
        kind = options.input_format
        if kind is None:
            head = source.peek(4096) if hasattr(source, "peek") else b""
            kind = "jsonl" if _starts_json(head) else "txt"
        if kind == "jsonl":
            yield from read_jsonl(source, "-", options)
        elif kind == "txt":
            yield text_record(source.read(), "-", options)
        else:
            raise InputError(f"standard input is read as jsonl or txt, not {kind}")


def _starts_json(head: bytes) -> bool:
    """Whether the first bytes of standard input open a JSON object, after any byte-order
    mark (UTF-8, UTF-16 or UTF-32) and whitespace.

    >>> _starts_json(b'\\xef\\xbb\\xbf {"text"'), _starts_json('{"a"'.encode("utf-16"))
    (True, True)
    >>> _starts_json(b"plain {text}")
    False
    """
    wide = wide_bom(head)
    text = head.decode(wide or "utf-8", errors="ignore")
    return text.lstrip("\ufeff").lstrip().startswith("{")


def read_txt(path: Path, name: str, options: ReadOptions) -> Item:
    """A ``.txt`` file as one document whose id is ``name``."""
    with open_binary(path) as stream:
        return text_record(stream.read(), name, options)


def text_record(data: bytes, name: str, options: ReadOptions) -> Item:
    """Bytes as one document whose id is ``name``, or an error record when they are too
    large or not text."""
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
