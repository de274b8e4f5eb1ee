"""Long runs of quote marks: quote repair analyses a shortened copy and repeats what it found.

A paragraph made of a megabyte of ``’``, or of ``“‘“‘…x…’”’”``, is no quotation, but quote
repair must still read it in linear time, and reading a million marks one Python object at a
time costs several seconds. A run of quote characters that repeats one short unit (``’``,
``“‘``, ``''``) settles after a bounded number of marks: inside a run, a mark reads only quote
characters on either side, so every mark of a unit has the same role as the same mark one unit
earlier; each kind of quote keeps at most 64 open quotes (``quote_marks._MAX_STACK``); and after
``KEEP_UNITS`` units, every open quote the run could close is closed and every quote it opens
that could still be closed is among its last 64. The marks in between are unpaired and come out
the way the last unit before them does.

So ``shorten`` keeps the first and last ``KEEP_UNITS`` units of each long run and drops the
units in between, the analysis reads the shortened paragraph, and ``rebuild`` maps its edits
back: each dropped unit comes out as the unit kept right before it (and repeats its notes).
Every context the analysis reads around a mark (at most 40 characters) sees the same
characters, since the run is uniform on both sides of the cut. The result is the analysis of the
whole paragraph (``test_fast_paths`` compares it with the analysis of every mark on generated
runs of every unit).

>>> short, cuts = shorten("a " + "’" * 1000 + " b")
>>> len(short), cuts
(276, [Cut(at=138, removed=728, unit=1)])
>>> rebuild(short, [(137, 138, "'"), (138, 139, "'")], cuts) == (
...     "a " + "’" * 135 + "'" * 730 + "’" * 135 + " b"
... )
True
"""

from __future__ import annotations

import re
from typing import NamedTuple, TypeVar

from textfix.normalisers.quote_lexicon import QUOTE_CHARS

#: Units of a run kept on each side of the cut. The analysis settles within 128 marks of one
#: unit length (64 openers of each kind a ``''`` run may close); the rest is margin.
KEEP_UNITS = 136
#: The longest unit a run may repeat (``“‘“‘`` repeats ``“‘``).
MAX_UNIT = 4
#: A run is shortened only when at least this many units can go.
MIN_DROPPED_UNITS = 8

_T = TypeVar("_T")
_Q = re.escape("".join(sorted(QUOTE_CHARS)))
# A maximal run of quote characters long enough to shorten (the lookbehind starts each match at
# the start of a run, so no run is scanned twice).
_RUN_RE = re.compile(f"(?<![{_Q}])[{_Q}]{{{2 * KEEP_UNITS + MIN_DROPPED_UNITS},}}")
#: How far apart ``shorten`` looks for a repeated unit in a run of quote characters.
_STRIDE = 32


class Cut(NamedTuple):
    """``removed`` characters (whole units of ``unit`` characters) dropped at ``at`` in the
    shortened paragraph."""

    at: int
    removed: int
    unit: int


def _extent(para: str, start: int, unit: str, end: int) -> int:
    """How many whole copies of ``unit`` follow one another from ``start`` (before ``end``),
    found by doubling and then halving the number of copies compared: linear in the answer.

    >>> _extent("“‘“‘“‘x", 0, "“‘", 8), _extent("’’’", 0, "’", 3), _extent("a", 0, "’", 1)
    (3, 3, 0)
    """
    size = len(unit)
    good, step = 0, 1
    while start + (good + step) * size <= end and para.startswith(unit * step, start + good * size):
        good += step
        step *= 2
    while step > 1:
        step //= 2
        if start + (good + step) * size <= end and para.startswith(
            unit * step, start + good * size
        ):
            good += step
    return good


def _periodic(para: str, start: int, end: int) -> tuple[int, int, int] | None:
    """A long stretch of one repeated unit starting at ``start`` inside a run of quote
    characters ending at ``end``: ``(first, copies, unit length)``, or None.

    Each copy of the unit must read as the same marks, and the first copy must start a mark:
    ``'`` and backticks pair up into one mark (``''``, ``````), so a run of one of them
    repeats its pair from the start of the run (``first`` may lie before ``start``), a unit
    whose copies would pair them otherwise is left alone, and a stretch starting right after the
    character its first character would pair with starts one copy later.

    >>> _periodic("x" + "’" * 300, 1, 301), _periodic("“‘" * 300, 0, 600)
    ((1, 300, 1), (0, 300, 2))
    >>> _periodic("x" + "'" * 601, 101, 602), _periodic("'’'" * 300, 0, 900)
    ((1, 300, 2), None)
    >>> _periodic("'" + "'\\"" * 301, 1, 603)
    (3, 300, 2)
    """
    for length in range(1, MAX_UNIT + 1):
        unit = para[start : start + length]
        first = start
        if unit in ("'", "`"):
            while first > 0 and para[first - 1] == unit:
                first -= 1
            unit += unit
        elif "''" in unit + unit or "``" in unit + unit:
            continue
        copies = _extent(para, first, unit, end)
        if first > 0 and unit[0] in "'`" and para[first - 1] == unit[0]:
            first, copies = first + len(unit), copies - 1
        if copies >= 2 * KEEP_UNITS + MIN_DROPPED_UNITS:
            return first, copies, len(unit)
    return None


def shorten(para: str) -> tuple[str, list[Cut]]:
    """``para`` with the middle of each long stretch of one repeated unit dropped, and the cuts.

    Each run of quote characters is searched for such stretches every ``_STRIDE`` characters,
    so a stretch of ``2 * KEEP_UNITS + MIN_DROPPED_UNITS`` units and a stride is found
    wherever it starts.
    """
    if len(para) < 2 * KEEP_UNITS + MIN_DROPPED_UNITS:
        return para, []
    pieces: list[str] = []
    cuts: list[Cut] = []
    last = 0
    dropped = 0
    for match in _RUN_RE.finditer(para):
        at, end = match.span()
        while end - at >= 2 * KEEP_UNITS + MIN_DROPPED_UNITS:
            found = _periodic(para, at, end)
            if found is None or found[0] < last:
                at += _STRIDE
                continue
            first, copies, unit = found
            units = copies - 2 * KEEP_UNITS
            cut = first + KEEP_UNITS * unit
            pieces.append(para[last:cut])
            cuts.append(Cut(cut - dropped, units * unit, unit))
            last = cut + units * unit
            dropped += units * unit
            at = first + copies * unit
    if not cuts:
        return para, []
    pieces.append(para[last:])
    return "".join(pieces), cuts


def rebuild(short: str, edits: list[tuple[int, int, str]], cuts: list[Cut]) -> str:
    """The repaired whole paragraph from the edits ``(start, end, replacement)`` of the
    shortened one: each dropped unit comes out as the unit kept right before its cut does.

    >>> rebuild("a’’b", [(1, 2, "'"), (2, 3, "'")], [Cut(2, 3, 1)])
    "a'''''b"
    """
    edits = sorted(edits)
    pieces: list[str] = []
    last = 0
    index = 0
    for cut in cuts:
        unit_start = cut.at - cut.unit
        while index < len(edits) and edits[index][0] < unit_start:
            start, end, out = edits[index]
            pieces += (short[last:start], out)
            last = end
            index += 1
        unit_pieces: list[str] = []
        unit_last = unit_start
        while index < len(edits) and edits[index][0] < cut.at:
            start, end, out = edits[index]
            unit_pieces += (short[unit_last:start], out)
            unit_last = end
            index += 1
        unit_pieces.append(short[unit_last : cut.at])
        pieces += (short[last:unit_start], "".join(unit_pieces) * (cut.removed // cut.unit + 1))
        last = cut.at
    for start, end, out in edits[index:]:
        pieces += (short[last:start], out)
        last = end
    pieces.append(short[last:])
    return "".join(pieces)


def expand_notes(notes: list[tuple[int, _T]], cuts: list[Cut]) -> list[tuple[int, _T]]:
    """Notes ``(offset, text)`` in mark order, with the notes of the unit before each cut
    repeated for every unit dropped there.

    The notes of the marks repeated across a cut follow the note of the mark they repeat,
    in order, which is where the full analysis writes them.
    """
    if not cuts:
        return notes
    result: list[tuple[int, _T]] = []
    index = 0
    shift = 0
    for cut in cuts:
        unit_notes: list[tuple[int, _T]] = []
        while index < len(notes) and notes[index][0] < cut.at:
            offset, text = notes[index]
            result.append((offset + shift, text))
            if offset >= cut.at - cut.unit:
                unit_notes.append((offset + shift, text))
            index += 1
        for step in range(cut.unit, cut.removed + 1, cut.unit):
            result.extend((offset + step, text) for offset, text in unit_notes)
        shift += cut.removed
    result.extend((offset + shift, text) for offset, text in notes[index:])
    return result


def shifted(offset: int, cuts: list[Cut]) -> int:
    """An offset of the shortened paragraph in the whole one (an offset at a cut is the first
    character kept after it).

    >>> shifted(10, [Cut(5, 100, 1)]), shifted(4, [Cut(5, 100, 1)])
    (110, 4)
    """
    return offset + sum(cut.removed for cut in cuts if cut.at <= offset)
