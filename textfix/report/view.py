"""The figures of a run's JSON report arranged for the page: rows, shares, charts, samples.

Everything the template shows is computed here from the report alone (``textfix report``
builds the same page from a finished run's JSON as ``clean --report run.html`` does), and
nothing is read from the corpus.
"""

from __future__ import annotations

import datetime as dt
import shlex
from dataclasses import dataclass, field
from typing import Any

from textfix.report import charts
from textfix.report.diffs import diff_rows
from textfix.runner.audit import Audit
from textfix.runner.audit_sample import Sample

#: Metadata keys shown first (the header fields), then the others by frequency.
HEADER_KEYS = ("date", "title", "author")
MAX_RULES_CHARTED = 30


@dataclass
class Section:
    """One section of the page: an id for links and tests, a title, its charts (Vega-Lite
    specifications, :mod:`textfix.report.charts`)."""

    id: str
    title: str
    charts: list[charts.Spec] = field(default_factory=list)
    note: str = ""


@dataclass
class View:
    """What the template renders."""

    summary: list[tuple[str, str]]
    run: dict[str, Any]
    sections: dict[str, Section]
    steps: list[tuple[str, int, float]]
    rules: list[dict[str, Any]]
    metadata: list[tuple[str, int, float]]
    top_days: list[tuple[str, int, float]]
    date_flags: list[tuple[str, int]]
    losses: list[dict[str, Any]]
    changes: list[dict[str, Any]]
    errors: list[dict[str, Any]]
    audited: bool
    seed: int
    options: dict[str, int] = field(default_factory=dict)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _size(count: int) -> str:
    """A byte count for people.

    >>> _size(2_345), _size(12_345_678)
    ('2.3 kB', '12.3 MB')
    """
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= scale:
            return f"{count / scale:,.1f} {unit}"
    return f"{count} bytes"


def _where(item: dict[str, Any]) -> str:
    return f"{item.get('source')}:{item.get('number')}"


def summary_rows(report: dict[str, Any], audit: Audit | None) -> list[tuple[str, str]]:
    """The summary table: documents, bytes, time, throughput, workers, resumes.

    >>> rows = summary_rows({"documents_in": 4, "documents_out": 3, "errored": 1, "changed": 2,
    ...                      "bytes_in": 2_000_000, "seconds": 2.0}, None)
    >>> rows[2:4]
    [('documents with errors', '1'), ('documents changed', '2 (67% of those out)')]
    """
    seconds = float(report.get("seconds", 0.0))
    docs_in, docs_out = int(report.get("documents_in", 0)), int(report.get("documents_out", 0))
    megabytes = int(report.get("bytes_in", 0)) / 1e6
    changed = int(report.get("changed", 0))
    rows = [
        ("documents in", f"{docs_in:,}"),
        ("documents out", f"{docs_out:,}"),
        ("documents with errors", f"{int(report.get('errored', 0)):,}"),
        ("documents changed", f"{changed:,} ({_share(changed, docs_out):.0%} of those out)"),
        (
            "input",
            f"{_size(int(report.get('bytes_in', 0)))} in {int(report.get('inputs', 0)):,} inputs",
        ),
        ("time", f"{seconds:,.1f} s"),
    ]
    if seconds > 0:
        rows.append(
            ("throughput", f"{docs_in / seconds:,.0f} docs/s, {megabytes / seconds:.2f} MB/s")
        )
    rows.append(("boilerplate lines removed", f"{int(report.get('removed_lines', 0)):,}"))
    if audit is not None:
        removed = audit.chars_in - audit.chars_out
        rows.append(("characters removed", f"{removed:,} ({_share(removed, audit.chars_in):.1%})"))
        if audit.resumes:
            rows.append(("resumed", f"{audit.resumes} time(s); figures cover the whole run"))
    rows.append(("workers", str(report.get("workers", "?"))))
    return rows


def build_view(report: dict[str, Any], today: dt.date) -> View:
    """The page's content for ``report`` (a run's JSON report); ``today`` dates the page."""
    saved = report.get("audit")
    audit = Audit.from_dict(saved) if isinstance(saved, dict) else None
    docs_out = int(report.get("documents_out", 0))
    sections = {
        key: Section(key, title)
        for key, title in (
            ("summary", "Summary"),
            ("steps", "Per step"),
            ("rules", "Per boilerplate or noise rule"),
            ("metadata", "Metadata"),
            ("removed", "Text removed"),
            ("changes", "Sample changes"),
            ("errors", "Errors"),
        )
    }
    step_counts: dict[str, int] = dict(report.get("step_changes", {}))
    order = list(audit.run.get("steps", [])) if audit is not None else []
    names = [n for n in order if n in step_counts] + sorted(set(step_counts) - set(order))
    steps = [(n, step_counts[n], _share(step_counts[n], docs_out)) for n in names]
    if steps:
        sections["steps"].charts.append(
            charts.bar_chart(
                "steps", names, [step_counts[n] for n in names], xlabel="documents changed"
            )
        )
    view = View(
        summary=summary_rows(report, audit),
        run=_run(audit),
        sections=sections,
        steps=steps,
        rules=[],
        metadata=[],
        top_days=[],
        date_flags=[],
        losses=[],
        changes=[],
        errors=[],
        audited=audit is not None,
        seed=audit.options.seed if audit is not None else 0,
        options=audit.options.fingerprint() if audit is not None else {},
    )
    if audit is not None:
        _fill_audited(view, audit, docs_out, today)
    return view


def _run(audit: Audit | None) -> dict[str, Any]:
    if audit is None or not audit.run:
        return {}
    run = dict(audit.run)
    run["command_line"] = shlex.join(str(part) for part in run.get("command", []))
    return run


def _fill_audited(view: View, audit: Audit, docs_out: int, today: dt.date) -> None:
    _fill_rules(view, audit)
    _fill_metadata(view, audit, docs_out, today)
    view.sections["removed"].charts.append(charts.share_histogram("removed", audit.removed_hist))
    view.losses = [
        {
            **item,
            "share": _share(item["chars_in"] - item["chars_out"], item["chars_in"]),
            "where": _where(item),
        }
        for item in audit.top_losses.items()
    ]
    view.changes = [
        {
            **item,
            "where": _where(item),
            "steps": [
                {"step": s["step"], "rows": diff_rows(s["diff"]), "metadata": s.get("metadata")}
                for s in item["steps"]
            ],
        }
        for item in audit.changes.items()
    ]
    reasons = sorted(audit.error_reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    view.errors = [
        {"reason": reason, "count": n, "samples": _items(audit.error_samples, reason)}
        for reason, n in reasons
    ]


def _items(samples: dict[str, Sample], key: str) -> list[Any]:
    return samples[key].items() if key in samples else []


def _fill_rules(view: View, audit: Audit) -> None:
    rules = sorted(audit.rule_lines.items(), key=lambda kv: (-kv[1], kv[0]))
    view.rules = [
        {
            "id": rule,
            "lines": n,
            "skip": rule.split("+", 1)[0],  # "<rule>+list": a list the rule's heading opened
            "samples": _items(audit.rule_samples, rule),
        }
        for rule, n in rules
    ]
    if rules:
        shown = rules[:MAX_RULES_CHARTED]
        view.sections["rules"].charts.append(
            charts.bar_chart(
                "rules", [r for r, _ in shown], [n for _, n in shown], xlabel="lines removed"
            )
        )
        if len(rules) > len(shown):
            view.sections[
                "rules"
            ].note = f"The chart shows the {len(shown)} rules that removed most."


def _fill_metadata(view: View, audit: Audit, docs_out: int, today: dt.date) -> None:
    counts = audit.metadata_keys
    others = sorted((k for k in counts if k not in HEADER_KEYS), key=lambda k: (-counts[k], k))
    keys = [*HEADER_KEYS, *others]
    view.metadata = [(k, counts.get(k, 0), _share(counts.get(k, 0), docs_out)) for k in keys]
    shown = view.metadata[:12]
    section = view.sections["metadata"]
    section.charts.append(
        charts.bar_chart(
            "metadata",
            [k for k, _, _ in shown],
            [share for _, _, share in shown],
            xlabel="share of documents out",
            percent=True,
        )
    )
    months = {m: n for m, n in audit.months.items() if m[:1].isdigit()}
    if months:
        section.charts.append(charts.month_chart("months", months, today))
    dated = sum(audit.months.values())
    days = sorted(audit.days.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    view.top_days = [(d, n, _share(n, dated)) for d, n in days if d[:1].isdigit()]
    this_month = today.isoformat()[:7]
    view.date_flags = [
        ("dates after the report's month", sum(n for m, n in months.items() if m > this_month)),
        ("dates before 1990", sum(n for m, n in months.items() if m < "1990")),
        ("date values not starting YYYY-MM", audit.months.get("(not a date)", 0)),
    ]
