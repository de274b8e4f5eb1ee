"""Hard-wrapped sentences: a line that carries on the sentence of the line above it.

Text wrapped at a fixed width (Reuters wires at 70 columns, e-mail, some scrapes) can leave the
last word of a sentence alone on its line: ``…for each Liebert ⏎ share.``, ``…a bank official
told ⏎ Reuters.``. Such a line reads like a share button or an agency tag, but it is the end of
a sentence, so boilerplate and noise rules leave it alone.

A line continues the one above when the line above is a run of words (four or more) that does
not end a sentence, and this line starts in lower case or ends a sentence itself.

>>> continues_sentence("tender offer of 30 dlrs for each Liebert", "share.")
True
>>> continues_sentence("Oil prices rose again on Monday, dealers said.", "Share")
False
>>> continues_sentence("By Jane Smith", "Advertisement.")
False
"""

from __future__ import annotations

# What ends a sentence, and the quotes and brackets that may close it after that.
_SENTENCE_ENDS = (".", "!", "?", "…", ":", ";")
_CLOSERS = "\"'”’»)]"
#: The fewest words the line above needs to be a sentence broken by the wrap.
MIN_WORDS_ABOVE = 4


def continues_sentence(above: str, line: str) -> bool:
    """True when ``line`` carries on the unfinished sentence of ``above`` (the line just
    before it, with no blank line between)."""
    if len(above.split(maxsplit=MIN_WORDS_ABOVE)) < MIN_WORDS_ABOVE:
        return False
    if above.rstrip().rstrip(_CLOSERS).endswith(_SENTENCE_ENDS):
        return False
    stripped = line.strip()
    return stripped[:1].islower() or stripped.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS[:4])
