"""The report's sampled documents: kept as texts until the run's sample is known, diffed only
then, and the same figures as when each task diffed its own candidates."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

import textfix.runner.audit as audit_module
from tests.report_corpus import NEWS, make_corpus, run
from textfix.io.records import ReadOptions
from textfix.io.writers import output_spec
from textfix.runner.audit import SHIP_CHARS, AuditOptions
from textfix.runner.audit_diffs import Pending
from textfix.runner.tasks import plan_tasks
from textfix.runner.worker import WorkerConfig, run_task


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("audit") / "corpus")


def without_run(audit: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in audit.items() if k not in ("run", "resumes")}


def counting_diffs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the documents diffed (each Pending's diffs are computed once)."""
    diffed: list[int] = []
    real = Pending.line_diffs

    def line_diffs(self: Pending) -> list[list[list[str]]]:
        if self.diffs is None:
            diffed.append(self.number)
        return real(self)

    monkeypatch.setattr(Pending, "line_diffs", line_diffs)
    return diffed


def test_only_the_runs_sampled_documents_are_diffed_and_the_figures_do_not_change(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tasks: list[int] = []
    real_finish = audit_module.Audit.finish

    def finish(self: audit_module.Audit) -> None:
        tasks.append(1)
        real_finish(self)

    monkeypatch.setattr(audit_module.Audit, "finish", finish)
    diffed = counting_diffs(monkeypatch)
    _, kept = run(corpus, tmp_path / "kept.jsonl")
    kept_diffs, kept_tasks = len(diffed), len(tasks)
    # As when every task made its own candidates records at its end.
    monkeypatch.setattr(audit_module, "SHIP_CHARS", 0)
    diffed.clear()
    _, eager = run(corpus, tmp_path / "eager.jsonl")
    assert without_run(kept["audit"]) == without_run(eager["audit"])
    assert kept["audit"]["changes"] and kept["audit"]["top_losses"]
    options = AuditOptions()
    assert kept_tasks > 4  # several tasks, each with its own candidates
    assert len(diffed) > kept_diffs
    # At most the run's two samples at each save of the audit (after a task, and at the end).
    assert kept_diffs <= (options.changes + options.top) * (kept_tasks + 1)
    assert kept_diffs < len(diffed), (kept_diffs, len(diffed), kept_tasks)


def test_a_large_sampled_document_leaves_its_task_as_a_record(tmp_path: Path) -> None:
    large = "Caf\u00c3\u00a9 au lait.\n" * (SHIP_CHARS // 8)  # mojibake on every line
    source = tmp_path / "in.jsonl"
    lines = [{"id": "small", "text": "Caf\u00c3\u00a9 au lait."}, {"id": "large", "text": large}]
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    config = WorkerConfig(NEWS, ReadOptions(), output_spec(None, None), audit=AuditOptions())
    (task,) = plan_tasks([(source, "in.jsonl")])
    result = run_task(config, task)
    assert result.audit is not None
    kept = {
        (item.id if isinstance(item, Pending) else item["id"]): item
        for item in result.audit.changes.items()
    }
    assert isinstance(kept["small"], Pending)  # a few characters: sent as texts
    assert isinstance(kept["large"], dict)  # diffed in the worker, its texts dropped
    assert len(pickle.dumps(result.audit)) < 50_000
    figures = result.audit.as_dict()  # texts made records, once
    assert all(isinstance(item, dict) for _, item in figures["changes"])
    assert result.audit.as_dict()["changes"] == figures["changes"]
