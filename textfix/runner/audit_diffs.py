"""The audit's sampled documents as small records: line diffs of each step's change, the
lines a document lost, a removed line with its neighbours. Diffs are computed only for the
documents that end in a sample (see :class:`Pending`): a candidate pushed out by a later one
is never diffed."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

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


Trace = list[tuple[str, str, str, dict[str, Any]]]


@dataclass
class Pending:
    """A sampled document as its trace (each changing step with its input and output text,
    shared with the cleaning, not copied) until the report needs its record.

    Samples keep these, and the parent turns the ones still kept into records when it saves
    the audit (:func:`changed_document`, :func:`lossy_document`): most candidates of a task are
    pushed out of the run's sample by other tasks' and never cost a diff.

    >>> pending = Pending("d1", "a.jsonl", 3, 12, 6, [("strip", "keep\\ndrop\\n", "keep\\n", {})])
    >>> lossy_document(pending)["removed"], pending.chars
    ([['strip', 'drop']], 15)
    >>> changed_document(pending)["steps"][0]["diff"]  # the diff computed once, for both
    [[' ', 'keep'], ['-', 'drop'], [' ', '']]
    """

    id: str | None
    source: str
    number: int
    chars_in: int
    chars_out: int
    trace: Trace
    diffs: list[list[list[str]]] | None = None

    @property
    def chars(self) -> int:
        """The characters of text this candidate holds."""
        return sum(len(before) + len(after) for _, before, after, _ in self.trace)

    def line_diffs(self) -> list[list[list[str]]]:
        """Each step's :func:`line_diff` (computed once: both samples may keep a document)."""
        if self.diffs is None:
            self.diffs = [line_diff(before, after) for _, before, after, _ in self.trace]
        return self.diffs


def _where(pending: Pending) -> dict[str, Any]:
    return {"id": pending.id, "source": pending.source, "number": pending.number}


def changed_document(pending: Pending) -> dict[str, Any]:
    steps = [
        {"step": step, "diff": diff, "metadata": _plain(found)}
        for (step, _, _, found), diff in zip(pending.trace, pending.line_diffs(), strict=True)
    ]
    return {**_where(pending), "steps": steps}


def lossy_document(pending: Pending) -> dict[str, Any]:
    removed = [
        [step, line]
        for (step, *_), diff in zip(pending.trace, pending.line_diffs(), strict=True)
        for line in deleted_lines(diff)
    ]
    return {
        **_where(pending),
        "chars_in": pending.chars_in,
        "chars_out": pending.chars_out,
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


def step_of_rule(rule: str) -> str:
    """The step whose removals carry ``rule``: noise-line rules are ``noise.*``.

    >>> step_of_rule("noise.menu"), step_of_rule("en.read-more")
    ('remove_noise_lines', 'remove_boilerplate')
    """
    return "remove_noise_lines" if rule.startswith("noise.") else "remove_boilerplate"


def lines_at_removal(
    trace: Trace, line_number: int, removed_by: str
) -> tuple[str | None, str, str | None]:
    """The removed line and the lines above and below it (None at the start or end of the
    text), in the text the step ``removed_by`` saw."""
    for step, before, _, _ in trace:
        if step != removed_by:
            continue
        lines = before.split("\n", line_number + 1)[: line_number + 1]  # no further than needed
        if 0 < line_number <= len(lines):
            above = lines[line_number - 2] if line_number >= 2 else None
            below = lines[line_number] if line_number < len(lines) else None
            return above, lines[line_number - 1], below
    return None, "", None
