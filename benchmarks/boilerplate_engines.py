"""Multi-pattern engines for the boilerplate rules, side by side on the benchmark corpora.

    python -m benchmarks.boilerplate_engines [--docs 3000] [--hyperscan]

Each engine answers the question ``textfix.boilerplate.engine.LineEngine`` answers for a whole
document: could any line match a rule once folded (and, for the RE2 set, which lines)? For
each engine: build time (CPU seconds in this process), CPU microseconds per document (median of
3 passes) and the share of documents it sends on to the line-by-line check. The whole of
``find_boilerplate`` is timed too. Engines:

- ``re2-set``: the engine textfix uses: an RE2 set of every rule over the document's screen.
- ``re-alternation``: one Python ``re`` alternation of every rule, searched line by line.
- ``re2-filter``: RE2's literal prefilter (FilteredRE2: required literals of each rule found
  with one literal set, the Aho-Corasick role), reporting the rules that may match.
- ``hyperscan`` (``--hyperscan``, if installed): one Hyperscan database; slow to compile.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable

import orjson

from benchmarks import corpora
from textfix.boilerplate.engine import (
    _LEAD,
    _PYTHON_ONLY_RE,
    _TRAIL,
    LineEngine,
    loosen,
    screen_text,
)
from textfix.boilerplate.remove import find_boilerplate
from textfix.boilerplate.rules import curated_rules

Engine = Callable[[str], object]


def _re2_set(patterns: list[str]) -> Engine:
    return LineEngine(patterns).candidates


def _re_alternation(patterns: list[str]) -> Engine:
    body = "|".join(f"(?:{loosen(p, for_re2=False)})" for p in patterns)
    search = re.compile(f"\n{_LEAD[1]}*(?:{body}){_TRAIL[1]}*(?=\n)").search
    return lambda text: search(f"\n{screen_text(text)}\n")


def _re2_filter(patterns: list[str]) -> Engine:
    import re2

    prefilter = re2.Filter()
    for pattern in patterns:
        if _PYTHON_ONLY_RE.search(pattern) is None:
            prefilter.Add(loosen(pattern))
    prefilter.Compile()
    return lambda text: prefilter.Match(screen_text(text).encode(), potential=True)


def _hyperscan(patterns: list[str]) -> Engine:
    import hyperscan

    flags = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_MULTILINE
    flags |= hyperscan.HS_FLAG_SINGLEMATCH
    expressions = []
    for pattern in patterns:
        expression = f"^{_LEAD[0]}*(?:{loosen(pattern)}){_TRAIL[0]}*$".encode()
        database = hyperscan.Database()
        try:  # some rules are "too large" for Hyperscan with Unicode classes
            database.compile(expressions=[expression], ids=[0], elements=1, flags=[flags])
        except hyperscan.error:
            continue
        expressions.append(expression)
    database = hyperscan.Database()
    count = len(expressions)
    database.compile(
        expressions=expressions, ids=list(range(count)), elements=count, flags=[flags] * count
    )
    print(f"hyperscan: {count} of {len(patterns)} rules compiled", file=sys.stderr)
    hits: list[int] = []

    def on_match(*_: object) -> None:
        hits.append(1)

    def scan(text: str) -> int:
        hits.clear()
        database.scan(screen_text(text).encode(), match_event_handler=on_match)
        return len(hits)

    return scan


ENGINES: dict[str, Callable[[list[str]], Engine]] = {
    "re2-set": _re2_set,
    "re-alternation": _re_alternation,
    "re2-filter": _re2_filter,
    "hyperscan": _hyperscan,
}


def _per_doc(engine: Engine, docs: list[str]) -> tuple[float, float]:
    """Median CPU microseconds per document over 3 passes, and the share of docs flagged."""
    flagged = sum(bool(engine(doc)) for doc in docs)  # (also warms caches)
    runs = []
    for _ in range(3):
        start = time.process_time()
        for doc in docs:
            engine(doc)
        runs.append((time.process_time() - start) / len(docs) * 1e6)
    return statistics.median(runs), flagged / len(docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--hyperscan", action="store_true", help="also time Hyperscan")
    args = parser.parse_args()
    corpus = {
        name: [orjson.loads(line)["text"] for line in corpora.load(name)][: args.docs]
        for name in corpora.NAMES
    }
    patterns = [rule.pattern for rule in curated_rules()]
    names = [name for name in ENGINES if name != "hyperscan" or args.hyperscan]
    print("| engine | build (CPU s) | " + " | ".join(f"{c} us/doc (flagged)" for c in corpus))
    print("|---" * (2 + len(corpus)) + "|")
    for name in names:
        start = time.process_time()
        engine = ENGINES[name](patterns)
        build = time.process_time() - start
        cells = []
        for docs in corpus.values():
            per_doc, flagged = _per_doc(engine, docs)
            cells.append(f"{per_doc:.1f} ({flagged:.0%})")
        print(f"| {name} | {build:.3f} | " + " | ".join(cells) + " |")
    whole = [f"{_per_doc(find_boilerplate, docs)[0]:.1f}" for docs in corpus.values()]
    print("| find_boilerplate (re2-set) | | " + " | ".join(whole) + " |")


if __name__ == "__main__":
    main()
