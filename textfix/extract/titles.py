"""Titles: which first line of an article can be its title, and what body prose looks like.

Two kinds of title are taken off the top of a text:

- a title line beside a date or byline line (``looks_like_title``): the date or byline is the
  evidence, so a title with a date or byline line under it may even end with a full stop (the
  New York Times' "G7 nations pledge $20 billion to Ukraine.");
- a lone title (``is_lone_title``): a short first line of three words or more with no date or
  byline, taken only when a blank line and a paragraph of body prose (``is_body_prose``) follow
  it. A lone title never ends with a full stop; when the body's first paragraph could be one,
  ``extract_header`` takes nothing (a second pass must find no header).

Refused as titles: newsletter section headings ("Top story: …"), two-word subheadings
("Hostomel airbase"), three-word headings opening with an article ("The corruption problem"),
lone lines of ten words or more with a lede's verb ("… are getting the chance to …"). Taken: a
headline that is a quotation ("'No-one can define new hunt ban'"), opening with a sum ("$1m
payoff …") or a lower-case brand ("iTunes …"). Known false positives of the lone title: a short
unpunctuated first paragraph ("Dear all" is refused, "Thanks for reading" is not) followed by
prose; a subheading in headline grammar at the top of a text that has lost its title ("Arsenal
win 4-2 on penalties"). Known misses: a title closed by a full stop in sentence case, set off by
blank lines under a date or byline line, with no headline's marks (``setoff.headline_marks``):
it reads like the body's first paragraph, which is refused.
"""

from __future__ import annotations

import re

from textfix.extract.datelines import could_open_dateline, read_dateline
from textfix.extract.dates import DATE_FIELD_RE

MAX_TITLE = 200
MAX_TITLE_WORDS = 30
# A lone title has no evidence but its shape: keep it shorter than a sentence of prose.
MAX_LONE_TITLE = 100
MAX_LONE_TITLE_WORDS = 14
# Fewer words make a subheading ("Hostomel airbase", "What’s happening?"), not a lone title.
MIN_LONE_TITLE_WORDS = 3
# Body prose after a lone title: a paragraph of at least this many words closed by a full stop.
MIN_PROSE_WORDS = 8
MIN_OPEN_PROSE_WORDS = 12

# Every date field has a four-digit year; a line without one is tested no further for dates.
# The "no digit before" test sits after the first two digits (it then looks back at three
# characters): a leading lookbehind runs at every position and costs three times as much.
YEAR_HINT_RE = re.compile(r"(?:1[89]|2\d)(?<!\d\d\d)\d\d(?!\d)")
# "<CINRAM LTD> 4TH QTR NET" (Reuters' company markup), "[Video] …" and a sum ("$1m payoff for
# former Shell boss", "£1.8m fine for Viacom") open titles too.
TITLE_START_RE = re.compile(r"[\d\"'‘“«„¿¡<(\[$£€¥]|[^\W\d_]")
# A line opening like a byline or a date label is a sentence when it is not one: never a title.
NOT_TITLE_START_RE = re.compile(r"(?i:by|updated|published|posted|last updated)\b")
# List items: "1. Fares", "2) Fares", "a) Fares", "(iv) Fares", "- Fares", "* Fares", "• Fares".
LIST_ITEM_RE = re.compile(r"(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})[.)]\s|\(\w{1,4}\)\s|[-*•·–—>#+]")
# Two sentences on one line ("Fares rose. Riders left"); "U.S. Senate" and "Mr. Smith" are not.
SENTENCE_BREAK_RE = re.compile(r"(?<=[a-z]{2})[.!?]\s+[A-Z]")
# Openers of a letter or an e-mail, not of a headline.
GREETINGS = frozenset({"dear", "hi", "hello", "hey", "greetings", "subject:", "re:", "fwd:"})
OPEN_QUOTES = "\"'‘“«„‚‹"
CLOSE_QUOTES = "\"'’”»“‘›"
# What may follow a closing full stop: quotes and brackets.
CLOSERS = CLOSE_QUOTES + ")]"
# Section headings of newsletters and live pages, then ":" and the item ("Top story: …").
NEWSLETTER_HEADING_RE = re.compile(
    r"(?i:top stor(?:y|ies)|lunchtime read|midweek catch-up|today in focus|coming up|"
    r"in other news|the papers|what we(?:'|’)re reading|one more thing|today(?:'|’)s agenda|"
    r"morning mail|evening mail|the bottom line|also in the news|key events|"
    r"in today(?:'|’)s newsletter|in this newsletter|sign up|related|see also|read more):"
)
# Labels a press release prints over its date, never its title ("FOR IMMEDIATE RELEASE").
RELEASE_LABEL_RE = re.compile(
    r"(?i:(?:for )?immediate release|(?:press|news|media) release|pressemitteilung"
    r"|communiqué de presse|nota de prensa|comunicato stampa|persbericht)[.:]?"
)
MAX_RELEASE_LABEL = 24
# A kicker over a title: a section or a label of one or two capitalised words ("Politics",
# "World news", "EXCLUSIVE"), or up to four words in capitals ("WORLD NEWS", "FOR IMMEDIATE
# RELEASE"), no digit and no closing mark.
MAX_KICKER = 40
KICKER_RE = re.compile(r"[^\W\d_][^\W\d_'’&\-]*(?: (?:[^\W\d_][^\W\d_'’\-]*|&|›|>|/)){0,5}")
# A heading of three words opening with an article is a section of the story ("The corruption
# problem"), not its headline; a lone title never ends on a conjunction ("Jane Arraf and").
ARTICLES = frozenset({"the", "a", "an"})
HANGING_WORDS = frozenset({"and", "or", "the", "a", "an", "&"})
# A lone title never ends like a clause, a list lead-in or a cut-off line.
BAD_LONE_ENDINGS = (".", "…", ":", ";", ",", "-", "–", "—", "/", "(", "&", "+")
# Words that join a clause to the one before it: a line opening with one goes on from something
# ("So what is the gap…?"), and a paragraph opening with one goes on from the line above it
# ("And can the revival continue?"), so neither is a title over its body. "Yet another storm"
# and "No jail for singer" open headlines: "yet" and "no" are left out.
JOINING_WORDS = frozenset({"and", "but", "or", "nor", "so"})
# A question opening a text is a headline when short (the BBC's have at most eight words); a
# longer one is an interview's question or a standfirst's. Known false negative: a long
# headline question with no date or byline beside it. Under a date or byline line, a question
# set off by blank lines may be a little longer (the New York Times' "Will Ben & Jerry's stay on
# Florida list of scrutinized companies?"); an interview's or a standfirst's question is longer
# still ("Why did you decide to make the trip to Europe last weekend?", 12 words).
MAX_LONE_QUESTION_WORDS = 10
MAX_SET_OFF_QUESTION_WORDS = 11
# A lone title of ten words or more with the verb of a news lede, a progressive or a perfect
# ("Net users are getting the chance to fight back against spam websites", "… has given his
# backing to …"), is a standfirst that lost its full stop: headlines drop the auxiliary ("Net
# users get chance to fight spam"). Shorter headlines keep it at times ("The Sound of Music is
# coming home"), and a title under a date or byline line is not tested so.
MAX_LONE_CLAUSE_WORDS = 9
LEDE_VERB_RE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?\w+ing\b"
    r"|\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|wn)\b"
)
# A brand written in lower case opens a headline with a capital inside its first word ("iTunes
# now selling Band Aid song", "eBay", "iOS 16 is more Android than ever").
BRAND_OPENING_RE = re.compile(r"[a-z]{1,2}[A-Z]")
# A line with more numbers than this is a result or a table row ("Nadal 6-7 (6/8) 6-2 7-6 …"),
# not a headline ("UK inflation hits 30-year high of 5.4%").
MAX_LONE_TITLE_NUMBERS = 3
# A word with a digit in it, matched from the word's start (linear: each word is read once).
NUMBER_WORD_RE = re.compile(r"(?<!\S)\S*?\d")


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


# A line that is surely a lone title (``lone_title_shape`` and ``looks_like_title``), in one
# match instead of a dozen tests: an ASCII capital (no quotation mark or list item opens it), no
# greeting, joining word or three-word phrase opening with an article, then 3 to 14 words of
# word characters and common punctuation between single spaces, no word but the last ending with
# ".", "?" or "!" (no sentence break, no "A. " list item), ending with a word character or "%"
# (no question, no hanging "and"/"the") and closing quotation marks; at most three digits. Most
# headlines of the BBC and the Guardian match; the others go through the full tests.
_TITLE_CHAR = r"[\w'’‘\"“”,:;&%$£€#.?!\-–—|]"
SIMPLE_TITLE_RE = re.compile(
    # (each first word with its capital outside the case-blind part: the match opens with one,
    # and a literal first letter is tested once rather than folded in every branch)
    r"(?!(?:D(?i:ear)|H(?i:i|ello|ey)|G(?i:reetings)|S(?i:ubject:|o)|R(?i:e:)|F(?i:wd:)"
    r"|A(?i:nd)|B(?i:ut)|O(?i:r)|N(?i:or)),* )"
    r"(?!(?:\D*+\d){4})"  # at most three digits, so at most three numbers
    r"(?!(?:T(?i:he)|A(?i:n?)) [^ ]+ [^ ]+\Z)"
    rf"[A-Z]{_TITLE_CHAR}*(?:(?<![.?!]) {_TITLE_CHAR}+){{2,13}}"
    r"(?<=[\w%])(?<!(?i: and))(?<!(?i: or))(?<!(?i: the))(?<!(?i: an))(?<!(?i: a))['’\"”]*"
)
DIGIT_RE = re.compile(r"\d")


def is_simple_title(line: str) -> bool:
    """True when ``line`` (stripped, plain: see ``header.is_plain``) is surely a lone title by
    its shape: ``SIMPLE_TITLE_RE`` and the few tests it leaves out. ``lone_title_shape`` and
    ``looks_like_title`` then hold (``tests/test_header_fast_paths.py``); the dateline test of
    ``is_lone_title`` is left to the caller.

    >>> is_simple_title("Ferry fares set to double"), is_simple_title("U.S. Says Talks Fail")
    (True, False)
    >>> is_simple_title("So who pays?"), is_simple_title("Top story: fares rise")
    (False, False)
    """
    return (
        len(line) <= MAX_LONE_TITLE
        and SIMPLE_TITLE_RE.fullmatch(line) is not None
        and line.count("|") < 2
        and "www." not in line
        and (":" not in line or NEWSLETTER_HEADING_RE.match(line) is None)
        and (line.count(" ") < MAX_LONE_CLAUSE_WORDS or LEDE_VERB_RE.search(line) is None)
        and not is_release_label(line)
    )


def looks_like_title(line: str) -> bool:
    """A short line that starts like a heading and does not end like a clause.

    >>> looks_like_title("Can Ukrainian forces recapture Kherson from Russia?")
    True
    >>> looks_like_title("By the river"), looks_like_title("- item")
    (False, False)
    >>> looks_like_title("Top story: Kremlin invokes ‘demilitarisation’ as excuse")
    False
    """
    return (
        len(line) <= MAX_TITLE
        and TITLE_START_RE.match(line) is not None
        and NOT_TITLE_START_RE.match(line) is None
        # A date that was not taken (out of bounds, ambiguous, impossible) is no title either.
        and (not has_year_hint(line) or DATE_FIELD_RE.fullmatch(line) is None)
        and not line.endswith((",", ";", ":", "…"))
        and len(line.split()) <= MAX_TITLE_WORDS
        and (":" not in line or NEWSLETTER_HEADING_RE.match(line) is None)
        and not is_release_label(line)
    )


def is_release_label(line: str) -> bool:
    """A press release's label over its date, never a title.

    >>> is_release_label("FOR IMMEDIATE RELEASE"), is_release_label("Release the hostages")
    (True, False)
    """
    return len(line) <= MAX_RELEASE_LABEL and RELEASE_LABEL_RE.fullmatch(line) is not None


def is_kicker(line: str, title: str) -> bool:
    """Whether ``line``, the first line of a header, is a kicker over ``title``, the line right
    under it: a section or label line, shorter than the title (one or two capitalised words,
    or up to four in capitals). The title under it is the header's title; the kicker is
    dropped with the header.

    >>> is_kicker("WORLD NEWS", "Earthquake strikes off coast of Japan")
    True
    >>> is_kicker("Politics", "Minister resigns"), is_kicker("EXCLUSIVE", "Aide broke rules")
    (True, True)
    >>> is_kicker("Boris Johnson resigns", "The prime minister quit after a week of scandal")
    False
    >>> is_kicker("Budget 2023", "What it means for you"), is_kicker("Live:", "Fares rise")
    (False, False)
    """
    words = line.split()
    if len(line) > MAX_KICKER or len(words) >= len(title.split()) or line[:1].islower():
        return False
    if KICKER_RE.fullmatch(line) is None:
        return False
    if line.isupper():
        return len(words) <= 4
    return len(words) <= 2 and line[0].isupper()


def is_lone_title(line: str) -> bool:
    """A first line that is a title by its shape alone: short, several words, no sentence.

    >>> is_lone_title("Ferry fares set to double"), is_lone_title("Can the ferry survive?")
    (True, True)
    >>> is_lone_title("Fares rise."), is_lone_title("1. Fares rise"), is_lone_title("Fares")
    (False, False, False)
    >>> is_lone_title("'No-one can define new hunt ban'"), is_lone_title("The reasons are:")
    (True, False)
    >>> is_lone_title("Hostomel airbase"), is_lone_title("The corruption problem")
    (False, False)
    """
    return (
        lone_title_shape(line)
        and looks_like_title(line)
        # "LONDON (Reuters) - Shares fell" opens a story
        and not (could_open_dateline(line) and read_dateline(line))
    )


def lone_title_shape(
    line: str,
    *,
    max_length: int = MAX_LONE_TITLE,
    max_words: int = MAX_LONE_TITLE_WORDS,
    max_question_words: int = MAX_LONE_QUESTION_WORDS,
    max_clause_words: int | None = MAX_LONE_CLAUSE_WORDS,
) -> bool:
    """``is_lone_title`` but for its ``looks_like_title`` and dateline tests.

    ``extract_header`` tests a line already taken as a title with this alone (and the dateline
    test when it is needed). A title set off by blank lines under a date or byline line is
    tested with it too, with the longer limits of any title: it stands where a subheading or
    the body's first paragraph could stand.

    >>> lone_title_shape("Ferry fares set to double"), lone_title_shape("Fares rise.")
    (True, False)
    >>> lone_title_shape("So who is minding the harbour these days?")
    False
    >>> lone_title_shape("Final: Ortiz 6-4 3-6 7-5 6-2 Lind")
    False
    """
    # "Mr. Putin's response: “Good.”" ends a sentence inside its closing quote.
    if (
        len(line) > max_length
        or (
            line.rstrip(CLOSERS).endswith(BAD_LONE_ENDINGS)
            # "… at Apple TV+", "… at Paramount+": a service's name, not a cut-off line
            and not (line.endswith("+") and line[-2:-1].isalnum())
        )
    ):
        return False
    words = line.split()
    # Two words make a subheading ("Hostomel airbase"), or an exclamation ("Ferry saved!").
    if not MIN_LONE_TITLE_WORDS - line.endswith("!") <= len(words) <= max_words:
        return False
    first = words[0].lower()
    if first in GREETINGS or words[-1].lower() in HANGING_WORDS:
        return False
    if first.rstrip(",") in JOINING_WORDS:
        return False
    if line.endswith("?") and len(words) > max_question_words:
        return False
    if DIGIT_RE.search(line) and len(NUMBER_WORD_RE.findall(line)) > MAX_LONE_TITLE_NUMBERS:
        return False
    if len(words) == MIN_LONE_TITLE_WORDS and first in ARTICLES:
        return False
    if (
        max_clause_words is not None
        and len(words) > max_clause_words
        and LEDE_VERB_RE.search(line) is not None
    ):
        return False
    opening = line.lstrip(OPEN_QUOTES + "([<")[:1]
    if not opening or LIST_ITEM_RE.match(line) is not None:
        return False
    if opening.islower() and BRAND_OPENING_RE.match(line) is None:
        return False
    # A quotation alone is a headline too ("'No-one can define new hunt ban'", BBC style).
    if line.count("|") > 1 or "://" in line or "www." in line or "@" in line:
        return False  # a navigation trail, a link or an address
    return SENTENCE_BREAK_RE.search(line) is None


# A word of title case: every word of five letters or more opens with a capital.
TITLE_CASE_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
MIN_TITLE_CASE_WORDS = 3


def is_title_case(line: str) -> bool:
    """True when ``line`` is written in title case: past its first word, every word of five
    letters or more opens with a capital (at least three of them), and so do most words. A
    headline so written is one even when a closing full stop ends it; a body's first paragraph
    is written in sentence case.

    >>> is_title_case("Transformers Earthspark Cast Revealed with Danny Pudi as Bumblebee.")
    True
    >>> is_title_case("British Airways has blamed high fuel prices for a 40% drop in profits.")
    False
    >>> is_title_case("Hollywood star Tom Hanks was in London for the premiere of Polar Express.")
    False
    """
    words: list[str] = TITLE_CASE_WORD_RE.findall(line)[1:]
    long = [word for word in words if len(word) >= 5]
    if len(long) < MIN_TITLE_CASE_WORDS or not all(word[0].isupper() for word in long):
        return False
    return 5 * sum(word[0].isupper() for word in words) >= 3 * len(words)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation, before any closing quotes/brackets.

    >>> ends_sentence("It failed."), ends_sentence("He said: “No.”"), ends_sentence("By Law")
    (True, True, False)
    """
    return text.rstrip().rstrip(CLOSERS).endswith((".", "!", "?", "…"))


def is_body_prose(paragraph: str) -> bool:
    """A paragraph of body prose: at least ``MIN_PROSE_WORDS`` words closed by a full stop, or
    at least ``MIN_OPEN_PROSE_WORDS`` words however it ends (a standfirst that lost its full
    stop). A shorter question could be a title itself, and is no proof of a body. A paragraph
    that goes on from the line above it (opening in lower case, with punctuation, or with a
    joining word such as "And" or "But") opens no body: the line above is prose too.

    >>> is_body_prose("The council confirmed the decision at a meeting on Thursday.")
    True
    >>> is_body_prose("So what is the gap between Labour and the Tories nowadays?")
    False
    >>> is_body_prose("Brewers now make more money from such drinks than they ever did from beer")
    True
    >>> is_body_prose("Ferry fares set to double"), is_body_prose("It failed.")
    (False, False)
    >>> is_body_prose("But the council said the ferry would keep its winter timetable for now.")
    False
    """
    words = paragraph.split(None, MIN_OPEN_PROSE_WORDS)
    if len(words) < MIN_PROSE_WORDS:
        return False
    opening = words[0][:1]
    if not (opening.isupper() or opening.isdigit() or opening in OPEN_QUOTES + "(["):
        return False
    if words[0].lower().rstrip(",") in JOINING_WORDS:
        return False
    return len(words) >= MIN_OPEN_PROSE_WORDS or paragraph.rstrip().rstrip(CLOSERS).endswith(".")
