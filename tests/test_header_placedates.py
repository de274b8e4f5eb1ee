"""Place-dated header lines (``LONDON, 12 January 2022``), place-dated run-ins opening the body
(``Rome, 12 January 2022 — …``) and bare-name author blocks, built from places × date styles ×
languages × line orders (the goldens are in ``fixtures/headers/placedates.json``)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED
from tests.header_layouts import WRITTEN_TITLES, real_titles
from textfix import Pipeline
from textfix.extract.header import HEADER_KEYS, extract_header

# Month names written here, not read from the package: the oracle stays independent.
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
EN_SHORT = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
            "Nov.", "Dec.")  # fmt: skip


def _month(lang: str, day: dt.date) -> str:
    return MONTHS[lang].split()[day.month - 1]


# How each language prints the date after a place (the joining words included).
DateStyle = Callable[[dt.date], str]
STYLES: dict[str, dict[str, DateStyle]] = {
    "en": {
        "dmy": lambda d: f", {d.day} {_month('en', d)} {d.year}",
        "mdy": lambda d: f", {_month('en', d)} {d.day}, {d.year}",
        "mdy-short": lambda d: f", {EN_SHORT[d.month - 1]} {d.day}, {d.year}",
    },
    "de": {
        "dotted-month": lambda d: f", {d.day}. {_month('de', d)} {d.year}",
        "numeric": lambda d: f", {d.day:02}.{d.month:02}.{d.year}",
        "den": lambda d: f", den {d.day}. {_month('de', d)} {d.year}",
    },
    "fr": {"le": lambda d: f", le {d.day} {_month('fr', d)} {d.year}"},
    "es": {"de": lambda d: f", {d.day} de {_month('es', d)} de {d.year}"},
    "it": {"dmy": lambda d: f", {d.day} {_month('it', d)} {d.year}"},
    "pt": {"de": lambda d: f", {d.day} de {_month('pt', d)} de {d.year}"},
    "nl": {"dmy": lambda d: f", {d.day} {_month('nl', d)} {d.year}"},
    "ru": {"dmy": lambda d: f", {d.day} {_month('ru', d)} {d.year}"},
    "fi": {"no-comma": lambda d: f" {d.day}.{d.month}.{d.year}"},
}
PLACES = {
    "en": ("LONDON", "New York", "Cape Town", "Manchester", "SALT LAKE CITY"),
    "de": ("Berlin", "Frankfurt am Main", "MÜNCHEN"),
    "fr": ("Paris", "Saint-Étienne", "Le Havre"),
    "es": ("Madrid", "Buenos Aires", "SANTIAGO"),
    "it": ("Roma", "Milano"),
    "pt": ("Lisboa", "Rio de Janeiro"),
    "nl": ("Amsterdam", "Den Haag"),
    "ru": ("Москва", "Санкт-Петербург"),
    "fi": ("Helsinki", "Tampere"),
}
BODIES = (
    "The harbour authority closed the eastern quay on Tuesday after a crane collapsed in wind.",
    "Officials said the vote would be held again next month, after the count was challenged.",
)
DAYS = (dt.date(2022, 1, 12), dt.date(2021, 11, 30), dt.date(2019, 5, 5), dt.date(2023, 3, 3))


def place_date_cases() -> list[tuple[str, str, dt.date]]:
    return [
        (place, style(day), day)
        for lang, styles in STYLES.items()
        for place, style, day in itertools.product(PLACES[lang], styles.values(), DAYS)
    ]


CASES = place_date_cases()


@pytest.mark.parametrize("order", ["title-over", "title-under"])
def test_place_dated_lines_in_every_style_and_order(order: str) -> None:
    wrong = []
    for (place, dated, day), title, body in itertools.product(CASES, WRITTEN_TITLES[:4], BODIES):
        line = place + dated
        top = [title, line] if order == "title-over" else [line, title]
        text = "\n".join(top) + "\n\n" + body
        expected = (body, {"title": title, "dateline": place, "date": day.isoformat()})
        found = extract_header(text)
        if found != expected:
            wrong.append((text, found[1]))
    assert wrong == []
    assert len(CASES) * 8 >= 500  # the product is not empty


def test_place_dated_run_ins_keep_the_body_and_give_the_dateline() -> None:
    # The run-in stays in the body, so its date is not taken: a second pass would read it again
    # and put it in place of the header's date.
    wrong = []
    dashes = (" — ", " – ", " - ")
    for (place, dated, _day), dash, body in itertools.product(CASES, dashes, BODIES):
        text = f"{place}{dated}{dash}{body}"
        expected_fields = {"dateline": place}
        # alone, under a title and a blank line, under a title and a byline, under a date line
        for top, header in (
            ("", {}),
            ("Harbour crane collapses\n\n", {"title": "Harbour crane collapses"}),
            ("Harbour crane collapses\nBy Lena Park\n\n", {
                "title": "Harbour crane collapses", "author": "Lena Park"
            }),
            ("Harbour crane collapses\n3 March 2020\n\n", {
                "title": "Harbour crane collapses", "date": "2020-03-03"
            }),
        ):  # fmt: skip
            found = extract_header(top + text)
            if found != (text, {**header, **expected_fields}):
                wrong.append((top + text, found[1]))
    assert wrong == []


RUN_INS = [
    (
        "Rome, 12 January 2022 — Italy's prime minister won the confidence vote after a debate.",
        {"dateline": "Rome"},
    ),
    (
        "LONDON, Jan 12 (Reuters) - Britain's economy grew faster than expected in November.",
        {"dateline": "LONDON", "source": "Reuters"},
    ),
    (
        "BERLIN, 12.01.2022 /dpa/ – Die Regierung hat am Mittwoch neue Regeln beschlossen.",
        {"dateline": "BERLIN", "source": "dpa"},
    ),
    (
        "NEW YORK, Jan. 12, 2022 (AP) — Stocks fell on Wall Street as bond yields rose again.",
        {"dateline": "NEW YORK", "source": "AP"},
    ),
    (
        "Paris, le 5 mai 2021 - Le gouvernement a annoncé mercredi de nouvelles mesures.",
        {"dateline": "Paris"},
    ),
]


@pytest.mark.parametrize(("text", "fields"), RUN_INS)
def test_run_in_goldens(text: str, fields: dict[str, str]) -> None:
    assert extract_header(text) == (text, fields)
    # A second pass reads the same dateline fields off the same body, and no header field else.
    once, first = extract_header("Talks fail in the capital\n3 March 2020\n\n" + text)
    assert once == text
    assert first == {"title": "Talks fail in the capital", "date": "2020-03-03", **fields}
    twice, second = extract_header(once)
    assert twice == once and second == fields
    assert not set(second) & set(HEADER_KEYS)


def test_news_preset_keeps_the_header_date_over_a_dated_run_in() -> None:
    text = "Talks fail in the capital\n3 March 2020\n\n" + RUN_INS[0][0]
    once = NEWS(text)
    assert once.metadata == {
        "title": "Talks fail in the capital",
        "date": "2020-03-03",
        **RUN_INS[0][1],
    }
    twice = NEWS(once)
    assert twice.text == once.text and twice.metadata == once.metadata


def test_out_of_bounds_run_in_date_is_not_taken() -> None:
    # A date out of bounds is no date: the place before it is no dateline either.
    text = RUN_INS[0][0]
    assert extract_header(text, max_date="2021-12-31") == (text, {})
    assert extract_header(text, min_date="2022-01-01") == (text, {"dateline": "Rome"})


NEIGHBOURS = (
    "London, the capital, was quiet on 12 January 2022 as the snow kept people at home.",
    "Paris, Texas is a 1984 film - and one of the best road movies ever made, critics say.",
    "Rome, 2022 - the year the city changed, as told by the people who lived through it.",
    "Jane Smith, 12 January 2022 - a letter to the editor about the state of the roads here.",
    "Saturday, 12 February 2022 — the talks failed, and the city went quiet again after that.",
    "10 Downing Street, London - the prime minister's office said on Monday it would respond.",
    "Sarah Jones, Political Correspondent, 12 January 2022 - the notes from the day are here.",
)


@pytest.mark.parametrize("text", NEIGHBOURS)
def test_neighbours_give_no_dateline(text: str) -> None:
    for top in ("", "Harbour crane collapses\n\n"):
        _, metadata = extract_header(top + text)
        assert not {"dateline", "date"} & set(metadata)


NEWS = Pipeline.from_preset("news")
# Names and the role lines set under them, in several languages.
AUTHORS = (
    ("Sarah Jones", "Political Correspondent"),
    ("Anna-Lena Vogt", "Politische Korrespondentin"),
    ("José Álvarez", "Corresponsal en Roma"),
    ("Marie Dubois", "Rédactrice en chef"),
    ("Tom O'Neill", "Senior reporter"),
    ("Giulia Bianchi", "Giornalista"),
)


@settings(max_examples=300, deadline=None)
@given(
    case=st.sampled_from(CASES),
    title=st.sampled_from(WRITTEN_TITLES),
    order=st.sampled_from(("title-over", "title-under", "author-block-over", "author-block-under")),
    body=st.sampled_from(BODIES),
    author=st.sampled_from(AUTHORS),
)
def test_news_preset_reads_place_dates_and_author_blocks_and_is_idempotent(
    case: tuple[str, str, dt.date], title: str, order: str, body: str, author: tuple[str, str]
) -> None:
    place, dated, day = case
    if order.startswith("author-block"):
        block = [*author, place + dated]
        expected = {"title": title, "author": author[0], "dateline": place}
    else:
        block = [place + dated]
        expected = {"title": title, "dateline": place}
    lines = [title, *block] if order.endswith("under") else [*block, title]
    once = NEWS("\n".join(lines) + "\n\n" + body)
    assert once.text.strip() == body
    assert {k: once.metadata.get(k) for k in expected} == expected
    assert once.metadata.get("date") == day.isoformat()
    twice = NEWS(once.text)
    assert twice.text == once.text
    assert not set(twice.metadata) & set(HEADER_KEYS)


CORPORA = SHARED / "corpora"


@pytest.mark.skipif(not CORPORA.exists(), reason="shared corpora absent (../shared/corpora)")
def test_real_titles_over_and_under_place_dates() -> None:
    wrong = total = 0
    examples = []
    for titles in real_titles(CORPORA).values():
        for index, title in enumerate(titles[:300]):
            place, dated, day = CASES[index % len(CASES)]
            body = BODIES[index % 2]
            for lines in ([title, place + dated], [place + dated, title]):
                total += 1
                text = "\n".join(lines) + "\n\n" + body
                found = extract_header(text)
                expected = (body, {"dateline": place, "date": day.isoformat()})
                if (found[0], {k: found[1].get(k) for k in ("dateline", "date")}) != expected:
                    wrong += 1
                    examples.append(text)
    assert total > 0
    assert wrong <= 0.02 * total, examples[:10]


# Short weekdays before a date, written here: (title, byline, date line, expected date).
SHORT_WEEKDAY_LINES = (
    ("Neues Museum in Hamburg eröffnet", "Von Lena Fischer", "Mo., 3. Juni 2024", "2024-06-03"),
    ("Neues Museum in Hamburg eröffnet", "Von Lena Fischer", "So., 02.06.2024, 10:15 Uhr",
     "2024-06-02"),
    ("Storm zorgt voor chaos", "Door Anne Jansen", "wo 12 juni 2024", "2024-06-12"),
    ("Grève à la SNCF", "Par Marie Dubois", "lun. 5 février 2024", "2024-02-05"),
    ("Lluvias en Valencia", "Por Ana López", "Dom., 14 de abril de 2024", "2024-04-14"),
    ("Caldo record in Sicilia", "Di Giulia Bianchi", "Sab 3 agosto 2024", "2024-08-03"),
)  # fmt: skip
BODY = (
    "\n\nDer Rat tagte am Dienstag, um über den Plan für die neue Brücke zu beraten.\n\n"
    "Er wurde nach langer Debatte mit großer Mehrheit angenommen."
)


@pytest.mark.parametrize(("title", "byline", "date_line", "date"), SHORT_WEEKDAY_LINES)
def test_short_weekday_before_a_date_is_no_place(
    title: str, byline: str, date_line: str, date: str
) -> None:
    for header in (f"{title}\n{byline}\n{date_line}", f"{date_line}\n{title}\n{byline}"):
        result = NEWS(header + BODY)
        assert result.text == BODY.strip()
        assert result.metadata["date"] == date
        assert result.metadata["title"] == title
        assert "dateline" not in result.metadata


@pytest.mark.parametrize(("byline", "author"), [("By Di Wang", "Di Wang"), ("By Sam Do", "Sam Do")])
def test_short_weekdays_stay_names_in_bylines(byline: str, author: str) -> None:
    result = NEWS(f"Harbour crane collapses\n{byline}\n3 June 2024{BODY}")
    assert result.metadata["author"] == author


@pytest.mark.parametrize(
    "header",
    [
        "Neues Museum in Hamburg eröffnet\nEin Beitrag von Lena Fischer\n3. Juni 2024",
        "Ein Beitrag von Lena Fischer\nMo., 3. Juni 2024\nNeues Museum in Hamburg eröffnet",
        "Neues Museum in Hamburg eröffnet\nBeitrag von Lena Fischer | 3. Juni 2024",
    ],
)
def test_ein_beitrag_von_is_a_byline(header: str) -> None:
    result = NEWS(header + BODY)
    assert result.text == BODY.strip()
    assert dict(result.metadata) == {
        "title": "Neues Museum in Hamburg eröffnet",
        "author": "Lena Fischer",
        "date": "2024-06-03",
    }


@pytest.mark.parametrize(
    "line", ["Ein Beitrag von gestern", "Ein Beitrag von Greenpeace zeigt, wie es geht"]
)
def test_beitrag_von_prose_is_no_byline(line: str) -> None:
    assert "author" not in NEWS(f"Neues Museum in Hamburg eröffnet\n{line}{BODY}").metadata
