"""Boilerplate removal: textfix against datatrove's C4 line rules, speed, and corpus learning.

Run from the repository root with the ``bench`` extra installed (datatrove, regex)::

    python benchmarks/boilerplate_vs_c4.py [--corpus DIR_WITH_CSVS] [--min-docs 5]

1. Line-level precision and recall on the goldens in ``fixtures/boilerplate/`` for textfix's
   ``remove_boilerplate`` and for datatrove's ``C4QualityFilter`` line rules (each line is run
   through the filter as its own document with the document-level sentence minimum off, so only
   the line rules decide; its document-level sentence count needs spaCy and is not run).
2. Throughput on the Guardian/NYT corpus: ``remove_boilerplate`` alone, the ``news`` preset,
   and ``ftfy.fix_text``.
3. ``textfix learn`` on that corpus in a child process, once as is and once as 20 shuffled
   copies: the top 20 learned lines and the child's peak resident memory.
"""

from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.boilerplate_goldens import Golden, load_goldens  # noqa: E402
from textfix import Pipeline  # noqa: E402
from textfix.boilerplate.remove import find_boilerplate, remove_boilerplate  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "guardian_nyt_russia_ukraine_2022"


def read_csv_articles(folder: Path) -> Iterator[str]:
    """The article texts of every CSV in ``folder`` (columns: published, headlines, articles)."""
    csv.field_size_limit(1 << 30)
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                yield row["articles"]


def scores(removed_by_golden: list[set[int]], goldens: list[Golden]) -> tuple[float, float, int]:
    tp = fp = fn = 0
    for removed, golden in zip(removed_by_golden, goldens, strict=True):
        for index, mark in enumerate(golden.boilerplate):
            if mark is None:
                continue
            tp += bool(mark and index in removed)
            fp += bool(not mark and index in removed)
            fn += bool(mark and index not in removed)
    return tp / max(1, tp + fp), tp / max(1, tp + fn), fp


def textfix_removed(goldens: list[Golden]) -> list[set[int]]:
    out = []
    for golden in goldens:
        _, removals, reason = find_boilerplate(golden.text)
        out.append(set() if reason else {r.line_number - 1 for r in removals})
    return out


def c4_removed(goldens: list[Golden]) -> list[set[int]]:
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    line_filter = C4QualityFilter(min_num_sentences=-1)
    out = []
    for golden in goldens:
        removed = set()
        for index, line in enumerate(golden.lines):
            if not line:
                continue
            doc = Document(text=line, id=str(index))
            verdict = line_filter.filter(doc)
            kept = verdict is True and bool(doc.text.strip())
            if not kept:
                removed.add(index)
        out.append(removed)
    return out


def throughput(texts: list[str]) -> list[tuple[str, float]]:
    import ftfy

    news = Pipeline.from_preset("news")
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    rows = []
    for name, func in (
        ("textfix remove_boilerplate", remove_boilerplate),
        ("textfix news preset", lambda t: news(t).text),
        ("ftfy.fix_text", ftfy.fix_text),
    ):
        func(texts[0])
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            for text in texts:
                func(text)
            best = min(best, time.perf_counter() - start)
        rows.append((name, megabytes / best))
    return rows


LEARN_CHILD = """
import random, resource, sys, time
sys.path.insert(0, {root!r})
from benchmarks.boilerplate_vs_c4 import peak_rss_mb, read_csv_articles
from pathlib import Path
from textfix.boilerplate.learn import learn_lines
texts = list(read_csv_articles(Path({corpus!r})))
copies = []
for n in range({repeat}):
    random.Random(n).shuffle(texts)
    copies.extend(texts)
before = peak_rss_mb()
start = time.perf_counter()
learned, counter = learn_lines(iter(copies), min_docs={min_docs} * {repeat})
seconds = time.perf_counter() - start
rusage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{{counter.documents}}\t{{seconds:.2f}}\t{{before:.1f}}\t{{peak_rss_mb():.1f}}\t{{rusage:.1f}}")
for item in learned[:20]:
    print(f"{{item.docs}}\t{{item.line}}")
"""


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB since it started (Linux VmHWM).

    ``resource.getrusage(...).ru_maxrss`` is reported too, but on Linux a child inherits its
    parent's maximum across fork and exec, so only VmHWM shows the child's own peak.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def learn_in_child(corpus: Path, min_docs: int, repeat: int = 1) -> list[str]:
    code = LEARN_CHILD.format(root=str(ROOT), corpus=str(corpus), min_docs=min_docs, repeat=repeat)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--min-docs", type=int, default=3)
    args = parser.parse_args()

    goldens = load_goldens()
    lines = sum(1 for g in goldens for m in g.boilerplate if m is not None)
    bp = sum(1 for g in goldens for m in g.boilerplate if m)
    print(f"## Goldens: {len(goldens)} articles, {lines} labelled lines, {bp} boilerplate\n")
    print("| method | precision | recall | content lines removed |")
    print("|---|---|---|---|")
    p, r, fp = scores(textfix_removed(goldens), goldens)
    print(f"| textfix remove_boilerplate | {p:.3f} | {r:.3f} | {fp} |")
    p, r, fp = scores(c4_removed(goldens), goldens)
    print(f"| datatrove C4QualityFilter line rules | {p:.3f} | {r:.3f} | {fp} |\n")

    texts = list(read_csv_articles(args.corpus))
    print(f"## Throughput on {len(texts)} Guardian/NYT articles (best of 3, one core)\n")
    print("| step | MB/s |")
    print("|---|---|")
    for name, speed in throughput(texts):
        print(f"| {name} | {speed:.2f} |")

    print("\n## textfix learn on the corpus (one pass, count-min sketch 4 x 2^20)\n")
    print("| input | documents | seconds | RSS after reading input | peak RSS | ru_maxrss |")
    print("|---|---|---|---|---|---|")
    results = {}
    for repeat in (1, 20):
        rows = learn_in_child(args.corpus, args.min_docs, repeat)
        documents, seconds, before, peak, rusage = rows[0].split("\t")
        results[repeat] = rows[1:]
        print(
            f"| corpus x{repeat} (shuffled) | {documents} | {seconds} | {before} MB "
            f"| {peak} MB | {rusage} MB |"
        )
    same = results[1] == [
        f"{int(row.split(chr(9))[0]) // 20}\t{row.split(chr(9), 1)[1]}" for row in results[20]
    ]
    print(f"\nSame lines (counts x20) from 20 shuffled copies: {same}\n")
    print(f"Top learned lines, min_docs={args.min_docs}:\n")
    print("| documents | learned line |")
    print("|---|---|")
    for row in results[1]:
        docs, line = row.split("\t", 1)
        print(f"| {docs} | {line} |")


if __name__ == "__main__":
    main()
