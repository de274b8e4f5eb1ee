"""Learn boilerplate lines from a corpus: the short lines that recur in many documents.

One streaming pass counts, for every folded line, the number of documents it appears in. The
counts live in a count-min sketch (``depth`` rows of ``width`` 32-bit counters, 16 MB by
default) rather than a dict of every line, so memory is bounded whatever the corpus size; the
text of a line is kept only once its estimated count reaches ``min_docs``. The sketch is a sum,
so the final counts do not depend on document order, and two learners' sketches add up
(``merge``) for parallel workers.

Lines that cannot be boilerplate are never counted: blank lines, one-word lines (a letter's
"London" signature), lines of more than ``max_words`` words, and header lines (bylines,
publication dates), which ``extract_header`` needs.
"""

from __future__ import annotations

import hashlib
import math
import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

from textfix.boilerplate.remove import HEADER_LINE_RE
from textfix.boilerplate.rules import MAX_RULE_LINE, fold_line

# A line of digits, dates and times only ("12.30", "2022-02-12") is not a rule worth writing.
# The characters with a meaning in a pattern; re.escape would also escape spaces and dashes.
_REGEX_SPECIAL_RE = re.compile(r"([.^$*+?{}\[\]\\|()])")
_NUMERIC_LINE_RE = re.compile(r"[\d\s.,:/+%-]+(?:[ap]m|bst|gmt|utc|et)?")


@dataclass(frozen=True)
class LearnedLine:
    """A folded line and the number of documents it was (estimated to be) seen in."""

    line: str
    docs: int

    @property
    def rule_id(self) -> str:
        """A stable id from the line's hash: ``learned.<8 hex digits>``."""
        return "learned." + hashlib.blake2b(self.line.encode(), digest_size=4).hexdigest()


class LineCounter:
    """Document frequencies of folded lines in a count-min sketch with bounded memory.

    >>> counter = LineCounter(width=1024, min_docs=2)
    >>> for text in ["Talks fail\\nSign up now", "Oil rises\\nSign up now", "Sign up now"]:
    ...     counter.add_document(text)
    >>> counter.learned()
    [LearnedLine(line='sign up now', docs=3)]
    """

    def __init__(
        self,
        *,
        width: int = 1 << 20,
        depth: int = 4,
        min_docs: int = 5,
        max_words: int = 20,
        max_candidates: int = 200_000,
    ) -> None:
        if width < 1 or not 1 <= depth <= 8:
            raise ValueError("width must be positive and depth between 1 and 8")
        self.width = width
        self.depth = depth
        self.min_docs = min_docs
        self.max_words = max_words
        self.max_candidates = max_candidates
        self.rows = [array("I", bytes(4 * width)) for _ in range(depth)]
        self.candidates: dict[str, None] = {}
        self.documents = 0
        self.overflowed = False

    def _slots(self, line: str) -> list[int]:
        digest = hashlib.blake2b(line.encode("utf-8", "surrogatepass"), digest_size=32).digest()
        return [
            int.from_bytes(digest[4 * i : 4 * i + 4], "little") % self.width
            for i in range(self.depth)
        ]

    def estimate(self, line: str) -> int:
        """The sketch's estimate of the number of documents holding ``line`` (folded)."""
        return min(row[slot] for row, slot in zip(self.rows, self._slots(line), strict=True))

    def countable(self, folded: str) -> bool:
        """True for a folded line that could be boilerplate and may be counted."""
        words = folded.count(" ") + 1
        return (
            2 <= words <= self.max_words
            and len(folded) <= MAX_RULE_LINE
            and _NUMERIC_LINE_RE.fullmatch(folded) is None
            and folded.isprintable()
        )

    def add_document(self, text: str) -> None:
        """Count each distinct countable line of ``text`` once."""
        self.documents += 1
        seen: set[str] = set()
        for raw in text.split("\n"):
            if not raw or len(raw) > 2 * MAX_RULE_LINE or HEADER_LINE_RE.fullmatch(raw):
                continue
            folded = fold_line(raw)
            if folded in seen or not self.countable(folded):
                continue
            seen.add(folded)
            slots = self._slots(folded)
            estimate = 1 << 32
            for row, slot in zip(self.rows, slots, strict=True):
                row[slot] = min(row[slot] + 1, 0xFFFFFFFF)
                estimate = min(estimate, row[slot])
            if estimate >= self.min_docs and folded not in self.candidates:
                if len(self.candidates) < self.max_candidates:
                    self.candidates[folded] = None
                else:
                    self.overflowed = True

    def merge(self, other: LineCounter) -> None:
        """Add another counter's counts (same width and depth) to this one."""
        if (other.width, other.depth) != (self.width, self.depth):
            raise ValueError("only counters of the same width and depth can be merged")
        for mine, theirs in zip(self.rows, other.rows, strict=True):
            for index, value in enumerate(theirs):
                if value:
                    mine[index] = min(mine[index] + value, 0xFFFFFFFF)
        self.documents += other.documents
        self.candidates.update(other.candidates)

    def learned(self, *, min_share: float = 0.0) -> list[LearnedLine]:
        """Lines in ``min_docs`` or more documents and ``min_share`` of all, most frequent first.

        Only the sketch's final counts decide, so the result does not depend on input order.
        """
        floor = max(self.min_docs, 1, math.ceil(min_share * self.documents))
        found = [LearnedLine(line, self.estimate(line)) for line in self.candidates]
        kept = [item for item in found if item.docs >= floor]
        return sorted(kept, key=lambda item: (-item.docs, item.line))


def learn_lines(
    texts: Iterable[str], *, min_docs: int = 5, min_share: float = 0.0, **sketch: int
) -> tuple[list[LearnedLine], LineCounter]:
    """Count ``texts`` in one pass; the learned lines and the counter (for its statistics)."""
    counter = LineCounter(min_docs=min_docs, **sketch)
    for text in texts:
        counter.add_document(text)
    return counter.learned(min_share=min_share), counter


def escape_pattern(line: str) -> str:
    r"""``line`` as a pattern that matches exactly it.

    >>> escape_pattern("sign up (free) - now")
    'sign up \\(free\\) - now'
    """
    return _REGEX_SPECIAL_RE.sub(r"\\\1", line)


def _toml_string(value: str) -> str:
    # TOML basic strings take JSON's escapes for quotes, backslashes and control characters.
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped) + '"'


def _comment(item: LearnedLine, documents: int) -> str:
    return f"learned: in {item.docs} of {documents} documents: {item.line}"


def rules_toml(lines: Iterable[LearnedLine], *, documents: int, source: str = "") -> str:
    """The learned lines as a rule file ``textfix clean --rules`` reads.

    >>> print(rules_toml([LearnedLine("sign up (free)", 7)], documents=10), end="")
    # Boilerplate lines learned by `textfix learn` from 10 documents.
    # Review before use: every line here is removed wherever it stands alone.
    <BLANKLINE>
    [[rule]]
    id = "learned.f78e8efb"
    lang = "und"
    pattern = "sign up \\\\(free\\\\)"
    comment = "learned: in 7 of 10 documents: sign up (free)"
    docs = 7
    """
    header = [
        f"# Boilerplate lines learned by `textfix learn` from {documents} documents"
        + (f" in {source}" if source else "")
        + ".",
        "# Review before use: every line here is removed wherever it stands alone.",
    ]
    blocks = [
        "\n".join(
            [
                "[[rule]]",
                f"id = {_toml_string(item.rule_id)}",
                'lang = "und"',
                f"pattern = {_toml_string(escape_pattern(item.line))}",
                f"comment = {_toml_string(_comment(item, documents))}",
                f"docs = {item.docs}",
            ]
        )
        for item in lines
    ]
    return "\n".join(header) + "\n\n" + "\n\n".join(blocks) + ("\n" if blocks else "")
