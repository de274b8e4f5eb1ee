"""What a scraper keeps around an article: header lines on top, boilerplate lines around it.

``add_header`` prepends date, title and byline lines in the formats textfix's header
extractor reads, and returns the metadata a correct extractor finds in them. ``add_boilerplate``
inserts boilerplate lines as their own paragraphs where pages put them: prompts at the top, ad
slots between paragraphs, footers at the end.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from textfix.strategies.words import MONTHS, PEOPLE, Seed, as_random, write_title

#: Header formats: name -> what it looks like (each a line of its own above the body).
HEADER_FORMATS: dict[str, str] = {
    "date_title": " date 2022-02-12 <title>",
    "title_date": "<title> / Date: 12 February 2022",
    "title_byline_published": "<title> / By Jane Smith / Published: Feb. 12, 2022, 3:04 p.m. ET",
    "date_byline": "<title> / February 12, 2022 | By Jane Smith",
    "iso_timestamp": "<title> / 2022-02-12T09:30:00Z",
}

#: Boilerplate lines by where pages put them; "{title}" is filled with a headline.
BOILERPLATE_LINES: dict[str, tuple[str, ...]] = {
    "top": ("Share this article", "Facebook Twitter WhatsApp Email"),
    "middle": ("Advertisement", "Read more: {title}"),
    "bottom": (
        "There will be more to come…",
        "More to come",
        "Read more",
        "© 2022 The Associated Press. All rights reserved.",
        "Reporting by Jane Smith; Editing by Omar Ali",
    ),
}

# AP style, as US news sites print them.
_MONTH_ABBREVIATIONS = (
    *("Jan.", "Feb.", "March", "April", "May", "June"),
    *("July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."),
)
_FIRST_DAY = datetime.date(1995, 1, 1).toordinal()
_LAST_DAY = datetime.date(2024, 12, 31).toordinal()


def check_choices(chosen: Sequence[str], known: Sequence[str], what: str) -> tuple[str, ...]:
    """``chosen`` as a tuple, after checking it is non-empty and every name is known."""
    if isinstance(chosen, str):
        chosen = (chosen,)
    if not chosen:
        raise ValueError(f"give at least one of the {what}: {', '.join(known)}")
    for name in chosen:
        if name not in known:
            raise ValueError(f"unknown {what[:-1]} {name!r}; valid: {', '.join(known)}")
    return tuple(chosen)


def add_header(
    text: str,
    seed: Seed = 0,
    *,
    formats: Sequence[str] = tuple(HEADER_FORMATS),
    title: str | None = None,
) -> tuple[str, dict[str, str]]:
    """Prepend header lines in one of ``formats``; return the text and the metadata in them.

    Metadata keys follow textfix: ``date`` (``YYYY-MM-DD``), ``title``, ``author`` (the byline
    minus ``By ``). A blank line separates the header from the body.

    >>> text, metadata = add_header("The talks failed.", 3, formats=["date_title"], title="Fail")
    >>> text, metadata
    (' date 2021-08-01 Fail\\n\\nThe talks failed.', {'date': '2021-08-01', 'title': 'Fail'})
    >>> add_header("Body.", formats=["date_line"])
    Traceback (most recent call last):
    ...
    ValueError: unknown header format 'date_line'; valid: date_title, title_date, ...
    """
    formats = check_choices(formats, tuple(HEADER_FORMATS), "header formats")
    rng = as_random(seed)
    kind = rng.choice(formats)
    day = datetime.date.fromordinal(rng.randint(_FIRST_DAY, _LAST_DAY))
    title = write_title(rng) if title is None else title
    author = rng.choice(PEOPLE)
    metadata = {"date": day.isoformat(), "title": title}
    month = MONTHS[day.month - 1]
    if kind == "date_title":
        lines = [f"{rng.choice((' date', 'date', 'Date:'))} {day.isoformat()} {title}"]
    elif kind == "title_date":
        lines = [title, f"Date: {day.day} {month} {day.year}"]
    elif kind == "title_byline_published":
        hour, minute = rng.randint(1, 12), rng.randint(0, 59)
        clock = f"{hour}:{minute:02d} {rng.choice(('a.m.', 'p.m.'))} ET"
        abbreviation = _MONTH_ABBREVIATIONS[day.month - 1]
        lines = [title, f"By {author}", f"Published: {abbreviation} {day.day}, {day.year}, {clock}"]
        metadata["author"] = author
    elif kind == "date_byline":
        lines = [title, f"{month} {day.day}, {day.year} | By {author}"]
        metadata["author"] = author
    else:
        clock = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
        lines = [title, f"{day.isoformat()}T{clock}"]
    return "\n".join(lines) + "\n\n" + text, metadata


def add_boilerplate(
    text: str,
    seed: Seed = 0,
    *,
    positions: Sequence[str] = tuple(BOILERPLATE_LINES),
    count: int = 1,
) -> str:
    """Insert ``count`` boilerplate lines, each as its own paragraph, at one of ``positions``
    (``top``, ``middle`` between two paragraphs, ``bottom``).

    >>> add_boilerplate("One.\\n\\nTwo.", 2, positions=["middle"])
    'One.\\n\\nAdvertisement\\n\\nTwo.'
    >>> add_boilerplate("One.", count=0)
    Traceback (most recent call last):
    ...
    ValueError: count must be an int >= 1, got 0
    """
    positions = check_choices(positions, tuple(BOILERPLATE_LINES), "positions")
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError(f"count must be an int >= 1, got {count!r}")
    rng = as_random(seed)
    paragraphs = text.split("\n\n") if text else []
    for _ in range(count):
        position = rng.choice(positions)
        line = rng.choice(BOILERPLATE_LINES[position])
        if "{title}" in line:
            line = line.replace("{title}", write_title(rng))
        if position == "top":
            paragraphs.insert(0, line)
        elif position == "bottom" or len(paragraphs) < 2:
            paragraphs.append(line)
        else:
            paragraphs.insert(rng.randint(1, len(paragraphs) - 1), line)
    return "\n\n".join(paragraphs)
