"""remove_noise_lines keeps the fragments of the text that look like noise on their own: a
sentence's last mark alone on a line, the page's title on its first line, a quotation in another
language inside the text. Each with its must-not-change neighbours (the noise that still goes)
and the step's properties on prose that holds them (``test_noise_lines.py`` reads pages mixing
them with chrome to a fixed point)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textfix.boilerplate.noise import classify_lines, find_noise_lines, remove_noise_lines
from textfix.boilerplate.noise_rules import line_rule

PROSE_A = "Die Wirkung von Ozon wird an der Station seit vielen Jahren gemessen."
PROSE_B = "Mit Graskulturen lassen sich vor allem anorganische Stoffe nachweisen."
FINNISH = [
    "Koira juoksi pihalla koko päivän ja haukkui naapurin kissalle kovaa.",
    "Kissa istui aidalla ja katsoi koiraa pitkään ennen kuin hyppäsi alas.",
    "Illalla molemmat nukkuivat sohvalla vierekkäin kuin parhaat ystävät.",
    "Aamulla koira heräsi ensimmäisenä ja juoksi taas ulos pihalle leikkimään.",
]
ENGLISH = "Click here to read the full story on our partner website today."
#: A foreign line that leaves the document's language sure when it opens the page.
ENGLISH_SHORT = "Click here to read the full story today."


@pytest.mark.parametrize("line", [".", "?", "!", ",", ";", "?!", "!!!", " ? ", ";-)", ":)", ":D"])
def test_a_sentence_end_alone_on_its_line_is_no_noise(line: str) -> None:
    # The end of the sentence above, wrapped after a link or an emphasis ("…nach der Zeile",
    # "?"), or a comment's smiley: clean 8 times in 10 on the tuning pages.
    assert line_rule(line) is None


@pytest.mark.parametrize(
    "line",
    # Must not change: separators and runs of marks are still lines without words.
    ["...", "…", "-", "--", "* * *", "||", "!!!!", "? ?", "?.", ". .", ":", "=", "€", "12"],
)
def test_separators_and_marks_beside_a_sentence_end_stay_noise(line: str) -> None:
    assert line_rule(line) == "noise.no-words"


def test_a_wrapped_question_mark_inside_the_text_stays() -> None:
    text = f"{PROSE_A}\nWas müsste ich hier nach der Zeile\n?\neintragen, fragte er.\n{PROSE_B}"
    assert remove_noise_lines(text) == text
    # ... and a separator at the same place still goes.
    cleaned = remove_noise_lines(text.replace("\n?\n", "\n* * *\n"))
    assert "* * *" not in cleaned


WIKI_HEAD = ["Jalokastanja", "|Jalokastanja[1][2]|", "|Uhanalaisuusluokitus|", "|Laji||puu|"]


def test_the_first_line_of_a_page_is_its_title() -> None:
    # A wiki's page title above its infobox: on the tuning pages a page's first line named
    # only by a position rule (a link run, a line between noise) was clean 16 times in 37.
    page = [*WIKI_HEAD, *FINNISH]
    assert classify_lines(page)[:4] == [None] + ["noise.link-run"] * 3
    assert remove_noise_lines("\n".join(page)) == "\n".join(["Jalokastanja", *FINNISH])


@pytest.mark.parametrize(
    ("first", "rule"),
    [
        # Must not change: a first line named by its words goes wherever it stands ...
        ("Startseite", "noise.menu"),
        ("Home | News | Kontakt", "noise.menu-bar"),
        ("||", "noise.no-words"),
        ("© 2020 ACME", "noise.copyright"),
    ],
)
def test_a_first_line_named_by_its_words_still_goes(first: str, rule: str) -> None:
    # ... and the link run below it is no title (the last three short lines above the text
    # are its headings, as before).
    head = [first, "Kiel", "Bonn", "Ulm", "Hof", "Jena"]
    assert classify_lines([*head, *FINNISH])[:3] == [rule, "noise.link-run", "noise.link-run"]


def test_a_title_after_leading_blank_lines_is_the_first_line() -> None:
    page = ["", "  ", *WIKI_HEAD, *FINNISH]
    assert classify_lines(page)[:6] == [None, None, None] + ["noise.link-run"] * 3


def test_a_line_in_another_language_inside_the_text_stays() -> None:
    # A quotation, an example or a translation between lines of the text: on the tuning pages
    # such lines were noise 30 times in 40, against 19 in 20 before or after the text.
    for line in (ENGLISH, ENGLISH_SHORT):
        text = "\n".join([*FINNISH[:2], line, *FINNISH[2:]])
        assert remove_noise_lines(text) == text
    # Must not change: a line of the site's chrome in another language goes there too.
    cookies = "We use cookies on this website to improve it."
    text = "\n".join([*FINNISH[:2], cookies, *FINNISH[2:]])
    assert remove_noise_lines(text) == "\n".join(FINNISH)


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_line_in_another_language_outside_the_text_goes(where: str) -> None:
    # Must not change: before the first or after the last line of prose it goes.
    lines = [ENGLISH_SHORT, *FINNISH] if where == "before" else [*FINNISH, ENGLISH]
    cleaned, removals = find_noise_lines("\n".join(lines))
    assert cleaned == "\n".join(FINNISH)
    assert [r.rule_id for r in removals] == ["noise.language"]


@given(st.lists(st.sampled_from([*FINNISH, "?", "!", ";-)"]), min_size=1, max_size=12))
def test_prose_with_sentence_ends_is_left_alone(lines: list[str]) -> None:
    page = "\n".join(lines)
    assert remove_noise_lines(page) == page
