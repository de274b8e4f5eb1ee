"""textfix: turn scraped, damaged text into clean text plus metadata.

>>> import textfix
>>> textfix.clean("The embassy is’set to close in DAYS’ — CafÃ© owners   worry.")
'The embassy is ‘set to close in DAYS’ — Café owners worry.'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from textfix.config import PRESETS, Config, freeze_options
from textfix.document import Document
from textfix.errors import ConfigError, InputError, TextfixError, UnknownStepError
from textfix.pipeline import Explanation, Pipeline, StepChange

__version__ = "0.1.0"

__all__ = [
    "PRESETS",
    "Config",
    "ConfigError",
    "Document",
    "Explanation",
    "InputError",
    "Pipeline",
    "StepChange",
    "TextfixError",
    "UnknownStepError",
    "__version__",
    "clean",
]


@lru_cache(maxsize=64)
def _cached_pipeline(preset: str, options: tuple[tuple[str, Any], ...]) -> Pipeline:
    return Pipeline.from_preset(preset, **dict(options))


def clean(text: str, preset: str = "default", **options: Any) -> str:
    """Clean ``text`` with a preset and return the text (metadata is dropped; use a Pipeline
    to keep it).

    >>> clean("CafÃ©\\u00a0au   lait")
    'Café au lait'
    >>> clean("The talks in Geneva failed after six hours.\\n\\nAdvertisement", preset="news")
    'The talks in Geneva failed after six hours.'
    """
    return _cached_pipeline(preset, freeze_options(options))(text).text
