"""Properties of quote repair in every style, on quote-heavy and on correctly quoted text."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from textfix.normalisers.quotes import QUOTE_STYLES, QuoteStyle, explain_quotes, repair_quotes

QUOTATION_CHARS = frozenset("'\"‘’‚‛“”„‟`´")
CURLY_CHARS = frozenset("‘’‚‛“”„‟")
# A straight quote not part of a run of straight quotes that follows a digit.
STRAIGHT_NOT_AFTER_DIGIT_RE = re.compile(r"(?<![\d'\"])['\"]")

# Text made mostly of the characters quote repair reads, so that every rule gets exercised.
quote_heavy = st.text(
    st.sampled_from(list("'\"‘’‚‛“”„‟`´ \n.,!?()-—abcsStnIO09«»′″ʻ")) | st.characters(),
    max_size=60,
)

WORDS = ["the", "Ukraine", "set", "to", "invade", "in", "DAYS", "O’Neill", "don’t", "it’s"]
APOSTROPHE_WORDS = ["students’", "the ’90s", "rock ’n’ roll", "’Tis", "o’clock", "Hawai‘i"]


@st.composite
def correct_text(draw: st.DrawFn, depth: int = 0) -> str:
    """A phrase whose quotes and apostrophes are already right (curly, nested at most twice)."""
    parts = draw(st.lists(st.sampled_from(WORDS + APOSTROPHE_WORDS), min_size=1, max_size=6))
    text = " ".join(parts)
    if depth < 2 and draw(st.booleans()):
        inner = draw(correct_text(depth + 1))
        opener, closer = ("‘", "’") if depth else ("“", "”")
        stop = draw(st.sampled_from(["", ",", ".", "?"]))
        text = f"{text} {opener}{inner}{stop}{closer} {draw(st.sampled_from(WORDS))}"
    return text


@st.composite
def correct_straight_text(draw: st.DrawFn) -> str:
    """The same phrases typed with straight quotes only."""
    return draw(correct_text()).translate(str.maketrans("‘’“”", "''\"\""))


@pytest.mark.parametrize("style", QUOTE_STYLES)
@given(text=quote_heavy)
def test_repair_quotes_is_idempotent(style: QuoteStyle, text: str) -> None:
    once = repair_quotes(text, quote_style=style)
    assert repair_quotes(once, quote_style=style) == once


@pytest.mark.parametrize("style", QUOTE_STYLES)
@given(text=quote_heavy)
def test_quotation_characters_never_grow(style: QuoteStyle, text: str) -> None:
    result = repair_quotes(text, quote_style=style)
    assert sum(ch in QUOTATION_CHARS for ch in result) <= sum(ch in QUOTATION_CHARS for ch in text)


@pytest.mark.parametrize("style", QUOTE_STYLES)
@given(text=quote_heavy)
def test_explain_gives_the_same_text(style: QuoteStyle, text: str) -> None:
    assert explain_quotes(text, quote_style=style)[0] == repair_quotes(text, quote_style=style)


@given(text=quote_heavy)
def test_straight_output_has_no_curly_quotes(text: str) -> None:
    assert CURLY_CHARS.isdisjoint(repair_quotes(text, quote_style="straight"))


@given(text=quote_heavy)
@example(text="²'")  # a superscript is no digit: no foot mark after it
def test_curly_output_has_straight_quotes_only_after_digits(text: str) -> None:
    """Foot and inch marks stay straight: 6'4", 12" and 12'' (inch typed as two apostrophes)."""
    result = repair_quotes(text, quote_style="curly")
    assert not STRAIGHT_NOT_AFTER_DIGIT_RE.search(result), result


@given(text=correct_text())
def test_keep_is_identity_on_correct_curly_text(text: str) -> None:
    assert repair_quotes(text) == text


@given(text=correct_text())
def test_curly_is_identity_on_correct_curly_text(text: str) -> None:
    assert repair_quotes(text, quote_style="curly") == text


@given(text=correct_straight_text())
def test_keep_and_straight_are_identity_on_correct_straight_text(text: str) -> None:
    assert repair_quotes(text) == text
    assert repair_quotes(text, quote_style="straight") == text


@given(text=correct_text())
def test_curly_restores_straightened_text(text: str) -> None:
    """Straightening correct text and making it curly again gives the text back."""
    straight = repair_quotes(text, quote_style="straight")
    assert repair_quotes(straight, quote_style="curly") == text.replace("Hawai‘i", "Hawai‘i")


# Swedish and Finnish prose quotes with right quotes on both sides; quote repair must keep it.
SWEDISH = [
    "Regeringen meddelade på tisdagen att skatten på bensin ska sänkas från och med januari",
    "Hon sa att det inte fanns några pengar kvar i kommunens budget för skolorna i år",
    "Enligt myndigheten har antalet resenärer ökat kraftigt sedan förra sommaren",
]
FINNISH = [
    "Hallitus ilmoitti tiistaina, että bensiinin veroa lasketaan tammikuun alusta alkaen",
    "Hän sanoi, ettei kunnan budjetissa ollut tänä vuonna enää rahaa kouluille",
    "Viraston mukaan matkustajien määrä on kasvanut voimakkaasti viime kesästä lähtien",
]


@st.composite
def right_quoted_prose(draw: st.DrawFn) -> str:
    """A paragraph of Swedish or Finnish prose with ”…” and ’…’ quotations in it."""
    sentences = draw(st.sampled_from([SWEDISH, FINNISH]))
    chosen = draw(st.lists(st.sampled_from(sentences), min_size=2, max_size=4))
    parts = []
    for sentence in chosen:
        words = sentence.split()
        cut = draw(st.integers(1, len(words) - 1))
        quote = draw(st.sampled_from(["”", "’"]))
        parts.append(" ".join(words[:cut]) + f" {quote}" + " ".join(words[cut:]) + f"{quote}.")
    return " ".join(parts)


@pytest.mark.parametrize("style", ["keep", "curly"])
@given(text=right_quoted_prose())
def test_right_quotes_are_kept_in_swedish_and_finnish(style: QuoteStyle, text: str) -> None:
    assert repair_quotes(text, quote_style=style) == text


@pytest.mark.parametrize("style", QUOTE_STYLES)
@given(text=right_quoted_prose())
def test_repair_quotes_is_idempotent_on_right_quoted_prose(style: QuoteStyle, text: str) -> None:
    once = repair_quotes(text, quote_style=style)
    assert repair_quotes(once, quote_style=style) == once
