"""The pipeline's screen: cheap tests that tell, before a step runs, that it has no work.

Most scraped news is ASCII without entities, controls or odd line breaks; for such text
``fix_mojibake``, ``remove_control_chars``, ``normalise_unicode`` and ``transliterate`` provably
change nothing, and the pipeline skips them wholesale (``quiet`` tests, one per step, each a
few C-level scans). Settling uses the same tests, and what each step knows about the edits made
after it (``settled`` tests): a step that edits only whitespace, or only removes whole lines,
cannot give an earlier step new work in many cases (see ``Pipeline.__call__``).

Every test is a sufficient condition: True means the step would return the text unchanged;
False means only "run it". ``tests/test_pipeline.py`` checks each against the step itself.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Collection, Sequence
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from textfix.normalisers.unicode import ASCII_SUSPECTS
from textfix.normalisers.whitespace import whole_lines_at
from textfix.registry import EditKind, Lazy

if TYPE_CHECKING:
    from textfix.normalisers.quotes import QuoteStyle

# The step modules the settling tests call into, imported on first use (an import statement
# in a function costs about a microsecond a call; settling makes several per document).
_fix_mojibake = Lazy("textfix.normalisers.encoding", "fix_mojibake")
_settled_after_line_removal = Lazy(
    "textfix.normalisers.quote_settling", "settled_after_line_removal"
)
_WHITESPACE: frozenset[EditKind] = frozenset(("whitespace",))
_LINES: frozenset[EditKind] = frozenset(("lines",))


@cache
def _boilerplate() -> ModuleType:
    return importlib.import_module("textfix.boilerplate.remove")


# The pairs fix_mojibake judges by the whole text: a lone capital before a space (a lost
# no-break space, ``is_ambiguous_nbsp_loss``) and the leftovers ftfy keeps (``mojibake_leftovers``).
_WHOLE_TEXT_PAIRS = ("Ã ", "Â ", "Ã…", "ÃŒ", "ÃŽ")
# A line that starts indented or ends in a hard break ("  \n"): starting with "\n", the search
# jumps from line break to line break (a two-character substring search is several times slower).
_NEIGHBOURLY_LINE_RE = re.compile(r"\n(?:[ \t]|(?<=  \n))")


def ascii_text(text: str) -> bool:
    """True for ASCII text, which ``normalise_unicode`` and ``transliterate`` leave alone.

    >>> ascii_text("plain"), ascii_text("café")
    (True, False)
    """
    return text.isascii()


def no_mojibake_work(text: str) -> bool:
    r"""True when ``fix_mojibake`` certainly returns ``text`` unchanged: ASCII text without
    ``&`` (entities), ESC (terminal escapes) or line breaks other than ``"\n"``. Mojibake,
    C1 controls, ligatures and surrogates are all non-ASCII.

    >>> no_mojibake_work("Talks fail\n\nIt failed."), no_mojibake_work("AT&amp;T")
    (True, False)
    >>> no_mojibake_work("Caf\xc3\xa9"), no_mojibake_work("a\r\nb")
    (False, False)
    """
    # An ``or`` chain of one-character searches (memchr each): a generator costs more.
    return text.isascii() and not (
        "&" in text
        or "\x1b" in text
        or "\r" in text
        or "\x0b" in text
        or "\x0c" in text
        or "\x1c" in text
        or "\x1d" in text
        or "\x1e" in text
    )


def no_control_work(text: str) -> bool:
    r"""True when ``remove_control_chars`` certainly returns ``text`` unchanged: ASCII text
    without a character it deletes (``unicode.ASCII_SUSPECTS``: the C0 controls but tab, line
    feed, carriage return and form feed, and DEL).

    >>> no_control_work("a\tb\r\nc"), no_control_work("a\x00b"), no_control_work("é")
    (True, False, False)
    """
    if not text.isascii():
        return False
    return len(text.encode("ascii").translate(None, ASCII_SUSPECTS)) == len(text)


def mojibake_settled(output: str, text: str, edits: Collection[EditKind]) -> bool:
    r"""Whether ``fix_mojibake``'s ``output``, edited since into ``text``, needs no second look.

    ASCII text without entities needs none (``no_mojibake_work``). Otherwise: ftfy reads each
    line on its own, and textfix reads the whole text only for entities (``&``) and for the
    pairs it judges by their document (``_WHOLE_TEXT_PAIRS``: ``"Ã "``, ``"Ã…"``). Without those in
    ``text``, a line of ``text`` that is a line of ``output`` holds no work (``output`` is
    ``fix_mojibake``'s own result), so only the other lines are looked at again: after
    whitespace tidying or line removal, few or none. ``edits`` are not needed.

    >>> mojibake_settled("Talks  fail", "Talks fail", {"whitespace"})
    True
    >>> mojibake_settled("Café\n\n  Crème  brûlée ", "Café\n\nCrème brûlée", {"whitespace"})
    True
    >>> mojibake_settled("x\n\xa0Ü¤", "x\nÜ¤", {"any"}), mojibake_settled("é", "e", {"any"})
    (False, True)
    >>> mojibake_settled("\x06Ô\x05\x9c\nx", "Ôœ\nx", {"any"})  # a line is read with its break
    False
    """
    if no_mojibake_work(text):
        return True
    # (Every pair starts with "Ã" or "Â": one-character searches first, which are vectorised.)
    if "&" in text or (
        ("Ã" in text or "Â" in text) and any(pair in text for pair in _WHOLE_TEXT_PAIRS)
    ):
        return False
    # ftfy reads each line with its line break, which can decide ("Ôœ\n" is mojibake of "Ԝ",
    # "Ôœ" at the end of a text is not): a line of ``output`` that is now the last line of
    # ``text`` has lost its break and is looked at again.
    last = text[text.rfind("\n") + 1 :]
    start = whole_lines_at(output, text)
    if start != -1:  # every line of ``text`` is a line of ``output``
        return start + len(text) == len(output) or bool(_fix_mojibake(last) == last)
    lines = set(output.split("\n"))
    changed = "".join(f"{line}\n" for line in text.split("\n")[:-1] if line not in lines)
    if last not in lines or not _ends_with_line(output, last):
        changed += last
    return bool(_fix_mojibake(changed) == changed)


def _ends_with_line(text: str, line: str) -> bool:
    r"""True if ``line`` is the last line of ``text``.

    >>> _ends_with_line("a\nb", "b"), _ends_with_line("a\nab", "b"), _ends_with_line("b", "b")
    (True, False, True)
    """
    return text.endswith(line) and text[: len(text) - len(line)][-1:] in ("", "\n")


def whitespace_settled(output: str, text: str, edits: Collection[EditKind]) -> bool:
    r"""Whether ``normalise_whitespace``'s ``output``, then stripped of whole lines, needs no
    second look.

    Only indented lines, hard breaks and fenced blocks are tidied according to their
    neighbours. Output without them is prose whose every line is tidied on its own; removing
    whole lines (and no blank line left at either end or doubled, see ``EditKind``) leaves
    tidy prose. Output with them (a table of indented lines, say) is settled too when the
    lines went only from its ends (a header, a sign-off) and no fence: then only the first
    and last lines left have lost a neighbour, and neither is indented nor ends in a hard
    break.

    >>> whitespace_settled("Title\n\nBody.", "Body.", {"lines"})
    True
    >>> table = "Talks.\n    Oil   12\n    Gas    3\nEnd."
    >>> whitespace_settled("Title\n" + table + "\nReuter", table, {"lines"})
    True
    >>> whitespace_settled("a:\n  b", "  b", {"lines"}), whitespace_settled("A\n\nB", "B", {"any"})
    (False, False)
    """
    if not _LINES.issuperset(edits):
        return False
    if ("`" in output and "```" in output) or ("~" in output and "~~~" in output):
        return False
    if output[:1] not in (" ", "\t") and _NEIGHBOURLY_LINE_RE.search(output) is None:
        return True
    if whole_lines_at(output, text) == -1:
        return False
    last = text[text.rfind("\n") + 1 :]
    return text[:1] not in (" ", "\t") and last[:1] not in (" ", "\t") and last[-1:] != " "


def quotes_settled(
    output: str, text: str, edits: Collection[EditKind], *, quote_style: QuoteStyle = "keep"
) -> bool:
    r"""Whether ``repair_quotes``' ``output``, edited since into ``text``, needs no second look.

    Quote repair reads each mark's neighbours as space or not (any whitespace, a line break
    and the text's ends alike), and pairs marks within paragraphs, which whitespace tidying
    keeps apart: whitespace edits give it no work (the step ``settles_through`` them). Line
    removal can (a removed line of a paragraph may hold a mark its neighbours paired with, or
    the only curly quote of the document): after it, only the lines that went and the edge
    paragraphs are read (``quote_settling``). Edits of characters (``transliterate``: "Š`Ð"
    becomes "S`D") always send it back.

    >>> quotes_settled("“Fine,”  she said.\n", "“Fine,” she said.", {"whitespace"})
    True
    >>> body = "“Fine,” she said after the talks in Geneva on Friday."
    >>> quotes_settled("Talks fail\n\n" + body, body, {"lines"})
    True
    >>> quotes_settled("```\ncafé“x”", "café“x”", {"lines"})
    False
    """
    if _WHITESPACE.issuperset(edits):
        return True
    if not _LINES.issuperset(edits):
        return False
    return bool(_settled_after_line_removal(output, text, quote_style))


def boilerplate_settled(
    output: str,
    text: str,
    edits: Collection[EditKind],
    *,
    rules: str | Sequence[str] = (),
    skip_rules: str | Sequence[str] = (),
    **options: Any,
) -> bool:
    r"""Whether ``remove_boilerplate``'s ``output``, of which ``text`` is what a header step
    left (a suffix of whole lines), needs no second look.

    Rules match each line on its own, and ``output`` has no work left; taking lines off its
    top changes a decision only where a line reads what went: the first line left (a rule's
    line that continued the sentence above it now stands alone), the lines above the first
    prose line left (position-aware rules remove lines outside the prose), and the share of
    words a removal takes (only a rule's line among those taken off changes it). So when no
    line from the top of ``output`` to the first prose line of ``text`` matches a rule, the
    text is settled: one scan of a few lines, not of the document.

    >>> body = "The talks in Geneva failed after six long hours on Friday.\n\nReuter"
    >>> boilerplate_settled("Talks fail\n\n" + body, body, {"lines"})
    True
    >>> boilerplate_settled("Talks fail\n\nShare\n\n" + body, "Share\n\n" + body, {"lines"})
    False
    """
    if not _LINES.issuperset(edits) or not output.endswith(text):
        return False
    remove = _boilerplate()
    is_prose, header_line = remove.is_prose, remove.HEADER_LINE_RE.fullmatch
    # Line by line with find: most texts end the scan at their first or second line.
    start = 0
    while (newline := text.find("\n", start)) != -1:
        line = text[start:newline]
        start = newline + 1
        if line and is_prose(line) and header_line(line) is None:
            break
    else:
        start = len(text)
    top = output[: len(output) - len(text) + start]
    return not remove.ruleset_for(rules, skip_rules).match_lines(top)
