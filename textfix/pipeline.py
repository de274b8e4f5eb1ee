"""``Pipeline``: an immutable, ordered tuple of configured steps.

Unknown steps and bad options fail when the pipeline is built, never on the first document. A
pipeline holds only module-level functions and plain values, so it pickles and can be shipped
to worker processes.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from textfix.config import Config, check_step_order, freeze_options
from textfix.document import Document
from textfix.errors import ConfigError
from textfix.registry import EditKind, get_step, resolve

TextOrDocument = str | Document
#: The most passes a pipeline makes over one document (see ``Pipeline.__call__``).
MAX_PASSES = 3
UserStep = Callable[[str], str]
#: Runs one step on a text for ``Pipeline.clean_with``: the new text and the metadata found.
StepRunner = Callable[["Step", str], tuple[str, dict[str, Any]]]


@dataclass(frozen=True)
class Step:
    """A step with its options bound: a registered step, or a user's ``str -> str`` function."""

    name: str
    func: Callable[..., Any]
    extractor: bool = False
    options: tuple[tuple[str, Any], ...] = ()
    resettles: bool = False
    explainer: Callable[..., tuple[str, list[str]]] | None = None
    # What settling knows of the step (``StepSpec.edits``, ``quiet`` and ``settled``).
    edits: EditKind = "any"
    quiet: Callable[[str], bool] | None = None
    settled: Callable[..., bool] | None = None
    settles_through: tuple[EditKind, ...] = ()
    # ``func`` with the options bound once, so a call builds no keyword dict (a pipeline makes
    # several calls per document).
    bound: Callable[[str], Any] = field(init=False, repr=False, compare=False)
    keywords: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keywords = dict(self.options)
        object.__setattr__(self, "keywords", keywords)
        object.__setattr__(self, "bound", partial(self.func, **keywords) if keywords else self.func)

    def is_settled(self, output: str, edits: set[EditKind], text: str) -> bool:
        """True when the step certainly leaves ``text`` unchanged, knowing that ``text`` is its
        ``output`` in this pass edited since by steps making ``edits``; else it is run."""
        if self.settled is not None and self.settled(output, text, edits, **self.keywords):
            return True
        if self.quiet is not None and self.quiet(text):
            return True
        return self.apply(text)[0] == text

    def apply(self, text: str) -> tuple[str, dict[str, Any]]:
        """Run the step on ``text``: the new text and any metadata it extracted."""
        if self.extractor:
            new_text, metadata = self.bound(text)
            return new_text, metadata
        return self.bound(text), {}

    def apply_explained(self, text: str) -> tuple[str, dict[str, Any], list[str]]:
        """Like ``apply``, plus the step's own notes on what it changed (when it has any)."""
        if self.explainer is None:
            return (*self.apply(text), [])
        new_text, notes = self.explainer(text, **dict(self.options))
        return new_text, {}, notes

    def __repr__(self) -> str:
        options = "".join(f", {k}={v!r}" for k, v in self.options)
        return f"Step({self.name}{options})"


@dataclass(frozen=True)
class StepChange:
    """What one step changed: its name, notes (for rule-based steps, rule ids), and the texts."""

    step: str
    before: str
    after: str
    metadata: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def describe(self, context: int = 0) -> list[str]:
        """The step's notes, the changed lines as ``- old`` / ``+ new``, then any metadata."""
        lines = [
            f"{line[0]} {line[1:]}"
            for line in difflib.unified_diff(
                self.before.split("\n"), self.after.split("\n"), lineterm="", n=context
            )
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]
        lines.extend(f"= {key}: {value!r}" for key, value in self.metadata.items())
        return [*self.notes, *lines]


@dataclass(frozen=True)
class Explanation:
    """A cleaned document and, for each step that changed something, the change."""

    document: Document
    changes: tuple[StepChange, ...]


def _bind(config: Config) -> tuple[Step, ...]:
    options = config.option_dict
    steps = []
    for name in config.steps:
        spec = get_step(name)
        bound = tuple((key, options[key]) for key in spec.option_names if key in options)
        explain = resolve(spec.explain) if spec.explain is not None else None
        steps.append(
            Step(
                name,
                resolve(spec.func),
                spec.kind == "extractor",
                bound,
                spec.resettles,
                explain,
                spec.edits,
                resolve(spec.quiet) if spec.quiet is not None else None,
                resolve(spec.settled) if spec.settled is not None else None,
                spec.settles_through,
            )
        )
    return tuple(steps)


class Pipeline:
    """Clean text through an ordered tuple of steps.

    >>> pipeline = Pipeline.from_preset("default", quote_style="straight")
    >>> pipeline("Russia is’set to invade Ukraine in DAYS’").text
    "Russia is 'set to invade Ukraine in DAYS'"
    >>> Pipeline(["fix_mojibake", "normalise_whitespace"])("CafÃ©   au lait ").text
    'Café au lait'
    >>> Pipeline(["remove_blank"])
    Traceback (most recent call last):
    ...
    textfix.errors.UnknownStepError: unknown step 'remove_blank'; valid steps: ...
    """

    __slots__ = ("config", "steps")

    def __init__(self, steps: Config | Sequence[str | UserStep] = (), /, **options: Any) -> None:
        if isinstance(steps, Config):
            if options:
                raise ConfigError("pass options in the Config, not beside it")
            self.config = steps
            self.steps = _bind(steps)
            return
        names = [s for s in steps if isinstance(s, str)]
        self.config = Config.from_steps(names, **options)
        bound = {step.name: step for step in _bind(self.config)}
        self.steps = tuple(bound[s] if isinstance(s, str) else _user_step(s) for s in steps)
        check_step_order(tuple(step.name for step in self.steps))

    @classmethod
    def from_preset(cls, preset: str = "default", **options: Any) -> Pipeline:
        """The pipeline of a preset: ``default``, ``news``, ``web`` or ``ascii``."""
        return cls(Config.from_preset(preset, **options))

    @classmethod
    def from_config(cls, config: Config | str | Path, **overrides: Any) -> Pipeline:
        """The pipeline of a Config, or of a TOML configuration file."""
        if not isinstance(config, Config):
            config = Config.from_toml(config, **overrides)
        elif overrides:
            config = Config(config.steps, freeze_options({**config.option_dict, **overrides}))
        return cls(config)

    @property
    def step_names(self) -> tuple[str, ...]:
        """The names of the steps, in run order."""
        return tuple(step.name for step in self.steps)

    def __call__(self, item: TextOrDocument) -> Document:
        """Clean one text or Document; returns a new Document (the input is not modified).

        A pass runs every step once, but a step whose screen (``quiet``: ASCII text has no
        mojibake, say) shows it has no work is skipped. Later steps can, rarely, hand an earlier
        step new work (stripping a no-break space beside mojibake, say), so when a pass changed
        the text and a ``resettles`` step would change the result, the pass runs again, up to
        ``MAX_PASSES`` in all. That keeps the whole pipeline idempotent, not just each step.
        A ``resettles`` step is settled without running it again when no later step changed
        its output (steps are idempotent), when its ``settled`` test shows that the kinds of
        edits made since (``EditKind``: whitespace only, whole lines only) give it no work, or
        when its screen finds none.
        """
        return self.clean_with(_as_document(item), None)

    def clean_with(self, document: Document, apply: StepRunner | None) -> Document:
        """Clean ``document`` in passes until settled (see ``__call__``), running each step
        that has work through ``apply`` (``Step.apply`` when it is ``None``): the one loop
        behind ``__call__``, ``explain`` and the runner's observed cleaning, which record what
        each step did without repeating the passes and their settling.

        >>> seen = []
        >>> def run(step, text):
        ...     seen.append(step.name)
        ...     return step.apply(text)
        >>> Pipeline(["normalise_whitespace"]).clean_with(Document("a  b"), run).text, seen
        ('a b', ['normalise_whitespace'])
        """
        text = document.text
        metadata = dict(document.metadata)
        for _ in range(MAX_PASSES):
            before = text
            # The resettles steps run so far with their outputs, and the edits made since.
            settling: list[_Settling] = []
            for step in self.steps:
                if step.quiet is None or not step.quiet(text):
                    found: dict[str, Any] | None
                    if apply is not None:
                        new_text, found = apply(step, text)
                    elif step.extractor:  # (``Step.apply`` inlined: a call per step less)
                        new_text, found = step.bound(text)
                    else:
                        new_text, found = step.bound(text), None
                    if new_text != text:
                        kind = step.edits
                        for entry in settling:  # (see ``_Settling``)
                            if not entry.edits and kind in entry.step.settles_through:
                                entry.output = new_text
                            else:
                                entry.edits.add(kind)
                        text = new_text
                    if found:
                        metadata.update(found)
                if step.resettles:
                    settling.append(_Settling(step, text))
            if text == before or _settled(text, settling):
                break
        return Document(text, document.id, metadata)

    def run(self, items: Iterable[TextOrDocument]) -> Iterator[Document]:
        """Clean a stream of texts or Documents lazily, in order."""
        for item in items:
            yield self(item)

    def explain(self, item: TextOrDocument) -> Explanation:
        """Clean ``item`` as ``__call__`` does and record, for each step that changed something
        (in every pass made), what changed."""
        changes: list[StepChange] = []

        def run(step: Step, text: str) -> tuple[str, dict[str, Any]]:
            new_text, found, notes = step.apply_explained(text)
            if new_text != text or found or notes:
                changes.append(StepChange(step.name, text, new_text, found, tuple(notes)))
            return new_text, found

        document = self.clean_with(_as_document(item), run)
        return Explanation(document, tuple(changes))

    def __repr__(self) -> str:
        return f"Pipeline({list(self.steps)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pipeline) and self.steps == other.steps

    def __hash__(self) -> int:
        return hash(self.steps)

    def __getstate__(self) -> tuple[Config, tuple[Step, ...]]:
        return self.config, self.steps

    def __setstate__(self, state: tuple[Config, tuple[Step, ...]]) -> None:
        self.config, self.steps = state


class _Settling:
    """A ``resettles`` step in a pass: its output, and the kinds of edits made to that since.

    While only edits the step ``settles_through`` follow it, the edited text stands in for
    its output (it is as settled), so that later checks compare with it.
    """

    __slots__ = ("edits", "output", "step")

    def __init__(self, step: Step, output: str) -> None:
        self.step = step
        self.output = output
        self.edits: set[EditKind] = set()


def _settled(text: str, settling: list[_Settling]) -> bool:
    """True if no ``resettles`` step would change ``text``, the result of a pass.

    Each such step's output in the pass (see ``_Settling``) is settled; a step whose output is
    ``text`` is settled (idempotence), and the others are asked (``Step.is_settled``).
    """
    for entry in settling:
        if entry.output != text and not entry.step.is_settled(entry.output, entry.edits, text):
            return False
    return True


def _user_step(func: UserStep) -> Step:
    if not callable(func):
        raise ConfigError(f"a pipeline step must be a step name or a callable, not {func!r}")
    name = getattr(func, "__name__", type(func).__name__)
    return Step(name, func)


def _as_document(item: TextOrDocument) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(item)
    raise TypeError(f"a pipeline cleans str or Document, not {type(item).__name__}")
