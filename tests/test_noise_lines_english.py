"""remove_noise_lines on English site chrome: share buttons, forum post controls, help-centre
prompts and the notices of recipe blogs, wikis and news portals, with their must-not-change
neighbours (sentences that open with the same words, the same words inside prose)."""

from __future__ import annotations

import pytest

import textfix
from tests.boilerplate_goldens import Golden, load_goldens
from tests.conftest import FIXTURES
from textfix.boilerplate.noise import find_noise_lines, remove_noise_lines
from textfix.boilerplate.noise_rules import line_rule

ENGLISH_NOISE = [
    ("Pinterest", "noise.menu"),
    ("Reddit", "noise.menu"),
    ("LinkedIn", "noise.menu"),
    ("Quote", "noise.menu"),
    ("Prev", "noise.menu"),
    ("Toggle navigation", "noise.menu"),
    ("Apply now", "noise.menu"),
    ("Add to Calendar", "noise.menu"),
    ("Was this article helpful?", "noise.action-link"),
    ("Was this page helpful?", "noise.action-link"),
    ("Still need help?", "noise.action-link"),
    ("You must log in or register to reply here.", "noise.site-phrase"),
    ("This post may contain affiliate links. Please read our disclosure.", "noise.site-phrase"),
    ("Story continues below advertisement", "noise.site-phrase"),
    ("Jump to Recipe", "noise.site-phrase"),
    ("Like Loading...", "noise.site-phrase"),
    ("Blog at WordPress.com.", "noise.site-phrase"),
    ("From Wikipedia, the free encyclopedia", "noise.site-phrase"),
    ("Subscribe to our newsletter", "noise.site-phrase"),
    ("Forum software by XenForo® © 2010-2021 XenForo Ltd.", "noise.site-phrase"),
    ("Press contact: Jane Doe, +1 303 555 0175", "noise.contact"),
    # Cookie banner buttons, in English and the languages of the tuning pages.
    ("Accept All Cookies", "noise.action-link"),
    ("Reject All", "noise.action-link"),
    ("Cookie Settings", "noise.action-link"),
    ("Cookie-Einstellungen", "noise.action-link"),
    ("Tout accepter", "noise.action-link"),
    ("Rechazar todas", "noise.action-link"),
    ("Hyväksy kaikki", "noise.action-link"),
    ("Acceptera alla", "noise.action-link"),
    ("We value your privacy", "noise.action-link"),
    ("We and our partners store and/or access information on a device", "noise.site-phrase"),
    ("Manage preferences", "noise.action-link"),
    ("Print Recipe", "noise.action-link"),
    ("Ask a question", "noise.action-link"),
    ("Help Centre", "noise.menu"),
    ("Oldest first", "noise.menu"),
    ("Free shipping on orders over $50", "noise.site-phrase"),
    ("Wikipedia® is a registered trademark of the Wikimedia Foundation, Inc.", "noise.site-phrase"),
    ("Find more articles about cats", "noise.link"),
    ("Customer Service", "noise.menu"),
    ("Last updated", "noise.menu"),
    ("Email to a friend", "noise.action-link"),
    ("Already a member?", "noise.form"),
    # A forum's statistics block (phpBB's wording).
    ("Who is online", "noise.menu"),
    ("Users browsing this forum: No registered users and 3 guests", "noise.site-phrase"),
    ("Mitglieder in diesem Forum: Keine Mitglieder und 1 Gast", "noise.site-phrase"),
    ("Most users ever online was 25 on Sun Jan 1, 2023", "noise.site-phrase"),
]

# Sentences that share the words of a rule above: none is noise by its text.
ENGLISH_NEIGHBOURS = [
    "Was this article helpful to readers? The editors thought so.",
    "Still need help with the form, he asked the clerk again.",
    "From Wikipedia's early days, editors argued about notability.",
    "Story continues after the break, she said.",
    "This post may contain spoilers for the finale.",
    "Forum software is often written in PHP and run on cheap hosting.",
    "The prev pointer is updated before the node is freed.",
    "Quote the reference number when you call the office.",
    "Apply now and then a thin coat of wax to keep the wood from drying.",
    "We shared the video on Facebook and Pinterest last week.",
    "Accept all the changes before you merge the branch.",
    "Reject all claims of the defendant, the judge said.",
    "Cookie settings differ between browsers, so check yours first.",
    "Media contact was limited during the trial, the court said.",
    "Hyväksy kaikki muutokset ennen kuin tallennat tiedoston.",
    "We value your privacy more than our profits, the chief executive said.",
    "We and our partners raised the money in less than a month.",
    "Ask a question of the witness and then wait for the answer.",
    "Help centre staff were praised in the inspectors' report.",
    "Free shipping made the difference for small sellers, the survey found.",
    "Wikipedia is a free encyclopedia written by volunteers.",
    "Print recipes on card so they survive the kitchen.",
    "Customer service was slow, but the refund arrived in the end.",
    "Already a member of the club, she joined the board in 2019.",
    "Users browsing this forum often ask about cheap seed.",
    "Mitglieder in diesem Forum sind oft Rentner.",
    "Who is online tonight matters less than who reads tomorrow.",
]


@pytest.mark.parametrize(("line", "rule"), ENGLISH_NOISE, ids=[row[0] for row in ENGLISH_NOISE])
def test_english_chrome_line_is_named(line: str, rule: str) -> None:
    assert line_rule(line) == rule


@pytest.mark.parametrize("line", ENGLISH_NEIGHBOURS)
def test_english_neighbour_is_not_noise(line: str) -> None:
    assert line_rule(line) is None


PROSE = [
    "My 2009 Civic would not start, although the relay clicked every time I turned the key.",
    "I replaced the relay and checked the fuse, and both of them looked perfectly fine to me.",
]


def test_forum_post_controls_go_around_the_posts() -> None:
    chrome = ["Quote", "Reply", "Like", "You must log in or register to reply here."]
    footer = ["Share:", "Facebook", "Pinterest"]
    page = "\n".join(
        ["Home", "Forums", "Log in", "Fuel pump relay clicking", *PROSE, *chrome, *footer]
    )
    cleaned, removals = find_noise_lines(page)
    # The line right above the text is its title and stays.
    assert cleaned == "\n".join(["Fuel pump relay clicking", *PROSE])
    assert "noise.site-phrase" in {removal.rule_id for removal in removals}


def test_menu_word_inside_prose_stays() -> None:
    """A weak word ("Quote", "Gallery") between two paragraphs is a heading of the text."""
    page = "\n".join([PROSE[0], "Quote", PROSE[1], "Gallery", PROSE[0]])
    assert remove_noise_lines(page) == page


def test_cookie_banner_goes_even_inside_the_text() -> None:
    """A banner the extractor left between two paragraphs: its buttons are named by their
    words, so they go wherever they stand."""
    banner = ["We use cookies to improve your experience.", "Accept All Cookies", "Reject All"]
    page = "\n".join([PROSE[0], *banner, PROSE[1]])
    assert remove_noise_lines(page) == "\n".join(PROSE)


def test_help_prompt_goes_inside_the_text_and_is_idempotent() -> None:
    """A help-centre prompt is noise wherever it stands (a strong rule), and a second run
    changes nothing."""
    page = "\n".join([PROSE[0], "Was this article helpful?", PROSE[1]])
    cleaned = remove_noise_lines(page)
    assert cleaned == "\n".join(PROSE)
    assert remove_noise_lines(cleaned) == cleaned


def test_title_below_a_breadcrumb_trail_stays() -> None:
    """A shop lays out its product's title right below the breadcrumb trail, between chrome
    lines: no position rule removes it."""
    page = "\n".join(
        [
            "Home › Garden › Watering",
            "Expanding garden hose, 30 m",
            "£24.99",
            "In stock",
            "Add to basket",
            "Add to wishlist",
            *PROSE,
        ]
    )
    assert remove_noise_lines(page) == "\n".join(["Expanding garden hose, 30 m", *PROSE])


@pytest.mark.parametrize("below", ["Add to basket", "Contact us"])
def test_chrome_below_a_breadcrumb_trail_still_goes(below: str) -> None:
    # Must-not-change neighbours: a line named by its words (strong or weak) is no title.
    page = "\n".join(["Home › Garden › Watering", below, "£24.99", *PROSE])
    assert remove_noise_lines(page) == "\n".join(PROSE)


ENGLISH_PAGES = load_goldens(FIXTURES / "noise")


@pytest.mark.parametrize("golden", ENGLISH_PAGES, ids=[golden.label for golden in ENGLISH_PAGES])
def test_web_preset_keeps_every_prose_line_of_an_english_page(golden: Golden) -> None:
    """Through the whole ``web`` preset, every content line of the hand-written English pages
    (short ones inside the text too: "Yes.", "Day one.", a poem's lines) comes back unchanged,
    and a second run changes nothing."""
    cleaned = textfix.clean(golden.text, preset="web")
    kept = set(cleaned.split("\n"))
    content = [
        line for line, mark in zip(golden.lines, golden.boilerplate, strict=True) if mark is False
    ]
    assert [line for line in content if line not in kept] == []
    assert textfix.clean(cleaned, preset="web") == cleaned
