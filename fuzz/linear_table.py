"""The linear-time table: per preset and adversarial pattern, 1 MB against 100 KB, and 1 MB of
the pattern against 1 MB of news prose through the same preset, all measured in one run.

    .venv/bin/python fuzz/linear_table.py [--large 1000000] [--presets default,news,ascii]

Times are CPU seconds (``time.process_time``), best of two, so a loaded machine slows them less
than wall time; the ratios, measured side by side, are what to compare. Linear is 10x.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.test_linear_time import PATTERNS
from textfix import Pipeline
from textfix.config import PRESETS

_PROSE_FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "sample" / "articles"


def news_prose(size: int) -> str:
    """``size`` characters of news articles (the sample articles, repeated)."""
    text = "\n\n".join(path.read_text("utf-8") for path in sorted(_PROSE_FOLDER.glob("*.txt")))
    return (text * (size // len(text) + 1))[:size]


def cpu_time(func: Callable[[str], object], text: str, repeats: int = 2) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        func(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--presets", default=",".join(PRESETS))
    parser.add_argument("--patterns", default=",".join(PATTERNS))
    args = parser.parse_args()
    small = args.large // 10
    print("| preset | pattern | 100 KB s | 1 MB s | 1 MB / 100 KB | 1 MB / 1 MB prose |")
    print("|---|---|---|---|---|---|")
    for preset in args.presets.split(","):
        pipeline = Pipeline.from_preset(preset)
        prose = cpu_time(pipeline, news_prose(args.large))
        print(f"| {preset} | news prose | | {prose:.3f} | | 1.0 |", flush=True)
        for name in args.patterns.split(","):
            build = PATTERNS[name]
            t_small = cpu_time(pipeline, build(small))
            t_large = cpu_time(pipeline, build(args.large))
            print(
                f"| {preset} | {name} | {t_small:.3f} | {t_large:.3f} | "
                f"{t_large / max(t_small, 1e-6):.1f} | {t_large / max(prose, 1e-6):.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
