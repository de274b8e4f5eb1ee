"""Properties every registered step and every preset must have, on any ``str``."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textfix import Pipeline
from textfix.config import PRESETS
from textfix.registry import STEPS, StepSpec

# Every code point, surrogates, NUL and controls included.
any_text = st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF))
ascii_words = st.lists(
    st.text(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=10
    ),
    min_size=1,
    max_size=30,
)


def run_step(spec: StepSpec, text: str) -> str:
    result: Any = spec.func(text)
    if spec.kind == "extractor":
        result = result[0]
    assert isinstance(result, str)
    return str(result)


@pytest.mark.parametrize("name", list(STEPS))
@given(text=any_text)
def test_step_is_total_and_idempotent(name: str, text: str) -> None:
    spec = STEPS[name]
    once = run_step(spec, text)
    assert run_step(spec, once) == once


@pytest.mark.parametrize("name", list(STEPS))
@given(words=ascii_words)
def test_step_is_identity_on_clean_ascii_prose(name: str, words: list[str]) -> None:
    text = " ".join(words) + "."
    assert run_step(STEPS[name], text) == text


@pytest.mark.parametrize("preset", list(PRESETS))
@given(text=any_text)
def test_preset_is_total_and_idempotent(preset: str, text: str) -> None:
    pipeline = Pipeline.from_preset(preset)
    once = pipeline(text).text
    assert pipeline(once).text == once
