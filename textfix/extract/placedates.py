"""Place-dated lines: a place and the story's date, on a header line of their own or opening the
body's first line.

``LONDON, 12 January 2022``, ``Berlin, 3. März 2023``, ``Paris, le 5 mai 2021``, ``Madrid, 12 de
enero de 2022``, ``NEW YORK, Jan. 12, 2022``, ``Helsinki 12.1.2022``; the wire form without a year
``PARIS, May 5 (Reuters)`` (a place and a source, no date: a year is never guessed); run into the
body: ``Rome, 12 January 2022 — Italy's…``, ``BERLIN, 12.01.2022 /dpa/ – Die…``. The place becomes
``dateline``, the date ``date``, an agency ``source``; a run-in dateline stays in the body.

The place must look like one, not like a name: one word (``Rome``, ``Stratford-upon-Avon``), or
words joined by a particle (``Rio de Janeiro``, ``Frankfurt am Main``) or opened or closed by a
place word (``New York``, ``Cape Town``, ``Mexico City``); ``Jane Smith, 12 January 2022`` gives
no dateline. The date is a whole date field (``dates.DATE_FIELD_RE``); after a place with no
comma (``Helsinki 12.1.2022``) only a numeric one. Left alone: ``Rome, 2022: the year…``,
``London, the capital, was quiet on 12 January 2022.``, ``Paris, Texas is a 1984 film.``.
"""

from __future__ import annotations

import re

from textfix.extract.dates import (
    DATE_FIELD_RE,
    MONTH,
    MONTHS,
    SHORT_WEEKDAYS,
    WEEKDAYS,
    DateBounds,
    date_of,
    is_ambiguous_date,
    rolling_bounds,
)

# A place word: a capital then letters, apostrophes, dots and hyphens (Unicode capitals: the
# ``isupper`` test below), up to five words with lower-case particles between them.
_WORD = r"[^\W\d_][\w'’.\-]*"
PARTICLES = frozenset(
    {"de", "del", "da", "do", "dos", "das", "di", "du", "des", "la", "le", "el", "es", "am",
     "an", "im", "upon", "on", "sur", "en", "y"}
)  # fmt: skip
_PARTICLE = rf"(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))})"
PLACE_RE = re.compile(rf"(?P<place>{_WORD}(?: (?:{_PARTICLE} ){{0,2}}{_WORD}){{0,3}})")
# What joins the place and its date: a comma and maybe "le"/"den"/"am"/"a"/"el", or a space
# before a digit (``Helsinki 12.1.2022``).
JOIN_RE = re.compile(r", ?(?:(?:le|den|am|a|el|il|on) )?|\s(?=\d)")
# A region after the place, then a comma: "Ore.", "D.C.", "Ukraine", "New South Wales".
REGION_RE = re.compile(r"(?P<region>[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,2}), ?")
# The wire form's day without a year, then its agency: ``May 5 (Reuters)``.
WIRE_DAY_RE = re.compile(rf"{MONTH} \d{{1,2}}(?!\d),? \((?P<agency>[A-Za-z][\w.&' \-]{{0,24}})\)")
# A place-dated line's agency: ``LONDON, Jan. 12, 2022 (Reuters)``.
AGENCY_TAIL_RE = re.compile(r" \((?P<agency>[A-Za-z][\w.&' \-]{0,24})\)")
# After a run-in date: an agency in brackets or slashes, then a dash and a space.
RUN_IN_TAIL_RE = re.compile(
    r"(?: \((?P<agency>[A-Za-z][\w.&' \-]{0,24})\)| /(?P<slashed>[A-Za-z][\w.&\-]{0,24})/)?"
    r" ?(?:—|–|--|-) "
)
# A mixed-case place of several words opens or closes with one of these ("New York", "Cape
# Town"); other words so run together are a name ("Jane Smith").
PLACE_FIRST_WORDS = frozenset(
    {
        "new", "san", "santa", "santo", "são", "sao", "los", "las", "la", "le", "el", "al",
        "saint", "st.", "st", "sankt", "port", "porto", "fort", "cape", "buenos", "rio", "hong",
        "kuala", "tel", "abu", "dar", "addis", "phnom", "ho", "salt", "sri", "south", "north",
        "east", "west", "bad", "nizhny", "greater", "upper", "lower", "mount", "mont", "puerto",
        "costa", "kansas", "palm", "long", "baton", "des", "den", "de", "ciudad",
    }
)  # fmt: skip
PLACE_LAST_WORDS = frozenset(
    {"city", "town", "beach", "springs", "bay", "island", "islands", "falls", "heights", "park",
     "valley", "harbour", "harbor", "creek", "hills", "lake", "rapids", "moines", "aires"}
)  # fmt: skip
# Openings that are labels, days or headline words, never a place.
NOT_PLACE_WORDS = (
    frozenset(MONTHS)
    | WEEKDAYS
    | {
        "today", "yesterday", "tomorrow", "updated", "published", "posted", "modified", "date",
        "dated", "datum", "stand", "edition", "issue", "as", "since", "until", "from", "on",
        "by", "at", "in", "the", "a", "an", "this", "that", "breaking", "live", "update",
        "news", "report", "video", "photo", "photos", "watch", "opinion", "analysis", "review",
        "release", "released", "filed", "created", "last", "first", "copyright", "version",
        # site sections printed before a date ("Politics 12.1.2022")
        "politics", "politik", "politique", "política", "politica", "sport", "sports",
        "business", "economy", "wirtschaft", "world", "welt", "culture", "kultur", "tech",
        "technology", "science", "health", "lifestyle", "travel", "entertainment", "local",
        "national", "international", "weather", "media", "education", "uutiset", "kotimaa",
        "ulkomaat", "talous", "urheilu", "nachrichten", "actualités", "noticias", "notizie",
        "home", "latest", "top", "main", "page", "story", "stories", "feature", "features",
    }
)  # fmt: skip
# News agencies and newsrooms: a source beside a date or under a byline.
AGENCIES = frozenset(
    {
        "reuters", "ap", "the associated press", "associated press", "afp", "agence france-presse",
        "bloomberg", "pa", "pa media", "press association", "dpa", "ansa", "efe", "xinhua",
        "tass", "ria novosti", "interfax", "upi", "kyodo", "yonhap", "anadolu agency", "aap",
        "pti", "ians", "the canadian press", "cp", "nexstar media wire", "cnn", "bbc news",
        "cbs news", "nbc news", "abc news", "fox news", "sky news", "cnbc", "npr", "al jazeera",
    }
)  # fmt: skip
DEFAULT_BOUNDS = rolling_bounds(None, None, None)
# The place, its date and what follows are read within this many characters of the start.
SCAN = 120
# A place (and its region) ends within this many characters.
MAX_PLACE = 60


def is_place(place: str) -> bool:
    """Whether ``place`` (as ``PLACE_RE`` read it) is shaped like a place, not a name or a label.

    >>> is_place("Rome"), is_place("NEW YORK"), is_place("Rio de Janeiro"), is_place("Jane Smith")
    (True, True, True, False)
    """
    words = place.split()
    first = words[0].lower().rstrip(".")
    if not words[0][0].isupper() or first in NOT_PLACE_WORDS:
        return False
    if len(words) == 1 and first in SHORT_WEEKDAYS:
        return False  # "Mo., 3. Juni 2024" (but "Ter Apel" is a place)
    capitalised = [w for w in words if w[0].isupper()]
    if any(not (w[1:2].isalpha() or w[1:2] in "'’.-") for w in capitalised):
        return False  # "A1", single letters
    if len(capitalised) == 1:
        return len(words) == 1
    if len(capitalised) < len(words):
        # joined by a particle: "Rio de Janeiro", "Frankfurt am Main" (not "Jane and Smith")
        return all(w in PARTICLES for w in words if not w[0].isupper())
    return words[0].lower() in PLACE_FIRST_WORDS or words[-1].lower() in PLACE_LAST_WORDS


def _place_and_date(
    line: str, bounds: DateBounds
) -> tuple[str, str | None, int, str | None] | None:
    """The place opening ``line``, the date after it (None for the wire form's day), where the
    date field ends, and the wire form's agency; None when ``line`` opens with no place and
    date."""
    place = PLACE_RE.match(line, 0, SCAN)
    if place is None:
        return None
    join = JOIN_RE.match(line, place.end(), SCAN)
    if join is None or not is_place(place["place"]):
        return None
    if not join.group().startswith(","):
        field = DATE_FIELD_RE.match(line, join.end(), SCAN)
        if field is None or not line[join.end()].isdigit() or field["dm"] or field["mm"]:
            return None  # "Helsinki 12.1.2022": after a bare space, a numeric date alone
    else:
        field = DATE_FIELD_RE.match(line, join.end(), SCAN)
        if field is None and line[join.end() : join.end() + 1].isupper():
            # a region between the place and its date: "PORTLAND, Ore., Jan. 12, 2022"
            region = REGION_RE.match(line, join.end(), SCAN)
            if region is not None and region["region"].lower().rstrip(".") not in NOT_PLACE_WORDS:
                field = DATE_FIELD_RE.match(line, region.end(), SCAN)
                if field is not None:
                    where = f"{place['place']}, {region['region']}"
                    return _dated(where, field, bounds)
    if field is None:
        wire = WIRE_DAY_RE.match(line, join.end(), SCAN)
        if wire is None or wire["agency"].lower() not in AGENCIES:
            return None
        return place["place"], None, wire.end(), wire["agency"]
    return _dated(place["place"], field, bounds)


def _dated(
    place: str, field: re.Match[str], bounds: DateBounds
) -> tuple[str, str | None, int, str | None] | None:
    """``_place_and_date``'s answer for a date field: its date, or ``""`` for a numeric date
    that ``date_order`` must settle (``NEW YORK, 02/03/2022``: a place, no date)."""
    date = date_of(field, bounds)
    if date is None:
        return (place, "", field.end(), None) if is_ambiguous_date(field, bounds) else None
    return place, date, field.end(), None


def read_place_date_line(line: str, bounds: DateBounds = DEFAULT_BOUNDS) -> dict[str, str] | None:
    """The fields of ``line`` (stripped) when all of it is a place and a date, or a place, a
    day and an agency (the wire form); else None.

    >>> read_place_date_line("Paris, le 5 mai 2021")
    {'dateline': 'Paris', 'date': '2021-05-05'}
    >>> read_place_date_line("PARIS, May 5 (Reuters)")
    {'dateline': 'PARIS', 'source': 'Reuters'}
    >>> read_place_date_line("Jane Smith, 12 January 2022") is None
    True
    >>> read_place_date_line("Rome, 2022: the year the city changed") is None
    True
    """
    if not line[:1].isupper() or len(line) > SCAN:
        return None
    found = _place_and_date(line, bounds)
    if found is None:
        return None
    place, date, end, wire = found
    if date is None:  # the wire form: a day and an agency, the line's end
        return {"dateline": place, "source": wire} if wire and end == len(line) else None
    fields = {"dateline": place, "date": date} if date else {"dateline": place}
    if end == len(line):
        return fields
    tail = AGENCY_TAIL_RE.fullmatch(line, end)
    if tail is None or tail["agency"].lower() not in AGENCIES:
        return None
    return {**fields, "source": tail["agency"]}


def read_place_date_opener(text: str, bounds: DateBounds = DEFAULT_BOUNDS) -> dict[str, str]:
    """``dateline``, ``date`` and ``source`` of a place and a date opening ``text`` and closed
    by a dash (maybe after an agency): ``Rome, 12 January 2022 — Italy's…``. Empty otherwise.

    >>> read_place_date_opener("BERLIN, 12.01.2022 /dpa/ – Die Regierung hat beschlossen.")
    {'dateline': 'BERLIN', 'date': '2022-01-12', 'source': 'dpa'}
    >>> read_place_date_opener("Rome, 12 January 2022 was a cold day - and a long one.")
    {}
    """
    if not text[:1].isupper():
        return {}
    found = _place_and_date(text, bounds)
    if found is None:
        return {}
    place, date, end, _ = found
    if not date:
        return {}  # the wire form (read by ``datelines.DATELINE_RE``), or no date to give
    tail = RUN_IN_TAIL_RE.match(text, end, SCAN + 40)
    if tail is None:
        return {}
    fields = {"dateline": place, "date": date}
    agency = tail["agency"] or tail["slashed"]
    if agency:
        fields["source"] = agency
    return fields


def could_open_place_date(line: str) -> bool:
    """False when ``line`` surely opens with no place and date with a year: no year ("19" or
    "20") in its first ``SCAN`` characters, or no comma after the place's length and no digit
    after its first space (most openings: "NATO - the alliance…", a sentence with a dash).

    >>> could_open_place_date("Rome, 12 January 2022 — Italy"), could_open_place_date("Rome is")
    (True, False)
    >>> could_open_place_date("Helsinki 12.1.2022 - Hallitus")
    True
    >>> could_open_place_date("In the year 2022 - a")
    False
    """
    head = line[:SCAN]
    if not (line[:1].isupper() and ("20" in head or "19" in head)):
        return False
    if line.find(",", 0, MAX_PLACE) >= 0:
        return True
    space = line.find(" ", 0, MAX_PLACE)
    return space > 0 and line[space + 1 : space + 2].isdigit()
