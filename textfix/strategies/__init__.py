"""Realistic dirty text on demand: Hypothesis strategies and plain seeded generators.

Strategies (need the ``textfix[testing]`` extra, i.e. Hypothesis)::

    from textfix.strategies import dirty_article, mojibake, news_article

    @given(mojibake(news_article(), codecs=["cp1252"], layers=1))
    def test_my_tokeniser_survives_mojibake(text): ...

Each strategy has a plain function twin that takes a seed (an ``int`` or a ``random.Random``)
and needs no Hypothesis: ``write_news_article``, ``add_mojibake``, ``add_stray_quotes``,
``misdirect_quotes``, ``mix_quotes``, ``add_boilerplate``, ``add_header``,
``make_dirty_article``.

>>> from textfix.strategies import add_mojibake, write_news_article
>>> add_mojibake("naïve café", seed=1, codecs=["cp1252"])
'naÃ¯ve cafÃ©'
>>> write_news_article(7) == write_news_article(7)
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from textfix.strategies.article import DAMAGE_KINDS, DirtyArticle, make_dirty_article
from textfix.strategies.damage import (
    MOJIBAKE_CODECS,
    add_mojibake,
    add_stray_quotes,
    misdirect_quotes,
    mix_quotes,
)
from textfix.strategies.page import BOILERPLATE_LINES, HEADER_FORMATS, add_boilerplate, add_header
from textfix.strategies.words import write_news_article, write_sentence, write_title

if TYPE_CHECKING:
    from textfix.strategies.hypothesis_strategies import (
        curly_quotes,
        dirty_article,
        headed_text,
        mixed_quotes,
        mojibake,
        news_article,
        stray_quotes,
        with_boilerplate,
        with_header,
    )

_STRATEGIES = frozenset(
    {
        "curly_quotes",
        "dirty_article",
        "headed_text",
        "mixed_quotes",
        "mojibake",
        "news_article",
        "stray_quotes",
        "with_boilerplate",
        "with_header",
    }
)

__all__ = [
    "BOILERPLATE_LINES",
    "DAMAGE_KINDS",
    "HEADER_FORMATS",
    "MOJIBAKE_CODECS",
    "DirtyArticle",
    "add_boilerplate",
    "add_header",
    "add_mojibake",
    "add_stray_quotes",
    "curly_quotes",
    "dirty_article",
    "headed_text",
    "make_dirty_article",
    "misdirect_quotes",
    "mix_quotes",
    "mixed_quotes",
    "mojibake",
    "news_article",
    "stray_quotes",
    "with_boilerplate",
    "with_header",
    "write_news_article",
    "write_sentence",
    "write_title",
]


def __getattr__(name: str) -> Any:
    # The strategies import Hypothesis, an optional dependency: load them on first use, so the
    # plain generators (and the pytest plugin built on them) work without it.
    if name not in _STRATEGIES:
        raise AttributeError(f"module 'textfix.strategies' has no attribute {name!r}")
    try:
        module = importlib.import_module("textfix.strategies.hypothesis_strategies")
    except ImportError as error:
        raise ImportError(
            f"textfix.strategies.{name} needs Hypothesis: pip install 'textfix[testing]'"
        ) from error
    return getattr(module, name)
