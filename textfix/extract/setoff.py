"""A line set off by blank lines under a date or byline line: the title, or the body's lead?

``12 February 2022`` / blank / *line* / blank / paragraph: the line stands where a site prints
its title and where a body's first paragraph (its lead) stands when the page has no title. News
leads are one sentence, often short, so the line's shape settles it only in part:

- a headline's shape (``lone_title_shape`` at any title's length) with no closing full stop is a
  title; so is a line closed by a full stop that is written in title case, or that has a
  headline's marks (``headline_marks``): a standfirst after `` | `` ("Secession talk grows |
  The party plays with fire."), a short kicker before a colon ("Storm Eunice: Roofs torn off."),
  or a short clause with no auxiliary, copula, reporting verb or simple past ("India bans
  mandatory tipping."); over a lead of one sentence, such a clause may run longer when it names
  something past its first word (``names_something``: "Putin extends fast-track citizenship
  to all Ukrainians."), as headlines do and a generic sentence does not;
- a line that reads like a lead (``reads_like_lead``: closed by a full stop in sentence case,
  or long with a lede's verb) is taken only over a paragraph of one sentence. A title stands
  over the lead, which is one sentence in most news; a lead stands over the second paragraph,
  which most often runs to several ("The trade gap has widened more than expected, figures
  show" over "The shortfall was $55bn. Imports rose 3%. …" is a body).

The paragraph under the line must be body prose (``is_body_prose``) in every case, and the line
may not open with a story's dateline. What is left alone: a line that has no title's shape (a
list item, two words, a greeting) is never a title, whatever is under it.

Where the body starts under a header block is settled here too: whether a title line closing
the block holds (``trailing_title_holds``) and whether the line under the block starts the body
(``starts_body``).
"""

from __future__ import annotations

import re

from textfix.extract.datelines import story_dateline
from textfix.extract.titles import (
    CLOSE_QUOTES,
    CLOSERS,
    LEDE_VERB_RE,
    MAX_LONE_CLAUSE_WORDS,
    MAX_SET_OFF_QUESTION_WORDS,
    MAX_TITLE,
    MAX_TITLE_WORDS,
    MIN_PROSE_WORDS,
    OPEN_QUOTES,
    SENTENCE_BREAK_RE,
    ends_sentence,
    has_year_hint,
    is_body_prose,
    is_title_case,
    lone_title_shape,
)
from textfix.extract.toplines import HEADER_FRAGMENT_RE, MAX_META_LINE

# A short headline closed by a full stop has fewer words than a paragraph of body prose
# (``is_body_prose``): "Tory MP suspended for groping two men." A sentence of that many words
# under a date line is the body's first paragraph.
MAX_SHORT_HEADLINE_WORDS = MIN_PROSE_WORDS - 1
# Over a lead of one sentence, a headline written as a sentence that names something may run
# longer ("Amazon launches cargo bike deliveries in London in bid to cut emissions."): up to
# this many words and two thirds of the lead's, as the lead retells it with who, when and where.
# A body's lead stands over a second paragraph, most often of several sentences.
MAX_NAMED_HEADLINE_WORDS = 16
# What a lead has and a headline drops: an auxiliary, a copula, a modal, a reporting verb in the
# past, a pronoun of the reader or writer, a day or a "last week". (Headlines say "says".)
LEAD_WORD_RE = re.compile(
    r"(?i:\b(?:is|are|was|were|be|been|being|has|have|had|will|would|could|should|shall|may|"
    r"might|must|can|did|does|do|said|told|added|you|your|we|our|i|my|me|"
    r"yesterday|today|tonight|last|this|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)\b|n't\b|n’t\b)"
    # verbs whose simple past is not their participle ("shares rose", "the minister spoke"),
    # in lower case: "Rose" and "May" inside a headline are names
    r"|\b(?:rose|fell|grew|took|gave|came|went|began|saw|became|ran|spoke|wrote|chose|drove|"
    r"knew|threw|flew|drew)\b"
)
# A verb in the simple past with its object ("The council approved a budget."): a lead's tense.
# Headlines tell past events in the present ("Council approves budget"); a participle before a
# preposition ("Mayor cleared of …", "… killed in …") is a headline's passive.
PAST_VERB_RE = re.compile(
    r"\b[a-z]{3,}ed (?!(?:by|in|for|of|to|at|on|with|from|after|while|as|into|over|under|"
    r"during|amid|near|outside|inside)\b)[a-z]"
)
# Words that open a clause that goes on from elsewhere, or a sentence about someone named
# before: never a short headline's first word.
LEAD_OPENINGS = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "his",
        "her",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "in",
        "on",
        "at",
        "for",
        "after",
        "before",
        "as",
        "with",
        "when",
        "while",
        "if",
        "but",
        "and",
        "so",
        "yet",
    }
)
# A kicker: a few words, maybe quoted, or a headline in title case, then a colon and a capital
# ("Storm Eunice: Roofs torn off.", "‘It’s tense’: Soldiers dig in."). A lead's colon follows a
# clause in sentence case with a verb.
MAX_KICKER_WORDS = 5
KICKER_RE = re.compile(r"([^:]{2,60}):\s+[\"'‘“]?[A-Z]")
# A headline, " | ", then its standfirst: a lead has no such bar.
STANDFIRST_BAR = " | "


def names_something(line: str) -> bool:
    """True when a word of ``line`` past its first opens with a capital or holds a figure: a
    name, an acronym or a number, which headlines carry and a generic sentence lacks.

    >>> names_something("Putin extends a citizenship process to all Ukrainians.")
    True
    >>> names_something("Gas prices drop by almost 25 cents per gallon.")
    True
    >>> names_something("Shares in the ferry operator slip on the news.")
    False
    """
    for word in line.split()[1:]:
        word = word.lstrip(OPEN_QUOTES + "([")
        if word[:1].isupper() or any(char.isdigit() for char in word):
            return True
    return False


def headline_marks(line: str, max_words: int = MAX_SHORT_HEADLINE_WORDS) -> bool:
    """True when ``line``, a sentence closed by a full stop in sentence case, has a headline's
    marks: a standfirst after a bar, a short kicker before a colon, or a short clause with none
    of a lead's words (``LEAD_WORD_RE``, ``LEAD_OPENINGS``) and at most ``max_words`` words, or
    up to ``MAX_NAMED_HEADLINE_WORDS`` when it names something (``names_something``).

    >>> headline_marks("Secession talk grows | The state party plays with fire.")
    True
    >>> headline_marks("Storm Eunice: Thousands of homes still without power.")
    True
    >>> headline_marks("India bans mandatory tipping."), headline_marks("It was a good year.")
    (True, False)
    >>> headline_marks("Mayor cleared of misconduct."), headline_marks("Voters backed a new tax.")
    (True, False)
    >>> headline_marks("The ferry operator has raised its fares by a tenth, the council said.")
    False
    """
    if STANDFIRST_BAR in line:
        head = line.split(STANDFIRST_BAR, 1)[0].strip()
        return lone_title_shape(head, max_length=MAX_TITLE, max_words=MAX_TITLE_WORDS)
    kicker = KICKER_RE.match(line)
    if kicker is not None and (
        # a quotation ("‘It’s tense’: …"), a headline in title case, or a few words
        (kicker[1][:1] in OPEN_QUOTES and kicker[1][-1:] in CLOSE_QUOTES)
        or is_title_case(kicker[1])
        or (len(kicker[1].split()) <= MAX_KICKER_WORDS and LEAD_WORD_RE.search(kicker[1]) is None)
    ):
        return True
    words = line.split()
    if len(words) > MAX_SHORT_HEADLINE_WORDS and (
        len(words) > max_words or not names_something(line)
    ):
        return False
    if words[0].lower().strip("\"'‘“,") in LEAD_OPENINGS:
        return False
    return LEAD_WORD_RE.search(line) is None and PAST_VERB_RE.search(line) is None


def reads_like_lead(line: str) -> bool:
    """True when ``line`` could be a news lead by its shape: closed by a full stop and not in
    title case, or long with a lede's verb (``LEDE_VERB_RE``: "are getting", "has given"). A
    long headline with neither is left to be one ("… – as it happened").

    >>> reads_like_lead("Net users are getting the chance to fight back against spam sites")
    True
    >>> reads_like_lead("Ferry fares set to double as fuel costs bite")
    False
    """
    if ends_with_full_stop(line) and not is_title_case(line):
        return True
    return len(line.split()) > MAX_LONE_CLAUSE_WORDS and LEDE_VERB_RE.search(line) is not None


def ends_with_full_stop(line: str) -> bool:
    """``line`` ends with a full stop, before any closing quotes or brackets.

    >>> ends_with_full_stop("It failed.”"), ends_with_full_stop("U.S.?")
    (True, False)
    """
    return line.rstrip(CLOSERS).endswith(".")


def headline_words(paragraph: str) -> int:
    """How many words a headline written as a sentence that names something may have over
    ``paragraph``: ``MAX_SHORT_HEADLINE_WORDS`` over a paragraph of several sentences; over a
    lead of one sentence, up to ``MAX_NAMED_HEADLINE_WORDS`` and two thirds of its words.

    >>> lead = "The online retailer said the bikes would replace vans on about 1,000 routes."
    >>> headline_words(lead), headline_words(lead + " Drivers will be retrained.")
    (8, 7)
    >>> headline_words("Shares fell.")
    7
    """
    if SENTENCE_BREAK_RE.search(paragraph) is not None:
        return MAX_SHORT_HEADLINE_WORDS
    lead_words = len(paragraph.split())
    return max(MAX_SHORT_HEADLINE_WORDS, min(MAX_NAMED_HEADLINE_WORDS, lead_words * 2 // 3))


def set_off_title_holds(title: str, rest: str) -> bool:
    """Whether ``title``, set off by blank lines under a metadata line, is the title over
    ``rest`` (the text under it, blank lines stripped) rather than the body's first paragraph.

    >>> body = "The council confirmed the fare rise at a meeting on Thursday evening."
    >>> set_off_title_holds("Ferry fares set to double", body)
    True
    >>> set_off_title_holds("The council has raised ferry fares by a tenth.", body)
    False
    >>> set_off_title_holds("Russia restarts gas shipments to Germany.", body)
    True
    >>> set_off_title_holds("Russia restarts its gas shipments through a key pipeline.", body)
    False
    >>> lead = "The state gas company said on Monday that flows had resumed at dawn after repairs."
    >>> set_off_title_holds("Russia restarts its gas shipments through a key pipeline.", lead)
    False
    >>> set_off_title_holds("Russia restarts gas shipments through a pipeline to Germany.", lead)
    True
    >>> lead = "The shortfall rose to $55bn. Imports rose by 3.4%, the data showed."
    >>> set_off_title_holds("The trade gap has widened more than expected, figures show", lead)
    False
    """
    cut = rest.find("\n\n")
    paragraph = rest if cut < 0 else rest[:cut]
    shape = title
    if ends_with_full_stop(title):
        if SENTENCE_BREAK_RE.search(title) is not None:
            return False
        shape = title.rstrip(CLOSERS)[:-1]  # the headline's shape without its full stop
        if not is_title_case(title) and not headline_marks(title, headline_words(paragraph)):
            return False
    if not lone_title_shape(
        shape,
        max_length=MAX_TITLE,
        max_words=MAX_TITLE_WORDS,
        max_question_words=MAX_SET_OFF_QUESTION_WORDS,
        max_clause_words=None,
    ):
        return False
    if not is_body_prose(paragraph):
        return False
    if reads_like_lead(title) and SENTENCE_BREAK_RE.search(paragraph) is not None:
        return False  # a lead over the second paragraph
    return not story_dateline(title)  # "NEW YORK, March 5 - …": a story's first paragraph


# A title line run on into the next line ends on one of these.
HANGING_WORDS = frozenset(
    {"the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "for", "with", "by", "from"}
)


def trailing_title_holds(
    text: str, title: str, end: int, blank_after: bool, blank_before: bool
) -> bool:
    """A title line with no metadata line under it: no run-on, and a closing full stop only on
    one sentence set right under the metadata line and above a blank line (the New York Times'
    "G7 nations pledge $20 billion to Ukraine."). A title set off from the metadata above it by
    a blank line stands where the body's first paragraph could stand: ``set_off_title_holds``
    settles which it is.
    """
    if blank_before:
        return set_off_title_holds(title, text[end:].lstrip("\n \t"))
    if title.rstrip(CLOSERS).endswith("."):
        return blank_after and SENTENCE_BREAK_RE.search(title) is None
    if blank_after or end >= len(text):
        return True
    following = text[end + 1 : end + 81].lstrip(" \t")
    # A hard-wrapped paragraph runs on into a lower-case line or hangs on a small word.
    return not (following[:1].islower() or title.rsplit(None, 1)[-1].lower() in HANGING_WORDS)


def starts_body(stop: str, blank_before: bool) -> bool:
    """Whether ``stop``, the first line under a header block with metadata, starts the body.

    A line of prose (closed by sentence punctuation, or too long for a header line) or a
    dateline opener starts the body; after a blank line, so does any line that does not open
    like a header line (a subheading, a hard-wrapped paragraph).

    >>> starts_body("The talks failed.", False), starts_body("By Law", True)
    (True, False)
    """
    if len(stop) > MAX_TITLE or ends_sentence(stop) or len(stop.split()) > MAX_TITLE_WORDS:
        return True
    if story_dateline(stop):
        return True  # "SANTA CRUZ, Calif., Feb 26 - Shr 34 cts vs 1.19 dlrs" opens a story
    if not blank_before:
        return False  # a short unknown line inside the header block: the header is not whole
    return HEADER_FRAGMENT_RE.match(stop) is None and (
        len(stop) > MAX_META_LINE or not has_year_hint(stop)
    )
