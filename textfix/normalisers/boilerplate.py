"""Boilerplate lines: footers, ad slots and prompts a scraper kept with the article.

Rules live in ``textfix/data/boilerplate.toml``; each is matched against a whole normalised
line, so prose that quotes a phrase ("There will be more to come," the minister warned) stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from textfix._toml import load_toml_bytes


@dataclass(frozen=True)
class BoilerplateRule:
    """One boilerplate rule: a whole-line pattern with an id, a language and a comment."""

    id: str
    pattern: re.Pattern[str]
    lang: str
    comment: str


@dataclass(frozen=True)
class Removal:
    """A line removed as boilerplate: its 1-based number in the input, its text, the rule."""

    line_number: int
    line: str
    rule_id: str


_TRAILING_PUNCTUATION = " .…:!"
_SPACE_RUN_RE = re.compile(r"\s+")
_BLANK_RUN_RE = re.compile(r"\n{3,}")
# Lines longer than this are prose, not boilerplate: no rule is tried on them.
MAX_BOILERPLATE_LINE = 200


def normalise_line(line: str) -> str:
    """Fold a line for rule matching: lower case, single spaces, no trailing punctuation.

    >>> normalise_line("  There will be MORE to come…  ")
    'there will be more to come'
    """
    return _SPACE_RUN_RE.sub(" ", line).strip().rstrip(_TRAILING_PUNCTUATION).lower()


def parse_rules(raw: bytes) -> tuple[BoilerplateRule, ...]:
    """Rules from the bytes of a TOML rule file (``[[rule]]`` tables)."""
    return tuple(
        BoilerplateRule(
            id=entry["id"],
            pattern=re.compile(entry["pattern"]),
            lang=entry.get("lang", "und"),
            comment=entry.get("comment", ""),
        )
        for entry in load_toml_bytes(raw).get("rule", [])
    )


@lru_cache(maxsize=1)
def curated_rules() -> tuple[BoilerplateRule, ...]:
    """The rules shipped in ``textfix/data/boilerplate.toml``."""
    return parse_rules(resources.files("textfix.data").joinpath("boilerplate.toml").read_bytes())


@lru_cache(maxsize=32)
def load_rules(
    paths: tuple[str, ...] = (), skip: tuple[str, ...] = ()
) -> tuple[BoilerplateRule, ...]:
    """The curated rules plus the rules in ``paths``, less the rule ids in ``skip``."""
    rules = curated_rules() + tuple(
        rule for path in paths for rule in parse_rules(Path(path).read_bytes())
    )
    skipped = set(skip)
    return tuple(rule for rule in rules if rule.id not in skipped)


def match_rule(line: str, rules: Iterable[BoilerplateRule]) -> BoilerplateRule | None:
    """The first rule matching the whole of ``line``, or None."""
    if not line or len(line) > MAX_BOILERPLATE_LINE:
        return None
    folded = normalise_line(line)
    for rule in rules:
        if rule.pattern.fullmatch(folded):
            return rule
    return None


def find_boilerplate(
    text: str,
    *,
    rules: tuple[str, ...] = (),
    skip_rules: tuple[str, ...] = (),
    max_removed_share: float = 0.3,
) -> tuple[str, list[Removal], str | None]:
    """The text without boilerplate, the removals, and why nothing was removed (if so).

    When the lines to remove hold more than ``max_removed_share`` of the document's words the
    document is kept whole, the removals are still listed, and the reason says so.
    """
    active = load_rules(tuple(rules), tuple(skip_rules))
    lines = text.split("\n")
    removals = []
    kept = []
    for number, line in enumerate(lines, start=1):
        rule = match_rule(line, active)
        if rule is None:
            kept.append(line)
        else:
            removals.append(Removal(number, line, rule.id))
    if not removals:
        return text, [], None
    removed_words = sum(len(removal.line.split()) for removal in removals)
    total_words = max(1, len(text.split()))
    if removed_words > max_removed_share * total_words:
        reason = (
            f"kept whole: removal would delete {removed_words} of {total_words} words "
            f"(more than max_removed_share={max_removed_share})"
        )
        return text, removals, reason
    return _BLANK_RUN_RE.sub("\n\n", "\n".join(kept)).strip("\n"), removals, None


def remove_boilerplate(
    text: str,
    *,
    rules: tuple[str, ...] = (),
    skip_rules: tuple[str, ...] = (),
    max_removed_share: float = 0.3,
) -> str:
    """Remove lines that are boilerplate as a whole.

    If the lines to remove hold more than ``max_removed_share`` of the document's words, the
    document is returned unchanged: a rule that would eat that much is more likely wrong.

    >>> remove_boilerplate("The talks in Geneva failed after six long hours.\\n\\nMore to come…")
    'The talks in Geneva failed after six long hours.'
    >>> remove_boilerplate('"There will be more to come," the minister warned.')
    '"There will be more to come," the minister warned.'
    """
    return find_boilerplate(
        text, rules=rules, skip_rules=skip_rules, max_removed_share=max_removed_share
    )[0]


def explain_boilerplate(
    text: str,
    *,
    rules: tuple[str, ...] = (),
    skip_rules: tuple[str, ...] = (),
    max_removed_share: float = 0.3,
) -> tuple[str, list[str]]:
    """``remove_boilerplate`` plus a note per removed line naming its rule.

    >>> explain_boilerplate("Talks in Geneva failed after six long hours.\\n\\nAdvertisement")[1]
    ["removed by en.advertisement: 'Advertisement'"]
    """
    cleaned, removals, reason = find_boilerplate(
        text, rules=rules, skip_rules=skip_rules, max_removed_share=max_removed_share
    )
    notes = [f"removed by {r.rule_id}: {r.line!r}" for r in removals]
    if reason is not None:
        notes = [reason, *(note.replace("removed by", "would remove by", 1) for note in notes)]
    return cleaned, notes
