"""Run ``repair_quotes`` over the real headlines in ../shared and show what it changed.

Usage: ``python benchmarks/quotes_headlines.py [--style keep] [--sample 20] [--seed 2022]
[--all]``. Prints how many headlines changed, then before/after pairs (a seeded random sample,
or every change with ``--all``) with the notes naming each repair. The corpus is read at run
time and never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from textfix.normalisers.quotes import QUOTE_STYLES, explain_quotes, repair_quotes

HEADLINES = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "corpora"
    / "fwd_news_headlines_2021_2022"
    / "headlines.json"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--path", type=Path, default=HEADLINES)
    parser.add_argument("--style", choices=QUOTE_STYLES, default="keep")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--all", action="store_true", help="print every changed headline")
    args = parser.parse_args()

    titles = [str(record["title"]) for record in json.loads(args.path.read_text("utf-8"))]
    started = time.perf_counter()
    results = [repair_quotes(title, quote_style=args.style) for title in titles]
    elapsed = time.perf_counter() - started
    changed = [
        (before, after) for before, after in zip(titles, results, strict=True) if before != after
    ]
    print(
        f"{len(changed)} of {len(titles)} headlines changed by quote_style={args.style!r} "
        f"({elapsed * 1000:.0f} ms)"
    )
    shown = (
        changed
        if args.all
        else random.Random(args.seed).sample(changed, min(args.sample, len(changed)))
    )
    for before, after in shown:
        notes = explain_quotes(before, quote_style=args.style)[1]
        print(f"\n- before: {before}\n  after:  {after}\n  notes:  {'; '.join(notes)}")


if __name__ == "__main__":
    main()
