"""Contractions split by a space (``It’ s``, ``didn ’t``, ``do n't``) are closed up by quote
repair, in any quote style and inside any other quote damage; their neighbours are not."""

from __future__ import annotations

import re
import sys

from hypothesis import example, given
from hypothesis import strategies as st

from textfix import Pipeline
from textfix.normalisers.quote_contractions import (
    _GAP_CHARS,
    _SCREENED_MARKS,
    _SPLIT_RE,
    _SUFFIX,
    _SUFFIX_FIRST,
    APOSTROPHES,
    _may_hold_split,
    join_contractions,
)
from textfix.normalisers.quote_precheck import all_canonical
from textfix.normalisers.quotes import explain_quotes, repair_quotes

# (word, apostrophe suffix) pairs written here for the tests: each joins into a contraction.
CONTRACTIONS = [
    ("It", "s"), ("it", "s"), ("That", "s"), ("there", "s"), ("didn", "t"), ("can", "t"),
    ("won", "t"), ("isn", "t"), ("You", "re"), ("we", "re"), ("they", "ve"), ("I", "ve"),
    ("we", "ll"), ("she", "ll"), ("I", "d"), ("you", "d"), ("I", "m"), ("DON", "T"),
]  # fmt: skip
TREEBANK = [("do", "don"), ("does", "doesn"), ("ca", "can"), ("wo", "won"), ("is", "isn")]
WORDS = ["the", "council", "said", "budget", "would", "pass", "after", "a", "long", "debate"]


@st.composite
def split_sentence(draw: st.DrawFn) -> tuple[str, str]:
    """A sentence with split contractions, and the same sentence written correctly."""
    apostrophe = draw(st.sampled_from(["’", "'"]))
    damaged: list[str] = []
    correct: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        filler = draw(st.lists(st.sampled_from(WORDS), max_size=3))
        damaged += filler
        correct += filler
        if draw(st.booleans()):
            aux, base = draw(st.sampled_from(TREEBANK))
            damaged.append(f"{aux} n{apostrophe}t")
            correct.append(f"{base}{apostrophe}t")
            continue
        word, suffix = draw(st.sampled_from(CONTRACTIONS))
        split = draw(st.sampled_from(["after", "before", "both"]))
        space = " " * draw(st.integers(1, 2)) if split != "before" else ""
        before = " " if split != "after" else ""
        if split != "after" and word.lower() not in {"it", "that", "there", "i", "you", "we"}:
            before = ""  # a space before the mark is closed up after pronouns only
        damaged.append(f"{word}{before}{apostrophe}{space}{suffix}")
        correct.append(f"{word}{apostrophe}{suffix}")
    end = draw(st.sampled_from([".", "!", "?", ""]))
    return " ".join(damaged) + end, " ".join(correct) + end


@given(split_sentence())
def test_split_contractions_are_closed_up(pair: tuple[str, str]) -> None:
    damaged, correct = pair
    assert repair_quotes(damaged) == correct
    assert repair_quotes(correct) == correct


@given(split_sentence(), st.sampled_from(["keep", "straight", "curly"]))
def test_closing_up_contractions_is_idempotent_inside_quotations(
    pair: tuple[str, str], style: str
) -> None:
    # Inside a quotation whose marks are padded or turned the wrong way: every repair at once.
    damaged = f"He said ” {pair[0]} ” and left."
    once = repair_quotes(damaged, quote_style=style)  # type: ignore[arg-type]
    assert repair_quotes(once, quote_style=style) == once  # type: ignore[arg-type]
    assert " ’ " not in once and "’ s " not in once


@given(split_sentence())
def test_news_preset_closes_up_contractions_and_settles(pair: tuple[str, str]) -> None:
    pipeline = Pipeline.from_preset("news")
    text = f"The council met on Tuesday to discuss the budget.\n\n{pair[0]}"
    once = pipeline(text).text
    assert once.endswith(pair[1])
    assert pipeline(once).text == once


def test_a_split_contraction_is_never_canonical() -> None:
    # The fast check must send the paragraph to repair, or settling would skip it.
    for text in ["It’ s late.", "It' s late.", "it 's late", "they do n't", "they do n’t"]:
        assert not all_canonical(text), text
    assert all_canonical("It’s late, they don't know.")


def test_explain_names_the_joined_contraction() -> None:
    text, notes = explain_quotes("He didn ’t say.")
    assert text == "He didn’t say."
    assert notes == ["split contraction at 7: ' ’t' -> '’t'"]


NEIGHBOURS = [
    # Dutch writes its elisions after a space.
    "Hij komt 's morgens en zag 'm gisteren, ’s avonds op ’t dak.",
    "In ’s-Hertogenbosch en 's-Gravenhage.",
    # Tokenised possessives after nouns: a space before ’s is closed up after pronouns only.
    "The dog ’s bowl and John 's car.",
    # A quoted letter, a compound after a plural possessive, leading elisions.
    "Press the ’s’ key, then 't' and ‘d’.",
    "The children’ t-shirts and the cat’ t.",
    "Rock ’n’ roll, get ’em, ’tis the season, back in ’04.",
    # A closing quote before a word that starts like a suffix.
    "They called it ‘madness’ so we left; she said ‘no’ since it was late.",
    # n't after a word that is no auxiliary.
    "The brand 'n't' and the sign n't.",
]


def test_neighbours_of_split_contractions_stay() -> None:
    for text in NEIGHBOURS:
        assert join_contractions(text) == text, text
        assert repair_quotes(text) == text, text


# Short texts of letters, suffixes, spaces and every apostrophe and quote glyph: where quote
# repair and the closing-up of contractions meet (a padded closer that ends up right after a
# letter and before a suffix, ``'a ' d``, found by ``make fuzz``).
_PIECES = ["a", "it", "I", "don", "s", "t", "d", "m", "re", " ", " ", "'", "’", "‘", '"', "“", "”"]


@example(text="'a ' d", style="curly")
@example(text="‘ a ’ s", style="keep")
@given(
    text=st.lists(st.sampled_from(_PIECES), max_size=14).map("".join),
    style=st.sampled_from(["keep", "straight", "curly"]),
)
def test_repair_with_contractions_is_idempotent(text: str, style: str) -> None:
    once = repair_quotes(text, quote_style=style)  # type: ignore[arg-type]
    assert repair_quotes(once, quote_style=style) == once  # type: ignore[arg-type]


_GAPS = [" ", "  ", "\t", " \t", "\u00a0", "\u2009"]


@example(text="do'\tM", preset="web")  # found by make fuzz: the tab became a space later
@given(
    text=st.tuples(
        st.sampled_from(["It", "we", "do", "didn", "I", "a"]),
        st.sampled_from([*_GAPS, ""]),
        st.sampled_from(["’", "'"]),
        st.sampled_from([*_GAPS, ""]),
        st.sampled_from(["s", "t", "n't", "re", "M", "d"]),
        st.sampled_from(["", " go.", "\tgo", "\n\nNext."]),
    ).map("".join),
    preset=st.sampled_from(["default", "news", "web", "ascii"]),
)
def test_presets_close_up_a_split_with_any_gap_in_one_run(text: str, preset: str) -> None:
    # Quote repair reads a tab or a no-break space as a space, and whitespace tidying later
    # makes them one: a split contraction is closed up whatever its gap holds.
    pipeline = Pipeline.from_preset(preset)
    once = pipeline(text).text
    assert pipeline(once).text == once


def test_gap_characters_are_the_whitespace_inside_a_line() -> None:
    from textfix.normalisers.quote_contractions import _GAP_CHARS

    breaks = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace()]
    assert sorted(_GAP_CHARS) == [char for char in spaces if char not in breaks]


@example(text="n’t " * 40)
@example(text="x n’t")
@example(text="it\u3000’\u3000\u017f")
@given(
    text=st.text(
        alphabet=st.sampled_from(
            [*APOSTROPHES, *_GAP_CHARS[:6], *"nNstTSreRvlLdmM\u017fa\n", "\u3000"]
        ),
        max_size=80,
    )
)
def test_the_screen_passes_every_text_the_split_regex_matches(text: str) -> None:
    # The screen may pass more than the regex finds, never less: it is its necessary condition.
    if _SPLIT_RE.search(text) is not None:
        assert _may_hold_split(text)


def test_the_screen_stops_after_a_bounded_number_of_apostrophes() -> None:
    # A text of apostrophes with no split costs the screen a bounded loop, then the regex.
    assert _may_hold_split("’x" * (_SCREENED_MARKS + 1))
    assert not _may_hold_split("’x" * _SCREENED_MARKS)


def test_the_screen_knows_every_first_letter_of_a_suffix() -> None:
    # Every character the case-blind suffix pattern can start with (checked over all of
    # Unicode), so the screen passes "’ ſ" as the regex does.
    suffix = re.compile(_SUFFIX)
    first = {
        chr(code)
        for code in range(sys.maxunicode + 1)
        if any(suffix.match(chr(code) + rest) for rest in ("", "e", "l"))
    }
    assert first == set(_SUFFIX_FIRST)


def test_a_suffix_that_only_folds_to_one_never_raises() -> None:
    """The split pattern ignores case, so a long s (``ſ``) or a Kelvin sign matches ``s`` or
    ``k``; found by Hypothesis in ``test_fast_paths`` (a ``KeyError`` on ``"\\xa0'ſ"``)."""
    for text in ["\xa0'ſ", "it 'ſ", "I ’\u212a", "It ’ſ here", "we 'ſ'"]:
        for style in ("keep", "straight", "curly"):
            once = repair_quotes(text, quote_style=style)
            assert repair_quotes(once, quote_style=style) == once
    assert join_contractions("it 'ſ") == "it 'ſ"
    for preset in ("default", "news"):
        pipeline = Pipeline.from_preset(preset)
        assert pipeline(pipeline("\xa0'ſ and it ’ſ").text).text == pipeline("\xa0'ſ and it ’ſ").text
