"""The boilerplate goldens in ``fixtures/boilerplate/``: labelled articles (no pytest needed)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
