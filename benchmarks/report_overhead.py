"""What ``--report`` costs a run: CPU seconds without a report, with a JSON one, with the HTML page.

Generates ``--documents`` dirty news articles (``textfix.strategies.make_dirty_article``: header
lines, boilerplate, stray quotes, mojibake) as JSONL in a scratch directory, then runs
``python -m textfix clean … -p news -q`` on them, the variants interleaved (order rotating
each repeat), and reports each variant's median CPU seconds (user + system of the process and
its workers, from ``getrusage(RUSAGE_CHILDREN)``; wall time on a shared machine measures the
neighbours too) and the size of the report written. ``--baseline DIR`` adds a run of another
checkout of textfix without a report (e.g. ``git archive main | tar -x -C DIR``), to show that
a run without ``--report`` costs what it did before.

    python benchmarks/report_overhead.py                             # 20,000 documents, 5 repeats
    python benchmarks/report_overhead.py --documents 100000 --repeats 1 --workers 2
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(path: Path, documents: int, seed: int = 0) -> int:
    """Write ``documents`` dirty articles to ``path`` (JSONL); returns the bytes written."""
    from textfix.strategies import make_dirty_article

    with path.open("wb") as stream:
        for number in range(documents):
            article = make_dirty_article(seed * 1_000_003 + number)
            line = {"id": f"doc-{number:07d}", "text": article.dirty}
            stream.write(orjson.dumps(line, option=orjson.OPT_APPEND_NEWLINE))
    return path.stat().st_size


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(source: Path, scratch: Path, variant: str, workers: int, code: Path) -> tuple[float, float]:
    """One ``textfix clean`` run of ``variant`` (none, json, html, baseline); CPU and wall s."""
    command = [
        sys.executable,
        "-m",
        "textfix",
        "clean",
        str(source),
        "-o",
        str(scratch / "out.jsonl"),
    ]
    command += ["-p", "news", "-q", "--workers", str(workers)]
    if variant in ("json", "html"):
        command += ["--report", str(scratch / f"run.{variant}")]
    environment = {**os.environ, "PYTHONPATH": str(code)}
    before, started = cpu_seconds(), time.perf_counter()
    finished = subprocess.run(command, env=environment, check=False)
    if finished.returncode not in (0, 1):
        raise SystemExit(f"{variant}: textfix exited {finished.returncode}")
    return cpu_seconds() - before, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--baseline", type=Path, help="another textfix checkout to compare")
    parser.add_argument("--scratch", type=Path, help="where to write (default: a temp dir)")
    args = parser.parse_args()
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="textfix-report-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    source = scratch / "articles.jsonl"
    size = build_corpus(source, args.documents)
    print(f"{args.documents:,} documents, {size / 1e6:.1f} MB, {args.workers} worker(s): {scratch}")
    variants = ["none", "json", "html"] + (["baseline"] * (args.baseline is not None))
    cpu: dict[str, list[float]] = {v: [] for v in variants}
    wall: dict[str, list[float]] = {v: [] for v in variants}
    for repeat in range(args.repeats):
        order = variants[repeat % len(variants) :] + variants[: repeat % len(variants)]
        for variant in order:
            code = args.baseline if variant == "baseline" else ROOT
            seconds, elapsed = run(source, scratch, variant, args.workers, code)
            cpu[variant].append(seconds)
            wall[variant].append(elapsed)
    base = statistics.median(cpu["none"])
    print("| variant | CPU s (median) | vs no report | wall s (median) | report size |")
    print("|---|---|---|---|---|")
    for variant in variants:
        median = statistics.median(cpu[variant])
        written = scratch / f"run.{variant}"
        shown = f"{written.stat().st_size / 1e3:,.0f} kB" if written.exists() else "-"
        print(
            f"| {variant} | {median:.2f} | {100 * (median / base - 1):+.1f}% "
            f"| {statistics.median(wall[variant]):.2f} | {shown} |"
        )
    print("every run's CPU s:", {v: [round(s, 2) for s in cpu[v]] for v in variants})


if __name__ == "__main__":
    main()
