"""The cheap tests ``extract_header`` settles most lines with, each proven against the full one.

``header_reference`` reads every line of a text's top with every header reader: the date
patterns (two long case-insensitive alternations of month and weekday names in a dozen
languages), the byline pattern, the Daily Mail pattern. Most lines are plain (see
``META_START_RE``) and most headlines are simple (see ``SIMPLE_TITLE_RE``): the tests here
say so for a few substring tests and at most one short regex match, and the full readers run
on every other line. Each test either equals a test of ``header_reference``/``titles``/
``datelines`` or implies it; ``tests/test_fast_paths.py`` checks each one, and
``extract_header`` against ``extract_header_reference`` as a whole.
"""

from __future__ import annotations

import re

from textfix.extract.datelines import read_dateline
from textfix.extract.header_reference import HEADER_FRAGMENT_RE, LINE_SCAN, MAX_META_LINE
from textfix.extract.titles import MAX_LONE_TITLE, MAX_TITLE, has_year_hint

# How a line that can hold header metadata opens: a byline word ("By", "Von", …, which
# ``read_byline`` needs before ":" or a space), the seed's "date"/"datum" label, a Daily Mail
# opening ("By . ", "PUBLISHED: . ", "UPDATED: . ", "Last updated at ") or a header fragment
# (``HEADER_FRAGMENT_RE``, which also covers ``NOT_TITLE_START_RE`` of ``titles``). A line
# opening otherwise, with no year in it or too long for a date or byline line, is a plain line:
# no date, byline or Daily Mail line, at most a title (and only as the first line).
META_START_RE = re.compile(
    r"(?i:by|von|par|por|di|door|updated|published|posted|last updated|date|dated|datum)\b"
)
# The first letters of META_START_RE in both cases: a line opening with any other character
# needs no regex match (a set test costs a quarter of one). No other character matches these
# letters case-insensitively (tests/test_fast_paths.py checks every code point).
META_FIRST = "BbVvPpDdUuLl"
# ``read_dateline`` reads a dateline in the first 200 characters of a text.
DATELINE_SCAN = 200

# A plain first line that is surely a lone title (``is_lone_title``), in one match instead of a
# dozen tests: an ASCII capital (no quotation mark or list item such as "1." opens it), not a
# greeting ("Dear all"), then 2 to 14 words of word characters and common punctuation between
# single spaces, no word but the last ending with ".", "?" or "!" (no sentence break, no "A. "
# list item), ending with a word character or "%", maybe "?" or "!", then closing quotation
# marks. Without "/", "@", brackets or any space but " ", it is no link or address;
# ``is_simple_title`` makes the remaining tests. Most headlines of the BBC and the Guardian
# match; the others go to ``is_lone_title`` itself.
_TITLE_CHAR = r"[\w'’‘\"“”,:;&%$£€#.?!\-–—|]"
SIMPLE_TITLE_RE = re.compile(
    r"(?!(?i:dear|hi|hello|hey|greetings|subject:|re:|fwd:) )"
    rf"[A-Z]{_TITLE_CHAR}*(?:(?<![.?!]) {_TITLE_CHAR}+){{1,13}}(?<=[\w%])[?!]?['’\"”]*"
)


def dateline_of(text: str) -> dict[str, str]:
    """``read_dateline`` of a text opening like a dateline (a capital or a bracket), else {}
    (as ``extract_header_reference`` reads it).

    ``DATELINE_RE`` is tried only on a text that could match it: a dash on its first line (no
    part of the pattern matches a line break) within the first 200 characters, and a second
    character that continues a place in capitals (``KYIV``), or an agency in brackets (``(AP)``)
    for a place in words and for an agency alone. Most texts have neither: a title line rarely
    has a dash, and the pattern, with month names in a dozen languages, takes microseconds to
    fail on "BAHIA COCOA REVIEW". One-character substring tests on the first line also cost less
    than ``read_dateline``'s quick reject (it looks for a dash and a space in 200 characters,
    and a space is everywhere).

    >>> dateline_of("LONDON (Reuters) - Shares fell."), dateline_of("London is calling - again")
    ({'dateline': 'LONDON', 'source': 'Reuters'}, {})
    >>> dateline_of("BAHIA COCOA REVIEW\\nSALVADOR, Feb 26 - Showers continued.")
    {}
    """
    if not (text[:1].isupper() or text[:1] == "("):
        return {}
    line = text[:DATELINE_SCAN]
    cut = line.find("\n")
    if cut >= 0:
        line = line[:cut]
    if "-" not in line and "—" not in line and "–" not in line:
        return {}
    if "(" not in line and not ("A" <= text[1:2] <= "Z" or text[1:2] in "'.-"):
        return {}
    return read_dateline(text)


def no_dateline_on_top(text: str, opener: dict[str, str]) -> bool:
    """True when ``read_dateline`` of the first line of ``text`` is surely empty.

    ``opener`` is ``dateline_of(text)``. A text opening with no space has its first line as a
    prefix, and a dateline is read from that line only if it is read from the text: the
    pattern never crosses a line break, and what follows the line (a space or a line break)
    passes its only lookahead (``(?!\\w)`` after a month) as the end of the line does. A text
    opening with neither a capital nor a bracket has no dateline at all.

    >>> no_dateline_on_top("LONDON - \\nShares fell", {"dateline": "LONDON"})
    False
    """
    return not opener and not text[:1].isspace()


def no_meta_line_after(text: str, end: int) -> bool:
    """``no_meta_line_after`` of ``header_reference``, with cheaper tests for a year and for a
    line opening like a header fragment.

    >>> no_meta_line_after("Talks fail\\n12 February 2022", 10)
    False
    """
    following = text[end : end + MAX_META_LINE + 2].lstrip()
    cut = following.find("\n")
    if cut >= 0:
        following = following[:cut]
    if len(following) > MAX_META_LINE:
        return True  # prose again: too long for a date or byline line
    return not has_year_hint(following) and (
        following[:1] not in META_FIRST or HEADER_FRAGMENT_RE.match(following) is None
    )


def is_plain(line: str) -> bool:
    """A plain line: it does not open like a header line (``META_START_RE``), and it has no
    year or is too long for a date or byline line. ``line`` is stripped and not empty.

    >>> is_plain("Ferry fares set to double"), is_plain("By Jane Smith"), is_plain("In 2022")
    (True, False, False)
    """
    return (line[0] not in META_FIRST or META_START_RE.match(line) is None) and (
        len(line) > MAX_META_LINE or not has_year_hint(line)
    )


def next_line_is_plain(text: str, end: int) -> bool:
    """True when the first line after ``end`` (a line break or the end of ``text``) that is not
    blank is plain, or when there is none. Lines are cut as ``read_header`` cuts them.

    >>> next_line_is_plain("Talks fail.\\n\\nThe talks failed after six hours.", 11)
    True
    """
    pos = end + 1
    size = len(text)
    while pos < size:
        cut = text.find("\n", pos, pos + LINE_SCAN)
        cut = min(size, pos + LINE_SCAN) if cut < 0 else cut
        line = text[pos:cut].strip()
        if line:
            return is_plain(line)
        pos = cut + 1
    return True


def rejects_plain_top(text: str, end: int, line: str) -> bool:
    """``cannot_open_header(text, end, line)`` for a plain first line ``line`` ending at ``end``:
    too long for a title, or a sentence with no year and no date or byline line under it.

    >>> rejects_plain_top("The talks failed.\\n\\nThey did.", 17, "The talks failed.")
    True
    """
    return len(line) > MAX_TITLE or (line[-1] == "." and plain_sentence_alone(text, end, line))


def plain_sentence_alone(text: str, end: int, line: str) -> bool:
    """For a plain line closed by a full stop: it has no year, and no date or byline line
    follows it (the end of ``rejects_plain_top``)."""
    return (len(line) <= MAX_META_LINE or not has_year_hint(line)) and no_meta_line_after(text, end)


def is_simple_title(title: str, no_dateline_on_top: bool) -> bool:
    """True when ``title``, a plain first line, is surely a lone title (``SIMPLE_TITLE_RE``).

    ``is_lone_title`` holds for such a line: being plain, it has no year and does not open like
    a byline, and the tests the match leaves out are made here. ``no_dateline_on_top``: the
    title is the first line of a text that ``no_dateline_on_top`` vouches for.

    >>> is_simple_title("Ferry fares set to double", True), is_simple_title("U.S. Says", True)
    (True, False)
    """
    return (
        len(title) <= MAX_LONE_TITLE
        and SIMPLE_TITLE_RE.fullmatch(title) is not None
        and title.count("|") < 2
        and "www." not in title
        and (no_dateline_on_top or not read_dateline(title))
    )
