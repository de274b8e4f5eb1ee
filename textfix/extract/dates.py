"""Dates as scrapers write them at the top of an article, read into ``YYYY-MM-DD``.

Only whole date fields are read: a date core (ISO ``2022-02-12``, dotted day-first
``12.02.2022``, ``12 February 2022``, ``Feb. 12, 2022``, Reuters' ``26-FEB-1987``, in the
languages of ``textfix/data/months.toml``), optionally with a weekday before it and a time and
zone around it (``Saturday 12 February 2022 09.30 GMT``, ``14:11 EST, 25 October 2013``,
``Feb. 12, 2022, 3:04 p.m. ET``). A date field inside a sentence is not a date field.

No date library is used: these patterns cover the header formats seen in the corpora, cost a few
microseconds per line, and never guess. Slashed or dashed all-numeric dates whose day and month
are both 12 or less (``02/03/2022``) are read only when ``date_order`` says how.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Literal

from textfix._toml import load_toml_bytes
from textfix.errors import ConfigError

DateOrder = Literal["dmy", "mdy"]
DATE_ORDERS: tuple[DateOrder | None, ...] = (None, "dmy", "mdy")
DEFAULT_MIN_DATE = "1900-01-01"


def load_month_names() -> tuple[dict[str, int], frozenset[str]]:
    """Month spellings (lower case) to month numbers, and weekday spellings, all languages.

    >>> months, weekdays = load_month_names()
    >>> months["february"], months["февраля"], months["mrt"]
    (2, 2, 3)
    >>> "saturday" in weekdays
    True
    """
    data = load_toml_bytes(resources.files("textfix.data").joinpath("months.toml").read_bytes())
    months: dict[str, int] = {}
    weekdays: set[str] = set()
    for table in data.values():
        for number, names in enumerate(table["months"], start=1):
            for name in names:
                if months.setdefault(name, number) != number:
                    raise ValueError(f"month name {name!r} means two different months")
        weekdays.update(table["weekdays"])
    return months, frozenset(weekdays)


MONTHS, WEEKDAYS = load_month_names()


def load_short_weekdays() -> frozenset[str]:
    """Weekday abbreviations that are also names or words ("di", "do", "sam"), all languages:
    read before a date and never as a place, but not kept out of bylines.

    >>> short = load_short_weekdays()
    >>> "mo" in short, "sam" in short, "monday" in short
    (True, True, False)
    """
    data = load_toml_bytes(resources.files("textfix.data").joinpath("months.toml").read_bytes())
    return frozenset(name for table in data.values() for name in table.get("short_weekdays", ()))


SHORT_WEEKDAYS = load_short_weekdays()


def _alternation(names: Iterable[str]) -> str:
    # Longest first, so "sept" wins over "sep" and "февраля" over "фев".
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


MONTH = rf"(?i:{_alternation(MONTHS)})\.?(?!\w)"
WEEKDAY = rf"(?i:{_alternation(WEEKDAYS | SHORT_WEEKDAYS)})\.?(?!\w)"
# A time: 14:11, 09.30, 3:04 p.m., 1:25 AM, 7pm, 15:01:01.79, 10h30, "14:02 Uhr". Then an
# optional zone in capitals (GMT, EST, ET, UTC+2, CET, "(GMT)") or an offset.
TIME = (
    r"(?:\d{1,2}(?:[:.h]\d{2}){1,2}(?:\.\d{1,3})?(?:\s?(?:[AaPp]\.?\s?[Mm]\.?))?"
    r"|\d{1,2}\s?[AaPp]\.?[Mm]\.?)(?:\s?(?:Uhr|h|hrs|Hrs|IST)(?!\w))?"
)
ZONE = r"(?:\(?[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?\)?|[+-]\d{2}:?\d{2})"
CLOCK = rf"{TIME}(?:\s?{ZONE})?"
YEAR = r"(?:1[89]|2\d)\d{2}(?!\d)"

# The date cores, each with its own group names (a regex may not repeat a name).
DATE_CORE = (
    # ISO and year-first: 2022-02-12, 2022-02-12T09:30:00Z, 2022/06/23, 2022.02.12
    rf"(?P<iy>{YEAR})(?P<isep>[-/.])(?P<im>\d{{1,2}})(?P=isep)(?P<id>\d{{1,2}})(?!\d)"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?"
    # all-numeric with the year last: 12.02.2022 (day first), 02/03/2022 (needs date_order)
    rf"|(?P<n1>\d{{1,2}})(?P<nsep>[-/.])(?P<n2>\d{{1,2}})(?P=nsep)(?P<ny>{YEAR})"
    # day first: 12 February 2022, 3rd August 2011, 12. Februar 2022, 12 de febrero de 2022,
    # 1er février 2022, 26-FEB-1987, 12 февраля 2022 г.
    rf"|(?P<dd>\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?(?:\s+|-)(?:(?:of|de)\s+)?(?P<dm>{MONTH})"
    rf"(?:,?\s+|-)(?:(?:de|del)\s+)?(?P<dy>{YEAR})(?:\s?(?:г|р)\.?)?"
    # month first: February 12, 2022; Feb. 12 2022; March 3rd, 2011
    rf"|(?P<mm>{MONTH})\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>{YEAR})"
)

# A whole date field: optional weekday, optional leading clock ("14:11 EST, 25 October 2013",
# "1:25 AM on 3rd August 2011", "2:15 PM EST, Sat February 12, 2022"), the core, optional
# trailing clock ("…, 3:04 p.m. ET", "… à 14h02", "… um 14:02 Uhr", "… ore 14:02").
DATE_FIELD_RE = re.compile(
    # (a weekday opens with a letter: the names are not tried on a field opening with a digit)
    rf"(?:(?=[^\W\d_]){WEEKDAY},?\s+)?"
    rf"(?:{CLOCK},?\s+(?:(?i:on)\s+)?(?:(?=[^\W\d_]){WEEKDAY},?\s+)?)?"
    rf"(?:{DATE_CORE})"
    rf"(?:(?:,|\s+(?i:at|um|à|a las|alle|ore|om|в|о)|\s+-|\s+–|\s+—|\s+/)?\s+{CLOCK})?"
)

# The day this module was loaded: never after tomorrow, whenever a date is checked.
LOADED_ON = dt.date.today()


@dataclass(frozen=True)
class DateBounds:
    """How to read a date: the order of ambiguous numeric dates, and the plausible range."""

    order: DateOrder | None
    earliest: dt.date
    # None: the day after today, read from the clock only when a date is checked (see
    # ``rolling_bounds``).
    latest: dt.date | None

    def last_day(self) -> dt.date:
        """The latest date taken: ``latest``, or tomorrow when it is None.

        >>> DateBounds(None, dt.date(1900, 1, 1), None).last_day() > dt.date.today()
        True
        """
        return self.latest or dt.date.today() + dt.timedelta(days=1)

    def takes(self, day: dt.date) -> bool:
        """``earliest <= day <= last_day()``, without reading the clock for a day no later than
        the day textfix was loaded (it is before tomorrow whenever the call is made): most
        dates are, and reading the clock costs more than the rest of a date's reading.

        >>> bounds = DateBounds(None, dt.date(1900, 1, 1), None)
        >>> bounds.takes(dt.date(2022, 2, 12)), bounds.takes(dt.date(1899, 12, 31))
        (True, False)
        >>> DateBounds(None, dt.date(1900, 1, 1), dt.date(2020, 1, 1)).takes(dt.date(2022, 2, 12))
        False
        """
        if day < self.earliest:
            return False
        if self.latest is not None:
            return day <= self.latest
        return day <= LOADED_ON or day <= dt.date.today() + dt.timedelta(days=1)


@lru_cache(maxsize=64)
def make_bounds(
    date_order: str | None, min_date: str | None, max_date: str | None, today: dt.date
) -> DateBounds:
    """Check the options once and turn them into ``DateBounds`` (``max_date`` None: today+1).

    >>> make_bounds("dmy", "2000-01-01", None, dt.date(2024, 5, 1)).latest
    datetime.date(2024, 5, 2)
    >>> make_bounds("ymd", None, None, dt.date(2024, 5, 1))
    Traceback (most recent call last):
    ...
    textfix.errors.ConfigError: date_order='ymd' is not one of: None, dmy, mdy
    """
    if date_order not in DATE_ORDERS:
        raise ConfigError(f"date_order={date_order!r} is not one of: None, dmy, mdy")
    earliest = _iso_option("min_date", min_date or DEFAULT_MIN_DATE)
    latest = _iso_option("max_date", max_date) if max_date else today + dt.timedelta(days=1)
    order: DateOrder | None = "dmy" if date_order == "dmy" else "mdy" if date_order else None
    return DateBounds(order, earliest, latest)


@lru_cache(maxsize=64)
def rolling_bounds(
    date_order: str | None, min_date: str | None, max_date: str | None
) -> DateBounds:
    """``make_bounds`` for whatever day it is when a date is checked: one object for every call.

    Without ``max_date`` the latest date is tomorrow; leaving it to ``DateBounds.last_day`` keeps
    the clock out of the calls that read no date at all (most of them). Bad options raise
    ConfigError on every call, as ``make_bounds`` does (a raising call is not cached).

    >>> rolling_bounds("dmy", "2000-01-01", None)
    DateBounds(order='dmy', earliest=datetime.date(2000, 1, 1), latest=None)
    >>> rolling_bounds(None, None, "2030-01-01").latest
    datetime.date(2030, 1, 1)
    """
    bounds = make_bounds(date_order, min_date, max_date, dt.date.today())
    return bounds if max_date else replace(bounds, latest=None)


def coerce_iso_date(name: str, value: object) -> str | None:
    """An ISO date option as given (a str, a ``datetime.date`` or None) as ``YYYY-MM-DD``.

    >>> coerce_iso_date("min_date", dt.date(2000, 1, 2)), coerce_iso_date("min_date", None)
    ('2000-01-02', None)
    >>> coerce_iso_date("min_date", "not-a-date")
    Traceback (most recent call last):
    ...
    textfix.errors.ConfigError: min_date='not-a-date' is not an ISO date (YYYY-MM-DD)
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ConfigError(f"{name}={value!r} is not an ISO date (YYYY-MM-DD)")
    return _iso_option(name, value).isoformat()


def coerce_min_date(value: object) -> str | None:
    """``min_date`` as ``YYYY-MM-DD`` (the registry's ``coerce`` hook)."""
    return coerce_iso_date("min_date", value)


def coerce_max_date(value: object) -> str | None:
    """``max_date`` as ``YYYY-MM-DD`` (the registry's ``coerce`` hook)."""
    return coerce_iso_date("max_date", value)


def check_date_options(
    date_order: str | None = None, min_date: str | None = None, max_date: str | None = None
) -> None:
    """Raise ConfigError for header options that are bad together (the registry's ``check``).

    >>> check_date_options(min_date="2022-01-01", max_date="2021-01-01")
    Traceback (most recent call last):
    ...
    textfix.errors.ConfigError: min_date='2022-01-01' is after max_date='2021-01-01'
    >>> check_date_options(date_order="dmy", min_date="2000-01-01")
    """
    bounds = make_bounds(date_order, min_date, max_date, dt.date.today())
    if bounds.earliest > bounds.last_day():
        latest = bounds.last_day().isoformat()
        raise ConfigError(f"min_date={min_date!r} is after max_date={max_date or latest!r}")


def _iso_option(name: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name}={value!r} is not an ISO date (YYYY-MM-DD)") from None


def read_date_field(field: str, bounds: DateBounds) -> str | None:
    """The ``YYYY-MM-DD`` of ``field`` when the whole of it is one plausible date field.

    >>> b = make_bounds(None, None, "2030-01-01", dt.date(2024, 1, 1))
    >>> read_date_field("Published: Feb. 12, 2022, 3:04 p.m. ET"[11:], b)
    '2022-02-12'
    >>> read_date_field("02/03/2022", b) is None, read_date_field("13/03/2022", b)
    (True, '2022-03-13')
    >>> read_date_field("On February 12, 2022 the embassy closed", b) is None
    True
    """
    match = DATE_FIELD_RE.fullmatch(field)
    return None if match is None else date_of(match, bounds)


def date_of(match: re.Match[str], bounds: DateBounds) -> str | None:
    """The date a ``DATE_FIELD_RE`` match stands for, or None when invalid or out of bounds."""
    if match["iy"]:
        year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
    elif match["ny"]:
        first, second, year = int(match["n1"]), int(match["n2"]), int(match["ny"])
        order = "dmy" if match["nsep"] == "." else _numeric_order(first, second, bounds.order)
        if order is None:
            return None
        day, month = (first, second) if order == "dmy" else (second, first)
    elif match["dy"]:
        year, month, day = int(match["dy"]), _month(match["dm"]), int(match["dd"])
    else:
        year, month, day = int(match["my"]), _month(match["mm"]), int(match["md"])
    found = _plausible_day(year, month, day, bounds)
    return None if found is None else found.isoformat()


def is_ambiguous_date(match: re.Match[str], bounds: DateBounds) -> bool:
    """True when a ``DATE_FIELD_RE`` match is a numeric date that reads as two different days,
    both plausible, and ``date_order`` does not say which (``02/03/2022``): a date line, but
    no date.

    >>> b = make_bounds(None, None, None, dt.date(2024, 1, 1))
    >>> [is_ambiguous_date(DATE_FIELD_RE.fullmatch(d), b) for d in ("02/03/2022", "13/03/2022")]
    [True, False]
    """
    if not match["ny"] or match["nsep"] == "." or bounds.order is not None:
        return False
    first, second, year = int(match["n1"]), int(match["n2"]), int(match["ny"])
    if _numeric_order(first, second, None) is not None:
        return False
    return all(
        _plausible_day(year, month, day, bounds) is not None
        for day, month in ((first, second), (second, first))
    )


def _plausible_day(year: int, month: int, day: int, bounds: DateBounds) -> dt.date | None:
    """The day, when it exists and lies within ``bounds``."""
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    return found if bounds.takes(found) else None


def _numeric_order(first: int, second: int, order: DateOrder | None) -> DateOrder | None:
    # 13/02/2022 can only be day first and 02/13/2022 only month first; 02/03/2022 is
    # ambiguous (2 March in Europe, 3 February in the US) and needs the caller's word.
    if first > 12 >= second or first == second:
        return "dmy"  # (05/05/2022 is the same day read either way)
    if second > 12 >= first:
        return "mdy"
    return order


def _month(name: str) -> int:
    return MONTHS.get(name.lower().rstrip("."), 0)
