"""Golden cases per step: ``fixtures/cases/<step>.json``, including must-not-change cases."""

from __future__ import annotations

from typing import Any

import pytest

from tests.cases import all_step_cases
from textfix.registry import get_step


@pytest.mark.parametrize(("step", "text", "expected", "options"), all_step_cases())
def test_step_case(step: str, text: str, expected: str, options: dict[str, Any]) -> None:
    spec = get_step(step)
    result = spec.func(text, **options)
    if spec.kind == "extractor":
        result = result[0]
    assert result == expected


@pytest.mark.parametrize(("step", "text", "expected", "options"), all_step_cases())
def test_step_case_is_stable(step: str, text: str, expected: str, options: dict[str, Any]) -> None:
    """Cleaning the expected output again changes nothing (idempotence on the goldens)."""
    spec = get_step(step)
    result = spec.func(expected, **options)
    if spec.kind == "extractor":
        result = result[0]
    assert result == expected
