"""Which texts ftfy is certain to leave alone, derived from ftfy's own character data.

``fix_mojibake`` calls ``ftfy.fix_text`` with textfix's configuration (``FTFY_CONFIG``). With
that configuration ftfy changes a segment (a line) only if one of these holds:

- it holds ``&`` (``unescape_html``: every entity in ``chardata.HTML_ENTITY_RE`` starts with it);
- it holds ESC (``remove_terminal_escapes``: ``fixes.ANSI_RE`` starts with it);
- it holds a C1 control (``fix_c1_controls``: ``chardata.C1_CONTROL_RE``), a Latin ligature
  (``fix_latin_ligatures``: the keys of ``chardata.LIGATURES``) or a surrogate
  (``fix_surrogates``: ``fixes.SURROGATE_RE``) — together ``HARD_TRIGGER_RE``;
- ``badness.BADNESS_RE`` matches it: ftfy tries re-encoding only when ``is_bad(segment)``.

The hard triggers are read from those ftfy tables. ``BADNESS_RE`` is built in ftfy from the
character categories it publishes (``ftfy.badness.MOJIBAKE_CATEGORIES``); ``ALTERNATIVES``
spells out its alternatives item by item in those categories (a test checks them against the
installed ftfy's regex). Every alternative needs at least one character from a fixed class, and
for each alternative the class least common in correct text is chosen for the mojibake-prone
set ``PRONE_CHARS`` (any choice would be sound; this one is fast). A text with none of those
characters and no hard trigger cannot match ``BADNESS_RE``.

For text that does hold prone characters (curly quotes, accented letters), ``looks_bad``
searches ``BADNESS_RE`` only in a window around each one: a match has at most
``BADNESS_WIDTH`` characters and must contain a prone character, so it lies inside one window.

Most correct text holds prone characters (“ ” £ are prone), so ``is_quiet`` screens first with a
finer set read off ``BADNESS_RE`` the same way: for each alternative, two consecutive items whose
classes are both non-ASCII (every match then holds two adjacent non-ASCII characters, one from
each class), or failing that one class, as above. Non-ASCII characters are adjacent in a text
exactly when they are adjacent in its ``non_ascii_runs``, a string a few characters long in
English prose, so the screen never scans the text with a regex.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence

from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from ftfy.chardata import LIGATURES

#: One character ``BADNESS_RE`` reads with a class not spelled out here (``\s``, ``\w``, ``.``,
#: ``[^A-Za-z]``, an optional ``\s?``), and its one zero-width item (``^``).
ANY = None
START = ""
# BADNESS_RE in ftfy 6.3, alternative by alternative: each item a class body in ftfy's
# categories ("{bad}") and characters, ranges "a-b" allowed, or ANY / START.
_BADNESS_ITEMS: tuple[tuple[str | None, ...], ...] = (
    ("{c1}",),
    (
        "{bad}{lower_accented}{upper_accented}{box}{start_punctuation}{end_punctuation}"
        "{currency}{numeric}{law}",
        "{bad}",
    ),
    ("a-zA-Z", "{lower_common}{upper_common}", "{bad}"),
    (
        "{bad}",
        "{lower_accented}{upper_accented}{box}{start_punctuation}{end_punctuation}{currency}"
        "{numeric}{law}",
    ),
    ("{lower_accented}{lower_common}{box}{end_punctuation}{currency}{numeric}", "{upper_accented}"),
    ("{box}{end_punctuation}{currency}{numeric}", "{lower_accented}"),
    ("{lower_accented}{box}{end_punctuation}", "{currency}"),
    (ANY, "{upper_accented}", "{currency}"),
    ("{upper_accented}{box}", "{numeric}{law}"),
    (
        "{lower_accented}{upper_accented}{box}{currency}{end_punctuation}",
        "{start_punctuation}",
        "{numeric}",
    ),
    (
        "{lower_accented}{upper_accented}{currency}{numeric}{box}{law}",
        "{end_punctuation}",
        "{start_punctuation}",
    ),
    ("{currency}{numeric}{box}", "{start_punctuation}"),
    ("a-z", "{upper_accented}", "{start_punctuation}{currency}"),
    ("{box}", "{kaomoji}"),
    (
        "{lower_accented}{upper_accented}{currency}{numeric}{start_punctuation}"
        "{end_punctuation}{law}",
        "{box}",
    ),
    ("{box}", "{end_punctuation}"),
    ("{lower_accented}{upper_accented}", "{start_punctuation}{end_punctuation}", ANY),
    ("Œœ", ANY),
    ("{upper_accented}", "°"),
    ("ÂÃÎÐ", "€œŠš¢£Ÿž\xa0\xad®©°·»{start_punctuation}{end_punctuation}–—´"),
    ("×", "²³"),
    (
        "ØÙ",
        "{common}{currency}{bad}{numeric}{start_punctuation}ŸŠ®°µ»",
        "ØÙ",
        "{common}{currency}{bad}{numeric}{start_punctuation}ŸŠ®°µ»",
    ),
    ("à", "²µ¹¼½¾"),
    ("√", "±∂†≠®™´≤≥¥µø"),
    ("≈", "°¢"),
    ("‚", "Ä", "ìîïòôúùû†°¢π"),
    ("‚", "âó", "àä°ê"),
    ("в", "Ђ"),
    ("ВГРС", "{c1}{bad}{start_punctuation}{end_punctuation}{currency}°µ", "ВГРС"),
    ("Г", "ў", "В", "Ђ", "В", ANY, "A-Za-z "),
    ("Ã", "\xa0¡"),
    ("a-z", ANY, "ÃÂ", " "),
    (START, "ÃÂ", " "),
    ("a-z.,?!{end_punctuation}", "Â", " {start_punctuation}{end_punctuation}"),
    ("β", "€", "™\xa0Ά\xad®°"),
    ("ΒΓΞΟ", "{c1}{bad}{start_punctuation}{end_punctuation}{currency}°", "ΒΓΞΟ"),
    ("ā", "€"),
)


def class_chars(body: str) -> frozenset[int]:
    """The characters of a class body: characters and ``a-b`` ranges (``\\xHH`` escapes).

    >>> sorted(map(chr, class_chars("a-c\\xa0-")))
    ['-', 'a', 'b', 'c', '\xa0']
    """
    chars = re.sub(r"\\x([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), body)
    codes: set[int] = set()
    index = 0
    while index < len(chars):
        if index + 2 < len(chars) and chars[index + 1] == "-":
            codes.update(range(ord(chars[index]), ord(chars[index + 2]) + 1))
            index += 3
        else:
            codes.add(ord(chars[index]))
            index += 1
    return frozenset(codes)


def _item(template: str | None) -> frozenset[int] | None:
    if not template:
        return None
    return class_chars(template.format(**MOJIBAKE_CATEGORIES))


#: ``BADNESS_RE``'s alternatives: per item, the characters it matches (None: not read).
ALTERNATIVES: tuple[tuple[frozenset[int] | None, ...], ...] = tuple(
    tuple(_item(template) for template in items) for items in _BADNESS_ITEMS
)
#: The longest match ``BADNESS_RE`` can make (each item but ``^`` reads one character).
BADNESS_WIDTH: int = max(
    sum(template is not START for template in items) for items in _BADNESS_ITEMS
)

# Characters frequent in correct text cost more when choosing each alternative's class: ASCII
# most of all, then ftfy's own "common" and quotation categories, then letters.
_FREQUENT_PUNCTUATION = frozenset(
    "".join(
        MOJIBAKE_CATEGORIES[name] for name in ("common", "start_punctuation", "end_punctuation")
    )
)


def _char_cost(code: int) -> int:
    char = chr(code)
    if code < 0x80:
        return 1000
    if char in _FREQUENT_PUNCTUATION:
        return 50
    if char.isalpha():
        return 20
    return 1


Alternative = Sequence[frozenset[int] | None]


def derive_prone_chars(alternatives: Iterable[Alternative]) -> frozenset[int] | None:
    """A set of characters at least one of which is in every match of the ``alternatives``.

    Returns None when some alternative has no mandatory character class (then no such set can
    be read off and callers must not take a fast path).

    >>> x, e, y, ab = (frozenset(map(ord, chars)) for chars in ("x", "éè", "ÿ", "ab"))
    >>> sorted(map(chr, derive_prone_chars([(x, e), (ab, y)])))
    ['è', 'é', 'ÿ']
    >>> derive_prone_chars([(None,), (e,)]) is None
    True
    """
    prone: set[int] = set()
    for alternative in alternatives:
        candidates = [chars for chars in alternative if chars is not None]
        if not candidates:
            return None
        cheapest = min(candidates, key=_cost)
        prone.update(cheapest)
    return frozenset(prone)


_COSTS: dict[frozenset[int], int] = {}


def _cost(chars: frozenset[int]) -> int:
    cost = _COSTS.get(chars)
    if cost is None:  # (the same classes come up again and again: computed once each)
        cost = _COSTS[chars] = sum(map(_char_cost, chars))
    return cost


def derive_badness_screen(
    alternatives: Iterable[Alternative],
) -> tuple[frozenset[int], dict[int, frozenset[int]]] | None:
    """Lone characters and adjacent pairs, one of which is in every match of the alternatives.

    For each alternative: two consecutive items matching one or more characters each, from
    classes that are both non-ASCII (the two least common in correct text), so every match holds
    such a pair side by side; failing that, one class, as in ``derive_prone_chars``. Returns the
    lone characters and the pairs (first character -> second characters), or None when some
    alternative offers neither or its lone class holds ASCII (``is_quiet`` looks only at a
    text's non-ASCII characters).

    >>> x, e, y, ab, u = (frozenset(map(ord, c)) for c in ("x", "éè", "ÿ", "ab", "ü"))
    >>> lone, pairs = derive_badness_screen([(x, e, y), (ab, u)])
    >>> sorted(map(chr, lone)), {chr(k): sorted(map(chr, v)) for k, v in pairs.items()}
    (['ü'], {'è': ['ÿ'], 'é': ['ÿ']})
    >>> derive_badness_screen([(e, ab), (frozenset(map(ord, "c")),)]) is None
    True
    """
    lone: set[int] = set()
    pairs: dict[int, set[int]] = {}
    for alternative in alternatives:
        items = list(alternative)
        adjacent = [
            (first, second)
            for first, second in itertools.pairwise(items)
            if first and second and min(first) >= 0x80 and min(second) >= 0x80
        ]
        if adjacent:
            firsts, seconds = min(adjacent, key=lambda pair: _cost(pair[0]) * _cost(pair[1]))
            for code in firsts:
                pairs.setdefault(code, set()).update(seconds)
            continue
        classes = [chars for chars in items if chars]
        if not classes or min(cheapest := min(classes, key=_cost)) < 0x80:
            return None
        lone.update(cheapest)
    return frozenset(lone), {code: frozenset(seconds) for code, seconds in pairs.items()}


def char_class(codes: Iterable[int]) -> str:
    """A regex character class matching exactly ``codes`` (runs of codes as ranges, which
    keeps classes such as the 2,048 surrogates quick to compile).

    >>> char_class(map(ord, "a-]")), char_class(map(ord, "abcdz"))
    ('[\\\\-\\\\]a]', '[a-dz]')
    """
    parts: list[str] = []
    for _, run in itertools.groupby(enumerate(sorted(set(codes))), lambda x: x[1] - x[0]):
        run_codes = [code for _, code in run]
        first, last = re.escape(chr(run_codes[0])), re.escape(chr(run_codes[-1]))
        parts.append(
            first
            if len(run_codes) == 1
            else f"{first}{last}"
            if len(run_codes) == 2
            else f"{first}-{last}"
        )
    return "[" + "".join(parts) + "]"


#: The character every terminal escape ftfy removes starts with (ESC: ``fixes.ANSI_RE``).
TERMINAL_ESCAPE = "\x1b"
#: Characters that make ftfy act whatever the text around them looks like: "&" (every entity
#: of ``chardata.HTML_ENTITY_RE``), ESC, the C1 controls (``chardata.C1_CONTROL_RE``: ftfy's
#: "c1" category), the surrogates (``fixes.SURROGATE_RE``) and the keys of ``LIGATURES``.
HARD_TRIGGERS: frozenset[int] = frozenset(
    {ord("&"), ord(TERMINAL_ESCAPE)}
    | class_chars(MOJIBAKE_CATEGORIES["c1"])
    | set(range(0xD800, 0xE000))
    | set(LIGATURES)
)
HARD_TRIGGER_RE = re.compile(char_class(HARD_TRIGGERS))

_PRONE = derive_prone_chars(ALTERNATIVES)
_SCREEN = derive_badness_screen(ALTERNATIVES)
#: True when the fast paths could be derived from the installed ftfy (always, for ftfy 6.3).
DERIVED = _PRONE is not None and _SCREEN is not None
#: Characters at least one of which every ``BADNESS_RE`` match holds.
PRONE_CHARS: frozenset[int] = _PRONE if _PRONE is not None else frozenset()
#: Any character that can make ftfy look twice at a text: the prone set and the hard triggers.
TRIGGER_RE = re.compile(char_class(PRONE_CHARS | HARD_TRIGGERS))
_PRONE_RE = re.compile(char_class(PRONE_CHARS) if PRONE_CHARS else "(?!)")
# A run of prone characters each at most 2 * BADNESS_WIDTH - 1 after the one before: their
# search windows overlap (see ``looks_bad``). A prone character and a gap of others are
# disjoint classes, so the regex has one way to match and never backtracks far.
_PRONE_CLUSTER_RE = re.compile(
    f"{char_class(PRONE_CHARS)}(?:[^{char_class(PRONE_CHARS)[1:]}{{0,{2 * BADNESS_WIDTH - 2}}}"
    f"{char_class(PRONE_CHARS)})*"
    if PRONE_CHARS
    else "(?!)"
)
# ftfy searches BADNESS_RE line by line, where "^" matches at each line start; searching a whole
# text at once needs MULTILINE to see the same matches (it may also see matches that span a line
# break, which only sends the text to the slow path).
# (Compiled on first use: the regex is large, and most processes never need it.)
_badness_multiline_re = functools.cache(
    lambda: re.compile(BADNESS_RE.pattern, BADNESS_RE.flags | re.MULTILINE)
)

_LONE, _PAIRS = _SCREEN if _SCREEN is not None else (frozenset(), {})
# The screen reads a text's non-ASCII runs: hard triggers there (surrogates never get that far,
# UTF-8 cannot encode them), lone characters, and the first character of a pair followed by a
# possible second one (the exact pair is then looked up in _PAIR_SECONDS).
_NON_ASCII_HARD_RE = re.compile(char_class(code for code in HARD_TRIGGERS if code >= 0x80))
_LONE_RE = re.compile(char_class(_LONE) if _LONE else "(?!)")
_PAIR_START_RE = re.compile(
    f"{char_class(_PAIRS)}(?={char_class(set().union(*_PAIRS.values()))})" if _PAIRS else "(?!)"
)
_seconds_as_chars = functools.cache(lambda seconds: frozenset(map(chr, seconds)))
_PAIR_SECONDS = {chr(code): _seconds_as_chars(seconds) for code, seconds in _PAIRS.items()}
# Every ASCII byte becomes a space, so that splitting UTF-8 on whitespace leaves the runs of
# non-ASCII characters (bytes.split() counts only ASCII bytes as whitespace).
_ASCII_TO_SPACE = bytes.maketrans(bytes(range(0x80)), b" " * 0x80)


def non_ascii_runs(text: str) -> str | None:
    """The runs of non-ASCII characters of ``text``, a space between runs; None for surrogates.

    Two non-ASCII characters are adjacent here exactly when they are adjacent in ``text``.
    UTF-8 encoding, ``bytes.translate`` and ``bytes.split`` run in tight C loops: on news text
    this takes 3.5 us a document where a regex scan for the same characters took 7 (measured).

    >>> non_ascii_runs("“Café” — it’s £5"), non_ascii_runs("lone " + chr(0xD800))
    ('“ é” — ’ £', None)
    """
    try:
        data = text.encode()
    except UnicodeEncodeError:  # only surrogates fail to encode
        return None
    return b" ".join(data.translate(_ASCII_TO_SPACE).split()).decode()


def is_quiet(text: str) -> bool:
    r"""True when ftfy's fixes other than ``unescape_html`` leave every line of ``text`` alone.

    That holds when ``text`` has no hard trigger but ``&`` and ``BADNESS_RE`` cannot match
    (line starts counting as ``^``): ftfy re-encodes only bad or non-ASCII text, and each other
    fix needs a hard trigger. The screen sends a text to ``looks_bad`` only when it holds a lone
    character or one of the pairs; without them no ``BADNESS_RE`` alternative can match.

    >>> is_quiet("“Café” — it’s £5 &amp; more"), is_quiet("CafÃ© au lait")
    (True, False)
    >>> is_quiet("colour \x1b[31m"), is_quiet("\ufb01nancial"), is_quiet("”“ fine too")
    (False, False, True)
    """
    if text.isascii():
        # No C1 control, ligature or surrogate is ASCII, and BADNESS_RE needs a non-ASCII
        # character in every match (ftfy does not even look for it in ASCII text).
        return TERMINAL_ESCAPE not in text
    if not DERIVED or TERMINAL_ESCAPE in text:
        return False
    runs = non_ascii_runs(text)
    if runs is None or _NON_ASCII_HARD_RE.search(runs):
        return False
    return not (_screen_hit(runs) and looks_bad(text, multiline=True))


def _screen_hit(runs: str) -> bool:
    """True if ``runs`` (see ``non_ascii_runs``) holds a lone character or a screened pair."""
    return bool(_LONE_RE.search(runs)) or any(
        runs[match.end()] in _PAIR_SECONDS[match.group()] for match in _PAIR_START_RE.finditer(runs)
    )


def is_bad(text: str) -> bool:
    r"""``ftfy.badness.is_bad(text)``: True if ``BADNESS_RE`` matches ``text``.

    ``looks_bad`` behind the screen of ``is_quiet``: on correct prose the screen is several
    times faster than even the windowed search (measured: 3.5 against 18 us for a 2,400-character
    news article with curly quotes).

    >>> is_bad("CafÃ© au lait"), is_bad("“Café” — it’s £5"), is_bad("”“ after a space")
    (True, False, False)
    """
    if not DERIVED:
        return bool(BADNESS_RE.search(text))
    if text.isascii():
        return False  # every BADNESS_RE match holds a non-ASCII character (derived)
    runs = non_ascii_runs(text)
    if runs is not None and not _screen_hit(runs):
        return False
    return looks_bad(text)


def looks_bad(text: str, *, multiline: bool = False) -> bool:
    """True if ``BADNESS_RE`` matches ``text`` (``multiline``: at any line start for ``^``).

    Equal to ``bool(BADNESS_RE.search(text))`` but searches only near prone characters.
    ``pattern.search(text, pos, endpos)`` keeps ``^`` anchored to the real string, so a window
    match is a match of the whole text.

    >>> looks_bad("CafÃ© au lait"), looks_bad("“Café” — it’s fine.")
    (True, False)
    """
    pattern = _badness_multiline_re() if multiline else BADNESS_RE
    width = BADNESS_WIDTH
    # Windows around neighbouring prone characters overlap in prose full of curly quotes and
    # accents; they are merged so each stretch of text is searched once: one window for each
    # run of prone characters whose windows overlap, found by one regex (a loop over every
    # accented letter of French prose cost more than the searches).
    return any(
        pattern.search(text, max(0, run.start() - width + 1), run.end() - 1 + width)
        for run in _PRONE_CLUSTER_RE.finditer(text)
    )
