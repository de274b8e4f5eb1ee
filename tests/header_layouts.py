"""Header layouts as news sites and scrapers print them, built from titles, dates and bylines.

Shared by ``tests/test_header_layouts.py`` and ``benchmarks/header_accuracy.py``: every date
style (``DATE_STYLES``) in every line order (``LAYOUTS``), around any title and body. Real
titles come from the shared corpora when present (``real_titles``); ``WRITTEN_TITLES`` were
written for these tests, so a fresh clone runs them too.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import tarfile
from collections.abc import Callable
from pathlib import Path

from textfix.extract.titles import SENTENCE_BREAK_RE

# Each style writes a day as a site prints it; the key the date lands in.
DATE_STYLES: dict[str, tuple[str, Callable[[dt.datetime], str]]] = {
    "iso": ("date", lambda d: d.strftime("%Y-%m-%d")),
    "iso-z": ("date", lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")),
    "iso-offset": ("date", lambda d: d.strftime("%Y-%m-%dT%H:%M:%S+02:00")),
    "day-month": ("date", lambda d: f"{d.day} {d:%B %Y}"),
    "month-day": ("date", lambda d: f"{d:%B} {d.day}, {d.year}"),
    "abbr-dot": ("date", lambda d: f"{d:%b}. {d.day}, {d.year}"),
    "abbr-day-first": ("date", lambda d: f"{d.day} {d:%b %Y}"),
    "weekday": ("date", lambda d: f"{d:%A} {d.day} {d:%B %Y}"),
    "time-after": ("date", lambda d: f"{d.day} {d:%B %Y} {d:%H:%M} GMT"),
    "us-time": ("date", lambda d: f"{d:%b}. {d.day}, {d.year}, {d:%I:%M} a.m. ET"),
    "time-before": ("date", lambda d: f"{d:%H:%M} GMT, {d.day} {d:%B %Y}"),
    "pm-bst": ("date", lambda d: f"{d.day} {d:%b %Y}, {d:%I.%M}pm BST".replace(" 0", " ")),
    "dotted": ("date", lambda d: d.strftime("%d.%m.%Y")),
    "slashed-day-first": ("date", lambda d: d.strftime("%d/%m/%Y")),
    "published": ("date", lambda d: f"Published: {d:%b}. {d.day}, {d.year}, 6:20 p.m. ET"),
    "posted-on": ("date", lambda d: f"Posted on {d:%B} {d.day}, {d.year}"),
    "updated": ("updated", lambda d: f"Updated {d:%H:%M} GMT, {d.day} {d:%B %Y}"),
    "last-modified": ("updated", lambda d: f"Last modified on {d:%a} {d.day} {d:%b %Y} 10.00 GMT"),
}
BYLINES = (
    "By Lena Park",
    "By TOMÁS HERRERA",
    "By Jane Smith and Omar Ali",
    "By Anna-Lena Vogt",
    "Posted by Marta Ruiz",
    "by jsmith",  # a WordPress login, as a theme prints it
)
BYLINE_LABELS = ("Posted by ", "By ", "by ")
# How the lines stand: T title, D date, B byline, C date and byline on one line; "/" a blank
# line. Every layout ends with a blank line and the body.
LAYOUTS = (
    "T D",
    "T D B",
    "T B D",
    "T / B D",
    "D T",
    "D / T",
    "C T",
    "B T",
    "B / T",
    "B T D",
    "D T B",
    "T C",
)
WRITTEN_TITLES = (
    "Regulator fines grid operator over March blackout",
    "Ferry fares set to double as fuel costs bite",
    "Can the night trains survive another winter?",
    "Miners’ strike enters its third week",
    "'We were left in the dark for hours'",
    "Council votes to keep library open on Sundays",
    "G7 nations pledge $20 billion to Ukraine",
    "Storm Eunice: thousands still without power",
    "UK inflation hits 30-year high of 5.4%",
    "How a small town rebuilt its high street",
    "Apple and Google face new rules on app stores",
    "Three arrested after protest at oil terminal",
)
WRITTEN_BODY = (
    "The regulator said on Thursday that the outage, which left thousands of homes without "
    "power for most of the evening, had been caused by a fault at a substation.\n\n"
    "A spokesperson for the operator said it would study the findings and respond in due course."
)


def _author(byline: str) -> str:
    for label in BYLINE_LABELS:
        if byline.startswith(label):
            return byline[len(label) :]
    return byline


def _clean_title(title: str) -> str:
    return " ".join(title.split())


def real_titles(corpora: Path) -> dict[str, list[str]]:
    """Real headlines per source (BBC, Guardian/NYT, fwd headlines); empty when absent."""
    found: dict[str, list[str]] = {}
    bbc = corpora / "bbc_news_2004_2005" / "bbc_fulltext.tar.gz"
    if bbc.exists():
        with tarfile.open(bbc) as archive:
            titles = []
            for member in sorted(archive.getmembers(), key=lambda m: m.name):
                if member.isfile() and member.name.count("/") == 2 and member.name.endswith(".txt"):
                    handle = archive.extractfile(member)
                    if handle is not None:
                        first = handle.read().split(b"\n", 1)[0]
                        titles.append(first.decode("utf-8", "replace"))
            found["bbc"] = titles
    folder = corpora / "guardian_nyt_russia_ukraine_2022"
    if folder.exists():
        titles = []
        for name in ("Guardians_Russia_Ukraine.csv", "NYT_Russia_Ukraine.csv"):
            with (folder / name).open(encoding="utf-8", newline="") as handle:
                titles += [row["headlines"] for row in csv.DictReader(handle)]
        found["guardian_nyt"] = titles
    fwd = corpora / "fwd_news_headlines_2021_2022" / "headlines.json"
    if fwd.exists():
        found["fwd"] = [row["title"] for row in json.loads(fwd.read_text("utf-8"))]
    return {
        source: [_clean_title(t) for t in titles if is_headline(t)]
        for source, titles in found.items()
    }


def is_headline(title: str) -> bool:
    """A headline, not a post: one line of at most 200 characters and one sentence."""
    return 0 < len(title.strip()) <= 200 and SENTENCE_BREAK_RE.search(title) is None


def build(
    layout: str, title: str, style: str, day: dt.datetime, byline: str, body: str = WRITTEN_BODY
) -> tuple[str, dict[str, str]]:
    """The article in ``layout`` and the metadata a reader should find in it (the title alone
    when the date is ambiguous and no byline is beside it: the date line gives no date)."""
    key, write = DATE_STYLES[style]
    date = write(day)
    # "02/01/2021" reads as two days and no date order is given (and the text is English): the
    # line is a header line that gives no date, beside the title and byline.
    undated = style == "slashed-day-first" and day.month != day.day <= 12
    lines: list[str] = []
    gold: dict[str, str] = {}
    for part in layout.split():
        if part == "/":
            lines.append("")
        elif part == "T":
            lines.append(title)
            gold["title"] = title
        elif part == "D":
            lines.append(date)
            if not undated:
                gold[key] = day.date().isoformat()
        elif part == "B":
            lines.append(byline)
            gold["author"] = _author(byline)
        elif part == "C":
            lines.append(f"{date} | {byline}")
            if not undated:
                gold[key] = day.date().isoformat()
            gold["author"] = _author(byline)
    return "\n".join(lines) + "\n\n" + body, gold


# More layouts as pages print them, beside ``LAYOUTS`` (their figures are kept apart): K a
# kicker over the title, N a bare author name with no byline word, O a byline with its outlet
# after a pipe, L a date label alone on its line over the date, A an ambiguous slashed date
# (a date line that gives no date), D a date in one of ``DATE_STYLES`` (no slashed one).
MORE_LAYOUTS = ("K T B D", "K T D", "T N D", "D T N", "T D N", "T O D", "T L", "T A", "A T")
KICKERS = ("WORLD NEWS", "Politics", "EXCLUSIVE", "Business", "UK POLITICS", "Opinion")
BARE_NAMES = ("Sarah Whitfield", "Dan Sabbagh in Kyiv", "Jane Doe and Tom Roe", "MICHAEL HILL")
OUTLETS = ("The Hill", "Politico", "The Guardian", "Fox News", "Axios")
LABELS = ("Published", "Last updated", "Posted on")


def build_more(
    layout: str, title: str, day: dt.datetime, number: int
) -> tuple[str, dict[str, str]]:
    """The article in one of ``MORE_LAYOUTS`` and the metadata a reader should find in it; the
    kicker, name, outlet, label and date style are chosen by ``number``."""
    styles = [s for s in DATE_STYLES if s != "slashed-day-first"]
    key, write = DATE_STYLES[styles[number % len(styles)]]
    lines: list[str] = []
    gold: dict[str, str] = {}
    for part in layout.split():
        if part == "K":
            lines.append(KICKERS[number % len(KICKERS)])
        elif part == "T":
            lines.append(title)
            gold["title"] = title
        elif part == "D":
            lines.append(write(day))
            gold[key] = day.date().isoformat()
        elif part == "B":
            byline = BYLINES[number % len(BYLINES)]
            lines.append(byline)
            gold["author"] = _author(byline)
        elif part == "N":
            gold["author"] = BARE_NAMES[number % len(BARE_NAMES)]
            lines.append(gold["author"])
        elif part == "O":
            gold["author"] = "Lena Park"
            gold["source"] = OUTLETS[number % len(OUTLETS)]
            lines.append(f"By Lena Park | {gold['source']}")
        elif part == "L":
            label = LABELS[number % len(LABELS)]
            lines += [label, f"{day.day} {day:%B %Y}"]
            gold["updated" if label == "Last updated" else "date"] = day.date().isoformat()
        elif part == "A":
            month = number % 12 + 1
            lines.append(f"{(number + 5) % 12 + 1:02d}/{month:02d}/{day.year}")
    return "\n".join(lines) + "\n\n" + WRITTEN_BODY, gold
