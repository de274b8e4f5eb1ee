"""textfix.strategies: what each strategy generates, eager argument checks, seeds, and the
``dirty_text`` fixture; textfix core never imports Hypothesis."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from textfix.strategies import (
    DAMAGE_KINDS,
    HEADER_FORMATS,
    DirtyArticle,
    add_mojibake,
    curly_quotes,
    dirty_article,
    headed_text,
    make_dirty_article,
    mixed_quotes,
    mojibake,
    news_article,
    stray_quotes,
    with_boilerplate,
    with_header,
    write_news_article,
)
from textfix.strategies.page import BOILERPLATE_LINES


@given(text=news_article())
def test_news_article_is_clean_prose(text: str) -> None:
    assert unicodedata.is_normalized("NFC", text)
    paragraphs = text.split("\n\n")
    assert len(paragraphs) >= 2
    for paragraph in paragraphs:
        assert paragraph and paragraph == paragraph.strip() and "\n" not in paragraph
        assert "  " not in paragraph and not any(q in paragraph for q in "'\"")
    assert "lorem" not in text.lower()


@given(data=st.data(), article=news_article())
def test_mojibake_decodes_each_utf8_byte_as_one_character(
    data: st.DataObject, article: str
) -> None:
    text = data.draw(mojibake(st.just(article), codecs=["cp1252"], layers=1, lost_nbsp=1.0))
    assert len(text) == len(article.encode("utf-8"))
    assert "\xa0" not in text  # every no-break space the decoding made was lost
    assert (text == article) == article.isascii()


def test_mojibake_maps_undefined_cp1252_bytes_to_c1_controls() -> None:
    # ” is E2 80 9D; 0x9D is undefined in cp1252 and decodes as U+009D, as browsers do.
    assert add_mojibake("”", codecs=["cp1252"]) == "â€\x9d"


@given(text=mojibake(st.just("Café"), codecs=["cp1252", "macroman"], layers=(2, 2)))
def test_mojibake_layers_compound(text: str) -> None:
    assert len(text) > len("CafÃ©")


def test_mojibake_is_total_on_lone_surrogates() -> None:
    assert add_mojibake("\ud800", codecs=["latin-1"]) == "í\xa0\x80"


@given(
    text=stray_quotes(st.just("Russia is ‘set to invade’ and they said “go home” today"), rate=1)
)
def test_stray_quotes_glue_openers(text: str) -> None:
    assert text == "Russia is’set to invade’ and they said”go home” today"


@given(text=curly_quotes(st.just("“Go,” she didn’t say."), rate=1))
def test_curly_quotes_face_the_wrong_way(text: str) -> None:
    assert text == "”Go,“ she didn‘t say."


@given(text=mixed_quotes(news_article(), rate=1))
def test_mixed_quotes_leave_no_curly_quote(text: str) -> None:
    assert not any(q in text for q in "‘’“”")


@given(text=with_boilerplate(st.just("One.\n\nTwo.\n\nThree."), max_count=2))
def test_with_boilerplate_adds_whole_lines(text: str) -> None:
    known = {line for lines in BOILERPLATE_LINES.values() for line in lines}
    added = [p for p in text.split("\n\n") if p not in ("One.", "Two.", "Three.")]
    assert 1 <= len(added) <= 2
    assert all(p in known or p.startswith("Read more: ") for p in added)
    assert [p for p in text.split("\n\n") if p in ("One.", "Two.", "Three.")] == [
        "One.",
        "Two.",
        "Three.",
    ]


@given(pair=headed_text(st.just("Body."), formats=list(HEADER_FORMATS)))
def test_headed_text_metadata_is_in_the_header(pair: tuple[str, dict[str, str]]) -> None:
    text, metadata = pair
    header, _, body = text.partition("\n\n")
    assert body == "Body."
    assert metadata["title"] in header
    assert metadata["date"][:4] in header
    assert metadata.get("author", "") in header


@given(text=with_header(news_article(), formats=["date_title"]))
def test_with_header_is_a_str_strategy(text: str) -> None:
    assert text.lstrip().startswith(("date ", "Date: "))


@given(article=dirty_article())
def test_dirty_article_applies_every_damage(article: DirtyArticle) -> None:
    assert article.damage == DAMAGE_KINDS
    assert article.dirty != article.clean
    assert {"date", "title"} <= set(article.metadata)


def test_plain_functions_are_reproducible_by_seed() -> None:
    assert make_dirty_article(11) == make_dirty_article(11)
    assert write_news_article(1) != write_news_article(2)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: mojibake(codecs=["utf-8"]), "single-byte"),
        (lambda: mojibake(codecs=[]), "at least one"),
        (lambda: mojibake(codecs=["klingon"]), "unknown codec"),
        (lambda: mojibake(layers=0), "layers"),
        (lambda: mojibake(st.just("x"), lost_nbsp=2), "lost_nbsp"),
        (lambda: mojibake("plain text"), "strategy of str"),
        (lambda: stray_quotes(rate=0), "rate"),
        (lambda: curly_quotes(rate=1.5), "rate"),
        (lambda: with_boilerplate(positions=["footer"]), "unknown position"),
        (lambda: with_boilerplate(max_count=0), "max_count"),
        (lambda: with_header(formats=[]), "at least one"),
        (lambda: news_article(max_paragraphs=0), "min_paragraphs"),
        (lambda: dirty_article(damage=["typos"]), "unknown damage kind"),
    ],
)
def test_strategies_check_arguments_when_built(build: Any, message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        build()


def test_dirty_text_fixture_is_a_dirty_article(dirty_text: DirtyArticle) -> None:
    assert isinstance(dirty_text, DirtyArticle)
    assert dirty_text == make_dirty_article(dirty_text_seed_of_this_test())


def dirty_text_seed_of_this_test() -> int:
    import zlib

    node = "tests/test_strategies.py::test_dirty_text_fixture_is_a_dirty_article"
    return zlib.crc32(node.encode("utf-8"))


@pytest.mark.parametrize("dirty_text", [1, 2], indirect=True)
def test_dirty_text_fixture_takes_a_seed(dirty_text: DirtyArticle) -> None:
    assert dirty_text in (make_dirty_article(1), make_dirty_article(2))


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )


def test_textfix_core_never_imports_hypothesis() -> None:
    result = _python(
        "import sys, textfix, textfix.cli, textfix.runner; textfix.clean('CafÃ©', 'news');"
        "assert 'hypothesis' not in sys.modules, 'hypothesis imported'"
    )
    assert result.returncode == 0, result.stderr


def test_plugin_and_plain_generators_work_without_hypothesis() -> None:
    # sys.modules[name] = None makes "import hypothesis" raise ImportError, as if uninstalled.
    result = _python(
        "import sys; sys.modules['hypothesis'] = None\n"
        "import textfix.testing as t\n"
        "from textfix.strategies import make_dirty_article\n"
        "class Node: nodeid = 'x'\n"
        "class Request: node = Node()\n"
        "assert t._dirty_text(Request()) == make_dirty_article(__import__('zlib').crc32(b'x'))\n"
        "try:\n    from textfix.strategies import mojibake\nexcept ImportError as e:\n"
        "    assert 'textfix[testing]' in str(e), e\nelse:\n    raise SystemExit('imported')\n"
    )
    assert result.returncode == 0, result.stderr
