"""Boilerplate lines: footers, ad slots and prompts a scraper kept with the article.

Rules live in ``textfix/data/boilerplate*.toml`` (see :mod:`textfix.boilerplate.rules`); each
is matched against a whole folded line, so prose that quotes a phrase ("There will be more to
come," the minister warned) stays. Lines are also judged by where they stand:

- a ``heading`` rule ("Related", "Most read") takes the headline list under it along;
- an ``edge`` rule (ambiguous lines such as "Share" or "Reuters") counts only before the first
  or after the last line of prose, or beside other boilerplate;
- a line right above prose in the same paragraph ("Share" or "Related" heading a paragraph)
  below the start of the text is a heading of the text and stays, unless boilerplate stands
  beside it; so do code lines (fenced, or indented beside another indented line), which also
  end a headline list;
- header lines ("By Jane Smith", "Published: Feb. 12, 2022", "KYIV, Ukraine (AP) — …") are
  never removed, whatever a rule file says, so ``extract_header`` still finds them.

Known false positives: a one-line subheading right under a "Related"-style heading in the
middle of an article is taken for a headline when another headline-like line follows it.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass

from textfix.boilerplate.code_lines import in_code_block, is_fence, without_code
from textfix.boilerplate.continuation import continues_sentence
from textfix.boilerplate.inline import SCROLL_RULE_ID, find_spans, without_spans
from textfix.boilerplate.rules import BoilerplateRule, RuleSet, as_paths, load_ruleset

# Written with a literal start (not \n{3,}) so the search skips to line breaks: 15x faster.
_BLANK_RUN_RE = re.compile(r"\n\n\n+")
# Lines a header extractor reads: bylines, publication dates, the scraper's "date YYYY-MM-DD"
# line, agency datelines. A user or learned rule matching one of these is ignored.
HEADER_LINE_RE = re.compile(
    r"[ \t]*(?:"
    r"[Bb][Yy] [A-Z\u00c0-\u024f\u0400-\u04ff][^\n]{0,120}"
    r"|(?:[Ff]irst |[Ll]ast )?(?:[Pp]ublished|[Uu]pdated|[Pp]osted|[Mm]odified)\b"
    # ... but not a live-blog stamp "Updated at 22.28 BST": a time without a date.
    r"(?! at \d{1,2}[.:]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,5})?$)[^\n]{0,100}"
    r"|[Dd]ate:?[ \t]+\d{4}-\d{2}-\d{2}[^\n]*"
    r"|[A-Z][A-Z .'’-]{1,40}(?:, [^\n(]{1,40})? \((?:AP|Reuters|AFP|dpa|UPI|CNN)\) ?[—–-][^\n]*"
    r")"
)
# Sentence ends that make a line of eight or more words prose.
_PROSE_ENDS = (".", "!", "…", '"', "”", "’", "'", ")", "»")
#: The most lines a "Related"-style heading takes along as its headline list.
MAX_LIST_ITEMS = 12


@dataclass(frozen=True)
class Removal:
    """A line removed as boilerplate: its 1-based number in the input, its text, the rule.

    A trailer cut out of a line (``textfix.boilerplate.inline``) has a ``span``: the range of
    characters of ``line`` removed, the rest of the line kept; ``removed`` is what went.

    >>> Removal(3, "Help came. Scroll down for video", "en.scroll-for-video", (10, 32)).removed
    ' Scroll down for video'
    """

    line_number: int
    line: str
    rule_id: str
    span: tuple[int, int] | None = None

    @property
    def removed(self) -> str:
        """The text removed: the whole line, or the span of it."""
        return self.line if self.span is None else self.line[self.span[0] : self.span[1]]


def is_prose(line: str) -> bool:
    """True for a line that reads as a sentence: 8+ words ending a sentence, or 26+ words.

    >>> is_prose("The talks in Geneva failed after six long hours."), is_prose("Most read")
    (True, False)
    """
    words = line.count(" ") + 1
    return words > 25 or (words >= 8 and line.rstrip().endswith(_PROSE_ENDS))


def _is_headline(line: str) -> bool:
    return len(line) <= 200 and line.count(" ") < 25 and not is_prose(line)


def _matched_lines(
    text: str, ruleset: RuleSet
) -> tuple[list[str], list[BoilerplateRule | None]] | None:
    """The lines of ``text`` and the rule each matches (None if none); None when no line
    matches one.

    Only the lines the ruleset's engine finds are folded and matched (``RuleSet.match_lines``);
    header lines never count.
    """
    found, lines = ruleset.match_split(text)
    if not found:
        return None  # the common case: one pass over the text, no line split or folded
    matched: list[BoilerplateRule | None] = [None] * len(lines)
    for number, rule in found:
        if HEADER_LINE_RE.fullmatch(lines[number]) is None:
            matched[number] = rule
    return lines, matched


# Per byte: b" " for the ASCII characters str.split() splits on, else b"x".
_WORD_MARKS = bytes(0x20 if chr(byte).isspace() else 0x78 for byte in range(256))


def word_count(text: str) -> int:
    """``len(text.split())``; for ASCII text without making the words (a tenth of the time).

    >>> word_count(" Talks\\tin  Geneva\\n"), word_count("Café au lait")
    (3, 3)
    """
    if not text.isascii():
        return len(text.split())
    marks = text.encode().translate(_WORD_MARKS)
    return marks.count(b"x ") + marks.endswith(b"x")


def _blocks_after(lines: list[str], start: int, limit: int) -> Iterator[list[int]]:
    """The paragraphs (runs of non-blank line indexes) from ``start`` on, one by one (a
    heading reads only the few it takes, so many headings cost no more than the text). A
    paragraph longer than ``limit`` lines is cut after ``limit + 1`` and ends the reading: a
    heading in a text without blank lines would otherwise read it to its end."""
    current: list[int] = []
    for index in range(start, len(lines)):
        if lines[index]:
            current.append(index)
            if len(current) > limit:
                yield current
                return
        elif current:
            yield current
            current = []
    if current:
        yield current


def _headline_list(
    lines: list[str], heading: int, matched: Sequence[BoilerplateRule | None]
) -> list[int]:
    """The indexes of the headline list under the heading at ``heading``."""

    def listable(index: int) -> bool:
        # A fence or a code line ends the list: were it removed, the next run would read the
        # lines around it differently (``code_lines.without_code``), and removal would not settle.
        if is_fence(lines[index]) or in_code_block(lines, index):
            return False
        return matched[index] is not None or (
            _is_headline(lines[index]) and HEADER_LINE_RE.fullmatch(lines[index]) is None
        )

    items: list[int] = []
    own = heading + 1
    while own < len(lines) and lines[own] and len(items) < MAX_LIST_ITEMS:
        if not listable(own):
            return items  # prose inside the heading's own paragraph ends the list
        items.append(own)
        own += 1
    later: list[int] = []
    to_the_end = True
    for block in _blocks_after(lines, own, MAX_LIST_ITEMS):
        if len(items) + len(later) + len(block) > MAX_LIST_ITEMS or not all(map(listable, block)):
            to_the_end = False
            break
        later.extend(block)
    # Headlines in paragraphs of their own are taken when there are two or more of them, or
    # when they run to the end of the document; one short line followed by prose is more
    # likely a subheading ("What happens next?") and stays.
    if len(items) + len(later) >= 2 or (later and to_the_end):
        items.extend(later)
    return items


def find_boilerplate(
    text: str,
    *,
    rules: str | Sequence[str] = (),
    skip_rules: str | Sequence[str] = (),
    max_removed_share: float = 0.3,
) -> tuple[str, list[Removal], str | None]:
    """The text without boilerplate, the removals, and why nothing was removed (if so).

    When the lines to remove hold more than ``max_removed_share`` of the document's words the
    document is kept whole, the removals are still listed, and the reason says so.

    >>> text = "Talks in Geneva failed after six long hours on Friday.\\n\\nMost read\\nOil rises"
    >>> cleaned, removals, reason = find_boilerplate(text)
    >>> cleaned
    'Talks in Geneva failed after six long hours on Friday.'
    >>> [r.rule_id for r in removals]
    ['en.most-read', 'en.most-read+list']
    """
    if not text:
        return text, [], None
    ruleset = ruleset_for(rules, skip_rules)
    cut, spans = _cut_trailers(text, ruleset)
    split = _matched_lines(cut, ruleset)
    if split is None:
        if not spans:
            return text, [], None
        lines = cut.split("\n")
        split = lines, [None] * len(lines)
    cleaned, removals, reason = remove_matched(cut, *split, max_removed_share, spans=spans)
    return (text if reason else cleaned), removals, reason


def _cut_trailers(text: str, ruleset: RuleSet) -> tuple[str, list[Removal]]:
    """``text`` without the trailer phrases run into its lines, and a removal for each."""
    spans = find_spans(text)
    if not spans or not any(rule.id == SCROLL_RULE_ID for rule in ruleset.rules):
        return text, []
    lines = text.split("\n")
    removals = [
        Removal(span.index + 1, lines[span.index], SCROLL_RULE_ID, (span.start, span.end))
        for span in spans
    ]
    return "\n".join(without_spans(lines, spans)), removals


def ruleset_for(rules: str | Sequence[str], skip_rules: str | Sequence[str]) -> RuleSet:
    """The rules ``remove_boilerplate`` applies with these options (cached)."""
    if rules == () and skip_rules == ():  # the default: skip converting the options
        return load_ruleset((), ())  # the same cache entry as check_boilerplate_options
    return load_ruleset(as_paths(rules), as_paths(skip_rules, "skip_rules"))


def _without_continuations(
    lines: list[str], matched: Sequence[BoilerplateRule | None], found: Sequence[int]
) -> Sequence[BoilerplateRule | None]:
    """``matched`` (whose matched lines are at ``found``) less the lines that end the sentence
    of the line above them: a hard-wrapped "…for each Liebert" / "share." is content, whatever
    a rule says of "share."."""
    kept: list[BoilerplateRule | None] | None = None
    for index in found:
        if index == 0 or matched[index - 1] is not None:
            continue
        if continues_sentence(lines[index - 1], lines[index]):
            if kept is None:
                kept = list(matched)
            kept[index] = None
    return matched if kept is None else kept


def _is_text(line: str, rule: BoilerplateRule | None) -> bool:
    """A line of the text itself: not blank, matched by no rule, no header line."""
    return bool(line) and rule is None and HEADER_LINE_RE.fullmatch(line) is None


def _first_text(
    lines: list[str], matched: Sequence[BoilerplateRule | None], removed: Container[int] = ()
) -> int:
    """The index of the first line of the text itself that is not ``removed`` (``len(lines)``
    if none). Read after removal (a line a heading's list takes is not text), so the next run,
    which no longer has the removed lines, finds the same line."""
    return next(
        (
            index
            for index, line in enumerate(lines)
            if _is_text(line, matched[index]) and index not in removed
        ),
        len(lines),
    )


def _first_prose(lines: list[str], matched: Sequence[BoilerplateRule | None]) -> int:
    """The index of the first prose line no rule matches (``len(lines)`` if none): never taken
    by a heading's list, so removal cannot move it."""
    return next(
        (
            index
            for index, line in enumerate(lines)
            if _is_text(line, matched[index]) and is_prose(line)
        ),
        len(lines),
    )


def _heads_prose(
    lines: list[str], index: int, matched: Sequence[BoilerplateRule | None], first_text: int
) -> bool:
    """True when the line right under ``index`` (no blank line between) is prose no rule
    matches, and the text has begun above it (at ``first_text``: for an edge line the first
    line of text, for a heading the first prose line): ``Share`` or ``Related`` heading a
    paragraph inside the text is a heading of the text. At the top, a button right above the
    first paragraph is a scrape's layout, and goes."""
    below = index + 1
    return (
        first_text < index
        and below < len(lines)
        and _is_text(lines[below], matched[below])
        and is_prose(lines[below])
    )


def _after_boilerplate(lines: list[str], index: int, removed: dict[int, str]) -> bool:
    """True when the nearest non-blank line above ``index`` is removed."""
    above = index - 1
    while above >= 0 and not lines[above]:
        above -= 1
    return above in removed


def remove_matched(
    text: str,
    lines: list[str],
    matched: Sequence[BoilerplateRule | None],
    max_removed_share: float,
    *,
    spans: Sequence[Removal] = (),
) -> tuple[str, list[Removal], str | None]:
    """``find_boilerplate`` once the rule each line of ``text`` matches is known; ``spans``
    are trailers already cut out of ``text``'s lines, listed and counted with the removals."""
    found = [number for number, rule in enumerate(matched) if rule is not None]
    matched = without_code(lines, _without_continuations(lines, matched, found), found, text)
    found = [number for number in found if matched[number] is not None]
    removed: dict[int, str] = {}
    edge: list[int] = []
    first_prose = -1  # found when a heading needs it: most documents have none
    for index in found:
        rule = matched[index]
        if rule is None or index in removed:
            continue
        if rule.where == "edge":
            edge.append(index)
            continue
        if rule.where == "heading":
            items = _headline_list(lines, index, matched)
            if first_prose == -1:
                first_prose = _first_prose(lines, matched)
            if (
                not items
                and _heads_prose(lines, index, matched, first_prose)
                and not _after_boilerplate(lines, index, removed)
            ):
                continue  # a heading of the text, not of a list
            removed[index] = rule.id
            for item in items:
                own = matched[item]
                removed[item] = own.id if own is not None else f"{rule.id}+list"
        else:
            removed[index] = rule.id
    edge = [index for index in edge if index not in removed]
    if edge:
        _resolve_edge_lines(lines, matched, removed, edge)
    if not removed and not spans:
        return text, [], None
    order = sorted(removed)
    removals = [Removal(index + 1, lines[index], removed[index]) for index in order]
    if spans:
        removals = sorted([*removals, *spans], key=lambda removal: removal.line_number)
    removed_words = sum(len(removal.removed.split()) for removal in removals)
    # The runs of lines between removed ones, as slices (deleting the removed lines one by
    # one from a list is quadratic in their number, and testing every line is a loop).
    kept: list[str] = []
    start = 0
    for index in order:
        kept += lines[start:index]
        start = index + 1
    kept += lines[start:]
    # The guard needs the document's word count only when the removals come near the share:
    # the removed words plus one per kept line with a word is a lower bound that usually
    # settles it, at a tenth of the cost of splitting the whole text.
    with_words = len(kept) - kept.count("") - sum(map(str.isspace, kept))
    if removed_words > max_removed_share * (removed_words + with_words):
        # (``text`` has lost the spans already: their words are counted back.)
        total_words = max(1, word_count(text) + sum(len(s.removed.split()) for s in spans))
        if removed_words > max_removed_share * total_words:
            reason = (
                f"kept whole: removal would delete {removed_words} of {total_words} words "
                f"(more than max_removed_share={max_removed_share})"
            )
            return text, removals, reason
    if not removed:
        return text, removals, None  # only spans cut: the lines and blank lines stay as they are
    return _BLANK_RUN_RE.sub("\n\n", "\n".join(kept)).strip("\n"), removals, None


def _resolve_edge_lines(
    lines: list[str],
    matched: Sequence[BoilerplateRule | None],
    removed: dict[int, str],
    edge: list[int],
) -> None:
    """Remove the ``edge`` lines that stand outside the prose or beside other boilerplate.

    The first and last prose lines are found from either end, and each edge line's neighbours
    by walking to the nearest non-blank lines: an edge line at the end of a long text (a
    Reuters sign-off) costs a few lines, not the text.
    """

    taken = frozenset(removed)  # (``removed`` grows below; prose is read before that)

    def prose(index: int) -> bool:
        line = lines[index]
        return (
            bool(line)
            and matched[index] is None
            and index not in taken
            and is_prose(line)
            and HEADER_LINE_RE.fullmatch(line) is None
        )

    count = len(lines)
    last = next((index for index in range(count - 1, -1, -1) if prose(index)), -1)
    first = -1  # found when an edge line above the last prose line needs it
    candidates = set(removed) | set(edge)
    first_text = _first_text(lines, matched, removed)
    for index in edge:
        above = index - 1
        while above >= 0 and not lines[above]:
            above -= 1
        below = index + 1
        while below < count and not lines[below]:
            below += 1
        rule = matched[index]
        assert rule is not None
        if index <= last and first == -1:
            first = next(line for line in range(last + 1) if prose(line))
        outside = (index > last or index < first) and not _heads_prose(
            lines, index, matched, first_text
        )
        if outside or above in candidates or below in candidates:
            removed[index] = rule.id


def remove_boilerplate(
    text: str,
    *,
    rules: str | Sequence[str] = (),
    skip_rules: str | Sequence[str] = (),
    max_removed_share: float = 0.3,
) -> str:
    """Remove lines that are boilerplate as a whole, with the headline lists under them.

    ``rules`` adds rule files (one path or a list) to the curated rules; ``skip_rules`` names
    rule ids to disable. If the lines to remove hold more than ``max_removed_share`` of the
    document's words, the document is returned unchanged: a rule that would eat that much is
    more likely wrong. Blank lines left behind are folded, so whitespace-normal text stays so.

    >>> remove_boilerplate("The talks in Geneva failed after six long hours.\\n\\nMore to come…")
    'The talks in Geneva failed after six long hours.'
    >>> remove_boilerplate('"There will be more to come," the minister warned.')
    '"There will be more to come," the minister warned.'
    >>> remove_boilerplate("By Jane Smith\\n\\nShare\\n\\nTalks in Geneva failed after six hours.")
    'By Jane Smith\\n\\nTalks in Geneva failed after six hours.'
    """
    return find_boilerplate(
        text, rules=rules, skip_rules=skip_rules, max_removed_share=max_removed_share
    )[0]


def _note(removal: Removal) -> str:
    """The explanation of one removal; a span names the line it was cut from."""
    if removal.span is None:
        return f"removed by {removal.rule_id}: {removal.line!r}"
    start, end = removal.span
    return (
        f"removed by {removal.rule_id}: {removal.removed!r} "
        f"(characters {start}-{end} of line {removal.line_number}: {removal.line!r})"
    )


def explain_boilerplate(
    text: str,
    *,
    rules: str | Sequence[str] = (),
    skip_rules: str | Sequence[str] = (),
    max_removed_share: float = 0.3,
) -> tuple[str, list[str]]:
    """``remove_boilerplate`` plus a note per removed line naming its rule.

    >>> explain_boilerplate("Talks in Geneva failed after six long hours.\\n\\nAdvertisement")[1]
    ["removed by en.advertisement: 'Advertisement'"]
    >>> text = "Help came. Scroll down for video . A dog ran after the boy down the long street."
    >>> explain_boilerplate(text)[1][0][:76]
    "removed by en.scroll-for-video: 'Scroll down for video . ' (characters 11-35"
    >>> explain_boilerplate("Advertisement\\n\\nTalks failed.")[1][0]
    'kept whole: removal would delete 1 of 3 words (more than max_removed_share=0.3)'
    """
    cleaned, removals, reason = find_boilerplate(
        text, rules=rules, skip_rules=skip_rules, max_removed_share=max_removed_share
    )
    notes = [_note(removal) for removal in removals]
    if reason is not None:
        notes = [reason, *(note.replace("removed by", "would remove by", 1) for note in notes)]
    return cleaned, notes
