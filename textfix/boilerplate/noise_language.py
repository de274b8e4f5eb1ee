"""Lines in another language than the document's, told by the shared language identifier.

The document's language is read from its longer lines of prose together; a line is then
asked about on its own when it has enough words for the model to be reliable. Only confident
answers count, and neighbouring languages that the model confuses on one line (Swedish,
Norwegian and Danish; Spanish, Catalan and Galician; Russian, Ukrainian and Belarusian...) are
never called foreign to each other.

A reference or a quotation ("- ^ …", "- ↑ …", "- (en) …", a line opening with a quote mark)
keeps the language of its source and is never foreign. (``remove_noise_lines`` removes a
foreign line only before or after the text's prose: inside it, it is read as a quotation.)

Known false positives: a line of names or product titles ("Samsung Galaxy S6 Edge Plus review
roundup") that the model reads as English with confidence.

>>> lines = ["Koira juoksi pihalla koko päivän ja haukkui naapurin kissalle kovaa.",
...          "Kissa istui aidalla ja katsoi koiraa pitkään ennen kuin hyppäsi alas.",
...          "Illalla molemmat nukkuivat sohvalla vierekkäin kuin parhaat ystävät.",
...          "Click here to read the full story on our partner website today."]
>>> foreign_lines(lines, [None] * 4)
[3]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from textfix.language import identify_language

#: The fewest words a line needs to be asked about on its own.
MIN_LINE_WORDS = 6
#: The lowest model confidence that names a line's language.
MIN_LINE_CONFIDENCE = 0.9
#: The lowest model confidence that names the document's language.
MIN_DOCUMENT_CONFIDENCE = 0.8
#: Lines of at least this many words are read for the document's language.
MIN_SAMPLE_WORDS = 8
#: At most this many characters of those lines are read.
MAX_SAMPLE_CHARS = 3000

#: Lines in other languages are removed only while they hold less than a third of the words:
#: a page that is half German and half English is bilingual, not noisy.
MAX_FOREIGN_SHARE_INVERSE = 3
#: A page with more lines than this in other languages carries a second text (reviews in
#: another language, a translation), not stray lines: none of them is removed. On the tuning
#: pages, pages with 1-8 foreign lines had them noise 58 times in 73; the one page with more
#: (24 German reviews on a French page) had them clean 12 times in 24.
MAX_FOREIGN_LINES = 12

# Languages the model mixes up on a single line; a line is not foreign to its own group.
_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"sv", "no", "nb", "nn", "da"}),
    frozenset({"es", "ca", "gl", "pt", "an", "ast", "oc"}),
    frozenset({"ru", "uk", "be", "bg", "sr", "mk"}),
    frozenset({"hr", "sr", "bs", "sh", "sl"}),
    frozenset({"cs", "sk"}),
    frozenset({"id", "ms", "jv"}),
    frozenset({"de", "lb", "nds", "als", "bar", "nl", "fy", "af"}),
    frozenset({"fr", "wa", "frp", "oc", "co"}),
    frozenset({"it", "co", "sc", "lmo", "vec", "nap", "scn", "eml", "pms"}),
    frozenset({"fi", "et", "se", "krl"}),
)


# A reference or a quotation keeps the language of its source: "- ^ [a b] “Populations
# légales…”", "- ↑ Ferrera wordt…", "- (en) The Caliphate…", "”To argue with a person…”".
_CITATION_RE = re.compile(r"[\s\-–•*]{0,6}(?:[\^↑]|\([a-z]{2,3}\)\s|[\"“”„«‘’'])")


_WORD_RE = re.compile(r"[^\W\d_]{2}")


def _related(first: str, second: str) -> bool:
    return first == second or any(first in group and second in group for group in _GROUPS)


def document_language(lines: Sequence[str], rules: Sequence[str | None]) -> str | None:
    """The language of the document's longer kept lines, when the model is confident of it.

    >>> document_language(["Der Hund lief den ganzen Tag im Garten herum und bellte laut."], [None])
    'de'
    """
    sample: list[str] = []
    size = 0
    for line, rule in zip(lines, rules, strict=True):
        if rule is None and len(line.split()) >= MIN_SAMPLE_WORDS:
            sample.append(line)
            size += len(line) + 1
            if size >= MAX_SAMPLE_CHARS:
                break
    if not sample:
        return None
    guess = identify_language(" ".join(sample), max_chars=MAX_SAMPLE_CHARS)
    if guess is None or guess.confidence < MIN_DOCUMENT_CONFIDENCE:
        return None
    return guess.code


def foreign_lines(lines: Sequence[str], rules: Sequence[str | None]) -> list[int]:
    """The indexes of the lines (not yet named noise) in another language than the document's.

    Nothing is foreign when the document's language is unsure, or when the foreign lines would
    hold a third of the words or more or be more than ``MAX_FOREIGN_LINES`` (a bilingual page,
    a second text, or a doubtful document language).
    """
    language = document_language(lines, rules)
    if language is None:
        return []
    foreign: list[int] = []
    foreign_words = own_words = 0
    for index, (line, rule) in enumerate(zip(lines, rules, strict=True)):
        if rule is not None:
            continue
        words = len(line.split())
        if words < MIN_LINE_WORDS or _CITATION_RE.match(line):
            own_words += words
            continue
        guess = identify_language(line)
        if (
            guess is not None
            and guess.confidence >= MIN_LINE_CONFIDENCE
            and not _related(guess.code, language)
        ):
            foreign.append(index)
            foreign_words += words
        else:
            own_words += words
    if len(foreign) > MAX_FOREIGN_LINES:
        return []
    if foreign_words * MAX_FOREIGN_SHARE_INVERSE >= foreign_words + own_words:
        return []
    # Bullets, reference marks, figures and language codes are no words to the model: a line
    # needs enough words of its own ("- Ungarisch: [1] lottó → hu" holds five) to be removed.
    return [index for index in foreign if word_count(lines[index]) >= MIN_LINE_WORDS]


def word_count(line: str) -> int:
    """The tokens of a line that hold a word (two letters in a row).

    >>> word_count("- Ungarisch: [1] lottó → hu, sorsjáték → hu")
    5
    """
    return sum(_WORD_RE.search(token) is not None for token in line.split())
