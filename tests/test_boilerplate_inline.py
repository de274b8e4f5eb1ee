"""Trailer phrases run into a line ("… help. Scroll down for video . Lurking: …") are cut out
as spans: the rest of the line stays, and the removal names the rule and the span."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import SHARED
from textfix import Pipeline
from textfix.boilerplate.remove import explain_boilerplate, find_boilerplate

LEAD = "The talks in Geneva failed after six long hours on Friday, officials said."
TAIL = "Lurking: the dog waited outside the family home for most of the long afternoon."

# (input line, the line expected back): every position and spelling the phrase takes.
CASES = [
    (f"{LEAD} Scroll down for video . {TAIL}", f"{LEAD} {TAIL}"),  # Daily Mail's joined lines
    (f"{LEAD} Scroll down for video. {TAIL}", f"{LEAD} {TAIL}"),
    (f"{LEAD} Scroll down for video: {TAIL}", f"{LEAD} {TAIL}"),
    (f"{LEAD} SCROLL DOWN FOR VIDEOS . {TAIL}", f"{LEAD} {TAIL}"),
    (f"{LEAD} Scroll down for the video! {TAIL}", f"{LEAD} {TAIL}"),
    (f"Scroll down for video . {TAIL}", TAIL),  # at the start of the line
    (f"{LEAD} Scroll down for video", LEAD),  # at the end of the line
    (f"{LEAD} Scroll down for video .", LEAD),
    (
        f"'It was awful,' she said.' Scroll down for video . {TAIL}",
        f"'It was awful,' she said.' {TAIL}",
    ),
    (f"{LEAD} Scroll down for video . Scroll down for video . {TAIL}", f"{LEAD} {TAIL}"),
    (f"{LEAD} Scroll down for video . Scroll down for video", LEAD),
]

# Lines that hold the words but not the trailer: returned unchanged.
NEIGHBOURS = [
    "Scroll down the list of candidates and you will find no one from the north.",
    "Scroll down to read more about the plan, which the council approved on Monday night.",
    f"{LEAD} Readers can scroll down for video of the rescue.",
    f"{LEAD} Scroll down for video of the rescue at the harbour on Sunday.",
    f"{LEAD} The caption read: Scroll down for video. {TAIL}",
    f"{LEAD} He typed 'Scroll down for video' under every post he wrote for the site.",
    f"{LEAD} VIDEO Scroll down to watch the minister's speech . {TAIL}",
    f"{LEAD} Scroll down for videos and pictures of the flood . {TAIL}",
    "Scroll down for video . Scroll down for video",  # nothing else on the line: left whole
]


@pytest.mark.parametrize(("line", "expected"), CASES)
def test_trailer_is_cut_out_of_the_line(line: str, expected: str) -> None:
    text = f"{LEAD}\n\n{line}\n\n{LEAD}"
    cleaned, removals, reason = find_boilerplate(text)
    assert reason is None
    assert cleaned == f"{LEAD}\n\n{expected}\n\n{LEAD}"
    assert {removal.rule_id for removal in removals} == {"en.scroll-for-video"}
    assert all(removal.line_number == 3 and removal.line == line for removal in removals)
    # The spans account for exactly what went, in order.
    kept, at = [], 0
    for removal in removals:
        assert removal.span is not None
        kept.append(line[at : removal.span[0]])
        at = removal.span[1]
    assert "".join([*kept, line[at:]]) == expected


@pytest.mark.parametrize("line", NEIGHBOURS)
def test_neighbours_are_left_alone(line: str) -> None:
    text = f"{LEAD}\n\n{line}\n\n{LEAD}"
    assert find_boilerplate(text) == (text, [], None)


def test_a_standalone_line_is_removed_whole_by_the_line_rule() -> None:
    for line in ("Scroll down for video", "Scroll down for video .", "SCROLL DOWN FOR VIDEOS"):
        cleaned, removals, _ = find_boilerplate(f"{LEAD}\n\n{line}")
        assert cleaned == LEAD
        assert [(r.rule_id, r.span) for r in removals] == [("en.scroll-for-video", None)]


def test_explain_and_skip_rules_name_the_span() -> None:
    text = f"{LEAD} Scroll down for video . {TAIL}"
    cleaned, notes = explain_boilerplate(text)
    assert cleaned == f"{LEAD} {TAIL}"
    start = len(LEAD) + 1
    assert notes == [
        f"removed by en.scroll-for-video: 'Scroll down for video . ' "
        f"(characters {start}-{start + 24} of line 1: {text!r})"
    ]
    assert find_boilerplate(text, skip_rules="en.scroll-for-video") == (text, [], None)


def test_span_removed_beside_whole_lines_keeps_order_and_guard() -> None:
    text = f"{LEAD} Scroll down for video . {TAIL}\n\nAdvertisement\n\n{LEAD}"
    cleaned, removals, reason = find_boilerplate(text)
    assert reason is None
    assert cleaned == f"{LEAD} {TAIL}\n\n{LEAD}"
    assert [(r.line_number, r.rule_id, r.span is not None) for r in removals] == [
        (1, "en.scroll-for-video", True),
        (3, "en.advertisement", False),
    ]
    # A short document the span would mostly empty is kept whole, the span listed.
    short = "Help came. Scroll down for video"
    cleaned, removals, reason = find_boilerplate(short)
    assert cleaned == short and reason is not None and removals[0].span == (10, 32)


pieces = st.sampled_from(
    [LEAD, TAIL, "Scroll down for video", " . ", ". ", "SCROLL DOWN FOR VIDEOS", "\n", " ", "x"]
)


@given(st.lists(pieces, max_size=12).map("".join))
def test_cut_is_idempotent_and_only_removes(text: str) -> None:
    cleaned, removals, reason = find_boilerplate(text)
    again = find_boilerplate(cleaned)
    assert again[0] == cleaned
    if reason is None and all(removal.span is not None for removal in removals):
        # Only spans went: every line is its input line less the spans.
        assert cleaned.count("\n") == text.count("\n")
        assert len(cleaned) == len(text) - sum(len(r.removed) for r in removals)


def test_removed_file_lists_the_span(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from textfix.cli import app

    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": f"{LEAD} Scroll down for video . {TAIL}"}) + "\n")
    out, removed = tmp_path / "out.jsonl", tmp_path / "removed.jsonl"
    args = ["clean", str(source), "-p", "news", "-o", str(out), "--removed", str(removed)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    [entry] = [json.loads(line) for line in removed.read_text().splitlines()]
    assert entry["rule"] == "en.scroll-for-video"
    assert entry["removed"] == "Scroll down for video . "
    assert entry["line"][slice(*entry["span"])] == entry["removed"]
    assert json.loads(out.read_text())["text"] == f"{LEAD} {TAIL}"


CNN = SHARED / "corpora" / "cnn_dailymail_sample" / "train_sample.csv"


@pytest.mark.skipif(not CNN.exists(), reason="needs ../shared/corpora/cnn_dailymail_sample")
def test_cnn_dailymail_trailers_are_cut_and_nothing_else() -> None:
    csv.field_size_limit(1 << 30)
    with CNN.open(encoding="utf-8", newline="") as handle:
        articles = [row["article"] for row in csv.DictReader(handle)]
    news = Pipeline.from_preset("news")
    cut = []
    for article in articles:
        cleaned, removals, reason = find_boilerplate(article)
        assert reason is None
        spans = [removal for removal in removals if removal.span is not None]
        cut += [removal.removed for removal in spans]
        # Each span is the phrase and its stop: the article loses nothing else.
        assert len(cleaned) == len(article) - sum(len(r.removed) for r in spans)
        once = news(article).text
        assert news(once).text == once
    assert len(cut) == 13
    assert {text.strip(" .").lower() for text in cut} == {
        "scroll down for video",
        "scroll down for videos",
    }


# A Daily Mail-style article with the trailer in every place a scrape leaves it, beside a
# standalone trailer line, an ad slot and the neighbours that must stay (news preset, golden).
ARTICLE = """Dog chases attacker down the street to save a boy

The dog attacked as the boy walked home on Friday. Scroll down for video . Lurking: it waited.
Scroll down for video. Neighbours said the animal had never bitten anyone before.

Advertisement

Scroll down the list of comments and you will find dozens of messages of support.
Police said the owner would not face charges, and thanked the witnesses. SCROLL DOWN FOR VIDEOS
Readers can scroll down for video of the rescue, which a neighbour filmed on her phone.

Scroll down for video"""

EXPECTED = """Dog chases attacker down the street to save a boy

The dog attacked as the boy walked home on Friday. Lurking: it waited.
Neighbours said the animal had never bitten anyone before.

Scroll down the list of comments and you will find dozens of messages of support.
Police said the owner would not face charges, and thanked the witnesses.
Readers can scroll down for video of the rescue, which a neighbour filmed on her phone."""


def test_news_preset_golden_article() -> None:
    cleaned, removals, reason = find_boilerplate(ARTICLE)
    assert (cleaned, reason) == (EXPECTED, None)
    news = Pipeline.from_preset("news")
    document = news(ARTICLE)  # the preset reads the first line as the title
    assert document.text == EXPECTED.split("\n\n", 1)[1]
    assert news(document.text).text == document.text
    assert [(r.line_number, r.rule_id, r.removed) for r in removals] == [
        (3, "en.scroll-for-video", "Scroll down for video . "),
        (4, "en.scroll-for-video", "Scroll down for video. "),
        (6, "en.advertisement", "Advertisement"),
        (9, "en.scroll-for-video", " SCROLL DOWN FOR VIDEOS"),
        (12, "en.scroll-for-video", "Scroll down for video"),
    ]
