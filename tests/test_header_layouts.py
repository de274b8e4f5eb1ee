"""Every header layout with every date style, around written titles and real ones (held out
from nothing: the reader was not tuned on them), and the news preset's title repair."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.conftest import SHARED
from tests.header_layouts import (
    BYLINES,
    DATE_STYLES,
    LAYOUTS,
    MORE_LAYOUTS,
    WRITTEN_BODY,
    WRITTEN_TITLES,
    build,
    build_more,
    real_titles,
)
from textfix.extract.header import HEADER_KEYS, extract_header
from textfix.pipeline import Pipeline

CORPORA = Path(os.environ.get("TEXTFIX_SHARED", SHARED)) / "corpora"
DAY = dt.datetime(2022, 2, 13, 9, 30)  # day 13: 13/02/2022 is unambiguous


def assert_read_once(text: str, gold: dict[str, str]) -> None:
    """``text`` gives ``gold`` and the written body, and the body gives no header again."""
    body, metadata = extract_header(text)
    assert (metadata, body) == (gold, WRITTEN_BODY), text
    again, second = extract_header(body)
    assert again == body and not set(second) & set(HEADER_KEYS)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("style", list(DATE_STYLES))
def test_written_titles_in_every_layout_and_date_style(layout: str, style: str) -> None:
    for number, title in enumerate(WRITTEN_TITLES):
        text, gold = build(layout, title, style, DAY, BYLINES[number % len(BYLINES)])
        assert_read_once(text, gold)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_written_titles_beside_an_ambiguous_slashed_date(layout: str) -> None:
    """``05/02/2022`` in an English header reads as two days: the date line gives no date, and
    the title and byline beside it are still taken."""
    day = dt.datetime(2022, 2, 5, 9, 30)
    for number, title in enumerate(WRITTEN_TITLES):
        text, gold = build(layout, title, "slashed-day-first", day, BYLINES[number % len(BYLINES)])
        assert "date" not in gold
        assert_read_once(text, gold)


@pytest.mark.skipif(not CORPORA.exists(), reason="shared corpora absent (../shared/corpora)")
def test_real_titles_in_every_layout() -> None:
    titles = real_titles(CORPORA)
    styles = list(DATE_STYLES)
    for source, found in titles.items():
        cases = []
        for number, title in enumerate(found[::7]):
            layout = LAYOUTS[number % len(LAYOUTS)]
            text, gold = build(
                layout, title, styles[number % len(styles)], DAY, BYLINES[number % len(BYLINES)]
            )
            cases.append((layout, text, gold))
        assert_most_right(source, cases)


def test_title_with_a_broken_quote_is_repaired_like_body_text() -> None:
    text = (
        "Regulator says blackout was”avoidable”\n12 Feb 2022\n\n"
        "The regulator said the outage had been caused by a fault at a substation."
    )
    document = Pipeline.from_preset("news")(text)
    assert document.metadata["title"] == "Regulator says blackout was “avoidable”"


@pytest.mark.parametrize("layout", MORE_LAYOUTS)
def test_written_titles_in_more_layouts(layout: str) -> None:
    """Kickers, bare names, outlets after a pipe, labels alone over the date, ambiguous dates."""
    for number, title in enumerate(WRITTEN_TITLES):
        text, gold = build_more(layout, title, DAY, number)
        assert_read_once(text, gold)


@pytest.mark.skipif(not CORPORA.exists(), reason="shared corpora absent (../shared/corpora)")
def test_real_titles_in_more_layouts() -> None:
    for source, found in real_titles(CORPORA).items():
        cases = []
        for number, title in enumerate(found[:300]):
            layout = MORE_LAYOUTS[number % len(MORE_LAYOUTS)]
            cases.append((layout, *build_more(layout, title, DAY, number)))
        assert_most_right(source, cases)


def assert_most_right(source: str, cases: list[tuple[str, str, dict[str, str]]]) -> None:
    """At least 90% of each layout's ``(layout, text, gold)`` cases give their gold, and every
    body gives no header again."""
    counts: dict[str, list[int]] = {}
    for layout, text, gold in cases:
        body, metadata = extract_header(text)
        count = counts.setdefault(layout, [0, 0])
        count[0] += 1
        count[1] += metadata == gold
        assert extract_header(body)[0] == body
    for layout, (total, right) in counts.items():
        assert right >= 0.9 * total, (source, layout, right, total)
