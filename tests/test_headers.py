"""Golden header cases (``fixtures/headers/*.json``): each input's body and metadata, and a
second pass over the body that finds no header."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import FIXTURES
from textfix.extract.header import HEADER_KEYS, extract_header

HEADER_FILES = sorted((FIXTURES / "headers").glob("*.json"))


def header_cases() -> list[Any]:
    params = []
    for path in HEADER_FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["step"] == "extract_header"
        for case in data["cases"]:
            marks = (
                [pytest.mark.xfail(strict=True, reason=case["known_failure"])]
                if "known_failure" in case
                else []
            )
            params.append(
                pytest.param(case, id=f"{path.stem}:{case['label']}", marks=marks),
            )
    return params


CASES = header_cases()


def test_enough_golden_cases() -> None:
    negatives = json.loads((FIXTURES / "headers" / "negatives.json").read_text("utf-8"))
    assert len(CASES) >= 80
    assert len(negatives["cases"]) >= 15


@pytest.mark.parametrize("case", CASES)
def test_header_case(case: dict[str, Any]) -> None:
    text, metadata = extract_header(case["input"], **case.get("options", {}))
    assert (text, metadata) == (case["expected_text"], case["expected_metadata"])


@pytest.mark.parametrize("case", CASES)
def test_header_case_second_pass_finds_no_header(case: dict[str, Any]) -> None:
    text, metadata = extract_header(case["expected_text"], **case.get("options", {}))
    assert text == case["expected_text"]
    assert not set(metadata) & set(HEADER_KEYS)


def test_day_first_languages_are_the_month_languages_but_english() -> None:
    """``dateorder`` reads slashed dates day first in every language whose month names textfix
    knows, English excepted (British and American sites differ)."""
    from importlib import resources

    from textfix._toml import load_toml_bytes
    from textfix.extract.dateorder import DAY_FIRST_LANGUAGES

    months = load_toml_bytes(resources.files("textfix.data").joinpath("months.toml").read_bytes())
    assert set(months) - {"en"} == DAY_FIRST_LANGUAGES
