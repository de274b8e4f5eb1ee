"""The full header reader, every rule applied in full line by line: ``extract_header``'s reference.

``extract_header`` (``textfix.extract.header``, where the rules are described) returns the same
text and metadata as ``extract_header_reference`` for every input, faster: it settles a line that
can be no date, byline or Daily Mail line with cheaper tests, and it reads every other line with
the readers below. ``tests/test_fast_paths.py`` proves the two equal.
"""

from __future__ import annotations

import datetime as dt
import re

from textfix.extract.bylines import read_byline
from textfix.extract.dailymail import OPENINGS as DAILY_MAIL_OPENINGS
from textfix.extract.dailymail import read_daily_mail_header
from textfix.extract.datelines import read_dateline
from textfix.extract.dates import DATE_FIELD_RE, DateBounds, date_of, make_bounds, read_date_field
from textfix.extract.titles import (
    MAX_TITLE,
    MAX_TITLE_WORDS,
    YEAR_HINT_RE,
    ends_sentence,
    is_body_prose,
    is_lone_title,
    looks_like_title,
)

MAX_HEADER_LINES = 5
MAX_HEADER_LINE = 300
# Date and byline lines are short; a longer line is only tested as a title (cheap path).
MAX_META_LINE = 160
# How far to look for the end of a line: a longer line is no header line, and a Daily Mail run-in
# header fits well within it.
LINE_SCAN = 1000

_PUBLISHED_LABELS = (
    "published|first published|posted|date|dated|datum|veröffentlicht|publié|publiée|"
    "date de publication|publicado|publicada|fecha|data|pubblicato|gepubliceerd|"
    "опубликовано|дата|опубліковано"
)
_UPDATED_LABELS = (
    "updated|last updated|last modified|modified|aktualisiert|zuletzt aktualisiert|stand|"
    "mis à jour|actualizado|actualizada|atualizado|atualizada|aggiornato|bijgewerkt|"
    "laatst bijgewerkt|обновлено|оновлено"
)


def _labels(names: str) -> str:
    return "|".join(sorted(names.split("|"), key=len, reverse=True))


# "Published: 12 Feb 2022", "Updated on Feb. 12, 2022", "Mis à jour le 12 février 2022".
LABELLED_DATE_RE = re.compile(
    rf"(?:(?P<published>(?i:{_labels(_PUBLISHED_LABELS)}))|(?P<updated>(?i:{_labels(_UPDATED_LABELS)})))"
    r"(?::\s*|\s+)(?:(?i:on|at|le|am|em|el|il|op)\s+)?(?P<field>.+)"
)
# The seed's " date 2022-02-12 <title>": a date label, a date, then the title on the same line.
DATE_TITLE_PREFIX_RE = re.compile(r"(?i:date|datum):?\s+")
SEGMENT_SPLIT_RE = re.compile(r"\s+[|·•]\s+")
HEADER_KEYS = ("date", "updated", "title", "author")
# The openings of header lines: a line so opening that was not read is a header fragment.
HEADER_FRAGMENT_RE = re.compile(
    r"(?i:by|von|par|por|di|door|updated|published|posted|last updated|date|dated)\b"
)


def extract_header_reference(
    text: str,
    *,
    date_order: str | None = None,
    min_date: str | None = None,
    max_date: str | None = None,
) -> tuple[str, dict[str, str]]:
    """``extract_header``, every line read in full: the slow path it must always equal.

    >>> extract_header_reference("date 2022-02-12 Talks fail\\n\\nThe talks failed.")
    ('The talks failed.', {'date': '2022-02-12', 'title': 'Talks fail'})
    >>> extract_header_reference("On February 12, 2022 the embassy closed.")
    ('On February 12, 2022 the embassy closed.', {})
    """
    bounds = make_bounds(date_order, min_date, max_date, dt.date.today())
    if text[:1].isupper() or text[:1] == "(":
        # Quick path: a story opening with its dateline has no header above it, unless the
        # line is a title that merely looks like one ("ECONOMIC SPOTLIGHT - BANKAMERICA")
        # with a date or byline line below it.
        opener = read_dateline(text)
        if opener and no_meta_line_after(text, max(text.find("\n"), 0)):
            return text, opener
    found = read_header(text, bounds)
    if found is None or read_header(found[0], bounds) is not None:
        body, metadata = text, dict[str, str]()
    else:
        body, metadata = found
    if body[:1].isupper() or body[:1] == "(":
        for key, value in read_dateline(body).items():
            metadata.setdefault(key, value)
    return body, metadata


def read_header(text: str, bounds: DateBounds) -> tuple[str, dict[str, str]] | None:
    """The body and the header metadata of ``text``, or None when it has no header.

    A header is taken whole or not at all: when the first line below the header lines is a
    short line that is no prose ("By Law", a subheading), the top of the text is ambiguous and
    nothing is taken, so no header fragment is left stranded at the top of the body.
    """
    metadata: dict[str, str] = {}
    evidence = False  # a date or byline was read, not just a title-like line
    pos = 0
    seen = 0
    blank_before = False  # a blank line separates the current line from the header above it
    stop: str | None = None  # the first line that is no header line
    while pos < len(text):
        end = text.find("\n", pos, pos + LINE_SCAN)
        end = min(len(text), pos + LINE_SCAN) if end < 0 else end
        line = text[pos:end].strip()
        if not line:
            blank_before = blank_before or seen > 0
            pos = end + 1
            continue
        if seen == 0 and cannot_open_header(text, end, line):
            return None
        if seen == MAX_HEADER_LINES:
            stop = line
            break
        run_in = read_daily_mail_header(line, bounds)
        if run_in is not None:
            for key, value in run_in.metadata.items():
                metadata.setdefault(key, value)
            start = pos + (len(text[pos:end]) - len(text[pos:end].lstrip())) + run_in.end
            return text[start:].lstrip(), metadata
        if len(line) > MAX_HEADER_LINE or not read_header_line(line, seen, metadata, bounds):
            stop = line
            break
        evidence = evidence or len(metadata) > ("title" in metadata)
        seen += 1
        blank_before = False
        pos = end + 1
    body = text[pos:].lstrip("\n \t") if pos < len(text) else ""
    title = metadata.get("title", "")
    if stop is not None and not starts_body(stop, blank_before, body, evidence, title):
        return None
    # A title-like line alone is no header unless body prose follows it (``starts_body``).
    if not evidence and stop is None:
        return None
    if not body and "date" not in metadata and "updated" not in metadata:
        return None
    return body, metadata


def cannot_open_header(text: str, end: int, line: str) -> bool:
    """Quick reject of the common no-header case, before any date pattern runs.

    A first line too long for a title can only open a header as the Daily Mail's run-in header
    or the seed's ``date 2022-02-12 <title>`` line. A sentence (closed by a full stop, no year,
    not opening like a byline or a date label) can only be a title with a date or byline line
    below it, so it is rejected when the next line has no year and no byline word either.
    """
    if line.startswith(DAILY_MAIL_OPENINGS) or DATE_TITLE_PREFIX_RE.match(line) is not None:
        return False
    if len(line) > MAX_TITLE:
        return True
    if not line.endswith(".") or YEAR_HINT_RE.search(line) or HEADER_FRAGMENT_RE.match(line):
        return False
    return no_meta_line_after(text, end)


def no_meta_line_after(text: str, end: int) -> bool:
    """True when the next non-blank line after ``end`` cannot be a date or byline line."""
    following = text[end : end + MAX_META_LINE + 2].lstrip()
    following = following[: following.find("\n")] if "\n" in following else following
    if len(following) > MAX_META_LINE:
        return True  # prose again: too long for a date or byline line
    return YEAR_HINT_RE.search(following) is None and HEADER_FRAGMENT_RE.match(following) is None


def starts_body(stop: str, blank_before: bool, body: str, evidence: bool, title: str) -> bool:
    """Whether ``stop``, the first line after the header lines, starts the body.

    After a date or byline, a line of prose (closed by sentence punctuation, or too long for a
    header line) or a dateline opener starts the body; after a blank line, so does any line
    that does not open like a header line (a subheading, a hard-wrapped paragraph).
    After a title line alone (a lone title, see ``titles``), only a blank line and a paragraph
    of body prose will do.
    """
    if not evidence:
        paragraph = body[: body.find("\n\n")] if "\n\n" in body else body
        return blank_before and is_lone_title(title) and is_body_prose(paragraph)
    if ends_sentence(stop) or len(stop) > MAX_TITLE or len(stop.split()) > MAX_TITLE_WORDS:
        return True
    if (stop[:1].isupper() or stop[:1] == "(") and read_dateline(stop):
        return True  # "SANTA CRUZ, Calif., Feb 26 - Shr 34 cts vs 1.19 dlrs" opens a story
    if not blank_before:
        return False  # a short unknown line inside the header block: the header is not whole
    # After a blank line a short line is a subheading of the body ("Top story: …", "Year"),
    # unless it opens like a header line that was not read ("By Law", "Updated daily").
    return HEADER_FRAGMENT_RE.match(stop) is None and (
        len(stop) > MAX_META_LINE or YEAR_HINT_RE.search(stop) is None
    )


def read_header_line(line: str, index: int, metadata: dict[str, str], bounds: DateBounds) -> bool:
    """Record what header ``line`` holds in ``metadata``; False when it is not a header line."""
    if index == 0:
        date_title = read_date_title(line, bounds)
        if date_title is not None:
            metadata.update(date_title)
            return True
    found: dict[str, str] = {}
    if len(line) > MAX_META_LINE:
        return index == 0 and take_title(line, metadata)
    has_year = YEAR_HINT_RE.search(line) is not None
    segments = SEGMENT_SPLIT_RE.split(line) if "|" in line or "·" in line or "•" in line else [line]
    for segment in segments:
        author = read_byline(segment)
        if author is not None:
            found.setdefault("author", author)
            continue
        kind, value = read_date_segment(segment, bounds) if has_year else ("date", None)
        if value is None:
            found = {}
            break
        found.setdefault(kind, value)
    if found:
        for key, value in found.items():
            metadata.setdefault(key, value)
        return True
    return index == 0 and take_title(line, metadata)


def take_title(line: str, metadata: dict[str, str]) -> bool:
    if not looks_like_title(line):
        return False
    metadata["title"] = line
    return True


def read_date_title(line: str, bounds: DateBounds) -> dict[str, str] | None:
    """``date 2022-02-12 <title>``: the date, and the title when there is one."""
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


def read_date_segment(segment: str, bounds: DateBounds) -> tuple[str, str | None]:
    """``("date" or "updated", YYYY-MM-DD)`` for a whole (maybe labelled) date segment."""
    segment = segment.rstrip(" .,")
    labelled = LABELLED_DATE_RE.fullmatch(segment)
    if labelled is not None:
        kind = "updated" if labelled["updated"] else "date"
        return kind, read_date_field(labelled["field"], bounds)
    return "date", read_date_field(segment, bounds)
