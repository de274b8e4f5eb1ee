"""Bylines: ``By Jane Smith``, ``By JANE SMITH and OMAR ALI``, ``By Jane Smith, Reuters``.

A byline is a whole line (or a whole ``|``-separated segment of a header line): the byline word
(By, Von, Ein Beitrag von, Par, Por, Di, Door) and one to six names of capitalised words joined
by commas or "and". The author is the byline as written minus the byline word, with no change of
case.

Known false positives avoided: "By Friday, Kyiv had fallen" and "By the time they arrived…"
are sentences: lower-case words, a weekday or month after "By", or a closing full stop make a
line prose.
"""

from __future__ import annotations

import re

from textfix.extract.dates import MONTHS, WEEKDAYS

# Byline words of the languages textfix's boilerplate rules cover, with the verbs WordPress
# themes put before them ("Posted by", "Written by") and the "Author:" labels.
BY_WORD = (
    r"(?:(?:[Pp]osted|[Ww]ritten|[Ww]ords|[Ss]tory|[Rr]eporting|[Rr]eported) by"
    r"|(?:(?:[Ee]in|EIN) )?(?:[Bb]eitrag|BEITRAG) (?:von|VON)"
    r"|[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]i|DI|[Dd]oor|DOOR"
    r"|(?:[Aa]uthor|AUTHOR|[Aa]utor|[Aa]uteur|[Aa]utore|[Аа]втор|АВТОР)(?=:))"
)
# The first letters of BY_WORD: a segment opening otherwise is no byline.
BY_FIRST = "BbVvPpDdWwSsRrAaEeАа"
# A capitalised word: Smith, O'Brien, JANE, Al-Sayed, J., Ж. — and lower-case name particles.
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĞĠĢĤĦĨĪĮİĴĶĹĻĽĿŁŃŅŇŊŌŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽА-ЯЁЄІЇҐ"
CAP_WORD = rf"[{UPPER}][\w'’\-]{{0,30}}\.?"
PARTICLE = r"(?:de|da|das|del|della|der|den|di|do|dos|du|la|le|van|von|ter|bin|al|el|ibn)"
NAME = rf"{CAP_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{CAP_WORD}){{0,4}}"
JOINER = r"(?:\s*,\s*|\s+(?:and|&|und|et|y|e|en|и|і)\s+)"
# Where a correspondent files from or whom for: "Jane Smith in Kyiv", "Jane Smith for The
# Observer" (a place or a title of one to three words).
PLACE = rf"(?:\s+(?:in|for|For)\s+(?:[Tt]he\s+)?{CAP_WORD}(?:\s+{CAP_WORD}){{0,2}})?"
BYLINE_RE = re.compile(rf"{BY_WORD}:?\s+(?P<author>{NAME}{PLACE}(?:{JOINER}{NAME}{PLACE}){{0,5}})")
# Words that start a sentence, not a name, after "By": "By Friday, Kyiv…", "By March, the…".
# Month names are also first names ("Jan de Vries", "May Jones"), so a month only counts when
# a comma follows it or it stands alone.
NOT_A_NAME = frozenset(WEEKDAYS) | {"then", "now", "far", "law", "way", "noon", "night"}


# A WordPress theme prints the account's login or display name as it is, often in lower case
# ("by admin", "Posted by jsmith", "Author: editor"): one such word is an author after the
# English byline labels alone ("di notte", "par exemple" are phrases), and never a word that
# follows "by" in a sentence ("by far", "by hand", "by then").
HANDLE_BYLINE_RE = re.compile(
    r"(?:(?:[Pp]osted|[Ww]ritten) by|[Bb]y|BY|(?:[Aa]uthor|AUTHOR):)\s+"
    r"(?P<author>[a-z][a-z0-9._\-]{1,29})"
)
NOT_A_HANDLE = (
    frozenset(WEEKDAYS)
    | frozenset(MONTHS)
    | {
        "the", "a", "an", "far", "now", "then", "hand", "default", "design", "way", "law",
        "night", "day", "noon", "midnight", "dawn", "nightfall", "air", "sea", "road", "rail",
        "car", "bus", "train", "foot", "mail", "post", "phone", "email", "chance", "accident",
        "mistake", "contrast", "comparison", "definition", "nature", "heart", "proxy", "force",
        "name", "birth", "request", "invitation", "appointment", "tomorrow", "tonight", "today",
        "myself", "himself", "herself", "itself", "themselves", "yourself", "ourselves", "us",
        "them", "him", "her", "me", "you", "it", "this", "that", "these", "those", "all",
        "some", "many", "most", "which", "whom", "what", "how", "one", "two", "means",
    }
)  # fmt: skip


def read_byline(segment: str) -> str | None:
    """The author of ``segment`` when the whole of it is a byline.

    >>> read_byline("By JANE SMITH and OMAR ALI")
    'JANE SMITH and OMAR ALI'
    >>> read_byline("By Jane Smith, Reuters")
    'Jane Smith, Reuters'
    >>> read_byline("By Friday, Kyiv") is None, read_byline("By the time we arrived.") is None
    (True, True)
    >>> read_byline("Posted by Jane Smith"), read_byline("Author: Jane Smith")
    ('Jane Smith', 'Jane Smith')
    >>> read_byline("Автор: Иван Петров")
    'Иван Петров'
    >>> read_byline("Ein Beitrag von Lena Fischer"), read_byline("Ein Beitrag von gestern")
    ('Lena Fischer', None)
    >>> read_byline("By Jane Smith in Kyiv and Omar Ali in Moscow")
    'Jane Smith in Kyiv and Omar Ali in Moscow'
    >>> read_byline("by admin"), read_byline("Posted by jsmith"), read_byline("by far")
    ('admin', 'jsmith', None)
    """
    if not segment or segment[0] not in BY_FIRST:  # cheap test first: every byline word starts so
        return None
    match = BYLINE_RE.fullmatch(segment)
    if match is None:
        handle = HANDLE_BYLINE_RE.fullmatch(segment) if segment[0] in "BbPpWwAa" else None
        if handle is None or handle["author"].rstrip(".") in NOT_A_HANDLE:
            return None
        return handle["author"]
    author = match["author"]
    words = author.split()
    first_word = words[0].rstrip(".,").lower()
    if first_word in MONTHS and (len(words) == 1 or words[0].endswith(",")):
        return None
    # A closing full stop after a whole word ends a sentence; after an initial it is the name's.
    last_word = author.rsplit(None, 1)[-1]
    if first_word in NOT_A_NAME or (last_word.endswith(".") and len(last_word) > 2):
        return None
    return author
