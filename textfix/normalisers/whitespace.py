"""Whitespace: line breaks, runs of spaces, trailing spaces and blank lines.

Runs after ``fix_mojibake``: collapsing spaces first would destroy the no-break-space bytes that
mojibake repair relies on (``"Ã\\xa0"`` is a mangled ``"à"``), so the pipeline refuses that order.
"""

from __future__ import annotations

import re

# Every line separator Python's str.splitlines() knows, apart from "\n" itself.
LINE_BREAK_RE = re.compile(r"\r\n?|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Searched one by one with ``in``: a substring search runs at gigabytes per second, several
# times faster than a character-class regex or ``frozenset.isdisjoint`` over the text.
_LINE_BREAK_CHARS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")

# Horizontal whitespace textfix folds into one space. NBSP and other typographic spaces are the
# unicode step's business; the ideographic space U+3000 is correct in CJK text and is left alone.
HORIZONTAL_SPACE_RUN_RE = re.compile(r"[ \t]+")
# A paragraph break: a newline, any number of blank or whitespace-only lines, and the next line.
BLANK_LINES_RE = re.compile(r"\n(?:[ \t]*\n)+")
# The reference turns every maximal run of spaces, tabs and newlines into one space (no newline
# in the run), one newline (one) or a blank line (two or more), and drops the runs at either
# end; the fast path gets there in passes that each run only when their target is present.
# Its anomaly check: a newline with a space after or before it, or a third newline in a row.
# Each starts with "\n", so re jumps from newline to newline (measured on clean news: 0.8 us a
# document, where the three substring searches it replaces took 6).
_BREAK_ANOMALY_RE = re.compile(r"\n(?:(?<= \n)| |\n\n)")
_SPACES_AFTER_BREAK_RE = re.compile("\n +")
_SPACE_RUN_RE = re.compile("  +")
_NEWLINE_RUN_RE = re.compile(r"\n{3,}")
# Everything the fast path looks for (the equivalence tests put each in several contexts).
_ANOMALIES = ("\t", "  ", " \n", "\n ", "\n\n\n")


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
    # An ``or`` chain, not ``any()`` over a generator: most texts have none, and the generator
    # cost more than the nine searches. The last three cannot occur in ASCII text.
    if not (
        "\r" in text
        or "\x0b" in text
        or "\x0c" in text
        or "\x1c" in text
        or "\x1d" in text
        or "\x1e" in text
        or (not text.isascii() and ("\x85" in text or "\u2028" in text or "\u2029" in text))
    ):
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
    if "\t" in text:
        text = text.replace("\t", " ")
    if _BREAK_ANOMALY_RE.search(text):
        # Spaces after newlines go first: in indented text (Reuters) that removes most runs
        # of spaces, and the search for the others then finds none.
        text = _SPACES_AFTER_BREAK_RE.sub("\n", text)
        if "  " in text:
            text = _SPACE_RUN_RE.sub(" ", text)
        # Left now: at most one space before a newline, and runs of newlines; one search
        # tells whether either is there (most indented text has neither).
        if _BREAK_ANOMALY_RE.search(text):
            if " \n" in text:
                text = text.replace(" \n", "\n")
            if "\n\n\n" in text:
                # A single-character repeat: re runs it as one tight loop, where
                # BLANK_LINES_RE's repeated group keeps a backtracking mark per line.
                text = _NEWLINE_RUN_RE.sub("\n\n", text)
    elif "  " in text:
        # Searched with ``in`` first: a regex search that finds nothing costs more (5.7 us
        # against 3.3 on a 2,000-character text, measured). No space touches a newline here,
        # so collapsing runs cannot make " \n".
        text = _SPACE_RUN_RE.sub(" ", text)
    return text.strip(" \n")
