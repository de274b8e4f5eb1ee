"""Shared inputs for the reliability battery: text with every character, and the steps to test.

Not a test module: test_reliability.py, test_linear_time.py and the fuzz target use it.
"""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import strategies as st

from textfix.registry import STEPS, StepSpec

# Characters that steps treat specially, so generated text hits their branches often: lone
# surrogates, NUL and C0/C1 controls, every line break str.splitlines knows, no-break and
# zero-width spaces, the soft hyphen, the BOM, quotes of every family, the lead characters of
# UTF-8 mojibake, a combining accent, and the triggers for HTML and terminal escapes.
INTERESTING_CHARS = (
    "\ud800\udfff\udc80\x00\x01\x1b\x7f\x80\x81\x85\x8d\x9d\x9f"
    "\n\r\x0b\x0c\x1c\x1e\u2028\u2029\t  \xa0\u202f\u2007\u3000\u200b\u200d\u2060\xad\ufeff"
    "'\"‘’‚‛“”„‟`´«»′″ʻ"
    "ÃÂâ€™œžŸ√©Ä\u0301\ufffd&;<>#"
)
# Fragments that steps look for as units.
INTERESTING_CHUNKS = (
    "â€",
    "â€™",
    "Ã©",
    "Ã\xa0",
    "Ã ",
    "&amp;",
    "&#x27;",
    "&shy;",
    "&#xad;",
    "&#x200b;",
    "&#xfeff;",
    "\r\n",
    "\n\n\n",
    " date 2022-02-12 ",
    "Date: ",
    "By ",
    "Advertisement",
    "There will be more to come…",
    "is’set",
    "“ ",
    " ”",
    "\x1b[31m",
)

#: Any Python ``str``: every code point including lone surrogates, NUL and controls, with the
#: characters and fragments above drawn often.
any_char = st.one_of(
    st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()),
    st.sampled_from(INTERESTING_CHARS),
)
any_text = st.one_of(
    st.text(any_char),
    st.lists(st.one_of(st.text(any_char, max_size=8), st.sampled_from(INTERESTING_CHUNKS))).map(
        "".join
    ),
)


def step_variants() -> list[tuple[str, dict[str, Any]]]:
    """Every registered step with its default options, and once per choice of each
    enumerated option (``quote_style``: keep, straight, curly)."""
    variants: list[tuple[str, dict[str, Any]]] = []
    for name, spec in STEPS.items():
        variants.append((name, {}))
        for option in spec.options:
            for choice in option.choices or ():
                if choice != option.default:
                    variants.append((name, {option.name: choice}))
    return variants


def variant_id(variant: tuple[str, dict[str, Any]]) -> str:
    """A pytest id: ``repair_quotes`` or ``repair_quotes-quote_style=curly``."""
    name, options = variant
    return "-".join(itertools.chain([name], (f"{k}={v}" for k, v in options.items())))


def run_step(spec: StepSpec, text: str, **options: Any) -> str:
    """The text a step returns (an extractor's text, without its metadata); asserts a str."""
    result: Any = spec.func(text, **options)
    if spec.kind == "extractor":
        assert isinstance(result, tuple) and len(result) == 2, f"{spec.name} returned {result!r}"
        assert isinstance(result[1], dict), f"{spec.name} returned metadata {result[1]!r}"
        result = result[0]
    assert isinstance(result, str), f"{spec.name} returned {type(result).__name__}"
    return result


def has_lone_surrogate(text: str) -> bool:
    """True when ``text`` holds a code point in U+D800..U+DFFF (Python str can)."""
    return any("\ud800" <= char <= "\udfff" for char in text)
