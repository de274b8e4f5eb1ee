"""Golden cases per step: ``fixtures/cases/<step>.json``, including must-not-change cases."""

from __future__ import annotations

from typing import Any

import pytest

from tests.cases import all_step_cases
from textfix.registry import get_step


def run_step(step: str, text: str, options: dict[str, Any]) -> str:
    """The text a registered step returns (for an extractor, the text without the header)."""
    spec = get_step(step)
    result = spec.func(text, **options)
    return str(result[0] if spec.kind == "extractor" else result)


@pytest.mark.parametrize(("step", "text", "expected", "options"), all_step_cases())
def test_step_case(step: str, text: str, expected: str, options: dict[str, Any]) -> None:
    assert run_step(step, text, options) == expected


@pytest.mark.parametrize(("step", "text", "expected", "options"), all_step_cases())
def test_step_case_is_stable(step: str, text: str, expected: str, options: dict[str, Any]) -> None:
    """Cleaning the expected output again changes nothing (idempotence on the goldens)."""
    assert run_step(step, expected, options) == expected
