"""TOML reading on every supported Python (tomllib from 3.11, tomli before)."""

from __future__ import annotations

import sys
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]


def load_toml_bytes(data: bytes) -> dict[str, Any]:
    """Parse TOML from bytes.

    >>> load_toml_bytes(b'preset = "news"')
    {'preset': 'news'}
    """
    parsed: dict[str, Any] = tomllib.loads(data.decode("utf-8"))
    return parsed
