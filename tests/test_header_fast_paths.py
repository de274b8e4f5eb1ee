"""``extract_header``'s shortcuts never change a result: the package's reader against the one
with no shortcut (``tests/header_reference.py``) on generated header tops, on any text and on
the real articles of ``benchmarks/header_accuracy.py``; and each per-line pre-filter against the
full test it stands for."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from benchmarks import header_accuracy
from tests.conftest import SHARED
from tests.header_layouts import BYLINES, DATE_STYLES, LAYOUTS, WRITTEN_TITLES, build
from tests.header_reference import extract_header_reference
from tests.test_fast_paths import REAL_TEXTS, dirty_text
from tests.test_header_fuzz import _HEADER_OPTIONS, _HEADER_TITLES, header_lines, header_tops
from textfix import Pipeline
from textfix.extract.header import DEFAULT_BOUNDS, extract_header
from textfix.extract.metalines import read_meta_line
from textfix.extract.titles import (
    has_year_hint,
    is_lone_title,
    is_simple_title,
    lone_title_shape,
    looks_like_title,
)
from textfix.extract.toplines import is_plain, no_meta_line_after

CORPORA = SHARED / "corpora"
_DM_DATE = "14:11 EST, 25 October 2013"


def assert_header_equals_reference(text: str, options: dict[str, str]) -> None:
    fast = extract_header(text, **options)
    reference = extract_header_reference(text, **options)
    # The same text and metadata, keys in the same order.
    assert (fast[0], list(fast[1].items())) == (reference[0], list(reference[1].items()))


@st.composite
def layout_tops(draw: st.DrawFn) -> str:
    """A built layout (any order, any date style), maybe cut short or with a line dropped."""
    import datetime as dt

    text, _ = build(
        draw(st.sampled_from(LAYOUTS)),
        draw(st.sampled_from((*WRITTEN_TITLES, *_HEADER_TITLES))),
        draw(st.sampled_from(list(DATE_STYLES))),
        dt.datetime(2022, 2, 13, 9, 30),
        draw(st.sampled_from(BYLINES)),
    )
    lines = text.split("\n")
    if draw(st.booleans()):
        del lines[draw(st.integers(0, len(lines) - 1))]
    return "\n".join(lines)


@settings(max_examples=3000)
@given(text=header_tops() | layout_tops(), options=st.sampled_from(_HEADER_OPTIONS))
@example(text="Talks fail\n\nLONDON - \nThe talks failed after six hours of argument.", options={})
@example(text="LONDON - \n\nThe talks failed after six hours of argument in Geneva.", options={})
@example(text="Talks fail.\n\n" + "In 2004 the talks failed again " * 8, options={})
@example(text=f"Talks fail.\n\nBy . Jane Smith . PUBLISHED: . {_DM_DATE} . x", options={})
@example(text="Talks fail\n12 February 2022\n\nIn 2004 the council met.\n\n2022-02-12", options={})
@example(text="\u3000Talks fail\n\nThe talks failed after six hours of argument.", options={})
def test_extract_header_equals_reference_on_generated_tops(
    text: str, options: dict[str, str]
) -> None:
    assert_header_equals_reference(text, options)


@settings(max_examples=1000)
@given(text=dirty_text | st.text(st.characters(codec=None), max_size=30))
def test_extract_header_equals_reference_on_any_text(text: str) -> None:
    assert_header_equals_reference(text, {})


@pytest.mark.skipif(not CORPORA.exists(), reason="shared corpora absent (../shared/corpora)")
def test_extract_header_equals_reference_on_real_text() -> None:
    cases = [
        *header_accuracy.guardian_nyt_cases(CORPORA / "guardian_nyt_russia_ukraine_2022"),
        *header_accuracy.bbc_cases(CORPORA / "bbc_news_2004_2005" / "bbc_fulltext.tar.gz"),
        *header_accuracy.body_only_cases(CORPORA),
        *header_accuracy.no_header_cases(
            header_accuracy.reuters_cases(CORPORA / "reuters21578_sample")
        ),
        *list(header_accuracy.layout_cases(CORPORA, True))[::5],
    ]
    texts = [text for _, text, _ in cases]
    before_header = [s for s in Pipeline.from_preset("news").steps if s.name != "extract_header"]
    for text in texts[::3]:
        for step in before_header:
            text = step.apply(text)[0]
        texts.append(text)
    texts += REAL_TEXTS
    differing = []
    for text in texts:
        try:
            assert_header_equals_reference(text, {})
        except AssertionError:
            differing.append(text[:200])
    assert differing == []


# --- the per-line pre-filters --------------------------------------------------------------------


@settings(max_examples=3000)
@given(line=header_lines())
def test_a_plain_line_holds_no_metadata(line: str) -> None:
    line = line.strip()
    if line and is_plain(line):
        assert read_meta_line(line, DEFAULT_BOUNDS) is None


@settings(max_examples=5000)
@given(title=header_lines() | st.sampled_from((*_HEADER_TITLES, *WRITTEN_TITLES)))
def test_simple_titles_are_lone_titles(title: str) -> None:
    title = title.strip()
    # The shortcut is taken on a plain first line alone; the dateline test stays with the caller.
    if title and is_plain(title) and is_simple_title(title):
        assert lone_title_shape(title) and looks_like_title(title)


@pytest.mark.skipif(not CORPORA.exists(), reason="shared corpora absent (../shared/corpora)")
def test_simple_title_shortcut_is_taken_on_real_headlines() -> None:
    from tests.header_layouts import real_titles

    for source, titles in real_titles(CORPORA).items():
        lone = [t for t in titles if is_lone_title(t) and not has_year_hint(t)]
        simple = [t for t in titles if is_plain(t) and is_simple_title(t)]
        wrong = [t for t in simple if not (lone_title_shape(t) and looks_like_title(t))]
        assert wrong == []
        assert sum(map(is_simple_title, lone)) > 0.7 * len(lone), source


@settings(max_examples=2000)
@given(text=header_tops(), data=st.data())
def test_no_meta_line_after_means_no_meta_line(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    if no_meta_line_after(text, end):
        following = text[end:].strip().split("\n", 1)[0].strip()
        assert len(following) > 160 or read_meta_line(following, DEFAULT_BOUNDS) is None
