"""ftfy's ``BADNESS_RE`` and trigger regexes read the way textfix once read them: through the
regex syntax tree (CPython's private parser, which is why this lives in ``tests/``). The oracle
of ``tests/test_ftfy_triggers.py``: textfix's hand-spelled tables must equal what it reads.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

_parser: Any = importlib.import_module("re._parser" if hasattr(re, "_parser") else "sre_parse")


def item_chars(op: Any, av: Any) -> frozenset[int] | None:
    """The characters a mandatory single-character regex item can match, or None if unknown."""
    if op is _parser.LITERAL:
        return frozenset((av,))
    if op is _parser.IN:
        chars: set[int] = set()
        for kind, value in av:
            if kind is _parser.LITERAL:
                chars.add(value)
            elif kind is _parser.RANGE:
                chars.update(range(value[0], value[1] + 1))
            else:  # NEGATE, CATEGORY (\s, \w): too broad to help
                return None
        return frozenset(chars)
    if op is _parser.MAX_REPEAT or op is _parser.MIN_REPEAT:
        low, _high, sub = av
        if low >= 1 and len(sub.data) == 1:
            return item_chars(*sub.data[0])
    return None


def alternatives(pattern: re.Pattern[str]) -> list[tuple[frozenset[int] | None, ...]]:
    """Per top-level alternative of ``pattern``, the characters of each item (None: unknown)."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if len(parsed.data) == 1 and parsed.data[0][0] is _parser.BRANCH:
        branches = list(parsed.data[0][1][1])
    else:
        branches = [parsed]
    return [tuple(item_chars(op, av) for op, av in branch.data) for branch in branches]


def width(pattern: re.Pattern[str]) -> int:
    """The longest match ``pattern`` can make."""
    return int(_parser.parse(pattern.pattern, pattern.flags).getwidth()[1])


def class_chars(pattern: re.Pattern[str]) -> frozenset[int]:
    """The characters of a pattern that is one character class."""
    chars = item_chars(_parser.IN, _parser.parse(pattern.pattern).data[0][1])
    assert chars is not None, pattern
    return chars


def first_literal(pattern: re.Pattern[str]) -> int:
    """The character a pattern opens with (a literal)."""
    op, av = _parser.parse(pattern.pattern).data[0]
    assert op is _parser.LITERAL, pattern
    return int(av)
