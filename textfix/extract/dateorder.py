"""The order of an ambiguous slashed date in a header, when the options leave it open.

``10/05/2024`` is 10 May in every language whose month names textfix knows but English, and
either day in English (British sites write the day first, American ones the month). With no
``date_order`` option, a header whose text is confidently in one of those languages reads its
slashed dates day first; in English, or when the language is unsure, the date stays unset (a
header line with no date). The language is read from the start of the body, and asked only
when a header holds such a date.

>>> language_date_order("Madrid restringe el tráfico\\n10/05/2024\\n\\n", "El Ayuntamiento de \
Madrid ha anunciado nuevas restricciones para los coches más contaminantes.")
'dmy'
>>> language_date_order("Waiting lists fall\\n10/05/2024\\n\\n", "Waiting lists in England fell \
for the first time in months, figures show.") is None
True
>>> language_date_order("Madrid restringe el tráfico\\n\\n", "El Ayuntamiento.") is None
True
"""

from __future__ import annotations

import re

from textfix.language import identify_language

# The languages of ``textfix/data/months.toml`` but English: all write numeric dates day first.
DAY_FIRST_LANGUAGES = frozenset({"de", "fr", "es", "pt", "it", "nl", "ru", "uk"})
MIN_CONFIDENCE = 0.8
# How much of the body the language is read from, after the header.
BODY_SAMPLE = 600
SLASHED_DATE_RE = re.compile(r"(?<!\d)\d{1,2}/\d{1,2}/\d{4}(?!\d)")


def language_date_order(header: str, body: str) -> str | None:
    """``"dmy"`` when ``header`` (the lines taken off the top) holds a slashed numeric date and
    ``body`` is written in a language that puts the day first; else None."""
    if "/" not in header or SLASHED_DATE_RE.search(header) is None:
        return None
    # (the body's prose, not the header: the identifier reads the start of what it is given,
    # and a headline in title case or a date line misleads it)
    guess = identify_language(body[:BODY_SAMPLE])
    if guess is None or guess.confidence < MIN_CONFIDENCE:
        return None
    return "dmy" if guess.code in DAY_FIRST_LANGUAGES else None
