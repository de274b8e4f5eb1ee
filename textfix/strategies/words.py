"""A small built-in word model that writes news prose: sentences from templates, filled from
word lists of people, places, organisations, things and quotations.

The prose is clean by construction — NFC, curly quotes facing the right way, contractions with
``’``, single spaces, paragraphs separated by one blank line — so every textfix step must leave
it unchanged. It is varied enough to hold the characters mojibake mangles (``é ü ø ç ß —
’ “ ” € £ …``, and ``à`` whose UTF-8 ends in the byte that becomes a no-break space). Nothing
here imports Hypothesis: the functions take a seed or a ``random.Random``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping

#: A seed: an ``int`` for a reproducible result, or a ``random.Random`` to draw from.
Seed = int | random.Random

PEOPLE = (
    "Jane Smith",
    "Omar Ali",
    "José Álvarez",
    "Zoë Müller",
    "François Lefèvre",
    "Søren Holm",
    "Ayşe Yılmaz",
    "Chiara Bianchi",
    "Olena Kovalenko",
    "Siobhán Walsh",
    "Nguyễn Văn An",
    "Grzegorz Wójcik",
    "Ingrid Åberg",
    "Rahul Mehta",
)
ROLES = (
    "a spokesperson for",
    "the chief executive of",
    "an economist at",
    "a senior official at",
    "the chair of",
    "a researcher at",
)
ORGANISATIONS = (
    "the city council",
    "the transport authority",
    "the ministry of health",
    "Nordbank",
    "the Café Owners’ Association",
    "the regional water board",
    "the teachers’ union",
    "Société Générale",
    "the port authority",
    "the statistics office",
)
PLACES = (
    "Kyiv",
    "Zürich",
    "São Paulo",
    "Málaga",
    "Reykjavík",
    "Kraków",
    "Montréal",
    "Düsseldorf",
    "Leeds",
    "Cork",
    "Gdańsk",
    "Nice",
)
THINGS = (
    "ferry fares",
    "the library budget",
    "water prices",
    "the bridge repairs",
    "rents",
    "the harvest",
    "bus routes",
    "the new tram line",
    "hospital waiting lists",
    "energy bills",
    "the school meals scheme",
    "the café licence fees",
)
CHANGES = ("rise", "fall", "double", "be cut", "be reviewed", "be delayed", "recover")
PAST_CHANGES = ("rose", "fell", "doubled", "were cut", "stalled", "recovered")
ADJECTIVES = ("difficult", "unfair", "overdue", "costly", "sensible", "surprising", "risky")
FEELINGS = ("worried", "hopeful", "frustrated", "cautious", "relieved")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
QUOTATIONS = (
    "We will not let this go",
    "Nobody asked the people who live here",
    "It’s a fair deal for everyone",
    "We’re doing everything we can",
    "The numbers don’t add up",
    "This is déjà vu for many of us",
    "We can’t keep paying more for less",
    "There’s no easy answer — there never was",
    "I’ve seen this before, and it didn’t end well",
    "Our members deserve a straight answer",
)

# Templates: "{slot}" is filled from _SLOTS; the first letter of a sentence is capitalised.
SENTENCES = (
    "{person}, {role} {org}, said {thing} would {change} by {month}.",
    "“{quote},” said {person}, {role} {org}.",
    "{Thing} {past} to {money} on {weekday}, up from {money} a year earlier.",
    "Officials in {place} said it’s too early to say whether {thing} will {change}.",
    "{place}’s {thing_noun} has been {adjective} since {month} — the longest stretch in "
    "{number} years.",
    "Residents told reporters they didn’t expect {thing} to {change} before {month}.",
    "“We’re {feeling} about {thing},” {person} told a meeting in {place}. “It’s {adjective}, "
    "and we can’t pretend otherwise.”",
    "According to {org}, about {percent} of households in {place} were affected.",
    "The decision follows a review by {org}, which found that {thing} had cost {money} more "
    "than planned.",
    "{person} said the plan was “{adjective} but necessary”.",
    "Critics, including {person}, called it “a {adjective} mistake”, while supporters said it "
    "would save {money} a year.",
    "A café owner in {place} said business had fallen by {percent} since {month}.",
    "Talks between {org} and {org} are expected to resume on {weekday}.",
    "The figures, published on {weekday}, show {thing} at {percent} above last year’s level.",
    "Asked about {thing}, {person} said: “{quote}.”",
    "“She told us ‘not yet’, and that was all,” {person} said of the talks in {place}.",
    "In {place}, {thing} {past} by {percent} over the winter…",
    "Prices in {place} {past} in {month}; in {place} they {past} — a gap of {percent}.",
)
TITLES = (
    "{Thing} to {change} as {org} faces a {money} gap",
    "{place} braces for {adjective} winter as {thing} {past}",
    "{Org} says {thing} will {change} by {month}",
    "Why {thing} in {place} {past} — and what happens next",
    "{person}: “{quote}”",
)


def _money(rng: random.Random) -> str:
    symbol = rng.choice("€£$")
    amount = rng.choice((f"{rng.randint(2, 99)}", f"{rng.randint(1, 9)}.{rng.randint(10, 99)}"))
    return f"{symbol}{amount}{rng.choice(('', 'm', 'bn'))}"


_SLOTS: Mapping[str, Callable[[random.Random], str]] = {
    "person": lambda rng: rng.choice(PEOPLE),
    "role": lambda rng: rng.choice(ROLES),
    "org": lambda rng: rng.choice(ORGANISATIONS),
    "place": lambda rng: rng.choice(PLACES),
    "thing": lambda rng: rng.choice(THINGS),
    "thing_noun": lambda rng: rng.choice(THINGS).removeprefix("the "),
    "change": lambda rng: rng.choice(CHANGES),
    "past": lambda rng: rng.choice(PAST_CHANGES),
    "adjective": lambda rng: rng.choice(ADJECTIVES),
    "feeling": lambda rng: rng.choice(FEELINGS),
    "weekday": lambda rng: rng.choice(WEEKDAYS),
    "month": lambda rng: rng.choice(MONTHS),
    "quote": lambda rng: rng.choice(QUOTATIONS),
    "money": _money,
    "number": lambda rng: str(rng.randint(3, 40)),
    "percent": lambda rng: f"{rng.randint(2, 60)}%",
}
_SLOT_RE = re.compile(r"\{(\w+)\}")


def as_random(seed: Seed) -> random.Random:
    """A ``random.Random`` for ``seed``: the object itself, or a new one seeded with the int."""
    if isinstance(seed, random.Random):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"seed must be an int or a random.Random, not {type(seed).__name__}")
    return random.Random(seed)


def _fill(template: str, rng: random.Random) -> str:
    def slot(match: re.Match[str]) -> str:
        name = match[1]
        value = _SLOTS[name.lower()](rng)
        return value[:1].upper() + value[1:] if name[:1].isupper() else value

    text = _SLOT_RE.sub(slot, template)
    return text[:1].upper() + text[1:]


def write_sentence(seed: Seed = 0) -> str:
    """One sentence of news prose.

    >>> write_sentence(3) == write_sentence(3)
    True
    >>> write_sentence(7).endswith((".", "…", "”"))
    True
    """
    rng = as_random(seed)
    return _fill(rng.choice(SENTENCES), rng)


def write_title(seed: Seed = 0) -> str:
    """A headline: short, no terminal full stop.

    >>> title = write_title(1)
    >>> 0 < len(title) < 120 and not title.endswith(".")
    True
    """
    rng = as_random(seed)
    return _fill(rng.choice(TITLES), rng)


def write_news_article(
    seed: Seed = 0, *, min_paragraphs: int = 2, max_paragraphs: int = 6, max_sentences: int = 3
) -> str:
    """An article body: paragraphs of one to ``max_sentences`` sentences, one blank line apart.

    >>> article = write_news_article(42)
    >>> article == write_news_article(42), "\\n\\n" in article, article == article.strip()
    (True, True, True)
    >>> write_news_article(0, min_paragraphs=3, max_paragraphs=2)
    Traceback (most recent call last):
    ...
    ValueError: need 1 <= min_paragraphs <= max_paragraphs, got 3 and 2
    """
    check_paragraph_counts(min_paragraphs, max_paragraphs, max_sentences)
    rng = as_random(seed)
    paragraphs = [
        " ".join(write_sentence(rng) for _ in range(rng.randint(1, max_sentences)))
        for _ in range(rng.randint(min_paragraphs, max_paragraphs))
    ]
    return "\n\n".join(paragraphs)


def check_paragraph_counts(min_paragraphs: int, max_paragraphs: int, max_sentences: int) -> None:
    """Raise ValueError unless the paragraph and sentence counts make sense."""
    if not 1 <= min_paragraphs <= max_paragraphs:
        raise ValueError(
            f"need 1 <= min_paragraphs <= max_paragraphs, got {min_paragraphs} and {max_paragraphs}"
        )
    if max_sentences < 1:
        raise ValueError(f"max_sentences must be at least 1, got {max_sentences}")
