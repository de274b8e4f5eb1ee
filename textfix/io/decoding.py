"""Bytes to text: UTF-8 when it is UTF-8, a detected encoding when it is not.

Undecodable bytes never crash a run and never vanish silently: the encoding used is recorded
with the document.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the encoding it was read as (``None`` for plain UTF-8)."""

    text: str
    encoding: str | None


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``: UTF-8 (with or without BOM) directly, else ``encoding``, else detect.

    >>> decode_bytes("café".encode())
    Decoded(text='café', encoding=None)
    >>> decode_bytes("café".encode("cp1252"), "cp1252")
    Decoded(text='café', encoding='cp1252')
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return Decoded(data.decode("utf-8"), None)
    except UnicodeDecodeError:
        pass
    if encoding is not None:
        return Decoded(data.decode(encoding, errors="replace"), encoding)
    return detect_and_decode(data)


def detect_and_decode(data: bytes) -> Decoded:
    """Decode non-UTF-8 bytes with the encoding charset-normalizer finds most likely.

    When nothing fits, the bytes are decoded as UTF-8 with U+FFFD for each bad byte and the
    encoding is recorded as ``"utf-8 (with replacements)"``, so the loss is visible.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return Decoded(str(best), best.encoding)
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8 (with replacements)")
