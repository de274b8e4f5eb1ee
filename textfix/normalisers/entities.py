"""HTML entities: when a text was HTML-escaped, and unescaping it all the way in one pass.

ftfy unescapes one level of entities per round (``"&amp;amp;amp;"`` takes a round a level, so
a deep chain takes quadratic time), and an entity that stands for an invisible character
(``"&shy;"``, ``"&#x200b;"``) leaves that character between the letters of the next entity, so
``"&s&shy;hy;"`` needed one more pipeline pass after ``remove_control_chars`` per level.
``settle_entities`` instead reads the text once, left to right, and decodes an entity as soon
as its ``";"`` arrives, feeding what it decodes to back into the reading: the result holds no
entity left to decode, whatever the nesting, in linear time.

A text is unescaped only when it shows it was HTML-escaped (``looks_escaped``): an entity
written as a word of its own in text about HTML (``"The entity &nbsp; renders as a space"``)
or as code (``"`&lt;`"``) is left alone.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from ftfy.chardata import HTML_ENTITY_RE
from ftfy.fixes import unescape_html

# The longest entity HTML_ENTITY_RE matches, without its ";": "&", "#" and 24 letters or digits.
_LONGEST_ENTITY = 26
# An entity's start at the end of the text read so far (the ";" has not been read yet).
_ENTITY_HEAD_RE = re.compile(r"&#?[0-9A-Za-z]{1,24}\Z")
#: Words of text about HTML, where an entity standing alone is the thing talked about. Known
#: false positive: escaped text that also uses one of these words ("Fish &amp; chips tags")
#: keeps its standalone entities (entities glued to words are decoded all the same).
HTML_TALK_RE = re.compile(
    r"\b(?:x?html|xml|sgml|entit(?:y|ies)|(?:un)?escap(?:e|es|ed|ing)|markup|ampersands?"
    r"|semicolons?|character references?|code ?points?|browsers?|renders?|rendered)\b",
    re.IGNORECASE,
)

Finish = Callable[[str], str]


@functools.lru_cache(maxsize=4096)
def decode_entity(entity: str) -> str | None:
    """What ftfy decodes ``entity`` to, or None when ftfy leaves it as it is.

    >>> decode_entity("&eacute;"), decode_entity("&#x27;"), decode_entity("&unknown;")
    ('é', "'", None)
    """
    decoded = unescape_html(entity)
    return None if decoded == entity else decoded


def looks_escaped(text: str) -> bool:
    """True when ``text`` shows it was HTML-escaped, so its entities are damage to undo.

    It does when an entity touches a letter, a digit or another entity (``"caf&eacute;"``,
    ``"AT&amp;T"``, ``"&lt;b&gt;"``, ``"&amp;amp;"``): nobody writes that by hand; so does a
    reference to a control character (Reuters ends each story ``"&#3;"``). An entity
    standing as a word of its own (``"Fish &amp; chips"``) is evidence too, unless it is
    written as code (between backticks) or the text talks about HTML (``HTML_TALK_RE``:
    "entity", "escape", "markup", ...), where it is the thing talked about.

    >>> looks_escaped("caf&eacute;"), looks_escaped("Fish &amp; chips")
    (True, True)
    >>> looks_escaped("The entity &nbsp; renders as a space"), looks_escaped("Write `&lt;`.")
    (False, False)
    >>> looks_escaped("this&not that")  # not an entity ftfy decodes: no semicolon
    False
    """
    if "&" not in text:
        return False
    standalone = False
    for match in HTML_ENTITY_RE.finditer(text):
        decoded = decode_entity(match.group())
        if decoded is None:
            continue
        if decoded == "" or unicodedata.category(decoded[0]) == "Cc":
            return True  # a reference to a control character: only software writes those
        start, end = match.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before.isalnum() or before == ";" or after.isalnum() or after == "&":
            return True
        standalone = standalone or (before != "`" and after != "`")
    return standalone and HTML_TALK_RE.search(text) is None


class _Written:
    """The text read so far, as pieces; each piece's end can move back without copying it,
    so removing an entity from the end of a long piece costs the entity, not the piece."""

    __slots__ = ("ends", "pieces")

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.ends: list[int] = []

    def append(self, piece: str) -> None:
        self.pieces.append(piece)
        self.ends.append(len(piece))

    def tail(self) -> str:
        """The last ``_LONGEST_ENTITY`` characters (or fewer)."""
        parts: list[str] = []
        length = 0
        for piece, end in zip(reversed(self.pieces), reversed(self.ends), strict=True):
            part = piece[max(0, end - _LONGEST_ENTITY + length) : end]
            parts.append(part)
            length += len(part)
            if length >= _LONGEST_ENTITY:
                break
        return "".join(reversed(parts))

    def remove(self, count: int) -> None:
        """Remove the last ``count`` characters."""
        while count:
            if self.ends[-1] > count:
                self.ends[-1] -= count
                return
            count -= self.ends[-1]
            self.pieces.pop()
            self.ends.pop()

    def text(self) -> str:
        return "".join(
            piece if end == len(piece) else piece[:end]
            for piece, end in zip(self.pieces, self.ends, strict=True)
        )


# News repeats a few entities (``&amp;``, ``&lt;``, ``&#3;``) in every document: each is
# decoded and finished once (bounded, as a text can hold any number of distinct ones).
@functools.lru_cache(maxsize=4096)
def _decode_finished(entity: str, finish: Finish) -> str:
    decoded = decode_entity(entity)
    return entity if decoded is None else finish(decoded)


def settle_entities(text: str, finish: Finish) -> str:
    """Decode every entity in ``text``, and every entity that decoding forms, in one pass.

    Most text needs one regex pass, which is tried first. Otherwise the text is read in
    pieces that end at a ``";"``; at each ``";"`` the entity ending there,
    if any, is replaced by ``finish(decoded)``, which is read next, so an entity it completes
    (``"&amp;"`` + ``"lt;"``) is decoded too. Each piece is read once and each decoding
    removes what it decodes, so the time is linear. ``finish`` maps decoded characters to
    what the caller's step makes of them (``""`` for an invisible character).

    >>> settle_entities("&amp;amp;lt;b&amp;gt; a&s&shy;hy;b", str)
    '<b> a&s\\xadhy;b'
    >>> settle_entities("a&s&s&shy;hy;hy;b", lambda decoded: decoded.replace("\\xad", ""))
    'ab'
    """
    once = HTML_ENTITY_RE.sub(lambda match: _decode_finished(match.group(), finish), text)
    if "&" not in once or not any(
        decode_entity(match.group()) is not None for match in HTML_ENTITY_RE.finditer(once)
    ):
        return once  # no decoding formed another entity: one regex pass was all of it
    pending = re.split("(;)", text)
    pending.reverse()
    out = _Written()
    # Every decoding shortens the text read so far by at least two characters net of its
    # replacement, except through ``finish``; the budget makes termination obvious all the same.
    budget = len(text) + 1
    while pending:
        piece = pending.pop()
        if piece != ";":
            if piece:
                out.append(piece)
            continue
        head = _ENTITY_HEAD_RE.search(out.tail())
        decoded = decode_entity(head.group() + ";") if head and budget else None
        if decoded is None or head is None:
            out.append(";")
            continue
        budget -= 1
        out.remove(len(head.group()))
        replacement = re.split("(;)", finish(decoded))
        replacement.reverse()
        pending.extend(replacement)
    return out.text()
