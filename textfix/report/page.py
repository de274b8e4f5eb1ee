"""Rendering: the view of a run's report through the jinja2 template, autoescaped, with the
chart specifications as JSON and the scripts that draw them inlined."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

import jinja2

from textfix.report.charts import Spec
from textfix.report.scripts import content_security_policy, json_for_script, page_scripts
from textfix.report.view import build_view


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("textfix.report", "templates"),
        autoescape=True,  # every document text on the page is the corpus's, never markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_page(report: dict[str, Any], today: dt.date) -> str:
    """The HTML page for ``report``, built on ``today``.

    >>> page = render_page({"documents_in": 1, "documents_out": 1}, dt.date(2025, 1, 2))
    >>> "<h2>Summary</h2>" in page and "Built 2025-01-02" in page
    True
    """
    view = build_view(report, today)
    specs: list[Spec] = []
    numbers: dict[str, list[int]] = {}
    for section in view.sections.values():  # each figure names its specification by number
        numbers[section.id] = list(range(len(specs), len(specs) + len(section.charts)))
        specs += section.charts
    template = _environment().get_template("report.html.j2")
    return template.render(
        view=view,
        report=report,
        built=today.isoformat(),
        chart_numbers=numbers,
        chart_specs=json_for_script(specs),
        scripts=page_scripts(),
        policy=content_security_policy(),
    )
