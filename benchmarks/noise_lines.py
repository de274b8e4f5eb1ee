"""Noise lines in crawled web text: textfix's ``web`` step against three other ways, per language.

Run from the repository root with the ``bench`` extra installed (datatrove, regex)::

    python benchmarks/noise_lines.py [--corpus DIR] [--samples 30] [--seed 1]

The corpus is TurkuNLP's hand-labelled OSCAR documents (``turku_text_quality/``: German, Spanish,
Finnish, French, Swedish; every line labelled 1 clean or 0 noise). A line a contender removes
counts as "noise" predicted. Four contenders, side by side on the same lines:

- ``web``: ``remove_noise_lines``, the step the ``web`` preset adds;
- ``news``: ``remove_boilerplate``, the step the ``news`` preset removes lines with;
- ``no-word``: "a line holding no word of two letters is noise";
- ``c4``: datatrove's ``C4QualityFilter`` line rules, each line run as its own document with the
  document-level sentence minimum off (the rule the C4 data set was built with: a line is kept
  only if it ends in terminal punctuation, has three words or more, and holds no "javascript",
  "lorem ipsum", "{" or policy words).

The rules were tuned on the ``train`` and ``dev`` documents only (the ``tune`` rows). ``test``
rows are the languages' own test splits (German, Spanish, Finnish, Swedish) and, for French,
which ships with a dev split only, every fourth document (``doc_index % 4 == 3``), held out from
tuning. Lines per second is CPU time (``time.process_time``) over every document once.
It then prints, per rule of the ``web`` step, the lines it removed (noise / clean) on the tune
and test rows, and with ``--samples N`` (seeded by ``--seed``) N random removed lines and N
random kept noise lines of the ``web`` step from the test rows.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textfix.boilerplate.noise import find_noise_lines  # noqa: E402
from textfix.boilerplate.remove import find_boilerplate  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "turku_text_quality"
LANGUAGES = ("de", "es", "fi", "fr", "sv")


@dataclass(frozen=True)
class Page:
    """One labelled document: its language, tune/test part, lines and labels (1 = clean)."""

    lang: str
    part: str
    doc_index: int
    lines: list[str]
    labels: list[int]


def part_of(record: dict[str, object]) -> str:
    """``test`` for the test split and the held-out French documents, else ``tune``."""
    if record["lang"] == "fr":
        return "test" if int(str(record["doc_index"])) % 4 == 3 else "tune"
    return "test" if record["split"] == "test" else "tune"


def load_pages(corpus: Path) -> list[Page]:
    pages = []
    for lang in LANGUAGES:
        with (corpus / f"{lang}.jsonl").open(encoding="utf-8") as stream:
            for raw in stream:
                record = json.loads(raw)
                pages.append(
                    Page(
                        lang,
                        part_of(record),
                        record["doc_index"],
                        record["lines"],
                        record["labels"],
                    )
                )
    return pages


def web_removed(lines: list[str]) -> set[int]:
    _, removals = find_noise_lines("\n".join(lines))
    return {removal.line_number - 1 for removal in removals}


def news_removed(lines: list[str]) -> set[int]:
    _, removals, reason = find_boilerplate("\n".join(lines))
    return set() if reason else {removal.line_number - 1 for removal in removals}


def no_word_removed(lines: list[str]) -> set[int]:
    from textfix.boilerplate.noise_rules import has_word

    return {index for index, line in enumerate(lines) if line.strip() and not has_word(line)}


def c4_remover() -> Callable[[list[str]], set[int]]:
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    line_filter = C4QualityFilter(min_num_sentences=-1)

    def removed(lines: list[str]) -> set[int]:
        out = set()
        for index, line in enumerate(lines):
            document = Document(text=line, id=str(index))
            if line_filter.filter(document) is not True or not document.text.strip():
                out.add(index)
        return out

    return removed


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    lines: int = 0
    seconds: float = 0.0

    def row(self) -> str:
        precision = self.tp / max(1, self.tp + self.fp)
        recall = self.tp / max(1, self.tp + self.fn)
        f1 = 2 * precision * recall / max(1e-9, precision + recall)
        speed = self.lines / max(1e-9, self.seconds)
        return f"{precision:5.3f} {recall:5.3f} {f1:5.3f} {speed:9.0f}"


def evaluate(
    pages: list[Page], contenders: dict[str, Callable[[list[str]], set[int]]]
) -> dict[tuple[str, str, str], Score]:
    scores: dict[tuple[str, str, str], Score] = {}
    for name, remover in contenders.items():
        remover(["warm up", "the model"])
        for page in pages:
            start = time.process_time()
            removed = remover(page.lines)
            seconds = time.process_time() - start
            for key in ((page.lang, page.part, name), ("all", page.part, name)):
                score = scores.setdefault(key, Score())
                score.seconds += seconds
                score.lines += len(page.lines)
                for index, label in enumerate(page.labels):
                    score.tp += index in removed and label == 0
                    score.fp += index in removed and label == 1
                    score.fn += index not in removed and label == 0
    return scores


def print_rule_table(pages: list[Page], rules: list[dict[int, str]]) -> None:
    """Lines each rule of the ``web`` step removed, noise and clean, per part."""
    counts: dict[tuple[str, str], list[int]] = {}
    for page, chosen in zip(pages, rules, strict=True):
        for index, rule in chosen.items():
            row = counts.setdefault((rule, page.part), [0, 0])
            row[page.labels[index]] += 1
    print("\nweb step by rule (lines removed: noise / clean, precision)")
    print(f"  {'rule':22} {'tune':>18} {'test':>18}")
    for rule in sorted({rule for rule, _ in counts}):
        cells = []
        for part in ("tune", "test"):
            noise, clean = counts.get((rule, part), [0, 0])
            share = f"{noise / (noise + clean):.2f}" if noise + clean else "  - "
            cells.append(f"{noise:6} / {clean:4} {share}")
        print(f"  {rule:22} {cells[0]:>18} {cells[1]:>18}")


def print_samples(pages: list[Page], rules: list[dict[int, str]], count: int, seed: int) -> None:
    removed, missed = [], []
    for page, chosen in zip(pages, rules, strict=True):
        if page.part != "test":
            continue
        for index, (line, label) in enumerate(zip(page.lines, page.labels, strict=True)):
            if index in chosen:
                removed.append((page.lang, label, chosen[index], line))
            elif label == 0:
                missed.append((page.lang, label, "kept", line))
    rng = random.Random(seed)
    for title, rows in (("removed by web", removed), ("noise kept by web", missed)):
        print(f"\n{count} random lines {title} (test parts; label 1 = clean, 0 = noise)")
        for lang, label, rule, line in rng.sample(rows, min(count, len(rows))):
            print(f"  {lang} {label} {rule:20} {line[:110]!r}")


def web_rules(pages: list[Page]) -> list[dict[int, str]]:
    """The rule of every line the ``web`` step removes, for each page (in the pages' order:
    ``doc_index`` counts within a split, so train and dev pages share numbers)."""
    rules = []
    for page in pages:
        _, removals = find_noise_lines("\n".join(page.lines))
        rules.append({removal.line_number - 1: removal.rule_id for removal in removals})
    return rules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--samples", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-c4", action="store_true", help="leave out datatrove's C4 rules")
    args = parser.parse_args()
    pages = load_pages(args.corpus)
    contenders: dict[str, Callable[[list[str]], set[int]]] = {
        "web": web_removed,
        "news": news_removed,
        "no-word": no_word_removed,
    }
    if not args.skip_c4:
        contenders["c4"] = c4_remover()
    scores = evaluate(pages, contenders)
    header = "lang part  " + "".join(f"| {name:^31} " for name in contenders)
    print(header)
    print("           " + "| P     R     F1    lines/s   " * len(contenders))
    for lang in (*LANGUAGES, "all"):
        for part in ("tune", "test"):
            cells = "".join(f"| {scores[(lang, part, name)].row()} " for name in contenders)
            print(f"{lang:4} {part:5} {cells}")
    rules = web_rules(pages)
    print_rule_table(pages, rules)
    if args.samples:
        print_samples(pages, rules, args.samples, args.seed)


if __name__ == "__main__":
    main()
