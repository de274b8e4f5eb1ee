"""Unicode hygiene: canonical composition, invisible characters, no-break spaces.

Composition is bounded as the Unicode Stream-Safe Text Format (UAX #15) bounds it: a run of
more than 30 non-starters (combining marks) gets COMBINING GRAPHEME JOINER (U+034F) after every
30, which stops CPython's NFC from reordering the whole run in quadratic time. No text in any
language needs more than 30 marks on one letter; a longer run is abuse ("Zalgo" text).

Left alone on purpose: ZERO WIDTH JOINER and ZERO WIDTH NON-JOINER (emoji sequences, Persian
and Indic scripts need them), the ideographic space, and compatibility characters (NFKC would
rewrite superscripts, fractions and full-width forms, which is a decision for the user).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ftfy.chardata import CONTROL_CHARS

# ftfy's list of control characters that never belong in text (C0 controls except tab and
# newline, DEL, deprecated format characters, the BOM, interlinear annotation marks), plus the
# invisible characters scraped text carries: zero-width space, word joiner, invisible operators,
# left-to-right/right-to-left marks outside of bidirectional text are kept (they carry meaning).
_INVISIBLE = "\u200b\u2060\u2061\u2062\u2063\u2064\u180e"
_CONTROL = "".join(chr(code) for code in sorted(CONTROL_CHARS) if chr(code) not in "\t\n\r")
INVISIBLE_RE = re.compile(f"[{re.escape(_CONTROL + _INVISIBLE)}]+")
# A soft hyphen inside a word is an invisible hyphenation hint; elsewhere it is removed too,
# since it never renders except at a line break the text no longer has.
SOFT_HYPHEN = "\u00ad"
# Spaces that are really just spaces in scraped prose.
NO_BREAK_SPACES_RE = re.compile("[\u00a0\u202f\u2007]")
_NO_BREAK_SPACES = ("\u00a0", "\u202f", "\u2007")
_SUSPECT_CHARS = f"{_CONTROL}{_INVISIBLE}\u00ad\u00a0\u202f\u2007"
_SUSPECT_RE = re.compile(f"[{re.escape(_SUSPECT_CHARS)}]")
# The suspects ASCII text can hold, as bytes: deleting them with bytes.translate and comparing
# lengths runs at memory speed, several times faster than a regex search.
ASCII_SUSPECTS = bytes(ord(char) for char in _SUSPECT_CHARS if char.isascii())
# Suspects str.isprintable accepts (U+FFFC OBJECT REPLACEMENT CHARACTER), searched for apart.
_PRINTABLE_SUSPECTS = tuple(char for char in _SUSPECT_CHARS if char.isprintable())


#: The most non-starters in a row that ``compose`` leaves as they are (UAX #15's limit).
MAX_NON_STARTERS = 30
COMBINING_GRAPHEME_JOINER = "\u034f"


@functools.cache
def _non_starters() -> frozenset[str]:
    """Characters that are non-starters or decompose to one (U+0F73 is ``U+0F71 U+0F72``).

    Read from ``unicodedata`` on first use (about 50 ms), so it follows Python's Unicode version.
    """
    return frozenset(
        char
        for code in range(0x300, 0x1F000)
        if unicodedata.combining(char := chr(code))
        or unicodedata.combining(unicodedata.normalize("NFD", char)[0])
    )


def _char_ranges(chars: frozenset[str]) -> str:
    """A regex character class body for ``chars``, as ranges of consecutive code points."""
    codes = sorted(map(ord, chars))
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(
        re.escape(chr(low)) + ("" if low == high else "-" + re.escape(chr(high)))
        for low, high in ranges
    )


@functools.cache
def _long_run_candidates_re() -> re.Pattern[str]:
    """Runs of more than ``MAX_NON_STARTERS`` characters that may all be non-starters.

    The class holds the non-starters of the BMP and every astral character: a class with the
    astral non-starters listed one range at a time makes re search 30 times slower (measured:
    120 ms a megabyte against 4), so astral runs are sorted out in ``_bound_run``.
    """
    bmp = frozenset(char for char in _non_starters() if char <= "\uffff")
    return re.compile(f"[{_char_ranges(bmp)}\U00010000-\U0010ffff]{{{MAX_NON_STARTERS + 1},}}")


def _bound_run(match: re.Match[str]) -> str:
    """The run with COMBINING GRAPHEME JOINER after every ``MAX_NON_STARTERS`` non-starters."""
    non_starters = _non_starters()
    pieces = []
    count = 0
    for char in match.group():
        if char not in non_starters:
            count = 0
        elif count == MAX_NON_STARTERS:
            pieces.append(COMBINING_GRAPHEME_JOINER)
            count = 1
        else:
            count += 1
        pieces.append(char)
    return "".join(pieces)


def bound_combining_runs(text: str) -> str:
    r"""Put COMBINING GRAPHEME JOINER after every 30 non-starters in a row (UAX #15).

    >>> bound_combining_runs("a" + "\u0301" * 31) == "a" + "\u0301" * 30 + "\u034f\u0301"
    True
    >>> bound_combining_runs("cafe\u0301 \U0001f600" * 40) == "cafe\u0301 \U0001f600" * 40
    True
    """
    if len(text) <= MAX_NON_STARTERS or text.isascii():
        return text
    return _long_run_candidates_re().sub(_bound_run, text)


def compose(text: str) -> str:
    r"""NFC, in linear time: runs of combining marks are bounded first (``bound_combining_runs``).

    Text already in NFC comes back as it is: CPython's ``is_normalized`` is linear (it stops at
    the first out-of-order mark, and reorders nothing in sorted runs); only its ``normalize``
    reorders a long unsorted run in quadratic time, and it gets bounded runs.

    >>> compose("cafe\u0301") == "café"
    True
    >>> zalgo = compose("a" + "\u0301\u0327" * 20)  # 40 marks: a joiner after the 30th
    >>> zalgo == "\xe1" + "\u0327" * 15 + "\u0301" * 14 + "\u034f" + "\u0327" * 5 + "\u0301" * 5
    True
    """
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", bound_combining_runs(text))


def remove_control_chars(text: str) -> str:
    r"""Remove control characters and invisible characters that carry no text.

    Removes C0 controls (but tab and line breaks), DEL, the byte-order mark, zero-width spaces,
    word joiners and soft hyphens. Keeps ZWJ and ZWNJ, which emoji and many scripts need.

    >>> remove_control_chars("zero\u200bwidth\x00 and soft\u00adhyphen\ufeff")
    'zerowidth and softhyphen'
    >>> remove_control_chars("family: \U0001f468\u200d\U0001f469\u200d\U0001f467")
    'family: 👨\u200d👩\u200d👧'
    """
    if text.isascii():
        if len(text.encode("ascii").translate(None, ASCII_SUSPECTS)) == len(text):
            return text
    # str.isprintable runs in C and rejects every suspect but the few in _PRINTABLE_SUSPECTS; a
    # line break is the one non-printable character ordinary text has, so it becomes a space.
    elif (
        text.replace("\n", " ").isprintable()
        and not any(char in text for char in _PRINTABLE_SUSPECTS)
    ) or not _SUSPECT_RE.search(text):
        return text
    return INVISIBLE_RE.sub("", text).replace(SOFT_HYPHEN, "")


def normalise_unicode(text: str) -> str:
    """Compose text to NFC and turn no-break spaces into plain spaces.

    NFC joins a base letter and a combining accent into one character, so that ``"é"`` is one
    code point however it was typed. No-break, narrow no-break and figure spaces become ``" "``.
    More than 30 combining marks in a row get a COMBINING GRAPHEME JOINER after every 30
    (``compose``), as the Unicode Stream-Safe Text Format does, which keeps the time linear.

    >>> normalise_unicode("cafe\u0301\u00a0noir") == "café noir"
    True
    >>> normalise_unicode("plain")
    'plain'
    """
    if text.isascii():
        return text
    text = compose(text)
    if not any(space in text for space in _NO_BREAK_SPACES):  # substring search: fastest
        return text
    return NO_BREAK_SPACES_RE.sub(" ", text)
