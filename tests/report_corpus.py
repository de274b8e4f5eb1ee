"""A corpus for the report tests: the fixture articles, generated dirty articles, seeded faults."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from tests.conftest import FIXTURES
from textfix.pipeline import Pipeline
from textfix.runner import RunOptions, RunStats, run_clean
from textfix.runner.audit import AuditOptions
from textfix.strategies import make_dirty_article

NEWS = Pipeline.from_preset("news")
#: Small tasks, so the generated shards are cut into byte ranges (line numbers renumbered).
CHUNK = 20_000
#: Lines replaced by faults in each generated shard: (line number, raw line).
FAULTS = ((18, '{"text": broken'), (34, '{"body": "no text field"}'), (51, '{"text": 7}'))


def make_corpus(folder: Path, per_shard: int = 120) -> Path:
    """Write the corpus into ``folder``; returns it."""
    folder.mkdir(parents=True)
    shutil.copytree(FIXTURES / "sample" / "articles", folder / "articles")
    shutil.copy(FIXTURES / "sample" / "articles.jsonl", folder / "wire.jsonl")
    for shard in range(2):
        lines = [
            json.dumps(
                {"id": f"gen-{shard}-{i}", "text": make_dirty_article(shard * 10_000 + i).dirty},
                ensure_ascii=False,
            )
            for i in range(per_shard)
        ]
        for number, raw in FAULTS:
            lines[number - 1] = raw
        (folder / f"gen-{shard}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def run(
    corpus: Path, out: Path, *, workers: int = 1, html: bool = False, **options: Any
) -> tuple[RunStats, dict[str, Any]]:
    """Clean ``corpus`` into ``out`` with a JSON report (and the HTML page); the report."""
    report = out.with_name(out.name + ".report.json")
    run_options = RunOptions(
        workers=workers,
        chunk_bytes=CHUNK,
        report=report,
        html_report=out.with_name(out.name + ".report.html") if html else None,
        audit=AuditOptions(command=("textfix", "clean", "test")),
        **options,
    )
    stats = run_clean([str(corpus)], NEWS, out, options=run_options)
    return stats, json.loads(report.read_text(encoding="utf-8"))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream]
