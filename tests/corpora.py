"""Texts for the tests that check a fast path against its reference on "real" text.

The shared corpora (``../shared/corpora``) are read when they sit beside the checkout, as on
developers' machines and in CI; a fresh clone has none. Every test that reads them is marked
``needs_shared`` (skipped with a stated reason), and the same behaviour is checked on
:func:`fixture_texts`, built from the repository's own ``fixtures/`` alone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from tests.boilerplate_goldens import load_goldens
from tests.conftest import FIXTURES, SHARED

CORPORA = SHARED / "corpora"
HAVE_SHARED = CORPORA.is_dir()
needs_shared = pytest.mark.skipif(
    not HAVE_SHARED,
    reason=f"the shared corpora are not beside this checkout ({CORPORA} is missing); "
    "the same behaviour is checked on fixtures/",
)


def _strings(value: Any) -> Iterator[str]:
    """The ``input`` strings of a fixture file, wherever they are nested."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "input" and isinstance(item, str):
                yield item
            else:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@cache
def fixture_articles() -> tuple[str, ...]:
    """The articles in ``fixtures/``: boilerplate goldens, sample and golden articles."""
    articles = [golden.text for golden in load_goldens()]
    articles += [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("sample/**/*.txt"))]
    with (FIXTURES / "sample" / "articles.jsonl").open(encoding="utf-8") as handle:
        articles += [json.loads(line)["text"] for line in handle if line.strip()]
    golden = json.loads((FIXTURES / "golden" / "articles.json").read_text(encoding="utf-8"))
    return (*articles, *(case["input"] for case in golden))


@cache
def fixture_mojibake_articles() -> tuple[str, ...]:
    """The articles, then half of them as cp1252 mojibake whole, half a paragraph in three."""
    articles = fixture_articles()
    whole = [text.encode("utf-8").decode("cp1252", "replace") for text in articles[::2]]
    paragraphs = [
        "\n\n".join(
            p.encode("utf-8").decode("cp1252", "replace") if i % 3 == 1 else p
            for i, p in enumerate(text.split("\n\n"))
        )
        for text in articles[1::2]
    ]
    return (*articles, *whole, *paragraphs)


@cache
def fixture_texts() -> tuple[str, ...]:
    """Every text in ``fixtures/``: case inputs (edge cases included), then
    :func:`fixture_mojibake_articles`."""
    texts: list[str] = []
    for path in sorted(FIXTURES.rglob("*.json")):
        texts.extend(_strings(json.loads(path.read_text(encoding="utf-8"))))
    return (*texts, *fixture_mojibake_articles())
