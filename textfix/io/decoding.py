"""Bytes to text: UTF-8 when it is UTF-8, Windows-1252 when a few bytes are not, else detected.

Undecodable bytes never crash a run and never vanish silently: the encoding used and how sure
the choice was are recorded with the document (``source_encoding``,
``source_encoding_confidence``), and bytes that are not text at all are refused
(:func:`binary_reason`) rather than turned into a page of replacement characters.

Why Windows-1252 first: text that is almost all ASCII with a handful of high bytes carries too
little evidence for a detector, which then picks code pages such as cp932 or cp1006 for a lone
latin-1 ``£``. Browsers (the WHATWG encoding standard) read unlabelled legacy Latin text as
Windows-1252, and so does textfix when the high bytes are few.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Any

#: At most this many non-ASCII bytes, or this share of the bytes, read as Windows-1252.
FEW_HIGH_BYTES = 16
FEW_HIGH_SHARE = 0.01

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16-LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\x7fELF", "an ELF executable"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"BZh", "bzip2 data"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)
# Control bytes no text holds (tab, line breaks and form feed excepted; ESC excepted too, for
# terminal colour codes in scraped logs).
_ASCII = bytes(range(0x80))
_CONTROL = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])


def _whatwg_c1(error: UnicodeError) -> tuple[str, int]:
    # The five bytes Python's cp1252 leaves undefined are C1 controls in the WHATWG table.
    assert isinstance(error, UnicodeDecodeError)
    return chr(error.object[error.start]), error.start + 1


codecs.register_error("textfix-whatwg-c1", _whatwg_c1)


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding it was read as (``None`` for plain UTF-8), and how sure the
    choice is (1.0 for UTF-8, a byte-order mark or a given encoding)."""

    text: str
    encoding: str | None
    confidence: float = 1.0

    def annotate(self, metadata: dict[str, Any]) -> None:
        """Record a non-UTF-8 encoding and its confidence in ``metadata``.

        >>> meta: dict[str, Any] = {}
        >>> decode_bytes(b"a \\xa315m signing").annotate(meta)
        >>> meta
        {'source_encoding': 'cp1252', 'source_encoding_confidence': 0.929}
        """
        if self.encoding is not None:
            metadata["source_encoding"] = self.encoding
            metadata["source_encoding_confidence"] = self.confidence


def decode_bytes(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``: by its byte-order mark, as UTF-8, as ``encoding``, as Windows-1252 when
    only a few bytes are not ASCII, else as the encoding charset-normalizer finds.

    >>> decode_bytes("café".encode())
    Decoded(text='café', encoding=None, confidence=1.0)
    >>> decode_bytes("café".encode("cp1252"), "cp1252")
    Decoded(text='café', encoding='cp1252', confidence=1.0)
    >>> decode_bytes(b"a \\xa315m signing").text  # one latin-1 byte: never cp932's "\uff63"
    'a £15m signing'
    >>> decode_bytes("Ærø".encode("utf-16"))
    Decoded(text='Ærø', encoding='utf-16', confidence=1.0)
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(name, errors="replace"), name)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return Decoded(data.decode("utf-8"), None)
    except UnicodeDecodeError:
        pass
    if encoding is not None:
        return Decoded(data.decode(encoding, errors="replace"), encoding)
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return Decoded(data.decode(utf16, errors="replace"), utf16, 0.9)
    high = len(data.translate(None, _ASCII))
    if high <= FEW_HIGH_BYTES or high <= FEW_HIGH_SHARE * len(data):
        return _windows_1252(data, 1 - high / len(data))
    return detect_and_decode(data)


def _windows_1252(data: bytes, confidence: float) -> Decoded:
    text = data.decode("cp1252", errors="textfix-whatwg-c1")
    return Decoded(text, "cp1252", round(confidence, 3))


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` for mostly-Latin UTF-16 without a byte-order mark (every other
    byte NUL), else None."""
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def wide_bom(data: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` when ``data`` starts with their byte-order mark, else None:
    text whose line breaks are not the byte ``\\n`` alone.

    >>> wide_bom("{}".encode("utf-16")), wide_bom("{}".encode("utf-32")), wide_bom(b"{}")
    ('utf-16', 'utf-32', None)
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text (a known file signature, or NUL and other control bytes no
    text holds), or None when it may be text. UTF-16 and UTF-32 text is text.

    >>> binary_reason(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR")
    'binary data (a PNG image), not text'
    >>> binary_reason("plain text, tabs\\tand\\r\\nline breaks".encode()) is None
    True
    >>> binary_reason("Ærø".encode("utf-16")) is None
    True
    """
    if any(data.startswith(bom) for bom, _ in _BOMS) or _bomless_utf16(data) is not None:
        return None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return f"binary data ({kind}), not text"
    controls = len(data) - len(data.translate(None, _CONTROL))
    if data.count(0) > 0.01 * len(data) or controls > 0.05 * len(data):
        return f"binary data ({controls} control bytes in {len(data)}), not text"
    return None


def detect_and_decode(data: bytes) -> Decoded:
    """Decode non-UTF-8 bytes with the encoding charset-normalizer finds most likely, with
    its confidence (one minus its measure of chaos); Windows-1252 when it finds none."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return _windows_1252(data, 0.0)
    return Decoded(str(best), best.encoding, round(1.0 - best.chaos, 3))
