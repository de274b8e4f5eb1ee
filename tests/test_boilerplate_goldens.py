"""Line-level precision and recall of ``remove_boilerplate`` over hand-labelled articles."""

from __future__ import annotations

import pytest

from tests.boilerplate_goldens import Golden, load_goldens
from textfix import Pipeline
from textfix.boilerplate.remove import find_boilerplate, remove_boilerplate
from textfix.normalisers.whitespace import normalise_whitespace

ALL = load_goldens()


def score(goldens: list[Golden]) -> tuple[int, int, int]:
    """True positives, false positives and false negatives over all labelled lines."""
    tp = fp = fn = 0
    for golden in goldens:
        _, removals, reason = find_boilerplate(golden.text)
        removed = set() if reason else {r.line_number - 1 for r in removals}
        for index, mark in enumerate(golden.boilerplate):
            if mark is None:
                continue
            tp += mark and index in removed
            fp += (not mark) and index in removed
            fn += mark and index not in removed
    return tp, fp, fn


def test_there_are_at_least_40_goldens_in_nine_languages() -> None:
    assert len(ALL) >= 40
    assert len({golden.label for golden in ALL}) == len(ALL)


def test_precision_and_recall_over_goldens() -> None:
    tp, fp, fn = score(ALL)
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    assert precision >= 0.99, f"precision {precision:.3f} (tp={tp}, fp={fp})"
    assert recall >= 0.95, f"recall {recall:.3f} (tp={tp}, fn={fn})"


@pytest.mark.parametrize("golden", ALL, ids=[golden.label for golden in ALL])
def test_no_content_line_is_removed(golden: Golden) -> None:
    _, removals, reason = find_boilerplate(golden.text)
    assert reason is None
    wrong = [r.line for r in removals if golden.boilerplate[r.line_number - 1] is False]
    assert wrong == []


@pytest.mark.parametrize("golden", ALL, ids=[golden.label for golden in ALL])
def test_output_is_the_content_lines_whitespace_normal(golden: Golden) -> None:
    assert remove_boilerplate(normalise_whitespace(golden.text)) == golden.expected


@pytest.mark.parametrize("golden", ALL, ids=[golden.label for golden in ALL])
def test_news_preset_is_idempotent_on_goldens(golden: Golden) -> None:
    pipeline = Pipeline.from_preset("news")
    once = pipeline(golden.text).text
    assert pipeline(once).text == once
