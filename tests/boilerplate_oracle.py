"""The boilerplate matcher textfix had before its RE2 engine: the oracle of the differential
tests (``tests/test_boilerplate_engine.py``), kept in ``tests/`` only.

Every rule of a set is tried, in order, on every folded line no longer than the longest match
any rule allows; a rule is tried on a line only when the line starts with a character a match
of the rule can start with, read from the rule's syntax tree (CPython's regex parser, which is
why this lives here and not in textfix). ``find_boilerplate_reference`` is ``find_boilerplate``
matching every line that way.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from textfix.boilerplate.remove import HEADER_LINE_RE, Removal, remove_matched
from textfix.boilerplate.rules import (
    MAX_RULE_LINE,
    BoilerplateRule,
    as_paths,
    curated_rules,
    fold_line,
    read_rule_file,
)

_parser: Any = importlib.import_module("re._parser" if hasattr(re, "_parser") else "sre_parse")


def _first_of_item(op: str, av: Any) -> tuple[set[str] | None, bool]:
    if op == "LITERAL":
        return {chr(av)}, False
    if op == "IN":
        chars: set[str] = set()
        for item_op, item_av in av:
            if str(item_op) == "LITERAL":
                chars.add(chr(item_av))
            elif str(item_op) == "RANGE" and item_av[1] - item_av[0] < 64:
                chars.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
            elif str(item_op) == "CATEGORY" and str(item_av) == "CATEGORY_DIGIT":
                chars.update("0123456789")
            else:
                return None, False
        return chars, False
    if op == "SUBPATTERN":
        return _first_of_sequence(av[-1])
    if op == "ATOMIC_GROUP":
        return _first_of_sequence(av)
    if op == "BRANCH":
        union: set[str] = set()
        nullable = False
        for branch in av[1]:
            found, branch_nullable = _first_of_sequence(branch)
            if found is None:
                return None, False
            union |= found
            nullable = nullable or branch_nullable
        return union, nullable
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        found, nullable = _first_of_sequence(av[2])
        return found, nullable or av[0] == 0
    if op == "AT":
        return set(), True
    return None, False


def _first_of_sequence(parsed: Any) -> tuple[set[str] | None, bool]:
    chars: set[str] = set()
    for op, av in parsed:
        found, nullable = _first_of_item(str(op), av)
        if found is None:
            return None, False
        chars |= found
        if not nullable:
            return chars, False
    return chars, True


class OracleRules:
    """Rules matched the old way: per first character, one alternation of the rules in order."""

    def __init__(self, rules: Sequence[BoilerplateRule]) -> None:
        self.rules = tuple(rules)
        self.by_char: dict[str, list[int]] = {}
        self.any_char: list[int] = []
        self.max_length = 0
        for index, rule in enumerate(self.rules):
            parsed = _parser.parse(rule.pattern)
            self.max_length = max(self.max_length, min(parsed.getwidth()[1], MAX_RULE_LINE))
            chars, _ = _first_of_sequence(parsed)
            if chars is None:
                self.any_char.append(index)
            else:
                for char in chars:
                    self.by_char.setdefault(char, []).append(index)
        self._compiled: dict[str, re.Pattern[str] | None] = {}

    def match(self, folded: str) -> BoilerplateRule | None:
        """The first rule tried on ``folded`` whose pattern matches all of it."""
        if not folded or len(folded) > self.max_length:
            return None
        char = folded[0]
        if char not in self._compiled:
            indexes = sorted({*self.by_char.get(char, ()), *self.any_char})
            self._compiled[char] = (
                re.compile("|".join(f"(?P<r{i}>{self.rules[i].pattern})" for i in indexes))
                if indexes
                else None
            )
        pattern = self._compiled[char]
        found = pattern.fullmatch(folded) if pattern is not None else None
        if found is None or found.lastgroup is None:
            return None
        return self.rules[int(found.lastgroup[1:])]

    def match_line(self, line: str) -> BoilerplateRule | None:
        """The rule a raw line matches, as ``find_boilerplate`` decided before the engine."""
        if not line or len(line) > self.max_length + 40:
            return None
        rule = self.match(fold_line(line))
        return rule if rule is not None and HEADER_LINE_RE.fullmatch(line) is None else None


@lru_cache(maxsize=8)
def oracle_rules(paths: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> OracleRules:
    """The curated rules plus those in ``paths``, less the ids in ``skip``, as an oracle."""
    rules = curated_rules() + tuple(rule for path in paths for rule in read_rule_file(path))
    return OracleRules([rule for rule in rules if rule.id not in set(skip)])


def find_boilerplate_reference(
    text: str,
    *,
    rules: str | Sequence[str] = (),
    skip_rules: str | Sequence[str] = (),
    max_removed_share: float = 0.3,
) -> tuple[str, list[Removal], str | None]:
    """``find_boilerplate`` folding and matching every line with the old matcher."""
    if not text:
        return text, [], None
    oracle = oracle_rules(as_paths(rules), as_paths(skip_rules, "skip_rules"))
    lines = text.split("\n")
    matched = [oracle.match_line(line) for line in lines]
    return remove_matched(text, lines, matched, max_removed_share)


def remove_boilerplate_reference(
    text: str,
    *,
    rules: str | Sequence[str] = (),
    skip_rules: str | Sequence[str] = (),
    max_removed_share: float = 0.3,
) -> str:
    """``remove_boilerplate`` folding and matching every line with the old matcher."""
    return find_boilerplate_reference(
        text, rules=rules, skip_rules=skip_rules, max_removed_share=max_removed_share
    )[0]
