"""Transliteration to ASCII with Unidecode (GPL-2.0-or-later; see README).

Runs after every repair, never before quote repair: Unidecode turns curly quotes into straight
ones, which would erase the direction ``repair_quotes`` needs.
"""

from __future__ import annotations

import warnings

from unidecode import unidecode


def transliterate(text: str) -> str:
    """Spell text in ASCII: accents dropped, other scripts romanised, typography simplified.

    >>> transliterate("café Straße Київ “quoted” …")
    'cafe Strasse Kiyiv "quoted" ...'
    >>> transliterate("already ascii")
    'already ascii'
    """
    if text.isascii():
        return text
    with warnings.catch_warnings():
        # Unidecode warns about (and drops) lone surrogates; dropping them is the right answer.
        warnings.simplefilter("ignore", RuntimeWarning)
        return str(unidecode(text))


def transliterate_reference(text: str) -> str:
    """``transliterate`` without its ASCII fast path, for the equivalence tests.

    >>> transliterate_reference("café")
    'cafe'
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return str(unidecode(text))
