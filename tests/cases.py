"""Loading golden case files: ``{"step": name, "cases": [{label, input, expected, options}]}``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES


def load_cases(path: Path) -> list[Any]:
    """The cases of one file as pytest params, each with its label as id."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        pytest.param(
            data["step"],
            case["input"],
            case["expected"],
            case.get("options", {}),
            id=f"{data['step']}:{case['label']}",
        )
        for case in data["cases"]
    ]


def all_step_cases() -> list[Any]:
    """Every case of every file in ``fixtures/cases/``."""
    return [
        case for path in sorted((FIXTURES / "cases").glob("*.json")) for case in load_cases(path)
    ]
