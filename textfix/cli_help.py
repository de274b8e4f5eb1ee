"""Help laid out as click, argparse and GNU tools print it.

Typer writes a required argument as ``{INPUT}...`` in the usage line and lists it as
``INPUT <list[str]>``; people know ``Usage: textfix clean [OPTIONS] INPUT...`` with ``[INPUT]``
for an optional one. Options name their value by their ``metavar`` (``-o, --output PATH``),
set on each option in :mod:`textfix.cli`; flags take none.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand


def argument_usage(name: str, *, required: bool, many: bool) -> str:
    """An argument as a usage line shows it.

    >>> argument_usage("INPUT", required=True, many=True)
    'INPUT...'
    >>> argument_usage("RUN", required=True, many=False)
    'RUN'
    >>> argument_usage("FILE", required=False, many=True)
    '[FILE]...'
    """
    shown = name if required else f"[{name}]"
    return shown + ("..." if many else "")


def _argument(param: Any) -> str:
    name = param.metavar or param.name.upper()
    return argument_usage(name, required=param.required, many=param.nargs != 1)


class PlainHelpCommand(TyperCommand):
    """A typer command whose usage line and argument list read like other tools' help."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """``[OPTIONS]`` then each argument (``INPUT...``)."""
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [
            _argument(p) for p in self.get_params(ctx) if p.param_type_name == "argument"
        ]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        """The Arguments section (names as in the usage line, no type labels), then Options."""
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument" and not getattr(param, "hidden", False):
                arguments.append((_argument(param), getattr(param, "help", None) or ""))
            elif param.param_type_name == "option":
                record = param.get_help_record(ctx)
                if record is not None:
                    options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
