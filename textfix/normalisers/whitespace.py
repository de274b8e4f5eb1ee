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
# Runs that actually change: any run holding a tab, or two or more spaces. (A lone space
# is replaced by itself under ``HORIZONTAL_SPACE_RUN_RE``; skipping it gives the same text.)
_NEWLINE_RUN_RE = re.compile(r"\n{3,}")
_CHANGING_SPACE_RUN_RE = re.compile(r"\t[ \t]*| [ \t]+")
_SPACE_RUN_RE = re.compile("  +")
# Inside a text, whitespace needs work only where one of these occurs: a tab, two spaces, a
# space at the end or start of a line, or two blank lines in a row.
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


def has_whitespace_anomaly(text: str) -> bool:
    r"""True unless ``normalise_whitespace`` would return ``text`` (with ``"\n"`` breaks) unchanged.

    The fast check of ``normalise_whitespace``: a few substring searches instead of regexes.

    >>> has_whitespace_anomaly("one\n\ntwo"), has_whitespace_anomaly("one \ntwo")
    (False, True)
    >>> has_whitespace_anomaly("\none"), has_whitespace_anomaly("one\n\n\ntwo")
    (True, True)
    """
    return (
        text[:1] in (" ", "\n")
        or text[-1:] in (" ", "\n")
        or "\t" in text
        or "  " in text
        or " \n" in text
        or "\n " in text
        or "\n\n\n" in text
    )


def normalise_whitespace(text: str) -> str:
    r"""Tidy whitespace: one kind of line break, single spaces, single blank lines.

    Line breaks become ``"\n"``; runs of spaces and tabs inside a line become one space; spaces
    at the start and end of lines go; paragraphs are separated by exactly one blank line; the
    text has no leading or trailing blank lines. Single line breaks inside a paragraph stay.
    Typographic spaces (NBSP, thin space, ideographic space) are left to the unicode step.
    The result is always ``normalise_whitespace_reference(text)``.

    >>> normalise_whitespace("  Hello   world \r\n\r\n\r\nNext\tparagraph\n\n")
    'Hello world\n\nNext paragraph'
    >>> normalise_whitespace("line one\nline two")
    'line one\nline two'
    """
    text = normalise_line_breaks(text)
    if not has_whitespace_anomaly(text):
        return text
    # Each stage runs only when its target is present; skipped stages would be identities.
    if "\t" in text:
        text = _CHANGING_SPACE_RUN_RE.sub(" ", text)
    elif "  " in text:
        # Without tabs only runs of two or more spaces change; a regex for just those runs is
        # faster (measured: 17 ms against 27 ms on the clean benchmark corpus) than halving
        # them with str.replace, which takes log2(n) rounds for a run of n.
        text = _SPACE_RUN_RE.sub(" ", text)
    if " \n" in text:
        text = text.replace(" \n", "\n")
    if "\n " in text:
        text = text.replace("\n ", "\n")
    # Spaces and tabs beside line breaks are gone now, so the only blank-line runs left to
    # collapse are three or more newlines.
    if "\n\n\n" in text:
        # A single-character repeat: re runs it as one tight loop, where BLANK_LINES_RE's
        # repeated group keeps a backtracking mark per line and slows on long runs.
        text = _NEWLINE_RUN_RE.sub("\n\n", text)
    return text.strip(" \n")


def normalise_whitespace_reference(text: str) -> str:
    r"""``normalise_whitespace`` without fast paths, for the equivalence tests.

    >>> normalise_whitespace_reference(" a  b \n\n\n c ")
    'a b\n\nc'
    """
    text = LINE_BREAK_RE.sub("\n", text)
    text = HORIZONTAL_SPACE_RUN_RE.sub(" ", text)
    text = BLANK_LINES_RE.sub("\n\n", text.replace(" \n", "\n").replace("\n ", "\n"))
    return text.strip(" \n")
