"""Header lines that hold metadata: a date, an updated date, a byline, a source, alone or several
on one line, in the orders news sites and WordPress themes print them.

A line is read whole first (``Published: Oct. 5, 2022, 6:20 p.m. ET``, ``By Jane Smith``); a
line that is not one field is cut into segments at ``|``, ``·``, ``•``, `` / ``, spaced dashes,
before ``by`` and before an "updated" label (``June 3, 2021 | By Lena Park``, ``Posted on
February 12, 2022 by Jane Smith``, ``Published Feb. 12, 2022 Updated Feb. 13, 2022``), and a
segment that is still no field is tried as a byline and a date joined by ``on`` or a comma
(``By Jane Smith on 12 February 2022``). Every segment must be a field, or the line is not a
metadata line: one unknown word makes it a title or prose.

A bare name (``Jane Smith · 12 February 2022``) is an author only beside a date on the same
line; a news agency (``Reuters``, ``AP``) or a ``Source:`` label gives ``source``; a reading time
(``5 min read``) or a lone clock (``14:02 GMT``) beside a date is read and dropped.
"""

from __future__ import annotations

import re

from textfix.extract.bylines import BY_FIRST, read_byline
from textfix.extract.dates import CLOCK, DATE_FIELD_RE, DateBounds, date_of, is_ambiguous_date
from textfix.extract.placedates import AGENCIES, read_place_date_line
from textfix.extract.titles import has_year_hint

_PUBLISHED_LABELS = (
    "published|first published|published on|publication date|posted|posted on|date|dated|"
    "datum|created|veröffentlicht|erstellt|publié|publiée|date de publication|publicado|"
    "publicada|fecha|data|pubblicato|gepubliceerd|geplaatst|опубликовано|дата|опубліковано"
)
_UPDATED_LABELS = (
    "updated|last updated|last modified|modified|updated on|aktualisiert|zuletzt aktualisiert|"
    "stand|mis à jour|modifié|actualizado|actualizada|atualizado|atualizada|aggiornato|"
    "bijgewerkt|laatst bijgewerkt|обновлено|оновлено"
)


def _labels(names: str) -> str:
    return "|".join(sorted(names.split("|"), key=len, reverse=True))


# "Published: 12 Feb 2022", "Updated on Feb. 12, 2022", "Mis à jour le 12 février 2022".
LABELLED_DATE_RE = re.compile(
    rf"(?:(?P<published>(?i:{_labels(_PUBLISHED_LABELS)}))"
    rf"|(?P<updated>(?i:{_labels(_UPDATED_LABELS)})))"
    r"(?::\s*|\s+)(?:(?i:on|at|le|am|em|el|il|op)\s+)?(?P<field>.+)"
)
# How a line that may hold metadata without a year opens (a byline, a label); every other line
# without a year is a title or prose (``read_meta_line`` reads no field in it).
META_START_WORDS = (
    "by", "von", "ein beitrag von", "beitrag von", "par", "por", "di", "door", "updated",
    "published", "posted", "last updated", "last modified", "date", "dated", "datum", "written",
    "words", "story", "reporting", "reported", "author", "autor", "auteur", "autore", "source",
    "sources", "quelle", "fuente", "fonte", "bron", "источник", "автор",
)  # fmt: skip


def _by_first_letter(words: tuple[str, ...]) -> str:
    """``(?i:w1|w2|…)`` with each word's first letter as a class of its cases, words grouped by
    it: a literal first letter fails at once, where a case-blind branch folds it in each (the
    match costs a third less). "ſ" is a case of "s" to ``re``."""
    tails: dict[str, list[str]] = {}
    for word in words:
        tails.setdefault(word[0], []).append(word[1:])
    return "|".join(
        f"[{first.upper()}{first}{'ſ' if first == 's' else ''}](?i:{'|'.join(rest)})"
        for first, rest in tails.items()
    )


META_START_RE = re.compile(rf"(?:{_by_first_letter(META_START_WORDS)})\b")
META_FIRST = frozenset("BbVvPpDdUuLlWwSsſRrAaQqFfИиEeАа")
# Where a line of several fields is cut: separators, and before "by" and "updated" labels,
# but not inside a byline label ("Posted by", "Written by"). Every alternative opens with "|"
# or a space, so the pattern is tried at those places alone.
SEGMENT_SPLIT_RE = re.compile(
    r"\|\s*|\s+(?:\|\s*|[·•/]\s+|[—–]\s+|-{1,2}\s+"
    r"|(?=(?:by|By|BY)\s)(?<!(?i:posted)\s)(?<!(?i:written)\s)(?<!(?i:words)\s)"
    r"(?<!(?i:story)\s)(?<!(?i:reporting)\s)(?<!(?i:reported)\s)"
    r"|(?<!(?i:last)\s)(?=(?i:updated|last updated|last modified|aktualisiert|mis à jour|"
    r"actualizado)\b))"
)
# Where a byline and a date share a segment: "By Jane Smith on 12 February 2022", "Par Claire
# Dubois, le 15 février 2024", or with no joiner before a digit or a capital ("By Jane Smith
# March 8, 2022 10:14 AM").
JOIN_SPLIT_RE = re.compile(
    r",\s+(?:(?i:on|le|am|el)\s+)?|\s+(?:(?i:on|le|am|el)\s+|(?=[\dA-ZÀ-ÖØ-Þ]))"
)
SOURCE_LABEL_RE = re.compile(
    r"(?i:source|sources|quelle|fuente|fonte|bron|источник):\s*(?P<name>[^\W\d_][\w.&' \-]{0,40})"
)
# A bare name beside a date: two to four capitalised words, maybe with a particle.
BARE_NAME_RE = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w'’\-]+\.?(?:\s+(?:(?:de|van|von|der|da|del|di|la|le|bin|al|el)\s+)?"
    r"[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?){1,3}(?: in [A-ZÀ-ÖØ-Þ][\w'’\-]*(?: [A-ZÀ-ÖØ-Þ][\w'’\-]*)?)?"
)
# Words of site sections and navigation, never of a name ("Top Stories | Feb 12, 2022").
NOT_NAME_WORDS = frozenset(
    {
        "news", "stories", "story", "top", "latest", "live", "home", "world", "business",
        "sport", "sports", "politics", "opinion", "comment", "analysis", "video", "photos",
        "updated", "published", "breaking", "local", "national", "international", "health",
        "science", "tech", "technology", "culture", "entertainment", "travel", "weather",
        "staff", "editor", "editors", "team", "desk", "admin", "share", "comments", "read",
        "key", "points", "facts", "summary", "highlights", "overview", "contents", "explainer",
        "background", "introduction", "related", "topics", "watch", "listen", "more",
    }
)  # fmt: skip
# "5 min read", "3 minute read", "Lesezeit: 4 Minuten", a clock, "Updated 2 hours ago", a
# comment count ("4 Comments", "Leave a comment"): read beside a date, then dropped.
_TIME_LABEL = r"(?i:updated|last updated|posted|published):? "
_TIME_AGO = r"\d{1,3} (?i:minutes?|mins?|hours?|hrs?|days?|weeks?) (?i:ago)"
NOISE_RE = re.compile(
    rf"\d{{1,3}}[ -]min(?:ute)?s?\.? read|(?i:lesezeit):? \d{{1,3}} (?i:min\w*)|{CLOCK}"
    rf"|(?:{_TIME_LABEL})?{_TIME_AGO}"
    r"|(?:\d{1,5}|[Nn]o|[Oo]ne) (?i:comments?|responses?|replies)|(?i:leave a comment)"
)
# A labelled relative time ("Updated: 2 hours ago", "Posted 3 days ago"): a date line that
# gives no date, a header line on its own (an unlabelled "2 hours ago" is one only beside a date).
RELATIVE_TIME_RE = re.compile(_TIME_LABEL + _TIME_AGO)
# A byline's role after a separator ("By Jane Doe | Staff writer"): read beside a byline or a
# date, then dropped. One to three capitalised or lower-case words ending with a role noun
# (and the role nouns of the languages whose month names textfix knows), maybe with where or
# what for.
ROLE_RE = re.compile(
    r"(?:[^\W\d_]+ ){0,2}(?i:writer|reporter|correspondent|editor|columnist|contributor|"
    r"journalist|critic|korrespondent(?:in)?|redakteur(?:in)?|reporterin|journaliste|"
    r"correspondante?|rédacteur|rédactrice|corresponsal|periodista|redactora?|corrispondente|"
    r"giornalista|inviata?|jornalista|repórter|correspondente|verslaggever|redacteur)"
    # where or what for, in the other languages: "Rédactrice en chef", "Corresponsal en Roma"
    # (no English "in"/"for": "Fury at editor in Rome" is a headline)
    r"(?: (?:en|à|a|für|di|da|em) [^\W\d_]+)?"
)
# The outlet a byline names after a pipe ("By Alexander Bolton | The Hill", "By Jane Doe |
# Politico"): one to five capitalised words (``&``, "of", "the" between them), no digit. Two
# authors are joined by "and", a comma or a slash, never by a pipe.
OUTLET_RE = re.compile(
    r"(?:[Tt]he )?[A-Z][\w'’.\-]*(?: (?:[A-Z][\w'’.\-]*|&|of|the|de|du|del|la|el)){0,4}"
)
# Keys a metadata line fills; "name" becomes "author" beside a date.
FIELD_KEYS = ("date", "updated", "author", "source")


def read_meta_line(line: str, bounds: DateBounds) -> dict[str, str] | None:
    """The fields of ``line`` (stripped) when all of it is header metadata, else None.

    >>> import datetime as dt
    >>> from textfix.extract.dates import make_bounds
    >>> b = make_bounds(None, None, None, dt.date(2024, 1, 1))
    >>> read_meta_line("June 3, 2021 | By Lena Park", b)
    {'date': '2021-06-03', 'author': 'Lena Park'}
    >>> read_meta_line("Posted on February 12, 2022 by Jane Smith", b)
    {'date': '2022-02-12', 'author': 'Jane Smith'}
    >>> read_meta_line("Published Feb. 12, 2022 Updated Feb. 13, 2022, 4:25 p.m. ET", b)
    {'date': '2022-02-12', 'updated': '2022-02-13'}
    >>> read_meta_line("By the time we arrived, 12 people had left", b) is None
    True
    >>> read_meta_line("By Alexander Bolton | The Hill", b)
    {'author': 'Alexander Bolton', 'source': 'The Hill'}
    >>> read_meta_line("Updated: 2 hours ago", b), read_meta_line("2 hours ago", b)
    ({}, None)
    """
    has_year = has_year_hint(line)
    if not has_year and (line[:1] not in META_FIRST or META_START_RE.match(line) is None):
        # A bare name or an agency is an author or a source only beside a date; with no date,
        # only a line opening with a byline or a label is a header line ("Reuters | By Jane
        # Smith" is left alone). The wire form "PARIS, May 5 (Reuters)" has no year.
        return read_place_date_line(line, bounds) if line[-1:] == ")" else None
    if ends_like_prose(line):
        return None
    whole = _read_segment(line, bounds, has_year, True)
    if whole is not None:
        return _fields([whole])
    if has_year:
        placed = read_place_date_line(line, bounds)  # "Rome, 12 January 2022"
        if placed is not None:
            return placed
    parts = [p for p in SEGMENT_SPLIT_RE.split(line) if p]
    if len(parts) > 8:
        return None
    found: list[tuple[str, str]] = []
    for part in parts:
        # A line with no separator is one part, the whole line, read above.
        field = None if part == line else _read_segment(part, bounds, has_year)
        if (
            found
            and found[-1][0] == "author"
            and "|" in line
            and (field is None or field[0] == "name")
            and OUTLET_RE.fullmatch(part.strip()) is not None
            and not any(c.isdigit() for c in part)
        ):
            field = ("outlet", part.strip())  # "By Alexander Bolton | The Hill"
        if field is not None:
            found.append(field)
            continue
        joined = _read_joined(part, bounds) if has_year else None
        if joined is None:
            return None
        found.extend(joined)
    return _fields(found)


# Lower-case letters and words that may close a field before a full stop (``could_end_date``):
# "a.m."/"p.m.", "14h", the Russian and Ukrainian year marks ``г.``/``р.``, "Uhr", "hrs".
FIELD_LAST_LETTERS = "mhгр"
FIELD_LAST_WORDS = ("hrs", "Hrs", "Uhr")


def ends_like_prose(line: str) -> bool:
    """True when ``line`` (stripped) ends as no metadata field does: a full stop after a word of
    lower-case letters, not after a byline label ("by jsmith." is a WordPress byline), in a line
    with no colon (a ``Source:`` label may name anything). Every segment of a metadata line is
    a field, the last one too: a date ends with a digit, a capital, a clock or a year mark, a
    name or a byline with a capitalised word, an agency with no full stop. Most sentences end
    so, and the segment readers are spared (most lines read here are a body's first line).

    >>> ends_like_prose("Shell is to pay $1m to the chief who left in 2004, the firm said.")
    True
    >>> ends_like_prose("12 Feb 2022, 4:25 p.m."), ends_like_prose("12 Feb 2022 by admin.")
    (False, False)
    """
    if line[-1:] != "." or ":" in line:
        return False
    before = line[-2:-1]
    if not before.islower() or before in FIELD_LAST_LETTERS:
        return False
    words = line.rsplit(None, 2)
    last = words[-1][:-1]
    if not (last.isalpha() and last[0].islower()) or last.endswith(FIELD_LAST_WORDS):
        return False
    return len(words) < 2 or words[-2][-2:] not in ("by", "By", "BY", "bY")


def _fields(found: list[tuple[str, str]]) -> dict[str, str] | None:
    metadata: dict[str, str] = {}
    for key, value in found:
        if key in FIELD_KEYS and metadata.setdefault(key, value) != value and key != "source":
            return None  # two dates or two bylines on one line: not one header's fields
    if "date" not in metadata and "updated" not in metadata:
        if all(key == "undated" for key, _ in found):
            return {}  # a date line that gives no date: a header line without a field
        if "author" not in metadata:
            # A source label alone is a header line; a bare name or an agency alone is not.
            labelled = [v for k, v in found if k == "source_label"]
            return {"source": labelled[0]} if labelled and len(found) == 1 else None
        if any(k == "name" for k, _ in found):
            return None
    else:
        names = [v for k, v in found if k == "name"]
        if len(names) > 1 or (names and "author" in metadata):
            return None
        if names:
            metadata["author"] = names[0]
    for key, value in found:
        if key in ("source_label", "outlet"):
            metadata.setdefault("source", value)
    return metadata


def _read_segment(
    segment: str, bounds: DateBounds, has_year: bool, whole: bool = False
) -> tuple[str, str] | None:
    """The field ``segment`` is. ``has_year``: the line has a year; ``whole``: the segment is
    the whole line (stripped), so it has the line's year."""
    segment = segment.strip()
    if not segment:
        return None
    author = read_byline(segment)
    if author is not None:
        return "author", author
    if has_year and (whole or has_year_hint(segment)):
        date = _read_date(segment, bounds)
        if date is not None:
            return date
    if segment.lower().removeprefix("(").removesuffix(")") in AGENCIES:
        return "source", segment.strip("()")
    label = SOURCE_LABEL_RE.fullmatch(segment)
    if label is not None:
        return "source_label", label["name"].strip()
    if RELATIVE_TIME_RE.fullmatch(segment) is not None:
        return "undated", segment
    if NOISE_RE.fullmatch(segment) is not None:
        return "noise", segment
    if ROLE_RE.fullmatch(segment) is not None:
        return "role", segment
    if BARE_NAME_RE.fullmatch(segment) is not None and not any(
        word.lower().strip(".") in NOT_NAME_WORDS for word in segment.split()
    ):
        return "name", segment
    return None


def _read_date(segment: str, bounds: DateBounds) -> tuple[str, str] | None:
    segment = segment.rstrip(" .,")
    if not could_end_date(segment):
        return None
    labelled = LABELLED_DATE_RE.fullmatch(segment)
    field = segment if labelled is None else labelled["field"]
    match = DATE_FIELD_RE.fullmatch(field)
    if match is None:
        return None
    value = date_of(match, bounds)
    if value is None:
        # "02/03/2022" with no date order: a date line that gives no date.
        return ("undated", field) if is_ambiguous_date(match, bounds) else None
    return ("updated" if labelled is not None and labelled["updated"] else "date"), value


def could_end_date(segment: str) -> bool:
    """False when ``segment`` (stripped of " .,") surely holds no date field, for a few tests.

    A date field (``DATE_FIELD_RE``, also after a label) ends with its year or day, a clock or
    a zone: a digit, a capital, a bracket, "am"/"pm" in any spelling, "h", "hrs", "Uhr", or the
    Russian and Ukrainian "г."/"р." after the year. A segment ending with any other lower-case
    letter (a sentence: "…, a report says.") is no date, and the two long date patterns are not
    tried on it.

    >>> could_end_date("12 February 2022, 3:04 p.m"), could_end_date("In 2004 it grew")
    (True, False)
    """
    last = segment[-1:]
    return not last.islower() or last in "mhгр" or segment.endswith(("hrs", "Hrs", "Uhr"))


def _read_joined(segment: str, bounds: DateBounds) -> list[tuple[str, str]] | None:
    """A byline and a date in one segment, joined by "on", a comma or nothing: the byline first.

    >>> from textfix.extract.dates import rolling_bounds
    >>> _read_joined("By Jane Doe March 8, 2022", rolling_bounds(None, None, None))
    [('author', 'Jane Doe'), ('date', '2022-03-08')]
    >>> _read_joined("By Friday March 8, 2022", rolling_bounds(None, None, None)) is None
    True
    >>> _read_joined("Par Claire Dubois, le 15 février 2024", rolling_bounds(None, None, None))
    [('author', 'Claire Dubois'), ('date', '2024-02-15')]
    """
    if segment[:1] not in BY_FIRST or not segment:
        return None  # the byline opens the segment (most segments here are prose)
    for cut in JOIN_SPLIT_RE.finditer(segment):
        left, right = segment[: cut.start()], segment[cut.end() :]
        author = read_byline(left)
        if author is not None:
            date = _read_date(right, bounds) if has_year_hint(right) else None
            if date is not None:
                return [("author", author), date]
            if NOISE_RE.fullmatch(right) is not None:
                return [("author", author), ("noise", right)]  # "by admin 4 Comments"
    return None
