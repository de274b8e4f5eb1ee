"""The raw forms of folded characters, as bytes patterns: what the boilerplate scan matches.

``fold_line`` (``boilerplate_rules``) lower cases a line, straightens its quotes, makes each
whitespace run one space and strips junk at its ends. So each character of a folded line comes
from one raw character in ``raw_forms`` of it, each space from a whitespace run, with one
exception: ``İ`` (U+0130), which folds to two characters (``i̇``); the scan leaves texts
holding one alone. Tests check the forms against every code point.

The scan reads ``scan_text(text)``: the UTF-8 bytes of the text, ASCII letters lower cased, held
one byte per character (a str decoded as latin-1: substring checks and searches on a str cost a
fifth of those on bytes, which take their argument through the buffer protocol). A folded
character is matched by the bytes of its forms (``atom_pattern``), an ASCII letter by itself.

>>> sorted(raw_forms("k")) == ["K", "k", "\\u212a"], sorted(raw_forms("'"))
(True, ["'", '‘', '’'])
>>> atom_pattern(frozenset("é")) == "\\xc3[\\x89\\xa9]", atom_pattern(frozenset("ab"))
(True, '[ab]')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from textfix.boilerplate.heads import DIGIT, Atom

#: The one character that folds to two ("i" and U+0307): texts holding it are not scanned.
DOTTED_CAPITAL_I = "\u0130"
#: Every character str.split() takes for whitespace (str.isspace) but the line break.
WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c != "\n")
# Raw characters folding to a character besides its own case forms (c.upper(), c.title()):
# symbols whose lower case is a letter, capital sigma (which folds to the final sigma at the
# end of a word) and the quotes fold_line straightens.
_EXTRA_FORMS = {
    "k": "\u212a",
    "å": "\u212b",
    "ω": "\u2126",
    "θ": "\u03f4",
    "ß": "\u1e9e",
    "ς": "\u03a3",
    "'": "‘’",
    '"': "“”«»",
}
#: The bytes after the first of a UTF-8 sequence.
CONTINUATION = frozenset(range(0x80, 0xC0))
_LEADS = frozenset(range(0xC2, 0xF5))  # the first bytes of longer UTF-8 sequences


def scan_text(text: str) -> str:
    """What the scan reads: the text between line breaks as UTF-8 bytes, ASCII lower cased, one
    byte per character.

    >>> scan_text("Café ÉTÉ") == "\\ncaf\\xc3\\xa9 \\xc3\\x89t\\xc3\\x89\\n"
    True
    """
    if text.isascii():  # (the same, without the round trip)
        return f"\n{text.lower()}\n"
    return f"\n{text}\n".encode("utf-8", "surrogatepass").lower().decode("latin-1")


def raw_forms(char: str) -> frozenset[str]:
    """The raw characters that fold to ``char`` (lower case, straight quotes), but ``İ``."""
    forms = {char, *_EXTRA_FORMS.get(char, "")}
    forms.update(f for f in (char.upper(), char.title()) if len(f) == 1 and f.lower() == char)
    return frozenset(forms)


@lru_cache(maxsize=4096)
def encodings(char: str) -> frozenset[bytes]:
    """The bytes of the raw forms of ``char``, as ``scan_text`` gives them."""
    return frozenset(f.encode("utf-8", "surrogatepass").lower() for f in raw_forms(char))


def all_encodings(chars: Iterable[str]) -> set[bytes]:
    """The encodings of every character of ``chars``."""
    return {encoding for char in chars for encoding in encodings(char)}


def byte_class(values: Iterable[int]) -> str:
    """A pattern matching one of the byte ``values``."""
    ordered = sorted(set(values))
    if len(ordered) == 1:
        return _byte(ordered[0])
    runs = []
    index = 0
    while index < len(ordered):
        end = index
        while end + 1 < len(ordered) and ordered[end + 1] == ordered[end] + 1:
            end += 1
        dash = "-" if end > index + 1 else ""
        runs.append(_byte(ordered[index]) + (dash + _byte(ordered[end]) if end > index else ""))
        index = end + 1
    return f"[{''.join(runs)}]"


def _byte(value: int) -> str:
    return chr(value) if value >= 0x80 else re.escape(chr(value))


def exact(sequences: Iterable[bytes]) -> str:
    """A pattern matching exactly one of the byte ``sequences`` (none empty), as one unit."""
    alternatives = exact_alternatives(sequences)
    if len(alternatives) == 1 and re.fullmatch(r"\[[^]]*\]|\\?.", alternatives[0], re.DOTALL):
        return alternatives[0]
    return f"(?:{'|'.join(alternatives)})"


def exact_alternatives(sequences: Iterable[bytes]) -> list[str]:
    """``exact`` as a list of alternatives, each opening with a class or a byte."""
    by_first: dict[int, set[bytes]] = {}
    for sequence in sequences:
        by_first.setdefault(sequence[0], set()).add(sequence[1:])
    # First bytes with the same rests share a class: "\xe2\x80[\x80-\x8a]".
    by_rest: dict[str, set[int]] = {}
    for first, rests in by_first.items():
        rest = "" if rests == {b""} else exact(r for r in rests if r)
        by_rest.setdefault(rest + ("?" if rest and b"" in rests else ""), set()).add(first)
    return [byte_class(firsts) + rest for rest, firsts in sorted(by_rest.items())]


# A whitespace run, taken whole: fold_line makes it one space, and the character after it is
# not whitespace. LOOSE_RUN also takes any UTF-8 sequence opening like non-ASCII whitespace;
# it serves where the next character cannot open so, and it opens with a class: a branch of
# an alternation opening with a class or a byte is skipped at the cost of one check when the
# byte does not fit, where one opening otherwise costs tens of nanoseconds, on every line.
WS_FIRSTS = frozenset(e[0] for e in all_encodings(WHITESPACE))
EXACT_RUN = f"{exact(all_encodings(WHITESPACE))}++"
LOOSE_RUN = f"{byte_class(WS_FIRSTS)}{byte_class(WS_FIRSTS | CONTINUATION)}*+"


def _atom_bytes(atom: Atom) -> tuple[set[bytes], bool]:
    """The encodings of an atom's characters, and whether it takes any decimal character."""
    found = all_encodings(atom - {DIGIT})
    found.discard(b"\n")  # no folded line holds one
    return found, DIGIT in atom


def first_bytes(atom: Atom) -> set[int]:
    """The bytes a raw character folding into ``atom`` can open with."""
    found, digit = _atom_bytes(atom)
    firsts = {e[0] for e in found}
    return firsts | set(b"0123456789") | _LEADS if digit else firsts


@lru_cache(maxsize=4096)
def atom_pattern(atom: Atom) -> str:
    """A pattern matching the bytes of one raw character folding into ``atom`` (not a space).

    Exact per byte when all its forms are as long (loosely: "[\\xd0\\xd1][\\x80\\xa0]" for
    "р" and "Р"), else its first byte and any continuation bytes.
    """
    if atom == frozenset(" "):
        return EXACT_RUN
    found, digit = _atom_bytes(atom)
    if not found and not digit:
        return "(?!)"  # a line break: in no folded line
    lengths = {len(e) for e in found}
    if digit or len(lengths) != 1:
        return byte_class(first_bytes(atom)) + f"{byte_class(CONTINUATION)}*+"
    return "".join(byte_class({e[i] for e in found}) for i in range(lengths.pop()))


# The units a byte pattern is made of: a set of byte values (one byte), a whitespace run, or the
# rest of a UTF-8 sequence whose first byte was matched (any continuation bytes).
Unit = frozenset[int] | str
WS_UNIT = "ws"
REST_UNIT = "rest"


@lru_cache(maxsize=4096)
def atom_units(atom: Atom) -> tuple[Unit, ...]:
    """``atom_pattern`` as units: one set per byte when the forms are as long, else the first
    bytes then ``REST_UNIT``."""
    if atom == frozenset(" "):
        return (WS_UNIT,)
    found, digit = _atom_bytes(atom)
    lengths = {len(e) for e in found}
    if digit or len(lengths) != 1:
        return (frozenset(first_bytes(atom)), REST_UNIT)
    return tuple(frozenset(e[i] for e in found) for i in range(lengths.pop()))


def unit_pattern(unit: Unit) -> str:
    """The pattern of one unit (a whitespace run taken exactly)."""
    if unit == WS_UNIT:
        return EXACT_RUN
    if unit == REST_UNIT:
        return f"{byte_class(CONTINUATION)}*+"
    assert not isinstance(unit, str)
    return byte_class(unit)


def as_scanned(text: str) -> str:
    """``text`` (a folded string) as ``scan_text`` holds it: its UTF-8 bytes as characters."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")
