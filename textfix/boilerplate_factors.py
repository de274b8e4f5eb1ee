"""Literal factors of a boilerplate rule: strings one of which every match of the rule contains.

A rule whose first characters cannot be enumerated (``boilerplate_prefix`` gives up on
``[a-z .,'-]{1,160} contributed …`` or ``(?:.{0,150}[.,] )?all rights reserved``) still
usually needs some literal somewhere: " contributed ", "all rights re". A folded line holding
none of a rule's factors cannot match it, so one substring search over the factors of all such
rules decides, for most lines, that none of them needs trying.

The derivation is sound by construction: a sequence's factors are those of one of its
mandatory items (every match of the sequence contains a match of each mandatory item), a
branch's are the union of its branches' (each branch must have some), a repeat's those of its
body when it repeats at least once. Anything else (``.``, classes of more than a few
characters, optional items, case-insensitive groups, negative lookarounds) has no factors
(``None``); a positive lookaround's factors are its body's (it matches a piece of the line).

>>> sorted(rule_factors("[a-z ]{1,160} contributed (?:reporting|research)"))
[' contributed re']
>>> sorted(rule_factors("(?:.{0,150}[.,] )?all rights reserved|© ?.{0,200}"))
['all rights reserved', '©']
>>> rule_factors("[a-z]+|ad"), rule_factors("(?i:ad)")
(None, None)
"""

from __future__ import annotations

import importlib
import re
from typing import Any

_parser: Any = importlib.import_module("re._parser" if hasattr(re, "_parser") else "sre_parse")

#: A character class of more characters than this gives no factor (too common to filter).
MAX_CLASS = 4
_IGNORECASE = re.IGNORECASE.value
Factors = frozenset[str] | None


def rule_factors(pattern: str) -> Factors:
    """Strings one of which every full match of ``pattern`` contains, or None when unknown."""
    return _sequence(list(_parser.parse(pattern)))


def _rarity(factor: str) -> int:
    """A guess at how rarely ``factor`` occurs in prose: its length, punctuation counting 4."""
    return sum(1 if char.isalnum() or char == " " else 4 for char in factor)


def _better(found: Factors, best: Factors) -> bool:
    """True if ``found`` likely filters more lines than ``best`` (only a matter of speed)."""
    if found is None or not found:
        return False
    if best is None:
        return True
    return (min(map(_rarity, found)), -len(found)) > (min(map(_rarity, best)), -len(best))


def _sequence(items: list[Any]) -> Factors:
    best: Factors = None
    run = ""
    for op, av in items:
        if str(op) == "LITERAL":
            run += chr(av)
            continue
        if run:  # a run of consecutive literals is one factor, wholly inside every match
            best = frozenset({run}) if _better(frozenset({run}), best) else best
            run = ""
        found = _item(str(op), av)
        if _better(found, best):
            best = found
    if run and _better(frozenset({run}), best):
        best = frozenset({run})
    return best


def _item(op: str, av: Any) -> Factors:
    if op == "IN":
        chars = {chr(a) for o, a in av if str(o) == "LITERAL"}
        if len(chars) != len(av) or len(chars) > MAX_CLASS:
            return None  # NEGATE, ranges, categories, or too many characters
        return frozenset(chars)
    if op == "SUBPATTERN":
        add_flags, body = av[1], av[3]
        return None if add_flags & _IGNORECASE else _sequence(list(body))
    if op == "ATOMIC_GROUP":
        return _sequence(list(av))
    if op == "BRANCH":
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(list(branch))
            if not found:
                return None
            union |= found
        return frozenset(union)
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return _sequence(list(av[2])) if av[0] >= 1 else None
    if op == "ASSERT":
        # A lookahead or lookbehind that must succeed matches a substring of the line too.
        return _sequence(list(av[1]))
    return None  # ANY, NOT_LITERAL, CATEGORY, AT, negative lookarounds, GROUPREF: no factor
