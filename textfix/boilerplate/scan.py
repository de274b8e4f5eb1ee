"""Which lines of a document a boilerplate rule could match, found with a few compiled scans.

Folding and matching every short line costs a few microseconds a line, and almost no line of
an article matches a rule. ``LineScan.candidates`` finds, with one pass of a compiled pattern
over the whole document (plus a substring check or two), a set of lines holding every line a
rule could match; only those are folded and matched.

Each branch of a rule (``boilerplate_index.split_branches``) is filed one of two ways:

- by its heads (``boilerplate_heads``): a line is a candidate when, after its leading
  whitespace and edge junk, it starts with a head (for a complete head: with nothing after it
  but trailing junk). One pattern, anchored on line breaks, holds the heads of every branch as
  a trie of byte classes;
- by its literal factors (``boilerplate_factors``), when its heads are weak (a branch starting
  ``[a-z .,'-]{1,160} contributed``): a line is a candidate when it holds a factor, looked for
  first as a piece of the factor with ``in``, then line by line.

A line that is all junk folds to itself (``fold_line``): every such line is a candidate.

The scan reads ``scan_text(text)``: the text framed by line breaks, as UTF-8 with ASCII
letters lower cased (one byte per character). Why a line a rule matches is a candidate,
character by character: ``fold_line`` lower cases, straightens quotes, makes each whitespace
run one space and strips junk at the ends; so each folded character ``c`` comes from one raw
character in ``raw_forms(c)``, each space from a whitespace run, and the scan matches ``c`` by
the bytes of its forms. The one character folding to two, U+0130 (``İ`` → ``i̇``), would break
that: a text holding one is not scanned (every line is a candidate). Tests check the forms
against every code point.

>>> scan = LineScan(["advert(?:isement)?", "(?:.{0,150}[.,] )?all rights reserved"])
>>> scan.candidates("Talks failed.\\n\\n  • ADVERTISEMENT\\n\\n(c) 2022. All  rights reserved.")
[2, 4]
>>> scan.candidates("Talks failed.\\n\\nAn advertisement ran.")
[]
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence

from textfix.boilerplate.bytes import (
    CONTINUATION,
    DOTTED_CAPITAL_I,
    EXACT_RUN,
    LOOSE_RUN,
    WHITESPACE,
    WS_FIRSTS,
    WS_UNIT,
    Unit,
    all_encodings,
    atom_units,
    byte_class,
    exact,
    exact_alternatives,
    scan_text,
    unit_pattern,
)
from textfix.boilerplate.factors import factor_sets
from textfix.boilerplate.gates import Gate, usable
from textfix.boilerplate.heads import DIGIT, Atom, Head, rule_heads
from textfix.boilerplate.index import split_branches

# A head needs this many atoms to file a branch by its heads, when it has literal factors.
_MIN_ATOMS = 3
# An atom with more ASCII letters than this matches the start of most words.
_MANY_LETTERS = 8


class _Node:
    """A trie of byte units (``boilerplate_bytes.atom_units``), for one alternation."""

    __slots__ = ("children", "complete", "open")

    def __init__(self) -> None:
        self.children: dict[Unit, _Node] = {}
        self.complete = False  # a complete head ends here
        self.open = False  # an open head ends here: any line starting so is a candidate

    def insert(self, atoms: tuple[Atom, ...], complete: bool) -> None:
        node = self
        for unit in (unit for atom in atoms for unit in atom_units(atom)):
            if node.open:
                return
            node = node.children.setdefault(unit, _Node())
        if not complete:
            node.open = True
            node.children.clear()
        node.complete = node.complete or complete

    def first_bytes(self) -> set[int]:
        """The bytes a match of a child can open with (all of them for a whitespace run)."""
        found: set[int] = set()
        for unit in self.children:
            found.update(range(256) if isinstance(unit, str) else unit)
        return found

    def alternatives(self, end: list[str]) -> list[str]:
        """Patterns, one per alternative, matching the start of every head under this node.

        Children with the same rest share one class, so an alternation is at most as wide as
        the number of distinct rests: the root's is what every line pays for.
        """
        if self.open:
            return [""]
        by_rest: dict[str, set[int]] = {}
        others = []
        for unit, child in self.children.items():
            rest = child.alternatives(end)
            if not rest:
                continue
            if isinstance(unit, frozenset):
                by_rest.setdefault(_group(rest), set()).update(unit)
            elif unit == WS_UNIT:  # taken loosely unless what follows could open like it
                loose = not child.first_bytes() & (WS_FIRSTS | CONTINUATION)
                others.append((LOOSE_RUN if loose else EXACT_RUN) + _group(rest))
            else:
                others.append(unit_pattern(unit) + _group(rest))
        parts = [byte_class(found) + rest for rest, found in sorted(by_rest.items())]
        return parts + sorted(others) + (end if self.complete else [])


def _group(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


class LineScan:
    """Finds the lines of a text that some branch of ``patterns`` could match after folding.

    ``complete`` is False when some branch could match nearly any line (a user rule such as
    ``.*foo`` with no literal to look for): then ``candidates`` gives None (every line).
    """

    def __init__(
        self,
        patterns: Sequence[str],
        edge_junk: str = " \t•·▶►▸›‹»«→|*-–—>",
        trailing_junk: str = " \t•·▶►▸›‹»«→|*-–—>.…:!;,\"'",
    ) -> None:
        root = _Node()
        gates: dict[tuple[object, ...], Gate] = {}
        self.complete = True
        for pattern in patterns:
            for branch in split_branches(pattern):
                heads = [h for h in (_strip_first(h, edge_junk) for h in rule_heads(branch)) if h]
                sets = factor_sets(branch) if _weak(heads) else []
                if any(usable(s) for s in sets):
                    gate = Gate(sets)
                    gates[gate.pieces, gate.pattern.pattern, gate.checks] = gate
                elif any(not atoms and not complete for atoms, complete in heads):
                    self.complete = False  # the empty open head: every line
                else:
                    for atoms, complete in heads:
                        root.insert(atoms, complete)
        lead = exact(all_encodings(WHITESPACE + edge_junk))
        # After a complete head, the rest of the line must be trailing junk: read loosely (any
        # byte but a line break or an ASCII letter or digit that is no junk), which keeps this
        # often repeated check short. The line break is taken, so each branch opens with it.
        words = "".join(c for c in "0123456789abcdefghijklmnopqrstuvwxyz" if c not in trailing_junk)
        loose = f"[^\\n{words}]"
        end = ["\\n", f"{loose}{loose}*+\\n"]
        # A line (not blank) that is all junk: after its leading junk, trailing junk that is
        # not leading junk and more junk, or nothing.
        junk = exact(all_encodings(WHITESPACE + trailing_junk))
        rest = all_encodings(set(trailing_junk) - set(edge_junk) - set(WHITESPACE))
        all_junk = [f"{first}{junk}*+\\n" for first in exact_alternatives(rest)] + ["\\n"]
        alternatives = [*root.alternatives(end), *all_junk]
        # A line break, a line that is not blank ("(?!\\n)": a blank line, about one line in
        # three, is done with at once), its leading junk, then a head or nothing but junk.
        self._pattern = re.compile(f"\\n(?!\\n){lead}*+(?:{'|'.join(alternatives)})")
        # (A gate with more pieces is run once per piece the text holds: the lines it finds
        # are the same.)
        self._gate_pieces = tuple((piece, gate) for gate in gates.values() for piece in gate.pieces)

    def candidates(self, text: str) -> list[int] | None:
        """The numbers (from 0) of the lines of ``text`` a branch could match, in order.

        None when every line could (``complete`` is False, or the text holds an ``İ``).
        """
        if not self.complete or (not text.isascii() and DOTTED_CAPITAL_I in text):
            return None
        data = scan_text(text)
        inside: list[int] = []  # offsets inside the lines found, in order
        search = self._pattern.search
        found = search(data)
        while found is not None:
            inside.append(found.start() + 1)
            # A match may end with the line break opening the next line: look on from there.
            end = found.end()
            found = search(data, end - 1 if data[end - 1] == "\n" else end)
        for piece, gate in self._gate_pieces:
            if piece in data and (more := gate.find(data)):
                inside = list(heapq.merge(inside, more)) if inside else more  # both in order
        if not inside:
            return inside  # the common case
        numbers: list[int] = []
        line, position = -1, 0  # the line break put in front opens no line of the text
        for offset in inside:  # counted from one offset to the next: linear in the text
            line += data.count("\n", position, offset)
            position = offset
            if not numbers or numbers[-1] != line:
                numbers.append(line)
        return numbers


def _strip_first(head: Head, edge_junk: str) -> Head | None:
    """``head`` without edge junk in its first atom, or None when no folded line starts so.

    A folded line holds no line break, and starts with no edge junk (it is stripped) unless
    the line is all junk, which the scan takes anyway.
    """
    atoms, complete = head
    atoms = tuple(atom - {"\n"} for atom in atoms)
    if atoms:
        atoms = (atoms[0] - set(edge_junk), *atoms[1:])
    if not all(atoms) or (complete and not atoms):
        return None  # an empty match never counts (an empty line is never matched)
    return atoms, complete


def _rare(atom: Atom) -> bool:
    return not any(char == DIGIT or (char.isascii() and char.isalnum()) for char in atom)


def _letters(atom: Atom) -> int:
    return sum(1 for char in atom if "a" <= char <= "z")


def _weak(heads: list[Head]) -> bool:
    """Whether ``heads`` would make many lines candidates (or cost a long walk on each).

    A short open head is weak when it opens with a letter or digit ("©" is rare enough).
    """
    return any(
        (not complete and len(atoms) < _MIN_ATOMS and not (atoms and _rare(atoms[0])))
        or (len(atoms) >= 2 and min(_letters(atoms[0]), _letters(atoms[1])) > _MANY_LETTERS)
        for atoms, complete in heads
    )
