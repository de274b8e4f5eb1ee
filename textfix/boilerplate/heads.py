"""Heads of a boilerplate rule: what every folded line it matches starts with, as classes.

``rule_heads`` reads a pattern (``re`` syntax, matched against a whole folded line) and gives
a set of heads. A head is a sequence of atoms, each a set of folded characters (``DIGIT``
standing for any decimal character, what ``\\d`` matches), and whether it is *complete*:

- every full match of the pattern starts with some head, one character per atom (a character
  in the atom's set);
- a complete head is a whole match (the line has just its atoms); an open head only starts it.

The derivation only ever over-approximates. Anything it cannot read (``.``, negated classes,
categories other than ``\\d`` and ``\\s``, case-insensitive groups, back references) *cuts*
the head there: the head ends, open. Zero-width items (anchors, lookarounds) are read as
matching the empty string. Heads are cut at ``length`` atoms, and shortened further while there
are more than ``MAX_HEADS``. So the worst a pattern can get is the empty open head, which every
line starts with.

A class holding a space and other characters cuts the head too: a space stands for a run of
whitespace in the raw line, and a raw-text pattern that repeats such a class could take a run
of whitespace apart in many ways.

>>> sorted(show(h) for h in rule_heads("ad|ads|read more", 4))
['ad$', 'ads$', 'read…']
>>> sorted(show(h) for h in rule_heads(r"\\d+ min", 4))
['\\\\d mi…', '\\\\d\\\\d m…', '\\\\d\\\\d\\\\d …', '\\\\d\\\\d\\\\d\\\\d…']
>>> sorted(show(h) for h in rule_heads("(?:.{0,150}[.,] )?all", 8)), rule_heads("(?i:ad)")
(['[,.] all$', 'all$', '…'], frozenset({((), False)}))
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from textfix.boilerplate.prefix import _constants, _parser

#: How many atoms a head has at most (longer heads: fewer lines pass, a bigger scan pattern).
HEAD_LENGTH = 12
#: A pattern with more heads than this gets shorter heads.
MAX_HEADS = 1024
#: A class of more characters than this cuts the head (a range of scripts, not a word).
MAX_CLASS = 256
#: The atom element standing for any decimal character.
DIGIT = "\\d"
_IGNORECASE = re.IGNORECASE.value
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")

Atom = frozenset[str]
Head = tuple[tuple[Atom, ...], bool]
Heads = set[Head]
_CUT: Head = ((), False)
_EMPTY: Head = ((), True)


def rule_heads(pattern: str, length: int = HEAD_LENGTH) -> frozenset[Head]:
    """The heads of ``pattern``: every full match starts with (or, if complete, is) one."""
    return frozenset(_sequence(list(_parser.parse(pattern)), length))


def show(head: Head) -> str:
    """A head written out: a character or a class per atom, then ``$`` if complete, else ``…``."""
    atoms, complete = head
    text = "".join(
        "\\d" if atom == {DIGIT} else next(iter(atom)) if len(atom) == 1 else _show_class(atom)
        for atom in atoms
    )
    return text + ("$" if complete else "…")


def _show_class(atom: Atom) -> str:
    return (
        "["
        + "".join(sorted(c for c in atom if c != DIGIT))
        + ("\\d" if DIGIT in atom else "")
        + "]"
    )


def _cut(heads: Heads) -> Heads:
    """``heads`` shortened until there are at most ``MAX_HEADS`` of them."""
    length = max((len(atoms) for atoms, _ in heads), default=0)
    while len(heads) > MAX_HEADS:
        length -= 1
        heads = {(atoms[:length], complete and len(atoms) <= length) for atoms, complete in heads}
    return heads


def _extend(heads: Heads, tails_of: Callable[[int], Heads], length: int) -> Heads:
    """``heads`` followed by an item whose heads with room for ``room`` atoms are ``tails_of``."""
    grown: Heads = set()
    tails_for: dict[int, Heads] = {}
    for atoms, complete in heads:
        room = length - len(atoms)
        if not complete or room <= 0:
            grown.add((atoms, False))  # already cut; or full, and the item may add characters
            continue
        if room not in tails_for:
            tails_for[room] = tails_of(room)
        grown.update((atoms + tail, tail_complete) for tail, tail_complete in tails_for[room])
    return _cut(grown)


def _sequence(items: Any, length: int) -> Heads:
    heads: Heads = {_EMPTY}
    for op, av in items:
        heads = _extend(heads, _item_of(str(op), av), length)
    return heads


def _item_of(op: str, av: Any) -> Callable[[int], Heads]:
    return lambda room: _item(op, av, room)


def _item(op: str, av: Any, room: int) -> Heads:
    if op == "LITERAL":
        return {((frozenset(chr(av)),), True)}
    if op == "IN":
        atom = _class_atom(av)
        return {_CUT} if atom is None else {((atom,), True)}
    if op in ("AT", "ASSERT", "ASSERT_NOT"):
        return {_EMPTY}  # zero-width: read as always matching, which only adds heads
    if op == "SUBPATTERN":
        add_flags, body = av[1], av[3]
        return {_CUT} if add_flags & _IGNORECASE else _sequence(body, room)
    if op == "ATOMIC_GROUP":
        return _sequence(av, room)
    if op == "BRANCH":
        return _cut(set().union(*(_sequence(branch, room) for branch in av[1])))
    if op in _REPEATS:
        return _repeat(av[0], av[1], av[2], room)
    return {_CUT}  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, conditionals: not read


def _class_atom(items: Any) -> Atom | None:
    """The characters a class matches in a folded line, or None when the head must be cut."""
    chars: set[str] = set()
    for op, av in items:
        kind = str(op)
        if kind == "LITERAL":
            chars.add(chr(av))
        elif kind == "RANGE" and av[1] - av[0] < MAX_CLASS:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif kind == "CATEGORY" and str(av) == "CATEGORY_DIGIT":
            chars.add(DIGIT)
        elif kind == "CATEGORY" and str(av) == "CATEGORY_SPACE":
            chars.add(" ")  # the only whitespace a folded line holds
        else:
            return None  # NEGATE, \w and the like, large ranges
    if " " in chars and len(chars) > 1:
        return None  # see the module docstring
    return frozenset(chars)


def _repeat(low: int, high: Any, body: Any, length: int) -> Heads:
    """Heads of ``body`` repeated ``low`` to ``high`` times (``high`` may be MAXREPEAT)."""
    unbounded = high is _constants.MAXREPEAT
    result: Heads = set()
    current: Heads = {_EMPTY}  # the heads of ``count`` repeats
    for count in range(length + 2):
        if count >= low:
            result |= current
        if not unbounded and count >= high:
            return _cut(result)
        following = _extend(current, lambda room: _sequence(body, room), length)
        if following == current:
            break  # a fixed point: every further repeat gives these same heads
        current = following
    else:
        # Every match of more repeats starts with a match of ``length + 1`` of them.
        current = {(atoms, False) for atoms, _ in current}
    return _cut(result | current)
