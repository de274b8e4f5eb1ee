"""News boilerplate on hard-wrapped text and the story trailers: the continuation rule, the
trailer rules with their must-not-change neighbours, and the Reuters sample."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SHARED
from textfix import Pipeline
from textfix.boilerplate.continuation import continues_sentence
from textfix.boilerplate.remove import find_boilerplate

LEAD = (
    "The talks in Geneva failed after six long hours on Friday, officials said.\n\n"
    "Both delegations said they would meet again in Vienna next month.\n\n"
    "A spokesman for the ministry said no date had been set for the next round.\n\n"
)

TRAILERS = [
    ("Updated at 22.28 BST", "en.updated-at"),
    ("Updated at 9.05am GMT", "en.updated-at"),
    (
        "The Guardian Morning Briefing is delivered to thousands of inboxes bright and early "
        "every weekday.",
        "en.newsletter-promo",
    ),
    ("For more news: www.theguardian.com", "en.more-news-link"),
    ("This story is developing and will be updated.", "en.developing-notice"),
    ("More details to follow.", "en.developing-notice"),
    ("Scroll down for video", "en.scroll-for-video"),
    ("Smoke rises over the plant on Saturday. Photograph: Roscosmos", "en.photo-credit-bare"),
    ("Reuter", "en.reuter-signoff"),
]

NEIGHBOURS = [
    "Updated figures show that inflation rose to 5.4% in December, the highest in 30 years.",
    "Scroll down the list of candidates and you will find no one from the north.",
    "More details of the plan are expected to follow next week, the minister said.",
    "For more news on the war, the agency said, readers should check its live page.",
    "The story is developing quickly, and officials said they would update the public.",
    "She posted a photograph: the bridge, the river and the burnt-out tanks beside it.",
]


@pytest.mark.parametrize(("line", "rule"), TRAILERS, ids=[row[1] for row in TRAILERS])
def test_trailer_is_removed_by_its_rule(line: str, rule: str) -> None:
    cleaned, removals, reason = find_boilerplate(LEAD + line)
    assert reason is None
    assert [r.rule_id for r in removals] == [rule]
    assert cleaned == LEAD.rstrip("\n")


@pytest.mark.parametrize("line", NEIGHBOURS)
def test_trailer_neighbour_stays(line: str) -> None:
    assert find_boilerplate(LEAD + line)[1] == []


@pytest.mark.parametrize(
    ("above", "line"),
    [
        ("tender offer of 30 dlrs in cash for each Liebert", "share."),
        ("the bank will not change its policy, a bank official told", "Reuters."),
        ("the company said it would sell its plants in", "Europe."),
        ("the offer was made to holders of the stock and", "more"),
    ],
)
def test_wrapped_last_word_is_not_boilerplate(above: str, line: str) -> None:
    assert continues_sentence(above, line)
    text = f"{LEAD}{above}\n{line}"
    assert find_boilerplate(text)[1] == []


@pytest.mark.parametrize(
    ("above", "line"),
    [
        ("Oil prices rose again on Monday, dealers said.", "Share"),
        ("By Jane Smith", "Advertisement."),
        ("Officials said the talks would resume in May.", "More"),
    ],
)
def test_line_after_a_finished_sentence_is_not_a_continuation(above: str, line: str) -> None:
    assert not continues_sentence(above, line)


REUTERS = SHARED / "corpora" / "reuters21578_sample"
_BODY_RE = re.compile(r"<BODY>(.*?)</BODY>", re.S)
# What the news preset may remove from a Reuters story: the sign-off, the agency name, and the
# wire's "More" marker (the story continues in the next take).
_REUTERS_TRAILERS = {"reuter", "reuters", "more"}


@pytest.mark.skipif(not REUTERS.exists(), reason="needs ../shared/corpora/reuters21578_sample")
def test_reuters_sample_loses_no_content_line_and_every_signoff() -> None:
    news = Pipeline.from_preset("news")
    removed: list[str] = []
    signed = 0
    for path in sorted(Path(REUTERS).glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        for body in _BODY_RE.findall(raw):
            signed += bool(re.search(r"(?im)^\s*reuter\s*$", body))
            explanation = news.explain(body)
            notes = [
                n for c in explanation.changes for n in c.notes if c.step == "remove_boilerplate"
            ]
            removed.extend(note.split(": ", 1)[1].strip("'\". ").lower() for note in notes)
            assert not re.search(r"(?im)^\s*reuter\s*$", explanation.document.text)
    assert signed > 900
    assert [line for line in removed if line not in _REUTERS_TRAILERS] == []
