"""Properties of ``extract_header`` on generated scraper headers and on any text."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from textfix.extract.header import HEADER_KEYS, extract_header
from textfix.pipeline import Pipeline

NEWS = Pipeline.from_preset("news")

any_text = st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF))
word = st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)
# Byline words and date labels open a line that is no title; leave them out of generated titles.
capitalised = word.map(str.capitalize).filter(
    lambda w: w not in {"By", "Von", "Par", "Por", "Di", "Door", "Updated", "Published", "Posted"}
)
MONTHS = (
    "January",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug",
    "Sept.",
    "Oct",
    "November",
    "December",
)
DAYS = st.dates(dt.date(1990, 1, 1), dt.date(2023, 12, 31))


@st.composite
def prose(draw: st.DrawFn) -> str:
    """A paragraph of sentences: capitalised, at least eight words, closed by a full stop."""
    sentences = draw(st.lists(st.lists(word, min_size=8, max_size=20), min_size=1, max_size=3))
    return " ".join(" ".join(s).capitalize() + "." for s in sentences)


def date_line(day: dt.date, form: int) -> str:
    """``day`` written the way one of six header styles writes it."""
    month = MONTHS[day.month - 1]
    return (
        day.isoformat(),
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}",
        f"Published: {day.day} {month} {day.year}",
        f"Saturday {day.day} {month} {day.year} 09.30 GMT",
    )[form]


@st.composite
def article(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A scraper-like article: optional title, date and byline lines, then prose paragraphs."""
    header = []
    if draw(st.booleans()):
        header.append(" ".join(draw(st.lists(capitalised, min_size=2, max_size=8))))
    if draw(st.booleans()):
        header.append(date_line(draw(DAYS), draw(st.integers(0, 5))))
    if draw(st.booleans()):
        header.append("By " + " ".join(draw(st.lists(capitalised, min_size=1, max_size=3))))
    body = draw(st.lists(prose(), min_size=1, max_size=4))
    separator = draw(st.sampled_from(["\n", "\n\n"]))
    return separator.join(header) + ("\n\n" if header else "") + "\n\n".join(body), body


def assert_values_come_from(text: str) -> dict[str, str]:
    """Extract; the title's words and the dates' years must stand in ``text``. Returns the
    metadata."""
    _, metadata = extract_header(text)
    if "title" in metadata:
        assert all(w in text for w in metadata["title"].split())
    for key in ("date", "updated"):
        if key in metadata:
            assert metadata[key][:4] in text
    return metadata


@given(text=any_text)
def test_values_come_from_the_input(text: str) -> None:
    assert_values_come_from(text)


@given(case=article())
def test_generated_header_values_come_from_the_input(case: tuple[str, list[str]]) -> None:
    text, _ = case
    metadata = assert_values_come_from(text)
    if "author" in metadata:
        assert "By " + metadata["author"] in text


@given(case=article())
def test_removing_the_header_keeps_every_prose_paragraph(case: tuple[str, list[str]]) -> None:
    text, body = case
    result, _ = extract_header(text)
    assert result.endswith("\n\n".join(body))
    assert result == text or result.split("\n\n") == body


@given(paragraphs=st.lists(prose(), min_size=1, max_size=4))
def test_prose_alone_is_left_alone(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    assert extract_header(text) == (text, {})


def assert_second_pass_finds_no_header(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """Extract twice; the second pass must change nothing and find no header key. Returns the
    metadata of both passes."""
    once, first = extract_header(text)
    twice, second = extract_header(once)
    assert twice == once
    assert not set(second) & set(HEADER_KEYS)
    return first, second


@given(text=any_text)
def test_second_pass_finds_no_header(text: str) -> None:
    assert_second_pass_finds_no_header(text)


@given(case=article())
def test_second_pass_finds_no_header_in_generated_articles(case: tuple[str, list[str]]) -> None:
    first, second = assert_second_pass_finds_no_header(case[0])
    assert {k: v for k, v in first.items() if k in ("dateline", "source")} == second


@given(day=DAYS, form=st.integers(0, 5), title=st.lists(capitalised, min_size=2, max_size=8))
def test_generated_date_and_title_are_found(day: dt.date, form: int, title: list[str]) -> None:
    body = "The council confirmed the decision at a meeting on Thursday evening."
    text = f"{' '.join(title)}\n{date_line(day, form)}\n\n{body}"
    assert extract_header(text) == (body, {"title": " ".join(title), "date": day.isoformat()})


@st.composite
def header_block(draw: st.DrawFn) -> str:
    """One scraper header: a title, date and byline lines in some mix, or the seed's date line."""
    title = " ".join(draw(st.lists(capitalised, min_size=2, max_size=8)))
    # A title with a date below it may end like a sentence; the next pass must not take it.
    title += draw(st.sampled_from(["", "", "?", "."]))
    day = draw(DAYS)
    if draw(st.booleans()):
        return f"{draw(st.sampled_from(['date', ' date', 'Date:']))} {day.isoformat()} {title}"
    lines = [title] if draw(st.booleans()) else []
    if draw(st.booleans()):
        lines.append(date_line(day, draw(st.integers(0, 5))))
    if draw(st.booleans()):
        lines.append("By " + " ".join(draw(st.lists(capitalised, min_size=1, max_size=3))))
    return "\n".join(lines) or title


@st.composite
def multi_header_article(draw: st.DrawFn) -> str:
    """An article with zero, one or two header blocks on top of prose paragraphs."""
    blocks = draw(st.lists(header_block(), min_size=0, max_size=2))
    body = draw(st.lists(prose(), min_size=1, max_size=3))
    separator = draw(st.sampled_from(["\n", "\n\n"]))
    return "\n\n".join([separator.join(blocks), *body] if blocks else body)


@given(text=multi_header_article())
def test_extract_header_is_idempotent_with_two_header_blocks(text: str) -> None:
    assert_second_pass_finds_no_header(text)


@given(text=multi_header_article())
def test_news_preset_is_idempotent_with_two_header_blocks(text: str) -> None:
    once = NEWS(text)
    twice = NEWS(once.text)
    assert twice.text == once.text
    assert not set(twice.metadata) & set(HEADER_KEYS)


# Pieces of header lines, joined at random: separators, labels, names, dates, agencies. Any
# text is read whole (any_text above), but random characters rarely make a line that reaches
# the readers of segments and joined bylines (", 12 Feb 2022 | Reuters" once raised).
HEADER_PIECES = st.sampled_from(
    [",", ", ", " on ", " | ", "|", " · ", " / ", " - ", "By ", "by ", "Posted by ",
     "Jane Smith", "jsmith", "12 Feb 2022", "2022", "Reuters", "(AP)", "Updated ",
     "Published: ", "LONDON", "\n", "\n\n", "The talks failed today in the city."]
)  # fmt: skip


@settings(max_examples=300)
@given(pieces=st.lists(HEADER_PIECES, max_size=12))
@example(pieces=[", ", "12 Feb 2022", "\n\n", "The talks failed today in the city."])
@example(pieces=["Talks fail\n", "Reuters", " | ", ", ", "12 Feb 2022", "\n\n", "It failed."])
def test_header_fragments_are_read_without_error(pieces: list[str]) -> None:
    text = "".join(pieces)
    body, _ = extract_header(text)
    assert text.endswith(body)
    assert extract_header(body)[0] == body
