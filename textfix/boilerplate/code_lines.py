"""Code in a document: lines boilerplate rules never remove, whatever they match.

A rule such as ``more`` or ``Share`` reads a whole line, and code has such lines (``more`` in a
pager's usage example). A line is code when it is a fence (```` ``` ````, ``~~~``) or inside a
fenced block, or when it is indented by two or more beside a line indented as far or less.

A fence line is code even where it looks like a separator (``~~~`` is also ``en.separator``):
removing it would turn the lines under it from code into text, so a second run would judge
them again and removal would not settle. A fence left open runs to the end of the text, as in
Markdown and as ``normalise_whitespace`` and ``remove_noise_lines`` read it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textfix.boilerplate.rules import BoilerplateRule

# A line that starts indented, after the first (led by "\n": the search jumps from line break
# to line break, where a two-character substring search compares at every character).
_INDENTED_LINE_RE = re.compile(r"\n[ \t]")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _is_code(line: str, neighbour: str) -> bool:
    """A line indented by two or more, beside a line indented as far or less (but indented):
    part of an indented code block. A Reuters sign-off (`` Reuter``, one space) under the
    wire's four-space table lines is no code.

    >>> _is_code("    more", "    pip install textfix"), _is_code(" Reuter", "    Pay March 31")
    (True, False)
    """
    indent = _indent(line)
    beside = _indent(neighbour)
    return indent >= 2 and 0 < beside <= indent and not neighbour.isspace()


def is_fence(line: str) -> bool:
    return line.lstrip(" \t").startswith(("```", "~~~"))


def fenced_lines(lines: Sequence[str]) -> set[int]:
    """The indices of fence lines (```` ``` ````, ``~~~``) and the lines between them (to the
    end when a fence is left open).

    >>> sorted(fenced_lines(["Run:", "```sh", "ls", "```", "Home"]))
    [1, 2, 3]
    >>> fenced_lines(["Home", "About"])
    set()
    """
    code: set[int] = set()
    fenced = False
    for index, line in enumerate(lines):
        if is_fence(line):
            fenced = not fenced
            code.add(index)
        elif fenced:
            code.add(index)
    return code


def in_code_block(lines: list[str], index: int) -> bool:
    """An indented line beside an indented line (``_is_code``), whatever rules match them."""
    line = lines[index]
    return line[:1] in (" ", "\t") and any(
        _is_code(line, lines[other]) for other in (index - 1, index + 1) if 0 <= other < len(lines)
    )


def without_code(
    lines: list[str],
    matched: Sequence[BoilerplateRule | None],
    found: Sequence[int] | None = None,
    text: str | None = None,
) -> Sequence[BoilerplateRule | None]:
    """``matched`` less the lines of code: fences and the lines inside a fenced block, or
    indented beside an indented line no rule matches (``more`` in a pager's usage example is
    code, whatever a rule says of ``more``). A row of indented buttons, each matched, stays
    boilerplate. ``found`` (the indexes of the matched lines) and ``text`` (the lines joined)
    save a walk over every line when the caller has them.

    >>> lines = ["Run:", "    pip install textfix", "    more", ""]
    >>> from textfix.boilerplate.rules import load_ruleset
    >>> more = load_ruleset().match("more")
    >>> more.id, without_code(lines, [None, None, more, None])
    ('en.navigation-edge', [None, None, None, None])
    >>> without_code(["Talks failed.", "more"], [None, more])[1] is more
    True
    >>> rule = load_ruleset().match("~~~")
    >>> rule.id, without_code(["~~~", "=~~", "a i"], [rule, load_ruleset().match("=~~"), None])
    ('en.separator', [None, None, None])
    """
    joined = "\n".join(lines) if text is None else text
    # (A one-character search first: it is vectorised, a three-character one is not.)
    fences = ("`" in joined and "```" in joined) or ("~" in joined and "~~~" in joined)
    # No line is indented or a fence: a few scans of the text instead of a walk over its lines.
    if not fences and joined[:1] not in (" ", "\t") and _INDENTED_LINE_RE.search(joined) is None:
        return matched
    kept = list(matched)
    fenced = fenced_lines(lines) if fences else set()
    if found is None:
        found = [index for index, rule in enumerate(matched) if rule is not None]
    for index in found:
        line = lines[index]
        beside = [
            lines[other]
            for other in (index - 1, index + 1)
            if 0 <= other < len(lines) and matched[other] is None
        ]
        if index in fenced or any(_is_code(line, other) for other in beside):
            kept[index] = None
    return kept
