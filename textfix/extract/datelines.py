"""Datelines: the place and agency that open a story's first paragraph.

``KYIV, Ukraine (AP) — Russian forces…``, ``LONDON (Reuters) - Shares…``, ``SALVADOR, Feb 26 -
Showers…``, ``Canberra, Australia (CNN) -- At first…``. A dateline stays in the body (it is the
first words of the story); only its place and agency become metadata.

The place must be written in capitals (``KYIV``) unless an agency in brackets follows it, and a
dash with spaces around it must close the dateline. Known false positives avoided: an opening
in capitals that is a sentence ("NATO - the alliance…") has neither a region nor an agency and is
read as a place only when it is a single short run of capitals; "US" and "UK" style openings
are then taken as a place, which is rare at the start of a story and harmless (metadata only).
"""

from __future__ import annotations

import re

from textfix.extract.dates import MONTH, DateBounds
from textfix.extract.placedates import (
    DEFAULT_BOUNDS,
    could_open_place_date,
    read_place_date_opener,
)

CAPS_PLACE = r"[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}"
WORDS_PLACE = r"[A-Z][\w'.\-]+(?: [A-Z][\w'.\-]+){0,3}"
REGION = rf"(?:{MONTH} \d{{1,2}}|[A-Z][\w'.\-]+(?: [A-Z][\w'.\-]+){{0,2}})"


def _agency(group: str) -> str:
    # (German-language agencies write their names in lower case: "BERLIN (dpa) - …")
    return rf"\((?P<{group}>[A-Z][\w.&' \-]{{0,24}}[\w.]|dpa|epd|apa|sda|kna)\)"


DASH = r" ?(?:—|–|--|-) "
REGIONS = rf"{REGION}(?:, {REGION})?"
DATELINE_RE = re.compile(
    rf"(?:(?P<caps>{CAPS_PLACE})(?: ?, (?P<cregion>{REGIONS}))?(?: {_agency('csource')})?{DASH}"
    rf"|(?P<words>{WORDS_PLACE})(?:, (?P<wregion>{REGIONS}))? {_agency('wsource')}{DASH}"
    rf"|{_agency('osource')}{DASH})"
)
REGION_DATE_RE = re.compile(rf"{MONTH} \d{{1,2}}")
# Capitals that open headlines and captions, never a story's place: media, labels, words.
NOT_PLACES = frozenset(
    {
        "FROM", "THE", "WATCH", "BREAKING", "UPDATE", "UPDATED", "LIVE", "VIDEO", "PHOTOS",
        "EXCLUSIVE", "OPINION", "ANALYSIS", "REVIEW", "REPORT", "NEWS", "EDITORIAL", "LETTERS",
        "COMMENT", "SPONSORED", "ADVERTISEMENT", "CORRECTION", "WARNING", "NOTE", "PHOTO",
        "TRAILER", "TEASER", "LISTEN", "PODCAST", "QUIZ", "POLL", "RECAP", "SPOILERS", "NEW",
        "MORE", "READ", "SEE", "ALSO", "HERE", "THIS", "THAT", "WHAT", "WHY", "HOW", "WHEN",
        "NATO", "FBI", "CIA", "NASA", "UEFA", "FIFA", "OPEC", "EU", "UN", "USA", "US", "UK",
    }
)  # fmt: skip
# A story's first paragraph is prose: this many words, or closed by sentence punctuation.
MIN_STORY_WORDS = 15
STORY_SCAN = 400


def read_dateline(line: str, bounds: DateBounds = DEFAULT_BOUNDS) -> dict[str, str]:
    """``dateline`` (place) and ``source`` (agency) of the dateline opening ``line``, if any, with
    a place and a date (``placedates``: ``Rome, 12 January 2022 — …``; the date is not taken).

    >>> read_dateline("KYIV, Ukraine (AP) — Russian forces shelled the city.")
    {'dateline': 'KYIV, Ukraine', 'source': 'AP'}
    >>> read_dateline("SALVADOR, Feb 26 - Showers continued throughout the week.")
    {'dateline': 'SALVADOR'}
    >>> read_dateline("PORTLAND, Ore., Feb 26 - Red Lion Inns said it filed.")
    {'dateline': 'PORTLAND, Ore.'}
    >>> read_dateline("ATLANTA , March 3 - National Data Corp said it signed.")
    {'dateline': 'ATLANTA'}
    >>> read_dateline("Officials in Kyiv - and in Moscow - said little.")
    {}
    >>> read_dateline("Rome, 12 January 2022 — Italy's prime minister won.")
    {'dateline': 'Rome'}
    """
    head = line[:200]
    # Quick reject: every dateline closes with a dash and a space; most openings have none.
    if "- " not in head and "— " not in head and "– " not in head:
        return {}
    match = DATELINE_RE.match(head)
    if match is None:
        return _place_date_run_in(head, bounds)
    return _fields(match)


def _place_date_run_in(text: str, bounds: DateBounds) -> dict[str, str]:
    """The ``dateline`` and ``source`` of a place and a date opening ``text`` (``Rome, 12
    January 2022 — …``). The date itself is not taken: the run-in stays in the body, so a
    second pass would read it again, and put it in place of a date the header gave.

    >>> _place_date_run_in("BERLIN, 12.01.2022 /dpa/ – Die Regierung tagt.", DEFAULT_BOUNDS)
    {'dateline': 'BERLIN', 'source': 'dpa'}
    """
    if not could_open_place_date(text):
        return {}
    found = read_place_date_opener(text, bounds)
    return {key: value for key, value in found.items() if key != "date"}


def _fields(match: re.Match[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    place = match["caps"] or match["words"]
    region = match["cregion"] or match["wregion"]
    if place:
        # "SALVADOR, Feb 26", "PORTLAND, Ore., Feb 26": the story's day is not part of the place.
        if not region or (", " not in region and REGION_DATE_RE.fullmatch(region)):
            found["dateline"] = place  # no region, or the day alone (most Reuters datelines)
        else:
            parts = [p for p in region.split(", ") if p and not REGION_DATE_RE.fullmatch(p)]
            found["dateline"] = ", ".join([place, *parts])
    source = match["csource"] or match["wsource"] or match["osource"]
    if source:
        found["source"] = source
    return found


# Where the sentence after a dateline ends.
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s")


def could_open_dateline(text: str) -> bool:
    """False when ``read_dateline(text)`` is surely empty, for a few substring tests.

    ``DATELINE_RE`` never crosses a line break and closes with a dash and a space within the
    first 200 characters; it opens with a capital (a place) or a bracket (an agency), and a
    place in words needs an agency in brackets, so a line with no "(" must continue a place in
    capitals at its second character. Most first lines fail one of these tests, and the
    pattern, with month names in a dozen languages, takes microseconds to fail.

    >>> could_open_dateline("LONDON - Shares fell"), could_open_dateline("London is calling - now")
    (True, False)
    """
    first = text[:1]
    if not (first.isupper() or first == "("):
        return False
    line = text[:200]
    cut = line.find("\n")
    if cut >= 0:
        line = line[:cut]
    if "- " not in line and "— " not in line and "– " not in line:
        return False  # every dateline closes with a dash and a space (``DASH``)
    return (
        "(" in line
        or "A" <= text[1:2] <= "Z"
        or text[1:2] in "'.-"
        or could_open_place_date(line)  # "Rome, 12 January 2022 — "
    )


def has_dash(line: str) -> bool:
    """False when ``could_open_dateline`` is surely False for a text whose first line is
    ``line`` stripped (a space stripped after a closing dash is put back): no dash and space.

    >>> has_dash("LONDON -"), has_dash("London is calling"), has_dash("ex-minister")
    (True, False, False)
    """
    return "- " in line or "— " in line or "– " in line or line.endswith(("-", "—", "–"))


# A dateline alone on its line ("WASHINGTON —" over the story) is this long at most.
MAX_DASH_LINE = 64


def join_dash_line(text: str) -> str:
    """``text`` with its first line joined to the next by a space when that line is a dateline
    alone, closed by a spaced dash (``WASHINGTON —`` over the story, as some pages print it);
    else "". The joined text is read like a dateline opening its story, for the metadata only.

    >>> join_dash_line("WASHINGTON —\\nThe court ruled."), join_dash_line("WASHINGTON —\\n\\nIt")
    ('WASHINGTON — The court ruled.', '')
    """
    cut = text.find("\n", 0, MAX_DASH_LINE)
    if cut < 2 or text[cut - 1 : cut] not in ("—", "–", "-") or text[cut - 2 : cut - 1] != " ":
        return ""
    rest = text[cut + 1 :]
    if not rest[:1].strip():
        return ""  # a blank line under it: no story follows
    return text[:cut] + " " + rest


def story_dateline(
    text: str, *, could_open: bool | None = None, bounds: DateBounds = DEFAULT_BOUNDS
) -> dict[str, str]:
    """``read_dateline`` of the paragraph opening ``text``, when that paragraph is a story.

    A place with a region, a day or an agency is a dateline wherever it stands (``SALVADOR, Feb
    26 - Shr 34 cts``). A place in capitals alone (``LONDON - …``) is a dateline only in a
    paragraph of prose (``MIN_STORY_WORDS`` words, two lines, or closed by sentence punctuation),
    only when the place is no headline word (``NOT_PLACES``, or three letters or fewer: ``SNL``,
    ``CNN``), and only when the sentence after the dash opens with no lower-case letter and holds
    no ``|`` or second dash (a headline's parts). A place and a date with a year (``Rome, 12
    January 2022 — …``, ``placedates``) is a dateline in a paragraph of prose (its date is not
    taken). ``could_open``:
    ``could_open_dateline(text)`` when the caller has it; ``bounds``: the dates taken.

    >>> story_dateline("LONDON - Shares fell sharply on Tuesday as investors fled to bonds.")
    {'dateline': 'LONDON'}
    >>> story_dateline("SNL - New Weapon"), story_dateline("FROM - Series Premiere Trailer")
    ({}, {})
    >>> story_dateline("SALVADOR, Feb 26 - Showers continued throughout the week in the zone.")
    {'dateline': 'SALVADOR'}
    >>> story_dateline("Kyiv (AP) — Russian forces shelled the city.")
    {'dateline': 'Kyiv', 'source': 'AP'}
    >>> story_dateline("BERLIN (dpa) - Die Koalition hat sich auf den Haushalt geeinigt.")
    {'dateline': 'BERLIN', 'source': 'dpa'}
    >>> story_dateline("WASHINGTON —\\nThe Supreme Court on Tuesday heard the case.")
    {'dateline': 'WASHINGTON'}
    >>> story_dateline("BERLIN, 12.01.2022 /dpa/ – Die Regierung hat neue Regeln beschlossen.")
    {'dateline': 'BERLIN', 'source': 'dpa'}
    """
    if not (could_open_dateline(text) if could_open is None else could_open):
        text = join_dash_line(text)
        if not text or not could_open_dateline(text):
            return {}
    match = DATELINE_RE.match(text, 0, 200)  # (as if cut at 200, without the copy)
    if match is None:
        placed = _place_date_run_in(text, bounds)
        return placed if placed and _is_story(_first_paragraph(text)) else {}
    found = _fields(match)
    if "source" in found or match["cregion"]:
        return found  # "SALVADOR, Feb 26 -", "PORTLAND, Ore. -": a place and its region or day
    place = found["dateline"]
    if len(place) <= 3 or place in NOT_PLACES:
        return {}
    paragraph = _first_paragraph(text)
    rest = paragraph.split("\n", 1)[0][match.end() :]
    sentence = SENTENCE_END_RE.split(rest, maxsplit=1)[0]
    if rest[:1].islower() or "|" in sentence or " - " in sentence or " — " in sentence:
        return {}
    return found if _is_story(paragraph) else {}


def _first_paragraph(text: str) -> str:
    head = text[:STORY_SCAN]
    cut = head.find("\n\n")
    return head if cut < 0 else head[:cut]


def _is_story(paragraph: str) -> bool:
    """A paragraph of prose: two lines, ``MIN_STORY_WORDS`` words or closed by a full stop."""
    if "\n" in paragraph.strip() or len(paragraph.split(None, MIN_STORY_WORDS)) >= MIN_STORY_WORDS:
        return True
    return paragraph.rstrip().rstrip("\"'’”)").endswith((".", "!", "?"))
