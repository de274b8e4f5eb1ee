"""Transliteration to ASCII with Unidecode (GPL-2.0-or-later; see README).

Runs after every repair, never before quote repair: Unidecode turns curly quotes into straight
ones, which would erase the direction ``repair_quotes`` needs.

Spelling a character in ASCII can complete an HTML entity (``"&d"`` + ``"ⅆ"`` + ``";"`` is
``"&dd;"``), which ``fix_mojibake`` would decode on the next pass, and the character it decodes
to may be transliterated into the next entity. So ``transliterate`` decodes such entities
itself, the way ``fix_mojibake`` does, transliterating what they decode to in the same pass (in
text it changed: ASCII text comes back as it is).
"""

from __future__ import annotations

import warnings

from unidecode import unidecode

from textfix.normalisers.encoding import unescape_html_text
from textfix.normalisers.unicode import remove_control_chars


def _unidecode(text: str) -> str:
    with warnings.catch_warnings():
        # Unidecode warns about (and drops) lone surrogates; dropping them is the right answer.
        warnings.simplefilter("ignore", RuntimeWarning)
        return str(unidecode(text))


def _finish_decoded(decoded: str) -> str:
    """What an entity decodes to, as the ascii preset leaves it: visible and in ASCII."""
    return _unidecode(remove_control_chars(decoded))


def transliterate(text: str) -> str:
    """Spell text in ASCII: accents dropped, other scripts romanised, typography simplified.

    >>> transliterate("café Straße Київ “quoted” …")
    'cafe Strasse Kiyiv "quoted" ...'
    >>> transliterate("already ascii")
    'already ascii'
    >>> transliterate("&d&d&d&d\u2146;;;; caf&eacute;")  # "&d" + "ⅆ" + ";" is "&dd;" (ⅆ)
    'd cafe'
    """
    if text.isascii():
        return text
    spelled = _unidecode(text)
    if "&" not in spelled:
        return spelled
    return unescape_html_text(spelled, _finish_decoded)
