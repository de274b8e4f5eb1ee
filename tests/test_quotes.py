"""Golden quote cases in every style (``fixtures/quotes/*.json``), explanations, real headlines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, SHARED
from textfix import Pipeline
from textfix.normalisers.quotes import QUOTE_STYLES, explain_quotes, repair_quotes
from textfix.registry import get_step, resolve

QUOTE_FIXTURES = sorted((FIXTURES / "quotes").glob("*.json"))
HEADLINES = SHARED / "corpora" / "fwd_news_headlines_2021_2022" / "headlines.json"


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def quote_cases() -> list[Any]:
    return [
        pytest.param(
            case["input"], style, case[style], id=f"{data['category']}:{case['label']}:{style}"
        )
        for data in map(load, QUOTE_FIXTURES)
        for case in data["cases"]
        for style in QUOTE_STYLES
    ]


@pytest.mark.parametrize(("text", "style", "expected"), quote_cases())
def test_quote_case(text: str, style: str, expected: str) -> None:
    assert repair_quotes(text, quote_style=style) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "style", "expected"), quote_cases())
def test_quote_case_is_stable(text: str, style: str, expected: str) -> None:
    assert repair_quotes(expected, quote_style=style) == expected  # type: ignore[arg-type]


def test_fixtures_have_enough_cases() -> None:
    files = {path.stem: load(path)["cases"] for path in QUOTE_FIXTURES}
    assert sum(map(len, files.values())) >= 200
    must_not_change = [
        case for cases in files.values() for case in cases if case["keep"] == case["input"]
    ]
    assert len(must_not_change) >= 50
    assert len(files["must_not_change"]) >= 50


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("Russia is’set to invade Ukraine in DAYS’", "stray opener"),
        ("”A game changer” for the city, the mayor said.", "wrong direction"),
        ("“ Go home ”", "padding"),
        ("“Who paid?”asked the auditor.", "glued closer"),
        ("``word''", "latex quotes"),
        ("''word''", "doubled quotes"),
        ("don´t", "accent as apostrophe"),
        ("don`t", "backtick as apostrophe"),
        ("'She-Hulk’ returns", "mixed quotes"),
    ],
)
def test_explain_names_the_repair(text: str, note: str) -> None:
    result, notes = explain_quotes(text)
    assert result == repair_quotes(text)
    assert result != text
    assert notes and all(n.startswith(note) for n in notes), notes


def test_explain_is_silent_on_correct_text() -> None:
    assert explain_quotes("“He said ‘no’ today,” she wrote. It’s the ’90s.") == (
        "“He said ‘no’ today,” she wrote. It’s the ’90s.",
        [],
    )


def test_explain_hook_is_registered_and_used_by_the_pipeline() -> None:
    assert resolve(get_step("repair_quotes").explain) is explain_quotes
    explanation = Pipeline.from_preset("default").explain("Fans: ’We want more’")
    [change] = [c for c in explanation.changes if c.step == "repair_quotes"]
    assert change.notes == ("wrong direction at 6: '’' -> '‘'",)


def test_paragraphs_pair_separately() -> None:
    text = "He said ’no\n\nand then’ left"
    assert repair_quotes(text) == text


def test_long_line_is_handled() -> None:
    text = ("“Go” he’s ‘fine’ 6'4\" '90s ''x'' " * 20_000).strip()
    result = repair_quotes(text, quote_style="curly")
    assert result.count("“") == 40_000
    assert repair_quotes(result, quote_style="curly") == result


@pytest.mark.skipif(
    not HEADLINES.exists(),
    reason=f"{HEADLINES} is not beside this checkout; fixtures/quotes/must_not_change.json "
    "covers the same",
)
def test_real_headlines_keep_is_idempotent_and_touches_only_quotes() -> None:
    titles = [record["title"] for record in load_list(HEADLINES)]
    changed = 0
    for title in titles:
        result = repair_quotes(title)
        assert repair_quotes(result) == result
        if result != title:
            changed += 1
            assert strip_quotes(result) == strip_quotes(title), (title, result)
    # Few headlines are broken: a large count would mean correct text is being changed.
    assert 0 < changed < 100


def load_list(path: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def strip_quotes(text: str) -> str:
    """The text without quotation marks or spaces, to check that repairs touched only those."""
    return "".join(ch for ch in text if ch not in "'\"‘’‚‛“”„‟`´ ")


# A title line is repaired like body text while it is still in the text, whatever stands below
# it: a date line, a byline, an ISO timestamp or a blank line.
TITLE_LAYOUTS = [
    "{title}\nDate: 12 February 2022\n\n{body}",
    "{title}\n\n{body}",
    "{title}\nFebruary 12, 2022 | By Jane Smith\n\n{body}",
    "{title}\nBy Jane Smith\nPublished: Feb. 12, 2022, 3:04 p.m. ET\n\n{body}",
    "{title}\n2022-02-12T09:30:00Z\n\n{body}",
    "date 2022-02-12 {title}\n\n{body}",
]
TITLES = [
    ("Regulator says blackout was”avoidable”", "Regulator says blackout was “avoidable”"),
    ("Union leader: ” We will not back down ”", "Union leader: “We will not back down”"),
    ("Fans call final”unforgettable”", "Fans call final “unforgettable”"),
]


@pytest.mark.parametrize("layout", TITLE_LAYOUTS)
@pytest.mark.parametrize(("title", "repaired"), TITLES)
def test_title_line_is_repaired_like_body_text(layout: str, title: str, repaired: str) -> None:
    body = "The regulator said on Monday that the blackout “could have been avoided”."
    text = layout.format(title=title, body=body)
    assert repair_quotes(text) == layout.format(title=repaired, body=body)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They couldn’t believe it.“We just bake bread,” said Ann.",
         "They couldn’t believe it. “We just bake bread,” said Ann."),
        ("Why not?“Because the bridge is shut,” he said.",
         "Why not? “Because the bridge is shut,” he said."),
        ("Es sei vorbei.“Wir bauen neu”, sagte sie.", "Es sei vorbei. “Wir bauen neu”, sagte sie."),
    ],
)  # fmt: skip
def test_opener_glued_after_a_sentence_gets_its_space(text: str, expected: str) -> None:
    assert repair_quotes(text) == expected
    assert repair_quotes(expected) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“Stop.“He ran",  # a misdirected closer after an open quote: not an opener
        "„Ich gehe.“Dann ging er.",  # German closer glued to the next sentence
        "“Yes.”“No.”",
        "Version 3.“5” was a typo.",
        "It ended.“",
        "Er sagte: „Nein.“",
    ],
)
def test_glued_opener_neighbours_keep_their_spacing(text: str) -> None:
    assert " “" not in repair_quotes(text)
