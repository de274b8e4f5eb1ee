"""Differential check: do two versions of textfix clean the benchmark corpora alike?

Speed work must not change outputs. Run this once on the version to compare against, writing a
digest of every output, then on the changed version, checking against it:

    git stash; python -m benchmarks.differential --write /tmp/before.json; git stash pop
    python -m benchmarks.differential --check /tmp/before.json

Each document of each corpus (``benchmarks.corpora``) is cleaned by every preset; the digest
file maps ``corpus/preset`` to the SHA-256 of each output (text and metadata). ``--check``
lists the documents whose output differs (with the first differing lines) and exits 1 if any.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import orjson

from benchmarks.corpora import NAMES, load
from textfix import Pipeline
from textfix.config import PRESETS
from textfix.document import Document


def digest(document: Document) -> str:
    """The SHA-256 of a cleaned document's text and metadata."""
    payload = orjson.dumps(
        {"text": document.text, "metadata": document.metadata},
        option=orjson.OPT_SORT_KEYS,
        default=str,
    )
    return hashlib.sha256(payload).hexdigest()


def outputs(corpus: str, preset: str) -> list[Document]:
    """Every document of ``corpus`` cleaned by ``preset``."""
    pipeline = Pipeline.from_preset(preset)
    return [pipeline(orjson.loads(line)["text"]) for line in load(corpus)]


def write(path: Path) -> None:
    digests = {
        f"{corpus}/{preset}": [digest(document) for document in outputs(corpus, preset)]
        for corpus in NAMES
        for preset in PRESETS
    }
    path.write_text(json.dumps(digests), encoding="utf-8")


def check(path: Path, show: int) -> int:
    """The number of differing outputs; prints each (the first ``show`` with a diff)."""
    expected: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
    differing = 0
    for key, digests in expected.items():
        corpus, preset = key.split("/")
        texts = [orjson.loads(line)["text"] for line in load(corpus)]
        found = outputs(corpus, preset)
        for number, (document, want) in enumerate(zip(found, digests, strict=True)):
            if digest(document) == want:
                continue
            differing += 1
            print(f"{key} document {number}: output differs")
            if differing <= show:
                diff = difflib.unified_diff(
                    texts[number].split("\n"), document.text.split("\n"), lineterm="", n=0
                )
                print("  (input -> output now)\n  " + "\n  ".join(list(diff)[:20]))
        print(f"{key}: {len(digests)} documents checked")
    return differing


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="write the digests of this version's outputs")
    action.add_argument("--check", type=Path, help="compare this version's outputs to digests")
    parser.add_argument("--show", type=int, default=5, help="diffs to print (default 5)")
    args = parser.parse_args(argv)
    if args.write:
        write(args.write)
        return 0
    differing = check(args.check, args.show)
    print(f"{differing} outputs differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
