"""Whitespace: line breaks, runs of spaces, trailing spaces and blank lines.

Runs after ``fix_mojibake``: collapsing spaces first would destroy the no-break-space bytes that
mojibake repair relies on (``"Ã\\xa0"`` is a mangled ``"à"``), so the pipeline refuses that order.
"""

from __future__ import annotations

import re

# Every line separator Python's str.splitlines() knows, apart from "\n" itself.
LINE_BREAK_RE = re.compile(r"\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_LINE_BREAK_CHARS = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")

# Horizontal whitespace textfix folds into one space. NBSP and other typographic spaces are the
# unicode step's business; the ideographic space U+3000 is correct in CJK text and is left alone.
HORIZONTAL_SPACE_RUN_RE = re.compile(r"[ \t]+")
# A paragraph break: a newline, any number of blank or whitespace-only lines, and the next line.
BLANK_LINES_RE = re.compile(r"\n(?:[ \t]*\n)+")
# A line that needs work: a tab, two spaces, or a space at either end of a line.
WHITESPACE_ANOMALY_RE = re.compile(r"\t| {2}|^ | $|\n\n\n", re.MULTILINE)


def normalise_line_breaks(text: str) -> str:
    r"""Turn every kind of line break into ``"\n"``.

    Windows ``\r\n``, old Mac ``\r``, the Unicode line and paragraph separators, NEL, vertical
    tab, form feed and the ASCII group/record separators all end lines for ``str.splitlines``;
    textfix makes them one.

    >>> normalise_line_breaks("a\r\nb\rc\u2028d")
    'a\nb\nc\nd'
    >>> normalise_line_breaks("plain\ntext")
    'plain\ntext'
    """
    if _LINE_BREAK_CHARS.isdisjoint(text):
        return text
    return LINE_BREAK_RE.sub("\n", text)


def normalise_whitespace(text: str) -> str:
    r"""Tidy whitespace: one kind of line break, single spaces, single blank lines.

    Line breaks become ``"\n"``; runs of spaces and tabs inside a line become one space; spaces
    at the start and end of lines go; paragraphs are separated by exactly one blank line; the
    text has no leading or trailing blank lines. Single line breaks inside a paragraph stay.
    Typographic spaces (NBSP, thin space, ideographic space) are left to the unicode step.

    >>> normalise_whitespace("  Hello   world \r\n\r\n\r\nNext\tparagraph\n\n")
    'Hello world\n\nNext paragraph'
    >>> normalise_whitespace("line one\nline two")
    'line one\nline two'
    """
    text = normalise_line_breaks(text)
    if (
        not WHITESPACE_ANOMALY_RE.search(text)
        and not text.startswith("\n")
        and not (text.endswith("\n"))
    ):
        return text
    text = HORIZONTAL_SPACE_RUN_RE.sub(" ", text)
    text = BLANK_LINES_RE.sub("\n\n", text.replace(" \n", "\n").replace("\n ", "\n"))
    return text.strip(" \n")
