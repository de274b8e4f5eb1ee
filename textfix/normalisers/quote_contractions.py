"""Contractions split by a space: ``It’ s``, ``didn ’t``, ``do n't``.

Scrapers, OCR and tokenisers leave a space inside English contractions: after the apostrophe
(``It’ s``, ``can’ t``, ``you’ re``), before it (``It ’s``, ``didn ’t``, as tokenised corpora
write them) or before ``n't`` (``do n't``, ``ca n't``: Penn Treebank tokenisation). Quote repair
closes them up before it reads the marks, so ``It’ s`` is never taken for a closing quote.

A split is closed only where nothing else can be meant:

- a space after the apostrophe, then ``s``, ``t``, ``re``, ``ve``, ``ll``, ``d`` or ``m`` alone
  (``t`` only after an ``n``: ``can’ t``): no language writes an apostrophe, a space and then
  one of these as a word;
- a space before the apostrophe only after the words that take the suffix (``it ’s``, ``I ’m``,
  ``didn ’t``), because Dutch writes ``’s avonds``, ``’t`` and ``’m`` after a space;
- ``n't`` after the auxiliaries it negates (``do``, ``ca``, ``wo``, …).

Left alone: a suffix followed by a letter, a digit, a hyphen or a quote (``the ’s’ key``,
``children’ t-shirts``), and leading elisions (``rock ’n’ roll``, ``get ’em``).

>>> print(join_contractions("It’ s a shame he didn ’t come; they do n't know."))
It’s a shame he didn’t come; they don't know.
>>> join_contractions("Hij kwam ’s avonds thuis en zag ’m niet.")
'Hij kwam ’s avonds thuis en zag ’m niet.'
"""

from __future__ import annotations

import re

#: Characters a contraction's apostrophe is typed as.
APOSTROPHES = "’'‘´"
_SUFFIX = "(?i:t|s|re|ve|ll|d|m)"
#: What may follow the suffix: not a letter or digit, not a hyphen or a quote.
_END = f"(?![^\\W_])(?![{APOSTROPHES}-])"
_LETTER = "[^\\W\\d_]"

#: Whitespace inside a line (every character ``str.isspace`` accepts but the line breaks):
#: quote repair reads any of it as a space, and whitespace tidying later makes a run of spaces
#: and tabs one space, so a split is closed up whatever it holds.
_GAP_CHARS = "\t\x1f \xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_GAP = f"[{re.escape(_GAP_CHARS)}]"

#: One pattern per kind of split, each starting with the apostrophe (``quote_precheck`` uses
#: them to mark a split contraction as a suspicious mark). The word before a ``before`` or
#: ``treebank`` split (and the gap before it) is checked in :func:`join_contractions`.
SPLIT_PATTERNS = {
    "after": f"(?<={_LETTER}[{APOSTROPHES}]){_GAP}+{_SUFFIX}{_END}",
    "before": f"(?<={_GAP}[{APOSTROPHES}]){_GAP}*{_SUFFIX}{_END}",
    "treebank": f"(?<={_GAP}[nN][{APOSTROPHES}])[tT]{_END}",
}
_SPLIT_RE = re.compile(
    f"[{APOSTROPHES}](?:"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in SPLIT_PATTERNS.items())
    + ")"
)

#: The words a suffix written after a space follows (``it ’s``, ``I ’m``, ``didn ’t``).
_TAKES = {
    "s": "it that what there here he she who where how let when why this everyone everything "
    "everybody someone something somebody nobody nothing",
    "t": "don doesn didn isn aren wasn weren haven hasn hadn couldn wouldn shouldn can won ain "
    "mustn needn mightn shan daren",
    "re": "you we they who what there",
    "ve": "i you we they who would could should might must",
    "ll": "i you we they he she it that there who what",
    "d": "i you we they he she it that there who",
    "m": "i",
}
TAKES_SUFFIX = {suffix: frozenset(words.split()) for suffix, words in _TAKES.items()}
#: Auxiliaries a Penn Treebank ``n't`` is split from (``ca n't`` is ``can't``).
_TREEBANK = "do does did is are was were has have had could would should ca wo ai must need might"
TREEBANK_BASES = frozenset((_TREEBANK + " sha dare").split())
_WORD_BEFORE_RE = re.compile(f"(?<!{_LETTER}){_LETTER}{{1,10}}$")


def _word_before(text: str, end: int) -> str:
    """The word ending at ``end``, in lower case, if it is at most 10 letters long (``""``
    otherwise): only short words take a suffix, and the window keeps the check constant-time."""
    window = text[max(0, end - 11) : end]
    found = _WORD_BEFORE_RE.search(window)
    if found is None or (found.start() == 0 and end - 11 > 0):
        return ""  # no word, or one longer than the window
    return found.group().lower()


def _gap_start(text: str, end: int) -> int:
    """Where the run of whitespace ending at ``end`` starts."""
    start = end
    while start > 0 and text[start - 1] in _GAP_CHARS:
        start -= 1
    return start


#: The characters a suffix can start with (``_SUFFIX`` ignores case, and so reads ``ſ`` as ``s``).
_SUFFIX_FIRST = "tsrvldmTSRVLDM\u017f"
#: How many apostrophes ``_may_hold_split`` looks at before it leaves the text to the regex.
_SCREENED_MARKS = 32


def _may_hold_split(text: str) -> bool:
    """False when no apostrophe of ``text`` stands where a split contraction's does, so none
    can be split: beside whitespace, with a suffix's first letter after it or after one
    whitespace character after it. Found by a few ``str.find`` calls, several times faster than
    a regex scan; after ``_SCREENED_MARKS`` apostrophes it answers True and leaves the rest to
    the regex, so a text of apostrophes costs no more than that.

    >>> _may_hold_split("It’s fine."), _may_hold_split("It’ s"), _may_hold_split("ca n't")
    (False, True, True)
    >>> _may_hold_split("No apostrophe"), _may_hold_split("the ‘quoted’ word, ’90s")
    (False, False)
    """
    seen = 0
    for mark in APOSTROPHES:
        at = text.find(mark)
        while at != -1:
            seen += 1
            if seen > _SCREENED_MARKS:
                return True
            after = text[at + 1 : at + 2]
            if after and after in _GAP_CHARS:  # ("’ s", "it ’ s")
                after = text[at + 2 : at + 3]
                if after and (after in _GAP_CHARS or after in _SUFFIX_FIRST):
                    return True
            elif after and after in _SUFFIX_FIRST:  # ("it ’s", "do n't")
                before = text[at - 1 : at]
                if before and (
                    before in _GAP_CHARS
                    or (before in "nN" and at > 1 and text[at - 2] in _GAP_CHARS)
                ):
                    return True
            at = text.find(mark, at + 1)
    return False


def join_contractions(text: str, notes: list[str] | None = None) -> str:
    """``text`` with the spaces inside split contractions removed; ``notes`` (if given) gets
    one line per contraction joined, at its offset in ``text``.

    >>> join_contractions("You’ re right, I ’m sure it' s fine and we ca n't stop.")
    "You’re right, I’m sure it's fine and we can't stop."
    >>> join_contractions("The children’ t-shirts, the ’s’ key, rock ’n’ roll, get ’em.")
    'The children’ t-shirts, the ’s’ key, rock ’n’ roll, get ’em.'
    >>> notes = []; _ = join_contractions("It’ s", notes); notes
    ["split contraction at 2: '’ s' -> '’s'"]
    >>> join_contractions("do'\\tM, they  ’re here, we\\tdo n't")
    "do'M, they’re here, we\\tdon't"
    """
    if not _may_hold_split(text):
        return text
    cuts: list[tuple[int, int]] = []  # ranges of whitespace to remove
    for match in _SPLIT_RE.finditer(text):
        mark = match.start()
        suffix = match.group()[1:].lstrip(_GAP_CHARS).lower()
        inside = (mark + 1, match.end() - len(suffix))  # the gap after the mark, if any
        if match.group("after") is not None:
            if suffix == "t" and text[mark - 1] not in "nN":
                continue
            start = mark
            cuts.append(inside)
        elif match.group("before") is not None:
            start = _gap_start(text, mark)
            # The pattern ignores case, so ``ſ`` (long s) and ``K`` (Kelvin) match too:
            # such a suffix takes no word.
            if _word_before(text, start) not in TAKES_SUFFIX.get(suffix, ()):
                continue
            cuts += [(start, mark), inside]
        else:
            start = _gap_start(text, mark - 1)
            if _word_before(text, start) not in TREEBANK_BASES:
                continue
            cuts.append((start, mark - 1))
        if notes is not None:
            piece = text[start : match.end()]
            joined = "".join(char for char in piece if char not in _GAP_CHARS)
            notes.append(f"split contraction at {start}: {piece!r} -> {joined!r}")
    if not cuts:
        return text
    parts: list[str] = []
    position = 0
    for start, end in cuts:
        parts.append(text[position:start])
        position = end
    parts.append(text[position:])
    return "".join(parts)
