"""Generators aimed at the seams between steps, for the reliability battery and the fuzz runs.

Each kind of text here once made one step hand work back to an earlier one: entities nested
around invisible characters (``fix_mojibake`` decodes, ``remove_control_chars`` deletes, the
next entity appears), mojibake written in decomposed form (``normalise_unicode`` composes it
into mojibake), runs of combining marks (NFC reorders them), entities completed by
transliteration, and code or Markdown whose whitespace depends on neighbouring lines that
boilerplate removal can take away. ``interaction_text`` mixes them with real prose and with
``any_text``.

Not a test module: ``test_reliability.py`` and ``fuzz/battery.py`` use it.
"""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

from tests.reliability import any_text
from textfix.strategies import news_article

# Entities whose decoding other steps act on: invisible characters, characters that
# composition or transliteration turns into ASCII (";" from U+037E, "K" from U+212A, "d" from
# U+2146), a ligature, a line break, a C1 control, a combining mark and markup characters.
_ENTITIES = (
    "&shy;", "&#xad;", "&#x200b;", "&#xfeff;", "&#8203;", "&#x2060;", "&#3;", "&#27;",
    "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&eacute;", "&Atilde;", "&copy;", "&nbsp;",
    "&#x37e;", "&#x212a;", "&dd;", "&filig;", "&#10;", "&#13;", "&#x85;", "&#x301;", "&#x2028;",
)  # fmt: skip
_INVISIBLE = ("\xad", "\u200b", "\ufeff", "\u2060", "\x00", "\x1b[0m", "\x03")
_WORDS = ("café", "naïve", "Åberg", "São Paulo", "Dvořák", "Nguyễn", "Київ", "’", "“x”", "à", "í")
_CODECS = ("cp1252", "latin-1")
_COMBINING = "\u0300\u0301\u0302\u0303\u0308\u0327\u0328\u0331\u0345\u05b0\u0591\u0f71\u0f72"
_CODE = (
    "def f(x):\n    if x:\n        return 1\n\treturn 2\n",
    "server:\n  host: a\n  port: 80\n",
    "```\n  code   here\n\n\n```\n",
    "```python\nx = 1\n",
    "    indented\n    block\n",
    "  - nested item\n",
    "line with hard break  \nnext line\n",
    "<p>Fish &amp; chips</p>\n",
    "Advertisement\n",
    "Share\n",
    "Related\n",
    "more\n",
    "\n\n\n",
    "\t\n",
)


@st.composite
def entity_chain(draw: st.DrawFn, max_depth: int = 6) -> str:
    """An entity nested in itself or others: each level is split around the next one
    (``"&s" + "&shy;" + "hy;"``), with invisible characters dropped in between."""
    text = draw(st.sampled_from(_ENTITIES))
    for _ in range(draw(st.integers(0, max_depth))):
        outer = draw(st.sampled_from(_ENTITIES))
        cut = draw(st.integers(1, len(outer) - 1))
        glue = draw(st.sampled_from(("", "", *_INVISIBLE)))
        text = outer[:cut] + glue + text + outer[cut:]
    return text


@st.composite
def decomposed_mojibake(draw: st.DrawFn) -> str:
    """Mojibake of accented words, written decomposed (NFD), so composing it makes mojibake."""
    word = draw(st.sampled_from(_WORDS))
    codec = draw(st.sampled_from(_CODECS))
    mojibake = word.encode("utf-8").decode(codec, errors="replace")
    form = draw(st.sampled_from(("NFD", "NFC", "NFKD")))
    return unicodedata.normalize(form, mojibake)


@st.composite
def combining_run(draw: st.DrawFn) -> str:
    """A letter and a run of combining marks, often longer than UAX #15's 30."""
    base = draw(st.sampled_from(("a", "e", "A", "ã", "ﬁ", " ", "&")))
    marks = draw(st.text(st.sampled_from(_COMBINING), max_size=80))
    return base + marks


code_or_markup = st.lists(st.sampled_from(_CODE), min_size=1, max_size=6).map("".join)

#: Text built from all of the above, real prose and any characters, in any order.
interaction_text = st.lists(
    st.one_of(
        entity_chain(),
        decomposed_mojibake(),
        combining_run(),
        code_or_markup,
        news_article(min_paragraphs=1, max_paragraphs=2, max_sentences=2),
        st.text(st.sampled_from("&;#xad20bfeK \n<>`" + _COMBINING), max_size=12),
        any_text.map(lambda text: text[:20]),
    ),
    max_size=12,
).map("".join)
