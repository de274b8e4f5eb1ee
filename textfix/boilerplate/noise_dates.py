"""Dates, clock times and opening hours in a line of crawled text, for the noise rules.

A line of a date alone ("22 Sep 2020", "05.11.2016, 22:40") heads a post or is chrome; a line of
days and hours ("Mo–Fr 9–18 Uhr", "Avoinna: ma–pe klo 8–20") is a shop's opening hours. Words
are the folded words of :func:`textfix.boilerplate.noise_rules.fold`; the weekday and month
names are those of ``noise_words.toml`` and ``months.toml`` in the eleven languages.

>>> is_date_only(["22", "sep", "2020,"]), is_date_only(["der", "22.", "september"])
(True, False)
>>> is_opening_hours("Mo–Fr 9–18 Uhr", "mo–fr 9–18 uhr", ["mo–fr", "9–18", "uhr"])
True
>>> is_opening_hours("So kam es um 14:30 Uhr zum Streit", "so kam es um 14:30 uhr zum streit",
...                  "so kam es um 14:30 uhr zum streit".split())
False
"""

from __future__ import annotations

import re

from textfix.boilerplate.noise_words import NOISE_WORDS

# A clock time (9.00, 17:30, 9h30, 8.30am, 5 pm) or a range of hours (9-17, 10–14 Uhr).
_TIME_RE = re.compile(
    r"(?<!\d)(?:[01]?\d|2[0-4])(?:[.:h][0-5]\d)(?:\b|(?=[ap]m\b))"
    r"|(?<!\d)(?:[01]?\d|2[0-4])\s?[-–]\s?(?:[01]?\d|2[0-4])(?!\d)"
    r"|(?<![\d.:])1?\d ?[ap]m\b"
)
# Two weekdays joined by a dash: "mo-fr", "ma–pe", "lun.–ven.", "mån - fre".
_WEEKDAY_RANGE_RE = re.compile(r"(?<!\w)([^\W\d_]{2,12})\.? ?[-–] ?([^\W\d_]{2,12})\.?(?!\w)")
_HOURS_WORDS = frozenset({"uhr", "klo", "kl", "h", "hrs", "am", "pm", "o'clock", "ч", "год"})
# A date or a time token: 12.03.2015, 2015-03-12, 12/3, 22:08, 12., 2015.
_DATE_TOKEN_RE = re.compile(r"\d{1,4}(?:[./-]\d{1,4}){0,2}[.,]?|\d{1,2}[:.h]\d{2}(?::\d{2})?")
# Words a date line is written with besides the date itself.
_DATE_WORDS = frozenset(
    {"am", "um", "at", "on", "le", "de", "del", "el", "den", "klo", "kl", "the", "of"}
    | {"pm", "uhr", "h", "posted", "published", "updated", "julkaistu", "päivitetty"}
    | {"publié", "publicado", "veröffentlicht", "publicerad", "uppdaterad", "aktualisiert"}
    | {"last", "modified", "date", "datum", "fecha", "päivämäärä", "datum:"}
)


def is_opening_hours(line: str, folded: str, words: list[str]) -> bool:
    """Days and hours: "Mo–Fr 9–18 Uhr", "Avoinna: ma–pe klo 8–20", "Sa. 10.00 - 14.00".

    A weekday counts written out ("tisdag"), as a range ("ma–pe") or abbreviated with a full
    stop ("Fr."): a bare "so", "to", "mer" or "jeu" is a word of German, English or French
    prose as often. A line naming a month is a date ("Montag, 30. April 2012 14:40").
    """
    if _TIME_RE.search(folded) is None:
        return False
    labelled = words[0] in NOISE_WORDS.contact_labels
    if len(words) >= 8 and line.endswith((".", "!", "?")) and not labelled:
        return False  # a sentence: "I met him at 5 pm on Monday in the park."
    if not _has_weekday_range(folded) and not any(_is_weekday_word(word) for word in words):
        return False
    tokens = {token.strip(".,:;–-") for word in words for token in re.split(r"[-–/]", word)}
    if tokens & NOISE_WORDS.months:
        return False
    return bool(tokens & _HOURS_WORDS) or len(words) <= 10


def _has_weekday_range(folded: str) -> bool:
    return any(
        match.group(1) in NOISE_WORDS.weekdays and match.group(2) in NOISE_WORDS.weekdays
        for match in _WEEKDAY_RANGE_RE.finditer(folded)
    )


def is_weekday_name(word: str) -> bool:
    """A weekday written out: "lundi", "Montag,", "måndag" (not "mar", "so", "to")."""
    token = word.strip(",.;:()")
    return len(token) >= 5 and token in NOISE_WORDS.weekdays


def _is_weekday_word(word: str) -> bool:
    token = word.strip(",:;()")
    if token.endswith(".") and token[:-1] in NOISE_WORDS.weekdays:
        return True
    return is_weekday_name(token)


def is_date_only(words: list[str]) -> bool:
    """A line of a date or a time alone ("22 Sep 2020,", "05.11.2016, 22:40")."""
    dated = False
    for word in words:
        token = word.strip(",.;:()[]|~–—-?•·@")
        if not token:
            continue
        if _DATE_TOKEN_RE.fullmatch(token) or token in NOISE_WORDS.months:
            dated = True
        elif token not in NOISE_WORDS.weekdays and token not in _DATE_WORDS:
            return False
    return dated
