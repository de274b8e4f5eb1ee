"""The HTML report of a cleaning run: one self-contained page to audit what a run did.

``textfix clean … --report run.html`` writes it at the end of a run, and ``textfix report
run.json -o run.html`` builds it from a finished run's JSON report. The page loads nothing:
styles and scripts are inline, the charts are Vega-Lite specifications that the inlined Vega
draws as SVG in the browser (:mod:`textfix.report.charts`, :mod:`textfix.report.scripts`), so
it opens from disk in any current browser. It weighs the bundles (about 770 kB) plus a few
hundred kilobytes however large the run: the runner keeps counts and bounded samples
(``textfix.runner.audit``), never the documents.

jinja2 comes with the optional extra ``textfix[report]``; without it the report commands fail
before the run starts, saying what to install.

>>> require_report_extra()  # the extra is installed in the test environment
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from typing import Any

from textfix.errors import TextfixError

#: The modules ``textfix[report]`` installs.
REPORT_MODULES = ("jinja2",)


class ReportExtraMissing(TextfixError, ImportError):
    """The HTML report needs the optional dependencies of ``textfix[report]``."""


def require_report_extra() -> None:
    """Raise :class:`ReportExtraMissing` (saying what to install) unless the report's
    modules (jinja2) can be imported."""
    missing = [name for name in REPORT_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        raise ReportExtraMissing(
            f"the HTML report needs {' and '.join(missing)}: "
            "pip install 'textfix[report]' (or write a .json report)"
        )


def render_html_report(report: dict[str, Any], *, today: dt.date | None = None) -> str:
    """The page for ``report`` (a run's JSON report, as ``--report run.json`` writes it);
    ``today`` dates the page and decides which dates count as in the future."""
    require_report_extra()
    from textfix.report.page import render_page

    return render_page(report, today or dt.date.today())


def write_html_report(path: Path, report: dict[str, Any], *, today: dt.date | None = None) -> None:
    """Write the page for ``report`` to ``path`` atomically."""
    from textfix.io.writers import write_file_atomically

    html = render_html_report(report, today=today)
    write_file_atomically(path, html.encode("utf-8"))


def is_html_path(path: Path) -> bool:
    """Whether a ``--report`` path asks for the HTML page (by its extension).

    >>> [is_html_path(Path(name)) for name in ("run.html", "RUN.HTM", "run.json")]
    [True, True, False]
    """
    return path.suffix.lower() in (".html", ".htm")


__all__ = [
    "ReportExtraMissing",
    "is_html_path",
    "render_html_report",
    "require_report_extra",
    "write_html_report",
]
