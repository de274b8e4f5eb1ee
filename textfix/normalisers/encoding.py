"""Mojibake repair, by ftfy with an explicit configuration.

ftfy knows encodings; textfix wraps it rather than fighting it. textfix owns quote style,
character width, control characters and Unicode normalisation, so those ftfy fixes are off
here and done by textfix's own steps.
"""

from __future__ import annotations

import ftfy
from ftfy.fixes import unescape_html

from textfix.normalisers.ftfy_triggers import (
    DERIVED,
    HARD_TRIGGER_RE,
    HARD_TRIGGERS,
    TERMINAL_ESCAPE,
    TRIGGER_RE,
    looks_bad,
)
from textfix.normalisers.whitespace import normalise_line_breaks

#: The ftfy configuration textfix uses. Every option is spelled out so that a change of ftfy's
#: defaults cannot change textfix's behaviour silently.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html="auto",  # "&amp;" -> "&", unless the text looks like HTML (holds "<")
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

# With HTML unescaping off: what ``ftfy.fix_text`` switches to once it has seen a "<".
_FTFY_CONFIG_NO_HTML = FTFY_CONFIG._replace(unescape_html=False)
# The hard triggers that are ASCII ("&" and ESC): the only way ftfy can change ASCII text.
_ASCII_TRIGGERS = tuple(sorted(chr(code) for code in HARD_TRIGGERS if code < 0x80))


def needs_ftfy(text: str) -> bool:
    r"""False when ``ftfy.fix_text(text, FTFY_CONFIG)`` is certain to return ``text`` unchanged.

    The fast check of ``fix_mojibake``: ASCII text without ``&`` or ESC, and text in which no
    line has a hard trigger or matches ftfy's badness heuristic, is left alone by ftfy (see
    ``ftfy_triggers`` for why, derived from ftfy's own tables).

    >>> needs_ftfy("plain ASCII"), needs_ftfy("AT&amp;T"), needs_ftfy("“Café” — it’s fine")
    (False, True, False)
    >>> needs_ftfy("CafÃ©"), needs_ftfy("\ufb01nancial")
    (True, True)
    """
    if text.isascii():
        return any(trigger in text for trigger in _ASCII_TRIGGERS)
    if not DERIVED or HARD_TRIGGER_RE.search(text):
        return True
    if len(text) > FTFY_CONFIG.max_decode_length:
        # ftfy would cut a long line into segments whose starts are not line starts.
        return True
    return looks_bad(text, multiline=True)


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


def _unescape_ascii(segment: str) -> str | None:
    """ftfy's result for an ASCII segment without ESC whose entities unescape to ASCII.

    On such a segment every ftfy fix but ``unescape_html`` is a no-op (ftfy skips re-encoding
    ASCII; C1 controls, ligatures, surrogates and ESC are not ASCII or not there), so
    ``fix_and_explain`` reduces to unescaping until nothing changes. Returns None when an
    unescaped entity is not ASCII or is ESC: then the other fixes matter and ftfy must run.
    Entity-laden ASCII (Reuters-style ``&lt;`` and ``&#3;``) skips ftfy's per-call overhead.

    >>> _unescape_ascii("AT&amp;amp;T &lt;b&gt;"), _unescape_ascii("caf&eacute;") is None
    ('AT&T <b>', True)
    """
    text = segment
    while (fixed := unescape_html(text)) != text:
        if not fixed.isascii() or TERMINAL_ESCAPE in fixed:
            return None
        text = fixed
    return text


def _fix_segments(text: str) -> str:
    """``ftfy.fix_text(text, FTFY_CONFIG)``, calling ftfy only on segments it could change.

    ftfy fixes each segment independently (``fix_and_explain``), with one piece of state: once
    a segment holding ``"<"`` is seen, HTML entities are no longer unescaped. Both are kept.
    """
    limit = FTFY_CONFIG.max_decode_length
    first_tag = text.find("<")
    pieces = []
    done = position = 0
    while (match := TRIGGER_RE.search(text, position)) is not None:
        start, end = _segment_bounds(text, match.start(), limit)
        segment = text[start:end]
        if HARD_TRIGGER_RE.search(segment) or looks_bad(segment):
            config = FTFY_CONFIG if first_tag == -1 or first_tag >= end else _FTFY_CONFIG_NO_HTML
            fixed = None
            if segment.isascii() and TERMINAL_ESCAPE not in segment:
                auto = config.unescape_html == "auto"
                unescape = config.unescape_html is True or (auto and "<" not in segment)
                fixed = _unescape_ascii(segment) if unescape else segment
            if fixed is None:
                fixed = ftfy.fix_and_explain(segment, config).text
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


def fix_mojibake(text: str) -> str:
    r"""Repair text that was encoded in one encoding and decoded in another.

    Line breaks are made ``"\n"`` first (see ``line_breaks_for_ftfy``): ftfy splits text into
    lines on ``"\n"`` before it converts other line breaks, so without this ``"&amp;\r<b>"``
    would become ``"&amp;\n<b>"`` on one pass and ``"&\n<b>"`` on the next; here the first pass
    gives the final answer.
    The result is always ``fix_mojibake_reference(text)``; text that ``needs_ftfy`` says ftfy
    would leave alone is returned at once, and of the rest only the lines ftfy could change are
    given to ftfy.

    >>> fix_mojibake("CafÃ© au lait")
    'Café au lait'
    >>> fix_mojibake("It’s already “fine”.")
    'It’s already “fine”.'
    >>> fix_mojibake("&amp;\r<b>")
    '&\n<b>'
    >>> fix_mojibake("Ingrid Ã\x85berg")
    'Ingrid Åberg'
    """
    text = line_breaks_for_ftfy(text)
    if not needs_ftfy(text):
        return text
    return _fix_segments(text)


def fix_mojibake_reference(text: str) -> str:
    """``fix_mojibake`` without fast paths: every text goes through ``ftfy.fix_text`` whole.

    The equivalence tests compare ``fix_mojibake`` with this on generated and real text.

    >>> fix_mojibake_reference("CafÃ© au lait")
    'Café au lait'
    """
    return ftfy.fix_text(line_breaks_for_ftfy(text), FTFY_CONFIG)
