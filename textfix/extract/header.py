"""Header metadata: the date, title and byline a scraper left at the top of an article.

Only the first few lines are read (``MAX_HEADER_LINES`` non-blank lines, each at most
``MAX_HEADER_LINE`` characters), never the whole document. A line is a header line only when
the whole of it matches a header pattern:

- the seed's ``date 2022-02-12 <title>`` (``date``/``Date:``), title taken whatever its ending;
- date lines, optionally labelled (``Published:``, ``Updated``, ``Veröffentlicht am``, …), and
  ``|``-separated date and byline segments (``February 12, 2022 | By Jane Smith``);
- bylines (``By Jane Smith``, see ``bylines``);
- the Daily Mail's run-in ``By . X . PUBLISHED: . …`` header (see ``dailymail``);
- a short first line, as the title, when a date or byline line follows it, or alone when a blank
  line and body prose follow it (a lone title, see ``titles``).

A header is taken whole or not at all: an unread short line inside the header block, or a header
fragment below it ("By Law", "Updated daily"), makes the whole top of the text ambiguous and
nothing is taken. A header is also taken only when the body left behind has no header of its
own (two header blocks, the seed's date line twice), so a second pass finds nothing
(idempotence). The dateline opening the body (``KYIV, Ukraine (AP)
— …``) stays in the text; its place and agency go into the metadata.

``extract_header_reference`` (``header_reference``) reads every line with every header reader;
``extract_header`` returns the same text and metadata for every input (``tests/test_fast_paths.py``
proves it), faster: most lines are plain, no date, byline or Daily Mail line can open as they do,
and it settles them with the cheap tests of ``header_shortcuts``; it reads the dateline once and
reads no line of the body twice when it knows what the body's first line holds.
"""

from __future__ import annotations

from textfix.extract.dailymail import read_daily_mail_header
from textfix.extract.datelines import read_dateline
from textfix.extract.dates import DateBounds, rolling_bounds
from textfix.extract.header_reference import (
    HEADER_KEYS,
    LINE_SCAN,
    MAX_HEADER_LINE,
    MAX_HEADER_LINES,
    MAX_META_LINE,
    cannot_open_header,
    extract_header_reference,
    read_header_line,
    starts_body,
)
from textfix.extract.header_shortcuts import (
    META_FIRST,
    META_START_RE,
    dateline_of,
    is_simple_title,
    next_line_is_plain,
    no_meta_line_after,
    plain_sentence_alone,
    rejects_plain_top,
)
from textfix.extract.titles import (
    MAX_TITLE,
    has_year_hint,
    is_body_prose,
    lone_title_shape,
    looks_like_title,
)

__all__ = ["HEADER_KEYS", "MAX_HEADER_LINES", "extract_header", "extract_header_reference"]

# What ``_read_header`` knows of the first line of the body it returns (see there).
UNKNOWN, NO_HEADER, NO_META = 0, 1, 2
# The bounds of a call without date options (most calls), built once.
DEFAULT_BOUNDS = rolling_bounds(None, None, None)


def extract_header(
    text: str,
    *,
    date_order: str | None = None,
    min_date: str | None = None,
    max_date: str | None = None,
) -> tuple[str, dict[str, str]]:
    """Take the header lines off the top of ``text`` and return them as metadata.

    ``date_order`` (``"dmy"``/``"mdy"``) reads ambiguous numeric dates such as ``02/03/2022``;
    dates outside ``min_date``..``max_date`` (default 1900-01-01 .. tomorrow) are not taken.
    The text returned is always a suffix of ``text``.

    >>> extract_header("date 2022-02-12 Talks fail\\n\\nThe talks failed.")
    ('The talks failed.', {'date': '2022-02-12', 'title': 'Talks fail'})
    >>> extract_header("Talks fail\\nBy Jane Smith | 12.02.2022\\n\\nLONDON (Reuters) - It failed.")
    ('LONDON (Reuters) - It failed.', {'title': 'Talks fail', 'author': 'Jane Smith', \
'date': '2022-02-12', 'dateline': 'LONDON', 'source': 'Reuters'})
    >>> extract_header("On February 12, 2022 the embassy closed.")
    ('On February 12, 2022 the embassy closed.', {})
    """
    if date_order is None and min_date is None and max_date is None:
        bounds = DEFAULT_BOUNDS
    else:
        bounds = rolling_bounds(date_order, min_date, max_date)
    opener = dateline_of(text)
    # Quick path: a story opening with its dateline has no header above it, unless the line is
    # a title that merely looks like one ("ECONOMIC SPOTLIGHT - BANKAMERICA") with a date or
    # byline line below it.
    if opener and no_meta_line_after(text, max(text.find("\n"), 0)):
        return text, opener
    # (``no_dateline_on_top`` of ``header_shortcuts``, written out to spare the call.)
    found = _read_header(text, bounds, not opener and not text[:1].isspace())
    if found is not None:
        body, metadata, top = found
        # A header is taken only when the body has none of its own (idempotence).
        body_opener = dateline_of(body)
        if top == NO_HEADER or (
            _read_header(body, bounds, not body_opener and not body[:1].isspace(), top == NO_META)
            is None
        ):
            for key, value in body_opener.items():
                metadata.setdefault(key, value)
            return body, metadata
    # The text stays as it is; the dateline opening it, read once, is all its metadata.
    return text, opener


def _read_header(
    text: str, bounds: DateBounds, no_dateline_on_top: bool, top_has_no_meta: bool = False
) -> tuple[str, dict[str, str], int] | None:
    """``read_header`` of ``header_reference``: the same body and metadata, or None, sooner.

    A plain line (``META_START_RE``) is settled without the date, byline and Daily Mail
    readers; every other line goes through those of ``read_header``'s steps that can apply to
    it. A plain first line is taken as the title on trust, and checked only before a header is
    returned: when it is no title, ``read_header`` stops at it and finds no header, and so does
    this function. ``no_dateline_on_top``: ``no_dateline_on_top`` of ``header_shortcuts``;
    ``top_has_no_meta``: the caller vouches that the first line is a ``NO_META`` line (below).

    The third value is what the header's reader knows of the body's first line: ``NO_HEADER``
    (the body opens with a plain line, whole, where no header can start), ``NO_META`` (it opens
    with a line, whole, that does not open like a header line and that ``read_header_line``
    found no date or byline in: it has a year, and is at most a title at the top of the body)
    or ``UNKNOWN``.
    """
    metadata: dict[str, str] = {}
    evidence = False  # a date or byline was read, not just a title-like line
    pos = seen = 0
    size = len(text)
    blank_before = False  # a blank line separates the current line from the header above it
    stop: str | None = None  # the first line that is no header line
    stop_end = 0  # where the stop line ends, when it is plain or NO_META
    stop_plain = False
    unchecked = False  # the title is the first line, taken without ``looks_like_title``
    plain_top = False  # the first line is plain
    while pos < size:
        end = text.find("\n", pos, pos + LINE_SCAN)
        if end == pos:  # an empty line, the usual blank line
            blank_before = blank_before or seen > 0
            pos += 1
            continue
        end = min(size, pos + LINE_SCAN) if end < 0 else end
        line = text[pos:end].strip()
        if not line:
            blank_before = blank_before or seen > 0
            pos = end + 1
            continue
        meta = line[0] in META_FIRST and META_START_RE.match(line) is not None
        # A plain line (see META_START_RE). The "1"/"2" test is ``has_year_hint``'s own, made
        # here to spare most lines the call.
        if not meta and (
            len(line) > MAX_META_LINE or not (("1" in line or "2" in line) and has_year_hint(line))
        ):
            if seen:
                stop, stop_end, stop_plain = line, end, True  # no header line below the first
                break
            if len(line) > MAX_TITLE or (line[-1] == "." and plain_sentence_alone(text, end, line)):
                return None  # ``rejects_plain_top``, written out
            plain_top = True
        elif seen or not top_has_no_meta:
            # Not plain. A line that does not open like a header line then has a year and at
            # most MAX_META_LINE characters: ``cannot_open_header`` keeps it (it has a year),
            # and it is no Daily Mail header (that opens like a header line).
            if seen == 0 and meta and cannot_open_header(text, end, line):
                return None
            if seen == MAX_HEADER_LINES:
                stop = line
                break
            run_in = read_daily_mail_header(line, bounds) if meta else None
            if run_in is not None:
                if unchecked and not looks_like_title(metadata["title"]):
                    return None
                for key, value in run_in.metadata.items():
                    metadata.setdefault(key, value)
                start = pos + (len(text[pos:end]) - len(text[pos:end].lstrip())) + run_in.end
                return text[start:].lstrip(), metadata, UNKNOWN
            if len(line) > MAX_HEADER_LINE or not read_header_line(line, seen, metadata, bounds):
                # A stop line that does not open like a header line is NO_META: what
                # ``read_header_line`` finds in a line below the first it finds at the top
                # too, where only ``read_date_title`` (after a "date" label) reads more.
                stop, stop_end = line, 0 if meta else end
                break
            evidence = evidence or len(metadata) > ("title" in metadata)
            seen += 1
            blank_before = False
            pos = end + 1
            continue
        # The first line, plain or vouched NO_META: at most a title, checked later.
        metadata["title"] = line
        unchecked = True
        seen = 1
        pos = end + 1
    title = metadata.get("title", "")
    if evidence:
        if stop is not None and not starts_body(stop, blank_before, "", evidence, title):
            return None  # (``starts_body`` reads no body after a date or byline)
        if unchecked and not looks_like_title(title):
            return None
    elif stop is None or not blank_before or title.endswith("."):
        # A title-like line alone, or a short unknown line under it; a lone title never ends
        # with a full stop (tested first: the top of a body often does).
        return None
    elif not (plain_top and is_simple_title(title, no_dateline_on_top)) and not (
        # ``is_lone_title``, less ``looks_like_title`` when the title was read in full
        lone_title_shape(title)
        and (not unchecked or looks_like_title(title))
        and (no_dateline_on_top or not read_dateline(title))
    ):
        return None  # ``starts_body`` after a title alone: it must be a lone title ...
    body = text[pos:].lstrip("\n \t") if pos < size else ""
    if not evidence:
        cut = body.find("\n\n")
        if not is_body_prose(body if cut < 0 else body[:cut]):
            return None  # ... with a paragraph of body prose under it
    if not body and "date" not in metadata and "updated" not in metadata:
        return None
    # The body opens inside the stop line (``lstrip`` stops at its first visible character or
    # before), and read from the body that line strips to ``stop`` again, unless it was cut at
    # LINE_SCAN (it would be cut elsewhere). Then what is known of ``stop`` holds at the top of
    # the body.
    if not 0 < stop_end - pos < LINE_SCAN:
        return body, metadata, UNKNOWN
    if not stop_plain:
        return body, metadata, NO_META
    # A plain line closed by a full stop is no lone title, so with a plain line (or none)
    # under it a header cannot start there either. (That test first: it mostly costs less.)
    stop = stop or ""
    if len(stop) > MAX_TITLE or (stop[-1] == "." and next_line_is_plain(text, stop_end)):
        return body, metadata, NO_HEADER
    return body, metadata, NO_HEADER if rejects_plain_top(text, stop_end, stop) else UNKNOWN
