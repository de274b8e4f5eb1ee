"""The article textfix was born from, cleaned end to end (the seed lives in ../shared/seeds/),
and a seed-like golden article written for this repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import textfix
from tests.conftest import FIXTURES, SHARED

SEED_DIR = SHARED / "seeds"
SEED_TITLE = (
    "As Biden holds crisis talks with Putin, Russia is ‘set to invade Ukraine in DAYS’ and the US "
    "Embassy in Kiev will be evacuated."
)
GOLDEN = json.loads((FIXTURES / "golden" / "articles.json").read_text(encoding="utf-8"))


def seed_files() -> list[Path]:
    return sorted(SEED_DIR.glob("*.txt"))


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED_DIR.is_dir():
        pytest.skip(f"{SEED_DIR} is not beside this checkout; the golden articles cover the same")
    files = seed_files()
    assert files, f"no seed article in {SEED_DIR}"
    return files[0].read_text(encoding="utf-8")


def expected_seed_body(seed_text: str) -> str:
    """The seed's 12 body paragraphs, as written, separated by single blank lines."""
    paragraphs = [p.strip() for p in seed_text.split("\n\n") if p.strip()]
    body = paragraphs[1:-1]
    assert len(body) == 12
    return "\n\n".join(body)


def test_seed_through_pipeline(seed_text: str) -> None:
    document = textfix.Pipeline.from_preset("news")(seed_text)
    assert document.metadata == {"date": "2022-02-12", "title": SEED_TITLE}
    assert document.text == expected_seed_body(seed_text)
    assert document.text.startswith("The US embassy in Kiev")
    assert document.text.endswith("if Russia invaded the country.")


def test_seed_through_clean(seed_text: str) -> None:
    assert textfix.clean(seed_text, preset="news") == expected_seed_body(seed_text)


@pytest.mark.parametrize("case", GOLDEN, ids=[case["label"] for case in GOLDEN])
def test_golden_article_through_api(case: dict[str, object]) -> None:
    document = textfix.Pipeline.from_preset(str(case["preset"]))(str(case["input"]))
    assert document.text == case["expected_text"]
    assert document.metadata == case["expected_metadata"]
