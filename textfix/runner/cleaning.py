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
from textfix.pipeline import Pipeline, Step


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
    return _clean_observed(pipeline, document, want_trace=want_trace)


def counts_as_changed(record: Record, cleaned: Cleaned) -> bool:
    """Whether cleaning changed a record's text or metadata, a dropped final line break aside."""
    document = cleaned.document
    return changed(record.text, document.text) or document.metadata != record.metadata


def changed(before: str, after: str) -> bool:
    """Whether cleaning changed a text by more than dropping its final line break (which every
    file written by an editor has, and which no reader counts as a change).

    >>> changed("Fares rose.\\n", "Fares rose."), changed("Fares  rose.\\n", "Fares rose.")
    (False, True)
    """
    return after != before and after != before.rstrip("\r\n")


def _clean_observed(pipeline: Pipeline, document: Document, want_trace: bool) -> Cleaned:
    # The pipeline's own passes and settling, with a comparison after each step run, and the
    # line removers asked for the lines they remove.
    changed: set[str] = set()
    removals: list[Removal] = []
    trace: list[tuple[str, str, str, dict[str, Any]]] = []

    def run(step: Step, text: str) -> tuple[str, dict[str, Any]]:
        found: dict[str, Any] = {}
        if step.name == "remove_boilerplate":
            new_text, found_removals, reason = find_boilerplate(text, **_options(step))
            if reason is None:
                removals.extend(found_removals)
        elif step.name == "remove_noise_lines":
            # Imported here: its word lists cost every other preset's start-up.
            from textfix.boilerplate.noise import find_noise_lines

            new_text, noise = find_noise_lines(text, **_options(step))
            removals.extend(noise)
        else:
            new_text, found = step.apply(text)
        if new_text != text or found:
            changed.add(step.name)
            if want_trace:
                trace.append((step.name, text, new_text, found))
        return new_text, found

    cleaned = pipeline.clean_with(document, run)
    return Cleaned(cleaned, changed, removals, trace)


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
