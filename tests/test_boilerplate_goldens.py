"""Line-level precision and recall of ``remove_boilerplate`` over hand-labelled articles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from textfix import Pipeline
from textfix.normalisers.boilerplate import find_boilerplate, remove_boilerplate
from textfix.normalisers.whitespace import normalise_whitespace

GOLDENS = Path(__file__).resolve().parent.parent / "fixtures" / "boilerplate"


@dataclass(frozen=True)
class Golden:
    """A labelled article: its lines and, per line, True for boilerplate, None for blank."""

    label: str
    lines: tuple[str, ...]
    boilerplate: tuple[bool | None, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def expected(self) -> str:
        kept = [
            line for line, bp in zip(self.lines, self.boilerplate, strict=True) if bp is not True
        ]
        return normalise_whitespace("\n".join(kept))


def load_goldens(folder: Path = GOLDENS) -> list[Golden]:
    """Every article in ``folder/*.txt`` (format in fixtures/boilerplate/README.md)."""
    goldens: list[Golden] = []
    for path in sorted(folder.glob("*.txt")):
        label = ""
        lines: list[str] = []
        marks: list[bool | None] = []
        for raw in [*path.read_text(encoding="utf-8").split("\n"), "=== end"]:
            if raw.startswith("=== "):
                if label:
                    while lines and not lines[-1]:
                        lines.pop()
                        marks.pop()
                    goldens.append(Golden(label, tuple(lines), tuple(marks)))
                label, lines, marks = raw[4:].strip(), [], []
            elif raw in ("", "C", "B"):
                lines.append("")
                marks.append(None)
            elif raw[:2] in ("C ", "B "):
                lines.append(raw[2:])
                marks.append(raw[0] == "B")
            else:
                raise ValueError(f"{path.name}: unlabelled line {raw!r}")
    return goldens


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
