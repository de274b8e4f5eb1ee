"""Before/after lines made readable: the changed characters marked, invisible ones shown.

Most of textfix's changes are invisible in a plain diff (a no-break space become a space, a
zero-width space dropped, curly quotes straightened), so inside a change every space, control
and format character is written as a visible mark. Long unchanged stretches are cut to a few
words on each side of a change.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Kind = Literal["same", "del", "ins"]
Opcode = tuple[str, int, int, int, int]
Aligner = Callable[[str, str, int, int, int, int], list[Opcode]]
#: Changed stretches up to this many characters (old and new) are aligned character by
#: character at once; longer ones word by word first.
SHORT_SPAN = 120
#: A word or one other character, with the spaces after it (so that spaces, everywhere in a
#: line, are not tokens that difflib must try to match everywhere); no backtracking.
_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
#: Unchanged text kept on each side of a change within a line.
CONTEXT_CHARS = 80
#: Lines longer than this are not compared character by character (difflib is quadratic).
MAX_INTRALINE = 4000


@dataclass(frozen=True)
class Segment:
    """A run of text in a diff line: unchanged, deleted or inserted."""

    kind: Kind
    text: str


def visible(text: str) -> str:
    """``text`` with spaces, tabs, controls and format characters shown as marks.

    >>> visible("a\\u00a0b c\\u200b")
    'a⟨U+00A0⟩b␣c⟨U+200B⟩'
    >>> visible("Café")  # letters are left alone
    'Café'
    """
    out = []
    for char in text:
        if char == " ":
            out.append("␣")
        elif char == "\t":
            out.append("⇥")
        elif unicodedata.category(char) in ("Zs", "Zl", "Zp", "Cc", "Cf", "Co", "Cn"):
            out.append(f"⟨U+{ord(char):04X}⟩")
        else:
            out.append(char)
    return "".join(out)


def _shorten(text: str, head: bool, tail: bool) -> str:
    """An unchanged stretch cut to ``CONTEXT_CHARS`` at each end that touches a change."""
    limit = CONTEXT_CHARS * (head + tail)
    if len(text) <= max(limit, 1) + 20:
        return text
    if head and tail:
        return text[:CONTEXT_CHARS] + " … " + text[-CONTEXT_CHARS:]
    return text[:CONTEXT_CHARS] + " …" if head else "… " + text[-CONTEXT_CHARS:]


def line_pair(old: str, new: str) -> tuple[list[Segment], list[Segment]]:
    """The old and new line as segments, the characters that differ marked.

    >>> old, new = line_pair("Caf\\u00c3\\u00a9 au lait", "Café au lait")
    >>> [(s.kind, s.text) for s in old]
    [('same', 'Caf'), ('del', 'Ã©'), ('same', ' au lait')]
    >>> [(s.kind, s.text) for s in new]
    [('same', 'Caf'), ('ins', 'é'), ('same', ' au lait')]
    """
    if len(old) > MAX_INTRALINE or len(new) > MAX_INTRALINE:
        return [Segment("del", _shorten(old, True, False))], [Segment("ins", new[:CONTEXT_CHARS])]
    codes = _opcodes(old, new)
    left: list[Segment] = []
    right: list[Segment] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag == "equal":
            text = _shorten(old[i1:i2], head=index > 0, tail=index < len(codes) - 1)
            left.append(Segment("same", text))
            right.append(Segment("same", text))
            continue
        if i2 > i1:
            left.append(Segment("del", visible(old[i1:i2])))
        if j2 > j1:
            right.append(Segment("ins", visible(new[j1:j2])))
    return left, right


def _opcodes(old: str, new: str) -> list[Opcode]:
    """difflib's opcodes for ``old`` -> ``new``, made cheap: the common start and end are
    matched first, and a long middle is aligned word by word, then within the words that
    differ (difflib's cost grows with the square of what it aligns, and a change is most
    often a few characters in a long line).

    >>> _opcodes("abcXdef", "abcYYdef")
    [('equal', 0, 3, 0, 3), ('replace', 3, 4, 3, 5), ('equal', 4, 7, 5, 8)]
    >>> _opcodes("same", "same")
    [('equal', 0, 4, 0, 4)]
    >>> old = "CafÃ© au lait " * 20 + "and tea at noon " * 10 + "CafÃ© again"
    >>> [code for code in _opcodes(old, old.replace("Ã©", "é")) if code[0] != "equal"][:2]
    [('replace', 3, 5, 3, 4), ('replace', 17, 19, 16, 17)]
    """
    return _joined(_trimmed(old, new, 0, len(old), 0, len(new), _aligned))


def _trimmed(
    old: str, new: str, i1: int, i2: int, j1: int, j2: int, middle: Aligner | None
) -> list[Opcode]:
    """The opcodes of ``old[i1:i2]`` -> ``new[j1:j2]``: their common start and end equal, and
    what lies between aligned by ``middle`` (or, without one, marked as one change)."""
    start = 0
    while start < min(i2 - i1, j2 - j1) and old[i1 + start] == new[j1 + start]:
        start += 1
    end = 0
    while end < min(i2 - i1, j2 - j1) - start and old[i2 - 1 - end] == new[j2 - 1 - end]:
        end += 1
    codes: list[Opcode] = [("equal", i1, i1 + start, j1, j1 + start)] if start else []
    a, b, c, d = i1 + start, i2 - end, j1 + start, j2 - end
    if a < b or c < d:
        if middle is not None:
            codes += middle(old, new, a, b, c, d)
        else:
            codes.append(
                ("replace" if a < b and c < d else "delete" if a < b else "insert", a, b, c, d)
            )
    if end:
        codes.append(("equal", i2 - end, i2, j2 - end, j2))
    return codes or [("equal", i1, i2, j1, j2)]


def _aligned(old: str, new: str, i1: int, i2: int, j1: int, j2: int) -> list[Opcode]:
    """The opcodes of ``old[i1:i2]`` -> ``new[j1:j2]`` (positions in the whole lines): by
    character when short, else by word, and words changed one for one by their ends."""
    if (i2 - i1) + (j2 - j1) <= SHORT_SPAN:
        matcher = difflib.SequenceMatcher(None, old[i1:i2], new[j1:j2], autojunk=False)
        return [(t, a + i1, b + i1, c + j1, d + j1) for t, a, b, c, d in matcher.get_opcodes()]
    words_old, words_new = _TOKEN.findall(old, i1, i2), _TOKEN.findall(new, j1, j2)
    at_old, at_new = _offsets(words_old, i1), _offsets(words_new, j1)
    matcher = difflib.SequenceMatcher(None, words_old, words_new, autojunk=False)
    codes: list[Opcode] = []
    for tag, a, b, c, d in matcher.get_opcodes():
        if tag == "replace" and b - a == d - c:  # word for word: each pair by its ends
            for k in range(b - a):
                span = (at_old[a + k], at_old[a + k + 1], at_new[c + k], at_new[c + k + 1])
                codes += _trimmed(old, new, *span, None)
            continue
        span = (at_old[a], at_old[b], at_new[c], at_new[d])
        if tag == "replace" and (span[1] - span[0]) + (span[3] - span[2]) <= SHORT_SPAN:
            codes += _aligned(old, new, *span)
        else:
            codes.append((tag, *span))
    return codes


def _offsets(words: list[str], start: int) -> list[int]:
    """Where each word starts, and where the last one ends."""
    offsets = [start]
    for word in words:
        offsets.append(offsets[-1] + len(word))
    return offsets


def _joined(codes: list[Opcode]) -> list[Opcode]:
    """Neighbouring opcodes of the same kind as one."""
    out: list[Opcode] = []
    for code in codes:
        if out and out[-1][0] == code[0]:
            tag, i1, _, j1, _ = out[-1]
            out[-1] = (tag, i1, code[2], j1, code[4])
        else:
            out.append(code)
    return out


def whole_line(kind: Kind, line: str) -> list[Segment]:
    """A line deleted or added whole (or kept as context), as one segment.

    >>> whole_line("del", "Most read")
    [Segment(kind='del', text='Most read')]
    >>> whole_line("same", "x" * 300)[0].text.endswith("…")
    True
    """
    if kind == "same":
        return [Segment("same", _shorten(line, True, False))]
    return [Segment(kind, line if line.strip() else visible(line) or "(blank line)")]


def diff_rows(diff: list[list[str]]) -> list[tuple[str, list[Segment]]]:
    """Rows to show for a stored line diff (``[tag, line]`` pairs, see ``runner.audit``):
    a run of deleted lines followed by as many added ones is compared line by line.

    >>> rows = diff_rows([[" ", "a"], ["-", "x y"], ["+", "x  y"], ["...", ""]])
    >>> [(tag, [(s.kind, s.text) for s in segments]) for tag, segments in rows][1:3]
    [('-', [('same', 'x '), ('same', 'y')]), ('+', [('same', 'x '), ('ins', '␣'), ('same', 'y')])]
    """
    rows: list[tuple[str, list[Segment]]] = []
    index = 0
    while index < len(diff):
        tag, line = diff[index]
        if tag != "-":
            kind: Kind = "ins" if tag == "+" else "same"
            rows.append((tag, whole_line(kind, line) if tag != "..." else []))
            index += 1
            continue
        deleted = [line for _, line in _run(diff, index, "-")]
        added = [line for _, line in _run(diff, index + len(deleted), "+")]
        index += len(deleted) + len(added)
        if len(deleted) == len(added):
            pairs = [line_pair(old, new) for old, new in zip(deleted, added, strict=True)]
            rows += [("-", old) for old, _ in pairs] + [("+", new) for _, new in pairs]
        else:
            rows += [("-", whole_line("del", line)) for line in deleted]
            rows += [("+", whole_line("ins", line)) for line in added]
    return rows


def _run(diff: list[list[str]], start: int, tag: str) -> list[list[str]]:
    end = start
    while end < len(diff) and diff[end][0] == tag:
        end += 1
    return diff[start:end]
