"""Reading quote marks: each mark's role from its context, and pairing within a paragraph.

A role says what context makes of a mark before pairing: ``open`` (space or bracket before,
text after), ``close`` (text before, space or punctuation after), ``ambiguous`` (space on both
sides, or between ``:``/``,``/``;`` and a word), ``inner`` (between letters: an apostrophe, or a
stray opener that swallowed a space), ``digit`` (after a digit: a closer or a foot/inch mark),
``apostrophe`` (decided by the lexicon), ``none`` (not a quotation mark here) and
``tick-close`` (the end of a `code` span).

Pairing gives an ambiguous double (or curly single) quote its direction from the quotes
before it: it closes the open quote if there is one and opens otherwise, whichever way its
glyph faces. That is what tells padding (``“ Go home ”``) from a wrong direction, and repairs
both at once (``” Go home “``): the glyph of a padded mark says nothing about its role.

>>> [(mark.glyph, mark.role) for mark in read_marks("“Go,” he’s 6'")]
[('“', 'open'), ('”', 'close'), ('’', 'inner'), ("'", 'digit')]
>>> marks = read_marks("’I’m here’")
>>> pair_marks("’I’m here’", marks, curly=False)
>>> marks[0].partner, marks[0].opener
(2, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from textfix.normalisers.quote_lexicon import (
    CLOSE_PUNCT,
    CONTRACTION_RE,
    ELIDED_N_RE,
    ELIDED_WORDS,
    ELISION_RE,
    FOOT_INCH_RE,
    LEAD_IN_PUNCT,
    LETTERS_AFTER_RE,
    LOW_NINE,
    OPEN_PUNCT,
    PHRASE_START_WORDS,
    QUOTE_CHARS,
    SINGLE_GLYPHS,
    STRAY_LEFT_WORDS,
    TOKEN_RE,
    WORD_AFTER_RE,
    WORD_BEFORE_RE,
)

_MAX_STACK = 64
# Spaces, then a letter: the padding after an opener (``„ Hallo``).
_PADDED_WORD_RE = re.compile(r"[ \t]+[^\W\d_]")
# Openers a closing '' can end as one double quote: ''…'', ``…'', “…''.
_DOUBLED_PARTNERS = frozenset(("''", "``", "“", "‟", "„"))

# Roles a mark can take from its context.
OPEN, CLOSE, AMBIG, INNER, DIGIT, APOS, NONE, TICK_CLOSE = (
    "open",
    "close",
    "ambiguous",
    "inner",
    "digit",
    "apostrophe",
    "none",
    "tick-close",
)


@dataclass(slots=True)
class Mark:
    """One quote character (or ``''`` / ``````) and what quote repair learnt about it."""

    start: int
    end: int
    glyph: str
    kind: str  # "single" or "double"
    role: str = NONE
    partner: int = -1
    opener: bool = False
    confident: bool = True
    stray: bool = False
    possessive: bool = False
    elision: bool = False
    fix: str = ""  # a keep repair of an unpaired mark: "accent as apostrophe", ...


@lru_cache(maxsize=4096)
def _char_class(ch: str) -> str:
    """S space or edge, L letter, D digit, O opening punctuation, Q quote, P other."""
    if not ch or ch.isspace():
        return "S"
    if ch.isalpha():
        return "L"
    if ch.isdecimal():
        return "D"
    if ch in OPEN_PUNCT:
        return "O"
    if ch in QUOTE_CHARS:
        return "Q"
    return "P"


# The role of a mark inside a run of marks (another mark touching it on the left, a quote
# character on the right), by its glyph and whether the mark before it opens: what the general
# rule of ``read_marks`` and ``_refine`` gives there (``test_fast_paths`` checks it does).
_IN_RUN_AFTER_OPEN = {"´": NONE}
_IN_RUN_AFTER_OTHER = {"`": TICK_CLOSE, "``": TICK_CLOSE, "´": NONE, "‚": NONE, "„": NONE}


def read_marks(para: str, tokens: re.Pattern[str] = TOKEN_RE, runs: bool = True) -> list[Mark]:
    """Every mark of a paragraph (each match of ``tokens``) with its role from context and
    the lexicon. ``tokens`` is ``TOKEN_RE`` or one that leaves out marks no other mark reads
    (``quote_precheck.MARK_TOKENS``).

    A mark inside a run of quote characters reads only its neighbours, which are quotes: it
    opens after an opener and closes otherwise, and no lexicon rule applies. ``runs`` reads it
    that way directly, which makes a megabyte of ``’`` several times faster; ``runs=False``
    applies the general rule to every mark (the tests compare the two).

    >>> [mark.role for mark in read_marks("“‘x’”")]
    ['open', 'open', 'close', 'close']
    """
    marks: list[Mark] = []
    apostrophe_at = -1  # the start of the closing mark of a ’n’
    seen_backtick = False  # after one backtick, another closes `code`: never an apostrophe
    size = len(para)
    last_end = -1
    last_opens = False
    for match in tokens.finditer(para):
        start, end = match.span()
        glyph = match.group()
        kind = "single" if glyph in SINGLE_GLYPHS else "double"
        if "`" in glyph and ((start and para[start - 1] == "`") or para[end : end + 1] == "`"):
            # Part of a run of three or more backticks: a Markdown code fence, never a quote.
            marks.append(Mark(start, end, glyph, kind, NONE))
            seen_backtick = True
            last_end, last_opens = end, False
            continue
        if runs and start == last_end and end < size and para[end] in QUOTE_CHARS:
            role = (_IN_RUN_AFTER_OPEN if last_opens else _IN_RUN_AFTER_OTHER).get(
                glyph, OPEN if last_opens else CLOSE
            )
            mark = Mark(start, end, glyph, kind, role)
            if not seen_backtick and "`" in glyph:
                seen_backtick = True
            marks.append(mark)
            last_end, last_opens = end, role == OPEN
            continue
        mark = Mark(start, end, glyph, kind)
        before = _char_class(para[start - 1] if start else "")
        after = _char_class(para[end] if end < size else "")
        if before == "Q":
            adjacent = marks[-1] if marks and marks[-1].end == start else None
            before = "O" if adjacent is not None and adjacent.role == OPEN else "P"
        if after == "Q":
            after = "P"
        if before in "SO":
            role = AMBIG if after == "S" or para[end : end + 1] in CLOSE_PUNCT else OPEN
        elif after in "LD" and para[start - 1] in LEAD_IN_PUNCT:
            role = AMBIG  # read:"We want", said,"Fine." (opens) or "Fine,"he said (closes)
        elif before == "D":
            role = INNER if after in "LD" else DIGIT
        else:
            role = INNER if after in "LD" else CLOSE
        mark.role = role
        _refine(para, mark, before, seen_backtick)
        seen_backtick = seen_backtick or "`" in glyph
        if start == apostrophe_at:
            mark.role, mark.elision = APOS, True
        elif mark.elision and ELIDED_N_RE.match(para, end):
            apostrophe_at = end + 1
        marks.append(mark)
        last_end, last_opens = end, mark.role == OPEN
    return marks


def _refine(para: str, mark: Mark, before: str, seen_backtick: bool) -> None:
    """Adjust a mark's role by its glyph and the apostrophe lexicon."""
    glyph, role, end = mark.glyph, mark.role, mark.end
    apostrophe_like = glyph == "´" or (glyph == "`" and not seen_backtick)
    if apostrophe_like and role == INNER and before == "L" and CONTRACTION_RE.match(para, end):
        mark.role = APOS
        mark.fix = "accent as apostrophe" if glyph == "´" else "backtick as apostrophe"
    elif glyph in ("`", "``"):
        mark.role = OPEN if role == OPEN else TICK_CLOSE if role == CLOSE else NONE
    elif glyph == "´" or (glyph == "''" and role in (INNER, DIGIT)):
        mark.role = NONE
    elif glyph in LOW_NINE:
        # „ opens, also padded before a word (Er sagte „ Hallo “): a ditto mark stands alone.
        padded = role == AMBIG and _PADDED_WORD_RE.match(para, end) is not None
        mark.role = OPEN if role == OPEN or (padded and glyph == "„") else NONE
    elif glyph == "''" and role == OPEN and ELISION_RE.match(para, end):
        mark.kind = "single"  # an opening quote, then the apostrophe of ''Tis or ''90s
    elif mark.kind == "single" and role == OPEN:
        if ELISION_RE.match(para, end) or ELIDED_N_RE.match(para, end):
            mark.role, mark.elision = APOS, True
    elif (
        role == DIGIT
        and mark.kind == "double"
        and FOOT_INCH_RE.search(para, max(0, mark.start - 12), mark.start)
    ):
        mark.role = NONE  # 6'4": an inch mark, never a closing quote
    elif role == CLOSE and mark.kind == "single":
        # A plural possessive (the students’ union) looks like a closing quote; an adjective
        # in -ous (dangerous’ last) never takes one.
        prev = para[mark.start - 2 : mark.start]
        mark.possessive = (
            (prev[-1:] == "s" or (prev[-1:] == "S" and prev[:1].islower()))
            and para[max(0, mark.start - 3) : mark.start].lower() != "ous"
            and para[end : end + 1] == " "
            and para[end + 1 : end + 2].isalpha()
        )
    if (
        glyph == "‘"
        and mark.role == INNER
        and (CONTRACTION_RE.match(para, end) or _after_elided_word(para, mark.start))
    ):
        mark.role, mark.fix = APOS, "wrong direction"


def _after_elided_word(para: str, start: int) -> bool:
    """The mark at ``start`` ends a whole word of ``ELIDED_WORDS`` (``l‘anno``, ``C‘est``).

    >>> _after_elided_word("l‘anno", 1), _after_elided_word("dell‘Italia", 4)
    (True, True)
    >>> _after_elided_word("it‘a mess’", 2), _after_elided_word("Hotel‘s", 5)
    (False, False)
    """
    left = WORD_BEFORE_RE.search(para, max(0, start - 8), start)
    if left is None or left.group().lower() not in ELIDED_WORDS:
        return False
    return left.start() == 0 or not (
        para[left.start() - 1].isalnum() or para[left.start() - 1] == "_"
    )


def _is_stray_opener(para: str, mark: Mark) -> bool:
    """``is’set``: a common word, a mark, then a word that is no contraction suffix."""
    if mark.glyph not in ("’", "'", "‘"):  # is’set, or turned back the right way: is‘set
        return False
    window = max(0, mark.start - 16)
    left = WORD_BEFORE_RE.search(para, window, mark.start)
    if left is None or left.group().lower() not in STRAY_LEFT_WORDS:
        return False
    if left.start() > 0 and (para[left.start() - 1].isalnum() or para[left.start() - 1] in "_’'"):
        return False
    return WORD_AFTER_RE.match(para, mark.end) is not None and not CONTRACTION_RE.match(
        para, mark.end
    )


def _straight(mark: Mark) -> bool:
    return mark.glyph in ('"', "'", "''")


def gluing_letter(char: str) -> bool:
    """A letter a curly double quote can be glued to by a lost space: a letter of an
    alphabetic script before Hebrew (U+0590). Hebrew writes the gershayim of abbreviations
    (``צה”ל``) with the very glyph, so from Hebrew onwards a mark beside a letter is no damage.

    >>> gluing_letter("a"), gluing_letter("Ж"), gluing_letter("צ"), gluing_letter("5")
    (True, True, False, False)
    """
    return char.isalpha() and char < "\u0590"


def _is_glued(para: str, mark: Mark) -> bool:
    """A curly double quote between two letters of an alphabetic script (``it”a``, ``is“set``);
    never beside Hebrew (see :func:`gluing_letter`)."""
    return gluing_letter(para[mark.start - 1]) and gluing_letter(para[mark.end])


def _after_sentence(para: str, mark: Mark) -> bool:
    """A mark glued between the end of a sentence after a word and a letter (``it.“We``)."""
    return (
        mark.start >= 2
        and para[mark.start - 1] in ".!?…"
        and gluing_letter(para[mark.start - 2])
        and gluing_letter(para[mark.end : mark.end + 1])
    )


def _phrase_after(para: str, mark: Mark) -> bool:
    """A word that starts a new phrase (``by``, ``and``, ``the``) follows the mark after its
    space, so the mark ends no plural possessive.

    >>> _phrase_after("cut jobs’ by now", Mark(8, 9, "’", "single"))
    True
    >>> _phrase_after("the players’ union", Mark(11, 12, "’", "single"))
    False
    """
    word = LETTERS_AFTER_RE.match(para, mark.end + 1)
    return word is not None and word.group().lower() in PHRASE_START_WORDS


def pair_marks(para: str, marks: list[Mark], curly: bool) -> None:
    """Pair openers with closers using one stack per kind; unpaired closers become apostrophes."""
    later_closers = [0] * (len(marks) + 1)
    for i in range(len(marks) - 1, -1, -1):
        counted = marks[i].kind == "single" and marks[i].role == CLOSE
        later_closers[i] = later_closers[i + 1] + counted
    stacks: dict[str, list[int]] = {"single": [], "double": []}
    for i, mark in enumerate(marks):
        stack = stacks[mark.kind]
        role = mark.role
        if role == INNER and mark.kind == "single" and not stack and _is_stray_opener(para, mark):
            mark.stray, role = True, OPEN
        elif role == INNER and mark.glyph in "“”" and _is_glued(para, mark):
            # A curly double quote between two letters is never an apostrophe: it closes the
            # open quote (“yes”and) or opens one that swallowed its space (called it”a).
            if stack:
                role = CLOSE
            else:
                mark.stray, role = True, OPEN
        elif role == INNER and mark.glyph == "“" and not stack and _after_sentence(para, mark):
            mark.stray, role = True, OPEN  # said it.“We bake: an opener that swallowed its space
        elif role == INNER and mark.glyph == "”" and stack and para[mark.start - 1] in ".!?…":
            role = CLOSE  # “Stop.”He ran: the end of the quotation, which swallowed its space
        elif role == AMBIG and (mark.kind == "double" or mark.glyph in ("‘", "’")):
            # A double or curly single quote with space on both sides (padding, “ Go home ”,
            # or turned the wrong way as well, ” Go home “) takes its direction from the
            # quotes before it. A straight ' there may be a foot mark or a typo: left as it was.
            # Two such marks, one curly and one straight, neither facing its way (“ yes " and
            # " yes ” pair), are no pair: only the order of the marks would say so, and that
            # guess turns ” rushed ” and " review " inside out.
            top = marks[stack[-1]] if stack else None
            guess = (
                top is not None
                and top.role == AMBIG
                and _straight(top) != _straight(mark)
                and top.glyph not in ("“", "‘")
                and mark.glyph not in ("”", "’")
            )
            role = CLOSE if top is not None and not guess else OPEN
        if role == OPEN or (role == AMBIG and (mark.glyph in "‘“" or (curly and not stack))):
            stack.append(i)
            if len(stack) > _MAX_STACK:
                del stack[0]
        elif role == TICK_CLOSE:
            if stack and marks[stack[-1]].glyph == mark.glyph:
                stack.pop()  # a Markdown `code` span, not a quotation
        elif role == CLOSE and mark.possessive and later_closers[i + 1]:
            mark.role = APOS
        elif role in (CLOSE, DIGIT, AMBIG):
            if mark.glyph == "''" and not (stack and marks[stack[-1]].glyph in _DOUBLED_PARTNERS):
                # Not the end of ''…'' or ``…'': an apostrophe and a closing single quote,
                # as in 'the students'', which close the open single quote if there is one.
                mark.kind, stack = "single", stacks["single"]
            if stack:
                j = stack.pop()
                opener = marks[j]
                opener.partner, mark.partner, opener.opener = i, j, True
                # A closer after an s may be a plural possessive (players’ union), which
                # leaves the pair unsure; not when it closes a stray opener and a new phrase
                # follows (is’set to cut jobs’ by).
                opener.confident = mark.confident = not mark.possessive or (
                    opener.stray and _phrase_after(para, mark)
                )
            elif role == CLOSE and mark.kind == "single":
                mark.role = APOS
