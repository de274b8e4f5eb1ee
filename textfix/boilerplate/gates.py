"""Finding the lines that hold a literal factor of a boilerplate rule, for the scan.

A branch whose heads say little (``[a-z .,'-]{1,160} contributed …``) is found by its literal
factors instead (``boilerplate_factors.factor_sets``): sets of folded strings such that every
line it matches holds a member of each. One set (the *primary*) is looked for in the whole
text; each line holding a member is then checked for a member of each other small set.

A member is looked for by its *piece*: its longest run of characters that have one encoding
each in ``scan_text`` (an ASCII letter, lower cased, has one; a quote, ``k`` or ``é`` more),
spaces left out: a line holding the member holds the piece's bytes. Where the members of a set
share their first rare character (``:``, ``/``, ``@``; an *anchor*), the set costs one ``in``
on it, and the lines are found by it and by what stands before and after it in the members
(``Photograph: `` is found at its ``:``, looking behind for ``photograph``).

>>> from textfix.boilerplate.bytes import scan_text
>>> gate = Gate([frozenset({"/reuters", "/afp"}), frozenset({"/"})])
>>> gate.pieces, gate.find(scan_text("Talks failed.\\nPhoto: John Smith/AFP\\nA 1/2 share"))
(('/',), [15])
"""

from __future__ import annotations

import re

from textfix.boilerplate.bytes import as_scanned, atom_pattern, encodings

#: A set with more distinct pieces than this is not used to check a line.
MAX_CHECK_PIECES = 8
# Bytes too common in prose to look for alone.
_COMMON = frozenset(b" .,-'\"()0123456789abcdefghijklmnopqrstuvwxyz")


def piece(member: str) -> str:
    """The longest run of ``member`` of characters with one encoding each, spaces left out.

    >>> piece("composites credit: "), piece("'k'")
    ('composites', '')
    """
    runs = [""]
    for char in member:
        if char != " " and len(encodings(char)) == 1:
            runs[-1] += char
        else:
            runs.append("")
    return max(runs, key=len)


def _rare(char: str) -> bool:
    """Whether ``char`` has one encoding, opening with a byte rare in prose (":", "/", "@")."""
    found = encodings(char)
    return len(found) == 1 and next(iter(found))[0] not in _COMMON


def _anchor(member: str) -> int:
    """Where the first rare character of ``member`` is, or -1."""
    return next((i for i, char in enumerate(member) if _rare(char)), -1)


def _run_before(member: str, end: int) -> str:
    """The characters with one encoding each just before ``end`` in ``member``, no space."""
    start = end
    while start > 0 and member[start - 1] != " " and len(encodings(member[start - 1])) == 1:
        start -= 1
    return member[start:end]


def _rest(text: str) -> str:
    return "".join(atom_pattern(frozenset(char)) for char in text)


def _escape(text: str) -> str:
    return re.escape(as_scanned(text))


def _piece_pattern(member: str) -> str:
    """A pattern matching a raw form of ``member`` from its piece on (the piece's bytes first)."""
    run = piece(member)
    return _escape(run) + _rest(member[member.index(run) + len(run) :])


def _anchored_pattern(members: frozenset[str]) -> str:
    """One pattern for members sharing their first rare character (the anchor): the anchor,
    then what comes before it in each member (looking behind), then what comes after."""
    some = min(members)
    anchor = some[_anchor(some)]
    by_rest: dict[str, dict[int, set[str]]] = {}
    for member in members:
        at = _anchor(member)
        behind = _run_before(member, at) + anchor
        widths = by_rest.setdefault(_rest(member[at + 1 :]), {})
        widths.setdefault(len(as_scanned(behind)), set()).add(_escape(behind))
    alternatives = []
    for rest, widths in sorted(by_rest.items()):
        behinds = [f"(?<={'|'.join(sorted(found))})" for _, found in sorted(widths.items())]
        alternatives.append(
            (behinds[0] if len(behinds) == 1 else f"(?:{'|'.join(behinds)})") + rest
        )
    return _escape(anchor) + f"(?:{'|'.join(alternatives)})"


def _anchored(members: frozenset[str]) -> bool:
    """Whether every member has a rare character, the first being the same in all."""
    anchors = {member[_anchor(member)] if _anchor(member) >= 0 else "" for member in members}
    return len(anchors) == 1 and "" not in anchors


def _cost(members: frozenset[str]) -> tuple[int, int, int]:
    """How costly looking for a set is (smaller is better). Best, an anchored set (one memchr
    finds whether the text may hold a member), the more bytes fixed around the anchor the
    fewer lines found; else fewer distinct pieces (one ``in`` each), then longer ones."""
    if _anchored(members):
        fixed = min(len(piece(m[_anchor(m) :])) + len(_run_before(m, _anchor(m))) for m in members)
        return (0, -fixed, len(members))
    pieces = {piece(m) for m in members}
    return (1, len(pieces), -min(map(len, pieces)))


def usable(members: frozenset[str]) -> bool:
    """Whether every member of a set has a piece to look for."""
    return bool(members) and all(piece(m) for m in members)


class Gate:
    """Finds the lines that may hold a member of each of ``sets`` (some set must be usable)."""

    def __init__(self, sets: list[frozenset[str]]) -> None:
        candidates = [s for s in sets if usable(s)]
        primary = min(candidates, key=lambda s: (_cost(s), sorted(s)))
        if _anchored(primary):
            member = next(iter(primary))
            pieces = {as_scanned(member[_anchor(member)])}
            pattern = _anchored_pattern(primary)
        else:
            pieces = {as_scanned(piece(m)) for m in primary}
            pattern = "|".join(sorted(map(_piece_pattern, primary)))
        #: What the text must hold (one of them) for a line to be found.
        self.pieces = tuple(sorted(pieces))
        self.pattern = re.compile(pattern)
        # The other small sets: a line found must hold a piece of a member of each.
        self.checks = tuple(
            tuple(sorted({as_scanned(piece(m)) for m in s}))
            for s in candidates
            if s is not primary and len({piece(m) for m in s}) <= MAX_CHECK_PIECES
        )

    def find(self, data: str) -> list[int]:
        """Offsets in ``data`` (from ``scan_text``) of the lines found: call it only when
        ``data`` holds one of ``pieces``."""
        offsets = []
        found = self.pattern.search(data)
        while found is not None:
            start = data.rfind("\n", 0, found.start()) + 1
            end = data.index("\n", found.start())
            line = data[start:end]
            if all(any(p in line for p in check) for check in self.checks):
                offsets.append(start)
            found = self.pattern.search(data, end + 1)  # on from the next line
        return offsets
