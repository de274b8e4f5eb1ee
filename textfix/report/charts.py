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

EPOCH = dt.date(1970, 1, 1)
BAR = "#3b6ea8"
ALERT = "#c0392b"
# Typed Any: matplotlib types rcParams keys as one long Literal that a dict of str cannot match.
_STYLE: Any = {
    "svg.fonttype": "none",
    "font.size": 9,
    "font.family": ["DejaVu Sans", "sans-serif"],
    "axes.spines.top": False,
    "axes.spines.right": False,
    "date.epoch": "1970-01-01T00:00:00",
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
    # No layout engine: ``bbox_inches="tight"`` crops the saved chart, and a second layout
    # pass doubled the cost of drawing.
    return Figure(figsize=(width, height))


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

    Drawn as two filled step outlines (one artist each, however many months), not a bar per
    month: a corpus spanning decades has hundreds of months.

    >>> svg = month_chart("months", {"2023-05": 4, "2023-06": 9, "2031-01": 1}, dt.date(2024, 1, 1))
    >>> svg.startswith("<svg") and "#c0392b" in svg.lower()
    True
    >>> month_chart("months", {"0000-13": 1, "9999-12": 2}, dt.date(2024, 1, 1))[:4]  # no month
    '<svg'

    """
    counts = {
        m: n for m, n in counts.items() if "0001" <= m[:4] <= "9998" and "01" <= m[5:7] <= "12"
    }
    first, last = min(counts, default="1970-01"), max(counts, default="1970-01")
    months = _month_range(int(first[:4]), int(first[5:7]), int(last[:4]), int(last[5:7]))
    edges = [*months, _next_month(months[-1])]
    values = [counts.get(f"{m.year:04d}-{m.month:02d}", 0) for m in months]
    odd = [m > today or m.year < 1990 for m in months]
    with rc_context(_STYLE):
        figure = _figure(7.0, 2.6)
        axes = figure.add_subplot()
        x = [(d - EPOCH).days for d in edges]  # matplotlib's date numbers: days since the epoch
        axes.stairs(
            [0 if o else v for v, o in zip(values, odd, strict=True)], x, fill=True, color=BAR
        )
        if any(odd):
            axes.stairs(
                [v if o else 0 for v, o in zip(values, odd, strict=True)], x, fill=True, color=ALERT
            )
        axes.xaxis_date()
        axes.set_ylim(bottom=0)
        axes.set_ylabel("documents")
        axes.set_xlabel("month of the date found (red: before 1990 or after the report date)")
        return _svg(figure, name)


def _month_range(year: int, month: int, end_year: int, end_month: int) -> list[dt.date]:
    """The first days of every month from (year, month) to (end_year, end_month).

    >>> [d.isoformat() for d in _month_range(2023, 11, 2024, 1)]
    ['2023-11-01', '2023-12-01', '2024-01-01']
    """
    months = []
    current = dt.date(year, max(1, min(12, month)), 1)
    end = dt.date(end_year, max(1, min(12, end_month)), 1)
    while current <= end:
        months.append(current)
        current = _next_month(current)
    return months


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


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
