"""Header metadata: the date and title a scraper ran together at the top of an article.

Only the first line is read; a line is a header only when it matches a header pattern whole.
Prose that merely mentions a date is body text and is never removed.
"""

from __future__ import annotations

import re

# " date 2022-02-12 <title>" as written by a common scraper, with or without the leading
# space, "date"/"Date:".
DATE_TITLE_LINE_RE = re.compile(
    r"[ \t]*[Dd]ate:?[ \t]+(?P<date>\d{4}-\d{2}-\d{2})(?:[ \t]+(?P<title>[^\n]+?))?[ \t]*"
)


def extract_header(text: str) -> tuple[str, dict[str, str]]:
    """Take the header line off the top of ``text`` and return it as metadata.

    >>> extract_header("date 2022-02-12 Talks fail\\n\\nThe talks failed.")
    ('The talks failed.', {'date': '2022-02-12', 'title': 'Talks fail'})
    >>> extract_header("On 2022-02-12 the talks failed.")
    ('On 2022-02-12 the talks failed.', {})
    """
    first, _, rest = text.partition("\n")
    match = DATE_TITLE_LINE_RE.fullmatch(first)
    if match is None:
        return text, {}
    metadata = {"date": match["date"]}
    if match["title"]:
        metadata["title"] = match["title"]
    return rest.lstrip("\n"), metadata
