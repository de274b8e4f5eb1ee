"""The cheap tests on the lines at the top of a text, each standing for the full reading of
``header`` on the lines it settles (``tests/test_header_fast_paths.py`` checks each one), and
the common top read on its own: a title line over a paragraph.

Most lines are plain (``is_plain``): they do not open like a header line and have no year, so
they hold no metadata and only the title tests see them. Most tops with no header open with a
line too long for a title, or a sentence with no metadata line under it
(``cannot_open_header``).
"""

from __future__ import annotations

import re

from textfix.extract.dailymail import OPENINGS as DAILY_MAIL_OPENINGS
from textfix.extract.datelines import could_open_dateline, read_dateline
from textfix.extract.dates import DATE_FIELD_RE, DateBounds, date_of
from textfix.extract.metalines import META_FIRST, META_START_RE, read_meta_line
from textfix.extract.sidelines import MAX_BARE_NAME, is_split_label, read_bare_name
from textfix.extract.titles import (
    CLOSERS,
    MAX_TITLE,
    has_year_hint,
    is_body_prose,
    is_simple_title,
    lone_title_shape,
    looks_like_title,
)

# What is known of the first line of a header's body: the line, where it ends, whether it is
# plain (see ``header._read_block``).
StopLine = tuple[str, int, bool] | None

# Metadata lines are short; a longer line is only tested as a title.
MAX_META_LINE = 160
# How far to look for the end of a line: a longer line is no header line, and a Daily Mail
# run-in header fits well within it.
LINE_SCAN = 1000
# The openings of header lines: a short line so opening that was not read is a header fragment.
HEADER_FRAGMENT_RE = re.compile(
    r"(?i:by|von|par|por|di|door|updated|published|posted|last updated|last modified|date|"
    r"dated|written by|author:|source:)\b"
)
# The next line that is not blank, cut one character past the longest metadata line.
NEXT_LINE_RE = re.compile(rf"\s*([^\n]{{0,{MAX_META_LINE + 1}}})")
# The seed's " date 2022-02-12 <title>": a date label, a date, then the title on the same line.
DATE_TITLE_PREFIX_RE = re.compile(r"(?i:date|datum):?\s+")


def is_plain(line: str) -> bool:
    """A plain line (stripped, not empty): it does not open like a header line
    (``META_START_RE``), and it has no year nor closing bracket (the wire form ``PARIS, May 5
    (Reuters)``) or is too long for a metadata line. Such a line
    holds no metadata (no date without a year, no byline or label without its opening word,
    no Daily Mail or seed line): it is at most a title.

    >>> is_plain("Ferry fares set to double"), is_plain("By Jane Smith"), is_plain("In 2022")
    (True, False, False)
    """
    return (line[0] not in META_FIRST or META_START_RE.match(line) is None) and (
        len(line) > MAX_META_LINE or not (has_year_hint(line) or line[-1] == ")")
    )


def cannot_open_header(text: str, end: int, line: str, plain: bool) -> bool:
    """Quick reject of the common no-header case, before any date pattern runs.

    A first line too long for a title can only open a header as the Daily Mail's run-in header
    or the seed's ``date 2022-02-12 <title>`` line. A sentence closed by a full stop (maybe
    inside closing quotes) that is ``plain`` (``is_plain``) can only be a title with a metadata
    line below it, so it is rejected when the next line cannot be one (``no_meta_line_after``).

    >>> cannot_open_header("The talks failed.\\n\\nThey did.", 17, "The talks failed.", True)
    True
    """
    if (
        not plain
        and line[0] in "BPULDd"
        and (line.startswith(DAILY_MAIL_OPENINGS) or DATE_TITLE_PREFIX_RE.match(line) is not None)
    ):
        return False
    if len(line) > MAX_TITLE:
        return True
    if not plain or not line.rstrip(CLOSERS).endswith("."):
        return False
    return no_header_line_after(text, end)


def no_header_line_after(text: str, end: int) -> bool:
    """``no_meta_line_after``, and the next line is no bare author name either: what a line
    closed by a full stop, which can only be a title over a header line, needs under it.

    >>> no_header_line_after("Talks fail.\\nJane Doe\\n12 May 2022", 11)
    False
    """
    following = NEXT_LINE_RE.match(text, end)[1].rstrip()  # type: ignore[index]
    if not _cannot_be_meta(following):
        return False
    # A title closed by a full stop over a bare author name ("Jane Doe", then the date line)
    return len(following) > MAX_BARE_NAME or read_bare_name(following, placed=True) is None


def _opens_like_meta(line: str) -> bool:
    """``META_START_RE.match(line)``, sooner for the lines opening with another letter."""
    return line[:1] in META_FIRST and META_START_RE.match(line) is not None


def no_meta_line_after(text: str, end: int) -> bool:
    """True when the next non-blank line after ``end`` cannot be a metadata line: it is longer
    than one (and does not open like a Daily Mail run-in header), or has no year and does not
    open like a header line.

    >>> no_meta_line_after("Talks fail\\n12 February 2022", 10)
    False
    >>> no_meta_line_after("Talks fail.\\n\\nIn 2004 " + "the talks failed again " * 8, 11)
    True
    """
    return _cannot_be_meta(NEXT_LINE_RE.match(text, end)[1].rstrip())  # type: ignore[index]


def _cannot_be_meta(following: str) -> bool:
    """``no_meta_line_after`` of the next non-blank line, ``following`` (cut and stripped)."""
    if following[:1] in META_FIRST and META_START_RE.match(following) is not None:
        return False  # (``_opens_like_meta``, written out to spare the call)
    return len(following) > MAX_META_LINE or not (has_year_hint(following) or following[-1:] == ")")


def read_date_title(line: str, bounds: DateBounds) -> dict[str, str] | None:
    """``date 2022-02-12 <title>``: the date, and the title when there is one.

    >>> from textfix.extract.dates import rolling_bounds
    >>> read_date_title("date 2022-02-12 Talks fail", rolling_bounds(None, None, None))
    {'date': '2022-02-12', 'title': 'Talks fail'}
    """
    label = DATE_TITLE_PREFIX_RE.match(line)
    if label is None:
        return None
    match = DATE_FIELD_RE.match(line, label.end())
    if match is None or (match.end() < len(line) and not line[match.end()].isspace()):
        return None
    date = date_of(match, bounds)
    if date is None:
        return None
    title = line[match.end() :].strip()
    return {"date": date, "title": title} if title else {"date": date}


def read_title_over_body(
    text: str, bounds: DateBounds, dateline_top: bool = True
) -> tuple[bool, tuple[str, dict[str, str], StopLine] | None]:
    """The commonest top read on its own: a plain first line, one blank line, a line that holds
    no metadata.

    Returns ``(True, found)`` for such a top, ``found`` being what ``header._read_block`` finds
    in it (the first line as a lone title over a paragraph of prose, or None), and
    ``(False, None)`` for any other top, which the full reading takes. ``dateline_top``: False
    when the caller knows ``could_open_dateline(text)`` to be False and ``text`` to open with
    no space (so it is False for the first line too).

    >>> top = "Bus fares double\\n\\nThe council confirmed the fare rise on Monday.\\n"
    >>> from textfix.extract.dates import rolling_bounds
    >>> bounds = rolling_bounds(None, None, None)
    >>> read_title_over_body(top, bounds)
    (True, ('The council confirmed the fare rise on Monday.\\n', {'title': 'Bus fares double'}, \
('The council confirmed the fare rise on Monday.', 64, True)))
    >>> read_title_over_body("Ferry fares\\nBy Jane Smith\\n\\nThe council met.", bounds)
    (False, None)
    """
    end = text.find("\n", 0, LINE_SCAN)
    if end < 0 or text[end + 1 : end + 2] != "\n":
        return False, None
    title = text[:end].strip()
    # ``is_plain``, written out here and below to spare the calls.
    if not title or not (
        (title[0] not in META_FIRST or META_START_RE.match(title) is None)
        and (len(title) > MAX_META_LINE or not (has_year_hint(title) or title[-1] == ")"))
    ):
        return False, None
    # ``cannot_open_header`` of a plain line, written out to spare the call.
    if len(title) > MAX_TITLE or (
        title.rstrip(CLOSERS).endswith(".") and no_meta_line_after(text, end)
    ):
        return True, None
    start = end + 2
    size = len(text)
    stop_end = text.find("\n", start, start + LINE_SCAN)
    stop_end = min(size, start + LINE_SCAN) if stop_end < 0 else stop_end
    stop = text[start:stop_end].strip()
    if not stop:
        return False, None
    plain = (stop[0] not in META_FIRST or META_START_RE.match(stop) is None) and (
        len(stop) > MAX_META_LINE or not (has_year_hint(stop) or stop[-1] == ")")
    )
    if not plain and (
        stop.startswith(DAILY_MAIL_OPENINGS)
        or (len(stop) <= MAX_META_LINE and read_meta_line(stop, bounds) is not None)
        or is_split_label(stop)
    ):
        return False, None  # a metadata line under the title: the full reading takes it
    # The block is the title alone: a lone title, over a paragraph of body prose.
    if not is_simple_title(title) and not (lone_title_shape(title) and looks_like_title(title)):
        return True, None
    if dateline_top and could_open_dateline(title) and read_dateline(title):
        return True, None
    # The paragraph under the title: most often the stop line alone, read already.
    if stop_end == size or text.startswith("\n\n", stop_end):
        prose = is_body_prose(stop)
    else:
        cut = text.find("\n\n", start)
        prose = is_body_prose(text[start:] if cut < 0 else text[start:cut])
    if not prose:
        return True, None
    known = (stop, stop_end, plain) if stop_end == size or text[stop_end] == "\n" else None
    return True, (text[start:].lstrip("\n \t"), {"title": title}, known)
