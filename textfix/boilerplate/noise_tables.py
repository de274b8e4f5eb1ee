"""Tables set out line by line in crawled text: rows of figures and words, not a list of links.

An HTML extractor writes a table's rows (or its cells) one per line. Short lines in a row read
like a menu to the position rules of :mod:`textfix.boilerplate.noise`, but a table has what a
menu lacks: a column structure that repeats. Each line gets a *shape*, the order of its
figures (``N``, a token of digits and punctuation: "2008–2009", "3,5", "12 %") and its words
(``W``, a run of other tokens); lines whose shape repeats every one, two or three lines at least
``MIN_TABLE_ROWS`` times, with a figure and a word in each row, are a table::

    - 2008–2009 Panthrakikos FC      N W
    - 2009–1/2010 Panionios FC       N W
    - 1–6/2010 KSC Lokeren           N W

What is left alone (no table): a numbered list of one link ("Bijoux 1", "Bijoux 2": the words
repeat, only the figure changes), a blog's category menu with its post counts ("Skönhet
(116)": a count in brackets at the end is no figure of a table), lines of more than
``MAX_CELL_WORDS`` words (prose), and rows an extractor wrote with pipes (``|a||b|``): on the
hand-labelled pages those were a wiki's infobox or a site's statistics far more often than the
text's data, and the ``noise.table-row`` rule reads them.

A table's column can also stand alone: three or more lines in a row holding one figure each
("320.18", "326.80", "||210:-") are measured values or prices. Such a column is content unless
its figures are all the same ("2010", "2010", "2010": a repeated field) or count up by one
("1", "2", "3": a pagination bar; "|02", "||03": a calendar); dates and clock times are left to
the date rules.

The shapes are read only over lines a strong rule does not name (those go wherever they stand),
so removing the other lines never breaks a table a second run would see: the step stays
idempotent.

>>> rows = ["Januar 3,5 4,1", "Februar 2,9 3,8", "März 6,0 7,2", "Impressum"]
>>> sorted(table_lines(rows, [None, None, None, "noise.menu"]))
[0, 1, 2]
>>> table_lines(["Bijoux 1", "Bijoux 2", "Bijoux 3"], [None] * 3)
set()
>>> table_lines(["Skönhet (116)", "Hudvård (333)", "Resor (7)"], [None] * 3)
set()
>>> sorted(table_lines(["Preise", "||210:-", "||260:-", "||370:-"], [None] * 4))
[1, 2, 3]
>>> table_lines(["Seite", "1", "2", "3", "4"], [None] * 5)
set()
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from textfix.boilerplate.noise_rules import WEAK_RULES

#: The fewest rows of a table.
MIN_TABLE_ROWS = 3
#: The most lines one row of a table is set out on (one cell per line).
MAX_ROW_LINES = 3
#: The most words of a line that can be a table's row or cell.
MAX_CELL_WORDS = 8
#: The fewest lines of a column of figures, and the longest figure cell (characters).
MIN_COLUMN_LINES = 3
MAX_FIGURE_CHARS = 16

# A figure: digits with the punctuation of numbers, dates and ranges ("1,975,955", "10/2010–3/2011",
# "12 %", "+3°"), but no letter ("n50029300" is an identifier, "18K" a word).
_FIGURE_RE = re.compile(r"[^\w]*\d[\d\W_]*")
# A count in brackets at the end of a line: a category menu's number of posts.
_COUNT_RE = re.compile(r"\s\(\d[\d.,\s]{0,12}\)$")
_LETTER_RE = re.compile(r"[^\W\d_]")
_NOT_LETTERS_RE = re.compile(r"[\W\d_]+")
# A date or a clock time inside a figure cell: "12.03.2015", "3/4/20", "0:43", "14:30".
_DATE_OR_TIME_RE = re.compile(r"\d[./-]\d{1,2}[./-]\d|\d:\d\d")
_NOT_DIGITS_RE = re.compile(r"\D+")
# A figure with at most a short unit after it ("12 kg", "25 m²", "3,5 Mio."), letters read as
# "a": at most four of them, after the figure.
_UNIT_RE = re.compile(r"[^a\d]*\d[^a]*(?: ?a{1,4}[^a\s]{0,2})?")
# What an extractor leaves around a table cell.
_CELL_EDGE = " \t|•*-–"


def line_shape(line: str) -> str:
    """The order of figures (``N``) and runs of words (``W``) in a line.

    >>> line_shape("- 10/2010–3/2011 Panthrakikos FC"), line_shape("Skönhet (116)")
    ('NW', 'W')
    >>> line_shape("* * *")
    ''
    """
    text = _COUNT_RE.sub("", line.strip())
    shape: list[str] = []
    for token in text.split():
        if _FIGURE_RE.fullmatch(token):
            shape.append("N")
        elif _LETTER_RE.search(token) and shape[-1:] != ["W"]:
            shape.append("W")
    return "".join(shape)


def _words(line: str) -> str:
    """The line's words alone, lower case: what changes from one row of a table to the next."""
    return _NOT_LETTERS_RE.sub(" ", line).strip().lower()


def table_lines(lines: Sequence[str], rules: Sequence[str | None]) -> set[int]:
    """The indexes of the lines that are a table's rows, cells or columns of figures (see the
    module's docstring).

    ``rules`` holds the rule each line's text alone is named by (``None``: none); lines a
    strong rule names are left out of the shapes (a column of figures is read over every
    line: its cells have no words), blank lines are skipped.
    """
    read = [
        index
        for index, line in enumerate(lines)
        if line.strip() and (rules[index] is None or rules[index] in WEAK_RULES)
    ]
    shapes = [_cell_shape(lines[index]) for index in read]
    words = [_words(lines[index]) for index in read]
    table = figure_columns(lines)
    for period in range(1, MAX_ROW_LINES + 1):
        # A line continues a table of this period when it has the shape of the line one row up
        # and the rows differ in their words: a maximal run of such lines, with the row above
        # its first, is a stretch of rows.
        start = 0
        while start < len(read):
            end = start + period
            while end < len(read) and _continues(shapes, words, start, end, period):
                end += 1
            row = "".join(shape or "" for shape in shapes[start : start + period])
            if end - start >= MIN_TABLE_ROWS * period and "N" in row and "W" in row:
                table.update(read[start:end])
            # A stretch starting before ``end - period + 1`` ends at ``end`` too: none is longer.
            start = max(start + 1, end - period + 1)
    return table


def figure_columns(lines: Sequence[str]) -> set[int]:
    """The lines of columns of figures: ``MIN_COLUMN_LINES`` or more lines in a row (blank
    lines skipped) holding one figure each, neither all equal nor counting up by one.

    >>> sorted(figure_columns(["Messwerte", "320.18", "320.49", "326.19"]))
    [1, 2, 3]
    >>> sorted(figure_columns(["12 kg", "15 kg", "25 kg"]))
    [0, 1, 2]
    >>> figure_columns(["2010", "2010", "2010"]), figure_columns(["|02", "||03", "||04"])
    (set(), set())
    """
    nonblank = [index for index, line in enumerate(lines) if line.strip()]
    values = [_figure_value(lines[index]) for index in nonblank]
    columns: set[int] = set()
    start = 0
    while start < len(nonblank):
        end = start
        while end < len(values) and values[end] is not None:
            end += 1
        run = [value for value in values[start:end] if value is not None]
        if len(run) >= MIN_COLUMN_LINES and not _is_count(run):
            columns.update(nonblank[start:end])
        start = end + 1
    return columns


def _figure_value(line: str) -> int | None:
    """The digits of a line holding one figure and nothing else but a short unit ("||210:-",
    "320.18", "12 %", "25 kg"), as a number; ``None`` for any other line (words, dates, clock
    times, long lines)."""
    cell = line.strip(_CELL_EDGE)
    if (
        not cell
        or len(cell) > MAX_FIGURE_CHARS
        or _DATE_OR_TIME_RE.search(cell)
        or len(cell.split()) > 2
        or _UNIT_RE.fullmatch(_LETTER_RE.sub("a", cell)) is None
    ):
        return None
    digits = _NOT_DIGITS_RE.sub("", cell)
    return int(digits) if digits else None


def _is_count(values: list[int]) -> bool:
    """All the same, or each one more than the one before: a repeated field or a page bar."""
    return all(value == values[0] for value in values) or all(
        later == earlier + 1 for earlier, later in pairwise(values)
    )


def _cell_shape(line: str) -> str | None:
    """The shape of a line that can be a table's row or cell, else ``None``."""
    if "||" in line or len(line.split()) > MAX_CELL_WORDS:
        return None
    return line_shape(line) or None


def _continues(
    shapes: list[str | None], words: list[str], start: int, index: int, period: int
) -> bool:
    """Line ``index`` has the shape of the line one row up, and the row ending with it differs
    in its words from the row above (a unit repeated down a column is fine; a link numbered
    1, 2, 3 is no table)."""
    if shapes[index] is None or shapes[index] != shapes[index - period]:
        return False
    first = max(index - period + 1, start + period)
    return any(words[line] != words[line - period] for line in range(first, index + 1))
