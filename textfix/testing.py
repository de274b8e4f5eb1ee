"""Ready-made property checks for text functions, and the ``dirty_text`` pytest fixture.

``assert_idempotent(fn, text)`` and ``assert_conservative(fn, text)`` check the two promises
every textfix step keeps, on your own functions; their failure messages show where the outputs
first differ. The pytest plugin (registered through the ``pytest11`` entry point) adds one
fixture, ``dirty_text``: a ``DirtyArticle`` with the dirty text, the clean original and the
metadata, the same for every run of a test. Parametrise it indirectly for more::

    @pytest.mark.parametrize("dirty_text", range(20), indirect=True)
    def test_my_cleaner(dirty_text):
        assert my_cleaner(dirty_text.dirty) == dirty_text.clean

The plugin needs neither Hypothesis nor anything else beyond textfix: importing this module
only defines functions, so it is harmless in any test session.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textfix.strategies.article import DirtyArticle

__all__ = ["assert_conservative", "assert_idempotent", "dirty_text"]


def _first_difference(expected: str, actual: str) -> str:
    index = next(
        (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
        min(len(expected), len(actual)),
    )
    start = max(0, index - 20)
    return (
        f"first difference at index {index}: "
        f"{expected[start : index + 20]!r} became {actual[start : index + 20]!r}"
    )


def _name(fn: Callable[..., Any]) -> str:
    return getattr(fn, "__name__", repr(fn))


def _as_text(result: Any, fn: Callable[..., Any]) -> str:
    # Extractors return (text, metadata); the text is what must settle.
    if isinstance(result, tuple) and result and isinstance(result[0], str):
        result = result[0]
    if not isinstance(result, str):
        raise AssertionError(f"{_name(fn)} returned {type(result).__name__}, not str")
    return result


def assert_idempotent(fn: Callable[[str], Any], text: str) -> str:
    """Assert ``fn(fn(text)) == fn(text)``; return ``fn(text)``.

    >>> assert_idempotent(str.strip, "  padded  ")
    'padded'
    >>> assert_idempotent(lambda s: s + "!", "hi")
    Traceback (most recent call last):
    ...
    AssertionError: <lambda> is not idempotent on 'hi': first difference at index 3: ...
    """
    once = _as_text(fn(text), fn)
    twice = _as_text(fn(once), fn)
    if twice != once:
        raise AssertionError(
            f"{_name(fn)} is not idempotent on {text!r}: {_first_difference(once, twice)}"
        )
    return once


def assert_conservative(fn: Callable[[str], Any], text: str) -> None:
    """Assert ``fn(text) == text``: text with nothing to fix comes back unchanged.

    >>> assert_conservative(str.strip, "already clean")
    >>> assert_conservative(str.upper, "Café")
    Traceback (most recent call last):
    ...
    AssertionError: upper changed correct text 'Café': first difference at index 1: ...
    """
    result = _as_text(fn(text), fn)
    if result != text:
        raise AssertionError(
            f"{_name(fn)} changed correct text {text!r}: {_first_difference(text, result)}"
        )


def _dirty_text(request: Any) -> DirtyArticle:
    from textfix.strategies.article import make_dirty_article

    # A seed from the test's id: the same article on every run, a different one per test.
    seed = getattr(request, "param", None)
    if seed is None:
        seed = zlib.crc32(request.node.nodeid.encode("utf-8"))
    return make_dirty_article(seed)


try:
    import pytest
except ImportError:  # plain library use without pytest: the assertions still work
    pass
else:
    dirty_text = pytest.fixture(name="dirty_text")(_dirty_text)
