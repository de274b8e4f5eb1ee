"""The long reliability battery: a million generated texts or more through every preset.

Too long for CI, so it runs by hand or overnight::

    nice -n 19 .venv/bin/python fuzz/battery.py --examples 1000000 --out fuzz/.battery

Each text (``any_text``, the step-interaction generators of ``tests/interaction_strategies.py``
and generated news prose, in turn) goes through every preset, which must return ``str`` text and
metadata, be idempotent and add no lone surrogate. Unlike a test, a failure does not stop the
run: it is counted and written to ``<out>/failures.jsonl``, and ``<out>/counts.json`` holds the
counts so far (rewritten every 30 seconds), so a run stopped at any time still reports.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.interaction_strategies import interaction_text
from tests.reliability import any_text, has_lone_surrogate
from textfix import Pipeline
from textfix.config import PRESETS
from textfix.strategies import news_article

TEXTS = st.one_of(any_text, interaction_text, news_article(max_paragraphs=3))
MAX_FAILURES_KEPT = 1000


def check(pipeline: Pipeline, text: str) -> str | None:
    """What is wrong with ``pipeline`` on ``text``, or None."""
    once = pipeline(text)
    if not isinstance(once.text, str) or not all(
        isinstance(value, str) for value in once.metadata.values()
    ):
        return "not str"
    if pipeline(once.text).text != once.text:
        return "not idempotent"
    if has_lone_surrogate(once.text) and not has_lone_surrogate(text):
        return "lone surrogate added"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("fuzz/.battery"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pipelines = {name: Pipeline.from_preset(name) for name in PRESETS}
    counts: dict[str, Any] = {
        name: {"examples": 0, "idempotence_failures": 0, "exceptions": 0, "other": 0}
        for name in PRESETS
    }
    started = time.time()
    last_write = 0.0
    failures = (args.out / "failures.jsonl").open("a", encoding="utf-8")
    kept = 0

    def write_counts(final: bool = False) -> None:
        report = {"seconds": round(time.time() - started), "final": final, "presets": counts}
        (args.out / "counts.json").write_text(json.dumps(report, indent=2), encoding="utf-8")

    @settings(
        max_examples=args.examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(text=TEXTS)
    def run(text: str) -> None:
        nonlocal last_write, kept
        for name, pipeline in pipelines.items():
            try:
                problem = check(pipeline, text)
            except Exception as error:  # counted and kept: the run goes on
                problem = f"exception: {type(error).__name__}: {error}"
            tally = counts[name]
            tally["examples"] += 1
            if problem is not None:
                key = (
                    "idempotence_failures"
                    if problem == "not idempotent"
                    else "exceptions"
                    if problem.startswith("exception")
                    else "other"
                )
                tally[key] += 1
                if kept < MAX_FAILURES_KEPT:
                    kept += 1
                    record = {"preset": name, "problem": problem, "text": text}
                    failures.write(json.dumps(record, ensure_ascii=True) + "\n")
                    failures.flush()
        if time.time() - last_write > 30:
            last_write = time.time()
            write_counts()

    run()
    write_counts(final=True)
    print(json.dumps(counts, indent=2))


if __name__ == "__main__":
    main()
