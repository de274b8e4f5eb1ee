"""Start-up cost: CPU seconds of fresh processes, medians of several runs.

    python -m benchmarks.startup [--runs 5]

Each run is a new Python process that measures, with ``time.process_time``:

- ``import textfix``;
- its first ``textfix.clean(document, preset="news")`` after the import (a real news article
  from the clean benchmark corpus when it is built, else a written one);
- its second document (the steady state, for comparison);
- ``import ftfy`` plus a first ``ftfy.fix_text`` in its own process, the yardstick.

Targets (issue 19): ``import textfix`` under 0.1 s; the first news document at most 0.15 CPU-s
beyond the import.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

from benchmarks import corpora

_WRITTEN = (
    "Talks in Geneva collapse\n\nBy Jane Smith\n\nGENEVA (Reuters) — The talks in Geneva ended "
    "without agreement after six long hours on Friday, officials said.\n\n“It was a difficult "
    "day,” the minister said.\n\nAdvertisement\n\nThere will be more to come…"
)

_TEXTFIX = """
import json, sys, time
document = sys.stdin.read()
start = time.process_time()
import textfix
imported = time.process_time()
textfix.clean(document, preset="news")
first = time.process_time()
textfix.clean(document + " ", preset="news")
second = time.process_time()
print(json.dumps([imported - start, first - imported, second - first]))
"""

_FTFY = """
import json, sys, time
document = sys.stdin.read()
start = time.process_time()
import ftfy
imported = time.process_time()
ftfy.fix_text(document)
first = time.process_time()
print(json.dumps([imported - start, first - imported]))
"""


def _document() -> str:
    try:
        lines = corpora.load("clean")
    except (OSError, KeyError):
        return _WRITTEN
    return str(json.loads(lines[len(lines) // 2])["text"])


def _run(code: str, document: str) -> list[float]:
    out = subprocess.run(
        [sys.executable, "-c", code], input=document, capture_output=True, text=True, check=True
    )
    return [float(value) for value in json.loads(out.stdout)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    document = _document()
    textfix_runs, ftfy_runs = [], []
    for _ in range(args.runs):  # interleaved, so machine load hits both alike
        textfix_runs.append(_run(_TEXTFIX, document))
        ftfy_runs.append(_run(_FTFY, document))
    rows = [
        ("import textfix", [run[0] for run in textfix_runs]),
        ("first news document after the import", [run[1] for run in textfix_runs]),
        ("second news document", [run[2] for run in textfix_runs]),
        ("import ftfy", [run[0] for run in ftfy_runs]),
        ("first ftfy.fix_text after the import", [run[1] for run in ftfy_runs]),
    ]
    print(f"CPU seconds, median of {args.runs} fresh processes ({len(document)} characters):")
    for label, values in rows:
        print(f"  {label:<40} {statistics.median(values):.4f}")


if __name__ == "__main__":
    main()
