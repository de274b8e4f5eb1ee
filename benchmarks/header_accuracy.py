"""How often extract_header gets the date and title right on real articles, and what it costs.

Builds plain-text inputs the way a scraper writes them (title line, date/byline line, body) from
the shared corpora, runs textfix's news pipeline, and compares the metadata with the gold:

- Reuters-21578 sample: gold ``<DATE>`` and ``<TITLE>``; the body opens with the story's dateline
  (``SALVADOR, Feb 26 -``). The date line is written in four scraper styles in turn.
- CNN/DailyMail sample: the article as distributed, Daily Mail run-in header and all; the gold
  date is read from the header with ``datetime.strptime`` (an independent reader). No titles.
- Guardian/NYT Russia-Ukraine 2022: gold ``published`` and ``headlines``; the date line is the
  gold timestamp in the outlet's raw form or as the outlet's web page writes it.
- BBC News 2004-2005: each file as distributed (title line, blank line, body), read straight
  from the tarball (one file is not UTF-8: decoded as textfix's readers do). Gold title: the
  first line, cleaned like the body. No dates: this measures lone titles (no date or byline).
- Reuters-21578 bodies without any header line: no date or title may be found (false headers
  are printed), and the cost of the common no-header case.

- Any-order layouts (``tests/header_layouts.py``): real headlines (BBC, Guardian/NYT, fwd) in
  every line order with every date style and byline; date, title and author accuracy per
  layout, split into the titles inspected while writing the reader (the first 1500 of each
  source) and the held-out rest. "More layouts" (``MORE_LAYOUTS``): the same titles under a
  kicker, beside a bare author name, a byline with its outlet after a pipe, a date label alone
  on its line, an ambiguous slashed date; same split.
- False headers on bodies without one: BBC bodies (first paragraph off), Reuters stories without
  their title and date lines, Guardian/NYT articles with their first line removed; and the same
  bodies under a date line or a byline (no title: the first paragraph, often one short
  sentence, must not be read as one).
- ``--before DIR``: extract_header's CPU time per document on clean news (the as-scraped
  corpora through the news steps before it), this checkout against the textfix package in DIR
  (e.g. ``git worktree add /tmp/old <commit>``), both in one process, in alternating rounds.

- ``--examples N --seed S``: only N random inputs, as many from each corpus, before and after
  the news preset with the metadata found and the gold (for a closing note).

Run: ``.venv/bin/python -m benchmarks.header_accuracy [--shared ../shared] [--before DIR]``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import re
import sys
import tarfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

import textfix
from textfix.io.decoding import decode_bytes
from textfix.pipeline import Pipeline

Case = tuple[str, str, dict[str, str]]  # (style, input text, gold metadata)

REUTERS_RE = re.compile(r"<REUTERS.*?</REUTERS>", re.S)
TAG_RE = {tag: re.compile(rf"<{tag}>(.*?)</{tag}>", re.S) for tag in ("DATE", "TITLE", "BODY")}
DATELINE_RE = re.compile(r"<DATELINE>(.*?)</DATELINE>", re.S)


def reuters_cases(folder: Path) -> Iterator[Case]:
    styles = ("raw", "us-long", "iso-timestamp", "published-label")
    n = 0
    for path in sorted(folder.glob("*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        for story in REUTERS_RE.findall(raw):
            found = {tag: rx.search(story) for tag, rx in TAG_RE.items()}
            dateline = DATELINE_RE.search(story)
            if not all(found.values()) or dateline is None:
                continue
            date_raw = html.unescape(found["DATE"].group(1)).strip()  # type: ignore[union-attr]
            stamp = dt.datetime.strptime(date_raw.split(".")[0], "%d-%b-%Y %H:%M:%S")
            title = " ".join(html.unescape(found["TITLE"].group(1)).split())  # type: ignore[union-attr]
            body = html.unescape(found["BODY"].group(1)).replace("\x03", "")  # type: ignore[union-attr]
            body = re.sub(r"\s*Reuter\s*$", "", body)
            paragraphs = [" ".join(p.split()) for p in re.split(r"\n {2,}", body) if p.strip()]
            if not paragraphs:
                continue
            paragraphs[0] = " ".join(html.unescape(dateline.group(1)).split()) + " " + paragraphs[0]
            style = styles[n % len(styles)]
            n += 1
            date_line = {
                "raw": date_raw,
                "us-long": stamp.strftime("%B %d, %Y").replace(" 0", " "),
                "iso-timestamp": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "published-label": stamp.strftime("Published: %d %b %Y %H:%M GMT"),
            }[style]
            place = dateline.group(1).split(",")[0].strip()
            gold = {"date": stamp.date().isoformat(), "title": title, "dateline": place}
            yield style, f"{title}\n{date_line}\n\n" + "\n\n".join(paragraphs), gold


DM_PUBLISHED_RE = re.compile(r"PUBLISHED: \. (\d\d:\d\d EST, \d{1,2} \w+ \d{4}) \.")
DM_LAST_UPDATED_RE = re.compile(r"Last updated at (\d{1,2}:\d\d [AP]M on \d{1,2})\w\w (\w+ \d{4})")


def cnn_dailymail_cases(folder: Path) -> Iterator[Case]:
    csv.field_size_limit(1 << 30)
    with (folder / "train_sample.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            article = row["article"]
            head = article[:300]
            gold: dict[str, str] = {}
            published = DM_PUBLISHED_RE.search(head)
            updated = DM_LAST_UPDATED_RE.search(head)
            if published:
                when = dt.datetime.strptime(published.group(1), "%H:%M EST, %d %B %Y")
                gold["date"] = when.date().isoformat()
            elif updated:
                text = f"{updated.group(1)} {updated.group(2)}"
                gold["updated"] = (
                    dt.datetime.strptime(text, "%I:%M %p on %d %B %Y").date().isoformat()
                )
            style = "dm-header" if gold else ("dm-byline" if head.startswith("By . ") else "none")
            yield style, article, gold


def guardian_nyt_cases(folder: Path) -> Iterator[Case]:
    n = 0
    for name, outlet in (
        ("Guardians_Russia_Ukraine.csv", "guardian"),
        ("NYT_Russia_Ukraine.csv", "nyt"),
    ):
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                published = row["published"].strip()
                if outlet == "guardian":
                    stamp = dt.datetime.strptime(published, "%Y-%m-%dT%H:%M:%SZ")
                    web = stamp.strftime("%A %d %B %Y %H.%M GMT").replace(" 0", " ", 1)
                else:
                    stamp = dt.datetime.strptime(published, "%Y/%m/%d")
                    web = stamp.strftime("%B %d, %Y").replace(" 0", " ")
                style = f"{outlet}-{'raw' if n % 2 == 0 else 'web'}"
                date_line = published if n % 2 == 0 else web
                n += 1
                gold = {"date": stamp.date().isoformat(), "title": textfix.clean(row["headlines"])}
                yield style, f"{row['headlines']}\n{date_line}\n\n{row['articles']}", gold


def bbc_cases(tarball: Path) -> Iterator[Case]:
    with tarfile.open(tarball) as archive:
        for member in sorted(archive.getmembers(), key=lambda m: m.name):
            parts = member.name.split("/")
            if not member.isfile() or len(parts) != 3 or not parts[2].endswith(".txt"):
                continue  # bbc/README.TXT and folders
            handle = archive.extractfile(member)
            if handle is None:
                continue
            text = decode_bytes(handle.read()).text
            title = text.split("\n", 1)[0]
            yield f"bbc-{parts[1]}", text, {"title": textfix.clean(title)}


def no_header_cases(cases: Iterator[Case]) -> Iterator[Case]:
    """The same stories without their header lines: only the dateline is left to find."""
    for style, text, gold in cases:
        yield f"{style}-body-only", text.split("\n\n", 1)[1], {"dateline": gold["dateline"]}


def layout_cases(corpora: Path, held_out: bool) -> Iterator[Case]:
    """Real headlines in every any-order layout (see the module docstring)."""
    from tests.header_layouts import BYLINES, DATE_STYLES, LAYOUTS, build, real_titles

    styles = list(DATE_STYLES)
    start = dt.datetime(2021, 1, 1)
    for source, titles in real_titles(corpora).items():
        chosen = titles[1500:] if held_out else titles[:1500]
        for n, title in enumerate(chosen):
            layout = LAYOUTS[n % len(LAYOUTS)]
            day = start + dt.timedelta(minutes=37 * n)
            byline = BYLINES[n % len(BYLINES)]
            text, gold = build(layout, title, styles[n % len(styles)], day, byline)
            gold["title"] = textfix.clean(title)
            yield f"{source} {layout}", text, gold


def more_layout_cases(corpora: Path, held_out: bool) -> Iterator[Case]:
    """Real headlines in the layouts of ``MORE_LAYOUTS`` (kickers, bare names, outlets, labels
    alone over the date, ambiguous dates), same split as ``layout_cases``."""
    from tests.header_layouts import MORE_LAYOUTS, build_more, real_titles

    start = dt.datetime(2021, 1, 1)
    for source, titles in real_titles(corpora).items():
        chosen = titles[1500:] if held_out else titles[:1500]
        for n, title in enumerate(chosen):
            layout = MORE_LAYOUTS[n % len(MORE_LAYOUTS)]
            text, gold = build_more(layout, title, start + dt.timedelta(minutes=37 * n), n)
            gold["title"] = textfix.clean(title)
            yield f"{source} {layout}", text, gold


def body_only_cases(corpora: Path) -> Iterator[Case]:
    """Bodies that have no header: BBC files without their title paragraph, Guardian/NYT
    articles without their first line, Reuters stories without their title and date lines
    (they open with the story's dateline)."""
    for style, text, _ in bbc_cases(corpora / "bbc_news_2004_2005" / "bbc_fulltext.tar.gz"):
        yield f"{style}-body", text.split("\n\n", 1)[-1], {}
    for _, text, _ in no_header_cases(reuters_cases(corpora / "reuters21578_sample")):
        yield "reuters-body", text, {}
    folder = corpora / "guardian_nyt_russia_ukraine_2022"
    for name in ("Guardians_Russia_Ukraine.csv", "NYT_Russia_Ukraine.csv"):
        with (folder / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                yield name[:3].lower() + "-body", row["articles"].split("\n", 1)[-1], {}


def leads_under_meta_cases(corpora: Path) -> Iterator[Case]:
    """The same bodies under a date line or a byline and a blank line, no title: the body's
    first paragraph (often one short sentence) must not be taken as a title."""
    for n, (style, text, _) in enumerate(body_only_cases(corpora)):
        if n % 2:
            yield f"{style} D /", f"12 February 2022\n\n{text}", {"date": "2022-02-12"}
        else:
            yield f"{style} B /", f"By Lena Park\n\n{text}", {"author": "Lena Park"}


def load_before(before: Path) -> Callable[[str], tuple[str, dict[str, str]]]:
    """``extract_header`` of the textfix package in ``before``, imported beside this one: a copy
    renamed ``textfix_before`` in a temporary folder."""
    import importlib
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp())
    shutil.copytree(before / "textfix", folder / "textfix_before")
    for path in (folder / "textfix_before").rglob("*.py"):
        path.write_text(re.sub(r"\btextfix\b", "textfix_before", path.read_text("utf-8")), "utf-8")
    sys.path.insert(0, str(folder))
    module = importlib.import_module("textfix_before.extract.header")
    return module.extract_header  # type: ignore[no-any-return]


def compare_cost(corpora: Path, before: Path, rounds: int = 30) -> None:
    """extract_header's CPU µs per clean-news document, this checkout against ``before``, in
    one process: each round runs both over all documents, in turn (the order alternating), and
    the ratio is the median of the rounds' ratios, so that both sides of a ratio see about the
    same machine load."""
    import gc
    import os
    import statistics

    from textfix.extract.header import extract_header

    old_reader = load_before(before)
    steps = [s for s in Pipeline.from_preset("news").steps if s.name != "extract_header"]
    groups: dict[str, list[str]] = {}
    for group, cases in (
        ("guardian_nyt", guardian_nyt_cases(corpora / "guardian_nyt_russia_ukraine_2022")),
        ("bbc", bbc_cases(corpora / "bbc_news_2004_2005" / "bbc_fulltext.tar.gz")),
        ("reuters bodies", no_header_cases(reuters_cases(corpora / "reuters21578_sample"))),
    ):
        for _, text, _ in cases:
            for step in steps:
                text = step.apply(text)[0]
            groups.setdefault(group, []).append(text)
    groups["all"] = [text for texts in list(groups.values()) for text in texts]
    load = os.getloadavg()[0]
    print(f"\n## extract_header cost on clean news, before = {before}\n")
    print("| documents | n | before µs/doc | after µs/doc | ratio (median) | quartiles |")
    print("|---|---:|---:|---:|---:|---|")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for group, texts in groups.items():
            for text in texts:
                old_reader(text)
                extract_header(text)
            spent: dict[str, list[float]] = {"before": [], "after": []}
            pair = (("before", old_reader), ("after", extract_header))
            for n in range(rounds):
                for name, reader in pair if n % 2 == 0 else pair[::-1]:
                    start = time.process_time()
                    for text in texts:
                        reader(text)
                    spent[name].append((time.process_time() - start) / len(texts) * 1e6)
            ratios = [a / b for a, b in zip(spent["after"], spent["before"], strict=True)]
            low, _, high = statistics.quantiles(ratios, n=4)
            print(
                f"| {group} | {len(texts)} | {statistics.median(spent['before']):.2f} "
                f"| {statistics.median(spent['after']):.2f} "
                f"| x{statistics.median(ratios):.3f} | x{low:.3f}..x{high:.3f} |"
            )
    finally:
        if enabled:
            gc.enable()
    print(f"\nCPU time, {rounds} rounds; load average {load:.1f} -> {os.getloadavg()[0]:.1f}")


def run(corpus: str, cases: Iterator[Case], pipeline: Pipeline) -> dict[str, float]:
    per_style: dict[str, list[int]] = defaultdict(lambda: [0] * 9)
    step_time: dict[str, float] = defaultdict(float)
    false_headers = 0
    for style, text, gold in cases:
        metadata: dict[str, str] = {}
        for step in pipeline.steps:
            start = time.perf_counter()
            text, found = step.apply(text)
            step_time[step.name] += time.perf_counter() - start
            metadata.update(found)
        row = per_style[style]
        row[0] += 1
        for i, key in enumerate(("date", "title", "author"), start=1):
            if key in gold:
                row[2 * i - 1] += 1
                row[2 * i] += _same(key, metadata.get(key), gold[key])
        if "updated" in gold:
            row[1] += 1
            row[2] += metadata.get("updated") == gold["updated"]
        if "dateline" in gold:
            row[7] += 1
            row[8] += _same("dateline", metadata.get("dateline"), gold["dateline"])
        # A false header: a date or title found where the gold has none.
        dated = "date" in gold or "updated" in gold
        if ("date" in metadata and not dated) or ("title" in metadata and "title" not in gold):
            false_headers += 1
            print(f"  false header in {corpus}/{style}: {metadata}", file=sys.stderr)
        elif "title" in gold and metadata.get("title", gold["title"]) != gold["title"]:
            print(f"  wrong title in {corpus}/{style}: {metadata['title']!r}", file=sys.stderr)
    total = sum(step_time.values())
    print(f"\n## {corpus}\n")
    print("| style | docs | date correct | title correct | author correct | dateline correct |")
    print("|---|---:|---:|---:|---:|---:|")
    sums = [0] * 9
    for style, row in sorted(per_style.items()):
        sums = [a + b for a, b in zip(sums, row, strict=True)]
        print(_row(style, row))
    print(_row("**all**", sums))
    print(f"\nfalse headers (a date or title where the gold has none): {false_headers}")
    share = step_time["extract_header"] / total if total else 0.0
    print(
        f"\nextract_header: {step_time['extract_header'] * 1e3:.1f} ms of {total * 1e3:.1f} ms "
        f"news-pipeline time ({share:.1%}; "
        f"{step_time['extract_header'] / max(sums[0], 1) * 1e6:.0f} µs/doc)"
    )
    return {"share": share}


def _row(style: str, row: list[int]) -> str:
    shares = " | ".join(_share(row[i + 1], row[i]) for i in (1, 3, 5, 7))
    return f"| {style} | {row[0]} | {shares} |"


def _same(key: str, found: str | None, gold: str) -> bool:
    # Reuters' gold place is the city; textfix keeps the region too ("PORTLAND, Ore.").
    if key == "dateline" and found is not None:
        found = found.split(",")[0]
    return found == gold


def _share(good: int, total: int) -> str:
    return f"{good}/{total} ({good / total:.1%})" if total else "n/a"


def print_examples(corpora: Path, count: int, seed: int, pipeline: Pipeline) -> None:
    """``count`` inputs drawn at random from every corpus above (the layouts with held-out
    titles), each as its top before the news preset and its metadata and top after."""
    import random

    pool: list[tuple[str, list[Case]]] = []
    for name, found in (
        ("reuters", reuters_cases(corpora / "reuters21578_sample")),
        ("reuters body", no_header_cases(reuters_cases(corpora / "reuters21578_sample"))),
        ("cnn_dailymail", cnn_dailymail_cases(corpora / "cnn_dailymail_sample")),
        ("guardian_nyt", guardian_nyt_cases(corpora / "guardian_nyt_russia_ukraine_2022")),
        ("bbc", bbc_cases(corpora / "bbc_news_2004_2005" / "bbc_fulltext.tar.gz")),
        ("layouts", layout_cases(corpora, True)),
        ("body only", body_only_cases(corpora)),
    ):
        cases = list(found)
        pool.append((name, cases))
    # The same number from each corpus (round robin over shuffled corpora), not in proportion
    # to their sizes: Reuters and the layouts would fill the sample.
    rng = random.Random(seed)
    drawn: list[tuple[str, Case]] = []
    for _, cases in pool:
        rng.shuffle(cases)
    for n in range(count):
        name, cases = pool[n % len(pool)]
        drawn.append((name, cases[n // len(pool)]))
    for n, (name, (style, text, gold)) in enumerate(drawn, start=1):
        out = text
        metadata: dict[str, str] = {}
        for step in pipeline.steps:
            out, found = step.apply(out)
            metadata.update(found)
        shown = {k: v for k, v in metadata.items() if k in ("date", "updated", "title", "author",
                                                            "dateline", "source")}  # fmt: skip
        verdict = "ok" if all(_same(k, shown.get(k), v) for k, v in gold.items()) else "MISS"
        if set(shown) & {"date", "title"} - set(gold):
            verdict = "FALSE FIELD"
        print(f"\n### {n}. {name} / {style} ({verdict})\n")
        print("before:", _top(text))
        print("after: ", _top(out))
        print("metadata:", shown, "| gold:", gold)


def _top(text: str, lines: int = 4, width: int = 100) -> str:
    head = [line[:width] + ("…" if len(line) > width else "") for line in text.split("\n")[:lines]]
    return repr("\n".join(head))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared"
    )
    parser.add_argument("--before", type=Path, help="a textfix checkout to compare costs with")
    parser.add_argument(
        "--examples", type=int, metavar="N", help="print N random before/after examples only"
    )
    parser.add_argument("--seed", type=int, default=15, help="seed of --examples")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    corpora = args.shared / "corpora"
    pipeline = Pipeline.from_preset("news")
    if args.examples:
        print_examples(corpora, args.examples, args.seed, pipeline)
        return
    run("reuters21578_sample", reuters_cases(corpora / "reuters21578_sample"), pipeline)
    run("cnn_dailymail_sample", cnn_dailymail_cases(corpora / "cnn_dailymail_sample"), pipeline)
    run(
        "guardian_nyt_russia_ukraine_2022",
        guardian_nyt_cases(corpora / "guardian_nyt_russia_ukraine_2022"),
        pipeline,
    )
    run(
        "bbc_news_2004_2005",
        bbc_cases(corpora / "bbc_news_2004_2005" / "bbc_fulltext.tar.gz"),
        pipeline,
    )
    run(
        "reuters21578_sample, no header",
        no_header_cases(reuters_cases(corpora / "reuters21578_sample")),
        pipeline,
    )
    run("any-order layouts, inspected titles", layout_cases(corpora, False), pipeline)
    run("any-order layouts, held-out titles", layout_cases(corpora, True), pipeline)
    run("more layouts, inspected titles", more_layout_cases(corpora, False), pipeline)
    run("more layouts, held-out titles", more_layout_cases(corpora, True), pipeline)
    run("bodies without a header", body_only_cases(corpora), pipeline)
    run("bodies under a date or byline line", leads_under_meta_cases(corpora), pipeline)
    if args.before:
        compare_cost(corpora, args.before)


if __name__ == "__main__":
    main()
