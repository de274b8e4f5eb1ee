"""The closing curly quote whose last byte a cp1252 decoder dropped.

The UTF-8 bytes of ``”`` are ``E2 80 9D``. cp1252 has no character for ``9D``, so many
decoders drop it (or a later step removes the C1 control it became): what is left is
``"â€"`` with nothing after it, and ftfy cannot read the sequence back. Worse, a space after
it reads as a no-break space whose byte became a space (``E2 80 A0``), so ftfy turns
``"ready,â€ the coach"`` into ``"ready,† the coach"``.

``"â€"`` is the start of every ``U+2000``–``U+203F`` character (quotes, dashes, ellipsis), and
its third byte, ``80``–``BF``, always leaves one more character. When the character after
``"â€"`` cannot stand for such a byte, the byte was lost, and the one cp1252 loses in that
range is nearly always the closing quote's ``9D`` (the others, ``81``, ``8D``, ``8F`` and
``90``, are rare spaces, joiners and a hyphen), dropped or replaced by ``U+FFFD``. The
same holds one layer deeper: the double-encoded ``”`` ends ``"Ã¢â‚¬Â"`` plus the lost byte.

Known trade: a dagger ``†`` whose no-break space became a plain space is read as ``”``.
"""

from __future__ import annotations

import re

#: Every character a byte ``80``–``BF`` becomes when UTF-8 is read as cp1252 or latin-1.
_CONTINUATIONS = "".join(
    sorted(
        set(bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore"))
        | set(bytes(range(0x80, 0xC0)).decode("latin-1"))
    )
)

#: ``"â€"`` (or its double encoding ``"Ã¢â‚¬Â"``) not followed by a continuation character, but
#: by what follows a closing quote: a space, punctuation or the end (a run of ``"â€â€…"`` is
#: left to ftfy alone: trying it twice made a megabyte of it cost twice as much).
#: A decoder that replaces the byte rather than dropping it leaves ``U+FFFD`` in its place.
_LOST_RE = re.compile(
    "(â€|Ã¢â‚¬Â)(?:\ufffd|(?![" + re.escape(_CONTINUATIONS) + "])(?=[\\s.,;:!?)\\]}'\"]|$))"
)


def restore_lost_quote_byte(text: str) -> str:
    """Put back the ``9D`` byte a decoder dropped from the mojibake of ``”``.

    The byte goes back as the C1 control ``U+009D``, which ftfy then reads with the rest.

    >>> restore_lost_quote_byte("â€œWe are ready,â€ the coach said")
    'â€œWe are ready,â€\\x9d the coach said'
    >>> restore_lost_quote_byte("â€œDoneâ€") == "â€œDoneâ€\\x9d"
    True
    >>> restore_lost_quote_byte("â€œDoneâ€\\ufffd")  # replaced rather than dropped
    'â€œDoneâ€\\x9d'
    >>> restore_lost_quote_byte("â€™s â€” â€\\x9d “fine”")  # nothing lost
    'â€™s â€” â€\\x9d “fine”'
    """
    if "â€" not in text and "Ã¢â‚¬Â" not in text:
        return text
    return _LOST_RE.sub(lambda match: match.group(1) + "\x9d", text)
