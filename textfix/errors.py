"""textfix's exceptions: a small hierarchy that subclasses the builtins callers already catch.

Normalisers never raise on a ``str``; these errors come from building pipelines, reading
configuration and reading input.
"""

from __future__ import annotations


class TextfixError(Exception):
    """Base class of every error textfix raises on purpose."""


class ConfigError(TextfixError, ValueError):
    """A configuration, preset, option or step order that cannot be used."""


class UnknownStepError(ConfigError, KeyError):
    """A step name that is not in the registry.

    >>> str(UnknownStepError("fix_mojibak", ["fix_mojibake", "repair_quotes"]))
    "unknown step 'fix_mojibak'; valid steps: fix_mojibake, repair_quotes"
    """

    def __init__(self, name: str, valid: list[str] | tuple[str, ...]) -> None:
        self.name = name
        self.valid = tuple(valid)
        super().__init__(f"unknown step {name!r}; valid steps: {', '.join(self.valid)}")

    def __str__(self) -> str:  # KeyError would otherwise show the message in quotes
        return str(self.args[0])


class InputError(TextfixError, ValueError):
    """Input that cannot be read: a missing file, an unknown format, a bad record."""
