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
# An indented sentence: a capital, five words or more, no character code is made of. Reuters
# indents the first line of each paragraph, one-line paragraphs in a row included; such a line
# is prose whatever its neighbours. Known miss: a code line written as a capitalised sentence.
_SENTENCE = r"[A-Z][^\s=(){}\[\];<>#$|`\\]*(?:[ \t]+[^\s=(){}\[\];<>#$|`\\]+){4,}[ \t]*"
_SENTENCE_RE = re.compile(rf"[ \t]+{_SENTENCE}$")
#: How a line that opens a block ends (Python, C-like languages, YAML, shell): the indented
#: line after it is the block's body, even a one-line one.
BLOCK_HEADS = (":", "{", "(", "[", " do", ";do", " then", ";then", " else")
#: Lines that close a block (Ruby, Lua, shell, C-like languages): the indented line before one
#: is the block's body, even a one-line one after a head ``BLOCK_HEADS`` does not know
#: (Ruby's ``def greet``).
BLOCK_CLOSERS = frozenset(("end", "end;", "end)", "}", "};", "})", "fi", "done", "esac"))
# A nested Markdown list item: an indent, then a bullet or a number and a space.
# Matched on the line without its trailing spaces, which tidying removes: " - " and " -" are
# judged alike, or tidying " - " would change the judgement on the next run.
_LIST_ITEM_RE = re.compile(r"[ \t]+(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
# An indented line after the first that is not a sentence; it starts with "\n", so re jumps
# from newline to newline, and the indent is matched atomically (a lookahead's capture, as
# Python 3.10 has no possessive quantifier), so re never backtracks into it.
_INDENTED_LINE_RE = re.compile(rf"\n(?=([ \t]+))\1(?!{_SENTENCE}(?:\n|\Z))[^\n]")
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


def _is_fence(line: str) -> bool:
    """A Markdown code fence (```` ``` ```` or ``~~~``), at any indentation: stripping a line's
    indentation must not make it a fence."""
    return line.lstrip(" \t").startswith(("```", "~~~"))


def _is_indented(line: str) -> bool:
    """An indented line that may be code: not blank, and not a sentence (``_SENTENCE_RE``)."""
    return line[:1] in (" ", "\t") and not line.isspace() and _SENTENCE_RE.match(line) is None


def _code_lines(lines: list[str]) -> tuple[list[bool], list[bool]]:
    """Which lines are verbatim (fences and what they enclose) and which keep their indentation.

    An indented line that is not a sentence (``_SENTENCE_RE``) is code when it starts with a
    tab, when the line before or after it is such a line too (a code block, a YAML mapping),
    when the line before opens a block (``BLOCK_HEADS``: ``:``, ``{``, ``do``, ...) or the line
    after closes one (``BLOCK_CLOSERS``: ``end``, ``}``, ``fi``, ...), or when it is a nested
    Markdown list item (``"  - item"``, ``"   2. item"``). Any other lone indented line is taken
    for a paragraph indent (Reuters indents each paragraph's first line) and loses it; known
    false negative: a one-line block body after a head not listed (``"begin"``, ``"=>"``) with
    no closing line after it.

    >>> _code_lines(["def greet", "  puts 'hi'", "end"])[1]
    [False, True, False]
    >>> _code_lines(["  The talks in Geneva failed after six hours.", "end"])[1]
    [False, False]
    """
    verbatim = [False] * len(lines)
    fenced = False
    for number, line in enumerate(lines):
        if _is_fence(line):
            verbatim[number] = True
            fenced = not fenced
        else:
            verbatim[number] = fenced
    indented = [not verbatim[n] and _is_indented(line) for n, line in enumerate(lines)]
    code = [False] * len(lines)
    last = len(lines) - 1
    for number, line in enumerate(lines):
        if not indented[number]:
            continue
        code[number] = (
            line[0] == "\t"
            or (number > 0 and indented[number - 1])
            or (number < last and indented[number + 1])
            or (number > 0 and _opens_block(lines[number - 1]))
            or (number < last and lines[number + 1].strip(" \t") in BLOCK_CLOSERS)
            or _LIST_ITEM_RE.match(line.rstrip(" \t")) is not None
        )
    return verbatim, code


def _opens_block(line: str) -> bool:
    """Whether ``line`` ends as a block head does (``BLOCK_HEADS``), judged as tidying leaves
    it (tabs as spaces, no trailing spaces), so that tidying cannot change the answer."""
    return line.rstrip(" \t").replace("\t", " ").endswith(BLOCK_HEADS)


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
    tidy = _tidy_already(text)
    if tidy is not None:
        return tidy
    if _needs_lines(text):
        return normalise_whitespace_by_line(text)
    return _normalise_prose(text)


def _tidy_already(text: str) -> str | None:
    r"""``text`` less its blank lines at either end and the spaces ending it, when that is
    what ``normalise_whitespace`` returns (most scraped prose: only its ends need tidying);
    None when the full path must decide.

    What is left must hold no tab, no two spaces in a row, no space beside a line break, no
    third line break in a row and no indented first line: then no line is indented code or
    ends in a hard break, and every line is already tidy. A fence (```` ``` ````, ``~~~``)
    sends the text to the full path, which keeps the last line's spaces when it is fenced.

    >>> _tidy_already("Talks fail\n\nIt failed.\n"), _tidy_already("a\n  b")
    ('Talks fail\n\nIt failed.', None)
    """
    # Single characters first: a one-character search runs at memory speed.
    if text[:1] in (" ", "\t") or "\t" in text or "`" in text or "~" in text:
        return None
    core = text.strip("\n").rstrip(" \n")
    if core[:1] == " " or _BREAK_ANOMALY_RE.search(core) is not None or "  " in core:
        return None
    return core


def _line_from(text: str, start: int) -> str:
    """The line of ``text`` that starts at ``start``, without its newline."""
    end = text.find("\n", start)
    return text[start:] if end == -1 else text[start:end]


def _needs_lines(text: str) -> bool:
    """False when ``text`` has no fence, hard break, tab indent or indented code line, so that
    tidying it as prose (every indent goes) gives what the line-by-line path gives.

    Substring searches first (gigabytes a second); then each indented line is judged as
    ``_code_lines`` judges it, from its own line and its neighbours.
    """
    if "  \n" in text or "\n\t" in text or text[:1] in (" ", "\t"):
        return True
    # One character first: a single-character search runs several times faster.
    if ("`" in text and "```" in text) or ("~" in text and "~~~" in text):
        return True
    for match in _INDENTED_LINE_RE.finditer(text):
        start = match.start() + 1
        before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        line = _line_from(text, start)
        if not _is_indented(line):
            continue
        end = start + len(line)
        after = _line_from(text, end + 1) if end < len(text) else ""
        if (
            _is_indented(before)
            or _is_indented(after)
            or _opens_block(before)
            or after.strip(" \t") in BLOCK_CLOSERS
            or _LIST_ITEM_RE.match(line.rstrip(" \t")) is not None
        ):
            return True
    return False


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
    """``normalise_whitespace`` for text with no code, fence or hard break: every indent goes."""
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
                # A single-character repeat: re runs it as one tight loop, where a regex with
                # a repeated group keeps a backtracking mark per line.
                text = _NEWLINE_RUN_RE.sub("\n\n", text)
    elif "  " in text:
        # Searched with ``in`` first: a regex search that finds nothing costs more (5.7 us
        # against 3.3 on a 2,000-character text, measured). No space touches a newline here,
        # so collapsing runs cannot make " \n".
        text = _SPACE_RUN_RE.sub(" ", text)
    return text.strip(" \n")


def whole_lines_at(output: str, text: str) -> int:
    r"""Where ``text`` stands in ``output`` as a run of whole lines (-1 if it does not): at
    the end or the start (a header or a sign-off went), or where its first line stands.
    (Searching for a long ``text`` costs more than comparing it where it ends or starts.)

    >>> whole_lines_at("Title\n\nBody.\nReuter", "Body."), whole_lines_at("Body.", "Bod")
    (7, -1)
    """
    if output.endswith(text):
        start = len(output) - len(text)
    elif output.startswith(text):
        start = 0
    else:
        first_end = text.find("\n")
        start = output.find(text if first_end == -1 else text[: first_end + 1])
        if start == -1 or not output.startswith(text, start):
            return -1
    end = start + len(text)
    if (start and output[start - 1] != "\n") or (end < len(output) and output[end] != "\n"):
        return -1
    return start
