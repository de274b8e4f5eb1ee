"""The report's charts: matplotlib figures saved as SVG text, inlined into the page.

matplotlib draws; nothing here writes SVG by hand. Text stays text (``svg.fonttype: none``),
which keeps each chart a few kilobytes and lets the browser pick the font. Each chart gets
its own ``svg.hashsalt``, so the ids of several inlined charts never clash, and no date is
written into the file, so the same run gives the same page byte for byte.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from matplotlib import rc_context
from matplotlib.figure import Figure

BAR = "#3b6ea8"
ALERT = "#c0392b"
# Typed Any: matplotlib types rcParams keys as one long Literal that a dict of str cannot match.
_STYLE: Any = {
    "svg.fonttype": "none",
    "font.size": 9,
    "font.family": ["DejaVu Sans", "sans-serif"],
    "axes.spines.top": False,
    "axes.spines.right": False,
}

# No date (the same run gives the same page), no creator block: a few hundred bytes per chart.
_NO_METADATA: Any = {"Date": None, "Creator": None, "Format": None, "Type": None}


def _svg(figure: Figure, name: str) -> str:
    """The figure as an inline ``<svg>`` element (no XML prologue, no doctype)."""
    buffer = io.StringIO()
    style: Any = {**_STYLE, "svg.hashsalt": f"textfix-{name}"}
    with rc_context(style):
        figure.savefig(buffer, format="svg", metadata=_NO_METADATA, bbox_inches="tight")
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def _figure(width: float, height: float) -> Figure:
    with rc_context(_STYLE):
        return Figure(figsize=(width, height), layout="constrained")


def bar_chart(
    name: str,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    xlabel: str,
    percent: bool = False,
) -> str:
    """Horizontal bars, first label on top: documents per step, lines per rule, shares.

    >>> svg = bar_chart("steps", ["fix_mojibake", "normalise_whitespace"], [3, 7], xlabel="docs")
    >>> svg.startswith("<svg") and svg.count("fix_mojibake") == 1
    True
    """
    with rc_context(_STYLE):
        figure = _figure(7.0, 0.8 + 0.28 * max(len(labels), 1))
        axes = figure.add_subplot()
        positions = range(len(labels))
        bars = axes.barh(list(positions), list(values), color=BAR)
        axes.set_yticks(list(positions), list(labels))
        axes.invert_yaxis()
        axes.set_xlabel(xlabel)
        axes.margins(x=0.12)
        texts = [f"{v:.0%}" if percent else f"{v:,.0f}" for v in values]
        axes.bar_label(bars, texts, padding=3)
        if percent:
            axes.set_xlim(0, 1.12)
            axes.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
        return _svg(figure, name)


def month_chart(name: str, counts: dict[str, int], today: dt.date) -> str:
    """Documents per month of their date; months after ``today`` and before 1990 in red.

    >>> svg = month_chart("months", {"2023-05": 4, "2023-06": 9, "2031-01": 1}, dt.date(2024, 1, 1))
    >>> svg.startswith("<svg") and "#c0392b" in svg.lower()
    True
    """
    months = sorted(counts)
    starts = [dt.date(int(m[:4]), max(1, min(12, int(m[5:7]))), 1) for m in months]
    colours = [ALERT if d > today or d.year < 1990 else BAR for d in starts]
    with rc_context(_STYLE):
        figure = _figure(7.0, 2.6)
        axes = figure.add_subplot()
        axes.bar(starts, [counts[m] for m in months], width=26, color=colours, align="edge")  # type: ignore[arg-type]
        axes.set_ylabel("documents")
        axes.set_xlabel("month of the date found (red: before 1990 or after the report date)")
        figure.autofmt_xdate()
        return _svg(figure, name)


def share_histogram(name: str, counts: Sequence[int]) -> str:
    """Documents by the share of their characters removed: bar 0 is "nothing removed", bar
    ``i`` the documents that lost more than ``(i - 1) * 5%`` and at most ``i * 5%``.

    >>> svg = share_histogram("removed", [90, 5, 3] + [0] * 17 + [2])
    >>> svg.startswith("<svg")
    True
    """
    bins = len(counts) - 1
    labels = ["none"] + [f"≤{100 * i // bins}%" for i in range(1, bins + 1)]
    with rc_context(_STYLE):
        figure = _figure(7.0, 2.6)
        axes = figure.add_subplot()
        colours = [BAR] * (bins // 2 + 1) + [ALERT] * (bins - bins // 2)
        axes.bar(range(len(counts)), list(counts), color=colours)
        axes.set_xticks(range(len(counts)), labels, rotation=60)
        if max(counts, default=0) > 0:
            axes.set_yscale("symlog", linthresh=1)  # most documents lose little: log counts
            axes.yaxis.set_major_formatter(lambda y, _: f"{y:,.0f}")
        axes.set_ylabel("documents (log scale)")
        axes.set_xlabel("share of the document's characters removed")
        return _svg(figure, name)
