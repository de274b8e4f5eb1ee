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
# A nested Markdown list item: an indent, then a bullet or a number and a space.
_LIST_ITEM_RE = re.compile(r"[ \t]+(?:[-*+]|\d{1,9}[.)]) ")
# What only the line-by-line path handles: an indented line, a code fence, a hard break.
_NEEDS_LINES_RE = re.compile(r"(?:^|\n)[ \t]+[^ \t\n]|```|~~~|  \n")
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


def _is_fence(line: str) -> bool:
    """A Markdown code fence (```` ``` ```` or ``~~~``), at any indentation: stripping a line's
    indentation must not make it a fence."""
    return line.lstrip(" \t").startswith(("```", "~~~"))


def _is_indented(line: str) -> bool:
    return line[:1] in (" ", "\t") and not line.isspace()


def _code_lines(lines: list[str]) -> tuple[list[bool], list[bool]]:
    """Which lines are verbatim (fences and what they enclose) and which keep their indentation.

    An indented line is code when it starts with a tab, when the line before or after it is
    indented too (a code block, a YAML mapping, a table), when the line before ends with
    ``:``, ``{``, ``(`` or ``[`` (the head of a block), or when it is a nested Markdown list
    item (``"  - item"``, ``"   2. item"``). Any other lone indented line is taken for a
    paragraph indent (Reuters indents each paragraph's first line) and loses it; known false
    negative: a one-line block body after a head such as ``"do"`` or ``"then"``.
    """
    verbatim = [False] * len(lines)
    fenced = False
    for number, line in enumerate(lines):
        if _is_fence(line):
            verbatim[number] = True
            fenced = not fenced
        else:
            verbatim[number] = fenced
    indented = [_is_indented(line) and not verbatim[n] for n, line in enumerate(lines)]
    code = [False] * len(lines)
    last = len(lines) - 1
    for number, line in enumerate(lines):
        if not indented[number]:
            continue
        before = lines[number - 1].rstrip(" \t") if number else ""
        code[number] = (
            line[0] == "\t"
            or (number > 0 and indented[number - 1])
            or (number < last and indented[number + 1])
            or before.endswith((":", "{", "(", "["))
            or _LIST_ITEM_RE.match(line) is not None
        )
    return verbatim, code


def _tidy_line(line: str, code: bool, hard_break: bool) -> str:
    """One line outside a fenced block: trailing spaces go (two stay, Markdown's hard break,
    when ``hard_break`` and the line ended in two or more); on a prose line the indent goes
    and runs of spaces and tabs become one space; a code line keeps its indent and spacing."""
    body = line.rstrip(" \t")
    if not body:
        return ""
    trailing = "  " if hard_break and line.endswith("  ") else ""
    if not code:
        body = body.replace("\t", " ").lstrip(" ")
        if "  " in body:
            body = _SPACE_RUN_RE.sub(" ", body)
    return body + trailing


def normalise_whitespace(text: str) -> str:
    r"""Tidy whitespace where it is damage, and leave code and Markdown their whitespace.

    Line breaks become ``"\n"``; in prose, runs of spaces and tabs become one space and spaces
    at the start and end of lines go; paragraphs are separated by exactly one blank line; the
    text has no leading or trailing blank lines. Left alone: fenced code blocks (```` ``` ````,
    ``~~~``) whole, the indentation, tabs and spacing of indented code lines (see
    ``_code_lines``), and Markdown's hard break (two spaces before a line break inside a
    paragraph). Typographic spaces (NBSP, thin space, ideographic space) are left to the
    unicode step.

    >>> normalise_whitespace("  Hello   world \r\n\r\n\r\nNext\tparagraph\n\n")
    'Hello world\n\nNext paragraph'
    >>> normalise_whitespace("def f(x):\n    if x:\n\treturn  1\n\n\n```\n  a\n\n\n```")
    'def f(x):\n    if x:\n\treturn  1\n\n```\n  a\n\n\n```'
    >>> normalise_whitespace("line one  \nline two ")  # a Markdown hard break stays
    'line one  \nline two'
    """
    text = normalise_line_breaks(text)
    if not _NEEDS_LINES_RE.search(text):
        return _normalise_prose(text)
    return normalise_whitespace_by_line(text)


def normalise_whitespace_by_line(text: str) -> str:
    """``normalise_whitespace`` one line at a time, for text that may hold code or Markdown."""
    lines = normalise_line_breaks(text).split("\n")
    verbatim, code = _code_lines(lines)
    out: list[str] = []
    last = len(lines) - 1
    for number, line in enumerate(lines):
        if verbatim[number]:
            out.append(line)
            continue
        following = lines[number + 1] if number < last else ""
        hard_break = bool(following) and not following.isspace() and not verbatim[number + 1]
        tidy = _tidy_line(line, code[number], hard_break)
        # One blank line between paragraphs; none at the start (a fence line is never blank).
        if tidy or (out and out[-1]):
            out.append(tidy)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _normalise_prose(text: str) -> str:
    """``normalise_whitespace`` for text with no indented line, fence or hard break."""
    if "\t" in text:
        text = text.replace("\t", " ")
    if _BREAK_ANOMALY_RE.search(text):
        # Left: at most one space before a newline, runs of spaces, and runs of newlines.
        if "  " in text:
            text = _SPACE_RUN_RE.sub(" ", text)
        if _BREAK_ANOMALY_RE.search(text):
            if " \n" in text:
                text = text.replace(" \n", "\n")
            if "\n\n\n" in text:
                # A single-character repeat: re runs it as one tight loop, where a regex with
                # a repeated group keeps a backtracking mark per line.
                text = _NEWLINE_RUN_RE.sub("\n\n", text)
    elif "  " in text:
        # Searched with ``in`` first: a regex search that finds nothing costs more (5.7 us
        # against 3.3 on a 2,000-character text, measured). No space touches a newline here,
        # so collapsing runs cannot make " \n".
        text = _SPACE_RUN_RE.sub(" ", text)
    return text.strip(" \n")
