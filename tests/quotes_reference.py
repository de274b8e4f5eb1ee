"""Test oracles for quote repair: ``repair_quotes`` and ``explain_quotes`` without fast paths.

Every paragraph gets the full analysis, which reads every mark (``quote_lexicon.TOKEN_RE``)
with the general rule, long runs of marks included (no ``quote_runs`` shortening); the
equivalence tests in ``test_fast_paths`` compare the package's functions with these.
"""

from __future__ import annotations

from textfix.normalisers.quotes import QuoteStyle, _repair


def repair_quotes_reference(text: str, *, quote_style: QuoteStyle = "keep") -> str:
    """``repair_quotes`` without its pre-check and shortcuts.

    >>> repair_quotes_reference("don‘t")
    'don’t'
    """
    return _repair(text, quote_style, None, precheck=False)


def explain_quotes_reference(
    text: str, *, quote_style: QuoteStyle = "keep"
) -> tuple[str, list[str]]:
    """``explain_quotes`` without its pre-check and shortcuts.

    >>> explain_quotes_reference("“ Go home ”")[1]
    ['padding at 0: inside “…']
    """
    notes: list[str] = []
    result = _repair(text, quote_style, notes, precheck=False)
    return result, notes
