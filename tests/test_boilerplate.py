"""remove_boilerplate: rules, positions, guard, options, and its properties."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from textfix import Pipeline
from textfix.boilerplate.remove import (
    explain_boilerplate,
    find_boilerplate,
    remove_boilerplate,
)
from textfix.boilerplate.rules import (
    curated_rule_files,
    curated_rules,
    fold_line,
    load_ruleset,
    parse_rules,
)
from textfix.errors import ConfigError

PROSE = "The talks in Geneva ended without agreement after six long hours on Friday."
PROSE2 = "Officials from both sides said they would meet again next week in Vienna."


def test_rule_ids_are_unique_and_every_language_is_covered() -> None:
    rules = curated_rules()
    assert len({rule.id for rule in rules}) == len(rules)
    assert {"en", "de", "fr", "es", "pt", "it", "nl", "ru", "uk"} <= {r.lang for r in rules}
    assert all(rule.comment for rule in rules)


@pytest.mark.parametrize(
    ("line", "rule_id"),
    [
        ("There will be more to come…", "en.more-to-come"),
        ("Advertisement", "en.advertisement"),
        ("Facebook Twitter WhatsApp Email", "en.share-row"),
        ("Reporting by Jane Doe; Editing by John Roe", "en.reporting-by"),
        ("© 2022 The Associated Press. All rights reserved.", "en.copyright"),
        ("This article was originally published on The Conversation.", "en.syndication"),
        ("We use cookies to improve your experience.", "en.cookies"),
        ("Loading…", "en.loading"),
        ("Comments", "en.comments"),
        ("Watch the video above", "en.caption-control"),
        ("Lesen Sie auch: Was das Embargo bedeutet", "de.read-more"),
        ("Читайте також: Як подати заявку", "uk.read-more"),
    ],
)
def test_curated_rule_matches(line: str, rule_id: str) -> None:
    rule = load_ruleset().match(fold_line(line))
    assert rule is not None and rule.id == rule_id


@pytest.mark.parametrize(
    "line",
    [
        '"There will be more to come," the minister warned.',
        "Read more about the bridge in our guide, which traces its history to 1890.",
        "Advertisement spending fell sharply in the first quarter, a survey found.",
        "By Jane Smith",
        "Published: Feb. 12, 2022",
        "KYIV, Ukraine (AP) — Russian forces shelled the outskirts of the capital.",
        "What happens next?",
        "Copyright law has not kept pace with the internet, a report said.",
        "The minister posted a photo: ambulances waiting outside the hospital.",
    ],
)
def test_content_lines_stay_between_prose(line: str) -> None:
    text = f"{PROSE}\n\n{line}\n\n{PROSE2}"
    assert remove_boilerplate(text) == text


def test_header_lines_are_never_removed_even_by_a_user_rule(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nid = "x.byline"\npattern = "by .*"\n', encoding="utf-8")
    text = f"By Jane Smith\n\n{PROSE}\n\n{PROSE2}"
    assert remove_boilerplate(text, rules=str(rules)) == text


def test_edge_rule_counts_only_outside_prose_or_beside_boilerplate() -> None:
    assert remove_boilerplate(f"{PROSE}\n\nShare\n\n{PROSE2}") == f"{PROSE}\n\nShare\n\n{PROSE2}"
    assert remove_boilerplate(f"Share\n\n{PROSE}\n\n{PROSE2}") == f"{PROSE}\n\n{PROSE2}"
    assert remove_boilerplate(f"{PROSE}\nShare\nEmail\n{PROSE2}") == f"{PROSE}\n{PROSE2}"


def test_heading_takes_its_headline_list_but_not_following_prose() -> None:
    text = f"{PROSE}\n\nMost read\nOil rises\nMarkets fall\n\n{PROSE2}"
    cleaned, removals, _ = find_boilerplate(text)
    assert cleaned == f"{PROSE}\n\n{PROSE2}"
    assert [r.rule_id for r in removals] == ["en.most-read", *["en.most-read+list"] * 2]


def test_single_subheading_after_a_heading_stays() -> None:
    text = f"{PROSE}\n\nRelated\n\nWhat happens next?\n\n{PROSE2}"
    assert remove_boilerplate(text) == f"{PROSE}\n\nWhat happens next?\n\n{PROSE2}"


def test_guard_keeps_document_and_explains() -> None:
    text = f"Advertisement\n\nShare this article\n\nLoading comments\n\n{PROSE}"
    cleaned, notes = explain_boilerplate(text)
    assert cleaned == text
    assert notes[0].startswith("kept whole: removal would delete 6 of 19 words")
    assert notes[1] == "would remove by en.advertisement: 'Advertisement'"
    assert remove_boilerplate(text, max_removed_share=0.5) == PROSE


def test_skip_rule_disables_one_rule() -> None:
    text = f"{PROSE}\n\n{PROSE2}\n\nAdvertisement"
    assert remove_boilerplate(text, skip_rules="en.advertisement") == text
    assert remove_boilerplate(text, skip_rules=("en.advertisement",)) == text


def test_user_rules_from_a_bare_str_path(tmp_path: Path) -> None:
    rules = tmp_path / "mine.toml"
    rules.write_text('[[rule]]\nid = "x.promo"\npattern = "buy our mugs"\n', encoding="utf-8")
    text = f"{PROSE}\n\n{PROSE2}\n\nBuy our mugs!"
    assert remove_boilerplate(text, rules=str(rules)) == f"{PROSE}\n\n{PROSE2}"
    pipeline = Pipeline.from_preset("news", rules=str(rules))
    assert pipeline.config.option_dict["rules"] == (str(rules),)
    assert pipeline(text).text == f"{PROSE}\n\n{PROSE2}"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read boilerplate rules"),
        ("[[rule]\n", "not a valid TOML rule file"),
        ('[[rule]]\nid = "x"\npattern = "(a"\n', "bad pattern"),
        ('[[rule]]\npattern = "a"\n', "has no 'id'"),
        ('[[rule]]\nid = "x"\npattern = "a"\nwhere = "top"\n', "where='top'"),
        ('[[rule]]\nid = "x"\npattern = "(?P<n>a)"\n', "named groups"),
        ('[[rule]]\nid = "en.advertisement"\npattern = "a"\n', "defined twice"),
    ],
)
def test_bad_rule_files_fail_when_the_pipeline_is_built(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "rules.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        Pipeline.from_preset("news", rules=str(path))


def test_bad_option_values_fail_when_the_pipeline_is_built() -> None:
    with pytest.raises(ConfigError, match="unknown boilerplate rule id"):
        Pipeline.from_preset("news", skip_rules=["en.advertisment"])
    with pytest.raises(ConfigError, match="max_removed_share"):
        Pipeline.from_preset("news", max_removed_share=2)
    with pytest.raises(ConfigError, match="list of strings"):
        Pipeline.from_preset("news", rules=3)


def test_ruleset_skips_lines_longer_than_any_rule() -> None:
    ruleset = load_ruleset()
    assert ruleset.match("advertisement " * 100) is None


# --- properties ------------------------------------------------------------------------------

BOILERPLATE_LINES = [
    "Advertisement",
    "Share this article",
    "Share",
    "Facebook",
    "Most read",
    "Related",
    "Read more: Oil rises",
    "There will be more to come…",
    "© 2022 The Associated Press. All rights reserved.",
    "Reporting by Jane Doe; Editing by John Roe",
    "Comments (3)",
    "Loading…",
    "By Jane Smith",
    "Published: Feb. 12, 2022",
    "date 2022-02-12 Talks fail in Geneva.",
    "What happens next?",
    "Putin meets Macron",
]
WORDS = tuple(
    [
        "the",
        "talks",
        "in",
        "geneva",
        "ended",
        "without",
        "any",
        "agreement",
        "after",
        "six",
        "hours",
        "on",
        "friday",
    ]
)
sentence = st.lists(st.sampled_from(WORDS), min_size=8, max_size=20).map(
    lambda words: " ".join(words).capitalize() + "."
)
line = st.one_of(sentence, st.sampled_from(BOILERPLATE_LINES), st.just(""))
document = st.lists(line, min_size=1, max_size=14).map("\n".join)


def is_subsequence(small: list[str], big: list[str]) -> bool:
    items = iter(big)
    return all(any(x == y for y in items) for x in small)


@given(text=document)
def test_output_lines_are_a_subsequence_of_input_lines(text: str) -> None:
    assert is_subsequence(remove_boilerplate(text).split("\n"), text.split("\n"))


@given(text=document)
def test_remove_boilerplate_is_idempotent(text: str) -> None:
    once = remove_boilerplate(text)
    assert remove_boilerplate(once) == once


# Fences, separators that look like fences, and indented lines that rules match: removing any
# of them changes whether the lines beside it are code, so removal must settle in one run.
CODE_LINES = ["~~~", "```", "```python", "=~~", "~~~~~~", "* * *", "___", "Share", "more"]
CODE_LINES += ["    more", "  Share", "    x = 1", "\tmore", "a i", '"', "Related"]
code_document = st.lists(
    st.one_of(sentence, st.sampled_from(CODE_LINES), st.just("")), min_size=1, max_size=12
).map("\n".join)


@example(text='~~~\n=~~\na i\n"')  # a second run removed "=~~" once "~~~" had gone
@example(text="```\nmore\n```\n\n* * *\n\n~~~\nShare")
@given(text=code_document)
def test_remove_boilerplate_settles_around_fences_and_code(text: str) -> None:
    once = remove_boilerplate(text)
    assert remove_boilerplate(once) == once


def test_a_fence_line_is_code_even_where_it_reads_as_a_separator() -> None:
    # "~~~" opens a block left open to the end: it and the lines under it are code.
    text = "~~~\n=~~\nShare\n\nThe mayor said the budget would pass after a long debate."
    assert remove_boilerplate(text) == text
    # Neighbours that must still go: separators that are no fence, above and below prose.
    prose = "The mayor said the budget would pass this week after a long debate in the council."
    assert remove_boilerplate(f"* * *\n\n{prose}\n\n=~~\n___") == prose


# At most one scraper header line, at the top: a repeated "date …" line is extract_header's
# business (it takes one per pass), not this step's.
body_line = st.one_of(
    sentence,
    st.sampled_from([b for b in BOILERPLATE_LINES if not b.startswith("date")]),
    st.just(""),
)
news_document = st.tuples(
    st.sampled_from(["", "date 2022-02-12 Talks fail in Geneva.\n"]),
    st.lists(body_line, min_size=1, max_size=14).map("\n".join),
).map("".join)


@given(text=news_document)
def test_news_preset_is_idempotent_on_boilerplate_mixes(text: str) -> None:
    pipeline = Pipeline.from_preset("news")
    once = pipeline(text).text
    assert pipeline(once).text == once


@given(paragraphs=st.lists(sentence, min_size=1, max_size=8))
def test_content_only_prose_is_unchanged(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    assert remove_boilerplate(text) == text


@given(text=st.lists(line, min_size=1, max_size=14).map("\n\n".join))
def test_output_stays_whitespace_normal(text: str) -> None:
    from textfix.normalisers.whitespace import normalise_whitespace

    normal = normalise_whitespace(text)
    assert normalise_whitespace(remove_boilerplate(normal)) == remove_boilerplate(normal)


def test_curated_rule_files_pass_the_pattern_checks() -> None:
    # curated_rules() skips compiling each pattern to check it; the files must pass anyway.
    data = resources.files("textfix.data")
    checked = tuple(
        rule
        for name in curated_rule_files()
        for rule in parse_rules(data.joinpath(name).read_bytes(), name, check_patterns=True)
    )
    assert checked == curated_rules()
