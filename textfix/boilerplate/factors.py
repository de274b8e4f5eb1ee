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
from dataclasses import dataclass
from typing import Any

_parser: Any = importlib.import_module("re._parser" if hasattr(re, "_parser") else "sre_parse")
_MAXREPEAT: Any = importlib.import_module(
    "re._constants" if hasattr(re, "_constants") else "sre_constants"
).MAXREPEAT

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


# --- every factor set, with adjacent literals multiplied out ------------------------------------

#: Sets of adjacent literals are multiplied out up to this many strings.
MAX_PRODUCT = 64
#: A class of more characters than this is not multiplied out.
MAX_PRODUCT_CLASS = 8
_Set = frozenset[str]


@dataclass(frozen=True)
class _Shape:
    """What is known of the strings an item of a pattern matches."""

    exact: _Set | None = None  # all of them, when few
    starts: _Set | None = None  # strings one of which each of them starts with
    ends: _Set | None = None  # strings one of which each of them ends with
    sets: tuple[_Set, ...] = ()  # each of them holds a member of each set
    zero_width: bool = False  # an anchor or lookaround: the items around it are adjacent


def factor_sets(pattern: str) -> list[_Set]:
    """Sets of strings such that every full match of ``pattern`` holds a member of each.

    Unlike ``rule_factors`` (one set, the likely best), every set found, and literals next to
    each other multiplied out: ``(?:[a-z]{1,40}/){1,3}(?:reuters|ap)`` gives
    ``{"/reuters", "/ap"}`` where the single items give ``{"/"}`` and ``{"reuters", "ap"}``.

    >>> sorted(map(sorted, factor_sets("(?:[a-z .]{1,40}/){1,3}(?:reuters|ap)")))
    [['/'], ['/ap', '/reuters'], ['ap', 'reuters']]
    >>> sorted(map(sorted, factor_sets(r"\\d+ min(?:ute)?s? ago")))
    [[' min ago', ' mins ago', ' minute ago', ' minutes ago']]
    """
    shape = _sequence_shape(list(_parser.parse(pattern)))
    found = {*shape.sets, *(s for s in (shape.exact, shape.starts, shape.ends) if s)}
    return sorted((s for s in found if "" not in s), key=sorted)


def _product(left: _Set, right: _Set) -> _Set | None:
    if len(left) * len(right) > MAX_PRODUCT:
        return None
    return frozenset(a + b for a in left for b in right)


def _sequence_shape(items: list[Any]) -> _Shape:
    shapes = [_shape(str(op), av) for op, av in items]
    sets: list[_Set] = []
    window: _Set | None = None  # strings one of which ends just before the next item
    for shape in shapes:
        sets.extend(shape.sets)
        if shape.zero_width:
            continue
        if shape.exact is not None:
            grown = None if window is None else _product(window, shape.exact)
            if grown is None and window is not None:
                sets.append(window)
            window = shape.exact if grown is None else grown
            continue
        if window is not None:
            closed = None if shape.starts is None else _product(window, shape.starts)
            sets.append(window if closed is None else closed)
        window = shape.ends
    if window is not None:
        sets.append(window)
    solid = [s for s in shapes if not s.zero_width]
    exact: _Set | None = frozenset({""})
    for shape in solid:
        exact = None if exact is None or shape.exact is None else _product(exact, shape.exact)
    return _Shape(exact, _edge(solid, starts=True), _edge(solid[::-1], starts=False), tuple(sets))


def _edge(shapes: list[_Shape], starts: bool) -> _Set | None:
    """Strings one of which every match starts (or, reading ``shapes`` reversed, ends) with."""
    edge: _Set = frozenset({""})
    for shape in shapes:
        part = shape.exact if shape.exact is not None else shape.starts if starts else shape.ends
        if part is None:
            return edge if edge != {""} else None
        grown = _product(edge, part) if starts else _product(part, edge)
        if grown is None:
            return edge if edge != {""} else None
        edge = grown
        if shape.exact is None:
            break
    return edge if edge != {""} else None


def _shape(op: str, av: Any) -> _Shape:
    if op == "LITERAL":
        return _Shape(exact=frozenset({chr(av)}))
    if op == "IN":
        chars = _class_chars(av)
        return _Shape(exact=chars) if chars else _Shape()
    if op in ("AT", "ASSERT_NOT"):
        return _Shape(zero_width=True)
    if op == "ASSERT":  # a lookaround that must succeed: what it matches is in the line too
        inner = _sequence_shape(list(av[1]))
        return _Shape(sets=(*inner.sets, *((inner.exact,) if inner.exact else ())), zero_width=True)
    if op == "SUBPATTERN":
        return _Shape() if av[1] & _IGNORECASE else _sequence_shape(list(av[3]))
    if op == "ATOMIC_GROUP":
        return _sequence_shape(list(av))
    if op == "BRANCH":
        return _branch_shape([_sequence_shape(list(b)) for b in av[1]])
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return _repeat_shape(av[0], av[1], _sequence_shape(list(av[2])))
    return _Shape()  # ANY, NOT_LITERAL, CATEGORY, GROUPREF: one unknown character or more


def _class_chars(items: Any) -> _Set | None:
    chars: set[str] = set()
    for op, av in items:
        if str(op) == "LITERAL":
            chars.add(chr(av))
        elif str(op) == "RANGE" and av[1] - av[0] < MAX_PRODUCT_CLASS:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return frozenset(chars) if len(chars) <= MAX_PRODUCT_CLASS else None


def _union(parts: list[_Set | None]) -> _Set | None:
    if any(part is None for part in parts):
        return None
    union = frozenset().union(*(p for p in parts if p is not None))
    return union if len(union) <= MAX_PRODUCT else None


def _branch_shape(branches: list[_Shape]) -> _Shape:
    # A set of the branch: in each alternative, its exact strings or its likely best set.
    best = [b.exact if b.exact is not None else _best(b.sets) for b in branches]
    picked = _union(best)
    return _Shape(
        exact=_union([b.exact for b in branches]),
        starts=_union([b.exact if b.exact is not None else b.starts for b in branches]),
        ends=_union([b.exact if b.exact is not None else b.ends for b in branches]),
        sets=(picked,) if picked else (),
    )


def _best(sets: tuple[_Set, ...]) -> _Set | None:
    best: _Set | None = None
    for found in sets:
        if "" not in found and _better(found, best):
            best = found
    return best


def _repeat_shape(low: int, high: Any, body: _Shape) -> _Shape:
    exact = _repeat_exact(low, high, body.exact)
    if low == 0:
        return _Shape(exact=exact)
    return _Shape(
        exact=exact,
        starts=body.exact if body.exact is not None else body.starts,
        ends=body.exact if body.exact is not None else body.ends,
        sets=(*body.sets, *((body.exact,) if body.exact else ())),
    )


def _repeat_exact(low: int, high: Any, body: _Set | None) -> _Set | None:
    """Every string ``body`` (exact strings) repeated ``low`` to ``high`` times matches."""
    if body is None or high is _MAXREPEAT or high > 4:
        return None
    found: set[str] = set()
    power: _Set | None = frozenset({""})
    for count in range(high + 1):
        if power is None:
            return None
        if count >= low:
            found |= power
        if count < high:
            power = _product(power, body)
    return frozenset(found) if len(found) <= MAX_PRODUCT else None
