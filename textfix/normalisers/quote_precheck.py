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

Two more savings live here. ``suspicious_marks`` checks a whole text with one literal-led regex
per quote character present, which is several times faster than one regex over all of them.
``MARK_TOKENS`` lets the full analysis of a paragraph leave out its plain apostrophes
(``don’t``), which could not change its result.

>>> all_canonical("“It’s done,” she said of O’Neill’s ‘plan’.")
True
>>> all_canonical("Russia is’set to invade"), all_canonical("”Wrong way”")
(False, False)
>>> all_canonical('He said "yes" and “no”')
False
"""

from __future__ import annotations

import re

from textfix.normalisers.quote_contractions import SPLIT_PATTERNS
from textfix.normalisers.quote_lexicon import (
    CONTRACTION_RE,
    ELIDED_N_RE,
    ELIDED_YEAR_RE,
    ELISION_RE,
    LEAD_IN_PUNCT,
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
    sign too). ``mark`` is a regex for the mark's character; the pattern starts with it.
    """
    words = "|".join(f"(?<=(?i:{'|'.join(group)}){mark})" for group in _BY_LENGTH.values())
    return f"{mark}{_AFTER_STRAY}(?:{words})"


def _lead_in(mark: str) -> str:
    """``mark`` between punctuation that leads in a quotation and a word (``said,”Fine.”``)."""
    return f"{mark}(?<=[{re.escape(''.join(sorted(LEAD_IN_PUNCT)))}]{mark})(?=[^\\W_])"


def _before_closing_punct(mark: str) -> str:
    """``mark`` between a space and closing punctuation (``‘a′ ‘.``): pairing may read it as the
    padded closer of an open quote, so the full analysis must see it."""
    return f"{mark}(?<=\\s{mark})(?=[.,;:!?)\\]}}])"


def _apart(mark: str) -> str:
    """``mark`` followed by spaces and punctuation that ends a clause (``“No” , she said``)."""
    return f"{mark}(?=[ \\t]+[,.;:!?](?:\\s|$))"


def _split_contraction(mark: str) -> str:
    """``mark`` in a contraction split by a space (``It’ s``, ``it 's``, ``do n't``): a superset
    of what ``quote_contractions.join_contractions`` closes up."""
    return f"{mark}(?:{'|'.join(SPLIT_PATTERNS.values())})"


_LETTER = "[^\\W\\d_]"
_YEAR = f"(?:{ELIDED_YEAR_RE.pattern})"

# What follows a stray opener: a letter that starts no contraction.
_AFTER_STRAY = f"(?=[^\\W\\d_])(?!{_CONTRACTION})"


#: Each quote character's suspicious contexts: the negation of its canonical context in the
#: module doc, or a possible stray opener. Every pattern starts with its character.
_SUSPICIOUS_BY_CHAR: dict[str, tuple[str, ...]] = {
    # ... and either glued between punctuation that leads in a quotation and a word (said,’no’)
    # ... or a closer set apart from the punctuation after it (‘No’ , she said)
    # ... or a contraction split by a space (It’ s, do n’t), which quote repair closes up
    "’": (
        f"’(?<!{_NOT_SPACE_OPEN_QUOTE}’)",
        _stray("’"),
        _lead_in("’"),
        _apart("’"),
        _split_contraction("’"),
    ),
    "'": (f"'(?:(?<=[{_Q}]')|(?=[{_Q}]))", _stray("'"), _lead_in("'"), _split_contraction("'")),
    # ... and an opener between a space and closing punctuation, which may close a padded pair
    "“": (f"“(?:(?<={_NOT_SPACE_OPEN}“)|(?![^\\s{_Q}]))", _before_closing_punct("“")),
    # ... and ” glued to a letter on both sides (it”a), between , : ; and a word (said,”Fine.”),
    # or between the end of a sentence and a word (“Stop.”He ran: a closer that swallowed a space)
    "”": (
        f"”(?<!{_NOT_SPACE_OPEN_QUOTE}”)",
        f"”(?<={_LETTER}”)(?={_LETTER})",
        _lead_in("”"),
        f"”(?<=[.!?…]”)(?={_LETTER})",
        _apart("”"),
    ),
    "‘": (
        f"‘(?:(?<={_NOT_SPACE_OPEN}‘)|(?![^\\s{_Q}])|(?={_ELISION})|(?={_ELIDED_N})|(?={_YEAR}))",
        _before_closing_punct("‘"),
    ),
    # ... and " with a space inside it: padding (" We won, " he said)
    '"': (
        f'"(?:(?<=[{_Q}]")|(?=[{_Q}]))',
        f'"(?<![^\\s{_O}]")(?=[ \\t])',
        '"(?<=[ \\t]")(?![^\\s.,;:!?)\\]}])',
    ),
    **{char: (re.escape(char),) for char in "‚‛„‟`´"},
}

#: A quote mark that is not in a canonical context, as one regex: the definition that
#: ``suspicious_marks`` splits by character (the tests check they find the same marks).
SUSPICIOUS_RE = re.compile("|".join(p for ps in _SUSPICIOUS_BY_CHAR.values() for p in ps))

# One regex per quote character. Each starts with a literal character, which the regex engine
# finds with a tight loop (under 0.5 ns a character), where one regex over all quote characters
# tests a character set at every position (about 3 ns a character: 5 us on a 1,500-character
# news text, most of what quote repair cost). A text without the character skips its regex
# after ``char in text``, which is vectorised (and instant for a non-ASCII character in an
# ASCII string).
_CHAR_REGEXES = tuple((char, re.compile("|".join(ps))) for char, ps in _SUSPICIOUS_BY_CHAR.items())
_ASCII_CHAR_REGEXES = tuple((char, regex) for char, regex in _CHAR_REGEXES if char.isascii())


def suspicious_marks(text: str) -> list[int]:
    """The sorted offsets of the marks of ``text`` that ``SUSPICIOUS_RE`` finds.

    >>> suspicious_marks("it’s ”wrong” and 'fine'")
    [5]
    >>> suspicious_marks("Russia is’set to invade in DAYS’"), suspicious_marks("don't")
    ([9], [])
    """
    found: list[int] = []
    for char, regex in _ASCII_CHAR_REGEXES if text.isascii() else _CHAR_REGEXES:
        # Most texts have no suspicious mark: a search that finds none is cheaper than an
        # empty finditer.
        first = regex.search(text) if char in text else None
        if first is not None:
            found += [match.start() for match in regex.finditer(text, first.start())]
    found.sort()
    return found


# --- marks the full analysis may skip ---------------------------------------------------------

_LETTER_OR_DIGIT = f"[{LATIN_LETTERS}0-9]"


def _mark_tokens(skipped: str) -> re.Pattern[str]:
    """``TOKEN_RE`` without the plain apostrophes among the characters of ``skipped``.

    A plain apostrophe is a ``’`` or ``'`` between two Latin letters or ASCII digits
    (``don’t``, ``O'Neill``, ``1990’s``) that ``_stray`` cannot read as a stray opener. Why
    the analysis of ``quote_marks`` and ``quotes`` may leave it out:

    - its role is ``inner`` and stays so: no lexicon rule applies to ``’`` or ``'`` between
      letters, and the ``’n’`` rule only marks a mark that no letter follows;
    - ``inner`` marks never pair, never open and count as no closer, and it is no stray
      opener (``_stray`` is a superset of ``_is_stray_opener``), so the stacks and every
      other mark's partner are the same without it;
    - no other mark touches it (letters stand on both sides), so the mark before and after it
      read the same context, and no ``''`` token includes it;
    - its output is its glyph, with no note: in ``keep`` style for both characters, in
      ``straight`` style for ``'`` (a ``’`` is flattened) and in ``curly`` style for ``’``
      (a ``'`` is turned), which is why ``skipped`` depends on the style.

    Same structure as ``TOKEN_RE`` (a character set first, for speed): after a quote
    character, the first alternative that holds makes it a mark, and a plain apostrophe of
    ``skipped`` fails them all.

    >>> [m.group() for m in MARK_TOKENS["keep"].finditer("“It’s O'Neill’s ’90s” is’set ''")]
    ['“', '’', '”', '’', "''"]
    >>> [m.group() for m in MARK_TOKENS["straight"].finditer("It’s O'Neill’s")]
    ['’', '’']
    """
    apostrophe = "[’']"
    stray = _stray(apostrophe)[len(apostrophe) :]  # its context after the mark
    return re.compile(
        f"[{_Q}](?:"
        "(?<=`)`?|(?<=')'"  # ``, '' (one mark), and any backtick
        f"|(?<=[^{skipped}])"  # a character that is never skipped
        f"|(?<!{_LETTER_OR_DIGIT}.)|(?!{_LETTER_OR_DIGIT})"  # not between letters or digits
        f"|{stray}"  # possibly a stray opener
        ")"
    )


#: The marks quote repair reads in each style (see ``_mark_tokens``).
MARK_TOKENS = {
    "keep": _mark_tokens("’'"),
    "straight": _mark_tokens("'"),
    "curly": _mark_tokens("’"),
}


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


def mixes_quotes(text: str) -> bool:
    """True if straight and curly quotes of ``text`` may pair with each other.

    Straight single quotes mix with curly ones only if one of them is not an apostrophe
    between letters (``LOOSE_APOSTROPHE_RE``). ``text`` is a paragraph or a whole text: a
    whole text mixes its quotes if one of its paragraphs does.

    >>> mixes_quotes('"a" “b”'), mixes_quotes("don't ‘b’"), mixes_quotes("'a' ‘b’")
    (True, False, True)
    """
    return mixes_double_quotes(text) or bool(
        mixes_single_quotes(text) and LOOSE_APOSTROPHE_RE.search(text)
    )


def all_canonical(text: str) -> bool:
    """True if every quote mark of ``text`` is in a canonical context (see the module doc).

    ``text`` is a paragraph or a whole text: paragraph breaks are whitespace, which reads as
    the edge of a paragraph in every context above, so a mark is suspicious in a paragraph
    exactly when it is suspicious in the whole text.

    >>> all_canonical("no quotes at all"), all_canonical("don't"), all_canonical("‘90s")
    (True, True, False)
    """
    return not suspicious_marks(text) and not mixes_quotes(text)
