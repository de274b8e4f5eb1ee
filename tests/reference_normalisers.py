"""Test oracles: each fast-pathed normaliser of textfix done the slow way, on every text.

Not a test module: ``test_fast_paths.py`` and ``test_mojibake_fast_paths.py`` compare each step
with its reference here, on generated and real text.
"""

from __future__ import annotations

import unicodedata
import warnings

import ftfy
from unidecode import unidecode

from textfix.normalisers import ascii as ascii_step
from textfix.normalisers import encoding
from textfix.normalisers.encoding import line_breaks_for_ftfy, settle_mojibake
from textfix.normalisers.entities import settle_entities
from textfix.normalisers.mojibake_leftovers import fix_leftover_mojibake
from textfix.normalisers.unicode import (
    INVISIBLE_RE,
    NO_BREAK_SPACES_RE,
    SOFT_HYPHEN,
    bound_combining_runs,
)
from textfix.normalisers.whitespace import normalise_whitespace_by_line


def fix_mojibake_reference(text: str) -> str:
    """``fix_mojibake`` with every round's text given whole to ``ftfy.fix_text``."""
    text = line_breaks_for_ftfy(text)
    composed = _compose(text)

    # encoding.FTFY_CONFIG read at each call: a test may patch it.
    def ftfy_round(value: str) -> str:
        return ftfy.fix_text(value, encoding.FTFY_CONFIG)

    fixed = settle_mojibake(composed, ftfy_round)
    # As in ``fix_mojibake``: a repaired leftover is settled again by ftfy ("Ã…\x83" is "Å\x83",
    # then "Ń"), with the whole call's change as the evidence.
    for _ in range(encoding.LEFTOVER_ROUNDS):
        repaired = fix_leftover_mojibake(composed, fixed)
        if repaired == fixed:
            break
        fixed = settle_mojibake(_compose(repaired), ftfy_round)
    return text if fixed == composed else fixed


def remove_control_chars_reference(text: str) -> str:
    """``remove_control_chars`` without its fast checks."""
    return INVISIBLE_RE.sub("", text).replace(SOFT_HYPHEN, "")


def normalise_unicode_reference(text: str) -> str:
    """``normalise_unicode`` without its fast checks."""
    return NO_BREAK_SPACES_RE.sub(" ", _compose(text))


def _compose(text: str) -> str:
    """``compose`` without its ASCII shortcut: NFC text as it is, other text bounded and NFC."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", bound_combining_runs(text))


def normalise_whitespace_reference(text: str) -> str:
    """``normalise_whitespace`` without its fast path for prose: every text line by line."""
    return normalise_whitespace_by_line(text)


def transliterate_reference(text: str) -> str:
    """``transliterate`` without its ASCII fast path."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        spelled = str(unidecode(text))
    if spelled == text:
        return text
    return ascii_step.unescape_html_text(spelled, ascii_step._finish_decoded)


def settle_entities_reference(text: str) -> str:
    """``settle_entities(text, str)`` as rounds of ftfy's ``unescape_html`` until none changes."""
    while (unescaped := ftfy.fixes.unescape_html(text)) != text:
        text = unescaped
    return text


__all__ = [
    "fix_mojibake_reference",
    "normalise_unicode_reference",
    "normalise_whitespace_reference",
    "remove_control_chars_reference",
    "settle_entities",
    "settle_entities_reference",
    "transliterate_reference",
]
