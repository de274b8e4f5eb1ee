"""The word lists noise-line rules read, from ``textfix/data/noise_words.toml``.

Every list is the union over the eleven languages the file covers (en, de, fr, es, pt, it,
nl, ru, uk, fi, sv): a crawled page often mixes languages in its chrome ("Home | Kontakt"),
and a line is matched the same whatever the document's language.

>>> "impressum" in NOISE_WORDS.menu and "lue lisää" in NOISE_WORDS.menu
True
>>> "ma" in NOISE_WORDS.weekdays and "tammikuuta" in NOISE_WORDS.months
True
>>> "skapa en bok" in NOISE_WORDS.menu and "jump to navigation" in NOISE_WORDS.phrases
True
>>> "the" in NOISE_WORDS.menu, "läs hela artikeln" in NOISE_WORDS.actions
(False, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

from textfix._toml import load_toml_bytes


@dataclass(frozen=True)
class NoiseWords:
    """Lower-case words and phrases, each set the union over every language."""

    menu: frozenset[str]
    actions: frozenset[str]
    labels: frozenset[str]
    contact_labels: frozenset[str]
    rights: tuple[str, ...]
    phrases: tuple[str, ...]
    form: frozenset[str]
    link_openings: tuple[str, ...]
    weekdays: frozenset[str]
    months: frozenset[str]


def _union(tables: dict[str, Any], key: str) -> set[str]:
    return {str(word) for table in tables.values() for word in table.get(key, ())}


def load_noise_words() -> NoiseWords:
    """The word lists of the noise rules, read from the package data."""
    data = resources.files("textfix.data")
    tables = load_toml_bytes(data.joinpath("noise_words.toml").read_bytes())
    months = load_toml_bytes(data.joinpath("months.toml").read_bytes())
    month_names = _union(tables, "months")
    for table in months.values():
        month_names.update(name for names in table.get("months", ()) for name in names)
    weekdays = _union(tables, "weekdays") | _union(months, "weekdays")
    return NoiseWords(
        menu=frozenset(
            _union(tables, "menu") | _union(tables, "platform_menu") | _union(tables, "shop_menu")
        ),
        actions=frozenset(_union(tables, "actions")),
        labels=frozenset(_union(tables, "labels")),
        contact_labels=frozenset(_union(tables, "contact_labels")),
        rights=tuple(sorted(_union(tables, "rights"))),
        phrases=tuple(
            sorted(
                _union(tables, "phrases")
                | _union(tables, "platform_phrases")
                | _union(tables, "shop_phrases")
            )
        ),
        form=frozenset(_union(tables, "form")),
        link_openings=tuple(sorted(f"{opening} " for opening in _union(tables, "link_openings"))),
        weekdays=frozenset(weekdays),
        months=frozenset(month_names),
    )


NOISE_WORDS = load_noise_words()
