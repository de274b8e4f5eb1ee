"""The datatrove adapter: a formatter step that cleans documents and adds metadata."""

from __future__ import annotations

import pytest

from textfix.errors import TextfixError
from textfix.integrations import datatrove as adapter


def test_missing_datatrove_gives_a_friendly_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_datatrove(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("datatrove"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_datatrove)
    with pytest.raises(TextfixError, match=r"pip install 'textfix\[datatrove\]'"):
        adapter.textfix_formatter("news")


def test_formatter_runs_in_a_datatrove_pipeline() -> None:
    data = pytest.importorskip("datatrove.data", reason="the datatrove extra is not installed")
    docs = [
        data.Document(text="date 2022-02-12 Talks\n\nThe cafÃ©  reopened.", id="a"),
        data.Document(text="Already clean.", id="b"),
    ]
    step = adapter.textfix_formatter("news")
    out = list(step.run(iter(docs)))
    assert [d.text for d in out] == ["The café reopened.", "Already clean."]
    assert out[0].metadata == {"date": "2022-02-12", "title": "Talks"}
    assert step.stats["changed"].total == 1 and step.stats["unchanged"].total == 1
