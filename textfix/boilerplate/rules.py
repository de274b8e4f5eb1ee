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

Every rule of a set is compiled into one alternation per possible first character, so a line
costs one dictionary lookup and at most one regex match, and lines longer than the longest
line any rule can match are never matched at all.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from textfix._toml import load_toml_bytes
from textfix.boilerplate.index import LineIndex
from textfix.boilerplate.prefix import rule_prefixes
from textfix.boilerplate.scan import LineScan
from textfix.errors import ConfigError

Where = Literal["anywhere", "edge", "heading"]
WHERE_VALUES: tuple[Where, ...] = ("anywhere", "edge", "heading")
#: Lines longer than this (after folding) are never boilerplate: no rule is tried on them.
MAX_RULE_LINE = 300

# Folding straightens the quote family so one pattern serves "Editor's" and "Editor’s".
# (str.replace per quote is several times faster than str.translate with a table.)
_FOLDED_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("«", '"'), ("»", '"'))
# Bullets, arrows and pipes that scrapers leave in front of or behind link text.
_EDGE_JUNK = " \t•·▶►▸›‹»«→|*-–—>"
_TRAILING_JUNK = _EDGE_JUNK + ".…:!;,\"'"
# A backreference by number would point at the wrong group once rules are combined.
_NUMBERED_BACKREF_RE = re.compile(r"\\[1-9]")
# Global flags such as "(?i)" are only allowed at the start of a whole expression.
_GLOBAL_FLAGS_RE = re.compile(r"\(\?[aiLmsux]+\)")
_parser: Any = importlib.import_module("re._parser" if hasattr(re, "_parser") else "sre_parse")


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
    folded = collapsed.strip(_EDGE_JUNK).rstrip(_TRAILING_JUNK) or collapsed
    if not folded.isascii():  # (an O(1) flag check) curly quotes are never ASCII
        for curly, straight in _FOLDED_QUOTES:
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


def parse_rules(raw: bytes, source: str = "<rules>") -> tuple[BoilerplateRule, ...]:
    """Rules from the bytes of a TOML rule file; ConfigError names what is wrong.

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
    return tuple(_parse_rule(entry, source) for entry in entries)


def _parse_rule(entry: Any, source: str) -> BoilerplateRule:
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
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        raise ConfigError(f"{source}: rule {rule_id!r}: bad pattern: {error}") from None
    if (
        compiled.groupindex
        or _NUMBERED_BACKREF_RE.search(pattern)
        or _GLOBAL_FLAGS_RE.search(pattern)
    ):
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


def _first_chars(parsed: Any) -> set[str] | None:
    """The characters a non-empty match can start with, or None when any character can."""
    chars: set[str] = set()
    for op, av in parsed:
        found, nullable = _first_of_item(str(op), av)
        if found is None:
            return None
        chars |= found
        if not nullable:
            return chars
    return chars


def _first_of_item(op: str, av: Any) -> tuple[set[str] | None, bool]:
    if op == "LITERAL":
        return {chr(av)}, False
    if op == "IN":
        chars: set[str] = set()
        for item_op, item_av in av:
            if str(item_op) == "LITERAL":
                chars.add(chr(item_av))
            elif str(item_op) == "RANGE" and item_av[1] - item_av[0] < 64:
                chars.update(chr(c) for c in range(item_av[0], item_av[1] + 1))
            elif str(item_op) == "CATEGORY" and str(item_av) == "CATEGORY_DIGIT":
                # \d: ASCII digits only; a line opening with another script's digit is not
                # tried against \d rules (a missed removal, never a wrong one).
                chars.update("0123456789")
            else:
                return None, False
        return chars, False
    if op == "SUBPATTERN":
        return _first_of_sequence(av[-1])
    if op == "ATOMIC_GROUP":
        return _first_of_sequence(av)
    if op == "BRANCH":
        union: set[str] = set()
        nullable = False
        for branch in av[1]:
            found, branch_nullable = _first_of_sequence(branch)
            if found is None:
                return None, False
            union |= found
            nullable = nullable or branch_nullable
        return union, nullable
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        found, nullable = _first_of_sequence(av[2])
        return found, nullable or av[0] == 0
    if op == "AT":
        return set(), True
    return None, False


def _first_of_sequence(parsed: Any) -> tuple[set[str] | None, bool]:
    chars: set[str] = set()
    for op, av in parsed:
        found, nullable = _first_of_item(str(op), av)
        if found is None:
            return None, False
        chars |= found
        if not nullable:
            return chars, False
    return chars, True


@dataclass(frozen=True)
class RuleSet:
    """Rules compiled for matching: one alternation per first character, plus a length cap.

    The alternation for a first character is compiled the first time a line starting with it
    is matched, so a process pays only for the characters its documents use.
    """

    rules: tuple[BoilerplateRule, ...]
    by_first_char: dict[str, tuple[int, ...]]
    any_first_char: tuple[int, ...]
    max_length: int
    #: Per rule, the prefixes of its matches (``boilerplate_prefix``), or None when unknown.
    prefixes: tuple[frozenset[str] | None, ...] = ()
    _compiled: dict[str, re.Pattern[str] | None] = field(default_factory=dict, compare=False)
    # Characters whose rules are the same share one compiled pattern (73 first characters of
    # the curated rules need 52 patterns), which makes a worker's first documents cheaper.
    _by_indexes: dict[tuple[int, ...], re.Pattern[str]] = field(default_factory=dict, compare=False)
    #: The rules' branches filed by prefix, first character and factors (``boilerplate_index``).
    _index: LineIndex | None = field(default=None, compare=False)
    #: The scan for the lines a rule could match (``boilerplate_scan``), built on first use.
    _scan: LineScan | None = field(default=None, compare=False)

    def pattern_for(self, char: str) -> re.Pattern[str] | None:
        """The combined pattern of every rule a line starting with ``char`` can match."""
        if char in self._compiled:
            return self._compiled[char]
        pattern = self._combined(self._first_char_rules(char))
        self._compiled[char] = pattern
        return pattern

    def _first_char_rules(self, char: str) -> list[int]:
        return sorted({*self.by_first_char.get(char, ()), *self.any_first_char})

    def _combined(self, indexes: Sequence[int]) -> re.Pattern[str] | None:
        """One alternation of the rules at ``indexes`` (in order), shared by equal index lists."""
        if not indexes:
            return None
        key = tuple(indexes)
        pattern = self._by_indexes.get(key)
        if pattern is None:
            pattern = re.compile("|".join(f"(?P<r{i}>{self.rules[i].pattern})" for i in key))
            self._by_indexes[key] = pattern
        return pattern

    def admits(self, rule: int, char: str) -> bool:
        """Whether ``match_reference`` tries rule number ``rule`` on lines starting ``char``."""
        return rule in self.any_first_char or rule in self.by_first_char.get(char, ())

    def candidate_lines(self, text: str) -> list[int] | None:
        """The numbers (from 0) of the lines of ``text`` a rule could match; None: any line.

        Every line that ``match`` (after ``fold_line``) gives a rule for is among them.

        >>> ruleset = compile_rules([BoilerplateRule("x.ad", "advert(?:isement)?")])
        >>> ruleset.candidate_lines("Talks failed.\\n\\n• Advertisement\\nAn advert ran.")
        [2]
        """
        scan = self._scan
        if scan is None:  # built here, not with the rules: a process pays for it when it scans
            scan = LineScan([rule.pattern for rule in self.rules], _EDGE_JUNK, _TRAILING_JUNK)
            object.__setattr__(self, "_scan", scan)
        return scan.candidates(text)

    def match(self, folded: str) -> BoilerplateRule | None:
        """The first rule whose pattern matches the whole folded line, or None.

        >>> ruleset = compile_rules([BoilerplateRule("x.ad", "advert(?:isement)?")])
        >>> ruleset.match("advertisement").id, ruleset.match("an advertisement")
        ('x.ad', None)
        """
        if not folded or len(folded) > self.max_length:
            return None
        if self._index is None:
            return self.match_reference(folded)
        # Only branches that can match the line are tried (see ``boilerplate_index``).
        index = self._index.match(folded)
        return self.rules[index] if index >= 0 else None

    def match_reference(self, folded: str) -> BoilerplateRule | None:
        """``match`` without the prefix index: every rule of the first character is tried.

        >>> ruleset = compile_rules([BoilerplateRule("x.ad", "advert(?:isement)?")])
        >>> ruleset.match_reference("advertisement").id
        'x.ad'
        """
        if not folded or len(folded) > self.max_length:
            return None
        pattern = self.pattern_for(folded[0])
        if pattern is None:
            return None
        found = pattern.fullmatch(folded)
        if found is None or found.lastgroup is None:
            return None
        return self.rules[int(found.lastgroup[1:])]


def compile_rules(rules: Sequence[BoilerplateRule]) -> RuleSet:
    """Compile ``rules`` into a RuleSet; a rule earlier in the list wins a tie."""
    buckets: dict[str, list[int]] = {}
    anywhere: list[int] = []
    max_length = 0
    for index, rule in enumerate(rules):
        parsed = _parser.parse(rule.pattern)
        max_length = max(max_length, min(parsed.getwidth()[1], MAX_RULE_LINE))
        chars = _first_chars(parsed)
        if chars is None:
            anywhere.append(index)
        else:
            for char in chars:
                buckets.setdefault(char, []).append(index)

    ruleset = RuleSet(
        tuple(rules),
        {char: tuple(found) for char, found in buckets.items()},
        tuple(anywhere),
        max_length,
        tuple(rule_prefixes(rule.pattern) for rule in rules),
    )
    object.__setattr__(
        ruleset, "_index", LineIndex([rule.pattern for rule in rules], ruleset.admits)
    )
    # Compile the catch-all alternation now, so a pattern that cannot be combined fails here.
    ruleset.pattern_for("")
    return ruleset


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
        for rule in parse_rules(data.joinpath(name).read_bytes(), f"textfix/data/{name}")
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
    try:
        return compile_rules([rule for rule in rules if rule.id not in skipped])
    except re.error as error:  # a pattern that compiles alone but not combined
        raise ConfigError(f"boilerplate rules cannot be combined: {error}") from None


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
