"""A dirty article with its answer key: the damaged text, the clean original, the metadata."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from textfix.strategies.damage import add_mojibake, add_stray_quotes, check_codecs, misdirect_quotes
from textfix.strategies.page import (
    BOILERPLATE_LINES,
    HEADER_FORMATS,
    add_boilerplate,
    add_header,
    check_choices,
)
from textfix.strategies.words import Seed, as_random, write_news_article

#: The damage ``make_dirty_article`` can apply, in the order it applies it.
DAMAGE_KINDS = ("header", "boilerplate", "stray_quotes", "misdirected_quotes", "mojibake")


@dataclass(frozen=True)
class DirtyArticle:
    """A damaged article and its answer key.

    ``clean`` is the body as written (no header, no boilerplate); ``metadata`` is what a
    correct header extractor takes from ``dirty``; ``damage`` names what was done, in order.
    """

    dirty: str
    clean: str
    metadata: dict[str, str] = field(default_factory=dict)
    damage: tuple[str, ...] = ()


#: textfix keeps a document whole when its boilerplate lines hold more than 30% of its words
#: (remove_boilerplate's ``max_removed_share``); an article gets more paragraphs until the
#: lines added hold at most this share, so the answer key (lines removed) is what textfix does.
BOILERPLATE_MAX_SHARE = 0.25


def _added_share(before: str, after: str) -> float:
    """The share of ``after``'s words that were added to ``before``."""
    words_after = len(after.split())
    return (words_after - len(before.split())) / max(1, words_after)


def make_dirty_article(
    seed: Seed = 0,
    *,
    damage: Sequence[str] = DAMAGE_KINDS,
    codecs: Sequence[str] = ("cp1252", "latin-1"),
    header_formats: Sequence[str] = tuple(HEADER_FORMATS),
    boilerplate_positions: Sequence[str] = tuple(BOILERPLATE_LINES),
) -> DirtyArticle:
    """Write an article and damage it with each kind in ``damage`` (see ``DAMAGE_KINDS``).

    Every kind of damage is one textfix's news preset is built to undo with its default
    options: stray and misdirected curly quotes (not mixed straight/curly, which ``keep``
    leaves as it is), boilerplate lines, header lines, and one layer of mojibake.

    >>> article = make_dirty_article(5, damage=["header", "mojibake"])
    >>> article.damage, sorted(article.metadata)
    (('header', 'mojibake'), ['author', 'date', 'title'])
    >>> make_dirty_article(damage=["typos"])
    Traceback (most recent call last):
    ...
    ValueError: unknown damage kind 'typos'; valid: header, boilerplate, stray_quotes, ...
    """
    kinds = check_choices(damage, DAMAGE_KINDS, "damage kinds") if damage else ()
    codecs = check_codecs(codecs)
    header_formats = check_choices(header_formats, tuple(HEADER_FORMATS), "header formats")
    boilerplate_positions = check_choices(
        boilerplate_positions, tuple(BOILERPLATE_LINES), "positions"
    )
    rng = as_random(seed)
    clean = write_news_article(rng)
    text, metadata = clean, dict[str, str]()
    applied = tuple(kind for kind in DAMAGE_KINDS if kind in kinds)
    for kind in applied:
        if kind == "header":
            text, metadata = add_header(text, rng, formats=header_formats)
        elif kind == "boilerplate":
            dirty = add_boilerplate(text, rng, positions=boilerplate_positions)
            while _added_share(text, dirty) > BOILERPLATE_MAX_SHARE:
                more = write_news_article(rng, min_paragraphs=1, max_paragraphs=2)
                clean, text = f"{clean}\n\n{more}", f"{text}\n\n{more}"
                dirty = add_boilerplate(text, rng, positions=boilerplate_positions)
            text = dirty
        elif kind == "stray_quotes":
            text = add_stray_quotes(text, rng)
        elif kind == "misdirected_quotes":
            text = misdirect_quotes(text, rng)
        else:
            text = add_mojibake(text, rng, codecs=codecs)
    return DirtyArticle(text, clean, metadata, applied)
