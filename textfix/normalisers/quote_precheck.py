"""The fast check of quote repair: is every quote mark of a text already in a canonical context?

Most text needs no quote repair: its apostrophes stand between letters and its quotations open
after a space and close before one. When every mark is in one of the contexts below, the full
analysis of ``quote_marks`` provably changes nothing in ``keep`` style (and ``straight`` style
only flattens curly marks), so ``repair_quotes`` skips it. Each context is chosen so that the
mark's role, its pairing and its output glyph are fixed whatever the other canonical marks are:

- ``’`` after a character that is not a space, an opening bracket/dash or a quote: an
  apostrophe or a closing quote. It never opens, and a ``’`` closer only ever pairs with a ``‘``
  opener, which it already matches. (Where ``’`` may be a stray opener, ``is’set``, it is
  suspicious: see ``_stray``.)
- ``'`` between a non-space, non-quote character and a Latin letter or ASCII digit: an
  apostrophe (role ``inner``), which never pairs. In a paragraph without ``‘`` or ``’``, a
  ``'`` with no quote beside it anywhere: straight single marks then pair only with each other
  and keep their glyphs in ``keep`` style (elisions and possessives stay ``'`` too).
- ``“`` and ``‘`` at the start or after a space or opening punctuation, before a character that
  is neither a space nor a quote: openers already facing the right way, with no padding to
  remove. ``‘`` must not start an elision (``‘90s``, ``‘n’``), which makes it an apostrophe.
- ``”`` after a character that is not a space, opening punctuation or a quote: a closer (or an
  inch mark after a digit) facing the right way, with no padding before it.
- ``"`` with no quote beside it, in a paragraph without ``“`` or ``”``: straight marks pair only
  with straight marks, and a straight pair keeps its glyphs in ``keep`` style.

No two marks may touch (a mark beside a quote changes the next mark's context). Anything else
(backticks, acute accents, low-9 quotes, ``''``, reversed or padded quotes, elisions, possible
stray openers, straight and curly quotes of one kind mixed) sends the paragraph through the full
analysis.
Known false negatives (full analysis, same result, only slower): apostrophes next to non-Latin
letters, ``‘`` after a letter, straight ``'`` quotes in a paragraph with curly ones.

>>> all_canonical("“It’s done,” she said of O’Neill’s ‘plan’.")
True
>>> all_canonical("Russia is’set to invade"), all_canonical("”Wrong way”")
(False, False)
>>> all_canonical('He said "yes" and “no”')
False
"""

from __future__ import annotations

import re

from textfix.normalisers.quote_lexicon import (
    CONTRACTION_RE,
    ELIDED_N_RE,
    ELISION_RE,
    OPEN_PUNCT,
    QUOTE_CHARS,
    STRAY_LEFT_WORDS,
)

_Q = re.escape("".join(sorted(QUOTE_CHARS)))
_O = re.escape("".join(sorted(OPEN_PUNCT)))
# Letters for which ``str.isalpha`` is true (checked by the tests): ASCII and Latin-1/Extended-A/B
# letters without the multiplication and division signs.
LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"

_NOT_SPACE_OPEN_QUOTE = f"[^\\s{_O}{_Q}]"
_NOT_SPACE_OPEN = f"[^\\s{_O}]"
_ELISION = f"(?i:{ELISION_RE.pattern})"
_ELIDED_N = f"(?i:{ELIDED_N_RE.pattern})"
_CONTRACTION = f"(?i:{CONTRACTION_RE.pattern})"

# Words of STRAY_LEFT_WORDS by length: a lookbehind must have one width.
_BY_LENGTH: dict[int, list[str]] = {}
for _word in sorted(STRAY_LEFT_WORDS):
    _BY_LENGTH.setdefault(len(_word), []).append(_word)


def _stray(mark: str) -> str:
    """``mark`` between a stray-left word and a letter that starts no contraction (``is’set``).

    A superset of ``quote_marks._is_stray_opener``: no word boundary is required on the left,
    and IGNORECASE matches every character whose lower case is in the word list (the Kelvin
    sign too).
    """
    words = "|".join(f"(?<=(?i:{'|'.join(group)}){mark})" for group in _BY_LENGTH.values())
    return f"{mark}(?=[^\\W\\d_])(?!{_CONTRACTION})(?:{words})"


#: A quote mark that is not in a canonical context (the negation of each context in the
#: module doc), or may be a stray opener. Every branch starts with its quote character, so the
#: regex engine scans for quote characters and reads the context only where one stands.
SUSPICIOUS_RE = re.compile(
    "|".join(
        (
            f"’(?<!{_NOT_SPACE_OPEN_QUOTE}’)",
            f"'(?:(?<=[{_Q}]')|(?=[{_Q}]))",
            f"“(?:(?<={_NOT_SPACE_OPEN}“)|(?![^\\s{_Q}]))",
            f"”(?<!{_NOT_SPACE_OPEN_QUOTE}”)",
            f"‘(?:(?<={_NOT_SPACE_OPEN}‘)|(?![^\\s{_Q}])|(?={_ELISION})|(?={_ELIDED_N}))",
            f'"(?:(?<=[{_Q}]")|(?=[{_Q}]))',
            *"‚‛„‟`´",
            _stray("’"),
            _stray("'"),
        )
    )
)


#: A straight ``'`` that is not an apostrophe between letters: canonical only in a paragraph
#: without curly single quotes, where it can only pair with another straight ``'``.
LOOSE_APOSTROPHE_RE = re.compile(f"'(?:(?<!{_NOT_SPACE_OPEN_QUOTE}')|(?![{LATIN_LETTERS}0-9]))")


def mixes_single_quotes(text: str) -> bool:
    """True if ``text`` has straight and curly single quotes, which may pair with each other.

    >>> mixes_single_quotes("the students' ‘union’"), mixes_single_quotes("the students' 'union'")
    (True, False)
    """
    return "'" in text and ("‘" in text or "’" in text)


def mixes_double_quotes(text: str) -> bool:
    """True if ``text`` has straight and curly double quotes, which may pair with each other.

    >>> mixes_double_quotes('"a" “b”'), mixes_double_quotes("“b”")
    (True, False)
    """
    return '"' in text and ("“" in text or "”" in text)


def all_canonical(text: str) -> bool:
    """True if every quote mark of ``text`` is in a canonical context (see the module doc).

    ``text`` is a paragraph or a whole text: paragraph breaks are whitespace, which reads as
    the edge of a paragraph in every context above, so a mark is suspicious in a paragraph
    exactly when it is suspicious in the whole text.

    >>> all_canonical("no quotes at all"), all_canonical("don't"), all_canonical("‘90s")
    (True, True, False)
    """
    return (
        SUSPICIOUS_RE.search(text) is None
        and not mixes_double_quotes(text)
        and not (mixes_single_quotes(text) and LOOSE_APOSTROPHE_RE.search(text))
    )
