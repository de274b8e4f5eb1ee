"""The Daily Mail's run-in header: ``By . Jane Smith . PUBLISHED: . 14:11 EST, 25 October 2013 .
| . UPDATED: . 15:36 EST, 25 October 2013 . The story begins…``.

Its fields are separated by `` . `` and the story follows on the same line, so this header is
taken off the front of a line, not as a whole line. The spaced full stops never occur in prose,
which is what makes the pattern safe. Variants seen in the CNN/DailyMail corpus: without
``By``, without ``PUBLISHED``, a second author (``. and Ted Thornhill .``), and the older
``Last updated at 1:25 AM on 3rd August 2011 .``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textfix.extract.bylines import NAME
from textfix.extract.dates import DateBounds, read_date_field

# A date field inside the header: no full stops or bars (times use colons here).
FIELD = r"[^.|\n]{6,60}"
DAILY_MAIL_RE = re.compile(
    rf"(?:By \. (?P<author>{NAME}(?: \. and {NAME}){{0,3}}) \. )?"
    rf"(?:PUBLISHED: \. (?P<published>{FIELD}) \. (?:\| \. )?)?"
    rf"(?:UPDATED: \. (?P<updated>{FIELD}) \. )?"
    rf"(?:Last updated at (?P<last_updated>{FIELD}) \. )?"
)

OPENINGS = ("By . ", "PUBLISHED: . ", "UPDATED: . ", "Last updated at ")


@dataclass(frozen=True)
class RunInHeader:
    """What a run-in header held, and where in its line the story starts."""

    metadata: dict[str, str]
    end: int


def read_daily_mail_header(line: str, bounds: DateBounds) -> RunInHeader | None:
    """The Daily Mail header that opens ``line``, if one does and a story follows it.

    >>> from textfix.extract.dates import make_bounds
    >>> import datetime as dt
    >>> b = make_bounds(None, None, None, dt.date(2024, 1, 1))
    >>> line = "By . Jane Smith . PUBLISHED: . 14:11 EST, 25 October 2013 . | . The story."
    >>> found = read_daily_mail_header(line, b)
    >>> found.metadata, line[found.end:]
    ({'author': 'Jane Smith', 'date': '2013-10-25'}, 'The story.')
    >>> read_daily_mail_header("By the river . we sat", b) is None
    True
    """
    if not line.startswith(OPENINGS):
        return None
    match = DAILY_MAIL_RE.match(line, 0, 600)
    if match is None or match.end() == 0 or match.end() >= len(line.rstrip()):
        return None
    metadata: dict[str, str] = {}
    if match["author"]:
        metadata["author"] = match["author"].replace(" . and ", " and ")
    for group, key in (("published", "date"), ("updated", "updated"), ("last_updated", "updated")):
        field = match[group]
        if field is None:
            continue
        value = read_date_field(field.strip(), bounds)
        if value is None:
            # A field that is not a date means this is not the header we know: take nothing.
            return None
        metadata.setdefault(key, value)
    return RunInHeader(metadata, match.end())
