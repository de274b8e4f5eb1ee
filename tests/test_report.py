"""The HTML run report: its figures against the run's JSON report and outputs, with errors, a
resume and two workers; the `report` command; the missing-extra message; escaping."""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape
from typer.testing import CliRunner

from tests.report_corpus import FAULTS, NEWS, make_corpus, read_jsonl, run
from textfix.cli import app
from textfix.config import PRESETS
from textfix.io.records import Record
from textfix.pipeline import Pipeline
from textfix.report import render_html_report
from textfix.runner import RunOptions, run_clean
from textfix.runner.audit import Audit, AuditOptions
from textfix.runner.audit_sample import Sample
from textfix.runner.cleaning import clean_record
from textfix.strategies import dirty_article

runner = CliRunner()
SECTIONS = ("summary", "steps", "rules", "metadata", "removed", "changes", "errors")
CHART_SECTIONS = ("steps", "rules", "metadata", "removed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("report") / "corpus")


def section(page: str, name: str) -> str:
    """The HTML of one section of the page."""
    start = page.index(f'<section id="{name}"')
    return page[start : page.index("</section>", start)]


def without_run(audit: dict[str, Any]) -> dict[str, Any]:
    """An audit without what differs between processes (command line, resumes)."""
    return {k: v for k, v in audit.items() if k not in ("run", "resumes")}


def interrupted(monkeypatch: pytest.MonkeyPatch, tasks: int, start: Callable[[], Any]) -> None:
    """Run ``start`` with the runner interrupted (as by Ctrl-C) after ``tasks`` tasks."""
    import textfix.runner.core as core

    real = core.run_ordered

    def interrupt(*args: Any, **kwargs: Any) -> Any:
        for n, result in enumerate(real(*args, **kwargs)):
            if n == tasks:
                raise KeyboardInterrupt
            yield result

    with monkeypatch.context() as patch:
        patch.setattr(core, "run_ordered", interrupt)
        with pytest.raises(KeyboardInterrupt):
            start()


def test_figures_match_the_json_report_and_the_outputs(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    removed = tmp_path / "removed.jsonl"
    stats, report = run(corpus, out, html=True, removed=removed)
    audit = report["audit"]
    records = read_jsonl(out)
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    removals = read_jsonl(removed)

    assert stats.errored == report["errored"] == len(errors) == 2 * len(FAULTS)
    assert audit["documents"] == report["documents_out"] == len(records)
    assert sum(audit["removed_hist"]) == report["documents_out"]
    # Every removed line counted under its rule, the same lines the --removed file lists.
    assert audit["rule_lines"] == dict(Counter(r["rule"] for r in removals))
    assert sum(audit["rule_lines"].values()) == report["removed_lines"] == len(removals)
    assert sum(audit["error_reasons"].values()) == report["errored"]
    # Metadata and dates: counted from the documents written.
    keys = Counter(k for r in records for k in r.get("metadata", {}))
    assert audit["metadata_keys"] == dict(keys)
    months = Counter(r["metadata"]["date"][:7] for r in records if "date" in r.get("metadata", {}))
    assert audit["months"] == dict(months)
    assert audit["chars_in"] == sum(len(text) for text in _input_texts(corpus))
    assert audit["chars_out"] == sum(len(r["text"]) for r in records)

    # Samples point at real places: removed lines (with their neighbours) as --removed lists
    # them, errors at the source and line the errors file gives (after byte-range renumbering).
    listed = {(r["source"], r["number"], r["line_number"]): r for r in removals}
    for rule, pairs in audit["rule_samples"].items():
        assert 0 < len(pairs) <= 4
        for _, sample in pairs:
            found = listed[(sample["source"], sample["number"], sample["line_number"])]
            assert (found["rule"], found["line"], found["id"]) == (
                rule,
                sample["line"],
                sample["id"],
            )
    error_places = {(e["source"], e["number"]) for e in errors}
    samples = [s for pairs in audit["error_samples"].values() for _, s in pairs]
    assert samples and all((s["source"], s["number"]) in error_places for s in samples)
    assert {s["number"] for s in samples} <= {n for n, _ in FAULTS}
    by_id = {r.get("id"): r for r in records}
    changed = [item for _, item in audit["changes"]]
    assert 0 < len(changed) <= 24
    for item in changed:
        steps = [step["step"] for step in item["steps"]]
        assert steps and set(steps) <= set(report["step_changes"])
        if item["id"] in by_id:
            assert by_id[item["id"]]["text"] != ""
    losses = [item for _, item in audit["top_losses"]]
    shares = [(i["chars_in"] - i["chars_out"]) / i["chars_in"] for i in losses]
    assert shares == sorted(shares, reverse=True) and len(losses) == 15

    page = (tmp_path / "out.jsonl.report.html").read_text(encoding="utf-8")
    summary = section(page, "summary")
    for name, key in (("documents in", "documents_in"), ("documents out", "documents_out")):
        assert f"<th>{name}</th><td>{report[key]:,}</td>" in summary
    steps = section(page, "steps")
    for step, count in report["step_changes"].items():
        assert re.search(rf"<code>{step}</code></td><td class=\"n\">{count:,}</td>", steps)
    rules = section(page, "rules")
    for rule, count in audit["rule_lines"].items():
        assert f"--skip-rule {rule.split('+')[0]}</code>" in rules
        assert f"<code>{rule}</code> — {count:,} line" in rules
    for reason, count in audit["error_reasons"].items():
        assert f'<td>{escape(reason)}</td><td class="n">{count:,}</td>' in section(page, "errors")


def _input_texts(corpus: Path) -> list[str]:
    """The text of every good record of ``corpus``, as the readers give it."""
    from textfix.io.readers import expand_inputs, read_items
    from textfix.io.records import ReadOptions, Record

    return [
        item.text
        for path, name in expand_inputs([str(corpus)])
        for item in read_items(path, name, ReadOptions())
        if isinstance(item, Record)
    ]


def test_every_section_and_chart_is_on_the_page(corpus: Path, tmp_path: Path) -> None:
    run(corpus, tmp_path / "out.jsonl", html=True)
    page = (tmp_path / "out.jsonl.report.html").read_text(encoding="utf-8")
    for name in SECTIONS:
        assert f'<section id="{name}"' in page
    found = re.search(r'<script type="application/json" id="chart-specs">(.*?)</script>', page)
    assert found is not None
    specs = json.loads(found.group(1))
    for name in CHART_SECTIONS:
        numbers = re.findall(r'<figure class="chart" data-chart="(\d+)">', section(page, name))
        assert numbers, name
        for number in numbers:  # each figure's specification, with figures to draw
            assert specs[int(number)]["data"]["values"], (name, number)
    # Self-contained: the scripts are inline, each allowed by its hash and nothing else.
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None
    rules = dict(rule.strip().split(" ", 1) for rule in html.unescape(policy.group(1)).split(";"))
    assert rules["default-src"] == "'none'"
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    hashes = {f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
              for s in scripts}  # fmt: skip
    assert len(scripts) == 3 and set(rules["script-src"].split()) == hashes | {"'unsafe-eval'"}
    markup = re.sub(r"<script>.*?</script>", "", page, flags=re.DOTALL)
    assert not re.search(r"<link|\bsrc=|url\((?!#)|href=\"(?!#)", markup, re.IGNORECASE)
    assert "https://" not in markup and "http://" not in markup


def test_document_text_is_escaped() -> None:
    audit = Audit(AuditOptions())
    audit.rule_lines["en.advertisement"] = 1
    sample = {"id": "<b>x</b>", "source": "s", "number": 1, "line_number": 2, "below": None}
    audit.rule_samples["en.advertisement"] = Sample(4)
    audit.rule_samples["en.advertisement"].offer(
        (0.5,), {**sample, "above": "<script>alert(1)</script>", "line": "Advertisement"}
    )
    audit.rule_lines["x.</script><b>y"] = 1  # charted: its id goes into the chart's JSON
    page = render_html_report({"documents_in": 1, "documents_out": 1, "audit": audit.as_dict()})
    assert "<b>x" not in page and "<b>y" not in page and "alert(1)</" not in page
    # The page's own scripts only: the chart specifications, Vega, Vega-Lite, the drawing code.
    assert page.count("<script") == 4 and page.count("</script>") == 4
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section(page, "rules")
    found = re.search(r'<script type="application/json" id="chart-specs">(.*?)</script>', page)
    assert found is not None
    specs = json.loads(found.group(1))
    assert "x.</script><b>y" in [row.get("label") for s in specs for row in s["data"]["values"]]


def test_two_workers_report_the_same_figures_and_samples(corpus: Path, tmp_path: Path) -> None:
    _, one = run(corpus, tmp_path / "one.jsonl")
    _, two = run(corpus, tmp_path / "two.jsonl", workers=2)
    assert (two["workers"], two["workers_requested"]) == (2, 2)
    how = ("audit", "seconds", "workers", "workers_requested")  # how the run ran, not what it did
    assert {k: v for k, v in two.items() if k not in how} == {
        k: v for k, v in one.items() if k not in how
    }
    assert without_run(two["audit"]) == without_run(one["audit"])


def test_a_resumed_run_reports_the_whole_run(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, whole = run(corpus, tmp_path / "whole.jsonl")
    out = tmp_path / "out.jsonl"
    interrupted(monkeypatch, 4, lambda: run(corpus, out))
    # The journal stays a line per task; the merged figures are saved beside it, whole.
    journal = tmp_path / "out.jsonl.progress.jsonl"
    assert len(journal.read_bytes()) < 10_000
    assert (tmp_path / "out.jsonl.progress.jsonl.audit-1.json").exists()  # after task 3
    _, resumed = run(corpus, out, resume=True, html=True)
    assert resumed["audit"]["resumes"] == 1
    assert without_run(resumed["audit"]) == without_run(whole["audit"])
    for key in ("documents_in", "documents_out", "errored", "changed", "removed_lines"):
        assert resumed[key] == whole[key], key
    page = (tmp_path / "out.jsonl.report.html").read_text(encoding="utf-8")
    assert "<th>resumed</th><td>1 time(s)" in page
    assert not list(tmp_path.glob("*.progress.jsonl*"))  # journal and audit files removed


def test_a_resume_whose_saved_figures_are_gone_is_refused(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textfix.errors import InputError

    out = tmp_path / "out.jsonl"
    interrupted(monkeypatch, 3, lambda: run(corpus, out))
    for saved in tmp_path.glob("*.audit-*.json"):
        saved.unlink()
    with pytest.raises(InputError, match="figures of the interrupted run are missing"):
        run(corpus, out, resume=True)


def test_the_report_command_builds_the_page_of_a_finished_run(corpus: Path, tmp_path: Path) -> None:
    _, report = run(corpus, tmp_path / "out.jsonl", html=True)
    page = tmp_path / "again.html"
    result = runner.invoke(
        app, ["report", str(tmp_path / "out.jsonl.report.json"), "-o", str(page)]
    )
    assert result.exit_code == 0, result.output
    assert page.read_text(encoding="utf-8") == render_html_report(report)
    assert page.read_text(encoding="utf-8") == (tmp_path / "out.jsonl.report.html").read_text(
        encoding="utf-8"
    )


def test_the_report_command_refuses_what_is_not_a_run_report(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"name": "not a run"}')
    result = runner.invoke(app, ["report", str(other), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "is not a textfix run report" in result.output
    missing = runner.invoke(app, ["report", str(tmp_path / "nope.json"), "-o", "r.html"])
    assert missing.exit_code == 2 and "No such file" in missing.output
    itself = runner.invoke(app, ["report", str(other), "-o", str(other)])
    assert itself.exit_code == 2 and "write the page elsewhere" in itself.output
    assert other.read_text() == '{"name": "not a run"}'


def test_the_report_command_replaces_a_page_only_with_overwrite(
    corpus: Path, tmp_path: Path
) -> None:
    _, report = run(corpus, tmp_path / "out.jsonl", html=True)
    page = tmp_path / "kept.html"
    page.write_text("a page of someone else's")
    args = ["report", str(tmp_path / "out.jsonl.report.json"), "-o", str(page)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "exists; give --overwrite" in result.output
    assert page.read_text() == "a page of someone else's"
    assert runner.invoke(app, [*args, "--overwrite"]).exit_code == 0
    assert page.read_text(encoding="utf-8") == render_html_report(report)


def test_a_json_report_without_samples_still_makes_a_page() -> None:
    page = render_html_report({"documents_in": 3, "documents_out": 3, "step_changes": {"a": 1}})
    assert "without samples" in page
    for name in SECTIONS:
        assert f'<section id="{name}"' in page


def test_clean_html_report_through_the_cli(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    text = "The ferry fares rose again this spring.\n\nAdvertisement"
    source.write_text(json.dumps({"id": "a", "text": text}) + "\n{broken\n")
    page = tmp_path / "run.html"
    result = runner.invoke(
        app, ["clean", str(source), "-o", str(tmp_path / "o.jsonl"), "-p", "news", "-q",
              "--report", str(page)],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    html = page.read_text(encoding="utf-8")
    assert "en.advertisement" in section(html, "rules")
    assert "malformed JSON" in section(html, "errors")
    assert not (tmp_path / "run.json").exists()


def test_a_missing_report_extra_is_a_friendly_error_before_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec

    def no_jinja2(name: str, *args: Any) -> Any:
        return None if name == "jinja2" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", no_jinja2)
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "x"}\n')
    out = tmp_path / "o.jsonl"
    result = runner.invoke(
        app, ["clean", str(source), "-o", str(out), "--report", str(tmp_path / "r.html")]
    )
    assert result.exit_code == 2
    assert "pip install 'textfix[report]'" in result.output
    assert not out.exists()  # refused before reading anything
    result = runner.invoke(app, ["report", str(source), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "textfix[report]" in result.output


def test_without_a_report_nothing_is_collected(tmp_path: Path) -> None:
    from textfix.io.records import ReadOptions
    from textfix.io.writers import output_spec
    from textfix.runner.tasks import plan_tasks
    from textfix.runner.worker import WorkerConfig, run_task

    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "CafÃ© au lait\\n\\nAdvertisement"}\n')
    config = WorkerConfig(NEWS, ReadOptions(), output_spec(None, None))
    (task,) = plan_tasks([(source, "in.jsonl")])
    result = run_task(config, task)
    assert result.audit is None and result.removed == []
    run_clean([str(source)], NEWS, tmp_path / "o.jsonl", options=RunOptions(workers=1))
    assert not list(tmp_path.glob("*.html"))


def test_samples_stay_bounded_however_large_the_run(corpus: Path, tmp_path: Path) -> None:
    _, report = run(corpus, tmp_path / "out.jsonl")
    audit = Audit.from_dict(report["audit"])
    options = audit.options
    assert len(audit.changes.items()) <= options.changes
    assert len(audit.top_losses.items()) <= options.top
    assert all(len(s.items()) <= options.per_rule for s in audit.rule_samples.values())
    assert all(len(s.items()) <= options.per_error for s in audit.error_samples.values())
    # The whole audit of this run is a few tens of kilobytes.
    assert len(json.dumps(report["audit"])) < 200_000


def test_resume_refuses_a_run_that_collected_no_report_figures(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textfix.errors import InputError

    out = tmp_path / "out.jsonl"
    options = RunOptions(workers=1, chunk_bytes=20_000)
    interrupted(monkeypatch, 2, lambda: run_clean([str(corpus)], NEWS, out, options=options))
    # Its report would cover only the tasks after the resume: refused, not silently partial.
    with pytest.raises(InputError, match="other inputs or options"):
        run(corpus, out, resume=True)


# The HTML report with --engine ray: tests/test_ray.py::test_cli_engine_ray_writes_the_html_report


def test_noise_rule_samples_show_the_removed_line_and_its_neighbours(tmp_path: Path) -> None:
    # The web preset's removals come from remove_noise_lines, not remove_boilerplate: their
    # samples must read the line in the text that step saw.
    page = (
        "Home | News | Sport | Contact\n"
        "The council said on Tuesday that the new bridge would open to traffic next spring.\n"
        "Officials added that the old crossing would close for good once the work was done.\n"
        "© 2024 Example Media. All rights reserved."
    )
    source = tmp_path / "page.txt"
    source.write_text(page, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    report = tmp_path / "run.json"
    options = RunOptions(workers=1, report=report, audit=AuditOptions(command=("t",)))
    run_clean([str(source)], Pipeline.from_preset("web"), out, options=options)
    audit = json.loads(report.read_text(encoding="utf-8"))["audit"]
    samples = [s for pairs in audit["rule_samples"].values() for _, s in pairs]
    assert audit["rule_lines"] and all(rule.startswith("noise.") for rule in audit["rule_lines"])
    assert {s["line"] for s in samples} == {
        "Home | News | Sport | Contact",
        "© 2024 Example Media. All rights reserved.",
    }
    assert all(s["above"] or s["below"] for s in samples)


@settings(max_examples=60, deadline=None)
@given(
    text=st.one_of(dirty_article().map(lambda article: article.dirty), st.text()),
    preset=st.sampled_from(sorted(PRESETS)),
)
def test_collecting_for_a_report_cleans_exactly_as_the_pipeline(text: str, preset: str) -> None:
    # The report's path runs the steps one by one to see each change; its text and metadata
    # must be the pipeline's, including when it settles a second pass.
    pipeline = Pipeline.from_preset(preset)
    record = Record({"text": text}, "a.jsonl", 1)
    cleaned = clean_record(pipeline, record, count_steps=True, want_removed=True, want_trace=True)
    expected = pipeline(text)
    assert (cleaned.document.text, cleaned.document.metadata) == (expected.text, expected.metadata)
    if cleaned.trace:  # the trace is the chain of changes, ending at the cleaned text
        assert cleaned.trace[0][1] == text and cleaned.trace[-1][2] == expected.text


@settings(max_examples=300, deadline=None)
@given(
    old=st.text(st.sampled_from("ab é\u00a0Ã©,.x"), max_size=400),
    new=st.text(st.sampled_from("ab é\u00a0Ã©,.x"), max_size=400),
)
def test_line_diff_opcodes_cover_both_lines_and_match_equal_stretches(old: str, new: str) -> None:
    from textfix.report.diffs import _opcodes

    codes = _opcodes(old, new)
    assert codes[0][1] == 0 and codes[0][3] == 0
    assert codes[-1][2] == len(old) and codes[-1][4] == len(new)
    for (_, _, i2, _, j2), (_, i1, _, j1, _) in itertools.pairwise(codes):
        assert (i2, j2) == (i1, j1)  # contiguous, in order
    for tag, i1, i2, j1, j2 in codes:
        assert tag in ("equal", "replace", "delete", "insert") and i1 <= i2 and j1 <= j2
        assert (old[i1:i2] == new[j1:j2]) if tag == "equal" else (i1, j1) != (i2, j2)
