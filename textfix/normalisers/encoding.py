"""Mojibake repair, by ftfy with an explicit configuration.

ftfy knows encodings; textfix wraps it rather than fighting it. textfix owns quote style,
character width, control characters and Unicode normalisation, so those ftfy fixes are off
here and done by textfix's own steps. It also decodes HTML entities itself: ftfy decodes one
level per round and cannot tell prose about HTML (``"the entity &nbsp;"``) from escaped text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import ftfy
from ftfy.fixes import fix_latin_ligatures, remove_terminal_escapes

from textfix.normalisers.entities import Finish, looks_escaped, settle_entities
from textfix.normalisers.ftfy_rounds import fix_segment
from textfix.normalisers.ftfy_triggers import (
    DERIVED,
    HARD_TRIGGER_RE,
    TERMINAL_ESCAPE,
    TRIGGER_RE,
    is_bad,
    is_quiet,
)
from textfix.normalisers.mojibake_leftovers import fix_leftover_mojibake
from textfix.normalisers.mojibake_lost_byte import restore_lost_quote_byte
from textfix.normalisers.unicode import compose, remove_control_chars
from textfix.normalisers.whitespace import normalise_line_breaks

#: The ftfy configuration textfix uses. Every option is spelled out so that a change of ftfy's
#: defaults cannot change textfix's behaviour silently.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # textfix unescapes, all levels at once (see unescape_html_text)
    remove_terminal_escapes=True,  # ANSI colour codes are never text
    fix_encoding=True,  # the point of this step: undo UTF-8 decoded as cp1252/latin-1/...
    restore_byte_a0=True,  # "Ã " where a lost NBSP byte was "Ã\xa0"
    replace_lossy_sequences=True,  # unrecoverable mojibake becomes U+FFFD, not noise
    decode_inconsistent_utf8=True,  # mojibake mixed with correct text on one line
    fix_c1_controls=True,  # C1 controls are cp1252 characters decoded as latin-1
    fix_latin_ligatures=True,  # "ﬁ" -> "fi": ligatures are a rendering choice, not text
    fix_character_width=False,  # textfix owns width
    uncurl_quotes=False,  # textfix owns quotes (repair_quotes)
    fix_line_breaks=False,  # done before ftfy sees the text; see fix_mojibake
    fix_surrogates=True,  # UTF-16 surrogate pairs decoded one half at a time
    remove_control_chars=False,  # textfix owns controls (remove_control_chars)
    normalization=None,  # textfix owns Unicode normalisation (normalise_unicode)
    max_decode_length=1_000_000,
    explain=False,
)

#: The most rounds ``settle_mojibake`` makes. A round after the first needs ftfy to have made
#: an entity or mojibake anew, and each such layer at least halves the text it comes from, so a
#: megabyte settles in fewer than 20 rounds; the cap only makes termination plain to see.
MAX_ROUNDS = 32
#: Rounds of leftover repair, each settled again by ftfy (see ``fix_mojibake``): a bound, so that
#: crafted nests of leftovers cannot multiply the work.
LEFTOVER_ROUNDS = 3


def _finish_decoded(decoded: str) -> str:
    r"""What ``fix_mojibake``'s pipeline makes of characters an entity decodes to, at once.

    Invisible characters go (``remove_control_chars``), ligatures are spelled out and text is
    composed (``ftfy``, ``normalise_unicode``), line breaks become ``"\n"``: done later, each
    could complete the next entity (``"&s&shy;hy;"``) and leave work for another pass.

    >>> _finish_decoded("\xad"), _finish_decoded("\ufb01"), _finish_decoded("\u037e")
    ('', 'fi', ';')
    """
    return compose(line_breaks_for_ftfy(fix_latin_ligatures(remove_control_chars(decoded))))


def unescape_html_text(text: str, finish: Finish = _finish_decoded) -> str:
    r"""Decode the HTML entities of ``text`` when it shows it was HTML-escaped.

    As ftfy's ``unescape_html="auto"`` does, text from the line holding the first ``"<"`` on
    is HTML itself and left alone. Above it, the text is unescaped only if it looks escaped
    (``entities.looks_escaped``), judged with invisible characters removed so that removing
    them later cannot change the judgement; then they are removed (terminal escapes first),
    and every entity is decoded all the way in one pass (``entities.settle_entities``).

    >>> unescape_html_text("caf&eacute; a&s&shy;hy;b &amp;amp;\n<p>&amp;</p>")
    'café ab &\n<p>&amp;</p>'
    >>> unescape_html_text("The entity &nbsp; renders as a space")
    'The entity &nbsp; renders as a space'
    """
    if "&" not in text:
        return text
    tag = text.find("<")
    cut = len(text) if tag == -1 else text.rfind("\n", 0, tag) + 1
    region = remove_control_chars(text[:cut])
    if not looks_escaped(region):
        return text
    if TERMINAL_ESCAPE in text[:cut]:
        region = remove_control_chars(remove_terminal_escapes(text[:cut]))
    return settle_entities(region, finish) + text[cut:]


def fix_quiet_text(text: str) -> str | None:
    """``text`` when ``ftfy.fix_text(text, FTFY_CONFIG)`` is certain to leave it alone, else None.

    With unescaping done by textfix, ftfy changes a quiet text (``is_quiet``) not at all.

    >>> fix_quiet_text("“Fine” &amp; <b>"), fix_quiet_text("CafÃ© au lait")
    ('“Fine” &amp; <b>', None)
    """
    return text if is_quiet(text) else None


def _segment_bounds(text: str, position: int, limit: int) -> tuple[int, int]:
    """The start and end of the segment ``ftfy.fix_text`` puts ``position`` in.

    ftfy cuts text after each ``"\n"``, and cuts lines longer than ``limit`` every ``limit``
    characters from the line's start.
    """
    line_start = text.rfind("\n", 0, position) + 1
    newline = text.find("\n", position)
    line_end = len(text) if newline == -1 else newline + 1
    start = line_start + (position - line_start) // limit * limit
    return start, min(line_end, start + limit)


def _fix_segments(text: str) -> str:
    """``ftfy.fix_text(text, FTFY_CONFIG)``, calling ftfy only on segments it could change.

    ftfy fixes each segment independently (``fix_and_explain``).
    """
    limit = FTFY_CONFIG.max_decode_length
    pieces = []
    done = position = 0
    while (match := TRIGGER_RE.search(text, position)) is not None:
        start, end = _segment_bounds(text, match.start(), limit)
        segment = text[start:end]
        if HARD_TRIGGER_RE.search(segment) or is_bad(segment):
            fixed = segment if is_quiet(segment) else fix_segment(segment, FTFY_CONFIG)
            pieces.append(text[done:start])
            pieces.append(fixed)
            done = end
        position = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def line_breaks_for_ftfy(text: str) -> str:
    r"""Make line breaks ``"\n"``, all but NEL (U+0085), which is ftfy's to read.

    NEL is the C1 control that cp1252 mojibake leaves where ``…`` was, and the second character
    of latin-1 mojibake such as ``"Ã\x85"`` (``Å``): ftfy turns it into the right character, so
    making it a line break first would cut the mojibake in two.

    >>> line_breaks_for_ftfy("a\r\nb\u2028Ingrid Ã\x85berg")
    'a\nb\nIngrid Ã\x85berg'
    """
    if "\x85" not in text:
        return normalise_line_breaks(text)
    return "\x85".join(normalise_line_breaks(part) for part in text.split("\x85"))


def _fix_encoding(text: str) -> str:
    """``ftfy.fix_text(text, FTFY_CONFIG)``, calling ftfy only on lines it could change."""
    if not DERIVED:  # never with ftfy 6.3; the shortcuts rest on tables read from ftfy
        return ftfy.fix_text(text, FTFY_CONFIG)
    fixed = fix_quiet_text(text)
    return fixed if fixed is not None else _fix_segments(text)


# A capital letter standing as a word before one space: ftfy reads "Ã " as "à" whose no-break
# space byte became a space, but "Ã is a letter in Portuguese" and "Â is" are correct text.
_LOST_NBSP_SPOT_RE = re.compile(r"(?<!\w)[ÂÃ](?= \S)")


def is_ambiguous_nbsp_loss(text: str) -> bool:
    """True when ftfy would change ``text`` only for a lone capital ``Ã``/``Â`` before a space.

    The mojibake of ``"à "`` keeps a second space (``"Ã  praia"``) or sits inside a word
    (``"voilÃ ."``), and mojibake seldom comes alone: another mojibake spot elsewhere in the
    text makes it evidence again. Known miss: ``"Ã s"`` (Portuguese ``"às"``) alone in a text.

    >>> is_ambiguous_nbsp_loss("Ã is a letter in Portuguese"), is_ambiguous_nbsp_loss("Ã  praia")
    (True, False)
    >>> is_ambiguous_nbsp_loss("CafÃ© Ã is")
    False
    """
    if "Ã " not in text and "Â " not in text:
        return False
    masked = _LOST_NBSP_SPOT_RE.sub("A", text)
    return masked != text and is_quiet(masked)


def _fix_with_lost_byte(text: str, fix_encoding: Callable[[str], str]) -> str:
    """``fix_encoding(text)``, with the byte a decoder dropped from ``"â€"`` put back first
    (``restore_lost_quote_byte``) when ftfy then reads every restored byte.
    """
    restored = restore_lost_quote_byte(text)
    if restored is text:
        return fix_encoding(text)
    if "\x9d" not in text:
        fixed = fix_encoding(restored)
        if "\x9d" not in fixed:  # every restored byte was read
            return fixed
    # Some restored byte was not read (or the text had its own U+009D, which a count cannot
    # tell from a restored one). Decide line by line, as ftfy reads lines: a line's repair
    # must not depend on the other lines, or removing a line (a later step) would change it,
    # and the pipeline's settling (``screen.mojibake_settled``) relies on that.
    lines = text.splitlines(keepends=True)
    if len(lines) <= 1:
        return fix_encoding(text)  # one line: its decision is the whole text's
    kept = []
    for line in lines:
        line_restored = restore_lost_quote_byte(line)
        if line_restored is not line and fix_encoding(line_restored).count("\x9d") > fix_encoding(
            line
        ).count("\x9d"):
            line_restored = line
        kept.append(line_restored)
    return fix_encoding("".join(kept))


def settle_mojibake(text: str, fix_encoding: Callable[[str], str]) -> str:
    """Unescape, ``fix_encoding`` and compose in rounds until a round changes nothing.

    ``text`` must be composed already (``compose``); so is the result. A text whose only
    mojibake is ambiguous (``is_ambiguous_nbsp_loss``) is not given to ``fix_encoding``.
    """
    for _ in range(MAX_ROUNDS):
        unescaped = unescape_html_text(text)
        # ftfy can decode mojibake to a line break ("â€¨" is U+2028), made "\n" at once.
        fixed = line_breaks_for_ftfy(_fix_with_lost_byte(unescaped, fix_encoding))
        if fixed != unescaped and is_ambiguous_nbsp_loss(unescaped):
            fixed = unescaped
        if fixed == text or (composed := compose(fixed)) == text:
            break
        text = composed
        if composed == unescaped:
            # Only unescaping changed the text, and it leaves none to do: the next round
            # would change nothing.
            break
    return text


def fix_mojibake(text: str) -> str:
    r"""Repair text that was encoded in one encoding and decoded in another.

    Line breaks are made ``"\n"`` first (see ``line_breaks_for_ftfy``): ftfy splits text into
    lines on ``"\n"`` before it converts other line breaks, so without this ``"&amp;\r<b>"``
    would become ``"&amp;\n<b>"`` on one pass and ``"&\n<b>"`` on the next.
    Mojibake is looked for in the composed text (NFC, see ``compose``): composing later would
    make mojibake out of a letter and a combining mark (``"A\u0303\xa9"`` is ``"Ã©"``).
    HTML entities are decoded where the text shows it was escaped (``unescape_html_text``),
    all levels at once, and an entity for an invisible character leaves nothing. The repair
    then runs ftfy (``FTFY_CONFIG``, on the lines it could change), and again while a round
    changes something, so the result is settled. Pairs ftfy leaves although they are mojibake
    (``"Ã…berg"``) are repaired where the text shows it (``fix_leftover_mojibake``). Text with
    nothing to repair comes back as it was, not composed.

    >>> fix_mojibake("CafÃ© au lait")
    'Café au lait'
    >>> fix_mojibake("It’s “fine”: in HTML the entity &nbsp; renders as a space.")
    'It’s “fine”: in HTML the entity &nbsp; renders as a space.'
    >>> fix_mojibake("AT&amp;amp;T &lt;b&gt; a&s&shy;hy;b\r<b>")
    'AT&T <b> ab\n<b>'
    >>> fix_mojibake("Ingrid Ã\x85berg")
    'Ingrid Åberg'
    >>> fix_mojibake("Ã…â€™s")
    'Å’s'
    """
    text = line_breaks_for_ftfy(text)
    composed = compose(text)
    fixed = settle_mojibake(composed, _fix_encoding)
    for _ in range(LEFTOVER_ROUNDS):
        # A repaired leftover can let ftfy read its neighbours ("Ã…â€™" → "Åâ€™" → "Å’"), so
        # the repair is settled again; the evidence is always what the whole call changed.
        repaired = fix_leftover_mojibake(composed, fixed)
        if repaired == fixed:
            break
        fixed = settle_mojibake(compose(repaired), _fix_encoding)
    return text if fixed == composed else fixed
