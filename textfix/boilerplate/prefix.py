"""Line prefixes a boilerplate rule can match: which rules a folded line can skip outright.

For a rule's pattern this module derives the set of every string the pattern fully matches,
cut to its first ``PREFIX_LENGTH`` characters (a match shorter than that stays whole). A line
whose first characters are not in that set cannot match the rule, so the rule is not tried on
it. The derivation only ever over-approximates: anything it cannot enumerate exactly (``.``,
negated or large classes, ``\\d``, case-insensitive groups, more than ``MAX_PREFIXES``
prefixes) makes it give up (``None``: the rule is tried on every line of its first character,
as before). Zero-width items (anchors, lookarounds) are read as matching the empty string,
which only adds prefixes.

>>> sorted(rule_prefixes("read more|share(?: this)?", 4))
['read', 'shar']
>>> sorted(rule_prefixes("ad|[0-9]{2} min", 3))[:3], rule_prefixes("(?i:ad)", 3)
(['00 ', '01 ', '02 '], None)
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from typing import Any

_parser: Any = importlib.import_module("re._parser" if hasattr(re, "_parser") else "sre_parse")
_constants: Any = importlib.import_module(
    "re._constants" if hasattr(re, "_constants") else "sre_constants"
)

#: How many leading characters of a folded line select the rules tried on it.
PREFIX_LENGTH = 4
#: A rule with more distinct prefixes than this is tried on every line of its first character.
MAX_PREFIXES = 4096
_MAX_RANGE = 64
_IGNORECASE = re.IGNORECASE.value
Prefixes = set[str] | None


def rule_prefixes(pattern: str, length: int = PREFIX_LENGTH) -> frozenset[str] | None:
    """Every full match of ``pattern`` cut to ``length`` characters, or None when unknown."""
    found = _sequence(_parser.parse(pattern), length)
    return None if found is None else frozenset(found)


def _concat(left: set[str], right_of: Callable[[int], Prefixes], length: int) -> Prefixes:
    """``left`` followed by the prefixes ``right_of(room)`` yields, each cut to ``length``."""
    out: set[str] = set()
    tails_for: dict[int, Prefixes] = {}
    for head in left:
        if len(head) >= length:
            out.add(head)
            continue
        room = length - len(head)
        if room not in tails_for:
            tails_for[room] = right_of(room)
        tails = tails_for[room]
        if tails is None:
            return None
        out.update(head + tail[:room] for tail in tails)
        if len(out) > MAX_PREFIXES:
            return None
    return out


def _sequence(items: Any, length: int) -> Prefixes:
    current: Prefixes = {""}
    for op, av in items:
        if current is None:
            return None
        if all(len(head) >= length for head in current):
            return current  # the rest of the sequence cannot change a cut prefix
        current = _concat(current, _item_of(str(op), av), length)
    return current


def _item_of(op: str, av: Any) -> Callable[[int], Prefixes]:
    return lambda room: _item(op, av, room)


def _item(op: str, av: Any, length: int) -> Prefixes:
    if op == "LITERAL":
        return {chr(av)}
    if op == "IN":
        return _char_set(av)
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return {""}  # zero-width: read as always matching, which only adds prefixes
    if op == "SUBPATTERN":
        add_flags, body = av[1], av[3]
        return None if add_flags & _IGNORECASE else _sequence(body, length)
    if op == "ATOMIC_GROUP":
        return _sequence(av, length)
    if op == "BRANCH":
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(branch, length)
            if found is None:
                return None
            union |= found
        return union if len(union) <= MAX_PREFIXES else None
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return _repeat(av[0], av[1], av[2], length)
    return None  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, conditionals: not enumerated


def _char_set(items: Any) -> Prefixes:
    chars: set[str] = set()
    for op, av in items:
        if str(op) == "LITERAL":
            chars.add(chr(av))
        elif str(op) == "RANGE" and av[1] - av[0] < _MAX_RANGE:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            return None  # NEGATE, CATEGORY (\d, \w, \s), large ranges
    return chars


def _repeat(low: int, high: Any, body: Any, length: int) -> Prefixes:
    """Prefixes of ``body`` repeated ``low`` to ``high`` times (``high`` may be MAXREPEAT)."""
    unbounded = high is _constants.MAXREPEAT
    result: set[str] = set()
    current: set[str] = {""}
    count = 0
    while True:
        if count >= low:
            result |= current
        if (not unbounded and count >= high) or len(result) > MAX_PREFIXES:
            break
        following = _concat(current, lambda room: _sequence(body, room), length)
        if following is None:
            return None
        if following == current and count >= low:
            break  # a fixed point: every further repeat gives these same cut prefixes
        current, count = following, count + 1
    return result if len(result) <= MAX_PREFIXES else None
