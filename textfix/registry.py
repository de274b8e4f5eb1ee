"""The explicit registry: every step textfix knows, under the one name used everywhere.

A step's function name is its registry key, its config key, its ``--skip``/``--only`` value and
its name in explanations and golden case files. ``STEP_ORDER`` is the order steps run in when a
pipeline is built from names; ``MUST_FOLLOW`` lists the orders a pipeline refuses.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from textfix.errors import UnknownStepError

StepKind = Literal["normaliser", "extractor"]
#: What a step's edits can be: ``"whitespace"`` (only whitespace characters change: spaces, tabs
#: and line breaks are removed, or replaced by a space or ``"\n"``), ``"lines"`` (only whole
#: lines are removed, leaving no blank line at either end and no two in a row), or ``"any"``.
EditKind = Literal["any", "whitespace", "lines"]


class Lazy:
    """A function of a step module, imported the first time it is called or resolved: importing
    textfix loads no step (a pipeline resolves the functions of its own steps when built).

    >>> slugify = Lazy("textfix.registry", "get_step")
    >>> slugify("fix_mojibake").name, slugify.resolve() is get_step
    ('fix_mojibake', True)
    """

    __slots__ = ("_function", "module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name
        self._function: Callable[..., Any] | None = None

    def resolve(self) -> Callable[..., Any]:
        """The function itself (imported on first use)."""
        if self._function is None:
            self._function = getattr(importlib.import_module(self.module), self.name)
        return self._function

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.resolve()(*args, **kwargs)

    def __repr__(self) -> str:
        return f"Lazy({self.module!r}, {self.name!r})"


def resolve(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` itself, importing it if it is a ``Lazy`` reference."""
    return function.resolve() if isinstance(function, Lazy) else function


_BOILERPLATE = "textfix.boilerplate.rules"
_SCREEN = "textfix.screen"
_DATES = "textfix.extract.dates"
#: The quote styles ``repair_quotes`` takes (``textfix.normalisers.quotes.QUOTE_STYLES``).
QUOTE_STYLES = ("keep", "straight", "curly")


@dataclass(frozen=True)
class OptionSpec:
    """A keyword option a step accepts: its default and, when enumerated, its choices."""

    name: str
    default: Any
    choices: tuple[Any, ...] | None = None
    help: str = ""
    # Optional ``value -> value``: normalises a value given in Python, TOML or on the command
    # line (one path str -> a tuple of one path) and raises ConfigError on a bad one.
    coerce: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class StepSpec:
    """A registered step: the function, what kind it is, and the options it takes."""

    name: str
    func: Callable[..., Any]
    kind: StepKind
    summary: str
    options: tuple[OptionSpec, ...] = field(default=())
    # True when later steps can create work for this step again (removing a space next to
    # mojibake, say); the pipeline then checks it once more after a pass and re-runs if needed.
    resettles: bool = False
    # Optional ``(text, **options) -> (new_text, notes)``: the same result as ``func`` plus
    # human-readable notes on what changed (for rule-based steps, with rule ids).
    explain: Callable[..., tuple[str, list[str]]] | None = None
    # Optional ``(**options) -> None`` run when a pipeline is built: raises ConfigError for
    # options that are bad together (a rule file that is missing, an unknown rule id to skip).
    check: Callable[..., None] | None = None
    # The kind of edits the step makes; settling knows which kinds give which steps no work.
    edits: EditKind = "any"
    # Optional ``text -> bool``, a few C-level scans: True when the step certainly returns
    # ``text`` unchanged, so the pipeline skips it (``textfix.screen``).
    quiet: Callable[[str], bool] | None = None
    # Optional ``(output, text, edits, **options) -> bool`` for a ``resettles`` step: True when
    # its output in a pass, edited since into ``text`` by steps making only ``edits``, certainly
    # leaves it no work in ``text``; otherwise settling runs the step again on ``text``.
    settled: Callable[..., bool] | None = None
    # The kinds of edits that never give the step work: while only such edits follow it, its
    # output so edited is as settled as its own, and settling compares with that text (and
    # passes ``settled`` only the edits made since).
    settles_through: tuple[EditKind, ...] = ()

    @property
    def option_names(self) -> tuple[str, ...]:
        """The names of the keyword options this step accepts."""
        return tuple(option.name for option in self.options)


QUOTE_STYLE = OptionSpec(
    "quote_style",
    "keep",
    QUOTE_STYLES,
    "keep: repair broken quotes only; straight: ASCII quotes; curly: typographic quotes",
)
BOILERPLATE_RULES = OptionSpec(
    "rules",
    (),
    None,
    "extra boilerplate rule files (TOML), applied alongside the curated rules",
    Lazy(_BOILERPLATE, "coerce_rule_ids"),
)
SKIP_RULES = OptionSpec(
    "skip_rules", (), None, "boilerplate rule ids to disable", Lazy(_BOILERPLATE, "coerce_rule_ids")
)
MAX_REMOVED_SHARE = OptionSpec(
    "max_removed_share",
    0.3,
    None,
    "keep a document unchanged when boilerplate removal would delete more of its words",
    Lazy(_BOILERPLATE, "coerce_max_share"),
)

FOREIGN_LANGUAGE = OptionSpec(
    "foreign_language",
    True,
    (True, False),
    "remove_noise_lines also removes lines in another language than the document's",
)

DATE_ORDER = OptionSpec(
    "date_order",
    None,
    (None, "dmy", "mdy"),
    "how extract_header reads ambiguous numeric dates like 02/03/2022 (None: leave them unset)",
)
MIN_DATE = OptionSpec(
    "min_date",
    None,
    None,
    "earliest date extract_header takes (ISO; 1900-01-01)",
    Lazy(_DATES, "coerce_min_date"),
)
MAX_DATE = OptionSpec(
    "max_date",
    None,
    None,
    "latest date extract_header takes (ISO; tomorrow)",
    Lazy(_DATES, "coerce_max_date"),
)

STEPS: Mapping[str, StepSpec] = {
    spec.name: spec
    for spec in (
        StepSpec(
            "fix_mojibake",
            Lazy("textfix.normalisers.encoding", "fix_mojibake"),
            "normaliser",
            "repair mojibake with ftfy",
            resettles=True,
            quiet=Lazy(_SCREEN, "no_mojibake_work"),
            settled=Lazy(_SCREEN, "mojibake_settled"),
        ),
        StepSpec(
            "remove_control_chars",
            Lazy("textfix.normalisers.unicode", "remove_control_chars"),
            "normaliser",
            "remove control and invisible characters (keeps ZWJ/ZWNJ)",
            quiet=Lazy(_SCREEN, "no_control_work"),
        ),
        StepSpec(
            "normalise_unicode",
            Lazy("textfix.normalisers.unicode", "normalise_unicode"),
            "normaliser",
            "compose to NFC; no-break spaces to spaces",
            quiet=Lazy(_SCREEN, "ascii_text"),
        ),
        StepSpec(
            "repair_quotes",
            Lazy("textfix.normalisers.quotes", "repair_quotes"),
            "normaliser",
            "repair stray and misdirected quotes; apply the quote style",
            (QUOTE_STYLE,),
            # transliterate can turn the letters around a quote into ASCII ones ("Š`Ð" ->
            # "S`D"), which quote repair reads differently.
            resettles=True,
            explain=Lazy("textfix.normalisers.quotes", "explain_quotes"),
            settled=Lazy(_SCREEN, "quotes_settled"),
            settles_through=("whitespace",),
        ),
        StepSpec(
            "transliterate",
            Lazy("textfix.normalisers.ascii", "transliterate"),
            "normaliser",
            "spell the text in ASCII with Unidecode",
            quiet=Lazy(_SCREEN, "ascii_text"),
        ),
        StepSpec(
            "normalise_whitespace",
            Lazy("textfix.normalisers.whitespace", "normalise_whitespace"),
            "normaliser",
            "one kind of line break, single spaces, single blank lines",
            # Whether a line keeps its indent or hard break depends on its neighbours, which
            # remove_boilerplate and extract_header can take away.
            resettles=True,
            edits="whitespace",
            settled=Lazy(_SCREEN, "whitespace_settled"),
        ),
        StepSpec(
            "remove_noise_lines",
            Lazy("textfix.boilerplate.noise", "remove_noise_lines"),
            "normaliser",
            "remove noise lines of crawled pages (menus, borders, contact lines, other languages)",
            (FOREIGN_LANGUAGE,),
            explain=Lazy("textfix.boilerplate.noise", "explain_noise_lines"),
            edits="lines",
        ),
        StepSpec(
            "remove_boilerplate",
            Lazy("textfix.boilerplate.remove", "remove_boilerplate"),
            "normaliser",
            "remove boilerplate lines (footers, ad slots, share prompts)",
            (BOILERPLATE_RULES, SKIP_RULES, MAX_REMOVED_SHARE),
            # Position-aware rules read a line's neighbours: once extract_header takes the
            # header lines, a one-word line such as "Advertisement" can stand at the edge.
            resettles=True,
            explain=Lazy("textfix.boilerplate.remove", "explain_boilerplate"),
            check=Lazy(_BOILERPLATE, "check_boilerplate_options"),
            edits="lines",
            settled=Lazy(_SCREEN, "boilerplate_settled"),
        ),
        StepSpec(
            "extract_header",
            Lazy("textfix.extract.header", "extract_header"),
            "extractor",
            "take date, title and byline lines off the top into metadata",
            (DATE_ORDER, MIN_DATE, MAX_DATE),
            check=Lazy(_DATES, "check_date_options"),
            edits="lines",
        ),
    )
}

#: The order steps run in when a pipeline is built from names or a preset.
STEP_ORDER: tuple[str, ...] = tuple(STEPS)

#: ``step: steps that must run before it`` when both are in a pipeline.
MUST_FOLLOW: Mapping[str, tuple[str, ...]] = {
    # Collapsing whitespace or NBSPs first destroys bytes that mojibake repair needs.
    "normalise_whitespace": ("fix_mojibake",),
    "normalise_unicode": ("fix_mojibake",),
    # A soft hyphen is the second half of latin-1/cp1252 mojibake of "í" ("Ã\xad"), and
    # entities such as "&shy;" only become control characters when fix_mojibake unescapes them.
    "remove_control_chars": ("fix_mojibake",),
    # Unidecode straightens quotes, erasing the direction quote repair reads.
    "transliterate": ("repair_quotes", "fix_mojibake"),
}


def get_step(name: str) -> StepSpec:
    """The registered step called ``name``.

    >>> get_step("repair_quotes").option_names
    ('quote_style',)
    >>> get_step("fix_mojibak")
    Traceback (most recent call last):
    ...
    textfix.errors.UnknownStepError: unknown step 'fix_mojibak'; valid steps: ...
    """
    try:
        return STEPS[name]
    except KeyError:
        raise UnknownStepError(name, STEP_ORDER) from None


def all_options() -> dict[str, OptionSpec]:
    """Every option any step accepts, by name."""
    return {option.name: option for spec in STEPS.values() for option in spec.options}
