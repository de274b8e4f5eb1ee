"""remove_noise_lines: short spans of lines between noise lines outside the prose (a "Related
posts" block, a footer's column of links) and their must-not-change neighbours."""

from __future__ import annotations

import pytest

from textfix.boilerplate.noise import classify_lines, remove_noise_lines

TITLE = "Best Hiking Boots for Beginners in 2023"
INTRO = (
    "Choosing the right hiking boots can make or break your first trip on the trail. In this "
    "guide we look at what matters most: fit, support and waterproofing."
)
LAST = (
    "Fit comes first. A boot that pinches in the shop will hurt after ten miles, so try boots "
    "on in the afternoon."
)
SHARE = ["Share this:", "Facebook", "Twitter", "Pinterest", "Related Posts"]
RELATED = ["10 Essential Items for Your Day Pack", "How to Choose a Tent"]
FOOTER = [
    "Categories: Gear, Hiking",
    "Tags: boots, beginners, gear",
    "© 2023 Trail Tips Blog. All rights reserved.",
]

COMMENTS = [
    "10 April, 2009 at 18:55",
    "Tobias",
    "Great guide, I just bought my first pair of boots 😛",
    "12 April, 2009 at 10:36",
    "nilsn",
    "Trying them on in the afternoon is a good tip 😉",
    "13 April, 2009 at 10:36",
]
CALL = "For more information about our guided walks, please get in touch with us at any time:"
ADDRESS = ["Trail Tips Guided Walks", "Jane Doe", "12 High Street . Kendal LA9 4DL"]
SPAN = ["Waterproof Boots for Wet Trails", "Lightweight Boots for Summer Hikes"]


def test_related_posts_between_share_links_and_tags_go() -> None:
    lines = ["Skip to content", TITLE, INTRO, LAST, *SHARE, *RELATED, *FOOTER]
    rules = classify_lines(lines)
    assert rules[9:11] == ["noise.between", "noise.between"]
    assert remove_noise_lines("\n".join(lines)) == "\n".join([TITLE, INTRO, LAST])


@pytest.mark.parametrize(
    "span",
    [
        ["Wanderschuhe im Test", "Zelte für Anfänger", "Rucksäcke bis 30 Liter"],
        ["Les meilleurs sacs à dos", "Comment choisir une tente"],
        ["Vandringskängor för nybörjare", "Så väljer du tält"],
    ],
)
def test_spans_of_two_or_three_titles_after_the_text_go(span: list[str]) -> None:
    lines = [INTRO, LAST, "Related Posts", *span, *FOOTER]
    assert remove_noise_lines("\n".join(lines)) == "\n".join([INTRO, LAST])


def test_a_span_of_four_to_ten_titles_goes() -> None:
    # On the tuning pages lines of such spans (4 to 10) were noise 149 times in 149.
    span = [*RELATED, "Five Easy Day Hikes Near Denver", "What to Pack for Rain"] * 2
    lines = [INTRO, LAST, "Related Posts", *span, *FOOTER]
    assert remove_noise_lines("\n".join(lines)) == "\n".join([INTRO, LAST])


def test_a_span_of_eleven_titles_stays() -> None:
    # Longer spans are left as a text's own list: the cap keeps a removal small.
    span = [f"{title} {n}" for n, title in enumerate(["Five Easy Day Hikes Near Denver"] * 11)]
    lines = [INTRO, LAST, "Related Posts", *span, *FOOTER]
    assert remove_noise_lines("\n".join(lines)) == "\n".join([INTRO, LAST, *span])


@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # A short list of the text's own, between noise lines inside the prose.
        (
            [INTRO, "Tags: boots, gear", "Leather uppers", "Vibram soles", "||", LAST],
            [INTRO, "Leather uppers", "Vibram soles", LAST],
        ),
        # A subheading right above the last paragraph.
        (
            [INTRO, "© 2023 Trail Tips Blog", "Waterproofing", "Fit and Sizing", LAST],
            [INTRO, "Waterproofing", "Fit and Sizing", LAST],
        ),
        # Lines between a noise line and the prose: a title and a subtitle.
        (
            ["Skip to content", "Related Posts", TITLE, "A Guide for the Trail", INTRO, LAST],
            [TITLE, "A Guide for the Trail", INTRO, LAST],
        ),
        ([INTRO, LAST, *RELATED, *FOOTER], [INTRO, LAST, *RELATED]),
        # Comments between their dates (a date alone bounds no span), and lines beside a line
        # without words, which says nothing of its neighbours.
        # An address block at the end of a contact page, right after the text (on the tuning
        # pages such lines outside the prose were clean 6 times in 14 in German).
        ([INTRO, CALL, *ADDRESS, "Email: info@trailtips.co.uk"], [INTRO, CALL, *ADDRESS]),
        ([INTRO, LAST, *COMMENTS], [INTRO, LAST, *COMMENTS]),
        ([INTRO, LAST, "* * *", *SPAN, "* * *"], [INTRO, LAST, *SPAN]),
    ],
)  # fmt: skip
def test_must_not_change_neighbours_of_spans(lines: list[str], kept: list[str]) -> None:
    assert remove_noise_lines("\n".join(lines)) == "\n".join(kept)
