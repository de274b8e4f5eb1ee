"""The ``textfix`` command line: a thin typer layer over :mod:`textfix.runner`.

Exit codes: 0 when every document went through, 1 when some records errored, 2 on usage errors
(bad options, missing inputs, unreadable configuration).
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import ftfy
import orjson
import typer

from textfix import __version__
from textfix.cli_help import PlainHelpCommand
from textfix.config import PRESETS, Config
from textfix.errors import TextfixError
from textfix.io.records import ReadOptions
from textfix.io.writers import write_file_atomically
from textfix.pipeline import Pipeline
from textfix.registry import STEPS
from textfix.report import is_html_path, require_report_extra, write_html_report
from textfix.runner import RunOptions, run_clean
from textfix.runner.audit import AuditOptions
from textfix.runner.core import refuse_existing
from textfix.runner.tasks import DEFAULT_CHUNK_BYTES

app = typer.Typer(
    name="textfix",
    help="Turn scraped, damaged text into clean text plus metadata.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals hold users' documents
    # Plain help, as other command-line tools print it: flags without a "<bool>" value and
    # option names never cut short by a table column.
    rich_markup_mode=None,
    context_settings={"max_content_width": 100},
)

Preset = Enum("Preset", {name: name for name in PRESETS}, type=str)  # type: ignore[misc]


class QuoteStyleChoice(str, Enum):
    """The ``--quote-style`` values."""

    keep = "keep"
    straight = "straight"
    curly = "curly"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"textfix {__version__} (ftfy {ftfy.__version__})")
        raise typer.Exit()


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a one-line error to stderr and give the Exit to raise."""
    typer.echo(f"textfix: error: {message}", err=True)
    return typer.Exit(code)


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show versions and exit."),
    ] = False,
) -> None:
    """Turn scraped, damaged text into clean text plus metadata."""


PresetOption = Annotated[
    Optional[str],  # noqa: UP045 - typer reads the annotation at run time
    typer.Option(
        "--preset", "-p", metavar="NAME", help=f"Preset: {', '.join(PRESETS)} (default: default)."
    ),
]
QuoteStyleOption = Annotated[
    Optional[QuoteStyleChoice],  # noqa: UP045
    typer.Option(
        "--quote-style", metavar="[keep|straight|curly]", help="keep (default), straight or curly."
    ),
]
ConfigOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--config", "-c", metavar="FILE", help="A textfix TOML configuration file."),
]
RulesOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option(
        "--rules", metavar="FILE", help="A boilerplate rule file (TOML) to add; repeatable."
    ),
]
SkipRuleOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--skip-rule", metavar="ID", help="A boilerplate rule id to disable; repeatable."),
]


OverwriteOption = Annotated[
    bool,
    typer.Option(
        "--overwrite", help="Replace output files that exist (by default they are refused)."
    ),
]


def build_pipeline(
    preset: str | None,
    quote_style: QuoteStyleChoice | None,
    config: Path | None,
    *,
    rules: list[str] | None = None,
    skip_rules: list[str] | None = None,
) -> Pipeline:
    """The pipeline the options describe: a config file or a preset, with overrides."""
    options: dict[str, Any] = {}
    if quote_style is not None:
        options["quote_style"] = quote_style.value
    if rules:
        options["rules"] = tuple(rules)
    if skip_rules:
        options["skip_rules"] = tuple(skip_rules)
    if config is not None:
        built = Config.from_toml(config, **options)
        if preset is not None:
            raise TextfixError("give --preset or --config, not both")
        pipeline = Pipeline(built)
    else:
        pipeline = Pipeline.from_preset(preset or "default", **options)
    if (rules or skip_rules) and all(s.name != "remove_boilerplate" for s in pipeline.steps):
        raise TextfixError(
            "--rules and --skip-rule act on boilerplate removal, which this pipeline does not "
            "run; use --preset news or a config with remove_boilerplate"
        )
    return pipeline


class EngineChoice(str, Enum):
    """The ``--engine`` values."""

    local = "local"
    ray = "ray"


class OutputFormatChoice(str, Enum):
    """The ``--output-format`` values (default: from the output name)."""

    jsonl = "jsonl"
    parquet = "parquet"
    txt = "txt"


class InputFormatChoice(str, Enum):
    """The ``--input-format`` values."""

    txt = "txt"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    parquet = "parquet"


def read_options(
    text_field: str, id_field: str, encoding: str | None, input_format: InputFormatChoice | None
) -> ReadOptions:
    """The reading options, with ``--encoding`` checked before any input is read."""
    if encoding is not None:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            raise fail(f"--encoding {encoding}: unknown encoding") from None
    kind = input_format.value if input_format is not None else None
    return ReadOptions(
        text_field=text_field, id_field=id_field, encoding=encoding, input_format=kind
    )


TextFieldOption = Annotated[
    str, typer.Option("--text-field", metavar="NAME", help="The field holding the text.")
]
IdFieldOption = Annotated[
    str, typer.Option("--id-field", metavar="NAME", help="The field holding the id.")
]
EncodingOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--encoding", metavar="NAME", help="Encoding of non-UTF-8 input (default: detect)."
    ),
]
InputFormatOption = Annotated[
    Optional[InputFormatChoice],  # noqa: UP045
    typer.Option(
        "--input-format",
        metavar="[" + "|".join(c.value for c in InputFormatChoice) + "]",
        help="Read every input as this format (default: by file name; stdin: sniffed).",
    ),
]
GlobOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--glob",
        metavar="PATTERN",
        help="In directories, only files matching this (e.g. '**/*.gz').",
    ),
]
STDOUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
OptionalPath = Optional[Path]  # noqa: UP045 - typer reads the annotation at run time
OptionalStr = Optional[str]  # noqa: UP045


@app.command(cls=PlainHelpCommand)
def clean(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT",
            help="Files (.txt, .jsonl/.ndjson, .json, .csv, .tsv, .parquet; optionally "
            ".gz/.bz2/.xz/.zst), directories, or - for stdin.",
        ),
    ],
    output: Annotated[
        OptionalPath,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Output: .jsonl (optionally .gz/.zst/...), .parquet, or a directory of .txt "
            "files (default: JSONL on stdout).",
        ),
    ] = None,
    preset: PresetOption = None,
    quote_style: QuoteStyleOption = None,
    config: ConfigOption = None,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
    encoding: EncodingOption = None,
    input_format: InputFormatOption = None,
    glob: GlobOption = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            "-j",
            min=0,
            metavar="N",
            help="Worker processes (0: every core); up to 2 MiB of input runs in this process.",
        ),
    ] = 0,
    errors: Annotated[
        OptionalPath,
        typer.Option(
            "--errors",
            metavar="FILE",
            help="Where error records go (default: beside the output; with the output on "
            "stdout, stderr).",
        ),
    ] = None,
    removed: Annotated[
        OptionalPath,
        typer.Option(
            "--removed",
            metavar="FILE",
            help="Write each line removed as boilerplate or noise here, with its rule (JSONL).",
        ),
    ] = None,
    report: Annotated[
        OptionalPath,
        typer.Option(
            "--report",
            metavar="FILE",
            help="Write the run's figures here: JSON, or with .html a page to audit the run "
            "(needs textfix[report]).",
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Carry on an interrupted run with the same options.")
    ] = False,
    overwrite: OverwriteOption = False,
    output_format: Annotated[
        Optional[OutputFormatChoice],  # noqa: UP045
        typer.Option(
            "--output-format",
            "--format",
            metavar="[jsonl|parquet|txt]",
            help="jsonl, parquet or txt.",
        ),
    ] = None,
    engine: Annotated[
        EngineChoice,
        typer.Option(
            "--engine",
            metavar="[local|ray]",
            help="local (processes) or ray (Ray actors; textfix[ray]).",
        ),
    ] = EngineChoice.local,
    address: Annotated[
        OptionalStr,
        typer.Option(
            "--address",
            metavar="ADDRESS",
            help="Ray cluster address (default: RAY_ADDRESS or local).",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")
    ] = False,
    chunk_bytes: Annotated[
        int,
        typer.Option(
            "--chunk-bytes",
            min=1,
            hidden=True,
            metavar="BYTES",
            help="Input bytes per worker task.",
        ),
    ] = DEFAULT_CHUNK_BYTES,
    rules: RulesOption = None,
    skip_rule: SkipRuleOption = None,
) -> None:
    """Clean documents: JSONL, Parquet or .txt files out, metadata merged under "metadata"."""
    read = read_options(text_field, id_field, encoding, input_format)
    fmt = output_format.value if output_format is not None else None
    if output is not None and str(output) in STDOUT_NAMES:
        output = None  # "-o -" and "-o /dev/stdout": JSONL on standard output
    settings = {
        "preset": preset or ("(from --config)" if config else "default"),
        "config": config,
        "quote style": quote_style.value if quote_style else None,
        "rule files": ", ".join(rules or ()) or None,
        "skipped rules": ", ".join(skip_rule or ()) or None,
        "output": output or "(stdout)",
        "output format": fmt,
        "workers requested": workers or "every core",
        "resume": "yes" if resume else None,
        "overwrite": "yes" if overwrite else None,
        "engine": f"ray ({address or 'RAY_ADDRESS or local'})"
        if engine is EngineChoice.ray
        else None,
    }
    try:
        html_report, audit = audit_options(report, settings)
        pipeline = build_pipeline(preset, quote_style, config, rules=rules, skip_rules=skip_rule)
        options = RunOptions(
            workers=workers,
            resume=resume,
            overwrite=overwrite,
            quiet=quiet,
            glob=glob,
            output_format=fmt,
            errors=errors,
            removed=removed,
            report=None if html_report is not None else report,
            count_steps=not quiet or report is not None,
            chunk_bytes=chunk_bytes,
            html_report=html_report,
            audit=audit,
        )
        if engine is EngineChoice.ray:
            from textfix.integrations.ray import run_clean_ray

            stats = run_clean_ray(
                inputs, pipeline, output, read=read, options=options, address=address
            )
        else:
            stats = run_clean(inputs, pipeline, output, read=read, options=options)
    except (TextfixError, OSError) as error:
        raise fail(str(error)) from None
    except KeyboardInterrupt:
        again = " with --resume to carry on" if output is not None and "-" not in inputs else ""
        raise fail(f"interrupted; run the same command{again}", 130) from None
    if stats.errored:
        raise typer.Exit(1)


def audit_options(
    report: Path | None, settings: Mapping[str, object]
) -> tuple[Path | None, AuditOptions | None]:
    """The HTML report's path (when ``report`` names one) and what the run samples for it.

    Any ``--report`` collects the samples, so a JSON report can be made into a page later
    (``textfix report``); the HTML one needs ``textfix[report]``, checked before the run.
    """
    if report is None:
        return None, None
    html = report if is_html_path(report) else None
    if html is not None:
        require_report_extra()
    shown = tuple((key, str(value)) for key, value in settings.items() if value is not None)
    # The command as typed: the program as "textfix" however it was started (python -m, a venv).
    return html, AuditOptions(command=("textfix", *sys.argv[1:]), settings=shown)


@app.command("report", cls=PlainHelpCommand)
def report_command(
    run: Annotated[
        Path,
        typer.Argument(metavar="RUN", help="A finished run's JSON report (--report run.json)."),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="The HTML page to write.")
    ],
    overwrite: OverwriteOption = False,
) -> None:
    """Build the HTML page to audit a finished run from its JSON report."""
    try:
        require_report_extra()
        if output.resolve() == run.resolve():
            raise TextfixError(f"{output} is the run's JSON report; write the page elsewhere")
        if not overwrite:
            refuse_existing(output)
        figures = orjson.loads(run.read_bytes())
        if not isinstance(figures, dict) or "documents_in" not in figures:
            raise TextfixError(f"{run} is not a textfix run report (written by --report)")
        write_html_report(output, figures)
    except orjson.JSONDecodeError as error:
        raise fail(f"{run} is not JSON: {error}") from None
    except (TextfixError, OSError) as error:
        raise fail(str(error)) from None
    typer.echo(f"textfix: report written to {output}", err=True)


@app.command(cls=PlainHelpCommand)
def explain(
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT", help="What clean reads: files of any format, directories, or -."
        ),
    ],
    ident: Annotated[
        OptionalStr,
        typer.Option(
            "--id", metavar="ID", help="The record with this id (FILE:LINE for one without)."
        ),
    ] = None,
    line: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--line", min=1, metavar="N", help="The record on this line (row, element) of its file."
        ),
    ] = None,
    preset: PresetOption = None,
    quote_style: QuoteStyleOption = None,
    config: ConfigOption = None,
    rules: RulesOption = None,
    skip_rule: SkipRuleOption = None,
    text_field: TextFieldOption = "text",
    id_field: IdFieldOption = "id",
    encoding: EncodingOption = None,
    input_format: InputFormatOption = None,
) -> None:
    """Show, step by step, what cleaning one record of INPUT changes (the first one, or the one
    --id or --line names), read exactly as clean reads it."""
    from textfix.io.pick import pick_record
    from textfix.io.records import BadRecord

    read = read_options(text_field, id_field, encoding, input_format)
    try:
        pipeline = build_pipeline(preset, quote_style, config, rules=rules, skip_rules=skip_rule)
        item = pick_record(inputs, read, ident=ident, line=line)
    except (TextfixError, OSError) as error:
        raise fail(str(error)) from None
    if isinstance(item, BadRecord):
        raise fail(f"{item.source}:{item.number} cannot be read: {item.error}", 1)
    used = item.metadata.get("source_encoding")
    sure = item.metadata.get("source_encoding_confidence")
    typer.echo(f"record: {item.id if item.id is not None else item.default_id}")
    typer.echo(f"encoding: {used} (confidence {sure})" if used else "encoding: utf-8")
    explanation = pipeline.explain(item.text)
    if not explanation.changes:
        typer.echo("nothing to change")
    for change in explanation.changes:
        typer.echo(f"[{change.step}]")
        for described in change.describe():
            typer.echo(f"  {described}")
    metadata = explanation.document.metadata
    if metadata:
        typer.echo("metadata: " + orjson.dumps(metadata).decode())


@app.command(cls=PlainHelpCommand)
def learn(
    corpus: Annotated[
        list[str],
        typer.Argument(
            metavar="INPUT", help="Files of any format clean reads, directories, or - for stdin."
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="The rule file to write.")
    ],
    min_docs: Annotated[
        int,
        typer.Option(
            "--min-docs",
            min=1,
            metavar="N",
            help="Keep lines seen in at least this many documents.",
        ),
    ] = 5,
    min_share: Annotated[
        float,
        typer.Option(
            "--min-share",
            min=0.0,
            max=1.0,
            metavar="SHARE",
            help="...and in at least this share of them.",
        ),
    ] = 0.0,
    max_words: Annotated[
        int,
        typer.Option(
            "--max-words", min=2, metavar="N", help="Ignore lines with more words than this."
        ),
    ] = 20,
    text_field: TextFieldOption = "text",
    encoding: EncodingOption = None,
    input_format: InputFormatOption = None,
    glob: GlobOption = None,
    overwrite: OverwriteOption = False,
) -> None:
    """Learn boilerplate lines that recur across the INPUT documents; write them as a rule file."""
    from textfix.boilerplate.learn import LineCounter, rules_toml
    from textfix.io.readers import BadRecord, expand_inputs, read_items

    counter = LineCounter(min_docs=min_docs, max_words=max_words)
    read = read_options(text_field, "id", encoding, input_format)
    unread: list[BadRecord] = []
    try:
        if not overwrite:  # a reviewed rule file must not be lost to a rerun
            refuse_existing(output)
        for path, name in expand_inputs(corpus, glob=glob, input_format=read.input_format):
            for item in read_items(path, name, read):
                if isinstance(item, BadRecord):
                    unread.append(item)
                else:
                    counter.add_document(item.text)
        if unread:
            first = unread[0]
            typer.echo(
                f"textfix: {len(unread)} records could not be read (first: {first.source}"
                f":{first.number}: {first.error})",
                err=True,
            )
        if counter.documents == 0:
            raise TextfixError(f"no document to learn from in {' '.join(corpus)}")
        learned = counter.learned(min_share=min_share)
        write_file_atomically(
            output,
            rules_toml(learned, documents=counter.documents, source=" ".join(corpus)).encode(),
        )
    except (TextfixError, OSError) as error:
        raise fail(str(error)) from None
    typer.echo(
        f"textfix: {len(learned)} lines learned from {counter.documents} documents -> {output}",
        err=True,
    )
    if counter.overflowed:
        typer.echo("textfix: warning: candidate store full; raise --min-docs", err=True)


@app.command(cls=PlainHelpCommand)
def steps() -> None:
    """List the steps textfix knows, with the presets that run each."""
    for name, spec in STEPS.items():
        presets = ",".join(p for p, names in PRESETS.items() if name in names) or "-"
        typer.echo(f"{name:22} {spec.summary}  [{presets}]")


def main() -> None:
    """The console-script entry point."""
    app()
