"""Titles: which first line of an article can be its title, and what body prose looks like.

Two kinds of title are taken off the top of a text:

- a title line with a date or byline line under it (``looks_like_title``): the date or byline is
  the evidence, so the line may even end with a full stop (the New York Times' "G7 nations
  pledge $20 billion to Ukraine.");
- a lone title (``is_lone_title``): a short first line with no date or byline, taken only when a
  blank line and a paragraph of body prose (``is_body_prose``) follow it. Titles never end with
  a full stop and body prose always does, so a second pass can never take the body's first
  paragraph as another title.

Known false positives of the lone title: a short unpunctuated first paragraph ("Dear all" is
refused, "Thanks for reading" is not) followed by prose; a subheading line at the top of a text
that has lost its title. Both are rare at the top of a scraped article.
"""

from __future__ import annotations

import re

from textfix.extract.datelines import read_dateline
from textfix.extract.dates import DATE_FIELD_RE

MAX_TITLE = 200
MAX_TITLE_WORDS = 30
# A lone title has no evidence but its shape: keep it shorter than a sentence of prose.
MAX_LONE_TITLE = 100
MAX_LONE_TITLE_WORDS = 14
# Body prose after a lone title: a paragraph of at least this many words closed by a full stop.
MIN_PROSE_WORDS = 8

# Every date field has a four-digit year; a line without one is tested no further for dates.
# The "no digit before" test sits after the first two digits (it then looks back at three
# characters): a leading lookbehind runs at every position and costs three times as much.
YEAR_HINT_RE = re.compile(r"(?:1[89]|2\d)(?<!\d\d\d)\d\d(?!\d)")
# "<CINRAM LTD> 4TH QTR NET" (Reuters' company markup) and "[Video] …" open titles too.
TITLE_START_RE = re.compile(r"[\d\"'‘“«„¿¡<(\[]|[^\W\d_]")
# A line opening like a byline or a date label is a sentence when it is not one: never a title.
NOT_TITLE_START_RE = re.compile(r"(?i:by|updated|published|posted|last updated)\b")
# List items: "1. Fares", "2) Fares", "a) Fares", "(iv) Fares", "- Fares", "* Fares", "• Fares".
LIST_ITEM_RE = re.compile(r"(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]\s|\(\w{1,4}\)\s|[-*•·–—>#+]")
# Two sentences on one line ("Fares rose. Riders left"); "U.S. Senate" and "Mr. Smith" are not.
SENTENCE_BREAK_RE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
# Openers of a letter or an e-mail, not of a headline.
GREETINGS = frozenset({"dear", "hi", "hello", "hey", "greetings", "subject:", "re:", "fwd:"})
OPEN_QUOTES = "\"'‘“«„‚‹"
CLOSE_QUOTES = "\"'’”»“‘›"
# What may follow a closing full stop: quotes and brackets.
CLOSERS = CLOSE_QUOTES + ")]"
# A lone title never ends like a clause, a list lead-in or a cut-off line.
BAD_LONE_ENDINGS = (".", "…", ":", ";", ",", "-", "–", "—", "/", "(", "&", "+")


# YEAR_HINT_RE cut in two at its choice of first digit: a regex opening with one character is
# searched for that character first, at less than half the cost of YEAR_HINT_RE's search.
_YEAR_1_RE = re.compile(r"1[89](?<!\d\d\d)\d\d(?!\d)")
_YEAR_2_RE = re.compile(r"2\d(?<!\d\d\d)\d\d(?!\d)")


def has_year_hint(line: str) -> bool:
    """``YEAR_HINT_RE.search(line) is not None``, sooner.

    A year opens with an ASCII "1" or "2": a line without either (most lines of prose) costs two
    substring tests, a fifteenth of the regex search; the others are searched for each half of
    YEAR_HINT_RE (a match of YEAR_HINT_RE is a match of one half, at the same place).

    >>> has_year_hint("Talks failed in 2022"), has_year_hint("Talks failed"), has_year_hint("12345")
    (True, False, False)
    """
    return ("1" in line and _YEAR_1_RE.search(line) is not None) or (
        "2" in line and _YEAR_2_RE.search(line) is not None
    )


def looks_like_title(line: str) -> bool:
    """A short line that starts like a heading and does not end like a clause.

    >>> looks_like_title("Can Ukrainian forces recapture Kherson from Russia?")
    True
    >>> looks_like_title("By the river"), looks_like_title("- item")
    (False, False)
    """
    return (
        len(line) <= MAX_TITLE
        and TITLE_START_RE.match(line) is not None
        and NOT_TITLE_START_RE.match(line) is None
        # A date that was not taken (out of bounds, ambiguous, impossible) is no title either.
        and (YEAR_HINT_RE.search(line) is None or DATE_FIELD_RE.fullmatch(line) is None)
        and not line.endswith((",", ";", ":", "…"))
        and len(line.split()) <= MAX_TITLE_WORDS
    )


def is_lone_title(line: str) -> bool:
    """A first line that is a title by its shape alone: short, several words, no sentence.

    >>> is_lone_title("Ferry fares set to double"), is_lone_title("Can the ferry survive?")
    (True, True)
    >>> is_lone_title("Fares rise."), is_lone_title("1. Fares rise"), is_lone_title("Fares")
    (False, False, False)
    >>> is_lone_title("“We will not surrender”"), is_lone_title("The reasons are:")
    (False, False)
    """
    return (
        lone_title_shape(line)
        and looks_like_title(line)
        and not read_dateline(line)  # "LONDON (Reuters) - Shares fell" opens a story
    )


def lone_title_shape(line: str) -> bool:
    """``is_lone_title`` but for its ``looks_like_title`` and dateline tests.

    ``extract_header`` tests a line already taken as a title with this alone (and the dateline
    test when it is needed).

    >>> lone_title_shape("Ferry fares set to double"), lone_title_shape("Fares rise.")
    (True, False)
    """
    # "Mr. Putin's response: “Good.”" ends a sentence inside its closing quote.
    if len(line) > MAX_LONE_TITLE or line.rstrip(CLOSERS).endswith(BAD_LONE_ENDINGS):
        return False
    words = line.split()
    if not 2 <= len(words) <= MAX_LONE_TITLE_WORDS or words[0].lower() in GREETINGS:
        return False
    opening = line.lstrip(OPEN_QUOTES + "([<")[:1]
    if not opening or opening.islower() or LIST_ITEM_RE.match(line) is not None:
        return False
    # A quotation alone ("'We will not surrender'") is a pull quote, not a headline.
    if line[0] in OPEN_QUOTES and line.rstrip("?!")[-1:] in CLOSE_QUOTES:
        return False
    if line.count("|") > 1 or "://" in line or "www." in line or "@" in line:
        return False  # a navigation trail, a link or an address
    return SENTENCE_BREAK_RE.search(line) is None


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation, before any closing quotes/brackets.

    >>> ends_sentence("It failed."), ends_sentence("He said: “No.”"), ends_sentence("By Law")
    (True, True, False)
    """
    return text.rstrip().rstrip(CLOSERS).endswith((".", "!", "?", "…"))


def is_body_prose(paragraph: str) -> bool:
    """A paragraph of body prose: at least ``MIN_PROSE_WORDS`` words, closed by a full stop.

    Only a full stop counts (titles may end with "?" or "!", never with a full stop).

    >>> is_body_prose("The council confirmed the decision at a meeting on Thursday.")
    True
    >>> is_body_prose("Ferry fares set to double"), is_body_prose("It failed.")
    (False, False)
    """
    stripped = paragraph.rstrip().rstrip(CLOSERS)
    return stripped.endswith(".") and len(paragraph.split(None, MIN_PROSE_WORDS)) >= MIN_PROSE_WORDS
