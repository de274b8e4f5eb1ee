"""Which boilerplate rules a folded line is tried against, decided branch by branch.

A rule's pattern is split at its top-level ``|`` into branches (``split_branches``); a rule
matches a line exactly when one of its branches does. Each branch is then filed by what can be
derived from it (``boilerplate_prefix``, ``boilerplate_factors``):

- its first ``PREFIX_LENGTH`` characters, when enumerable: tried only on lines so starting;
- else, when every match holds one of a few literal factors (" contributed", "all rights
  reserved"): tried only on lines holding one (a few ``in`` checks) and, when its first
  characters are enumerable, starting with one of them;
- else on lines starting with one of its first characters, or on every line when unknown.

First characters are those ``boilerplate_prefix`` enumerates, or, for a branch opening with
``\\d``, the decimal digits (``str.isdecimal``: what ``\\d`` matches in a str pattern).

On top of that a branch is tried only on lines whose first character its whole rule admits
(``RuleSet.by_first_char``), as ``RuleSet.match_reference`` does. Every filter only drops
branches that cannot match, so the first rule (in order) with a matching candidate branch is
the first rule that matches: the result of ``match_reference``.

>>> split_branches("ad|(?:a|b)[|]|[]|]|x\\\\|")
('ad', '(?:a|b)[|]', '[]|]', 'x\\\\|')
>>> split_branches("a(b|c)")
('a(b|c)',)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from textfix.boilerplate.factors import rule_factors
from textfix.boilerplate.prefix import PREFIX_LENGTH, _parser, rule_prefixes

#: A branch with more factors than this is not gated (the checks would cost more than a match).
MAX_GATE_FACTORS = 3
_MAX_CACHED = 1 << 16


def split_branches(pattern: str) -> tuple[str, ...]:
    """``pattern`` cut at its top-level ``|``; the whole pattern when a piece would not compile.

    A cut anywhere but at the top level (inside a group, a class or after a backslash) leaves a
    piece with an unclosed group or class, or a trailing backslash, which does not compile; so a
    split whose pieces all compile is the pattern's own alternation.
    """
    pieces: list[str] = []
    depth = 0
    class_start = -1  # where the body of the class being read starts; -1: not in a class
    start = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if class_start >= 0:
            if char == "]" and index > class_start:  # a "]" opening a class is a literal
                class_start = -1
        elif char == "[":
            class_start = index + 2 if pattern[index + 1 : index + 2] == "^" else index + 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            pieces.append(pattern[start:index])
            start = index + 1
        index += 1
    pieces.append(pattern[start:])
    try:
        for piece in pieces:
            re.compile(piece)
    except re.error:
        return (pattern,)
    return tuple(pieces)


@dataclass(frozen=True)
class Branch:
    """One top-level branch of a rule, with what is known of its matches."""

    rule: int
    pattern: str
    prefixes: frozenset[str] | None  # first PREFIX_LENGTH characters of its matches
    first: frozenset[str] | None  # first characters of its matches
    digit_first: bool  # every match starts with a decimal digit (``\\d``, ``str.isdecimal``)
    gate: frozenset[str] | None  # a few literals one of which every match holds (no prefixes)


def branches_of(rule: int, pattern: str) -> list[Branch]:
    """The branches of the rule at index ``rule`` with ``pattern``, filed for the index."""
    found = []
    for piece in split_branches(pattern):
        prefixes = rule_prefixes(piece)
        first = rule_prefixes(piece, 1) if prefixes is None else None
        factors = rule_factors(piece) if prefixes is None else None
        gate = factors if factors and len(factors) <= MAX_GATE_FACTORS else None
        digit_first = first is None and _starts_with_digit(list(_parser.parse(piece)))
        found.append(Branch(rule, piece, prefixes, first, digit_first, gate))
    return found


def _starts_with_digit(items: list[Any]) -> bool:
    """True when the first item of a parsed pattern is ``\\d``, or repeats it at least once."""
    if not items:
        return False
    op, av = items[0]
    if str(op) in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
        return _starts_with_digit(list(av[2]))
    return str(op) == "IN" and [(str(o), str(a)) for o, a in av] == [("CATEGORY", "CATEGORY_DIGIT")]


def _may_start(branch: Branch, char: str) -> bool:
    """Whether a match of ``branch`` can start with ``char``."""
    if branch.first is not None:
        return char in branch.first
    return char.isdecimal() or not branch.digit_first


class LineIndex:
    """The rules' branches, filed; ``match`` gives the index of the first rule that matches."""

    def __init__(self, patterns: Sequence[str], admits: Callable[[int, str], bool]) -> None:
        #: ``admits(rule, char)``: whether ``match_reference`` tries the rule on lines so starting.
        self.admits = admits
        self.branches = tuple(b for rule, p in enumerate(patterns) for b in branches_of(rule, p))
        self._gates: dict[str, tuple[tuple[str, int], ...]] = {}
        # Prefix -> the branches (in order) admitting it: a new line prefix costs one lookup.
        self._prefixed: dict[str, list[int]] = {}
        for number, branch in enumerate(self.branches):
            for prefix in sorted(branch.prefixes or ()):
                self._prefixed.setdefault(prefix, []).append(number)
        self._by_key: dict[str, re.Pattern[str] | None] = {}
        self._by_char: dict[str, re.Pattern[str] | None] = {}
        self._by_mask: dict[tuple[str, int], re.Pattern[str] | None] = {}
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
        # Every branch in one alternation, so a branch that cannot be combined fails here, when
        # the rules are loaded, not on some later line.
        re.compile("|".join(f"(?:{branch.pattern})" for branch in self.branches))

    def _combined(self, numbers: list[int]) -> re.Pattern[str] | None:
        """One alternation of the branches ``numbers`` (in order), named by rule and branch."""
        if not numbers:
            return None
        key = tuple(numbers)
        pattern = self._compiled.get(key)
        if pattern is None:
            pattern = re.compile(
                "|".join(
                    f"(?P<r{self.branches[n].rule}_{n}>{self.branches[n].pattern})" for n in key
                )
            )
            self._compiled[key] = pattern
        return pattern

    def _for_key(self, key: str) -> re.Pattern[str] | None:
        if len(self._by_key) >= _MAX_CACHED:
            self._by_key.clear()  # bounded memory on adversarial input
        pattern = self._combined(
            [n for n in self._prefixed.get(key, ()) if self.admits(self.branches[n].rule, key[0])]
        )
        self._by_key[key] = pattern
        return pattern

    def _for_char(self, char: str) -> re.Pattern[str] | None:
        pattern = self._combined(
            [
                n
                for n, b in enumerate(self.branches)
                if b.prefixes is None
                and b.gate is None
                and _may_start(b, char)
                and self.admits(b.rule, char)
            ]
        )
        self._by_char[char] = pattern
        return pattern

    def gate_for(self, char: str) -> tuple[tuple[str, int], ...]:
        """The factors to look for in a line starting ``char``, each with the branches it opens."""
        gate: dict[str, int] = {}
        for number, branch in enumerate(self.branches):
            if branch.gate and _may_start(branch, char) and self.admits(branch.rule, char):
                for factor in branch.gate:
                    gate[factor] = gate.get(factor, 0) | 1 << number
        self._gates[char] = tuple(gate.items())
        return self._gates[char]

    def _for_mask(self, char: str, mask: int) -> re.Pattern[str] | None:
        if len(self._by_mask) >= _MAX_CACHED:
            self._by_mask.clear()
        pattern = self._combined(
            [
                n
                for n, b in enumerate(self.branches)
                if mask >> n & 1 and _may_start(b, char) and self.admits(b.rule, char)
            ]
        )
        self._by_mask[char, mask] = pattern
        return pattern

    def match(self, folded: str) -> int:
        """The number of the first rule a branch of which matches all of ``folded``, or -1."""
        char = folded[0]
        key = folded[:PREFIX_LENGTH]
        try:
            plain = self._by_char[char]
        except KeyError:
            plain = self._for_char(char)
        try:
            indexed = self._by_key[key]
        except KeyError:
            indexed = self._for_key(key)
        best = -1
        found = plain.fullmatch(folded) if plain is not None else None
        if found is not None and found.lastgroup:
            best = _rule_of(found.lastgroup)
        if indexed is not None:
            found = indexed.fullmatch(folded)
            if found is not None and found.lastgroup:
                rule = _rule_of(found.lastgroup)
                best = rule if best < 0 else min(best, rule)
        try:
            gate = self._gates[char]
        except KeyError:
            gate = self.gate_for(char)
        mask = 0
        for factor, bits in gate:
            if factor in folded:
                mask |= bits
        if mask:
            try:
                gated = self._by_mask[char, mask]
            except KeyError:
                gated = self._for_mask(char, mask)
            found = gated.fullmatch(folded) if gated is not None else None
            if found is not None and found.lastgroup:
                rule = _rule_of(found.lastgroup)
                best = rule if best < 0 else min(best, rule)
        return best


def _rule_of(group: str) -> int:
    return int(group[1 : group.index("_")])
