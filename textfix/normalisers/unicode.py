"""Unicode hygiene: canonical composition, invisible characters, no-break spaces.

Left alone on purpose: ZERO WIDTH JOINER and ZERO WIDTH NON-JOINER (emoji sequences, Persian
and Indic scripts need them), the ideographic space, and compatibility characters (NFKC would
rewrite superscripts, fractions and full-width forms, which is a decision for the user).
"""

from __future__ import annotations

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
_ASCII_SUSPECTS = bytes(ord(char) for char in _SUSPECT_CHARS if char.isascii())
# Suspects str.isprintable accepts (U+FFFC OBJECT REPLACEMENT CHARACTER), searched for apart.
_PRINTABLE_SUSPECTS = tuple(char for char in _SUSPECT_CHARS if char.isprintable())


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
        if len(text.encode("ascii").translate(None, _ASCII_SUSPECTS)) == len(text):
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

    >>> normalise_unicode("cafe\u0301\u00a0noir") == "café noir"
    True
    >>> normalise_unicode("plain")
    'plain'
    """
    if text.isascii():
        return text
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not any(space in text for space in _NO_BREAK_SPACES):  # substring search: fastest
        return text
    return NO_BREAK_SPACES_RE.sub(" ", text)


def remove_control_chars_reference(text: str) -> str:
    r"""``remove_control_chars`` without fast paths, for the equivalence tests.

    >>> remove_control_chars_reference("a\x00b\u00adc")
    'abc'
    """
    return INVISIBLE_RE.sub("", text).replace(SOFT_HYPHEN, "")


def normalise_unicode_reference(text: str) -> str:
    r"""``normalise_unicode`` without fast paths, for the equivalence tests.

    >>> normalise_unicode_reference("cafe\u0301\u00a0noir") == "café noir"
    True
    """
    return NO_BREAK_SPACES_RE.sub(" ", unicodedata.normalize("NFC", text))
