"""What ``--report`` costs a run: CPU seconds without a report, with a JSON one, with the HTML page.

Generates ``--documents`` dirty news articles (``textfix.strategies.make_dirty_article``: header
lines, boilerplate, stray quotes, mojibake) as JSONL in a scratch directory, then runs
``python -m textfix clean … -p news -q`` on them, the variants interleaved (order rotating
each repeat), and reports each variant's median CPU seconds (user + system of the process and
its workers, from ``getrusage(RUSAGE_CHILDREN)``; wall time on a shared machine measures the
neighbours too) and the size of the report written. ``--baseline DIR`` runs another checkout
of textfix (e.g. ``git archive main | tar -x -C DIR``) the same three ways, interleaved with
this one's: its run without a report shows that a run without ``--report`` costs what it did
before, its runs with one what the report cost before.

Besides the ratio of the medians, each repeat's runs (one of each variant, back to back) give
a ratio to that repeat's run without a report, and the median of those is printed too: a
neighbour's load that comes and goes over minutes moves a repeat's runs together, so the
paired ratio drifts less than the medians do.

    python benchmarks/report_overhead.py                             # 20,000 documents, 5 repeats
    python benchmarks/report_overhead.py --documents 100000 --repeats 3 --workers 2

On a shared machine whole runs differ by several percent from one to the next, more than the
report costs. ``--components`` measures the parts instead, in one process, each variant in
turn on the same batch of 50 documents (order rotating): cleaning as a run without a report
does, cleaning as one with a report does (steps counted, changes traced) plus the audit's
per-document work, the audit's end-of-task work and saving (which diffs the sampled documents),
and, in a fresh process that has imported the runner as a run has, writing the page.

    python benchmarks/report_overhead.py --documents 5000 --components
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


def reuse_corpus(path: Path, documents: int) -> int:
    """The size of the corpus already at ``path`` when it has ``documents`` lines (the
    generator is seeded: the same corpus), else 0."""
    if not path.exists():
        return 0
    with path.open("rb") as stream:
        lines = sum(1 for _ in stream)
    return path.stat().st_size if lines == documents else 0


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _load() -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


def run(source: Path, scratch: Path, variant: str, workers: int, code: Path) -> tuple[float, float]:
    """One ``textfix clean`` run of ``variant`` (none, json, html) of ``code``; CPU and wall s."""
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
    for earlier in ("out.jsonl", "out.errors.jsonl", f"run.{variant}"):
        (scratch / earlier).unlink(missing_ok=True)  # refused, not replaced, by a second run
    before, started = cpu_seconds(), time.perf_counter()
    finished = subprocess.run(command, env=environment, check=False)
    if finished.returncode not in (0, 1):
        raise SystemExit(f"{variant}: textfix exited {finished.returncode}")
    return cpu_seconds() - before, time.perf_counter() - started


def components(source: Path, scratch: Path, repeats: int) -> None:
    """The report's costs per part, in process (see the module's docstring)."""
    from textfix.io.records import Record
    from textfix.pipeline import Pipeline
    from textfix.runner.audit import Audit, AuditOptions
    from textfix.runner.cleaning import clean_record, document_of
    from textfix.runner.tasks import Unit

    pipeline = Pipeline.from_preset("news")
    with source.open("rb") as stream:
        records = [Record(orjson.loads(line), source.name, n + 1) for n, line in enumerate(stream)]
    unit = Unit(0, source.name, str(source), source.stat().st_size)
    totals = {"without a report": 0.0, "with a report": 0.0, "audit at task end, saved": 0.0}
    audit = Audit(AuditOptions())
    for record in records[:200]:  # warm up: rules compile and the language model loads on first use
        pipeline(document_of(record))
        clean_record(pipeline, record, count_steps=True, want_removed=True, want_trace=True)
    for repeat in range(repeats):
        audit = Audit(AuditOptions())
        for start in range(0, len(records), 50):
            batch = records[start : start + 50]
            for variant in (
                ["plain", "report"] if (start // 50 + repeat) % 2 else ["report", "plain"]
            ):
                before = time.process_time()
                if variant == "plain":
                    for record in batch:
                        pipeline(document_of(record))
                else:
                    for record in batch:
                        cleaned = clean_record(
                            pipeline, record, count_steps=True, want_removed=True, want_trace=True
                        )
                        audit.observe(record, unit, cleaned)
                name = "without a report" if variant == "plain" else "with a report"
                totals[name] += time.process_time() - before
        before = time.process_time()
        # Once per task in a run (a task is 4 MB of input), and the sampled documents are
        # diffed when the audit is saved (after a task, at the end); here once per pass.
        audit.finish()
        audit.as_dict()
        totals["audit at task end, saved"] += time.process_time() - before
    report = {"documents_in": len(records), "documents_out": len(records), "audit": audit.as_dict()}
    saved = scratch / "components.json"
    saved.write_bytes(orjson.dumps(report))
    page = scratch / "components.html"
    script = (
        "import time, orjson, pathlib, textfix.cli, textfix.runner.core\n"
        "before = time.process_time()\n"
        "from textfix.report import write_html_report\n"
        f"write_html_report(pathlib.Path({str(page)!r}), "
        f"orjson.loads(pathlib.Path({str(saved)!r}).read_bytes()))\n"
        "print(time.process_time() - before)\n"
    )
    writes = [
        float(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout)
        for _ in range(repeats)
    ]  # fmt: skip
    base = totals["without a report"]
    print(f"{len(records):,} documents, {repeats} passes; CPU s summed over the passes:")
    print("| part | CPU s | share of cleaning without a report |")
    print("|---|---|---|")
    for name, seconds in totals.items():
        print(f"| {name} | {seconds:.3f} | {100 * seconds / base:.2f}% |")
    per_pass = base / repeats
    write = statistics.median(writes)
    print(
        f"| writing the page (median of {repeats} fresh processes) | {write:.3f} | "
        f"{100 * write / per_pass:.2f}% of one pass |"
    )
    print(f"page: {page.stat().st_size / 1e3:,.0f} kB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--baseline", type=Path, help="another textfix checkout, run the same ways")
    parser.add_argument("--scratch", type=Path, help="where to write (default: a temp dir)")
    parser.add_argument("--components", action="store_true", help="measure the parts in process")
    args = parser.parse_args()
    scratch = args.scratch or Path(tempfile.mkdtemp(prefix="textfix-report-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    source = scratch / "articles.jsonl"
    size = reuse_corpus(source, args.documents) or build_corpus(source, args.documents)
    print(f"{args.documents:,} documents, {size / 1e6:.1f} MB, {args.workers} worker(s): {scratch}")
    print("command:", " ".join(["python", *sys.argv]))
    print("load average at the start (1, 5, 15 min):", _load())
    if args.components:
        components(source, scratch, args.repeats)
        print("load average at the end (1, 5, 15 min):", _load(), f"on {os.cpu_count()} cores")
        return
    kinds = ["none", "json", "html"]
    variants = kinds + ([f"baseline {kind}" for kind in kinds] if args.baseline else [])
    cpu: dict[str, list[float]] = {v: [] for v in variants}
    wall: dict[str, list[float]] = {v: [] for v in variants}
    sizes: dict[str, int] = {}
    for repeat in range(args.repeats):
        order = variants[repeat % len(variants) :] + variants[: repeat % len(variants)]
        for variant in order:
            code = args.baseline if variant.startswith("baseline") else ROOT
            kind = variant.split()[-1]
            seconds, elapsed = run(source, scratch, kind, args.workers, code)
            cpu[variant].append(seconds)
            wall[variant].append(elapsed)
            written = scratch / f"run.{kind}"
            if written.exists():
                sizes[variant] = written.stat().st_size
    print(
        "| variant | CPU s (median) | vs no report (medians) | vs no report (paired, median) "
        "| wall s (median) | vs no report (wall) | report size |"
    )
    print("|---|---|---|---|---|---|---|")
    for variant in variants:
        none = variant.rsplit(" ", 1)[0] + " none" if " " in variant else "none"
        median, base = statistics.median(cpu[variant]), statistics.median(cpu[none])
        paired = statistics.median(a / b for a, b in zip(cpu[variant], cpu[none], strict=True))
        walls, base_wall = statistics.median(wall[variant]), statistics.median(wall[none])
        shown = f"{sizes[variant] / 1e3:,.0f} kB" if variant in sizes else "-"
        print(
            f"| {variant} | {median:.2f} | {100 * (median / base - 1):+.1f}% "
            f"| {100 * (paired - 1):+.1f}% | {walls:.2f} | {100 * (walls / base_wall - 1):+.1f}% "
            f"| {shown} |"
        )
    if args.baseline:
        before = statistics.median(cpu["baseline none"])
        print(f"without a report, this checkout vs the baseline: "
              f"{100 * (statistics.median(cpu['none']) / before - 1):+.1f}% CPU")  # fmt: skip
    print("every run's CPU s:", {v: [round(s, 2) for s in cpu[v]] for v in variants})
    print("every run's wall s:", {v: [round(s, 2) for s in wall[v]] for v in variants})
    print("load average at the end (1, 5, 15 min):", _load(), f"on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
