"""Quote repair: stray openers that swallowed a space, and the choice of quote style.

Styles: ``keep`` repairs only what is broken and keeps each quote's family; ``straight`` then
makes every quote ASCII; ``curly`` makes quotes typographic.
"""

from __future__ import annotations

import re
from typing import Literal

QuoteStyle = Literal["keep", "straight", "curly"]
QUOTE_STYLES: tuple[QuoteStyle, ...] = ("keep", "straight", "curly")

_QUOTE_CHARS = frozenset("'\"‘’‚‛“”„‟`´")
# A right single quote glued between two letters that does not start a contraction suffix, with
# a closing right quote later on the same line: the writer meant " ‘". Known false positive:
# a word-internal apostrophe in a name ("O’Neill … boss’") on a line that also closes a quote.
STRAY_OPENER_RE = re.compile(
    r"(?<=[^\W\d_])’(?!(?:t|s|re|ve|ll|d|m)\b)(?=[^\W\d_][^’\n]*[^\s’]’(?!\w))"
)
_STRAIGHTEN = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}
)


def repair_quotes(text: str, *, quote_style: QuoteStyle = "keep") -> str:
    """Repair broken quotation marks, then apply ``quote_style``.

    >>> repair_quotes("Russia is’set to invade Ukraine in DAYS’ and")
    'Russia is ‘set to invade Ukraine in DAYS’ and'
    >>> repair_quotes("Russia is’set to invade Ukraine in DAYS’", quote_style="straight")
    "Russia is 'set to invade Ukraine in DAYS'"
    >>> repair_quotes("Ukraine’s border, don’t")
    'Ukraine’s border, don’t'
    """
    if _QUOTE_CHARS.isdisjoint(text):
        return text
    text = STRAY_OPENER_RE.sub(" ‘", text)
    if quote_style == "straight":
        text = text.translate(_STRAIGHTEN)
    return text
