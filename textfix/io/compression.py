"""Compression by file name: ``.gz``, ``.bz2``, ``.xz`` and ``.zst``, read and written.

Output is compressed in independent members (a gzip member, a zstd frame, ...) that are simply
concatenated: every format here decompresses a concatenation of members as one stream. That lets
worker processes compress their own batches and lets ``--resume`` cut a file back to the end of
the last finished input and append, with the same bytes as an uninterrupted run.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Literal

Compression = Literal["gz", "bz2", "xz", "zst"]
COMPRESSION_SUFFIXES: dict[str, Compression] = {
    ".gz": "gz",
    ".bz2": "bz2",
    ".xz": "xz",
    ".zst": "zst",
}


def compression_of(path: Path | str) -> Compression | None:
    """The compression a file name asks for, or None.

    >>> compression_of("shard.jsonl.zst"), compression_of("a.txt")
    ('zst', None)
    """
    return COMPRESSION_SUFFIXES.get(Path(path).suffix.lower())


def strip_compression(name: str) -> str:
    """The file name without its compression suffix.

    >>> strip_compression("shard-01.JSONL.gz")
    'shard-01.JSONL'
    """
    lowered = name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return name


def open_binary(path: Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, decompressing by its suffix."""
    kind = compression_of(path)
    if kind == "gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if kind == "bz2":
        return bz2.open(path, "rb")
    if kind == "xz":
        return lzma.open(path, "rb")
    if kind == "zst":
        import zstandard

        reader = zstandard.ZstdDecompressor().stream_reader(
            path.open("rb"), read_across_frames=True
        )
        return io.BufferedReader(reader)
    return path.open("rb")


_SIGNATURES: tuple[tuple[bytes, Compression], ...] = (
    (b"\x1f\x8b", "gz"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zst"),
)


def sniff_compression(head: bytes) -> Compression | None:
    """The compression whose signature ``head`` starts with, or None.

    >>> sniff_compression(gzip.compress(b"x")), sniff_compression(b'{"text": "x"}')
    ('gz', None)
    """
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


@contextmanager
def open_stream(stream: IO[bytes]) -> Iterator[IO[bytes]]:
    """``stream`` (standard input, say), decompressed when its first bytes are a gzip, bzip2,
    xz or zstd signature; a peekable reader either way."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[type-var]
    kind = sniff_compression(stream.peek(8)[:8])
    if kind is None:
        yield stream
        return
    reader: IO[bytes]
    if kind == "gz":
        reader = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
    elif kind == "bz2":
        reader = bz2.BZ2File(stream)
    elif kind == "xz":
        reader = lzma.LZMAFile(stream)  # noqa: SIM115 - closed by the with below
    else:
        import zstandard

        raw = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True)
        reader = io.BufferedReader(raw)
    with reader:
        yield reader


def compress_member(data: bytes, kind: Compression | None) -> bytes:
    """``data`` as one self-contained compressed member (deterministic: no timestamps).

    >>> gzip.decompress(compress_member(b"a", "gz") + compress_member(b"b", "gz"))
    b'ab'
    >>> compress_member(b"", "gz")
    b''
    """
    if kind is None or not data:
        return data
    if kind == "gz":
        return gzip.compress(data, compresslevel=6, mtime=0)
    if kind == "bz2":
        return bz2.compress(data)
    if kind == "xz":
        return lzma.compress(data)
    import zstandard

    return zstandard.ZstdCompressor(level=3).compress(data)
