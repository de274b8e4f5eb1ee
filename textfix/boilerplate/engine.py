"""Which lines of a document could match a boilerplate rule: one RE2 set over the document.

Folding and matching every short line costs microseconds a line, and almost no line of an
article matches a rule. So all rules are first matched at once by an RE2 set (a multi-pattern
automaton: one linear pass whatever the number of rules) against the *screen* of the document:
the whole text lower cased, curly quotes straightened and, when it has any, runs of whitespace
made one space (``screen_text``). Each line of the screen is its folded line (``fold_line``)
with the junk folding strips still around it, so a rule wrapped as
``^[edge junk]*(?:rule)[trailing junk]*$`` matches the screen's line whenever the rule matches
the folded line. The screen may find more (a match can run over a line break, and RE2 runs a
loosened rule: ``loosen``); every line found is folded and checked with Python's ``re`` (what
a rule means), so the result is exactly that of matching every folded line.

Lines longer than a rule can match are blanked before the screen is made. The set only tells
which rules match somewhere; the lines are then found by RE2 again, rule by rule for those
rules alone, never across a line break (linear time whatever the rule). A rule RE2 cannot run
with Python's meaning (inline flags, possessive or atomic groups, Python escapes RE2 lacks, or
a pattern RE2 rejects) is tried with Python's ``re`` on each short line of every text.

>>> engine = LineEngine(["advert(?:isement)?", "(?:.{0,150}[.,] )?all rights reserved"])
>>> engine.candidates("Talks failed.\\n\\n  • ADVERTISEMENT\\n\\n(c) 2022. All  rights reserved.")
[(2, (0,)), (4, (1,))]
>>> engine.candidates("Talks failed.\\n\\nAn advertisement ran.")
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import re2

#: Edge junk ``fold_line`` strips from both ends of a line, and (with more) from its end.
EDGE_JUNK = " \t•·▶►▸›‹»«→|*-–—>"
TRAILING_JUNK = EDGE_JUNK + ".…:!;,\"'"
# Folding straightens the quote family so one pattern serves "Editor's" and "Editor’s".
# (str.replace per quote is several times faster than str.translate with a table.)
FOLDED_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("«", '"'), ("»", '"'))

# The characters str.split() splits on (str.isspace), inside a class: for RE2 the ASCII ones
# (the screen makes the others spaces: a smaller automaton, built twice as fast), for re all
# (which must not cross a line break before a rule: a hit's line is that of its start).
_RE2_SPACE = r"\t-\r\x{1c}-\x{20}"
_WIDE_SPACE_RE = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_RE_SPACE = r"\t\x0b-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# A run of the screen's whitespace (wide spaces are spaces there), never a line break.
_SPACE_RUN_RE = re.compile("[\t\x0b-\r\x1c-\x20]{2,}")
# Pattern text RE2 would read otherwise than Python's re.
_PYTHON_ONLY_RE = re.compile(r"\(\?[>aiLmsux#-]|[*+?}]\+|\\[uUNx]|\[:[a-z]+:\]|\{,")
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


# RE2 for Python's Unicode \d, \w and \s (outside and inside a character class).
_UNICODE_CLASSES = {
    "d": (r"\p{Nd}", r"\p{Nd}"),
    "w": (r"[\p{L}\p{N}_]", r"\p{L}\p{N}_"),
    "s": (f"[{_RE2_SPACE}]", _RE2_SPACE),
}


def _class(chars: str, space: str) -> str:
    return "[" + "".join("\\" + c if c in "\\]^-[" else c for c in sorted(set(chars))) + space + "]"


# What a line of the screen may hold around its folded line ("«"/"»" are '"' on the screen),
# for RE2 and for re.
_LEAD = (_class(EDGE_JUNK + '"', _RE2_SPACE), _class(EDGE_JUNK + '"', _RE_SPACE))
_TRAIL = (_class(TRAILING_JUNK, _RE2_SPACE), _class(TRAILING_JUNK, _RE_SPACE))


def _class_end(pattern: str, start: int) -> int:
    """The index just past the character class opening at ``pattern[start]`` ("[")."""
    index = start + 1
    if pattern.startswith("^", index):
        index += 1
    if pattern.startswith("]", index):
        index += 1  # a "]" first in a class is a literal
    while index < len(pattern) and pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1


def _group_end(pattern: str, start: int) -> int:
    """The index just past the group opening at ``pattern[start]`` ("(")."""
    depth, index = 0, start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _class_end(pattern, index)
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        index += 1
        if depth == 0:
            break
    return index


# Pattern text ``loosen`` copies as it is: no escape, class, group, space, anchor or repeat.
_PLAIN_RUN_RE = re.compile(r"[^\\\[( ^${]+")
_BOUNDS_RE = re.compile(r"\{(\d+),\d+\}")


def loosen(pattern: str, *, for_re2: bool = True) -> str:
    """``pattern`` without the zero-width assertions that could fail inside a longer text
    (anchors, word boundaries, lookbehinds, negative lookaheads), so it matches at least what
    ``pattern`` matches, also with more text around.

    For RE2 also without positive lookaheads (RE2 has none), with ``\\d``, ``\\w`` and ``\\s``
    spelled as Python means them (any Unicode digit, word character or whitespace) and with
    counted repeats left open (``{0,150}`` is ``{0,}``), which keeps the automaton small.

    >>> loosen(r"share(?=s)x$|\\bfoo\\d{1,3}")
    'share(?:)x(?:)|(?:)foo\\\\p{Nd}{1,}'
    >>> loosen(r"[\\d^$-](?<![a-z])(?=x)x{1,3}", for_re2=False)
    '[\\\\d^$-](?:)(?=x)x{1,3}'
    >>> re.fullmatch(loosen("read more", for_re2=False), "read\\xa0more") is not None
    True
    >>> re2.fullmatch(loosen("read more"), "read \\t more") is not None
    True
    """
    out: list[str] = []
    index = 0
    dropped = _LOOKAROUNDS if for_re2 else _LOOKAROUNDS[1:]
    space = _RE2_SPACE if for_re2 else _RE_SPACE
    while index < len(pattern):
        char = pattern[index]
        if char == "[":
            end = _class_end(pattern, index)
            repeated = pattern[end : end + 1] in ("*", "+", "{")
            out.append(_class_for(pattern[index:end], for_re2, repeated=repeated))
            index = end
        elif char == " " or pattern.startswith("\\ ", index):
            # A folded space is a run of whitespace on RE2's screen, one character on re's.
            out.append(f"(?:[{space}]+)" if for_re2 else f"(?:[{space}])")
            index += 1 if char == " " else 2
        elif char == "\\":
            escape = pattern[index : index + 2]
            if escape[1:] in ("A", "Z", "b", "B"):
                out.append("(?:)")  # (an empty group: a quantifier after it still has one)
            elif for_re2 and escape[1:] in _UNICODE_CLASSES:
                out.append(_UNICODE_CLASSES[escape[1:]][0])
            else:
                out.append(escape)
            index += 2
        elif char == "(" and pattern.startswith(dropped, index):
            out.append("(?:)")
            index = _group_end(pattern, index)
        elif char in "^$":
            out.append("(?:)")
            index += 1
        elif char == "{" and for_re2 and (bounds := _BOUNDS_RE.match(pattern, index)):
            out.append(f"{{{bounds.group(1)},}}")
            index = bounds.end()
        else:
            plain = _PLAIN_RUN_RE.match(pattern, index)
            end = plain.end() if plain is not None else index + 1
            out.append(pattern[index:end])
            index = end
    return "".join(out)


def _class_for(body: str, for_re2: bool, *, repeated: bool = False) -> str:
    """A character class (``[...]``) with ``\\d``/``\\w`` spelled for RE2, and whitespace
    when it holds a space (a folded space is any whitespace character on re's screen, where
    runs are collapsed, and any run of whitespace on RE2's).

    The whitespace goes inside the class when the class is ``repeated`` (a quantifier
    follows) or read by re: a run inside a repeat (``(?:[a ]|\\s+)*``) backtracks
    exponentially on a line that almost matches.

    >>> _class_for("[a ]", False) == f"[a {_RE_SPACE}]"
    True
    >>> _class_for("[a ]", True) == f"(?:[a ]|[{_RE2_SPACE}]+)"
    True
    >>> _class_for("[ -]", True, repeated=True) == f"[ \\\\-{_RE2_SPACE}]"
    True
    """
    out: list[str] = []
    index = 0
    spaced = False
    while index < len(body):
        if body[index] == "\\":
            letter = body[index + 1 : index + 2]
            spaced = spaced or letter == " "
            if for_re2 and letter in _UNICODE_CLASSES:
                out.append(_UNICODE_CLASSES[letter][1])
            else:
                out.append(body[index : index + 2])
            index += 2
        else:
            spaced = spaced or body[index] == " "
            out.append(body[index])
            index += 1
    if spaced and not body.startswith("[^"):
        space = _RE2_SPACE if for_re2 else _RE_SPACE
        if repeated or not for_re2:
            inner = "".join(out)[1:-1]
            if inner.endswith("-") and not inner.endswith("\\-"):
                inner = inner[:-1] + "\\-"  # a last "-" is literal: it must stay one
            return f"[{inner}{space}]"
        return f"(?:{''.join(out)}|[{space}]+)"
    return "".join(out)


def _wrapped(pattern: str, for_re2: bool) -> str:
    lead, trail = (_LEAD[0], _TRAIL[0]) if for_re2 else (_LEAD[1], _TRAIL[1])
    return f"{lead}*(?:{pattern}){trail}*"


def screen_text(text: str) -> str:
    """``text`` lower cased, quotes straightened, non-ASCII whitespace made spaces: line for
    line, each folded line with the junk ``fold_line`` strips still around it, and its spaces
    as the (ASCII) whitespace runs they were.

    >>> screen_text("  • Read\\tMORE »\\nEditor’s\\xa0picks:")
    '  • read\\tmore "\\neditor\\'s picks:'
    """
    if not text.isascii():
        for curly, straight in FOLDED_QUOTES:
            if curly in text:
                text = text.replace(curly, straight)
        if _WIDE_SPACE_RE.search(text) is not None:
            text = _WIDE_SPACE_RE.sub(" ", text)
    return text.lower()


class LineEngine:
    """Finds, for each line of a text, the rules (of ``patterns``) it could match when folded.

    ``candidates(text)`` lists ``(line number, rule indexes)`` in order; each line's indexes
    hold every rule its folded line matches (and maybe more).
    """

    def __init__(self, patterns: Sequence[str]) -> None:
        self._patterns = tuple(patterns)
        options = re2.Options()
        options.max_mem = 64 << 20
        options.log_errors = False
        self._set = re2.Set.SearchSet(options)
        self._re2_ids: list[int] = []
        always: list[int] = []
        for index, pattern in enumerate(patterns):
            if _PYTHON_ONLY_RE.search(pattern) is None:
                try:
                    self._set.Add(f"(?m)^{_wrapped(loosen(pattern), True)}$")
                except re2.error:
                    pass  # a pattern RE2 cannot read: searched with Python's re on every text
                else:
                    self._re2_ids.append(index)
                    continue
            always.append(index)
        self._set.Compile()
        self._always = tuple(always)
        self._line_regexes: dict[int, Any] = {}  # compiled RE2 regexes (re2 has no stubs)
        self._fullmatches: dict[int, Callable[[str], re.Match[str] | None]] = {}

    def _re2_lines(self, index: int, screen: bytes) -> list[int]:
        """The lines (numbered from 0) of the UTF-8 ``screen`` on which rule ``index``, loosened
        and wrapped as in the set, matches the whole line.

        Searched by RE2 on its own, never crossing a line break (``never_nl``): one linear pass
        however the rule is written (a rule's ``[^":]*`` searched line by line with Python's
        ``re`` ran on to the end of the text from every line, quadratic in its lines).
        """
        regex = self._line_regexes.get(index)
        if regex is None:
            regex = self._line_regexes[index] = re2.compile(
                f"(?m)^{_wrapped(loosen(self._patterns[index]), True)}$", _line_options()
            )
        numbers = []
        number, counted = 0, 0
        for match in regex.finditer(screen):
            offset = match.start()
            number += screen.count(b"\n", counted, offset)
            counted = offset
            numbers.append(number)
        return numbers

    def _python_lines(self, index: int, lines: list[str], max_line: int) -> list[int]:
        """Like ``_re2_lines`` for a rule RE2 cannot run: Python's ``re`` tries each of the
        screen's ``lines`` of at most ``2 * max_line`` characters (lower casing can double a
        line: "İ" is two characters lower cased) on its own."""
        fullmatch = self._fullmatches.get(index)
        if fullmatch is None:
            loose = loosen(self._patterns[index], for_re2=False)
            try:
                fullmatch = re.compile(_wrapped(loose, False)).fullmatch
            except re.error:  # a pattern re reads only whole: every line is a candidate
                fullmatch = re.compile("[^\n]*").fullmatch
            self._fullmatches[index] = fullmatch
        limit = 2 * max_line
        return [
            number
            for number, line in enumerate(lines)
            if len(line) <= limit and fullmatch(line) is not None
        ]

    def candidates(
        self, text: str, max_line: int = 340, lines: Sequence[str] | None = None
    ) -> list[tuple[int, tuple[int, ...]]]:
        """Each line (numbered from 0) of ``text`` that may match a rule, with those rules.

        Lines longer than ``max_line`` are left out: they are blanked before the screen is
        made, so prose paragraphs on one line each are neither lower cased nor scanned (for
        news in another script, lower casing was the most of the scan). ``lines`` is
        ``text.split("\\n")`` when the caller has it.

        >>> LineEngine(["share"]).candidates("Share\\n" + "Share " * 60 + "\\nShare", 300)
        [(0, (0,)), (2, (0,))]
        """
        if lines is None:
            lines = text.split("\n")
        if max(map(len, lines)) > max_line:
            text = "\n".join(line if len(line) <= max_line else "" for line in lines)
        screen = screen_text(text)
        try:
            encoded = screen.encode()
        except UnicodeEncodeError:  # a lone surrogate, which RE2 cannot read: U+FFFD stands in
            screen = _SURROGATE_RE.sub("\ufffd", screen)
            encoded = screen.encode()
        hits = self._set.Match(encoded) if self._re2_ids else None
        if not hits and not self._always:
            return []  # the common case: one pass over the text
        indexes = [self._re2_ids[hit] for hit in hits or ()]
        found: dict[int, set[int]] = {}
        # For re: runs of whitespace made one space, as folding makes them (re's loosened rule
        # reads a space as one whitespace character), so no run overlaps a neighbouring repeat.
        collapsed = _SPACE_RUN_RE.sub(" ", screen).split("\n") if self._always else []
        for index in sorted({*indexes, *self._always}):
            if index not in self._always:
                numbers = self._re2_lines(index, encoded)
            else:
                numbers = self._python_lines(index, collapsed, max_line)
            for number in numbers:
                found.setdefault(number, set()).add(index)
        return [(number, tuple(sorted(found[number]))) for number in sorted(found)]


def _line_options() -> re2.Options:
    """RE2 options for searching one rule line by line."""
    options = re2.Options()
    options.max_mem = 64 << 20
    options.log_errors = False
    options.never_nl = True
    return options
