"""The unit of work: a text with an optional id and a metadata mapping.

Field names follow datatrove and dolma (``text``, ``id``, ``metadata``) so that records move
between those tools and textfix without renaming.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Document:
    """A text, its identifier, and the metadata found in it or carried with it.

    >>> doc = Document("Hello", id="a.txt")
    >>> doc.text, doc.id, doc.metadata
    ('Hello', 'a.txt', {})
    """

    text: str
    id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
