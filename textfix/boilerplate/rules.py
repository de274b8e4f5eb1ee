"""Boilerplate rules: loading, validating and compiling the whole-line patterns.

A rule file is TOML with ``[[rule]]`` tables::

    [[rule]]
    id = "en.advertisement"   # unique; what explanations and --skip-rule name
    lang = "en"
    pattern = "advertisement|advert"
    where = "anywhere"        # anywhere | edge | heading (see below)
    comment = "ad slot left behind by the HTML extractor"

``pattern`` is a regular expression matched against the *whole* line after ``fold_line``
(lower case, single spaces, curly quotes straightened, bullets and trailing punctuation
removed). ``where`` says where a match counts: ``anywhere``; ``edge`` only before the first or
after the last line of prose, or beside other boilerplate (ambiguous one-word lines such as
"Share" or "Reuters"); ``heading`` anywhere, and the headline list under it goes too.

All rules of a set are matched at once over a whole document by an RE2 set
(``textfix.boilerplate.engine``); only the lines it finds are folded and checked with Python's
``re``, rule by rule in order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from textfix._toml import load_toml_bytes
from textfix.boilerplate.engine import EDGE_JUNK, FOLDED_QUOTES, TRAILING_JUNK, LineEngine
from textfix.errors import ConfigError

Where = Literal["anywhere", "edge", "heading"]
WHERE_VALUES: tuple[Where, ...] = ("anywhere", "edge", "heading")
#: Lines longer than this (after folding) are never boilerplate: no rule is tried on them.
MAX_RULE_LINE = 300

# A backreference by number would point at the wrong group once rules are combined.
_NUMBERED_BACKREF_RE = re.compile(r"\\[1-9]")
# Global flags such as "(?i)" are only allowed at the start of a whole expression.
_GLOBAL_FLAGS_RE = re.compile(r"\(\?[aiLmsux]+\)")


def fold_line(line: str) -> str:
    """Fold a line for rule matching: lower case, single spaces, no edge punctuation.

    >>> fold_line("  There will be MORE to come…  ")
    'there will be more to come'
    >>> fold_line("• Read more »")
    'read more'
    >>> fold_line("Editor’s picks:")
    "editor's picks"
    >>> fold_line("* * *")
    '* * *'
    """
    collapsed = " ".join(line.split())
    # A line made only of junk ("* * *", "———") is kept as it is, for the separator rule.
    folded = collapsed.strip(EDGE_JUNK).rstrip(TRAILING_JUNK) or collapsed
    if not folded.isascii():  # (an O(1) flag check) curly quotes are never ASCII
        for curly, straight in FOLDED_QUOTES:
            if curly in folded:
                folded = folded.replace(curly, straight)
    return folded.lower()


@dataclass(frozen=True)
class BoilerplateRule:
    """One boilerplate rule: a whole-line pattern with an id, a language and a comment."""

    id: str
    pattern: str
    lang: str = "und"
    where: Where = "anywhere"
    comment: str = ""


def parse_rules(
    raw: bytes, source: str = "<rules>", *, check_patterns: bool = True
) -> tuple[BoilerplateRule, ...]:
    """Rules from the bytes of a TOML rule file; ConfigError names what is wrong.

    ``check_patterns=False`` skips compiling each pattern to check it (the curated rules, which
    the tests check, so a process does not pay for compiling rules it never tries).

    >>> parse_rules(b'[[rule]]\\nid = "x.ad"\\npattern = "ad"')[0].where
    'anywhere'
    >>> parse_rules(b'[[rule]]\\nid = "x.bad"\\npattern = "(ad"', "my.toml")
    Traceback (most recent call last):
    ...
    textfix.errors.ConfigError: my.toml: rule 'x.bad': bad pattern: missing ), ...
    """
    try:
        data = load_toml_bytes(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise ConfigError(f"{source}: not a valid TOML rule file: {error}") from None
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{source}: 'rule' must be an array of tables ([[rule]])")
    return tuple(_parse_rule(entry, source, check_patterns) for entry in entries)


def _parse_rule(entry: Any, source: str, check_pattern: bool) -> BoilerplateRule:
    if not isinstance(entry, dict):
        raise ConfigError(f"{source}: each [[rule]] must be a table")
    rule_id, pattern = entry.get("id"), entry.get("pattern")
    if not isinstance(rule_id, str) or not rule_id:
        raise ConfigError(f"{source}: a rule has no 'id' (a non-empty string)")
    if not isinstance(pattern, str) or not pattern:
        raise ConfigError(f"{source}: rule {rule_id!r} has no 'pattern' (a non-empty string)")
    where = entry.get("where", "anywhere")
    if where not in WHERE_VALUES:
        raise ConfigError(
            f"{source}: rule {rule_id!r}: where={where!r} is not one of {', '.join(WHERE_VALUES)}"
        )
    if check_pattern:
        try:
            named_groups = bool(re.compile(pattern).groupindex)
        except re.error as error:
            raise ConfigError(f"{source}: rule {rule_id!r}: bad pattern: {error}") from None
    else:
        named_groups = "(?P<" in pattern
    if named_groups or _NUMBERED_BACKREF_RE.search(pattern) or _GLOBAL_FLAGS_RE.search(pattern):
        raise ConfigError(
            f"{source}: rule {rule_id!r}: patterns may not use named groups, "
            "backreferences or global inline flags (lines are already lower-cased)"
        )
    return BoilerplateRule(
        rule_id,
        pattern,
        str(entry.get("lang", "und")),
        where,
        str(entry.get("comment", "")),
    )


@dataclass(frozen=True)
class RuleSet:
    """Rules compiled for matching: each rule's pattern, and the engine that finds the lines
    of a document some rule could match (``textfix.boilerplate.engine``)."""

    rules: tuple[BoilerplateRule, ...]
    engine: LineEngine = field(compare=False)
    #: Folded lines longer than this are never boilerplate: no rule is tried on them.
    max_length: int = MAX_RULE_LINE
    # Each rule's compiled pattern, compiled the first time the rule is tried on a line.
    _patterns: dict[int, re.Pattern[str]] = field(default_factory=dict, compare=False)

    def match(self, folded: str, indexes: Sequence[int] | None = None) -> BoilerplateRule | None:
        """The first rule (of those at ``indexes``, default all) matching the whole folded line.

        >>> ruleset = compile_rules([BoilerplateRule("x.ad", "advert(?:isement)?")])
        >>> ruleset.match("advertisement").id, ruleset.match("an advertisement")
        ('x.ad', None)
        """
        if not folded or len(folded) > self.max_length:
            return None
        patterns = self._patterns
        for index in range(len(self.rules)) if indexes is None else indexes:
            pattern = patterns.get(index)
            if pattern is None:
                pattern = patterns[index] = re.compile(self.rules[index].pattern)
            if pattern.fullmatch(folded) is not None:
                return self.rules[index]
        return None

    def match_lines(self, text: str) -> list[tuple[int, BoilerplateRule]]:
        """The lines of ``text`` (numbered from 0) matching a rule once folded, with the rule.

        Lines longer than ``max_length`` + 40 characters are never folded or matched.

        >>> ruleset = compile_rules([BoilerplateRule("x.ad", "advert(?:isement)?")])
        >>> text = "Talks.\\n\\n• Advertisement\\nAn advert ran."
        >>> [(number, rule.id) for number, rule in ruleset.match_lines(text)]
        [(2, 'x.ad')]
        """
        return self.match_split(text)[0]

    def match_split(self, text: str) -> tuple[list[tuple[int, BoilerplateRule]], list[str]]:
        """``match_lines`` and the lines of ``text``, so a caller need not split it again."""
        longest = self.max_length + 40
        found = []
        lines = text.split("\n")
        for number, indexes in self.engine.candidates(text, longest, lines):
            line = lines[number]
            if len(line) <= longest and (rule := self.match(fold_line(line), indexes)):
                found.append((number, rule))
        return found, lines


def compile_rules(rules: Sequence[BoilerplateRule]) -> RuleSet:
    """Compile ``rules`` into a RuleSet; a rule earlier in the list wins a tie."""
    return RuleSet(tuple(rules), LineEngine([rule.pattern for rule in rules]))


def curated_rule_files() -> tuple[str, ...]:
    """The names of the rule files shipped in ``textfix/data`` (``boilerplate*.toml``)."""
    data = resources.files("textfix.data")
    return tuple(
        sorted(
            entry.name
            for entry in data.iterdir()
            if entry.name.startswith("boilerplate") and entry.name.endswith(".toml")
        )
    )


@lru_cache(maxsize=1)
def curated_rules() -> tuple[BoilerplateRule, ...]:
    """The rules shipped with textfix, file by file in name order."""
    data = resources.files("textfix.data")
    return tuple(
        rule
        for name in curated_rule_files()
        for rule in parse_rules(
            data.joinpath(name).read_bytes(), f"textfix/data/{name}", check_patterns=False
        )
    )


def read_rule_file(path: str) -> tuple[BoilerplateRule, ...]:
    """The rules in the TOML file at ``path``; ConfigError if it is missing or invalid."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ConfigError(f"cannot read boilerplate rules {path!r}: {error.strerror}") from None
    return parse_rules(raw, path)


@lru_cache(maxsize=32)
def load_ruleset(paths: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> RuleSet:
    """The curated rules plus the rules in ``paths``, less the rule ids in ``skip``, compiled.

    >>> load_ruleset(skip=("en.no-such-rule",))
    Traceback (most recent call last):
    ...
    textfix.errors.ConfigError: unknown boilerplate rule id 'en.no-such-rule' in skip_rules; ...
    """
    rules = curated_rules() + tuple(rule for path in paths for rule in read_rule_file(path))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise ConfigError(f"boilerplate rule id {rule.id!r} is defined twice; ids are unique")
        seen.add(rule.id)
    for rule_id in skip:
        if rule_id not in seen:
            raise ConfigError(
                f"unknown boilerplate rule id {rule_id!r} in skip_rules; "
                "see the ids in textfix/data/boilerplate*.toml and your --rules files"
            )
    skipped = set(skip)
    return compile_rules([rule for rule in rules if rule.id not in skipped])


def as_paths(value: Any, option: str = "rules") -> tuple[str, ...]:
    """An option value as a tuple of strings: one str (or path) is one item, not characters.

    >>> as_paths("learned.toml"), as_paths(["a.toml", Path("b.toml")])
    (('learned.toml',), ('a.toml', 'b.toml'))
    >>> as_paths(3)
    Traceback (most recent call last):
    ...
    textfix.errors.ConfigError: option rules must be a string or a list of strings, not int
    """
    if isinstance(value, (str, Path)):
        return (str(value),)
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, Path)) for v in value):
        return tuple(str(v) for v in value)
    raise ConfigError(
        f"option {option} must be a string or a list of strings, not {type(value).__name__}"
    )


def coerce_rule_ids(value: Any) -> tuple[str, ...]:
    """The ``rules``/``skip_rules`` option as a tuple of strings (see ``as_paths``)."""
    return as_paths(value)


def coerce_max_share(value: Any) -> float:
    """The ``max_removed_share`` option as a float between 0 and 1.

    >>> coerce_max_share(1)
    1.0
    >>> coerce_max_share("half")
    Traceback (most recent call last):
    ...
    textfix.errors.ConfigError: option max_removed_share must be a number from 0 to 1, not 'half'
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ConfigError(f"option max_removed_share must be a number from 0 to 1, not {value!r}")
    return float(value)


def check_boilerplate_options(
    rules: Any = (), skip_rules: Any = (), max_removed_share: float = 0.3
) -> None:
    """Load and compile the rules a pipeline will use, so bad files fail when it is built."""
    load_ruleset(as_paths(rules), as_paths(skip_rules, "skip_rules"))
