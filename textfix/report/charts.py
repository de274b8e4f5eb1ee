"""The report's charts as Vega-Lite specifications: data and a description, drawn by the page.

Python builds a small dict per chart (the figures and how to show them); Vega-Lite, inlined
into the page with Vega (:mod:`textfix.report.scripts`), turns each into SVG in the browser.
Building a spec costs microseconds, where drawing the same charts with a plotting library in
Python cost over a second per report (most of it importing the library).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

BAR = "#3b6ea8"
ALERT = "#c0392b"
WIDTH = 620
#: Shared look: system fonts, no frame around the plot, quiet grid.
CONFIG: dict[str, Any] = {
    "font": "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif",
    "view": {"stroke": None},
    "axis": {
        "labelFontSize": 11,
        "titleFontSize": 11,
        "titleFontWeight": "normal",
        "tickCount": 6,
    },
    "axisY": {"labelLimit": 260},
}

Spec = dict[str, Any]


def _spec(name: str, data: list[dict[str, Any]], **body: Any) -> Spec:
    return {
        "name": name,
        "width": WIDTH,
        "data": {"values": data},
        "config": CONFIG,
        **body,
    }


def bar_chart(
    name: str,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    xlabel: str,
    percent: bool = False,
) -> Spec:
    """Horizontal bars, first label on top, each with its value written beside it: documents
    per step, lines per rule, shares of documents.

    >>> spec = bar_chart("steps", ["fix_mojibake", "normalise_whitespace"], [3, 7], xlabel="docs")
    >>> spec["data"]["values"]
    [{'label': 'fix_mojibake', 'value': 3}, {'label': 'normalise_whitespace', 'value': 7}]
    >>> spec["encoding"]["y"]["sort"] is None  # the order given, not alphabetical
    True
    >>> bar_chart("m", ["date"], [0.5], xlabel="share", percent=True)["layer"][1]["encoding"]
    {'text': {'field': 'value', 'format': '.0%'}}
    """
    number = ".0%" if percent else ",.0f"
    x: dict[str, Any] = {
        "field": "value",
        "type": "quantitative",
        "title": xlabel,
        "axis": {"format": number},
    }
    if percent:
        x["scale"] = {"domain": [0, 1]}
    return _spec(
        name,
        [{"label": label, "value": value} for label, value in zip(labels, values, strict=True)],
        height={"step": 20},
        encoding={
            "y": {"field": "label", "type": "nominal", "sort": None, "title": None},
            "x": x,
        },
        layer=[
            {"mark": {"type": "bar", "color": BAR}},
            {
                "mark": {"type": "text", "align": "left", "dx": 3, "color": "#1d2430"},
                "encoding": {"text": {"field": "value", "format": number}},
            },
        ],
    )


def month_chart(name: str, counts: dict[str, int], today: dt.date) -> Spec:
    """Documents per month of their date, a bar per month on a time axis; months after
    ``today`` and before 1990 in red. Only months with documents are sent: the time axis
    leaves the gaps.

    >>> spec = month_chart("months", {"2023-05": 4, "2031-01": 1}, dt.date(2024, 1, 1))
    >>> [(row["month"], row["odd"]) for row in spec["data"]["values"]]
    [('2023-05-01', False), ('2031-01-01', True)]
    >>> month_chart("months", {"0000-13": 1, "9999-12": 2}, today=dt.date(2024, 1, 1))["data"]
    {'values': []}
    """
    this_month = today.isoformat()[:7]
    rows = [
        {"month": f"{month}-01", "documents": n, "odd": month > this_month or month < "1990"}
        for month, n in sorted(counts.items())
        if "0001" <= month[:4] <= "9998" and "01" <= month[5:7] <= "12" and len(month) == 7
    ]
    return _spec(
        name,
        rows,
        height=180,
        mark={"type": "bar", "width": {"band": 1}, "minBandSize": 2},
        encoding={
            "x": {
                "field": "month",
                "type": "temporal",
                "timeUnit": "yearmonth",
                "title": "month of the date found (red: before 1990 or after the report's month)",
            },
            "y": {"field": "documents", "type": "quantitative", "title": "documents"},
            "color": {
                "field": "odd",
                "type": "nominal",
                "scale": {"domain": [False, True], "range": [BAR, ALERT]},
                "legend": None,
            },
            "tooltip": [
                {"field": "month", "type": "temporal", "timeUnit": "yearmonth", "title": "month"},
                {"field": "documents", "type": "quantitative", "format": ","},
            ],
        },
    )


def share_histogram(name: str, counts: Sequence[int]) -> Spec:
    """Documents by the share of their characters removed: bar 0 is "nothing removed", bar
    ``i`` the documents that lost more than ``(i - 1) * 5%`` and at most ``i * 5%``; the
    upper half in red, on a symmetric-log count axis (most documents lose little).

    >>> spec = share_histogram("removed", [90, 5, 3] + [0] * 17 + [2])
    >>> [row["bin"] for row in spec["data"]["values"]][:3], spec["data"]["values"][-1]["high"]
    (['none', '≤5%', '≤10%'], True)
    >>> spec["encoding"]["y"]["axis"]["values"]  # 90 documents at most: ticks to 10
    [0, 1, 10]
    """
    bins = len(counts) - 1
    labels = ["none"] + [f"≤{100 * i // bins}%" for i in range(1, bins + 1)]
    ticks = [0] + [10**k for k in range(len(str(max(max(counts, default=1), 1))))]
    rows = [
        {"bin": label, "documents": n, "high": i > bins // 2}
        for i, (label, n) in enumerate(zip(labels, counts, strict=True))
    ]
    return _spec(
        name,
        rows,
        height=180,
        mark={"type": "bar"},
        encoding={
            "x": {
                "field": "bin",
                "type": "ordinal",
                "sort": None,
                "title": "share of the document's characters removed",
                "axis": {"labelAngle": -60},
            },
            "y": {
                "field": "documents",
                "type": "quantitative",
                "scale": {"type": "symlog"},
                "title": "documents (log scale)",
                "axis": {"format": ",.0f", "values": ticks},  # powers of ten
            },
            "color": {
                "field": "high",
                "type": "nominal",
                "scale": {"domain": [False, True], "range": [BAR, ALERT]},
                "legend": None,
            },
            "tooltip": [
                {"field": "bin", "title": "removed"},
                {"field": "documents", "type": "quantitative", "format": ","},
            ],
        },
    )
