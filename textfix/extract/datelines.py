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

from textfix.extract.dates import MONTH

CAPS_PLACE = r"[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}"
WORDS_PLACE = r"[A-Z][\w'.\-]+(?: [A-Z][\w'.\-]+){0,3}"
REGION = rf"(?:{MONTH} \d{{1,2}}|[A-Z][\w'.\-]+(?: [A-Z][\w'.\-]+){{0,2}})"


def _agency(group: str) -> str:
    return rf"\((?P<{group}>[A-Z][\w.&' \-]{{0,24}}[\w.])\)"


DASH = r" ?(?:—|–|--|-) "
REGIONS = rf"{REGION}(?:, {REGION})?"
DATELINE_RE = re.compile(
    rf"(?:(?P<caps>{CAPS_PLACE})(?:, (?P<cregion>{REGIONS}))?(?: {_agency('csource')})?{DASH}"
    rf"|(?P<words>{WORDS_PLACE})(?:, (?P<wregion>{REGIONS}))? {_agency('wsource')}{DASH}"
    rf"|{_agency('osource')}{DASH})"
)
REGION_DATE_RE = re.compile(rf"{MONTH} \d{{1,2}}")


def read_dateline(line: str) -> dict[str, str]:
    """``dateline`` (place) and ``source`` (agency) of the dateline opening ``line``, if any.

    >>> read_dateline("KYIV, Ukraine (AP) — Russian forces shelled the city.")
    {'dateline': 'KYIV, Ukraine', 'source': 'AP'}
    >>> read_dateline("SALVADOR, Feb 26 - Showers continued throughout the week.")
    {'dateline': 'SALVADOR'}
    >>> read_dateline("PORTLAND, Ore., Feb 26 - Red Lion Inns said it filed.")
    {'dateline': 'PORTLAND, Ore.'}
    >>> read_dateline("Officials in Kyiv - and in Moscow - said little.")
    {}
    """
    head = line[:200]
    # Quick reject: every dateline closes with a dash and a space; most openings have none.
    if "- " not in head and "— " not in head and "– " not in head:
        return {}
    match = DATELINE_RE.match(head)
    if match is None:
        return {}
    found: dict[str, str] = {}
    place = match["caps"] or match["words"]
    region = match["cregion"] or match["wregion"]
    if place:
        # "SALVADOR, Feb 26", "PORTLAND, Ore., Feb 26": the story's day is not part of the place.
        parts = [p for p in (region or "").split(", ") if p and not REGION_DATE_RE.fullmatch(p)]
        found["dateline"] = ", ".join([place, *parts])
    source = match["csource"] or match["wsource"] or match["osource"]
    if source:
        found["source"] = source
    return found
