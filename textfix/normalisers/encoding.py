"""Mojibake repair, by ftfy with an explicit configuration.

ftfy knows encodings; textfix wraps it rather than fighting it. textfix owns quote style,
character width, control characters and Unicode normalisation, so those ftfy fixes are off
here and done by textfix's own steps.
"""

from __future__ import annotations

import ftfy

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

# Characters whose presence means ftfy may have something to do on otherwise ASCII text:
# HTML entities and terminal escape sequences.
_ASCII_TRIGGERS = ("&", "\x1b")


def fix_mojibake(text: str) -> str:
    r"""Repair text that was encoded in one encoding and decoded in another.

    Line breaks are made ``"\n"`` first: ftfy splits text into lines on ``"\n"`` before it
    converts other line breaks, so without this ``"&amp;\r<b>"`` would become ``"&amp;\n<b>"``
    on one pass and ``"&\n<b>"`` on the next; here the first pass gives the final answer.
    ASCII text without ``&`` or escape sequences cannot hold mojibake and is returned at once.

    >>> fix_mojibake("CafÃ© au lait")
    'Café au lait'
    >>> fix_mojibake("It’s already “fine”.")
    'It’s already “fine”.'
    >>> fix_mojibake("&amp;\r<b>")
    '&\n<b>'
    """
    text = normalise_line_breaks(text)
    if text.isascii() and not any(trigger in text for trigger in _ASCII_TRIGGERS):
        return text
    return ftfy.fix_text(text, FTFY_CONFIG)
