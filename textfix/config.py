"""One frozen configuration object: which steps run, in which order, with which options.

A configuration comes from a preset, from keyword options, or from a TOML file::

    preset = "news"                  # optional; "default" when absent
    skip = ["remove_boilerplate"]    # optional; steps to leave out of the preset
    # steps = [...]                  # optional; an explicit list instead of a preset

    [options]
    quote_style = "curly"
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textfix._toml import load_toml_bytes
from textfix.errors import ConfigError
from textfix.registry import MUST_FOLLOW, STEP_ORDER, all_options, get_step

_DEFAULT_STEPS = (
    "fix_mojibake",
    "remove_control_chars",
    "normalise_unicode",
    "repair_quotes",
    "normalise_whitespace",
)

#: Preset name -> the steps it runs. ``default`` repairs without removing content; ``news``
#: adds header extraction and boilerplate removal; ``web`` adds noise-line removal for crawled
#: pages; ``ascii`` adds transliteration.
PRESETS: Mapping[str, tuple[str, ...]] = {
    name: tuple(step for step in STEP_ORDER if step in chosen)
    for name, chosen in {
        "default": _DEFAULT_STEPS,
        "news": (*_DEFAULT_STEPS, "remove_boilerplate", "extract_header"),
        "web": (*_DEFAULT_STEPS, "remove_noise_lines"),
        # transliterate runs before normalise_whitespace: Unidecode can leave spaces behind.
        "ascii": (*_DEFAULT_STEPS, "transliterate"),
    }.items()
}

_CONFIG_KEYS = ("preset", "steps", "skip", "options")


@dataclass(frozen=True)
class Config:
    """Steps (in run order) and the options given for them.

    >>> config = Config.from_preset("news", quote_style="curly")
    >>> config.steps[-1], config.options
    ('extract_header', (('quote_style', 'curly'),))
    >>> Config.from_preset("news", quote_stile="curly")
    Traceback (most recent call last):
    ...
    textfix.errors.ConfigError: unknown option 'quote_stile'; valid options: ...
    """

    steps: tuple[str, ...]
    options: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        for name in self.steps:
            get_step(name)
        check_step_order(self.steps)
        valid = all_options()
        for name, value in self.options:
            check_option(name, value, valid)
        # Coerce option values (one rules path -> a tuple of one) and let steps check their
        # options together, so a bad rule file fails here, not on the first document.
        coerced = tuple((name, _coerced(valid[name], value)) for name, value in self.options)
        object.__setattr__(self, "options", coerced)
        options = dict(coerced)
        for name in self.steps:
            spec = get_step(name)
            if spec.check is not None:
                spec.check(**{k: options[k] for k in spec.option_names if k in options})

    @property
    def option_dict(self) -> dict[str, Any]:
        """The options as a dict."""
        return dict(self.options)

    @classmethod
    def from_preset(
        cls, preset: str = "default", *, skip: Iterable[str] = (), **options: Any
    ) -> Config:
        """The configuration of a preset, less ``skip``, with ``options``."""
        try:
            steps = PRESETS[preset]
        except KeyError:
            raise ConfigError(
                f"unknown preset {preset!r}; valid presets: {', '.join(PRESETS)}"
            ) from None
        skipped = set(skip)
        for name in skipped:
            get_step(name)
        return cls(tuple(s for s in steps if s not in skipped), freeze_options(options))

    @classmethod
    def from_steps(cls, names: Iterable[str], **options: Any) -> Config:
        """A configuration running ``names`` in the order given."""
        steps = tuple(names)
        if len(set(steps)) != len(steps):
            raise ConfigError(f"a step is listed twice in {list(steps)}")
        return cls(steps, freeze_options(options))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], **overrides: Any) -> Config:
        """A configuration from a parsed TOML document (see the module docstring)."""
        unknown = sorted(set(data) - set(_CONFIG_KEYS))
        if unknown:
            raise ConfigError(
                f"unknown configuration key {unknown[0]!r}; valid keys: {', '.join(_CONFIG_KEYS)}"
            )
        options = dict(data.get("options", {}))
        options.update(overrides)
        if "steps" in data:
            if "preset" in data:
                raise ConfigError("give either 'steps' or 'preset' in a configuration, not both")
            skipped = set(data.get("skip", ()))
            return cls.from_steps([s for s in data["steps"] if s not in skipped], **options)
        return cls.from_preset(
            str(data.get("preset", "default")), skip=data.get("skip", ()), **options
        )

    @classmethod
    def from_toml(cls, path: str | Path, **overrides: Any) -> Config:
        """A configuration read from a TOML file; ``overrides`` win over the file's options."""
        try:
            raw = Path(path).read_bytes()
        except OSError as error:
            raise ConfigError(
                f"cannot read configuration {str(path)!r}: {error.strerror}"
            ) from None
        try:
            data = load_toml_bytes(raw)
        except (ValueError, UnicodeDecodeError) as error:
            raise ConfigError(f"configuration {str(path)!r} is not valid TOML: {error}") from None
        return cls.from_mapping(data, **overrides)


def freeze_options(options: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    """Options as a sorted tuple of pairs, lists made tuples, so a config is hashable."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in options.items()))


def check_option(name: str, value: Any, valid: Mapping[str, Any]) -> None:
    """Raise ConfigError unless ``name`` is a known option and ``value`` one of its choices."""
    spec = valid.get(name)
    if spec is None:
        raise ConfigError(f"unknown option {name!r}; valid options: {', '.join(sorted(valid))}")
    if spec.choices is not None and value not in spec.choices:
        choices = ", ".join(map(str, spec.choices))
        raise ConfigError(f"option {name}={value!r} is not one of: {choices}")


def _coerced(spec: Any, value: Any) -> Any:
    coerce = spec.coerce
    return value if coerce is None else coerce(value)


def check_step_order(steps: tuple[str, ...]) -> None:
    """Raise ConfigError when a step runs before a step it must follow.

    >>> check_step_order(("normalise_whitespace", "fix_mojibake"))
    Traceback (most recent call last):
    ...
    textfix.errors.ConfigError: normalise_whitespace must run after fix_mojibake ...
    """
    position = {name: index for index, name in enumerate(steps)}
    for name, earlier in MUST_FOLLOW.items():
        for before in earlier:
            if name in position and before in position and position[before] > position[name]:
                raise ConfigError(
                    f"{name} must run after {before} "
                    f"(see textfix.registry.MUST_FOLLOW for why); reorder the steps"
                )
