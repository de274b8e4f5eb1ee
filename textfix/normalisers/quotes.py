"""Quote repair: pair quotation marks, tell them from apostrophes, repair what is broken.

Each mark is read from its context (what stands on either side), the apostrophe lexicon in
``quote_lexicon`` and a stack of open quotes per paragraph. A mark is changed only when those
agree; when they cannot decide, the mark is left as it is. Styles: ``keep`` repairs only what is
broken and keeps each quote's family; ``straight`` then writes every quote as ``'`` or ``"``;
``curly`` writes typographic quotes facing the right way. Guillemets, primes, the ʻokina and
foot/inch marks after digits are never touched.
"""

from __future__ import annotations

import re
from typing import Literal

from textfix.normalisers.quote_contractions import join_contractions
from textfix.normalisers.quote_convention import DocumentFacts, is_markup
from textfix.normalisers.quote_lexicon import (
    CLOSER_GLYPH,
    CURLY,
    CURLY_TO_STRAIGHT,
    ELIDED_YEAR_RE,
    HAWAIIAN_WORDS,
    LETTERS_AFTER_RE,
    LOW_NINE,
    OPENER_GLYPH,
    PARAGRAPH_BREAK_RE,
    QUOTE_CHARS,
    STRAIGHT,
    STRAIGHT_GLYPH,
    TOKEN_RE,
    WORD_BEFORE_RE,
)
from textfix.normalisers.quote_marks import (
    AMBIG,
    APOS,
    CLOSE,
    DIGIT,
    INNER,
    OPEN,
    Mark,
    gluing_letter,
    pair_marks,
    read_marks,
)
from textfix.normalisers.quote_precheck import MARK_TOKENS, mixes_quotes, suspicious_marks
from textfix.normalisers.quote_runs import expand_notes, rebuild, shifted, shorten

QuoteStyle = Literal["keep", "straight", "curly"]
QUOTE_STYLES: tuple[QuoteStyle, ...] = ("keep", "straight", "curly")

_ANY_QUOTE_RE = re.compile(r"[\"'‘’‚‛“”„‟`´]")
_HSPACE_RE = re.compile(r"[ \t]+")
_MAX_PASSES = 3
# ’’ and ””: ’Ja’ in Swedish; „“ and „”: German, Polish, Czech, Romanian, Hungarian.
_CURLY_PAIRS = frozenset(("‘’", "“”", "’’", "””", "„“", "„”"))
# Punctuation a padded closer is separated from by a space (``‘ word ’ , he said``).
_PADDED_BEFORE_PUNCT_RE = re.compile(r"[ \t]+(?=[,.;:!?](?:\s|$))")
# Characters that come before a string in code: a padded straight pair after one is left alone.
_CODE_BEFORE_STRING = frozenset("=([{,+<%") | QUOTE_CHARS
_STRAIGHT_GLYPHS = frozenset(("'", '"', "''"))
# A one-character output in straight style (``str.translate`` is slower on one character).
_FLAT = {chr(code): straight for code, straight in CURLY_TO_STRAIGHT.items()} | {
    "'": "'",
    '"': '"',
}
_CURLY_STRAIGHT_PAIRS = tuple((chr(code), straight) for code, straight in CURLY_TO_STRAIGHT.items())


def _pair_glyph(
    mark: Mark, partner: Mark, style: QuoteStyle, right_quotes: bool = False
) -> tuple[str, str]:
    """The glyph for a paired mark, and the name of the repair when it differs.

    ``right_quotes``: the document writes ``”Hej”`` (see ``quote_convention``), so a pair that
    opens with a right quote is kept.
    """
    opener = mark if mark.opener else partner
    if right_quotes and opener.glyph in ("”", "’") and mark.glyph in ("”", "’"):
        return mark.glyph, ""
    if opener.glyph in LOW_NINE:  # „…“ and ‚…‘ are correct; only curly style fills a closer
        if style == "curly" and not mark.opener and mark.glyph in ("'", '"', "''"):
            return ("‘" if mark.kind == "single" else "“"), ""
        return mark.glyph, ""
    curly = style == "curly" or mark.glyph in CURLY or partner.glyph in CURLY
    if mark.glyph in ("‛", "‟") and mark.opener:
        return mark.glyph, ""
    table = (OPENER_GLYPH if mark.opener else CLOSER_GLYPH) if curly else STRAIGHT_GLYPH
    target = table[mark.kind]
    if mark.glyph == "''" and mark.kind == "single":
        apostrophe = CLOSER_GLYPH["single"] if curly else "'"
        target += apostrophe if mark.opener else target
    if target == mark.glyph or (style == "curly" and mark.glyph in STRAIGHT):
        return target, ""
    if mark.glyph in CURLY:
        return target, "wrong direction"
    if "``" in (mark.glyph, partner.glyph):
        return target, "latex quotes"
    names = {"''": "doubled quotes", "`": "backtick as quote"}
    return target, names.get(mark.glyph, "mixed quotes")


def _elided_year(para: str, mark: Mark) -> bool:
    """An unpaired opening single mark before two digits: ``back in '04``, ``a ‘59 Cadillac``."""
    return mark.role == OPEN and mark.partner < 0 and bool(ELIDED_YEAR_RE.match(para, mark.end))


def _curly_glyph(para: str, mark: Mark) -> str:
    """Curly style for an unpaired straight mark: its direction from its role."""
    after_digit = para[mark.start - 1 : mark.start].isdecimal()
    if mark.role == DIGIT or (after_digit and not para[mark.end : mark.end + 1].isalpha()):
        return mark.glyph  # a foot or inch mark: 6'4", a 12" pizza
    if mark.glyph == "''" and mark.kind == "single":
        return "‘’" if mark.role == OPEN else "’’"
    if mark.role in (OPEN, AMBIG) and not (mark.glyph == "'" and _elided_year(para, mark)):
        return OPENER_GLYPH[mark.kind]
    if mark.glyph == "''":
        return "’’"  # an apostrophe and a closing quote: the students
    if mark.glyph == "'" and mark.role == INNER:
        left = WORD_BEFORE_RE.search(para, max(0, mark.start - 12), mark.start)
        right = LETTERS_AFTER_RE.match(para, mark.end)
        word = (left.group() if left else "") + "'" + (right.group() if right else "")
        if word.lower() in HAWAIIAN_WORDS:
            return "‘"
    return CLOSER_GLYPH[mark.kind]


def _is_markup(para: str, mark: Mark) -> bool:
    """Part of a run of two or more apostrophes: MediaWiki bold or italic markup."""
    if mark.glyph == "''":
        return True
    around = para[mark.start - 1 : mark.start] + para[mark.end : mark.end + 1]
    return mark.glyph == "'" and "'" in around


def _right_quote_pairs(marks: list[Mark]) -> bool:
    """True if a confident pair opens with a right quote and closes with the same (``”Hej”``),
    and no pair of the paragraph opens with a left quote: ``(”we” or “us”)`` writes English
    quotes, one of them turned the wrong way.
    """
    shown = False
    for mark in marks:
        if not (mark.opener and mark.confident):
            continue
        if mark.glyph in ("“", "‘"):
            return False
        shown = shown or (
            mark.glyph in ("”", "’") and marks[mark.partner].glyph == mark.glyph and not mark.stray
        )
    return shown


def _repair_paragraph(
    para: str,
    style: QuoteStyle,
    facts: DocumentFacts,
    base: int,
    notes: list[str] | None,
    tokens: re.Pattern[str],
    fast: bool = True,
) -> str:
    """One pass of the analysis over a paragraph; long runs of quote marks are read through a
    shortened copy (see ``quote_runs``) unless ``fast`` is false."""
    short, cuts = shorten(para) if fast else (para, [])
    mark_notes: list[tuple[int, tuple[str, str]]] = []
    padding_notes: list[tuple[int, tuple[str, str]]] = []
    edits = _paragraph_edits(short, style, facts, tokens, mark_notes, padding_notes, fast)
    if notes is not None:
        notes.extend(
            f"{text[0]} at {base + offset}{text[1]}"
            for offset, text in expand_notes(mark_notes, cuts)
        )
        notes.extend(
            f"{text[0]} at {base + shifted(offset, cuts)}{text[1]}"
            for offset, text in sorted(padding_notes, key=lambda note: note[0])
        )
    return rebuild(short, edits, cuts) if edits else para


def _paragraph_edits(
    para: str,
    style: QuoteStyle,
    facts: DocumentFacts,
    tokens: re.Pattern[str],
    mark_notes: list[tuple[int, tuple[str, str]]],
    padding_notes: list[tuple[int, tuple[str, str]]],
    fast: bool = True,
) -> list[tuple[int, int, str]]:
    """The edits ``(start, end, replacement)`` one pass makes to ``para``; the note of each
    repair goes to ``mark_notes`` (in mark order) or ``padding_notes``."""
    marks = read_marks(para, tokens, runs=fast)
    if facts.markup:
        marks = [mark for mark in marks if not _is_markup(para, mark)]
    if not marks:
        return []
    pair_marks(para, marks, style == "curly")
    right_quotes = _right_quote_pairs(marks) and facts.right_quotes()
    has_low_nine = any(mark.glyph in LOW_NINE for mark in marks)
    # The earliest opener a closing single quote from each mark on pairs with (-1: none). A
    # closer after a mark can end a quotation that mark opens only if it pairs with an opener
    # before the mark or with none: ‘90s is an elision in ‘90s, he said, ‘all was cheap’.
    closers_reach = [len(marks)] * (len(marks) + 1)
    for i in range(len(marks) - 1, -1, -1):
        reach = marks[i].partner if marks[i].role == CLOSE and marks[i].kind == "single" else i
        closers_reach[i] = min(closers_reach[i + 1], reach)
    edits: list[tuple[int, int, str]] = []
    shapes: list[str] = []  # each mark's output before straight style flattens it
    curly_style, straight_style = style == "curly", style == "straight"
    for i, mark in enumerate(marks):
        glyph = out = mark.glyph
        reason = ""
        partner = mark.partner
        if partner >= 0 and (
            mark.confident or glyph in LOW_NINE or marks[partner].glyph in LOW_NINE
        ):
            out, reason = _pair_glyph(mark, marks[partner], style, right_quotes)
            if mark.stray and mark.confident:
                out, reason = " " + out, "stray opener"
            elif out == "”" and mark.confident and _glued_closer(para, mark):
                out, reason = out + " ", "glued closer"
        elif mark.fix:
            out, reason = ("’" if facts.uses_curly or curly_style else "'"), mark.fix
        elif glyph == "‘":
            closer_to_come = closers_reach[i + 1] < i
            if _elided_year(para, mark) and not (has_low_nine or closer_to_come):
                out, reason = "’", "wrong direction"  # back in ‘04, with no quote to close
            elif (
                (mark.role == APOS or mark.possessive)
                and not has_low_nine
                and not (mark.elision and closer_to_come)
            ):
                # An unpaired ‘ after a word, or starting ’90s with no closing quote to come,
                # can only be an apostrophe or a closer, and both are written ’; so can a ‘
                # that closes a pair or is a plural possessive (‘Clocks‘ once, the fans‘ bus).
                out, reason = "’", "wrong direction"
        elif curly_style and glyph in _STRAIGHT_GLYPHS:
            out = _curly_glyph(para, mark)
        shapes.append(out)
        if straight_style:
            out = _FLAT.get(out) or out.translate(CURLY_TO_STRAIGHT)
        if out != glyph:
            edits.append((mark.start, mark.end, out))
            if reason == "glued closer":
                mark_notes.append((mark.start, (reason, f": a space after {out.strip()!r}")))
            elif reason:
                mark_notes.append((mark.start, (reason, f": {glyph!r} -> {out.strip()!r}")))
    _remove_padding(para, marks, shapes, style, edits, padding_notes)
    return edits


_GLUED_BEFORE = frozenset(",.;:!?…")


def _glued_closer(para: str, mark: Mark) -> bool:
    """A closing curly double quote that swallowed the space after it: a letter or the end of
    a sentence before it, a letter of an alphabetic script right after (``“Yes,”she said``,
    ``called it “a disgrace”and left``).

    Hebrew's gershayim (``צה”ל``) and marks after a digit (``12°30”N``, ``5”x7``) never are.

    >>> marks = read_marks("“Yes,”she said")
    >>> pair_marks("“Yes,”she said", marks, False)
    >>> _glued_closer("“Yes,”she said", marks[1]), _glued_closer("“Yes,” she said", marks[1])
    (True, False)
    """
    if mark.opener or mark.start == 0 or mark.end >= len(para):
        return False
    left, right = para[mark.start - 1], para[mark.end]
    return gluing_letter(right) and (left in _GLUED_BEFORE or gluing_letter(left))


def _remove_padding(
    para: str,
    marks: list[Mark],
    outs: list[str],
    style: QuoteStyle,
    edits: list[tuple[int, int, str]],
    notes: list[tuple[int, tuple[str, str]]],
) -> None:
    """``“ Go home ”`` → ``“Go home”``: spaces inside a confident pair of curly quotes, or of
    straight double quotes around prose (``" We won, " he said``; see ``_prose_padding``), and
    between such a padded pair, or a curly closer, and the punctuation after it (``“No” ,``)."""
    for i, mark in enumerate(marks):
        if not mark.opener or not mark.confident:
            continue
        closer = marks[mark.partner]
        shape = outs[i].lstrip() + outs[mark.partner]
        written = shape.translate(CURLY_TO_STRAIGHT) if style == "straight" else shape
        if shape not in _CURLY_PAIRS and not (
            written == '""' and _prose_padding(para, mark, closer)
        ):
            continue
        after = _HSPACE_RE.match(para, mark.end)
        inner_start = after.end() if after else mark.end
        inner_end = closer.start
        while inner_end > inner_start and para[inner_end - 1] in " \t":
            inner_end -= 1
        padded = inner_end > inner_start and (inner_start > mark.end or inner_end < closer.start)
        if padded:
            if inner_start > mark.end:
                edits.append((mark.end, inner_start, ""))
            if inner_end < closer.start:
                edits.append((inner_end, closer.start, ""))
            notes.append((mark.start, ("padding", f": inside {outs[i].strip()}…")))
        # A padded pair, or a curly closer, never stands apart from the punctuation after it
        # (‘No’ , she said).
        outside = _PADDED_BEFORE_PUNCT_RE.match(para, closer.end)
        if outside is not None and (padded or closer.glyph in CURLY):
            edits.append((closer.end, outside.end(), ""))
            notes.append((closer.start, ("padding", f": after {outs[mark.partner].strip()}")))


def _prose_padding(para: str, opener: Mark, closer: Mark) -> bool:
    """True if a padded straight pair quotes prose, not a string in code (``print(" hi ")``,
    ``x = " a "``, ``[" a ", " b "]``), whose spaces belong to the string.

    >>> marks = read_marks('" We won, " he said')
    >>> _prose_padding('" We won, " he said', marks[0], marks[1])
    True
    >>> marks = read_marks('x = " a b "')
    >>> _prose_padding('x = " a b "', marks[0], marks[1])
    False
    """
    inner = para[opener.end : closer.start]
    if "\n" in inner or not any(char.isalpha() for char in inner):
        return False
    before = para[max(0, opener.start - 40) : opener.start].rstrip(" \t")
    if before.endswith(":"):  # "key": " value " in JSON, but said: " We are ready "
        before = before[:-1]
    # After a digit, a spaced " is an inch or ditto mark (5 " wide and 6 " tall).
    return not before or not (before[-1] in _CODE_BEFORE_STRING or before[-1].isdecimal())


def _settle_paragraph(
    para: str,
    style: QuoteStyle,
    facts: DocumentFacts,
    base: int,
    notes: list[str] | None,
    tokens: re.Pattern[str],
    fast: bool = True,
) -> str:
    """Repair a paragraph until a further pass changes nothing, so the step is idempotent.

    A repair can create a context another rule reads (an empty ``‘’`` pair, say); almost every
    paragraph settles after one pass and is checked by a second. When a paragraph has not settled
    after a few passes, context cannot decide, and the paragraph is left as it was (``straight``
    still flattens it). With ``fast``, the pre-check stands in for the second pass when it
    proves that pass would change nothing (every mark of the repaired paragraph canonical).
    """
    current = _repair_paragraph(para, style, facts, base, notes, tokens, fast)
    if current == para:
        return para
    for _ in range(_MAX_PASSES):
        if fast and precheck_settled(current, style):
            return current
        again = _repair_paragraph(current, style, facts, base, None, tokens, fast)
        if again == current:
            return current
        current = again
    if notes is not None:
        notes.append(f"left unchanged at {base}: no stable repair")
    return _flatten(para) if style == "straight" else para


def precheck_settled(para: str, style: QuoteStyle) -> bool:
    """True if the pre-check proves another pass of the analysis returns ``para`` unchanged.

    >>> precheck_settled("“It’s done,” she said.", "keep"), precheck_settled("”Wrong way”", "keep")
    (True, False)
    """
    return (
        not suspicious_marks(para)
        and not needs_analysis(para, style)
        and _styled(para, style) == para
    )


def needs_analysis(text: str, style: QuoteStyle) -> bool:
    """False when the full analysis of ``text`` would only apply ``style``, given that ``text``
    has no suspicious mark (see ``quote_precheck``).

    That holds when straight and curly quotes cannot pair with each other and, in curly style,
    there is no straight quote to turn.
    """
    if style == "curly" and ("'" in text or '"' in text):
        return True
    return mixes_quotes(text)


def _flatten(text: str) -> str:
    """``text.translate(CURLY_TO_STRAIGHT)``, 100 times faster on non-ASCII news texts (measured).

    ``str.translate`` looks every character up in the table, where ``str.replace`` skips to
    the character with a vectorised search. Replacing one character at a time gives the same
    result because no replacement (``'`` or ``"``) is itself replaced.

    >>> print(_flatten("“It’s ‚low‘ „low“”"))
    "It's 'low' "low""
    """
    if text.isascii():
        return text
    for curly, straight in _CURLY_STRAIGHT_PAIRS:
        if curly in text:
            text = text.replace(curly, straight)
    return text


def _styled(text: str, style: QuoteStyle) -> str:
    """What the full analysis returns for text that needs no analysis."""
    return _flatten(text) if style == "straight" else text


def _repair(text: str, style: QuoteStyle, notes: list[str] | None, precheck: bool = True) -> str:
    """One document's repair, settled: each paragraph settles under the document's facts
    (``DocumentFacts``), and when the repair changes a fact (two apostrophes and a backtick
    that become a run of three, MediaWiki markup), the document is repaired again under the
    new facts, or left as it was if they do not settle either. Contractions split by a space
    (``It’ s``) are closed up first (``quote_contractions``), and again if the repair made one."""
    text = join_contractions(text, notes)
    result = _repair_pass(text, style, notes, precheck)
    # The repair may make a split contraction of its own (``'a ' d``: the padded closer of
    # ``‘a’`` now stands right after a letter), which the next run would close up.
    joined = join_contractions(result)
    if joined == result and (result == text or is_markup(result) == is_markup(text)):
        return result
    for _ in range(_MAX_PASSES):
        again = _repair_pass(joined, style, None, precheck)
        if again == result:
            return result
        result = again
        joined = join_contractions(result)
    return text if style != "straight" else _flatten(text)


def _repair_pass(
    text: str, style: QuoteStyle, notes: list[str] | None, precheck: bool = True
) -> str:
    marks: list[int] = []
    per_paragraph = False
    if precheck:
        # A mark is suspicious in the whole text exactly when it is in its paragraph (paragraph
        # breaks are whitespace, which every context reads as a paragraph's edge), and a
        # paragraph mixes quotes only if the whole text does: the whole text is checked once,
        # and only the paragraphs holding a suspicious mark, or mixing quotes, are analysed.
        marks = suspicious_marks(text)
        per_paragraph = needs_analysis(text, style)
        if not marks and not per_paragraph:
            return _styled(text, style)
    elif _ANY_QUOTE_RE.search(text) is None:
        return text
    facts = DocumentFacts(text)
    # The analysis reads only the marks that can change its result (see ``_mark_tokens``).
    tokens = MARK_TOKENS[style] if precheck else TOKEN_RE
    parts = PARAGRAPH_BREAK_RE.split(text)
    base = 0
    next_mark = 0
    for index, part in enumerate(parts):
        if index % 2 == 0:
            if precheck:
                end = base + len(part)
                suspicious = next_mark < len(marks) and marks[next_mark] < end
                while next_mark < len(marks) and marks[next_mark] < end:
                    next_mark += 1
                if not suspicious and not (per_paragraph and needs_analysis(part, style)):
                    parts[index] = _styled(part, style)
                    base += len(part)
                    continue
            parts[index] = _settle_paragraph(part, style, facts, base, notes, tokens, precheck)
        base += len(part)
    return "".join(parts)


def repair_quotes(text: str, *, quote_style: QuoteStyle = "keep") -> str:
    """Repair broken quotation marks and apostrophes, then apply ``quote_style``.

    Left alone: anything context cannot decide, guillemets, primes, the ʻokina, German and
    Polish low quotes, and foot/inch marks after digits (even in curly style).

    >>> repair_quotes("Russia is’set to invade Ukraine in DAYS’ and")
    'Russia is ‘set to invade Ukraine in DAYS’ and'
    >>> repair_quotes("Russia is’set to invade Ukraine in DAYS’", quote_style="straight")
    "Russia is 'set to invade Ukraine in DAYS'"
    >>> repair_quotes("”A game changer” for O’Neill, don‘t you think?")
    '“A game changer” for O’Neill, don’t you think?'
    >>> repair_quotes("He's 6'4\\" and said 'rock 'n' roll'", quote_style="curly")
    'He’s 6\\'4" and said ‘rock ’n’ roll’'
    """
    return _repair(text, quote_style, None)


def explain_quotes(text: str, *, quote_style: QuoteStyle = "keep") -> tuple[str, list[str]]:
    """``repair_quotes`` plus a note naming each repair and where it was made.

    >>> explain_quotes("Fauci: ’I’m going to be saving lives’")
    ('Fauci: ‘I’m going to be saving lives’', ["wrong direction at 7: '’' -> '‘'"])
    >>> explain_quotes("“ Go home ”")[1]
    ['padding at 0: inside “…']
    """
    notes: list[str] = []
    result = _repair(text, quote_style, notes)
    return result, notes
