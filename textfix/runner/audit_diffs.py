"""The audit's sampled documents as small records: line diffs of each step's change, and the
lines a document lost. Computed only for the documents a sample keeps, when a task ends."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textfix.runner.audit import Pending

#: Longest line kept in a sample, and most diff lines kept per step of a sampled document.
MAX_LINE = 2000
MAX_DIFF_LINES = 60
#: Documents with more lines than this (after trimming the common start and end) are shown
#: as removed and added lines, not diffed: difflib is quadratic in the lines it aligns.
MAX_DIFF_SPAN = 2000


def line_diff(before: str, after: str) -> list[list[str]]:
    """The changed lines of ``before`` -> ``after`` as ``[tag, line]`` (" ", "-", "+"), with
    one line of context; ``"..."`` marks skipped lines.

    >>> line_diff("a\\nb\\nc\\nd", "a\\nB\\nc\\nd")
    [[' ', 'a'], ['-', 'b'], ['+', 'B'], [' ', 'c'], ['...', '']]
    """
    old, new = before.split("\n"), after.split("\n")
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    middle_old, middle_new = old[start : len(old) - end], new[start : len(new) - end]
    out: list[list[str]] = []
    if start > 1:
        out.append(["...", ""])
    if start > 0:
        out.append([" ", old[start - 1]])
    if max(len(middle_old), len(middle_new)) > MAX_DIFF_SPAN:
        out += [["-", line] for line in middle_old] + [["+", line] for line in middle_new]
    else:
        matcher = difflib.SequenceMatcher(None, middle_old, middle_new, autojunk=False)
        for i, group in enumerate(matcher.get_grouped_opcodes(1)):
            if i:
                out.append(["...", ""])
            for tag, i1, i2, j1, j2 in group:
                if tag == "equal":
                    out += [[" ", line] for line in middle_old[i1:i2]]
                    continue
                olds, news = middle_old[i1:i2], middle_new[j1:j2]
                if len(olds) == len(news):  # changed lines: keep each pair's changed stretch
                    pairs = [_clip(a, b) for a, b in zip(olds, news, strict=True)]
                    olds, news = [a for a, _ in pairs], [b for _, b in pairs]
                out += [["-", line] for line in olds]
                out += [["+", line] for line in news]
    if end > 0:
        out.append([" ", old[len(old) - end]])
    if end > 1:
        out.append(["...", ""])
    return [[tag, line[:MAX_LINE]] for tag, line in out[:MAX_DIFF_LINES]]


def _clip(old: str, new: str) -> tuple[str, str]:
    """A long changed line and its new version cut to ``MAX_LINE`` characters from a little
    before their first difference, so that the change itself is kept.

    >>> a, b = _clip("x" * 5000 + "Ã©", "x" * 5000 + "é")
    >>> a[-3:], b[-2:], len(a) <= MAX_LINE + 1
    ('xÃ©', 'xé', True)
    """
    if len(old) <= MAX_LINE and len(new) <= MAX_LINE:
        return old, new
    same = 0
    while same < min(len(old), len(new)) and old[same] == new[same]:
        same += 1
    start = max(0, same - 200)
    if start == 0:
        return old, new
    return "…" + old[start : start + MAX_LINE - 1], "…" + new[start : start + MAX_LINE - 1]


def _where(pending: Pending) -> dict[str, Any]:
    record = pending.record
    return {"id": record.id, "source": record.source, "number": record.number}


def changed_document(pending: Pending) -> dict[str, Any]:
    steps = [
        {"step": step, "diff": line_diff(before, after), "metadata": _plain(found)}
        for step, before, after, found in pending.trace
    ]
    return {**_where(pending), "steps": steps}


def lossy_document(pending: Pending) -> dict[str, Any]:
    removed = [
        [step, line]
        for step, before, after, _ in pending.trace
        for line in deleted_lines(line_diff(before, after))
    ]
    return {
        **_where(pending),
        "chars_in": len(pending.record.text),
        "chars_out": len(pending.text),
        "removed": removed[:8],
        "steps": [step for step, *_ in pending.trace],
    }


def deleted_lines(diff: list[list[str]]) -> list[str]:
    """The non-blank lines a diff deletes without putting anything in their place (lines a
    step changed, rather than removed, are left out).

    >>> deleted_lines([[" ", "a"], ["-", "Advertisement"], [" ", "b"], ["-", "x"], ["+", "y"]])
    ['Advertisement']
    """
    out = []
    for index, (tag, line) in enumerate(diff):
        if tag != "-" or not line.strip():
            continue
        following = next((t for t, _ in diff[index + 1 :] if t != "-"), None)
        preceding = next((t for t, _ in reversed(diff[:index]) if t != "-"), None)
        if following != "+" and preceding != "+":
            out.append(line)
    return out


def _plain(metadata: dict[str, Any]) -> dict[str, str]:
    return {str(key): str(value)[:MAX_LINE] for key, value in metadata.items()}
