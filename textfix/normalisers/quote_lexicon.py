"""The tables quote repair reads: quote glyphs, context classes and the apostrophe lexicon.

Everything here is built once at import. Each table names the false positives it is known to
allow; quote repair only acts when these tables and the pairing of quotes agree.

>>> CONTRACTION_RE.match("don’t", 4) is not None
True
>>> ELISION_RE.match("’90s", 1) is not None, ELISION_RE.match("’90 dead", 1) is not None
(True, False)
"""

from __future__ import annotations

import re

#: Every character (or pair of characters) quote repair may read or rewrite. Guillemets, primes,
#: the ʻokina (U+02BB) and the modifier letters ʼ ʿ ʾ are not quotation marks and are absent.
#: A mark is one quote character, or two backticks or two ``'`` read as one. Written as a set
#: of quote characters and then the optional (greedy) second character, rather than as three
#: alternatives, so that the regex engine skips to the next quote character with a set test:
#: that halves the time of reading the marks of a paragraph (measured on real paragraphs).
TOKEN_RE = re.compile(r"[\"'‘’‚‛“”„‟`´](?:(?<=`)`|(?<=')')?")
QUOTE_CHARS = frozenset("'\"‘’‚‛“”„‟`´")

SINGLE_GLYPHS = frozenset(("'", "‘", "’", "‚", "‛", "`", "´"))
STRAIGHT = frozenset(("'", '"'))
CURLY = frozenset(("‘", "’", "‛", "“", "”", "‟"))
LOW_NINE = frozenset(("‚", "„"))
OPENER_GLYPH = {"single": "‘", "double": "“"}
CLOSER_GLYPH = {"single": "’", "double": "”"}
STRAIGHT_GLYPH = {"single": "'", "double": '"'}
CURLY_TO_STRAIGHT = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}
)

#: Characters after which a quote opens: brackets, dashes, slashes, ``=`` (``key="value"``).
#: A hyphen is here so that ``anti-“pro-life”`` opens. Known false positive: none seen, since
#: a hyphen before a quote and a letter after it only occurs in compounds that quote.
OPEN_PUNCT = frozenset("([{<«‹—–-/=")

#: Punctuation a quotation follows with no space in careless typing (``read:"We want"``,
#: ``said,"Fine."``). A quote between one of these and a letter opens when no quote of its kind
#: is open, and closes one that is (``"Fine,"he said``).
LEAD_IN_PUNCT = frozenset(":,;")

#: Characters that end a phrase: a quote with a space before and one of these after cannot open.
CLOSE_PUNCT = frozenset(".,;:!?)]}>»›")

#: Paragraph boundary: quotes never pair across a blank line.
PARAGRAPH_BREAK_RE = re.compile(r"(\n[ \t\r\f\v]*\n)")

#: Apostrophe suffixes of contractions (``n’t ’s ’re ’ve ’ll ’d ’m``), read after the mark.
CONTRACTION_RE = re.compile(r"(?:t|s|re|ve|ll|d|m)(?![^\W_])", re.IGNORECASE)

#: Leading elisions, read after a mark that opens a word: ``’tis ’twas ’em ’til ’cause ’90s``.
#: ``’n’`` is handled with its closing mark. Left out on purpose: ``’round`` and ``’22``, which
#: start quotations as often as they elide (``‘Round the world’``, ``‘22 dead’``).
ELISION_RE = re.compile(
    r"(?:tis|twas|twere|twill|em|er|im|til|cause|cos|cuz|bout|nuff|\d0s|\d\ds)(?![^\W_])",
    re.IGNORECASE,
)
#: A clipped year (``back in ’04``, ``a ’59 Cadillac``): an elision only when no closing quote
#: pairs with the mark, since ``‘22 dead’`` opens a quotation.
ELIDED_YEAR_RE = re.compile(r"\d\d(?![^\W_])")
#: The ``n`` of ``rock ’n’ roll``: a lone n between two marks.
ELIDED_N_RE = re.compile(r"n['’‘](?![^\W_])", re.IGNORECASE)

#: Words that end in an elided vowel (French ``l’an``, ``qu’il``, Italian ``dell’anno``, Catalan
#: ``d’or``): a mark between one and a letter is an apostrophe, whichever way it turns
#: (``l‘anno`` is ``l’anno``). None of them is an English word a quotation follows without a
#: space (``it‘a mess’`` is left alone). ``o`` is left out: ``O‘ahu`` writes the ʻokina so.
_ELIDED = """c d j l m n s t v qu jusqu lorsqu puisqu quoiqu presqu aujourd gl un dell nell
    all dall sull coll pell quell quest sant bell nessun tutt anch dov com mezz senz"""
ELIDED_WORDS = frozenset(_ELIDED.split())

#: Words that end right before a quotation that swallowed its space (``is’set … DAYS’``).
#: Only these count: a name such as ``O’Neill``, ``Mi’kmaq`` or ``D’Angelo`` must never gain a
#: space, and none of them starts with one of these words.
_STRAY_LEFT = """a an and are as at be been being but by call called calls dubbed for from
    in into is it its labelled labeled like of on or over said say says slams than that the
    their this to titled warns was were with us him her them me you told asked about"""
STRAY_LEFT_WORDS = frozenset(_STRAY_LEFT.split())

#: Words that start a new phrase and never follow a plural possessive as its noun: after
#: ``jobs’ by`` or ``days’ and`` a mark after an ``s`` closes a quotation (``players’ union``
#: may be a possessive). Nouns that are also verbs (``calls``, ``will``) are left out.
_PHRASE_START = """a an and as at because but by for from if in into of on or said says than
    that the then to until when while with"""
PHRASE_START_WORDS = frozenset(_PHRASE_START.split())
WORD_BEFORE_RE = re.compile(r"[^\W\d_]+$")
WORD_AFTER_RE = re.compile(r"[^\W\d_]")
LETTERS_AFTER_RE = re.compile(r"[^\W\d_]*")

#: A foot mark and inch count right before a ``"``: ``6'4"``, ``5’ 11"``. That ``"`` is an inch
#: mark, never a closing quote.
FOOT_INCH_RE = re.compile(r"\d['’′] ?\d{1,2}(?:\.\d+)?$")

#: Hawaiian place names whose ʻokina was typed as ``'``; curly style writes ``‘`` there, the
#: fallback Hawaiian style guides use when U+02BB is not available.
_HAWAIIAN = """hawai'i o'ahu kaua'i moloka'i lāna'i lana'i ni'ihau kaho'olawe ho'olehua
    ka'ū ka'u kāne'ohe kane'ohe wai'anae pā'ia pa'ia"""
HAWAIIAN_WORDS = frozenset(_HAWAIIAN.split())
