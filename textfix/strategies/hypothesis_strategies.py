"""The Hypothesis strategies: thin wrappers that draw a ``random.Random`` from Hypothesis and
hand it to the plain generators, so examples shrink and replay like any other strategy.

Arguments are checked when the strategy is built, not when the first example is drawn, and a
bad one raises ``hypothesis.errors.InvalidArgument``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from textfix.strategies.article import DAMAGE_KINDS, DirtyArticle, make_dirty_article
from textfix.strategies.damage import (
    MOJIBAKE_CODECS,
    add_mojibake,
    add_stray_quotes,
    check_codecs,
    check_rate,
    misdirect_quotes,
    mix_quotes,
)
from textfix.strategies.page import (
    BOILERPLATE_LINES,
    HEADER_FORMATS,
    add_boilerplate,
    add_header,
    check_choices,
)
from textfix.strategies.words import check_paragraph_counts, write_news_article

T = TypeVar("T")
_randoms = st.randoms(use_true_random=False)


@contextmanager
def _invalid_argument() -> Iterator[None]:
    try:
        yield
    except (ValueError, TypeError) as error:
        raise InvalidArgument(str(error)) from None


def _text_or_article(text: st.SearchStrategy[str] | None) -> st.SearchStrategy[str]:
    if text is None:
        return news_article()
    if not isinstance(text, st.SearchStrategy):
        raise InvalidArgument(f"expected a strategy of str, got {text!r}")
    return text


def _damaged(
    text: st.SearchStrategy[str] | None, damage: Callable[[str, random.Random], str]
) -> st.SearchStrategy[str]:
    source = _text_or_article(text)
    return st.tuples(source, _randoms).map(lambda pair: damage(pair[0], pair[1]))


def news_article(
    *, min_paragraphs: int = 2, max_paragraphs: int = 6, max_sentences: int = 3
) -> st.SearchStrategy[str]:
    """Clean article bodies from the built-in word model (see ``words.write_news_article``).

    >>> news_article(min_paragraphs=0)
    Traceback (most recent call last):
    ...
    hypothesis.errors.InvalidArgument: need 1 <= min_paragraphs <= max_paragraphs, got 0 and 6
    """
    with _invalid_argument():
        check_paragraph_counts(min_paragraphs, max_paragraphs, max_sentences)
    return _randoms.map(
        lambda rng: write_news_article(
            rng,
            min_paragraphs=min_paragraphs,
            max_paragraphs=max_paragraphs,
            max_sentences=max_sentences,
        )
    )


def mojibake(
    text: st.SearchStrategy[str] | None = None,
    *,
    codecs: Sequence[str] = MOJIBAKE_CODECS,
    layers: int | tuple[int, int] = (1, 2),
    lost_nbsp: float = 0.5,
) -> st.SearchStrategy[str]:
    """``text`` (default: ``news_article()``) encoded as UTF-8 and decoded with one of
    ``codecs``, ``layers`` times (an int, or an inclusive ``(min, max)`` range).

    >>> mojibake(codecs=["utf-16"])
    Traceback (most recent call last):
    ...
    hypothesis.errors.InvalidArgument: 'utf-16' is not a single-byte codec; use one of ...
    >>> mojibake(layers=(2, 1))
    Traceback (most recent call last):
    ...
    hypothesis.errors.InvalidArgument: layers must be an int >= 1 or a range (min, max) ...
    """
    with _invalid_argument():
        chosen = check_codecs(codecs)
        check_rate(lost_nbsp, "lost_nbsp")
    low, high = (layers, layers) if isinstance(layers, int) else tuple(layers)
    if isinstance(low, bool) or not isinstance(low, int) or not 1 <= low <= high:
        raise InvalidArgument(
            f"layers must be an int >= 1 or a range (min, max) with 1 <= min <= max, got {layers!r}"
        )
    source = _text_or_article(text)
    return st.tuples(source, st.integers(low, high), _randoms).map(
        lambda drawn: add_mojibake(
            drawn[0], drawn[2], codecs=chosen, layers=drawn[1], lost_nbsp=lost_nbsp
        )
    )


def stray_quotes(
    text: st.SearchStrategy[str] | None = None, *, rate: float = 0.5
) -> st.SearchStrategy[str]:
    """Curly openers glued to the word before (``is’set``) and padded quotes (``“ Go ”``)."""
    with _invalid_argument():
        check_rate(rate)
    return _damaged(text, lambda value, rng: add_stray_quotes(value, rng, rate=rate))


def curly_quotes(
    text: st.SearchStrategy[str] | None = None, *, rate: float = 0.3
) -> st.SearchStrategy[str]:
    """Curly quotes facing the wrong way (``”a game changer”``, ``don‘t``)."""
    with _invalid_argument():
        check_rate(rate)
    return _damaged(text, lambda value, rng: misdirect_quotes(value, rng, rate=rate))


def mixed_quotes(
    text: st.SearchStrategy[str] | None = None, *, rate: float = 0.5
) -> st.SearchStrategy[str]:
    """Curly quotes mixed with straight, LaTeX and doubled ones, and ``´``/backtick apostrophes.

    >>> mixed_quotes(rate=0)
    Traceback (most recent call last):
    ...
    hypothesis.errors.InvalidArgument: rate must be a probability in (0, 1], got 0
    """
    with _invalid_argument():
        check_rate(rate)
    return _damaged(text, lambda value, rng: mix_quotes(value, rng, rate=rate))


def with_boilerplate(
    text: st.SearchStrategy[str] | None = None,
    *,
    positions: Sequence[str] = tuple(BOILERPLATE_LINES),
    max_count: int = 3,
) -> st.SearchStrategy[str]:
    """``text`` with one to ``max_count`` boilerplate lines at ``positions`` (top, middle,
    bottom), each its own paragraph."""
    with _invalid_argument():
        chosen = check_choices(positions, tuple(BOILERPLATE_LINES), "positions")
    if isinstance(max_count, bool) or not isinstance(max_count, int) or max_count < 1:
        raise InvalidArgument(f"max_count must be an int >= 1, got {max_count!r}")
    source = _text_or_article(text)
    return st.tuples(source, st.integers(1, max_count), _randoms).map(
        lambda drawn: add_boilerplate(drawn[0], drawn[2], positions=chosen, count=drawn[1])
    )


def headed_text(
    text: st.SearchStrategy[str] | None = None,
    *,
    formats: Sequence[str] = tuple(HEADER_FORMATS),
) -> st.SearchStrategy[tuple[str, dict[str, str]]]:
    """Pairs of (``text`` with header lines on top, the metadata in those lines)."""
    with _invalid_argument():
        chosen = check_choices(formats, tuple(HEADER_FORMATS), "header formats")
    source = _text_or_article(text)
    return st.tuples(source, _randoms).map(
        lambda pair: add_header(pair[0], pair[1], formats=chosen)
    )


def with_header(
    text: st.SearchStrategy[str] | None = None,
    *,
    formats: Sequence[str] = tuple(HEADER_FORMATS),
) -> st.SearchStrategy[str]:
    """``text`` with date, title and byline lines on top in one of ``formats``.

    >>> with_header(formats=["dateline"])
    Traceback (most recent call last):
    ...
    hypothesis.errors.InvalidArgument: unknown header format 'dateline'; valid: date_title, ...
    """
    return headed_text(text, formats=formats).map(lambda pair: pair[0])


def dirty_article(
    *,
    damage: Sequence[str] = DAMAGE_KINDS,
    codecs: Sequence[str] = ("cp1252", "latin-1"),
    header_formats: Sequence[str] = tuple(HEADER_FORMATS),
    boilerplate_positions: Sequence[str] = tuple(BOILERPLATE_LINES),
) -> st.SearchStrategy[DirtyArticle]:
    """Articles damaged by every kind in ``damage``, with the clean original and metadata."""
    with _invalid_argument():
        make_dirty_article(
            0,
            damage=damage,
            codecs=codecs,
            header_formats=header_formats,
            boilerplate_positions=boilerplate_positions,
        )
    return _randoms.map(
        lambda rng: make_dirty_article(
            rng,
            damage=damage,
            codecs=codecs,
            header_formats=header_formats,
            boilerplate_positions=boilerplate_positions,
        )
    )
