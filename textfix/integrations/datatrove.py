"""datatrove: a formatter step that runs a textfix pipeline inside a datatrove pipeline.

Install with ``pip install 'textfix[datatrove]'``. The step cleans ``doc.text`` and merges the
metadata textfix extracts (``date``, ``title``, ...) into ``doc.metadata``, so datatrove's
local, Slurm and Ray executors can run textfix::

    from datatrove.executor import LocalPipelineExecutor
    from textfix.integrations.datatrove import textfix_formatter

    LocalPipelineExecutor(pipeline=[reader, textfix_formatter("news"), writer], tasks=8).run()

A document whose cleaning fails is passed on unchanged with ``metadata["textfix_error"]`` set
and counted in the ``errored`` stat, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from textfix.document import Document
from textfix.errors import TextfixError
from textfix.pipeline import Pipeline


def require_datatrove() -> Any:
    """datatrove's ``BaseFormatter``, or an error saying which extra to install."""
    try:
        from datatrove.pipeline.formatters.base import BaseFormatter
    except ImportError:
        raise TextfixError(
            "the datatrove adapter needs datatrove: pip install 'textfix[datatrove]'"
        ) from None
    return BaseFormatter


def clean_datatrove_document(pipeline: Pipeline, doc: Any) -> str:
    """Clean one datatrove document in place; the stat to count (changed/unchanged/errored).

    >>> from types import SimpleNamespace
    >>> doc = SimpleNamespace(text="date 2022-02-12 Talks\\n\\nCafÃ© body.", id="d", metadata={})
    >>> clean_datatrove_document(Pipeline.from_preset("news"), doc), doc.text, doc.metadata
    ('changed', 'Café body.', {'date': '2022-02-12', 'title': 'Talks'})
    """
    try:
        cleaned = pipeline(Document(doc.text, doc.id, {}))
    except Exception as error:  # one document's failure must not end the task
        doc.metadata["textfix_error"] = f"{type(error).__name__}: {error}"
        return "errored"
    changed = cleaned.text != doc.text or bool(cleaned.metadata)
    doc.text = cleaned.text
    doc.metadata.update(cleaned.metadata)
    return "changed" if changed else "unchanged"


def textfix_formatter(preset_or_pipeline: str | Pipeline = "default", **options: Any) -> Any:
    """A datatrove formatter step running ``Pipeline.from_preset(preset, **options)``."""
    base = require_datatrove()
    pipeline = (
        preset_or_pipeline
        if isinstance(preset_or_pipeline, Pipeline)
        else Pipeline.from_preset(preset_or_pipeline, **options)
    )

    class TextfixFormatter(base):  # type: ignore[misc, valid-type]
        """Clean documents with textfix and put extracted metadata on them."""

        name = "textfix"

        def __init__(self) -> None:
            super().__init__()
            self.pipeline = pipeline

        def format(self, text: str) -> str:
            return self.pipeline(text).text

        def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
            for doc in data:
                self.stat_update("total")
                with self.track_time():
                    self.stat_update(clean_datatrove_document(self.pipeline, doc))
                yield doc

    return TextfixFormatter()
