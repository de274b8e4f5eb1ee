"""Link runs and the lines between noise lines, read together to a fixed point.

Two position rules of ``remove_noise_lines`` feed each other:

- ``noise.link-run``: the short lines of a run of at least ``min_run`` lines that are short or
  already named noise (a list of links);
- ``noise.between``: a line that is not prose, between two lines a rule names.

A line named ``between`` is noise, so it belongs to the runs beside it: once it is gone, the
runs on either side are one. Were it left out, a second pass over the cleaned text would find
the joined run the first pass missed, and the step would not be idempotent (``…da``, ``0``,
``ím``, ``=`` and three short lines: ``ím`` goes as ``between``, then ``…da`` heads a run of
four). So both rules are applied until neither names a new line. Runs are kept as disjoint
sets (union by size), and each line is named at most once, so the work is O(n log n) in the
number of lines, whatever order the names come in.

>>> lines = ["…da", "0", "ím", "=", "Òt", "Îv", "Òe"]
>>> rules = [None, "noise.no-words", None, "noise.no-words", None, None, None]
>>> mark_runs_and_between(lines, rules, list(range(7)), set(), 4,
...                       lambda line: not line[:1].islower(), lambda line: False)
>>> rules[0], rules[2], rules[4]
('noise.link-run', 'noise.between', 'noise.link-run')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

LINK_RUN = "noise.link-run"
BETWEEN = "noise.between"


def mark_runs_and_between(
    lines: Sequence[str],
    rules: list[str | None],
    nonblank: Sequence[int],
    table: set[int],
    min_run: int,
    is_short: Callable[[str], bool],
    is_prose: Callable[[str], bool],
) -> None:
    """Name the link-run and between lines of ``lines`` in ``rules``, in place.

    ``nonblank`` holds the indices of the non-blank lines (runs and neighbours are read among
    them), ``table`` the rows of tables, which neither rule names. ``is_short`` tells a line
    that can belong to a list of links, ``is_prose`` a line of running text.
    """
    count = len(nonblank)
    member = [
        rules[index] is not None or (index not in table and is_short(lines[index]))
        for index in nonblank
    ]
    runs = _Runs(count)
    for position in range(count - 1):
        if member[position] and member[position + 1]:
            runs.union(position, position + 1)
    named: list[int] = []  # positions named since their neighbours were last looked at

    def name(position: int, rule: str) -> None:
        rules[nonblank[position]] = rule
        named.append(position)

    def name_members(positions: list[int]) -> None:
        for position in positions:
            if rules[nonblank[position]] is None:
                name(position, LINK_RUN)

    for root in {runs.find(position) for position in range(count) if member[position]}:
        if len(runs.members[root]) >= min_run:
            name_members(runs.members[root])
    # Before any new name, the between rule reads every line, as it reads the neighbours of
    # each line named later.
    named.clear()
    candidates: list[int] = list(range(1, count - 1))
    while candidates or named:
        for position in candidates:
            if _is_between(lines, rules, nonblank, table, position, is_prose):
                name(position, BETWEEN)
                member[position] = True
                for other in (position - 1, position + 1):
                    if member[other]:
                        # Every run of ``min_run`` lines is named as it forms, so when the
                        # larger side already was one, only the smaller side's lines are new.
                        was = max(runs.size(position), runs.size(other))
                        root, absorbed = runs.union(position, other)
                        if len(runs.members[root]) >= min_run:
                            name_members(absorbed if was >= min_run else runs.members[root])
        candidates = [
            other
            for position in named
            for other in (position - 1, position + 1)
            if 0 < other < count - 1
        ]
        named.clear()


def mark_spans_outside(
    lines: Sequence[str],
    rules: list[str | None],
    nonblank: Sequence[int],
    table: set[int],
    outside: Callable[[int], bool],
    unbounding: frozenset[str | None],
    max_span: int,
    is_prose: Callable[[str], bool],
) -> None:
    """Name ``noise.between`` the spans of two to ``max_span`` lines that are not prose, stand
    between two lines named by a rule outside ``unbounding``, and lie with both of them outside
    the text (``outside(index)``): a block of related posts or a footer's column of links, not a
    short list of the text's own. One pass, in place.

    >>> lines = ["Prose.", "Share this:", "Tent", "Day pack", "Tags: gear", "Boots", "Poles"]
    >>> rules = [None, "noise.action-link", None, None, "noise.tags", None, None]
    >>> mark_spans_outside(lines, rules, range(7), set(), lambda i: i > 0, frozenset({None}), 3,
    ...                    lambda line: False)
    >>> rules[2:]
    ['noise.between', 'noise.between', 'noise.tags', None, None]
    """
    count = len(nonblank)
    start = 0
    while start < count:
        end = start
        while end < count and _is_open(lines, rules, table, nonblank[end], is_prose):
            end += 1
        if (
            2 <= end - start <= max_span
            and start > 0
            and end < count
            and rules[nonblank[start - 1]] not in unbounding
            and rules[nonblank[end]] not in unbounding
            and outside(nonblank[start - 1])
            and outside(nonblank[end])
        ):
            for position in range(start, end):
                rules[nonblank[position]] = BETWEEN
        start = end + 1


def _is_open(
    lines: Sequence[str],
    rules: list[str | None],
    table: set[int],
    index: int,
    is_prose: Callable[[str], bool],
) -> bool:
    """A line no rule names, not a table's row, neither prose nor a sentence's or a label's
    end."""
    return (
        rules[index] is None
        and index not in table
        and not is_prose(lines[index])
        and not lines[index].rstrip().endswith((".", "!", "?", ":"))
    )


def _is_between(
    lines: Sequence[str],
    rules: list[str | None],
    nonblank: Sequence[int],
    table: set[int],
    position: int,
    is_prose: Callable[[str], bool],
) -> bool:
    index = nonblank[position]
    return (
        rules[index] is None
        and index not in table
        and rules[nonblank[position - 1]] is not None
        and rules[nonblank[position + 1]] is not None
        and not is_prose(lines[index])
        and not lines[index].rstrip().endswith((".", "!", "?", ":"))
    )


class _Runs:
    """Disjoint runs of positions (union by size), each root holding its members."""

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))
        self.members: dict[int, list[int]] = {position: [position] for position in range(count)}

    def find(self, position: int) -> int:
        parent = self.parent
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    def size(self, position: int) -> int:
        return len(self.members[self.find(position)])

    def union(self, first: int, second: int) -> tuple[int, list[int]]:
        """Join the runs of ``first`` and ``second``: their root, and the members of the
        smaller run, now the larger's."""
        a, b = self.find(first), self.find(second)
        if a == b:
            return a, []
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        absorbed = self.members.pop(b)
        self.members[a] += absorbed
        return a, absorbed
