"""The header reader with no shortcut: the oracle ``extract_header``'s fast paths are checked
against (``tests/test_header_fast_paths.py``).

Every line of a text's top goes through every reader of ``textfix.extract``: the seed's date
line, the Daily Mail run-in header, ``read_meta_line`` (with no test of how the line opens or
whether it has a year), ``looks_like_title``, ``is_lone_title``. The text's first line is not
rejected early, the story's dateline is not taken as a quick answer, and the body is always read
again for a header of its own. The rules of the block (what a title needs under it, where the
body starts) are the package's own functions, so this file holds the reading order alone.
"""

from __future__ import annotations

from textfix.extract.dailymail import OPENINGS as DAILY_MAIL_OPENINGS
from textfix.extract.dailymail import read_daily_mail_header
from textfix.extract.datelines import story_dateline
from textfix.extract.dateorder import language_date_order
from textfix.extract.dates import DateBounds, rolling_bounds
from textfix.extract.header import MAX_HEADER_LINE, MAX_HEADER_LINES, next_line
from textfix.extract.metalines import read_meta_line
from textfix.extract.setoff import starts_body, trailing_title_holds
from textfix.extract.sidelines import (
    read_bare_name,
    read_byline_note,
    read_name_over_role,
    read_split_label,
)
from textfix.extract.titles import is_body_prose, is_kicker, is_lone_title, looks_like_title
from textfix.extract.toplines import LINE_SCAN, MAX_META_LINE, read_date_title

_META, _TITLE, _KICKER = "meta", "title", "kicker"


def extract_header_reference(
    text: str,
    *,
    date_order: str | None = None,
    min_date: str | None = None,
    max_date: str | None = None,
) -> tuple[str, dict[str, str]]:
    """``extract_header`` the long way."""
    body, metadata = _extract_reference(text, rolling_bounds(date_order, min_date, max_date))
    if (
        date_order is None
        and body != text
        and "date" not in metadata
        and "updated" not in metadata
        and language_date_order(text[: len(text) - len(body)], body) is not None
    ):
        return _extract_reference(text, rolling_bounds("dmy", min_date, max_date))
    return body, metadata


def _extract_reference(text: str, bounds: DateBounds) -> tuple[str, dict[str, str]]:
    found = read_header_reference(text, bounds)
    if found is not None and read_header_reference(found[0], bounds) is None:
        body, metadata = found
        for key, value in story_dateline(body, bounds=bounds).items():
            metadata.setdefault(key, value)
        return body, metadata
    return text, story_dateline(text, bounds=bounds)


def read_header_reference(text: str, bounds: DateBounds) -> tuple[str, dict[str, str]] | None:
    """``read_header`` with every line read in full."""
    metadata: dict[str, str] = {}
    kinds: list[str] = []
    title_at = title_end = 0
    title_blank_before = title_blank_after = False
    pos = 0
    size = len(text)
    blank_before = False
    stop: str | None = None
    stop_at = size
    byline_above = False
    undated = bare_name = False
    while pos < size:
        end = text.find("\n", pos, pos + LINE_SCAN)
        end = min(size, pos + LINE_SCAN) if end < 0 else end
        line = text[pos:end].strip()
        if not line:
            blank_before = blank_before or bool(kinds)
            if kinds and kinds[-1] == _TITLE and title_end == pos - 1:
                title_blank_after = True
            pos = end + 1
            continue
        if not kinds:
            seed = read_date_title(line, bounds)
            if seed is not None:
                metadata.update(seed)
                kinds.append(_META)
                pos = end + 1
                continue
        if len(kinds) == MAX_HEADER_LINES:
            stop, stop_at = line, pos
            break
        run_in = (
            read_daily_mail_header(line, bounds) if line.startswith(DAILY_MAIL_OPENINGS) else None
        )
        if run_in is not None:
            if _META in kinds or ("title" in metadata and not looks_like_title(metadata["title"])):
                return None
            metadata.update(run_in.metadata)
            start = pos + (len(text[pos:end]) - len(text[pos:end].lstrip())) + run_in.end
            return text[start:].lstrip(), metadata
        meta = read_meta_line(line, bounds) if len(line) <= MAX_META_LINE else None
        if meta is None:
            meta = read_split_label(line, next_line(text, end), bounds)
            if meta is not None:
                end = text.find("\n", end + 1)
                end = size if end < 0 else end
        if meta is not None:
            if any(key in metadata for key in meta if key != "source"):
                stop, stop_at = line, pos
                break
            for key, value in meta.items():
                metadata.setdefault(key, value)
            undated = undated or not meta
            kinds.append(_META)
            byline_above = "author" in meta
            blank_before = False
            pos = end + 1
            continue
        author = None if "author" in metadata else read_name_over_role(line, next_line(text, end))
        if author is None and "author" not in metadata and "title" in metadata and not blank_before:
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
            if note:
                metadata.setdefault("source", note)
            kinds.append(_META)
        elif (
            kinds == [_TITLE]
            and not blank_before
            and len(line) <= MAX_HEADER_LINE
            and is_kicker(metadata["title"], line)
            and looks_like_title(line)
        ):
            metadata["title"] = line
            kinds[0] = _KICKER
            kinds.append(_TITLE)
            title_at, title_end, title_blank_after = pos, end, False
            title_blank_before = False
        elif "title" not in metadata and len(line) <= MAX_HEADER_LINE and looks_like_title(line):
            metadata["title"] = line
            kinds.append(_TITLE)
            title_at, title_end, title_blank_after = pos, end, False
            title_blank_before = blank_before
        else:
            stop, stop_at = line, pos
            break
        blank_before = byline_above = False
        pos = end + 1
    dated = "date" in metadata or "updated" in metadata
    if bare_name and not dated:
        return None
    evidence = any(key in metadata for key in ("date", "updated", "author", "dateline")) or (
        undated and "title" in metadata
    )
    if (
        kinds
        and kinds[-1] == _TITLE
        and evidence
        and not trailing_title_holds(
            text, metadata["title"], title_end, title_blank_after, title_blank_before
        )
    ):
        stop, stop_at, blank_before = metadata.pop("title"), title_at, title_blank_before
        kinds.pop()
    if not kinds or not metadata:
        return None
    body = text[stop_at:].lstrip("\n \t") if stop is not None else ""
    if not evidence:
        if "source" in metadata or stop is None or not blank_before or kinds != [_TITLE]:
            return None
        if not is_lone_title(metadata["title"]):
            return None
        cut = body.find("\n\n")
        return (body, metadata) if is_body_prose(body if cut < 0 else body[:cut]) else None
    if stop is not None and not starts_body(stop, blank_before):
        return None
    if not body and "date" not in metadata and "updated" not in metadata:
        return None
    return body, metadata
