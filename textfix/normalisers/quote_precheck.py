"""The fast check of quote repair: is every quote mark of a text already in a canonical context?

Most text needs no quote repair: its apostrophes stand between letters and its quotations open
after a space and close before one. When every mark is in one of the contexts below, the full
analysis of ``quote_marks`` provably changes nothing in ``keep`` style (and ``straight`` style
only flattens curly marks), so ``repair_quotes`` skips it. Each context is chosen so that the
mark's role, its pairing and its output glyph are fixed whatever the other canonical marks are:

- ``’`` after a character that is not a space, an opening bracket/dash or a quote: an
  apostrophe or a closing quote. It never opens, and a ``’`` closer only ever pairs with a ``‘``
  opener, which it already matches. (Where ``’`` is a stray opener, ``is’set``, see STRAY_RE.)
- ``'`` between a non-space, non-quote character and a Latin letter or ASCII digit: an
  apostrophe (role ``inner``), which never pairs.
- ``“`` and ``‘`` at the start or after a space or opening punctuation, before a character that
  is neither a space nor a quote: openers already facing the right way, with no padding to
  remove. ``‘`` must not start an elision (``‘90s``, ``‘n’``), which makes it an apostrophe.
- ``”`` after a character that is not a space, opening punctuation or a quote: a closer (or an
  inch mark after a digit) facing the right way, with no padding before it.
- ``"`` with no quote beside it, in a paragraph without ``“`` or ``”``: straight marks pair only
  with straight marks, and a straight pair keeps its glyphs in ``keep`` style.

No two marks may touch (a mark beside a quote changes the next mark's context). Anything else
(backticks, acute accents, low-9 quotes, ``''``, reversed or padded quotes, straight single
quotes as quotation marks, stray openers) sends the paragraph through the full analysis.
Known false negatives (full analysis, same result, only slower): apostrophes next to non-Latin
letters, ``‘`` after a letter, straight ``'`` used as quotation marks.

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

#: Every quote character, each matched alone (``''`` counts as two).
ANY_QUOTE_RE = re.compile(f"[{_Q}]")

#: Quote characters in canonical contexts. Each branch starts with the quote itself, so the
#: regex engine scans for the quote characters and only then checks the context.
CANONICAL_RE = re.compile(
    "|".join(
        (
            f"’(?<=[^\\s{_O}{_Q}]’)",
            f"'(?<=[^\\s{_O}{_Q}]')(?=[{LATIN_LETTERS}0-9])",
            f"“(?<![^\\s{_O}]“)(?=[^\\s{_Q}])",
            f"”(?<=[^\\s{_O}{_Q}]”)",
            f"‘(?<![^\\s{_O}]‘)(?=[^\\s{_Q}])(?!(?i:{ELISION_RE.pattern}))"
            f"(?!(?i:{ELIDED_N_RE.pattern}))",
            f'"(?<![{_Q}]")(?![{_Q}])',
        )
    )
)

# A mark between a word quote repair reads as one before a quotation that swallowed its space
# (``is’set``) and a letter that does not start a contraction: maybe a stray opener. A superset
# of ``quote_marks._is_stray_opener``: no word boundary is required on the left, and
# IGNORECASE matches every character whose lower case is in the word list (the Kelvin sign too).
# The regex starts with the mark, so the engine scans for marks; the words are read with one
# fixed-width lookbehind per word length.
_BY_LENGTH: dict[int, list[str]] = {}
for _word in sorted(STRAY_LEFT_WORDS):
    _BY_LENGTH.setdefault(len(_word), []).append(_word)
STRAY_RE = re.compile(
    f"['’](?=[^\\W\\d_])(?!(?i:{CONTRACTION_RE.pattern}))(?:"
    + "|".join(f"(?<=(?i:{'|'.join(words)})['’])" for words in _BY_LENGTH.values())
    + ")"
)
_CURLY_DOUBLES = ("“", "”")


def all_canonical(text: str) -> bool:
    """True if every quote mark of ``text`` is in a canonical context (see the module doc).

    ``text`` is a paragraph or a whole text: paragraph breaks are whitespace, which reads as
    the edge of a paragraph in every context above.

    >>> all_canonical("no quotes at all"), all_canonical("don't")
    (True, True)
    """
    count = len(ANY_QUOTE_RE.findall(text))
    if not count:
        return True
    if len(CANONICAL_RE.findall(text)) != count or STRAY_RE.search(text) is not None:
        return False
    return not ('"' in text and any(curly in text for curly in _CURLY_DOUBLES))
