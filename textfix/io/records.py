"""What readers produce: a :class:`Record` per document, a :class:`BadRecord` per failure."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: which fields hold text and id, the fallback encoding, size limit.

    ``max_record_bytes`` turns a record larger than that into an error record instead of a
    document (a 100 MB line is almost always a broken dump, and would hold a worker for long).
    """

    text_field: str = "text"
    id_field: str = "id"
    encoding: str | None = None
    max_record_bytes: int = 64 * 1024 * 1024
    input_format: str | None = None  # None: from each file's name


@dataclass
class Record:
    """One input document: its fields (text included), where it came from, and its number."""

    fields: dict[str, Any]
    source: str
    number: int
    text_field: str = "text"
    metadata: dict[str, Any] = field(default_factory=dict)
    id_field: str = "id"

    @property
    def text(self) -> str:
        """The document's text."""
        value = self.fields[self.text_field]
        assert isinstance(value, str)
        return value

    @property
    def id(self) -> str | None:
        """The record's id field as a string, or None when it has none."""
        value = self.fields.get(self.id_field)
        return None if value is None else str(value)

    @property
    def default_id(self) -> str:
        """The id a record without one gets: ``source:number`` (the file and its line, row or
        element), which is unique across a run and leads back to the input.

        >>> Record({"text": "a"}, "news/a.jsonl", 7).default_id
        'news/a.jsonl:7'
        """
        return f"{self.source}:{self.number}"


@dataclass
class BadRecord:
    """An input unit that could not be made a document, with the reason and the raw input."""

    source: str
    number: int
    error: str
    raw: str


Item = Record | BadRecord


# What a field holds, as JSON names it (a newcomer reads "null", not "NoneType").
_JSON_KINDS = {
    type(None): "null",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    list: "an array",
    dict: "an object",
}


def check_fields(fields: Any, source: str, number: int, raw: str, options: ReadOptions) -> Item:
    """``fields`` as a Record when it is an object with a string text field, else a BadRecord.

    >>> check_fields({"text": 5}, "a.jsonl", 3, '{"text": 5}', ReadOptions()).error
    "text field 'text' is a number, not a string"
    >>> check_fields({"text": None}, "a.jsonl", 3, '{"text": null}', ReadOptions()).error
    "text field 'text' is null, not a string"
    """
    if not isinstance(fields, dict):
        return BadRecord(source, number, "a record must be a JSON object", raw)
    text_field = options.text_field
    if text_field not in fields:
        return BadRecord(source, number, f"missing text field {text_field!r}", raw)
    if not isinstance(fields[text_field], str):
        value = fields[text_field]
        kind = _JSON_KINDS.get(type(value), type(value).__name__)
        return BadRecord(source, number, f"text field {text_field!r} is {kind}, not a string", raw)
    return Record(fields, source, number, text_field, id_field=options.id_field)
