"""Cleaning one record inside a worker, optionally counting which steps changed it.

Counting is cheap: each step's output is compared with its input (an ``==`` on two strings,
which stops at the first difference or is a pointer check when a step returned its input), not
run through ``explain``. It is done only when a summary or report asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textfix.boilerplate.remove import Removal, find_boilerplate
from textfix.document import Document
from textfix.io.records import Record
from textfix.pipeline import MAX_PASSES, Pipeline, Step, _settled
from textfix.registry import EditKind


@dataclass
class Cleaned:
    """A cleaned document, the steps that changed it, and the boilerplate and noise lines
    removed.

    With ``want_trace``, ``trace`` holds each change in order: the step, its input and output
    text, and the metadata it found (for the HTML report's samples; the texts are shared, not
    copied).
    """

    document: Document
    changed_steps: set[str] = field(default_factory=set)
    removals: list[Removal] = field(default_factory=list)
    trace: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)


def document_of(record: Record) -> Document:
    """The Document a record is cleaned as: its text, its id (or source name), its metadata."""
    ident = record.id
    return Document(record.text, ident if ident is not None else record.default_id, record.metadata)


def clean_record(
    pipeline: Pipeline,
    record: Record,
    *,
    count_steps: bool,
    want_removed: bool,
    want_trace: bool = False,
) -> Cleaned:
    """Clean ``record``; with ``count_steps`` or ``want_removed``, also say what each step did.

    >>> p = Pipeline.from_preset("default")
    >>> r = Record({"text": "CafÃ©  au lait"}, "a.jsonl", 1)
    >>> c = clean_record(p, r, count_steps=True, want_removed=False)
    >>> c.document.text, sorted(c.changed_steps)
    ('Café au lait', ['fix_mojibake', 'normalise_whitespace'])
    """
    document = document_of(record)
    if not count_steps and not want_removed and not want_trace:
        return Cleaned(pipeline(document))
    # Removed lines are counted for the summary and report whenever steps are counted.
    return _clean_observed(pipeline.steps, document, count_removed=True, want_trace=want_trace)


def _clean_observed(
    steps: tuple[Step, ...], document: Document, count_removed: bool, want_trace: bool = False
) -> Cleaned:
    # The same passes as Pipeline.__call__, with a comparison after each step (and, like it,
    # no second run of a resettling step whose output no later step changed).
    text = document.text
    metadata = dict(document.metadata)
    changed: set[str] = set()
    removals: list[Removal] = []
    trace: list[tuple[str, str, str, dict[str, Any]]] = []
    for _ in range(MAX_PASSES):
        before = text
        settling: list[tuple[Step, str, set[EditKind]]] = []
        for step in steps:
            if count_removed and step.name == "remove_boilerplate":
                new_text, found_removals, reason = find_boilerplate(text, **_options(step))
                if reason is None:
                    removals.extend(found_removals)
                found: dict[str, Any] = {}
            elif count_removed and step.name == "remove_noise_lines":
                # Imported here: its word lists cost every other preset's start-up.
                from textfix.boilerplate.noise import find_noise_lines

                new_text, noise = find_noise_lines(text, **_options(step))
                removals.extend(noise)
                found = {}
            elif step.quiet is not None and step.quiet(text):
                new_text, found = text, {}
            else:
                new_text, found = step.apply(text)
            if new_text != text:
                for entry in settling:
                    entry[2].add(step.edits)
            if new_text != text or found:
                changed.add(step.name)
                if want_trace:
                    trace.append((step.name, text, new_text, found))
            text = new_text
            if found:
                metadata.update(found)
            if step.resettles:
                settling.append((step, text, set()))
        if text == before or _settled(text, settling):
            break
    return Cleaned(Document(text, document.id, metadata), changed, removals, trace)


def _options(step: Step) -> dict[str, Any]:
    return dict(step.options)


def output_record(record: Record, document: Document, *, add_id: bool = True) -> dict[str, Any]:
    """The input record with its text replaced and the metadata merged under ``metadata``; a
    record without an id gets :attr:`Record.default_id` (unless ``add_id`` is false: the Ray
    engine numbers rows within a batch, which would make such ids neither unique nor true).

    >>> output_record(Record({"text": "a", "url": "u"}, "s", 1), Document("b", None, {"k": 1}))
    {'text': 'b', 'url': 'u', 'id': 's:1', 'metadata': {'k': 1}}
    """
    fields = dict(record.fields)
    fields[record.text_field] = document.text
    if add_id and fields.get(record.id_field) is None:
        fields[record.id_field] = record.default_id
    if document.metadata:
        existing = fields.get("metadata")
        if isinstance(existing, dict):
            merged = dict(existing)
        else:  # a string or list is kept, nested, never replaced
            merged = {} if existing is None else {"input_metadata": existing}
        merged.update(document.metadata)
        fields["metadata"] = merged
    return fields
