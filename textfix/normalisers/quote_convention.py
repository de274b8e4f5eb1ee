"""What quote repair learns once per document: conventions that are right where they are used.

Two conventions look like broken quotes to a reader of English and are left alone:

- Swedish and Finnish (and, beside their own ``«…»``/``»…«``, Norwegian and Danish) write a
  quotation with right quotes on both sides: ``”Hej”, sa hon.``, ``’Ja’``. Quote repair asks
  the shared language identifier only when a paragraph shows that form, so clean English text
  costs nothing; the identifier reads the document with its quote marks taken out (it reads
  ``”`` itself as a sign of Finnish). The form is repaired only when the identifier names a
  language without it with some confidence: when in doubt, it is left.
- MediaWiki markup writes bold and italic as runs of apostrophes (``'''Bold'''``,
  ``''italic''``). A document with a run of three or more apostrophes, or with ``[[links]]``
  or ``{{templates}}``, is markup, and its runs of apostrophes are never quotes.

>>> facts = DocumentFacts("'''Bold''' and ''italic''")
>>> facts.markup
True
>>> DocumentFacts("”Det är bra”, sa han, ”det är det”.").right_quotes()
True
>>> DocumentFacts("”A game changer” for the city, the mayor said on Monday.").right_quotes()
False
"""

from __future__ import annotations

import re

from textfix.language import identify_language

#: Languages whose typography writes a quotation with right quotes on both sides.
RIGHT_QUOTE_LANGUAGES = frozenset(("sv", "fi", "no", "nb", "nn", "da"))
#: The confidence below which the identifier's guess on a short sample counts as doubt
#: (measured on short English headlines with quotes taken out: 0.78 and above; "Hej, sa hon."
#: gets 0.36). On a sample of ``LONG_SAMPLE_WORDS`` words or more the top guess is trusted
#: whatever its confidence: names from many languages spread the model's probability without
#: changing its top guess (English news naming Nguyễn Văn An and Grzegorz Wójcik: "en" at 0.21).
MIN_CONFIDENCE = 0.5
LONG_SAMPLE_WORDS = 20
#: The fewest words a line needs to count as prose when sampling the document's language.
PROSE_WORDS = 8
#: How much of the document the identifier reads, after quotes and spacing are taken out: a
#: fixed prefix, so the guess does not change when quote repair changes a space.
SAMPLE_CHARS = 1000

# A word with its quote marks taken out: what the identifier reads.
_WORD_RE = re.compile(r"[^\s\"'‘’‚‛“”„‟`´]+")
_WIKI_RE = re.compile(r"'''|\[\[.*?\]\]|\{\{.*?\}\}", re.DOTALL)


def sample_line(line: str) -> bool:
    """True for a line the language sample reads as prose: ``PROSE_WORDS`` words or more.

    >>> sample_line("The council said on Monday it’s “a fair deal”."), sample_line("Share")
    (True, False)
    """
    return len(_WORD_RE.findall(line)) >= PROSE_WORDS


def _sample(text: str) -> str:
    """The text the identifier reads: the words of the document's prose lines (lines of
    ``PROSE_WORDS`` words or more; every line if there are none), quote marks taken out, up to
    ``SAMPLE_CHARS``. Header, byline and boilerplate lines are short: with them the identifier
    is far less sure (0.32 for English news with a share row, a date line and a quoted title,
    0.98 without). Quote repair changes only quotes and spaces, which changes no word, so a
    repaired document gets the same sample.

    >>> _sample("Share\\nThe council said on Monday it’s “a fair deal”, she said.")
    'The council said on Monday it s a fair deal , she said.'
    """
    lines = [_WORD_RE.findall(line) for line in text[: SAMPLE_CHARS * 20].splitlines()]
    prose = [words for words in lines if len(words) >= PROSE_WORDS] or lines
    sample = " ".join(word for words in prose for word in words)
    return sample[:SAMPLE_CHARS]


def is_markup(text: str) -> bool:
    """Whether ``text`` is MediaWiki markup (see the module doc).

    >>> is_markup("'''Bold''' text"), is_markup("It''s")
    (True, False)
    """
    return "''" in text and _WIKI_RE.search(text) is not None


class DocumentFacts:
    """Facts about a whole document that quote repair reads in each of its paragraphs."""

    __slots__ = ("_right_quotes", "markup", "text", "uses_curly")

    def __init__(self, text: str) -> None:
        self.text = text
        self.uses_curly = any(glyph in text for glyph in "‘’“”")
        self.markup = is_markup(text)
        self._right_quotes: bool | None = None

    def right_quotes(self) -> bool:
        """True if ``”…”`` and ``’…’`` are the document's convention, or may be (asked once).

        >>> DocumentFacts("’Ja’").right_quotes()  # too short to tell: left alone
        True
        """
        if self._right_quotes is None:
            sample = _sample(self.text)
            guess = identify_language(sample)
            short = sample.count(" ") + 1 < LONG_SAMPLE_WORDS
            self._right_quotes = (
                guess is None
                or guess.code in RIGHT_QUOTE_LANGUAGES
                or (short and guess.confidence < MIN_CONFIDENCE)
            )
        return self._right_quotes
