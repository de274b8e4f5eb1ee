"""Trailer phrases run into a line of text: removed as a span, the rest of the line kept.

Some scrapes join an article's paragraphs into one line, so a teaser such as Daily Mail's
"Scroll down for video" sits between two sentences: ``…medical help. Scroll down for video .
Lurking: Jeremy…``. A whole-line rule never sees it. Here the phrase is taken out when it
stands as a sentence of its own: at the start of the line or right after a sentence end and a
space, and ending the line or closed by its own full stop, colon or exclamation mark. The
rule id is the whole-line rule's, so ``skip_rules`` turns both off.

Must not change: "Scroll down the list of candidates…", "Scroll down to read more about…",
"Readers can scroll down for video of the rescue." (inside a sentence), "Scroll down for video
of the rescue." (the phrase goes on), "The caption read: Scroll down for video." (after a colon,
the phrase is quoted), and a line that holds the phrase alone (the whole-line rule's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The whole-line rule of the same trailer; the span removal is on when that rule is.
SCROLL_RULE_ID = "en.scroll-for-video"
# A sentence end (a closing quote or bracket may follow it) and one space before the phrase,
# or the start of the line; then the phrase, closed by punctuation or by the end of the line.
# Every quantifier is a bounded optional on a fixed string: one pass, no backtracking.
_SCROLL_RE = re.compile(
    r"(?:(?<=[.!?'\"”’)] )|^)"
    r"(?:Scroll down for (?:the )?videos?|SCROLL DOWN FOR (?:THE )?VIDEOS?)"
    r"(?: ?[.!:](?: |$)|$)",
    re.MULTILINE,
)
# Cheap screen: the texts without the phrase (nearly all) skip the regex.
_SCREENS = ("Scroll down for", "SCROLL DOWN FOR")


@dataclass(frozen=True)
class Span:
    """A span removed from a line: the 0-based line index and the character range in it."""

    index: int
    start: int
    end: int


def find_spans(text: str) -> list[Span]:
    """The trailer spans of ``text`` to remove, line by line; none on a line that holds only
    the phrase (a whole-line rule takes that line).

    At the end of a line the space before the phrase goes with it; elsewhere the space after.

    >>> find_spans("Help came. Scroll down for video . Lurking: a dog ran.")
    [Span(index=0, start=11, end=35)]
    >>> find_spans("Scroll down for video\\nHelp came. Scroll down for video")
    [Span(index=1, start=10, end=32)]
    >>> find_spans("Scroll down the list of names. Readers can scroll down for video.")
    []
    """
    if not any(screen in text for screen in _SCREENS):
        return []
    spans: list[Span] = []
    for index, line in enumerate(text.split("\n")):
        if any(screen in line for screen in _SCREENS):
            spans += _line_spans(index, line)
    return spans


def _line_spans(index: int, line: str) -> list[Span]:
    """The spans of one line: the matches, adjacent ones merged; the last one takes the space
    before it when it ends the line, and none when they would take the whole line."""
    ranges: list[list[int]] = []
    for match in _SCROLL_RE.finditer(line):
        start, end = match.span()
        if ranges and ranges[-1][1] == start:
            ranges[-1][1] = end
        else:
            ranges.append([start, end])
    if not ranges or ranges[-1] == [0, len(line)]:
        return []  # the phrase alone, or repeated: the line is left whole
    if ranges[-1][1] == len(line):
        ranges[-1][0] -= 1  # the space before it (the match follows a sentence end and a space)
    return [Span(index, start, end) for start, end in ranges]


def without_spans(lines: list[str], spans: list[Span]) -> list[str]:
    """``lines`` with ``spans`` (in line order, not overlapping) cut out.

    >>> without_spans(["a. Scroll down for video . b"], [Span(0, 3, 27)])
    ['a. b']
    """
    out = list(lines)
    at = 0
    while at < len(spans):
        index = spans[at].index
        line = lines[index]
        pieces: list[str] = []
        kept_from = 0
        while at < len(spans) and spans[at].index == index:
            pieces.append(line[kept_from : spans[at].start])
            kept_from = spans[at].end
            at += 1
        pieces.append(line[kept_from:])
        out[index] = "".join(pieces)
    return out
