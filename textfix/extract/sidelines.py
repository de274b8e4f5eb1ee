"""Header lines read only beside another line: a byline's note under it (its role or its
newsroom), a bare name with no byline word (over its role, or under the title in a block with a
date), and a date label printed alone on its line over its date.

Alone, none of these is a header line: "Sarah Jones" may be a title, "Published" a word of
prose. ``header`` reads them where their neighbour says what they are.
"""

from __future__ import annotations

from textfix.extract.dates import DateBounds
from textfix.extract.metalines import BARE_NAME_RE, NOT_NAME_WORDS, ROLE_RE, read_meta_line
from textfix.extract.placedates import AGENCIES

# A label some pages print on its own line over the date ("Published" / "23 February 2024").
SPLIT_LABELS = frozenset(
    {
        "published", "first published", "published on", "updated", "last updated", "updated on",
        "posted", "posted on", "veröffentlicht", "aktualisiert", "publié", "publié le",
        "mis à jour", "publicado", "actualizado", "pubblicato", "aggiornato", "gepubliceerd",
        "bijgewerkt", "опубликовано", "обновлено",
    }
)  # fmt: skip
MAX_SPLIT_DATE = 80
# A bare author name line (``read_bare_name``), maybe with a second name or a role, is no
# longer than this.
MAX_BARE_NAME = 60
MAX_SPLIT_LABEL = 20


def is_split_label(line: str) -> bool:
    """Whether ``line`` (stripped) is a date label alone (``Published``, ``Last updated:``).

    >>> is_split_label("Last updated:"), is_split_label("Published today")
    (True, False)
    """
    return len(line) <= MAX_SPLIT_LABEL and line.rstrip(":").lower() in SPLIT_LABELS


def read_split_label(line: str, following: str, bounds: DateBounds) -> dict[str, str] | None:
    """The fields of a label line alone (``Published``) and the date line right under it, read
    as one line; None when ``line`` is no such label or the two lines are no metadata line.

    >>> from textfix.extract.dates import rolling_bounds
    >>> read_split_label("Published", "23 February 2024", rolling_bounds(None, None, None))
    {'date': '2024-02-23'}
    >>> read_split_label("Published", "The council said.", rolling_bounds(None, None, None))
    >>> read_split_label("Published", "", rolling_bounds(None, None, None))
    {}

    A label over a blank line (its date taken away, as a relative time is by boilerplate
    removal) is a header line that gives no date: ``{}``.
    """
    if len(following) > MAX_SPLIT_DATE or not is_split_label(line):
        return None
    return read_meta_line(f"{line} {following}", bounds) if following else {}


def read_byline_note(line: str) -> str | None:
    """What a line set right under a byline line adds, when it is the byline's note: its role
    (``Political correspondent``, read and dropped: ``""``) or its newsroom (``BBC News``, an
    agency: given as ``source``); None for any other line.

    >>> read_byline_note("Technology reporter"), read_byline_note("BBC News")
    ('', 'BBC News')
    >>> read_byline_note("The reporter left") is None
    True
    """
    if len(line) > 40:
        return None
    if line.lower() in AGENCIES:
        return line
    return "" if ROLE_RE.fullmatch(line) is not None else None


def read_name_over_role(line: str, following: str) -> str | None:
    """The author of a bare name line (``Sarah Jones``, no byline word) set right over its role
    (``Political Correspondent``): the name, else None. A name alone is no byline: it could be
    a title ("Boris Johnson"); the role line under it says it is one.

    >>> read_name_over_role("Sarah Jones", "Political Correspondent")
    'Sarah Jones'
    >>> read_name_over_role("Sarah Jones", "The reporter left") is None
    True
    >>> read_name_over_role("Top Stories", "Technology reporter") is None
    True
    """
    if len(following) > 40 or ROLE_RE.fullmatch(following) is None:
        return None
    return read_bare_name(line)


def read_bare_name(line: str, placed: bool = False) -> str | None:
    """``line`` when it is shaped like a person's name alone (two to four capitalised words, no
    word of a site's sections), else None. Alone it proves nothing ("Boris Johnson" may be a
    title): the header reads it as a byline over a role line, or under the title in a block
    with a date (``Rail strike called off`` / ``Sarah Whitfield`` / ``21 November 2022``).

    >>> read_bare_name("Sarah Whitfield"), read_bare_name("Top Stories"), read_bare_name("Kyiv")
    ('Sarah Whitfield', None, None)

    ``placed``: where a correspondent files from may follow (``Dan Sabbagh in Kyiv``), two
    names may be joined by "and", and a role may follow a comma (dropped, as after a pipe).

    >>> read_bare_name("Jane Doe and Tom Roe", placed=True), read_bare_name("Key Points")
    ('Jane Doe and Tom Roe', None)
    >>> read_bare_name("Anna Berg, Economics Correspondent", placed=True)
    'Anna Berg'
    """
    if len(line) > MAX_BARE_NAME:
        return None
    if placed and ", " in line:
        line, _, role = line.partition(", ")  # "Anna Berg, Economics Correspondent"
        if ROLE_RE.fullmatch(role) is None:
            return None
    names = line.split(" and ", 1) if placed else [line]  # "Jane Doe and Tom Roe"
    for name in names:
        if len(name) > 40 or BARE_NAME_RE.fullmatch(name) is None:
            return None
        if " in " in name and not placed:
            return None
    if any(word.lower().strip(".") in NOT_NAME_WORDS for word in line.split()):
        return None
    return line
