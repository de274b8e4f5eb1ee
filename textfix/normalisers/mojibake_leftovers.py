"""Mojibake that ftfy leaves alone because it also reads as correct text.

ftfy's badness heuristic does not flag a capital ``Ã`` before ``…``, ``Œ`` or ``Ž``: those are
the cp1252 mojibake of ``Å``, ``Ì`` and ``Î`` (UTF-8 ``C3 85``, ``C3 8C``, ``C3 8E``), but
``…`` is common punctuation and ftfy does not judge the pair bad on its own. When it is the only
mojibake on its line, ``"Ingrid Ã…berg"`` is left as it is. textfix repairs such a pair only
where the text shows it is mojibake:

- at the start of a word and followed by a lower-case letter (``Ã…berg``, ``ÃŽle``): correct
  text never glues a lower-case letter to a capital ``Ã`` and an ellipsis;
- followed by any letter (``HÃ…KAN``) when the text held other mojibake: a pair of the first
  kind, or mojibake that ftfy repaired.

A pair followed by anything but a letter is left alone: ``"IRMÃ…"`` is Portuguese in capitals
followed by an ellipsis, and ``"Ã… is"`` is prose about mojibake. ``Ã’`` (``Ò``) is not
repaired: ``’`` is also an apostrophe (``"the letter Ã’s shape"``).
"""

from __future__ import annotations

import re

from textfix.normalisers.ftfy_triggers import is_bad

#: The second character of each leftover pair, and the letter the pair stands for.
LEFTOVERS = {"…": "Å", "Œ": "Ì", "Ž": "Î"}

_LEFTOVER_RE = re.compile("Ã[…ŒŽ]")


def _repaired(before: str, after: str) -> bool:
    """True when ftfy found mojibake in ``before`` and ``after`` no longer shows any."""
    return is_bad(before) and not is_bad(after)


def fix_leftover_mojibake(before: str, after: str) -> str:
    """Repair the pairs of ``after`` that ftfy left (see the module docstring).

    ``before`` is the text ftfy was given and ``after`` what it made of it; their difference is
    the evidence that the text was mojibaked.

    >>> fix_leftover_mojibake("By Ingrid Ã…berg", "By Ingrid Ã…berg")
    'By Ingrid Åberg'
    >>> fix_leftover_mojibake("CafÃ© HÃ…KAN", "Café HÃ…KAN")
    'Café HÅKAN'
    >>> fix_leftover_mojibake("HÃ…KAN", "HÃ…KAN")
    'HÃ…KAN'
    >>> fix_leftover_mojibake("CafÃ© Ã… is", "Café Ã… is"), fix_leftover_mojibake("IRMÃ…", "IRMÃ…")
    ('Café Ã… is', 'IRMÃ…')
    """
    if "Ã" not in after:
        return after
    candidates: list[tuple[int, int, bool]] = []
    for match in _LEFTOVER_RE.finditer(after):
        start, end = match.span()
        following = after[end : end + 1]
        if following.isalpha():
            alone = following.islower() and (start == 0 or not after[start - 1].isalnum())
            candidates.append((start, end, alone))
    if not candidates:
        return after
    evidence = any(alone for _, _, alone in candidates) or _repaired(before, after)
    pieces: list[str] = []
    done = 0
    for start, end, alone in candidates:
        if alone or evidence:
            pieces.append(after[done:start])
            pieces.append(LEFTOVERS[after[start + 1]])
            done = end
    pieces.append(after[done:])
    return "".join(pieces)
