"""Header dates: textfix's date reader against date libraries, on accuracy, cost and import time.

The issue asks for a well-kept date library where one covers a style better than a hand-written
pattern. This compares, on the same lines:

- ``textfix``: ``read_meta_line`` (labels, times and zones around the date, ``YYYY-MM-DD`` out);
- ``dateutil``: ``dateutil.parser.parse`` with ``dayfirst=True``, strict and ``fuzzy=True``
  (fuzzy skips labels such as "Published:"), and fuzzy month first (``dayfirst=True`` also
  reads ``2021-03-04`` as 3 April); a day, month and year must all be in the line (the line is
  parsed with two different defaults, which must agree);
- ``dateparser``: ``dateparser.parse`` with the languages below, ``DATE_ORDER`` ``DMY`` and
  ``REQUIRE_PARTS`` day, month and year; also on the field left after textfix's label reader
  (``LABELLED_DATE_RE``), as a hybrid would call it.

Lines: every date style of ``tests/header_layouts.py`` (labels, times before and after, ISO
timestamps with offsets, dotted and unambiguous slashed dates) and the same dates written in
German, French, Spanish, Portuguese, Italian, Dutch, Russian and Ukrainian (month names written
out here, not read from textfix's data), over 300 days from 2004 to 2023. Ambiguous slashed
dates (``04/03/2021``) must give no date (no ``date_order``), as must header lines that are no
date: real headlines with numbers (BBC, Guardian/NYT, fwd headlines), bylines, sentences that
hold a date.

A library is not installed with textfix: run with an interpreter that has them, e.g.
``pip install dateparser python-dateutil`` in a scratch venv, then
``PYTHONPATH=. python -m benchmarks.header_dates --shared ../shared``. Missing libraries are
skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

Reader = Callable[[str], "str | None"]

LANGUAGES = ["en", "de", "fr", "es", "pt", "it", "nl", "ru", "uk"]
# Month names per language (genitive where a date needs it), and how a date is written.
FOREIGN: dict[str, tuple[list[str], Callable[[dt.datetime, str], str]]] = {
    "de": (
        [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
        lambda d, m: f"{d.day}. {m} {d.year}",
    ),
    "fr": (
        [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        lambda d, m: f"{d.day} {m} {d.year}",
    ),
    "es": (
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
        lambda d, m: f"{d.day} de {m} de {d.year}",
    ),
    "pt": (
        [
            "janeiro",
            "fevereiro",
            "março",
            "abril",
            "maio",
            "junho",
            "julho",
            "agosto",
            "setembro",
            "outubro",
            "novembro",
            "dezembro",
        ],
        lambda d, m: f"{d.day} de {m} de {d.year}",
    ),
    "it": (
        [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
        lambda d, m: f"{d.day} {m} {d.year}",
    ),
    "nl": (
        [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        lambda d, m: f"{d.day} {m} {d.year}",
    ),
    "ru": (
        [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ],
        lambda d, m: f"{d.day} {m} {d.year}",
    ),
    "uk": (
        [
            "січня",
            "лютого",
            "березня",
            "квітня",
            "травня",
            "червня",
            "липня",
            "серпня",
            "вересня",
            "жовтня",
            "листопада",
            "грудня",
        ],
        lambda d, m: f"{d.day} {m} {d.year}",
    ),
}
NOT_DATES = (
    "By Lena Park",
    "By TOMÁS HERRERA",
    "Posted by Marta Ruiz",
    "On February 12, 2022 the embassy closed its doors.",
    "In 2004 the council voted to close the ferry.",
    "The 2022 budget in 12 charts",
)


def cases(corpora: Path, days: int = 300) -> list[tuple[str, str, str | None]]:
    """(kind, line, gold date or None)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.header_layouts import DATE_STYLES, is_headline, real_titles

    rng = random.Random(15)
    start = dt.datetime(2004, 1, 1)
    found: list[tuple[str, str, str | None]] = []
    for _ in range(days):
        day = start + dt.timedelta(minutes=rng.randrange(20 * 365 * 24 * 60))
        for style, (_, write) in DATE_STYLES.items():
            ambiguous = style == "slashed-day-first" and day.month != day.day <= 12
            kind = "ambiguous" if ambiguous else style
            found.append((kind, write(day), None if ambiguous else day.date().isoformat()))
        for language, (months, write_foreign) in FOREIGN.items():
            line = write_foreign(day, months[day.month - 1])
            found.append((f"lang-{language}", line, day.date().isoformat()))
    titles = [t for ts in real_titles(corpora).values() for t in ts if any(c.isdigit() for c in t)]
    rng.shuffle(titles)
    found += [("not-a-date", t, None) for t in titles[:1500] if is_headline(t)]
    found += [("not-a-date", t, None) for t in NOT_DATES]
    return found


def textfix_reader() -> Reader:
    from textfix.extract.dates import rolling_bounds
    from textfix.extract.metalines import read_meta_line

    bounds = rolling_bounds(None, None, None)

    def read(line: str) -> str | None:
        found = read_meta_line(line, bounds)
        return None if not found else found.get("date") or found.get("updated")

    return read


def without_label(read: Reader) -> Reader:
    """``read`` on the date field, after the label textfix reads ("Published:", "Posted on")."""
    from textfix.extract.metalines import LABELLED_DATE_RE

    def read_field(line: str) -> str | None:
        labelled = LABELLED_DATE_RE.fullmatch(line)
        return read(line if labelled is None else labelled["field"])

    return read_field


def dateutil_reader(fuzzy: bool, dayfirst: bool = True) -> Reader:
    import warnings

    from dateutil import parser

    warnings.simplefilter("ignore")  # unknown zone names ("ET", "BST")
    first, second = dt.datetime(1901, 1, 1), dt.datetime(1902, 2, 2)

    def read(line: str) -> str | None:
        try:
            one = parser.parse(line, dayfirst=dayfirst, fuzzy=fuzzy, default=first)
            two = parser.parse(line, dayfirst=dayfirst, fuzzy=fuzzy, default=second)
        except (ValueError, OverflowError):
            return None
        return one.date().isoformat() if one.date() == two.date() else None

    return read


def dateparser_reader() -> Reader:
    import dateparser

    settings = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]}

    def read(line: str) -> str | None:
        found = dateparser.parse(line, languages=LANGUAGES, settings=settings)  # type: ignore[arg-type]
        return None if found is None else found.date().isoformat()

    return read


def import_seconds(module: str, repeats: int = 3) -> float:
    """Median seconds to import ``module`` in a fresh interpreter (wall time)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = sorted(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(repeats)
    )  # fmt: skip
    return runs[len(runs) // 2]


def measure(name: str, read: Reader, lines: list[tuple[str, str, str | None]]) -> None:
    read(lines[0][1])  # first call: data loading
    per_kind: dict[str, list[int]] = {}
    start = time.process_time()
    results = [read(line) for _, line, _ in lines]
    cost = (time.process_time() - start) / len(lines) * 1e6
    for (kind, _, gold), got in zip(lines, results, strict=True):
        row = per_kind.setdefault("not-a-date" if kind == "not-a-date" else kind, [0, 0])
        row[0] += 1
        row[1] += got == gold
    dated = [r for k, r in per_kind.items() if k not in ("not-a-date", "ambiguous")]
    right = sum(r[1] for r in dated)
    total = sum(r[0] for r in dated)
    wrong_kinds = sorted(k for k, r in per_kind.items() if r[1] < r[0])
    print(
        f"| {name} | {right}/{total} ({right / total:.1%}) "
        f"| {per_kind['ambiguous'][1]}/{per_kind['ambiguous'][0]} "
        f"| {per_kind['not-a-date'][0] - per_kind['not-a-date'][1]}/{per_kind['not-a-date'][0]} "
        f"| {cost:.1f} | {', '.join(wrong_kinds)} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared"
    )
    parser.add_argument("--days", type=int, default=300)
    args = parser.parse_args()
    lines = cases(args.shared / "corpora", args.days)
    readers: list[tuple[str, Callable[[], Reader], str]] = [
        ("textfix read_meta_line", textfix_reader, "textfix"),
        ("dateutil strict", lambda: dateutil_reader(False), "dateutil.parser"),
        ("dateutil fuzzy", lambda: dateutil_reader(True), "dateutil.parser"),
        ("dateutil fuzzy, month first", lambda: dateutil_reader(True, False), "dateutil.parser"),
        ("dateparser", dateparser_reader, "dateparser"),
        ("dateparser after textfix's label", lambda: without_label(dateparser_reader()), ""),
    ]
    print(f"{len(lines)} lines\n")
    print(
        "| reader | dates right | ambiguous refused | false dates | µs/line (CPU) | styles missed |"
    )
    print("|---|---:|---:|---:|---:|---|")
    imports: dict[str, float] = {}
    for name, make, module in readers:
        try:
            read = make()
        except ImportError:
            print(f"| {name} | not installed | | | | |")
            continue
        measure(name, read, lines)
        if module:
            imports.setdefault(module, import_seconds(module))
    print()
    for module, seconds in imports.items():
        print(f"import {module}: {seconds * 1e3:.0f} ms (wall, median of 3 fresh interpreters)")


if __name__ == "__main__":
    main()
