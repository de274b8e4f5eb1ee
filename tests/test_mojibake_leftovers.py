"""fix_leftover_mojibake: pairs ftfy leaves (``Ã…`` for ``Å``), repaired only with evidence."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from textfix import Pipeline
from textfix.normalisers.encoding import fix_mojibake
from textfix.normalisers.mojibake_leftovers import fix_leftover_mojibake

# Text dense in the pairs and in what decides them: letters of both cases, the second characters,
# spaces, punctuation and mojibake ftfy repairs ("Ã©").
leftover_text = st.lists(
    st.sampled_from(["Ã", "…", "Œ", "Ž", "’", "a", "B", "berg", "LAND", " ", ".", "Ã©", "é", "1"]),
    max_size=12,
).map("".join)


@given(text=leftover_text)
def test_fix_mojibake_is_idempotent_around_leftover_pairs(text: str) -> None:
    once = fix_mojibake(text)
    assert fix_mojibake(once) == once


@given(text=leftover_text)
def test_fix_leftover_mojibake_only_replaces_pairs_before_a_letter(text: str) -> None:
    # Each repair turns two characters into one and removes one "Ã"; nothing else changes, and
    # no pair before a non-letter ("IRMÃ…", "Ã… is") is repaired.
    fixed = fix_leftover_mojibake(text, text)
    assert len(text) - len(fixed) == text.count("Ã") - fixed.count("Ã")
    before_non_letters = [i for i in _pairs(text) if not text[i + 2 : i + 3].isalpha()]
    assert len(_pairs(fixed)) >= len(before_non_letters)
    if len(before_non_letters) == len(_pairs(text)):
        assert fixed == text


def _pairs(text: str) -> list[int]:
    return [i for i in range(len(text) - 1) if text[i] == "Ã" and text[i + 1] in "…ŒŽ"]


def test_pairs_left_alone_are_not_followed_by_a_word_initial_lower_case_letter() -> None:
    # Without other mojibake, only a word-initial pair before a lower-case letter is evidence.
    assert fix_leftover_mojibake("ÅÃ…berg MÃ…ller HÃ…KAN", "ÅÃ…berg MÃ…ller HÃ…KAN") == (
        "ÅÃ…berg MÃ…ller HÃ…KAN"
    )
    assert fix_leftover_mojibake("Ã…berg MÃ…ller HÃ…KAN", "Ã…berg MÃ…ller HÃ…KAN") == (
        "Åberg MÅller HÅKAN"
    )


def test_a_repaired_leftover_is_settled_again_by_the_same_call() -> None:
    # "Ã…" repaired to "Å" lets ftfy read the "â€™" beside it; a single call must finish the
    # job, or a second run of the pipeline changes the text again.
    for preset in ("default", "news"):
        pipeline = Pipeline.from_preset(preset)
        once = pipeline("cafГ©Ã…â€™").text
        assert once == "cafГ©Å’"
        assert pipeline(once).text == once
