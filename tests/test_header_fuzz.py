"""extract_header on generated header tops and on any text: total, a suffix of its input,
idempotent, and its cheap pre-checks sound (``META_FIRST``, ``META_START_RE``)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from tests.test_fast_paths import REAL_TEXTS, dirty_text
from textfix.errors import ConfigError
from textfix.extract.bylines import BYLINE_RE, read_byline
from textfix.extract.dailymail import OPENINGS as DAILY_MAIL_OPENINGS
from textfix.extract.dates import make_bounds, rolling_bounds
from textfix.extract.header import HEADER_KEYS, extract_header
from textfix.extract.metalines import META_FIRST, META_START_RE
from textfix.extract.titles import NOT_TITLE_START_RE, YEAR_HINT_RE, has_year_hint
from textfix.extract.toplines import DATE_TITLE_PREFIX_RE, HEADER_FRAGMENT_RE

_WORDS = ("the", "Kyiv", "talks", "café", "Straße", "niño", "Škoda", "Москва", "αλφα", "naïve")

# --- generated header tops ---------------------------------------------------------------------

_HEADER_TITLES = (
    "Talks fail", "Ferry fares set to double", "Can Ukrainian forces recapture Kherson?",
    "Sanctions against Russia are not backfiring | Letters", "A | B | C trail",
    "Russia claims US ‘directly involved’ in Ukraine war", "Chinese exports rise 25% in 2004",
    "U.S. Officials Predict the War’s Path", "'Strong dollar' call halts slide",
    "“We will not surrender”", "Dear all the best", "Hi there friends", "Subject: talks fail",
    "1. Fares rise", "A. Smith wins", "IV. Results out", "Fares", "The reasons are:",
    "G7 nations pledge $20 billion to Ukraine.", "ECONOMIC SPOTLIGHT - BANKAMERICA",
    "LONDON - Shares fell", "By the river", "Updated daily", "Wow! Great news",
    "Gen. Milley speaks", "By TOMÁS HERRERA", "Top story: Kremlin invokes",
    "Visit www.example.com now", "Mail a@b.org today", "Bank (UK) raises rates", "Why?! Really",
    "Top story: markets", "Mr. Putin's response: “Good.”", "Talks fail …", "Talks fail,",
    "ſtand with Kyiv", "\u212aelvin rises", "İstanbul talks fail", "Datum des Tages",
    "Holmes wins '2004 top TV moment'", "talks fail in lower case", "Talks fail in ٢٠٢٢",
    "Last orders at the bar", "Posted letters pile up", "Di Maria scores twice", "Door opens wide",
)  # fmt: skip
_HEADER_BYLINES = (
    "By Jane Smith", "BY JANE SMITH and OMAR ALI", "By Jane Smith, Reuters", "By: Jane Smith",
    "by jane smith", "By Friday, Kyiv had fallen", "By the time they arrived.", "By Law",
    "Von Hans Müller", "Par Jean Dupont", "Door Jan de Vries", "By May Jones", "By J. Smith",
    "bY Jane Smith", "BY\u00a0JANE", "By Jane Smith |",
)  # fmt: skip
_HEADER_DATES = (
    "2022-02-12", "12.02.2022", "12 February 2022", "Feb. 12, 2022", "February 12, 2022",
    "Published: 12 Feb 2022", "Updated on Feb. 12, 2022", "Last updated 12 February 2022",
    "Saturday 12 February 2022 09.30 GMT", "14:11 EST, 25 October 2013", "12 февраля 2022 г.",
    "26-FEB-1987", "02/03/2022", "13/03/2022", "2022-02-12T09:30:00Z", "2099-01-01", "1850-01-01",
    "2022-02-30", "Veröffentlicht am 12. Februar 2022", "Mis à jour le 12 février 2022",
    "February 12, 2022 | By Jane Smith", "By Jane Smith | 12.02.2022", "12 Feb 2022 · Updated",
    "Date: 2022-02-12", "Dated 12 February 2022.", "Feb. 12, 2022, 3:04 p.m. ET", "2004",
    "Updated 12 February 2022 | 13 February 2022", "Stand: 12.02.2022", "ПУБЛИКАЦИЯ 2022",
    "Updated 09:15 GMT, 21 June 2023", "Published: Oct. 5, 2022, 6:20 p.m. ET", "05.11.2021",
    "2022-09-01T08:00:00+02:00", "June 3, 2021 | By Lena Park", "Posted on May 2, 2021 by Ann Lee",
    "Jane Smith · 5 min read · Feb 12, 2022", "Source: Reuters", "12 Feb 2022 7.30pm BST",
)  # fmt: skip
_HEADER_SEEDS = (
    "date 2022-02-12 Talks fail", " date 2022-02-12 Talks fail.", "Date: 2022-02-12",
    "datum 2022-02-12 Titel", "date 2022-02-12", "DATE 2022-02-12 x", "date 2022-02-30 x",
)  # fmt: skip
_HEADER_RUN_INS = (
    "By . Jane Smith . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, "
    "25 October 2013 . The story begins here and goes on.",
    "Last updated at 1:25 AM on 3rd August 2011 . The story begins.",
    "PUBLISHED: . 14:11 EST, 25 October 2013 . The story.",
    "By . Jane Smith . and Ted Thornhill . The story.",
    "By . Jane Smith . PUBLISHED: . not a date at all . The story.",
    "By the river . we sat",
)
_HEADER_OPENERS = (
    "LONDON (Reuters) - Shares fell sharply on Monday as traders sold everything.",
    "KYIV, Ukraine (AP) — Russian forces shelled the city overnight once again.",
    "SALVADOR, Feb 26 - Showers continued throughout the week in the cocoa zone.",
    "(AP) — The talks failed after six hours of argument in Geneva on Monday.",
    "WASHINGTON — Officials said the talks had failed after six hours.",
    "NATO - the alliance met again",
    "US - UK talks",
    "FROM - Series Premiere Trailer",
    "SNL - New Military Weapon",
    "CNN - How it works",
)
_HEADER_PROSE = (
    "The council confirmed the decision at a meeting on Thursday evening.",
    "In 2004 the council met on Thursday evening to vote on the new budget.",
    "He said: “The talks failed after six hours of argument in Geneva.”",
    "Reporting its results for the three months to 31 December 2004, the airline made a profit.",
    "Advertisement", "Top story: the talks", "Year", "Shr 69 cts vs 64 cts", "x" * 1200,
    "The talks failed after six hours " * 12, "By Law the council must meet every year.",
)  # fmt: skip
_HEADER_SEPARATORS = ("\n", "\n\n", "\n\n\n", "\n \n", "\n\t\n", "\r\n", "\n\u3000\n", " \n")
_HEADER_OPTIONS = (
    {}, {"date_order": "dmy"}, {"date_order": "mdy"}, {"min_date": "2000-01-01"},
    {"max_date": "2010-01-01"}, {"date_order": "mdy", "min_date": "1990-01-01", "max_date": ""},
)  # fmt: skip
_LOOK_ALIKES = {"B": "ß", "b": "ƀ", "D": "Đ", "i": "ı", "I": "İ", "s": "ſ", "k": "\u212a", "1": "١"}


# Lines read only beside another (kickers, bare names, labels alone, outlets after a pipe,
# dates that give no date, datelines alone) and a body in a language that writes day first.
_HEADER_SIDELINES = (
    "WORLD NEWS",
    "Politics",
    "EXCLUSIVE",
    "FOR IMMEDIATE RELEASE",
    "Sarah Whitfield",
    "Dan Sabbagh in Kyiv",
    "Jane Doe and Tom Roe",
    "Key Points",
    "Published",
    "Last updated",
    "By Alexander Bolton | The Hill",
    "10/05/2024",
    "Updated 2 hours ago",
    "WASHINGTON —",
    "Автор: Иван Петров",
    "Par Claire Dubois, le 15 février 2024",
    "El Ayuntamiento de Madrid ha anunciado nuevas restricciones para los coches más antiguos.",
)


@st.composite
def header_lines(draw: st.DrawFn) -> str:
    """A line of a scraper's header or of the story under it, maybe mangled."""
    line = draw(
        st.sampled_from(_HEADER_TITLES)
        | st.sampled_from(_HEADER_BYLINES)
        | st.sampled_from(_HEADER_DATES)
        | st.sampled_from(_HEADER_SEEDS)
        | st.sampled_from(_HEADER_RUN_INS)
        | st.sampled_from(_HEADER_OPENERS)
        | st.sampled_from(_HEADER_PROSE)
        | st.sampled_from(_HEADER_SIDELINES)
        | st.lists(
            st.sampled_from((*_WORDS, "By", "2022", "|", "–", "U.S.", "?")), max_size=12
        ).map(" ".join)
        | st.text(max_size=6)
    )
    mangle = draw(st.sampled_from(("", "", "", "upper", "lower", "swap", "pad", "look", "cut")))
    if mangle == "upper":
        return line.upper()
    if mangle == "lower":
        return line.lower()
    if mangle == "swap":
        return line.swapcase()
    if mangle == "pad":
        return draw(st.sampled_from((" ", "\t", "\u3000", "\x0b"))) + line + " "
    if mangle == "look":
        return "".join(_LOOK_ALIKES.get(c, c) for c in line)
    if mangle == "cut":
        return line[: draw(st.integers(0, len(line)))]
    return line


@st.composite
def header_tops(draw: st.DrawFn) -> str:
    """Header-like lines and story lines joined by line breaks and blank lines of any kind."""
    lines = draw(st.lists(header_lines(), max_size=8))
    text = ""
    for line in lines:
        text += line + draw(st.sampled_from(_HEADER_SEPARATORS))
    return draw(st.sampled_from(("", "\n", " "))) + text.rstrip(draw(st.sampled_from(("", "\n"))))


def assert_header_holds(text: str, options: dict[str, str]) -> None:
    """Total, a suffix of the input, and a second pass that changes nothing."""
    body, metadata = extract_header(text, **options)
    assert text.endswith(body)
    again, second = extract_header(body, **options)
    assert again == body
    assert not set(second) & set(HEADER_KEYS)
    if body != text:
        assert set(metadata) & {*HEADER_KEYS, "source"}


@settings(max_examples=1000)
@given(text=header_tops(), options=st.sampled_from(_HEADER_OPTIONS))
@example(text="Talks fail\n\nLONDON - \nThe talks failed after six hours of argument.", options={})
@example(text="Talks fail\n\n" + "The talks failed. " * 70 + "\nx", options={})
@example(text="Talks fail\n12 February 2022\n\nIn 2004 the council met.\n\n2022-02-12", options={})
@example(text="By Jane Smith\nTalks fail\n12 Feb 2022\n\nBy Jane Smith\nTalks\n\nx.", options={})
def test_extract_header_holds_on_generated_tops(text: str, options: dict[str, str]) -> None:
    assert_header_holds(text, options)


@settings(max_examples=1000)
@given(text=dirty_text | st.text(st.characters(codec=None), max_size=30))
def test_extract_header_holds_on_any_text(text: str) -> None:
    assert_header_holds(text, {})


def test_extract_header_holds_on_real_text() -> None:
    for text in REAL_TEXTS:
        for options in ({}, {"date_order": "dmy", "max_date": "2000-01-01"}):
            assert_header_holds(text, options)


# --- the cheap pre-checks ----------------------------------------------------------------------


def test_meta_first_holds_every_case_insensitive_first_letter() -> None:
    # A line opening with a character outside META_FIRST is tested no further: no other
    # character matches a first letter of META_START_RE case-insensitively.
    everything = "".join(map(chr, range(0x110000)))
    firsts = {alt[0] for alt in META_START_RE.pattern[4:].split(")")[0].split("|")}
    for letter in firsts:
        assert set(re.findall(f"(?i){letter}", everything)) <= set(META_FIRST), letter


_HEADER_OPENING_RES = (HEADER_FRAGMENT_RE, DATE_TITLE_PREFIX_RE, NOT_TITLE_START_RE, BYLINE_RE)


@settings(max_examples=1000)
@given(data=st.data())
def test_meta_start_covers_every_header_line_opening(data: st.DataObject) -> None:
    pattern = data.draw(st.sampled_from(_HEADER_OPENING_RES))
    opening = data.draw(st.from_regex(pattern, fullmatch=True))
    line = opening + data.draw(st.sampled_from(("", " ", ":", " x", ". y", "2022")))
    assume(pattern.match(line) is not None)
    assert line[0] in META_FIRST and META_START_RE.match(line) is not None


def test_meta_start_covers_daily_mail_openings_and_bylines() -> None:
    for opening in DAILY_MAIL_OPENINGS:
        assert META_START_RE.match(opening + "x") is not None
    lines = [*_HEADER_BYLINES, *_HEADER_RUN_INS, *_HEADER_SEEDS, *_HEADER_DATES]
    for line in (*lines, *(line.strip() for line in lines)):
        if line and (read_byline(line) is not None or line.startswith(DAILY_MAIL_OPENINGS)):
            assert META_START_RE.match(line) is not None, line


@settings(max_examples=3000)
@given(
    text=st.text(st.sampled_from("0123456789١٢٣ -a/"), max_size=14)
    | st.sampled_from(_HEADER_DATES)
    | dirty_text
)
@example(text="12345")
@example(text="x1999")
@example(text="٢٠٢٢ 2٠٢٢ 1٩99")
def test_has_year_hint_is_the_year_hint_search(text: str) -> None:
    assert has_year_hint(text) == (YEAR_HINT_RE.search(text) is not None)


def test_rolling_bounds_are_make_bounds_for_today() -> None:
    today = dt.date.today()
    for options in [
        tuple(o.get(k) for k in ("date_order", "min_date", "max_date")) for o in _HEADER_OPTIONS
    ]:
        rolling, fixed = rolling_bounds(*options), make_bounds(*options, today)
        assert (rolling.order, rolling.earliest) == (fixed.order, fixed.earliest)
        assert rolling.last_day() == fixed.latest
    with pytest.raises(ConfigError):
        rolling_bounds("ymd", None, None)
    with pytest.raises(ConfigError):
        extract_header("x", date_order="ymd")
