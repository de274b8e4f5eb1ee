"""Mojibake repair, by ftfy with an explicit configuration.

ftfy knows encodings; textfix wraps it rather than fighting it. textfix owns quote style,
character width, control characters and Unicode normalisation, so those ftfy fixes are off
here and done by textfix's own steps.
"""

from __future__ import annotations

import functools

import ftfy
from ftfy.chardata import HTML_ENTITY_RE
from ftfy.fixes import unescape_html

from textfix.normalisers.ftfy_rounds import fix_segment
from textfix.normalisers.ftfy_triggers import (
    DERIVED,
    HARD_TRIGGER_RE,
    TRIGGER_RE,
    is_bad,
    is_quiet,
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


# ftfy replaces each entity by a function of the entity's text alone, so an entity seen before
# is looked up: Reuters' "&#3;" otherwise goes through html.unescape every time (measured on
# Reuters documents: unescaping 1.4 us a document, 0.8 with the cache).
_unescape_entity = functools.lru_cache(maxsize=4096)(unescape_html)


def unescape_entities(text: str) -> str:
    """``ftfy.fixes.unescape_html(text)``, remembering the replacement of each entity.

    >>> unescape_entities("AT&amp;T &lt;ABC> &#3;&EACUTE;&unknown;")
    'AT&T <ABC> É&unknown;'
    """
    return HTML_ENTITY_RE.sub(lambda match: _unescape_entity(match.group()), text)


def _unescape_until_stable(segment: str) -> str | None:
    r"""ftfy's result for a quiet segment (see ``is_quiet``) with HTML unescaping on, or None.

    On a quiet segment each round of ``fix_and_explain`` is ``unescape_html`` alone, so ftfy's
    result is ``unescape_html`` repeated until nothing changes, as long as every text on the
    way is quiet too (``"&amp;eacute;"`` becomes ``"&eacute;"``, then ``"é"``); None when one
    is not (``"&#xfb01;"`` unescapes to the ligature ``"ﬁ"``), and ftfy must run.

    >>> _unescape_until_stable("AT&amp;amp;T &lt;b&gt; caf&eacute;")
    'AT&T <b> café'
    >>> _unescape_until_stable("Ã&copy;") is None, _unescape_until_stable("&#xfb01;") is None
    (True, True)
    """
    while "&" in segment and (unescaped := unescape_entities(segment)) != segment:
        if not is_quiet(unescaped):
            return None
        segment = unescaped
    return segment


def fix_quiet_text(text: str) -> str | None:
    r"""``ftfy.fix_text(text, FTFY_CONFIG)`` when unescaping HTML is all it does, else None.

    ftfy fixes each line on its own, with one piece of state: from the first line holding a
    ``"<"`` on, it no longer unescapes. So for a quiet text (``is_quiet``) ftfy unescapes the
    lines before that one (``_unescape_until_stable``) and leaves the rest alone. Here those
    lines are unescaped all at once: ``HTML_ENTITY_RE`` cannot match a ``"\n"``, so a round
    over them is a round over each, and the whole-text checks see every line's problems (and
    maybe more, which only sends the text to ftfy). Entities nested deeper than one round plus
    a check (``"&amp;lt;"``) are left to ``_fix_segments``, line by line as ftfy does: rounds
    over the whole text for one deep line would make the step quadratic.
    A text over ``max_decode_length`` is left to ``_fix_segments`` too: ftfy cuts its long lines
    where an entity may span the cut.

    >>> fix_quiet_text("&lt;ABC> said\n“Fine” &amp; <b>\n&amp;")
    '<ABC> said\n“Fine” &amp; <b>\n&amp;'
    >>> fix_quiet_text("CafÃ© &amp; co") is None, fix_quiet_text("&amp;lt;") is None
    (True, True)
    """
    if len(text) > FTFY_CONFIG.max_decode_length or not is_quiet(text):
        return None
    if "&" not in text:
        return text
    tag = text.find("<")
    cut = len(text) if tag == -1 else text.rfind("\n", 0, tag) + 1
    head = text[:cut]
    unescaped = unescape_entities(head)
    if unescaped == head:
        return text
    if not is_quiet(unescaped) or ("&" in unescaped and unescape_entities(unescaped) != unescaped):
        return None
    return unescaped if cut == len(text) else unescaped + text[cut:]


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
        if HARD_TRIGGER_RE.search(segment) or is_bad(segment):
            config = FTFY_CONFIG if first_tag == -1 or first_tag >= end else _FTFY_CONFIG_NO_HTML
            fixed = None
            if is_quiet(segment):
                auto = config.unescape_html == "auto"
                unescape = config.unescape_html is True or (auto and "<" not in segment)
                fixed = _unescape_until_stable(segment) if unescape else segment
            if fixed is None:
                fixed = fix_segment(segment, config)
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
    The result is always ``fix_mojibake_reference(text)``; text in which ftfy could at most
    unescape HTML entities is handled whole without ftfy (``fix_quiet_text``), and of the rest
    only the lines ftfy could change are given to ftfy.

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
    if not DERIVED:  # never with ftfy 6.3; the shortcuts rest on tables read from ftfy
        return ftfy.fix_text(text, FTFY_CONFIG)
    fixed = fix_quiet_text(text)
    return fixed if fixed is not None else _fix_segments(text)


def fix_mojibake_reference(text: str) -> str:
    """``fix_mojibake`` without fast paths: every text goes through ``ftfy.fix_text`` whole.

    The equivalence tests compare ``fix_mojibake`` with this on generated and real text.

    >>> fix_mojibake_reference("CafÃ© au lait")
    'Café au lait'
    """
    return ftfy.fix_text(line_breaks_for_ftfy(text), FTFY_CONFIG)
