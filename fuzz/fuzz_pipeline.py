"""An atheris (libFuzzer) target for textfix's pipelines and steps.

Each input picks a preset or a single registered step (first byte) and a text (the rest, as
Unicode that may hold lone surrogates, NUL and controls), and checks the reliability promises:
never raises, returns ``str``, idempotent, no lone surrogate the input did not have. Any
exception or failed check is a crash that libFuzzer saves as ``crash-*`` for replay.

Run it with ``make fuzz`` (FUZZ_SECONDS=600 by default), or directly::

    .venv/bin/python fuzz/fuzz_pipeline.py fuzz/.corpus fuzz/seeds -max_total_time=600
"""

from __future__ import annotations

import sys

import atheris

# The pipelines are built inside the block too: steps are imported when a pipeline is built
# (``registry.Lazy``), and only modules imported inside the block are instrumented, so built
# outside it the fuzzer would see almost no coverage (22 edges) and mutate blind.
with atheris.instrument_imports():
    from textfix import Pipeline
    from textfix.config import PRESETS
    from textfix.registry import STEPS

    PIPELINES = [Pipeline.from_preset(name) for name in PRESETS]
    PIPELINES += [Pipeline([name]) for name in STEPS if name != "transliterate"]
    # transliterate must run after fix_mojibake and repair_quotes; alone it is the ascii
    # preset's.
    PIPELINES.append(Pipeline(["fix_mojibake", "repair_quotes", "transliterate"]))
    PIPELINES.append(Pipeline(["repair_quotes"], quote_style="curly"))
    PIPELINES.append(Pipeline(["repair_quotes"], quote_style="straight"))
    for _pipeline in PIPELINES:  # lazily imported helpers (the language identifier, ...)
        _pipeline("x ’a’ “b” &amp; Ã© By A B\n\nShare")


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    pipeline = PIPELINES[provider.ConsumeIntInRange(0, len(PIPELINES) - 1)]
    text = provider.ConsumeUnicode(provider.remaining_bytes())
    once = pipeline(text)
    if not isinstance(once.text, str):
        raise AssertionError(f"{pipeline!r} returned {type(once.text).__name__}")
    if not all(isinstance(value, str) for value in once.metadata.values()):
        raise AssertionError(f"{pipeline!r} returned metadata {once.metadata!r}")
    twice = pipeline(once.text).text
    if twice != once.text:
        raise AssertionError(f"{pipeline!r} is not idempotent on {text!r}: {once.text!r}")
    if _has_surrogate(once.text) and not _has_surrogate(text):
        raise AssertionError(f"{pipeline!r} made a lone surrogate from {text!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
