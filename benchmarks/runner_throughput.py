"""Throughput and memory of ``textfix clean``: 1 vs 2 workers, and peak RSS on a 1 GB corpus.

Builds JSONL shards under a scratch directory (never in the repository) from the real texts in
``../shared/corpora`` (Guardian/NYT and CNN articles, BBC news, headlines, mined mojibake lines,
ftfy's cases, the Lee corpus), repeated to ``--mb`` megabytes, then runs the installed
``textfix clean`` on them as a subprocess and samples the RSS of its whole process tree.

    python benchmarks/runner_throughput.py                      # 1 and 2 workers
    python benchmarks/runner_throughput.py --gigabyte           # plus peak RSS on 1 GB
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
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


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants (from /proc)."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(
                int(line.split()[1]) * 1024
                for line in status.splitlines()
                if line.startswith("VmRSS")
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration):
            continue
    return total


def parent_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` itself, children excluded."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(corpus: Path, out: Path, workers: int, preset: str) -> tuple[float, int, int, float, float]:
    """Run ``textfix clean``: seconds, peak tree RSS, exit code, tree CPU s, parent CPU s.

    CPU seconds matter on a shared machine: wall time there measures the neighbours too, while
    CPU seconds per MB (and the parent's share of them) show what the runner itself costs.
    """
    textfix = Path(sys.executable).with_name("textfix")
    command = [str(textfix), "clean", str(corpus), "-o", str(out), "-p", preset, "-q"]
    command += ["--workers", str(workers)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command)
    peak = 0
    parent = 0.0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        parent = max(parent, parent_cpu(process.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, peak, process.returncode, cpu, parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/textfix-bench"))
    parser.add_argument("--mb", type=float, default=60.0, help="corpus size for 1 vs 2 workers")
    parser.add_argument("--preset", default="default")
    parser.add_argument("--gigabyte", action="store_true", help="also peak RSS on a 1 GB corpus")
    args = parser.parse_args()

    corpus = args.scratch / "corpus"
    documents, size = build_corpus(corpus, args.mb, shards=4)
    print(f"corpus: {documents} documents, {size / 1e6:.1f} MB, preset {args.preset}")
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(
        "| workers | seconds | docs/s | MB/s | peak RSS MB (all processes) | CPU s | parent CPU s |"
    )
    print("|---|---|---|---|---|---|---|")
    rates = {}
    for workers in (1, 2):
        seconds, peak, code, cpu, parent = run(
            corpus, args.scratch / "out.jsonl", workers, args.preset
        )
        rates[workers] = size / seconds
        print(
            f"| {workers} | {seconds:.1f} | {documents / seconds:.0f} | {size / 1e6 / seconds:.2f}"
            f" | {peak / 1e6:.0f} | {cpu:.1f} | {parent:.1f} |  (exit {code})"
        )
    print(f"scaling 2 vs 1 workers (wall): {rates[2] / rates[1]:.2f}x")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if args.gigabyte:
        big = args.scratch / "gigabyte"
        documents, size = build_corpus(big, 1000.0, shards=8)
        seconds, peak, code, cpu, _ = run(big, args.scratch / "big.jsonl", 2, args.preset)
        print(
            f"1 GB corpus ({documents} documents, {size / 1e6:.0f} MB), 2 workers: {seconds:.0f}s,"
            f" {size / 1e6 / seconds:.2f} MB/s, {cpu:.0f} CPU s, peak RSS {peak / 1e6:.0f} MB"
            f" (exit {code})"
        )
        for path in (*big.iterdir(), args.scratch / "big.jsonl"):
            path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
