"""Header metadata: the date, title, byline and source a scraper left at the top of an article.

The top of a text is read as a block of at most ``MAX_HEADER_LINES`` short lines, in any order,
each classified on its own:

- a metadata line (``metalines``): a date, an updated date, a byline, a source, or several of
  them on one line (``June 3, 2021 | By Lena Park``, ``Published: Oct. 5, 2022, 6:20 p.m. ET``,
  ``Updated 09:15 GMT, 21 June 2023``, ``By TOMÁS HERRERA``);
- a byline's note right under the byline line: its role (``Political correspondent``) or its
  newsroom (``BBC News``, given as ``source``);
- the seed's ``date 2022-02-12 <title>`` (``date``/``Date:``), first line only, title taken
  whatever its ending;
- the Daily Mail's run-in ``By . X . PUBLISHED: . …`` header (``dailymail``), which ends the
  block inside its line;
- a bare name right under the title or the date (``Sarah Whitfield``), an author only in a
  block with a date; a label alone over its date (``Published`` / ``23 February 2024``);
- a kicker over the title (``WORLD NEWS``, ``Politics``), dropped with the header;
- one title line (``titles``): above, between or below the metadata lines. A title with no
  metadata line under it never ends with a full stop and, when a line follows it without a
  blank line, never hangs on a small word or runs on into a lower-case line (a hard-wrapped
  first paragraph under a byline is no title).

The block is then taken whole or not at all. With a metadata line in it, the first line below
it must start the body: prose, a dateline, or any line after a blank line that does not open
like a header line (a header fragment such as "By Law" or "Updated daily", or a short line with
a year, makes the top ambiguous and nothing is taken). A title alone is taken only as a lone
title (``is_lone_title``) with a blank line and a paragraph of body prose under it. A header is
also taken only when the body left behind has no header of its own (two header blocks, the
seed's line twice), so a second pass finds nothing (idempotence). The body is a suffix of the
text: nothing in it changes. The dateline opening the body (``KYIV, Ukraine (AP) — …``) stays
in the text; its place and agency go into the metadata (``datelines.story_dateline``).
"""

from __future__ import annotations

from textfix.extract.dailymail import OPENINGS as DAILY_MAIL_OPENINGS
from textfix.extract.dailymail import read_daily_mail_header
from textfix.extract.datelines import (
    could_open_dateline,
    has_dash,
    join_dash_line,
    read_dateline,
    story_dateline,
)
from textfix.extract.dateorder import language_date_order
from textfix.extract.dates import DateBounds, rolling_bounds
from textfix.extract.metalines import META_FIRST, META_START_RE, read_meta_line
from textfix.extract.setoff import starts_body, trailing_title_holds
from textfix.extract.sidelines import (
    is_split_label,
    read_bare_name,
    read_byline_note,
    read_name_over_role,
    read_split_label,
)
from textfix.extract.titles import (
    CLOSERS,
    MAX_TITLE,
    has_year_hint,
    is_body_prose,
    is_kicker,
    is_simple_title,
    lone_title_shape,
    looks_like_title,
)
from textfix.extract.toplines import (
    DATE_TITLE_PREFIX_RE,
    LINE_SCAN,
    MAX_META_LINE,
    cannot_open_header,
    no_header_line_after,
    no_meta_line_after,
    read_date_title,
    read_title_over_body,
)

__all__ = ["HEADER_KEYS", "MAX_HEADER_LINES", "extract_header"]

HEADER_KEYS = ("date", "updated", "title", "author")
MAX_HEADER_LINES = 6
MAX_HEADER_LINE = 300
# The bounds of a call without date options (most calls), built once.
DEFAULT_BOUNDS = rolling_bounds(None, None, None)

# A bare name line over its role is no longer than this.
MAX_NAME_LINE = 40

_META, _TITLE, _KICKER = "meta", "title", "kicker"


def extract_header(
    text: str,
    *,
    date_order: str | None = None,
    min_date: str | None = None,
    max_date: str | None = None,
) -> tuple[str, dict[str, str]]:
    """Take the header block off the top of ``text`` and return it as metadata.

    ``date_order`` (``"dmy"``/``"mdy"``) reads ambiguous numeric dates such as ``02/03/2022``;
    dates outside ``min_date``..``max_date`` (default 1900-01-01 .. tomorrow) are not taken.
    The text returned is always a suffix of ``text``.

    >>> extract_header("date 2022-02-12 Talks fail\\n\\nThe talks failed.")
    ('The talks failed.', {'date': '2022-02-12', 'title': 'Talks fail'})
    >>> extract_header("Talks fail\\nBy Jane Smith | 12.02.2022\\n\\nLONDON (Reuters) - It failed.")
    ('LONDON (Reuters) - It failed.', {'title': 'Talks fail', 'author': 'Jane Smith', \
'date': '2022-02-12', 'dateline': 'LONDON', 'source': 'Reuters'})
    >>> extract_header("Updated 09:15 GMT, 21 June 2023\\nTalks fail\\n\\nThe talks failed.")
    ('The talks failed.', {'updated': '2023-06-21', 'title': 'Talks fail'})
    >>> extract_header("On February 12, 2022 the embassy closed.")
    ('On February 12, 2022 the embassy closed.', {})

    Without ``date_order``, a slashed date in a header written in a language that puts the
    day first is read so (``dateorder``); in English it stays unset.
    """
    if date_order is None and min_date is None and max_date is None:
        bounds = DEFAULT_BOUNDS
    else:
        bounds = rolling_bounds(date_order, min_date, max_date)
    if (
        len(text) > MAX_TITLE
        and text.find("\n", 0, MAX_TITLE + 1) < 0
        and not text[0].isspace()
        and not text[MAX_TITLE].isspace()
        and not text.startswith(DAILY_MAIL_OPENINGS)
        and DATE_TITLE_PREFIX_RE.match(text) is None
    ):
        # Early refusal: a first line too long for a title or a metadata line, and no Daily
        # Mail or seed line, opens no header (``cannot_open_header``); most bodies open so.
        return text, story_dateline(text, bounds=bounds)
    could_open = could_open_dateline(text)
    opener = (
        story_dateline(text, could_open=could_open, bounds=bounds)
        if could_open or join_dash_line(text)
        else {}
    )
    dateline_top = could_open or text[:1].isspace()
    # Quick path: a story opening with its dateline has no header above it, unless the line is
    # a title that merely looks like one ("ECONOMIC SPOTLIGHT - BANKAMERICA") with a metadata
    # line below it.
    if opener and no_meta_line_after(text, max(text.find("\n"), 0)):
        return text, opener
    # (``_read_block``, written out to spare the call on the commonest top.)
    applies, found = read_title_over_body(text, bounds, dateline_top)
    if not applies:
        found = _read_lines(text, bounds, False)
    if found is not None:
        body, metadata, stop = found
        # A header is taken only when the body has none of its own (idempotence). The body's
        # first line, when the block stopped at it whole, is known: no metadata line, maybe
        # not even the top of a header.
        if stop is None:
            again = _read_block(body, bounds, False)
        elif (
            # ``cannot_open_header`` of a plain line, written out to spare the call
            len(stop[0]) > MAX_TITLE
            or (stop[0].rstrip(CLOSERS).endswith(".") and no_header_line_after(text, stop[1]))
            if stop[2]
            else cannot_open_header(
                text, stop[1], stop[0], DATE_TITLE_PREFIX_RE.match(stop[0]) is None
            )
        ):
            # (A line known to hold no metadata or Daily Mail header, and no seed line, is at
            # most a title: ``cannot_open_header`` tests it as a plain line.)
            again = None
        else:
            again = _read_block(body, bounds, True)
        if again is None:
            # The body opens with the stop line: with no dash and space in it, no dateline.
            body_opener = (
                story_dateline(body, bounds=bounds) if stop is None or has_dash(stop[0]) else {}
            )
            if body_opener:
                for key, value in body_opener.items():
                    metadata.setdefault(key, value)
            if (
                date_order is None
                and "date" not in metadata
                and "updated" not in metadata
                and text.find("/", 0, len(text) - len(body)) >= 0
                and language_date_order(text[: len(text) - len(body)], body) is not None
            ):
                # "10/05/2024" over a body in a language that puts the day first
                return extract_header(text, date_order="dmy", min_date=min_date, max_date=max_date)
            return body, metadata
    # The text stays as it is; the dateline opening it is all its metadata.
    return text, opener


def read_header(text: str, bounds: DateBounds) -> tuple[str, dict[str, str]] | None:
    """The body and the header metadata of ``text``, or None when its top is no header block.

    >>> from textfix.extract.dates import rolling_bounds
    >>> top = "By Lena Park\\nTalks fail\\n12 Feb 2022\\n\\nIt failed."
    >>> read_header(top, rolling_bounds(None, None, None))
    ('It failed.', {'author': 'Lena Park', 'title': 'Talks fail', 'date': '2022-02-12'})
    """
    found = _read_block(text, bounds, False)
    return None if found is None else found[:2]


def _read_block(
    text: str, bounds: DateBounds, top_not_meta: bool, dateline_top: bool = True
) -> tuple[str, dict[str, str], tuple[str, int, bool] | None] | None:
    """``read_header``, and what is known of the body's first line: ``(line, end, plain)``
    when the block stopped at that line, read whole, and found no metadata or Daily Mail header
    in it; else None. ``top_not_meta``: the caller knows so of the first line of ``text``;
    ``dateline_top``: as ``read_title_over_body`` takes it."""
    applies, found = read_title_over_body(text, bounds, dateline_top)
    return found if applies else _read_lines(text, bounds, top_not_meta)


def _read_lines(
    text: str, bounds: DateBounds, top_not_meta: bool
) -> tuple[str, dict[str, str], tuple[str, int, bool] | None] | None:
    """``_read_block`` of a top that ``read_title_over_body`` does not take: line by line."""
    metadata: dict[str, str] = {}
    kinds: list[str] = []  # _META or _TITLE, one per header line
    title_at = title_end = 0  # where the title line starts and ends
    title_blank_before = title_blank_after = False
    # The title is a plain first line, taken on trust: its tests are made once the block is
    # read, and only those the block needs (most tops with a title are no header, or a lone
    # title that ``is_simple_title`` settles in one match).
    unchecked = False
    pos = 0
    size = len(text)
    blank_before = False  # a blank line separates the current line from the header above it
    stop: str | None = None  # the first line that is no header line
    stop_at = size
    stop_known: tuple[str, int, bool] | None = None  # the stop line, whole and not metadata
    byline_above = False  # the line above is a metadata line with a byline
    undated = bare_name = False  # a date line with no date; an author from a bare name line
    while pos < size:
        end = text.find("\n", pos, pos + LINE_SCAN)
        end = min(size, pos + LINE_SCAN) if end < 0 else end
        line = text[pos:end].strip() if end > pos else ""
        if not line:
            blank_before = blank_before or bool(kinds)
            if kinds and kinds[-1] == _TITLE and title_end == pos - 1:
                title_blank_after = True
            pos = end + 1
            continue
        # A plain line holds no metadata: only the title tests see it (most lines are plain).
        plain = (line[0] not in META_FIRST or META_START_RE.match(line) is None) and (
            len(line) > MAX_META_LINE or not (has_year_hint(line) or line[-1] == ")")
        )  # ``is_plain``, written out to spare the call
        if not kinds:
            if cannot_open_header(text, end, line, plain):
                return None
            seed = read_date_title(line, bounds) if not plain and line[0] in "dD" else None
            if seed is not None:
                metadata.update(seed)
                kinds.append(_META)
                pos = end + 1
                continue
        if len(kinds) == MAX_HEADER_LINES:
            stop, stop_at = line, pos
            break
        if (
            not plain
            and line[0] in "BPUL"
            and not (top_not_meta and not kinds)
            and line.startswith(DAILY_MAIL_OPENINGS)
        ):
            run_in = read_daily_mail_header(line, bounds)
            if run_in is not None:
                if _META in kinds or (
                    "title" in metadata and not looks_like_title(metadata["title"])
                ):
                    return None
                metadata.update(run_in.metadata)
                start = pos + (len(text[pos:end]) - len(text[pos:end].lstrip())) + run_in.end
                return text[start:].lstrip(), metadata, None
        if plain or len(line) > MAX_META_LINE or (top_not_meta and not kinds):
            meta = None
        else:
            meta = read_meta_line(line, bounds)
            if meta is None and is_split_label(line):
                # "Published" over "23 February 2024": one metadata line on two lines
                meta = read_split_label(line, next_line(text, end), bounds)
                if meta is not None:
                    end = text.find("\n", end + 1)
                    end = size if end < 0 else end
        if meta is not None:
            if any(key in metadata for key in meta if key != "source"):
                stop, stop_at = line, pos  # a second header's field: not this block's
                break
            for key, value in meta.items():
                metadata.setdefault(key, value)
            undated = undated or not meta
            kinds.append(_META)
            byline_above = "author" in meta
            blank_before = False
            pos = end + 1
            continue
        if "author" not in metadata and len(line) <= MAX_NAME_LINE and line[0].isupper():
            # "Sarah Jones" over "Political Correspondent": a byline with no byline word; or
            # right under the title, in a block with a date (tested once the block is read)
            author = read_name_over_role(line, next_line(text, end))
            if author is None and "title" in metadata and not blank_before:
                author = read_bare_name(line, placed=True)
                bare_name = author is not None
            if author is not None:
                metadata["author"] = author
                kinds.append(_META)
                byline_above, blank_before = True, False
                pos = end + 1
                continue
        note = read_byline_note(line) if byline_above and not blank_before else None
        if note is not None:
            # "By Jane Smith" then "Political correspondent" / "BBC News": the byline's note
            if note:
                metadata.setdefault("source", note)
            kinds.append(_META)
        elif (
            kinds == [_TITLE]
            and not blank_before
            and len(line) <= MAX_HEADER_LINE
            and is_kicker(metadata["title"], line)
            and looks_like_title(line)
            and (not unchecked or looks_like_title(metadata["title"]))
        ):
            # "WORLD NEWS" over the title: a kicker, dropped with the header (only with a date
            # or byline in the block: a lone title has one line)
            metadata["title"] = line
            unchecked = False
            kinds.append(_TITLE)
            kinds[0] = _KICKER
            title_at, title_end, title_blank_after = pos, end, False
            title_blank_before = False
        elif "title" not in metadata and (
            (plain and not kinds) or (len(line) <= MAX_HEADER_LINE and looks_like_title(line))
        ):
            metadata["title"] = line
            unchecked = plain and not kinds
            kinds.append(_TITLE)
            title_at, title_end, title_blank_after = pos, end, False
            title_blank_before = blank_before
        else:
            stop, stop_at = line, pos
            if end == size or text[end] == "\n":
                stop_known = (line, end, plain)
            break
        blank_before = byline_above = False
        pos = end + 1
    dated = "date" in metadata or "updated" in metadata
    if bare_name and not dated:
        return None  # a bare name is a byline only beside a date
    # A date line that gives no date ("10/05/2024", "Updated 2 hours ago") is evidence of a
    # header for the title beside it.
    evidence = (
        dated or "author" in metadata or "dateline" in metadata or (undated and "title" in metadata)
    )
    if unchecked and evidence and not looks_like_title(metadata["title"]):
        return None  # the first line, no title, is where the full reading stops: no header
    if (
        kinds
        and kinds[-1] == _TITLE
        and evidence
        and not trailing_title_holds(
            text, metadata["title"], title_end, title_blank_after, title_blank_before
        )
    ):
        # The last line is no title but the top of the body: stop there.
        stop, stop_at, blank_before = metadata.pop("title"), title_at, title_blank_before
        stop_known = None
        kinds.pop()
    if not kinds or not metadata:
        return None  # (an undated line's title was the body's top: no field is left)
    body = text[stop_at:].lstrip("\n \t") if stop is not None else ""
    title = metadata.get("title", "")
    if not evidence:
        if "source" in metadata or stop is None or not blank_before or kinds != [_TITLE]:
            return None
        # ``is_lone_title``: its ``looks_like_title`` was tested in the loop, or not yet.
        if unchecked:
            if not is_simple_title(title) and not (
                lone_title_shape(title) and looks_like_title(title)
            ):
                return None
        elif not lone_title_shape(title):
            return None
        if could_open_dateline(title) and read_dateline(title):
            return None
        cut = body.find("\n\n")
        if not is_body_prose(body if cut < 0 else body[:cut]):
            return None
        return body, metadata, stop_known
    if stop is not None and not starts_body(stop, blank_before):
        return None
    if not body and not dated:
        return None
    return body, metadata, stop_known


def next_line(text: str, end: int) -> str:
    """The line right under the line ending at ``end`` (stripped; empty at a blank line).

    >>> next_line("Sarah Jones\\nPolitical Correspondent\\n12 May 2022", 11)
    'Political Correspondent'
    """
    stop = text.find("\n", end + 1, end + 1 + LINE_SCAN)
    return text[end + 1 : stop if stop >= 0 else end + 1 + LINE_SCAN].strip()
