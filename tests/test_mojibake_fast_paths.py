"""The shortcuts of ``fix_mojibake`` against ftfy itself: the quiet-text screen derived from
``BADNESS_RE``, the whole-text HTML unescaping, the segment path for long lines, and ftfy's
fixing rounds with their checks answered by the fast ones (``ftfy_rounds``).

``tests/test_fast_paths.py`` compares the whole step with ``fix_mojibake_reference`` on general
dirty text; the text generated here is aimed at each shortcut's edges instead: entities that
unescape to line breaks, non-ASCII, C1 controls, ligatures or nothing, nested entities, ``<``
before and after ``&``, and the character pairs the badness screen looks for.
"""

from __future__ import annotations

import itertools
import re

import ftfy
import pytest
from ftfy.badness import BADNESS_RE
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.reference_normalisers import (
    fix_mojibake_reference,
    settle_entities,
    settle_entities_reference,
)
from tests.test_fast_paths import HAVE_SHARED, REAL_TEXTS, dirty_text
from textfix.normalisers import encoding, ftfy_rounds, ftfy_triggers
from textfix.normalisers.encoding import (
    FTFY_CONFIG,
    fix_mojibake,
    fix_quiet_text,
    line_breaks_for_ftfy,
)
from textfix.normalisers.ftfy_triggers import (
    HARD_TRIGGERS,
    TERMINAL_ESCAPE,
    is_quiet,
    non_ascii_runs,
)

_BADNESS_MULTILINE_RE = re.compile(BADNESS_RE.pattern, BADNESS_RE.flags | re.MULTILINE)


def is_quiet_reference(text: str) -> bool:
    """What ``is_quiet`` promises, checked the slow way."""
    hard = {chr(code) for code in HARD_TRIGGERS} - {"&"}
    return not any(char in hard for char in text) and not _BADNESS_MULTILINE_RE.search(text)


# --- the badness screen -----------------------------------------------------------------------

_LONE = sorted(map(chr, ftfy_triggers._LONE))
_PAIRS = sorted(chr(a) + chr(b) for a, seconds in ftfy_triggers._PAIRS.items() for b in seconds)


def test_screen_is_derived_and_sound() -> None:
    assert ftfy_triggers.DERIVED
    assert _LONE and min(_LONE) >= "\x80"
    assert len(_PAIRS) > 1000 and min(min(pair) for pair in _PAIRS) >= "\x80"
    pairs = set(_PAIRS)
    # Every BADNESS_RE alternative has a lone class inside the lone set, or two consecutive
    # one-character items whose every pair of characters is a screened pair.
    for alternative in ftfy_triggers.ALTERNATIVES:
        items = list(alternative)
        lone = any(chars and {chr(c) for c in chars} <= set(_LONE) for chars in items)
        paired = any(
            first and second and {chr(a) + chr(b) for a in first for b in second} <= pairs
            for first, second in itertools.pairwise(items)
        )
        assert lone or paired, alternative


# Text made of the characters the screen looks at, so that lone characters, pairs and near
# misses (a pair split by ASCII, a pair inside a longer non-ASCII run) all come up.
screen_text = st.lists(
    st.sampled_from(_LONE)
    | st.sampled_from(_PAIRS)
    | st.sampled_from(_PAIRS).map(" ".join)
    | st.sampled_from(("a", " ", "\n", "\t", "x ", "é", "“", "”", "’", "£", "Ã", "&", "\x1b"))
    | st.text(st.characters(min_codepoint=0x80, max_codepoint=0x2600), max_size=3),
    max_size=12,
).map("".join)


@settings(max_examples=2000)
@given(text=screen_text | dirty_text)
@example(text="é”“")  # a three-character BADNESS_RE match found through its pair ”“
@example(text="”“ and ’” are pairs but need a letter before them")
@example(text="x\nÃ£")  # "\s" of BADNESS_RE matching a line break
@example(text="Ø ¢Ù ")  # a match of four characters, two of them spaces
def test_is_quiet_and_is_bad_are_their_definitions(text: str) -> None:
    assert is_quiet(text) == is_quiet_reference(text)
    assert ftfy_triggers.is_bad(text) == bool(BADNESS_RE.search(text))


def test_is_quiet_and_is_bad_are_their_definitions_on_real_text() -> None:
    assert [t for t in REAL_TEXTS if is_quiet(t) != is_quiet_reference(t)] == []
    lines = {line for text in REAL_TEXTS for line in text.splitlines(keepends=True)}
    assert [t for t in lines if ftfy_triggers.is_bad(t) != bool(BADNESS_RE.search(t))] == []
    # The screen rarely needs the badness search on correct text (else it is pointless).
    correct = [t for t in REAL_TEXTS if not t.isascii() and is_quiet(t)]
    assert len(correct) > (300 if HAVE_SHARED else 200)  # the fixtures alone hold fewer
    runs = [non_ascii_runs(t) or "" for t in correct]
    screened_out = [
        r
        for r in runs
        if not ftfy_triggers._LONE_RE.search(r)
        and not any(
            r[m.end()] in ftfy_triggers._PAIR_SECONDS[m.group()]
            for m in ftfy_triggers._PAIR_START_RE.finditer(r)
        )
    ]
    assert len(screened_out) > 0.9 * len(correct)


@settings(max_examples=1000)
@given(text=screen_text | dirty_text)
@example(text="\ud800 and \udfff")
@example(text="\x85\xa0\x80 \u2028")
def test_non_ascii_runs_keep_every_non_ascii_neighbour(text: str) -> None:
    if any("\ud800" <= char <= "\udfff" for char in text):
        assert non_ascii_runs(text) is None
    else:
        assert non_ascii_runs(text) == " ".join(re.findall("[^\x00-\x7f]+", text))


# --- whole-text unescaping against ftfy -------------------------------------------------------

_ENTITY_FRAGMENTS = (
    "&amp;", "&lt;", "&gt;", "&#3;", "&#10;", "&#x0a;", "&#13;", "&NewLine;", "&Tab;", "&#27;",
    "&#x1b;", "&#128;", "&#x85;", "&#x9d;", "&#xfb01;", "&#xd800;", "&#0;", "&nbsp;", "&shy;",
    "&eacute;", "&EACUTE;", "&copy;", "&pound;", "&ldquo;", "&amp;lt;", "&amp;amp;amp;", "&amp",
    "&;", "&#;", "&unknown;", "AT&T", "&#x2028;", "&#60;", "<", "<b>", ">", "\n", "\n\n", "\r\n",
    "\r", "\x85", "\u2028", " ", "x", "Reuters", "“", "”", "’", "£", "é", "Ã", "Â", "©", "Ã©",
    "\x1b", "\x1b[1m", "\x80", "ﬁ", "\ud800", "\ufffd",
)  # fmt: skip
entity_text = st.lists(st.sampled_from(_ENTITY_FRAGMENTS), max_size=16).map("".join)


@settings(max_examples=2000)
@given(text=entity_text)
@example(text="a &amp;\n&lt;b>\n&amp;")  # "<" on a line after an entity
@example(text="&lt;b>\n<i>&amp;\n&amp;")  # entities before and after the first "<" line
@example(text="x < y &amp; z")  # "<" before "&" on the same line
@example(text="&amp;lt;&#10;&amp;amp;lt;")  # nested entities, one unescaping to a line break
@example(text="line end &amp;\n&amp;\n")  # entities at line ends
@example(text="Ã&copy;\n&amp;")  # unescaping makes mojibake
@example(text="Ã&#3;©")  # an entity unescaping to nothing makes mojibake
@example(text="&#x9d; &#xfb01; &#128;")  # to a C1 control, a ligature, non-ASCII
@example(text="a\x85&amp;\r\n<b>&amp;")  # NEL and CRLF around entities
@example(text="\ud800&amp;")  # a lone surrogate
def test_fix_mojibake_equals_ftfy_on_entity_text(text: str) -> None:
    assert fix_mojibake(text) == fix_mojibake_reference(text)
    text = line_breaks_for_ftfy(text)
    fixed = fix_quiet_text(text)
    assert fixed is None or fixed == ftfy.fix_text(text, FTFY_CONFIG)


@settings(max_examples=1000)
@given(text=entity_text | dirty_text)
@example(text="&amp;&amp;amp;&#3;&#3;&&lt;;&#x26;lt;")
@example(text="&a&amp;mp;lt; &#x26;amp;amp; &amp&#59;")
def test_settle_entities_is_ftfys_unescaping_until_stable(text: str) -> None:
    # One left-to-right pass decodes what ftfy's rounds of unescape_html decode, all levels.
    assert settle_entities(text, str) == settle_entities_reference(text)


def test_quiet_text_shortcut_is_taken_on_real_text() -> None:
    texts = [line_breaks_for_ftfy(t) for t in REAL_TEXTS if "&" in t]
    assert len(texts) > (50 if HAVE_SHARED else 3)
    fixed = [(t, f) for t in texts if (f := fix_quiet_text(t)) is not None]
    assert len(fixed) > 0.8 * len(texts)
    assert [t for t, f in fixed if f != ftfy.fix_text(t, FTFY_CONFIG)] == []
    changed = sum(fix_mojibake(t) != t for t, _ in fixed)
    assert changed > (50 if HAVE_SHARED else 1)  # textfix unescapes them


def test_ascii_text_is_quiet_unless_it_holds_esc() -> None:
    assert is_quiet("Reuters &lt;ABC> &#3;\n  indented") and not is_quiet("a " + TERMINAL_ESCAPE)


# --- lines longer than ftfy's max_decode_length -----------------------------------------------


@pytest.mark.parametrize("shift", range(12))
def test_entities_across_ftfy_cuts_of_long_lines(
    shift: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ftfy cuts a line longer than max_decode_length every max_decode_length characters; an
    # entity across a cut is not unescaped. A small limit shows this on short text.
    config = FTFY_CONFIG._replace(max_decode_length=10)
    monkeypatch.setattr(encoding, "FTFY_CONFIG", config)
    quiet = "x" * shift + "&lt; caf&eacute; &amp;" * 2
    nested = "x" * shift + "&amp;lt; caf&eacute; &amp;" * 2
    mojibake = "x" * shift + "&amp;lt; Ã© &amp;" * 2
    for line in (quiet, nested, mojibake):
        for text in (line, "short\n" + line + "\n&amp;", line + "\n<b>&amp;</b>"):
            assert fix_mojibake(text) == fix_mojibake_reference(text), text


# --- ftfy's rounds with the fast checks -------------------------------------------------------

_CONFIGS = {
    "textfix": FTFY_CONFIG,
    "auto-html": FTFY_CONFIG._replace(unescape_html="auto"),
    "always-html": FTFY_CONFIG._replace(unescape_html=True),
    "no-c1-no-ligatures": FTFY_CONFIG._replace(fix_c1_controls=False, fix_latin_ligatures=False),
}
_REAL_LINES = sorted({line for text in REAL_TEXTS for line in text.splitlines(keepends=True)})


def test_fix_segment_covers_textfix_configuration() -> None:
    # Else fix_mojibake would quietly fall back to ftfy's own rounds (slow, still exact).
    assert all(ftfy_rounds.covers(config) for config in _CONFIGS.values())
    assert ftfy_rounds._ONE_STEP is not None  # ftfy 6.3 has its single decoding step
    assert not ftfy_rounds.covers(FTFY_CONFIG._replace(uncurl_quotes=True))
    assert not ftfy_rounds.covers(FTFY_CONFIG._replace(normalization="NFC"))


@pytest.mark.parametrize("name", list(_CONFIGS))
def test_fix_segment_equals_ftfy_on_real_lines(name: str) -> None:
    config = _CONFIGS[name]
    assert len(_REAL_LINES) > (2000 if HAVE_SHARED else 1000)
    differing = [
        line
        for line in _REAL_LINES
        if ftfy_rounds.fix_segment(line, config) != ftfy.fix_and_explain(line, config).text
    ]
    assert differing == []


@pytest.mark.parametrize("name", list(_CONFIGS))
@settings(max_examples=500)
@given(text=dirty_text | entity_text | screen_text)
@example(text="â€œCafÃ©â€\x9d &amp;lt; \ufb01 \x1b[1m")  # every kind of fix in one round
@example(text="<b>Ã©</b> &amp;")  # a tag: no unescaping under "auto"
def test_fix_segment_equals_ftfy_on_generated_text(name: str, text: str) -> None:
    config = _CONFIGS[name]
    assert ftfy_rounds.fix_segment(text, config) == ftfy.fix_and_explain(text, config).text


def test_fix_segment_without_ftfys_single_step(monkeypatch: pytest.MonkeyPatch) -> None:
    # Should ftfy drop its private single decoding step, the public fix_encoding takes over.
    monkeypatch.setattr(ftfy_rounds, "_ONE_STEP", None)
    lines = [line for line in _REAL_LINES if not is_quiet(line)]
    assert len(lines) > (500 if HAVE_SHARED else 50)
    assert [
        line
        for line in lines
        if ftfy_rounds.fix_segment(line, FTFY_CONFIG)
        != ftfy.fix_and_explain(line, FTFY_CONFIG).text
    ] == []


def test_fix_segment_leaves_uncovered_configurations_to_ftfy() -> None:
    config = FTFY_CONFIG._replace(uncurl_quotes=True, normalization="NFKC")
    text = "“CafÃ©” ＡＢ"
    assert ftfy_rounds.fix_segment(text, config) == ftfy.fix_and_explain(text, config).text


def test_without_derived_tables_ftfy_does_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    # Should a new ftfy's regex defeat the derivations, every shortcut stands down.
    monkeypatch.setattr(encoding, "DERIVED", False)
    monkeypatch.setattr(ftfy_triggers, "DERIVED", False)
    texts = ["CafÃ© &amp; co", "“Fine” &lt;b>", "plain", "é”“", "\x1b[1m&amp;"]
    assert [fix_mojibake(t) for t in texts] == [fix_mojibake_reference(t) for t in texts]
    assert [ftfy_triggers.is_bad(t) for t in texts] == [bool(BADNESS_RE.search(t)) for t in texts]
    assert not any(is_quiet(t) for t in texts if not t.isascii())
