"""Throughput and memory of ``textfix clean``: 1 vs 2 workers, and peak RSS on a 1 GB corpus.

Builds JSONL shards under a scratch directory (never in the repository) from the real texts in
``../shared/corpora`` (Guardian/NYT and CNN articles, BBC news, headlines, mined mojibake lines,
ftfy's cases, the Lee corpus), repeated to ``--mb`` megabytes, then runs the installed
``textfix clean`` on them as a subprocess, 1 and 2 workers interleaved, ``--repeats`` times.

For every process of the run's tree it samples, from /proc, the peak RSS (VmHWM) and the CPU
seconds, and prints them for the parent, the workers (the pool's resource tracker is counted
apart) and their sum. On a shared machine wall time measures the neighbours too; CPU seconds
do not: the parent's CPU share, the total CPU of 2 workers against 1, and the "critical path"
(the busiest process's CPU) show what the runner itself costs and how it would scale on free
cores.

    python benchmarks/runner_throughput.py                      # 1 vs 2 workers, 5 repeats
    python benchmarks/runner_throughput.py --gigabyte           # plus 1 and 2 workers on 1 GB
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
csv.field_size_limit(2**31 - 1)


def shared_texts() -> Iterator[str]:
    """Every text in the shared corpora, as scraped (nothing cleaned)."""
    for name, column in (
        ("guardian_nyt_russia_ukraine_2022/Guardians_Russia_Ukraine.csv", "articles"),
        ("guardian_nyt_russia_ukraine_2022/NYT_Russia_Ukraine.csv", "articles"),
        ("cnn_dailymail_sample/train_sample.csv", "article"),
    ):
        with (SHARED / name).open(encoding="utf-8", newline="") as stream:
            yield from (row[column] for row in csv.DictReader(stream))
    with tarfile.open(SHARED / "bbc_news_2004_2005" / "bbc_fulltext.tar.gz") as archive:
        for member in archive:
            if member.isfile() and member.name.endswith(".txt"):
                extracted = archive.extractfile(member)
                if extracted is not None:
                    yield extracted.read().decode("latin-1")
    for item in json.loads((SHARED / "fwd_news_headlines_2021_2022/headlines.json").read_bytes()):
        yield str(item.get("title", ""))
    for line in (SHARED / "mojibake_in_the_wild_mined/mojibake_lines.jsonl").open(encoding="utf-8"):
        yield json.loads(line)["line"]
    for line in (SHARED / "ftfy_test_cases/ftfy_test_cases.jsonl").open(encoding="utf-8"):
        yield json.loads(line)["input"]
    yield from (SHARED / "gensim_lee_corpus/lee_background.cor").read_text("latin-1").splitlines()


def build_corpus(folder: Path, megabytes: float, shards: int) -> tuple[int, int]:
    """Write ``shards`` JSONL files of ``megabytes`` in all; returns (documents, bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps({"id": str(i), "text": text}, ensure_ascii=False).encode() + b"\n"
        for i, text in enumerate(t for t in shared_texts() if t.strip())
    ]
    block = b"".join(lines)
    target = int(megabytes * 1e6 / shards)
    documents = 0
    total = 0
    for shard in range(shards):
        with (folder / f"shard-{shard:03d}.jsonl").open("wb") as stream:
            written = 0
            while written < target:
                stream.write(block)
                written += len(block)
                documents += len(lines)
        total += written
    return documents, total


@dataclass
class Process:
    """One process of a run: its role, peak RSS (bytes) and CPU seconds, as last sampled."""

    role: str
    peak: int = 0
    cpu: float = 0.0


@dataclass
class Run:
    """One ``textfix clean`` run: wall seconds, exit code and its processes by pid."""

    workers: int
    seconds: float
    code: int
    processes: dict[int, Process]

    def of(self, role: str) -> list[Process]:
        return [p for p in self.processes.values() if p.role == role]

    @property
    def cpu(self) -> float:
        return sum(p.cpu for p in self.processes.values())

    @property
    def peak_sum(self) -> int:
        return sum(p.peak for p in self.processes.values())


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found.extend(int(c) for c in (task / "children").read_text().split())
    except OSError:
        pass
    return found


def _sample(pid: int) -> tuple[int, float, str] | None:
    """(VmHWM bytes, CPU seconds, command line) of ``pid``, or None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return None
    peak = next((int(x.split()[1]) * 1024 for x in status.splitlines() if x[:6] == "VmHWM:"), 0)
    return peak, (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK"), command


def run(corpus: Path, out: Path, workers: int, preset: str) -> Run:
    """Run ``textfix clean`` on ``corpus`` with ``workers``, sampling its process tree."""
    textfix = Path(sys.executable).with_name("textfix")
    command = [str(textfix), "clean", str(corpus), "-o", str(out), "-p", preset, "-q"]
    command += ["--workers", str(workers)]
    started = time.perf_counter()
    process = subprocess.Popen(command)
    processes: dict[int, Process] = {}
    while process.poll() is None:
        stack = [process.pid]
        while stack:
            pid = stack.pop()
            sample = _sample(pid)
            if sample is None:
                continue
            stack.extend(_children(pid))
            # Between fork and exec a child still reports its parent's memory (and peak):
            # count a process only once it runs its own program.
            parent = pid == process.pid
            if parent and "runner_throughput" in sample[2]:
                continue
            if not parent and "multiprocessing" not in sample[2]:
                continue
            if pid not in processes:
                role = "parent" if parent else "worker"
                processes[pid] = Process("tracker" if "resource_tracker" in sample[2] else role)
            entry = processes[pid]
            entry.peak = max(entry.peak, sample[0])
            entry.cpu = max(entry.cpu, sample[1])
        time.sleep(0.02)
    return Run(workers, time.perf_counter() - started, process.returncode, processes)


def row(label: str, runs: list[Run], documents: int, size: int) -> str:
    """A table row: medians over ``runs``."""
    seconds = statistics.median(r.seconds for r in runs)
    cpu = statistics.median(r.cpu for r in runs)
    parent_cpu = statistics.median(sum(p.cpu for p in r.of("parent")) for r in runs)
    busiest = statistics.median(max(p.cpu for p in r.processes.values()) for r in runs)
    parent = max(p.peak for r in runs for p in r.of("parent"))
    workers = [p.peak for r in runs for p in r.of("worker")]
    others = max((p.peak for r in runs for p in r.of("tracker")), default=0)
    total = max(r.peak_sum for r in runs)
    codes = sorted({r.code for r in runs})
    worker_text = f"{max(workers) / 1e6:.0f}" if workers else "-"
    return (
        f"| {label} | {seconds:.2f} | {documents / seconds:.0f} | {size / 1e6 / seconds:.2f}"
        f" | {cpu:.1f} | {parent_cpu:.1f} ({100 * parent_cpu / cpu:.0f}%) | {busiest:.1f}"
        f" | {parent / 1e6:.0f} | {worker_text} | {others / 1e6:.0f} | {total / 1e6:.0f}"
        f" | {codes} |"
    )


HEADER = (
    "| workers | wall s | docs/s | MB/s | CPU s (all) | parent CPU s (share) | busiest process"
    " CPU s | peak RSS MB parent | each worker (max) | resource tracker | sum of peaks | exit |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def compare(corpus: Path, out: Path, repeats: int, preset: str, documents: int, size: int) -> None:
    """1 and 2 workers interleaved (order alternating), ``repeats`` times; medians."""
    runs: dict[int, list[Run]] = {1: [], 2: []}
    for repeat in range(repeats):
        for workers in (1, 2) if repeat % 2 == 0 else (2, 1):
            runs[workers].append(run(corpus, out, workers, preset))
    print(HEADER)
    for workers in (1, 2):
        print(row(str(workers), runs[workers], documents, size))
    wall = [a.seconds / b.seconds for a, b in zip(runs[1], runs[2], strict=True)]
    one = statistics.median(r.seconds for r in runs[1])
    two = statistics.median(r.seconds for r in runs[2])
    cpu_one = statistics.median(r.cpu for r in runs[1])
    cpu_two = statistics.median(r.cpu for r in runs[2])
    busiest = statistics.median(max(p.cpu for p in r.processes.values()) for r in runs[2])
    print(
        f"2 vs 1 workers, wall: {one / two:.2f}x (ratio of medians; per pair:"
        f" {', '.join(f'{x:.2f}' for x in wall)})"
    )
    print(
        f"2 vs 1 workers, CPU: total CPU {cpu_two / cpu_one:.2f}x one worker's;"
        f" on two free cores the run takes as long as its busiest process:"
        f" {cpu_one / busiest:.2f}x one worker (1-worker CPU / busiest 2-worker process CPU)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/textfix-bench"))
    parser.add_argument("--mb", type=float, default=60.0, help="corpus size for 1 vs 2 workers")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--preset", default="default")
    parser.add_argument("--gigabyte", action="store_true", help="also 1 and 2 workers on 1 GB")
    args = parser.parse_args()

    corpus = args.scratch / "corpus"
    documents, size = build_corpus(corpus, args.mb, shards=4)
    print(f"corpus: {documents} documents, {size / 1e6:.1f} MB, preset {args.preset}")
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    compare(corpus, args.scratch / "out.jsonl", args.repeats, args.preset, documents, size)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if args.gigabyte:
        big = args.scratch / "gigabyte"
        documents, size = build_corpus(big, 1000.0, shards=8)
        print(f"\n1 GB corpus: {documents} documents, {size / 1e6:.0f} MB")
        compare(big, args.scratch / "big.jsonl", 1, args.preset, documents, size)
        for path in (*big.iterdir(), args.scratch / "big.jsonl"):
            path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
