"""Writers: cleaned records as JSONL (compressed by name), Parquet, or a mirrored ``.txt`` tree.

Every file appears atomically: it is written under a temporary name, fsynced, then renamed.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any, Literal

import orjson

from textfix.errors import InputError
from textfix.io.compression import Compression, compression_of, strip_compression

OutputKind = Literal["jsonl", "parquet", "txt"]


def dumps_line(record: dict[str, Any]) -> bytes:
    """One JSONL line (UTF-8, no escaping of non-ASCII, newline-terminated).

    >>> dumps_line({"text": "café"})
    b'{"text":"caf\\xc3\\xa9"}\\n'
    """
    try:
        return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE, default=str)
    except TypeError:
        # An integer beyond 64 bits (orjson refuses it): the standard library writes it exactly.
        text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str)
        return text.encode("utf-8", "surrogatepass") + b"\n"


@dataclass(frozen=True)
class OutputSpec:
    """Where and how cleaned records go: ``path`` None is stdout (JSONL)."""

    kind: OutputKind
    path: Path | None
    compression: Compression | None = None


def output_spec(path: Path | None, output_format: str | None = None) -> OutputSpec:
    """The output a path and an optional ``--output-format`` describe.

    >>> output_spec(Path("out.jsonl.zst"))
    OutputSpec(kind='jsonl', path=PosixPath('out.jsonl.zst'), compression='zst')
    >>> output_spec(Path("out.parquet")).kind, output_spec(Path("clean/"), "txt").kind
    ('parquet', 'txt')

    A name without an extension is a folder of ``.txt`` files only when that folder exists or
    ``--output-format txt`` says so: a forgotten ``.jsonl`` must not turn into a tree. A name
    that promises another format (``out.csv``, ``out.json``, ``out.txt``) is refused rather
    than filled with JSON lines no CSV, JSON or text reader expects; ``--output-format jsonl``
    writes JSONL under any name.

    >>> output_spec(Path("out.csv"))
    Traceback (most recent call last):
    ...
    textfix.errors.InputError: out.csv: textfix writes .jsonl/.ndjson ... under this name
    """
    if path is None:
        return OutputSpec("jsonl", None)
    named = _named_format(path)
    if output_format is None:
        output_format = named or _format_from_name(path)
    elif named is not None and named != output_format:
        raise InputError(
            f"{path} names a {named} file but --output-format asks for {output_format}; "
            "rename the output or drop --output-format"
        )
    if output_format == "parquet":
        return OutputSpec("parquet", path)
    if output_format == "txt":
        return OutputSpec("txt", path)
    return OutputSpec("jsonl", path, compression_of(path))


def _named_format(path: Path) -> str | None:
    """The output format the name's extension says (``jsonl``, ``parquet``), if any.

    >>> [_named_format(Path(name)) for name in ("a.ndjson.gz", "a.parquet", "a", "a.csv")]
    ['jsonl', 'parquet', None, None]
    """
    name = strip_compression(path.name).lower()
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return None


def _format_from_name(path: Path) -> str:
    """The output format of a name without a known extension: an existing folder's."""
    name = strip_compression(path.name).lower()
    if path.is_dir():
        return "txt"
    if not Path(name).suffix:
        raise InputError(
            f"{path}: no extension to tell the output format; name a .jsonl or .parquet "
            "file, or give --output-format txt for a folder of .txt files"
        )
    raise InputError(
        f"{path}: textfix writes .jsonl/.ndjson (optionally compressed), .parquet, or a folder "
        "of .txt files (--output-format txt); give --output-format jsonl to write JSON lines "
        "under this name"
    )


def temporary_name(path: Path) -> Path:
    """The name a file is written under before it is renamed into place.

    >>> temporary_name(Path("out/clean.jsonl.gz"))
    PosixPath('out/clean.jsonl.gz.tmp')
    """
    return path.with_name(path.name + ".tmp")


def append_file(stream: IO[bytes], part: Path) -> None:
    """Append the bytes of ``part`` to ``stream`` (a file), then delete ``part``.

    The copy is made by the kernel (``os.sendfile``), so the bytes never enter Python; where a
    platform refuses it, they are copied through a buffer instead.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "part").write_bytes(b"second\\n")
    >>> with (folder / "out").open("wb") as out:
    ...     _ = out.write(b"first\\n")
    ...     append_file(out, folder / "part")
    ...     _ = out.write(b"third\\n")
    >>> (folder / "out").read_bytes(), (folder / "part").exists()
    (b'first\\nsecond\\nthird\\n', False)
    """
    stream.flush()
    with part.open("rb") as source:
        size = os.fstat(source.fileno()).st_size
        offset = 0
        try:
            while offset < size:
                sent = os.sendfile(stream.fileno(), source.fileno(), offset, size - offset)
                if sent == 0:
                    break
                offset += sent
        except OSError:
            pass  # not supported between these files: copy the rest below
        if offset < size:
            source.seek(offset)
            stream.seek(0, os.SEEK_END)
            shutil.copyfileobj(source, stream)
    # sendfile wrote through the descriptor; put the buffered stream back at the end.
    stream.seek(0, os.SEEK_END)
    part.unlink()


def fsync_and_rename(temporary: Path, path: Path) -> None:
    """Make ``temporary`` durable and rename it to ``path``, then make the rename durable."""
    with temporary.open("rb") as stream:
        os.fsync(stream.fileno())
    os.replace(temporary, path)
    fsync_directory(path.parent)


def fsync_directory(folder: Path) -> None:
    """fsync a directory so a rename in it survives a power cut (a no-op where unsupported)."""
    try:
        descriptor = os.open(folder or Path("."), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def write_file_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary name, fsync and rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_name(path)
    with temporary.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)


def mirror_name(source: str, number: int, whole_file: bool) -> PurePosixPath:
    """The relative ``.txt`` path a document gets in a mirrored output directory.

    A ``.txt`` input keeps its path; any other whole file gets ``.txt`` added; record ``n`` of
    a container file becomes ``<file>/n.txt``. Compression suffixes stay, so ``a.txt`` and
    ``a.txt.gz`` never meet.

    >>> mirror_name("news/a.txt", 1, True), mirror_name("news/a.txt.gz", 1, True)
    (PurePosixPath('news/a.txt'), PurePosixPath('news/a.txt.gz.txt'))
    >>> mirror_name("shard.jsonl", 7, False), mirror_name("/data/../x.csv", 2, False)
    (PurePosixPath('shard.jsonl/000000007.txt'), PurePosixPath('data/__/x.csv/000000002.txt'))
    """
    relative = PurePosixPath(source.lstrip("/").replace("..", "__"))
    if whole_file:
        return relative if relative.suffix == ".txt" else relative.with_name(relative.name + ".txt")
    return relative / f"{number:09d}.txt"


def mirror_base(inputs: list[str]) -> str:
    """The folder mirrored names are relative to: the deepest one holding every input (a
    directory input stands for itself, a file or stdin for its folder).

    >>> mirror_base(["/data/bbc/business", "/data/bbc/tech"]), mirror_base(["/data/a.txt"])
    ('/data/bbc', '/data')
    """
    folders = [
        os.path.abspath(name if os.path.isdir(name) else os.path.dirname(name) or ".")
        for name in inputs
    ]
    return os.path.commonpath(folders) if folders else os.path.abspath(".")


def mirror_relative(source: str, base: str) -> str:
    """``source`` (an input name) relative to :func:`mirror_base`'s folder.

    >>> mirror_relative("bbc/tech/001.txt", os.path.abspath("bbc"))
    'tech/001.txt'
    """
    return Path(os.path.relpath(os.path.abspath(source), base)).as_posix()


def write_new_file(path: Path, data: bytes, staging: Path | None = None) -> None:
    """Write ``data`` as ``path`` through a temporary name, never replacing another file.

    The temporary file is made in ``staging`` (default: beside ``path``), one folder a killed
    run's leftovers can be swept from (:func:`remove_staging`).
    Raises FileExistsError when ``path`` exists with other bytes; a file with the same bytes
    (the same document written again by a resumed run) is left as it is.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "a" / "b.txt"
    >>> write_new_file(path, b"one"); write_new_file(path, b"one")
    >>> write_new_file(path, b"two")
    Traceback (most recent call last):
    ...
    FileExistsError: ... exists with other content; textfix never overwrites an output file
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if staging is None:
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    else:
        staging.mkdir(exist_ok=True)
        temporary = staging / f"{os.getpid()}-{uuid.uuid4().hex}.tmp"  # unique across hosts
    with temporary.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    try:
        os.link(temporary, path)  # fails, unlike a rename, when the name is taken
    except FileExistsError:
        if path.read_bytes() != data:
            raise FileExistsError(
                f"{path} exists with other content; textfix never overwrites an output file"
            ) from None
    finally:
        temporary.unlink()


#: The folder at the top of a ``.txt`` tree where documents are written before taking their
#: names; only a killed run leaves anything in it, and the next run (or ``--resume``) sweeps it.
STAGING = ".textfix-staging"


def remove_staging(folder: Path) -> None:
    """Remove the staging folder of the ``.txt`` tree ``folder`` and what a killed run left.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_mirrored(folder, PurePosixPath("a.txt"), "text", {})
    >>> _ = (folder / STAGING / "99.tmp").write_bytes(b"half a docu")  # a killed writer's
    >>> remove_staging(folder)
    >>> sorted(p.name for p in folder.iterdir())
    ['a.meta.json', 'a.txt']
    """
    staging = folder / STAGING
    if staging.is_dir() and not staging.is_symlink():
        for leftover in staging.iterdir():
            leftover.unlink(missing_ok=True)
        staging.rmdir()


def write_mirrored(folder: Path, relative: PurePosixPath, text: str, meta: dict[str, Any]) -> None:
    """Write a document as ``folder/relative`` and its fields beside it as ``.meta.json``."""
    target = folder / relative
    staging = folder / STAGING
    write_new_file(target, text.encode("utf-8", "surrogatepass"), staging)
    meta_path = target.with_name(target.name.removesuffix(".txt") + ".meta.json")
    write_new_file(meta_path, orjson.dumps(meta, default=str, option=orjson.OPT_INDENT_2), staging)
