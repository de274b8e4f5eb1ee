"""Boilerplate lines: footers, ad slots and prompts a scraper kept with the article.

Rules live in ``textfix/data/boilerplate.toml``; each is matched against a whole normalised
line, so prose that quotes a phrase ("There will be more to come," the minister warned) stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from textfix._toml import load_toml_bytes


@dataclass(frozen=True)
class BoilerplateRule:
    """One boilerplate rule: a whole-line pattern with an id, a language and a comment."""

    id: str
    pattern: re.Pattern[str]
    lang: str
    comment: str


_TRAILING_PUNCTUATION = " .…:!"
_SPACE_RUN_RE = re.compile(r"\s+")
# Lines longer than this are prose, not boilerplate: no rule is tried on them.
MAX_BOILERPLATE_LINE = 200


def normalise_line(line: str) -> str:
    """Fold a line for rule matching: lower case, single spaces, no trailing punctuation.

    >>> normalise_line("  There will be MORE to come…  ")
    'there will be more to come'
    """
    return _SPACE_RUN_RE.sub(" ", line).strip().rstrip(_TRAILING_PUNCTUATION).lower()


@lru_cache(maxsize=1)
def curated_rules() -> tuple[BoilerplateRule, ...]:
    """The rules shipped in ``textfix/data/boilerplate.toml``."""
    raw = resources.files("textfix.data").joinpath("boilerplate.toml").read_bytes()
    return tuple(
        BoilerplateRule(
            id=entry["id"],
            pattern=re.compile(entry["pattern"]),
            lang=entry["lang"],
            comment=entry["comment"],
        )
        for entry in load_toml_bytes(raw)["rule"]
    )


def match_rule(line: str, rules: tuple[BoilerplateRule, ...]) -> BoilerplateRule | None:
    """The first rule matching the whole of ``line``, or None."""
    if not line or len(line) > MAX_BOILERPLATE_LINE:
        return None
    folded = normalise_line(line)
    for rule in rules:
        if rule.pattern.fullmatch(folded):
            return rule
    return None


def remove_boilerplate(text: str, *, max_removed_share: float = 0.3) -> str:
    """Remove lines that are boilerplate as a whole.

    If the lines to remove hold more than ``max_removed_share`` of the document's words, the
    document is returned unchanged: a rule that would eat that much is more likely wrong.

    >>> remove_boilerplate("The talks in Geneva failed after six long hours.\\n\\nMore to come…")
    'The talks in Geneva failed after six long hours.'
    >>> remove_boilerplate('"There will be more to come," the minister warned.')
    '"There will be more to come," the minister warned.'
    """
    rules = curated_rules()
    lines = text.split("\n")
    kept = [line for line in lines if match_rule(line, rules) is None]
    if len(kept) == len(lines):
        return text
    removed_words = sum(len(line.split()) for line in lines) - sum(len(k.split()) for k in kept)
    if removed_words > max_removed_share * max(1, len(text.split())):
        return text
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
