"""A line set off by blank lines under a date or byline line: the title, or the body's lead?

``12 February 2022`` / blank / *line* / blank / paragraph: the line stands where a site prints
its title and where a body's first paragraph (its lead) stands when the page has no title. News
leads are one sentence, often short, so the line's shape settles it only in part:

- a headline's shape (``lone_title_shape`` at any title's length) with no closing full stop is a
  title; so is a line closed by a full stop that is written in title case, or that has a
  headline's marks (``headline_marks``): a standfirst after `` | `` ("Secession talk grows |
  The party plays with fire."), a short kicker before a colon ("Storm Eunice: Roofs torn off."),
  or a short clause with no auxiliary, copula, reporting verb or simple past ("India bans
  mandatory tipping.");
- a line that reads like a lead (``reads_like_lead``: closed by a full stop in sentence case,
  or long with a lede's verb) is taken only over a paragraph of one sentence. A title stands
  over the lead, which is one sentence in most news; a lead stands over the second paragraph,
  which most often runs to several ("The trade gap has widened more than expected, figures
  show" over "The shortfall was $55bn. Imports rose 3%. …" is a body).

The paragraph under the line must be body prose (``is_body_prose``) in every case, and the line
may not open with a story's dateline. What is left alone: a line that has no title's shape (a
list item, two words, a greeting) is never a title, whatever is under it.
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
    is_body_prose,
    is_title_case,
    lone_title_shape,
)

# A short headline closed by a full stop has fewer words than a paragraph of body prose
# (``is_body_prose``): "Tory MP suspended for groping two men." A sentence of that many words
# under a date line is the body's first paragraph.
MAX_SHORT_HEADLINE_WORDS = MIN_PROSE_WORDS - 1
# What a lead has and a headline drops: an auxiliary, a copula, a modal, a reporting verb in the
# past, a pronoun of the reader or writer, a day or a "last week". (Headlines say "says".)
LEAD_WORD_RE = re.compile(
    r"(?i:\b(?:is|are|was|were|be|been|being|has|have|had|will|would|could|should|shall|may|"
    r"might|must|can|did|does|do|said|told|added|you|your|we|our|i|my|me|"
    r"yesterday|today|tonight|last|this|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)\b|n't\b|n’t\b)"
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


def headline_marks(line: str) -> bool:
    """True when ``line``, a sentence closed by a full stop in sentence case, has a headline's
    marks: a standfirst after a bar, a short kicker before a colon, or a short clause with none
    of a lead's words (``LEAD_WORD_RE``, ``LEAD_OPENINGS``).

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
    if len(words) > MAX_SHORT_HEADLINE_WORDS:
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
    >>> lead = "The shortfall rose to $55bn. Imports rose by 3.4%, the data showed."
    >>> set_off_title_holds("The trade gap has widened more than expected, figures show", lead)
    False
    """
    shape = title
    if ends_with_full_stop(title):
        if SENTENCE_BREAK_RE.search(title) is not None:
            return False
        shape = title.rstrip(CLOSERS)[:-1]  # the headline's shape without its full stop
        if not is_title_case(title) and not headline_marks(title):
            return False
    if not lone_title_shape(
        shape,
        max_length=MAX_TITLE,
        max_words=MAX_TITLE_WORDS,
        max_question_words=MAX_SET_OFF_QUESTION_WORDS,
        max_clause_words=None,
    ):
        return False
    cut = rest.find("\n\n")
    paragraph = rest if cut < 0 else rest[:cut]
    if not is_body_prose(paragraph):
        return False
    if reads_like_lead(title) and SENTENCE_BREAK_RE.search(paragraph) is not None:
        return False  # a lead over the second paragraph
    return not story_dateline(title)  # "NEW YORK, March 5 - …": a story's first paragraph
