"""The long reliability battery: a million generated texts or more through every preset.

Too long for CI, so it runs by hand or overnight, in shards that add up::

    nice -n 19 .venv/bin/python fuzz/battery.py --examples 1000000 --out fuzz/.battery
    .venv/bin/python fuzz/battery.py --summary --out fuzz/.battery

Each text (``any_text``, the step-interaction generators of ``tests/interaction_strategies.py``
and generated news prose, in turn) goes through every preset, which must return ``str`` text and
metadata, be idempotent and add no lone surrogate. Unlike a test, a failure does not stop the
run: it is counted and written to ``<out>/seed-<N>/failures.jsonl``, and
``<out>/seed-<N>/counts.json`` holds the counts so far (rewritten every 30 seconds), so a run
stopped at any time still reports.

Each run is one shard: it draws its texts from Hypothesis seed ``N`` (``--seed``; by default the
smallest seed not yet used under ``--out``), so shards run one after another, or side by side on
several cores, test different texts and their counts add up. ``--summary`` adds the counts of
every shard, per commit of the code they ran.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.interaction_strategies import interaction_text
from tests.reliability import any_text, has_lone_surrogate
from textfix import Pipeline
from textfix.config import PRESETS
from textfix.strategies import news_article

TEXTS = st.one_of(any_text, interaction_text, news_article(max_paragraphs=3))
MAX_FAILURES_KEPT = 1000
ROOT = Path(__file__).resolve().parent.parent
COUNT_KEYS = ("examples", "idempotence_failures", "exceptions", "other")


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


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


def _commit() -> str:
    """The commit of the code under test, with ``+dirty`` when the worktree has changes."""
    try:
        head = _git("rev-parse", "--short=10", "HEAD")
        dirty = _git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def next_seed(out: Path) -> int:
    """The smallest seed with no shard under ``out``."""
    used = {int(path.name[5:]) for path in out.glob("seed-*") if path.name[5:].isdigit()}
    return next(n for n in range(len(used) + 1) if n not in used)


def summarise(reports: Iterable[dict[str, Any]]) -> dict[str, dict[str, dict[str, int]]]:
    """Counts per commit and preset, added over shards.

    >>> shard = {"commit": "abc", "presets": {"news": dict.fromkeys(COUNT_KEYS, 1)}}
    >>> summarise([shard, shard])["abc"]["news"]["examples"]
    2
    """
    totals: dict[str, dict[str, dict[str, int]]] = {}
    for report in reports:
        per_preset = totals.setdefault(report.get("commit", "unknown"), {})
        for preset, counts in report["presets"].items():
            tally = per_preset.setdefault(preset, dict.fromkeys(COUNT_KEYS, 0))
            for key in COUNT_KEYS:
                tally[key] += counts[key]
    return totals


def run_shard(examples: int, shard_seed: int, out: Path) -> dict[str, Any]:
    """Run ``examples`` texts from Hypothesis seed ``shard_seed``; counts go to ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    pipelines = {name: Pipeline.from_preset(name) for name in PRESETS}
    counts: dict[str, Any] = {name: dict.fromkeys(COUNT_KEYS, 0) for name in PRESETS}
    commit = _commit()
    started = time.time()
    last_write = 0.0
    failures = (out / "failures.jsonl").open("a", encoding="utf-8")
    kept = 0

    def write_counts(final: bool = False) -> None:
        report = {
            "commit": commit,
            "seed": shard_seed,
            "seconds": round(time.time() - started),
            "final": final,
            "presets": counts,
        }
        (out / "counts.json").write_text(json.dumps(report, indent=2), encoding="utf-8")

    @seed(shard_seed)
    @settings(
        max_examples=examples,
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

    write_counts()
    run()
    write_counts(final=True)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("fuzz/.battery"))
    parser.add_argument("--seed", type=int, default=None, help="default: the next unused one")
    parser.add_argument("--summary", action="store_true", help="add up the shards under --out")
    args = parser.parse_args()
    if args.summary:
        reports = [
            json.loads(path.read_text("utf-8")) for path in sorted(args.out.glob("*/counts.json"))
        ]
        print(json.dumps(summarise(reports), indent=2))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    shard_seed = next_seed(args.out) if args.seed is None else args.seed
    counts = run_shard(args.examples, shard_seed, args.out / f"seed-{shard_seed}")
    print(json.dumps(counts, indent=2))


if __name__ == "__main__":
    main()
