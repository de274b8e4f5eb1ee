"""Pipeline construction, running, explaining and pickling."""

from __future__ import annotations

import pickle

import pytest

import textfix
from textfix import Config, ConfigError, Document, Pipeline, UnknownStepError


def shout(text: str) -> str:
    return text.upper()


def test_from_preset_runs_steps_in_order() -> None:
    pipeline = Pipeline.from_preset("news")
    assert pipeline.step_names == (
        "fix_mojibake",
        "remove_control_chars",
        "normalise_unicode",
        "repair_quotes",
        "normalise_whitespace",
        "remove_boilerplate",
        "extract_header",
    )


def test_ascii_preset_transliterates_after_quote_repair() -> None:
    names = Pipeline.from_preset("ascii").step_names
    assert names.index("transliterate") > names.index("repair_quotes")
    assert textfix.clean("Russia is’set to go in DAYS’ to Київ", preset="ascii") == (
        "Russia is 'set to go in DAYS' to Kiyiv"
    )


def test_unknown_step_lists_valid_names() -> None:
    with pytest.raises(UnknownStepError) as caught:
        Pipeline(["fix_mojibake", "remove_emoji"])
    assert "remove_emoji" in str(caught.value)
    assert "repair_quotes" in str(caught.value)


def test_unknown_option_fails_at_construction() -> None:
    with pytest.raises(ConfigError, match="quote_style"):
        Pipeline.from_preset("default", quote_styel="curly")


def test_bad_option_value_lists_choices() -> None:
    with pytest.raises(ConfigError, match="keep, straight, curly"):
        Pipeline.from_preset("default", quote_style="fancy")


def test_unknown_preset() -> None:
    with pytest.raises(ConfigError, match="default, news, web, ascii"):
        Pipeline.from_preset("webb")


def test_whitespace_before_mojibake_is_refused() -> None:
    with pytest.raises(ConfigError, match="normalise_whitespace must run after fix_mojibake"):
        Pipeline(["normalise_whitespace", "fix_mojibake"])


def test_user_callables_mix_with_names() -> None:
    pipeline = Pipeline(["fix_mojibake", shout])
    assert pipeline("cafÃ©").text == "CAFÉ"
    assert pipeline.step_names == ("fix_mojibake", "shout")


def test_pipeline_pickles_and_keeps_behaviour() -> None:
    pipeline = Pipeline.from_preset("news", quote_style="straight")
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy == pipeline
    text = "date 2022-02-12 Talks ’fail’\n\nThe talks in Geneva failed after six hours of argument."
    assert copy(text) == pipeline(text)


def test_call_keeps_id_and_metadata_and_does_not_mutate_input() -> None:
    document = Document("date 2022-02-12 Title\n\nBody text here.", id="x", metadata={"url": "u"})
    result = Pipeline.from_preset("news")(document)
    assert result.id == "x"
    assert result.metadata == {"url": "u", "date": "2022-02-12", "title": "Title"}
    assert document.metadata == {"url": "u"}
    assert document.text.startswith("date")


def test_run_is_lazy_and_ordered() -> None:
    pipeline = Pipeline.from_preset("default")
    results = pipeline.run(iter(["a  b", "c\u00a0d"]))
    assert next(results).text == "a b"
    assert next(results).text == "c d"


def test_explain_names_each_step_that_changed() -> None:
    explanation = Pipeline.from_preset("news").explain(
        "date 2022-02-12 Talks\n\n"
        "The cafÃ© closed after a long and difficult year of trading.\n\nAdvertisement"
    )
    steps = [change.step for change in explanation.changes]
    assert steps == ["fix_mojibake", "remove_boilerplate", "extract_header"]
    assert "- Advertisement" in explanation.changes[1].describe()
    assert "removed by en.advertisement: 'Advertisement'" in explanation.changes[1].describe()
    assert explanation.document.metadata == {"date": "2022-02-12", "title": "Talks"}


def test_config_from_toml(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "textfix.toml"
    path.write_text(
        'preset = "news"\nskip = ["remove_boilerplate"]\n[options]\nquote_style = "curly"\n'
    )
    pipeline = Pipeline.from_config(path)
    assert "remove_boilerplate" not in pipeline.step_names
    assert pipeline.config.option_dict == {"quote_style": "curly"}
    assert Config.from_toml(path, quote_style="straight").option_dict == {"quote_style": "straight"}


def test_config_rejects_unknown_keys(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "bad.toml"
    path.write_text('presets = "news"\n')
    with pytest.raises(ConfigError, match="unknown configuration key 'presets'"):
        Pipeline.from_config(path)


def test_clean_returns_text() -> None:
    assert textfix.clean("CafÃ©\u00a0au   lait") == "Café au lait"


@pytest.mark.parametrize("preset", ["default", "news"])
def test_explain_gives_the_same_document_as_a_call_when_a_second_pass_runs(preset: str) -> None:
    # Stripping the no-break space leaves "Ü¤", mojibake ftfy repairs only on its own line: the
    # pipeline settles in a second pass, and explain records it too.
    pipeline = Pipeline.from_preset(preset)
    explanation = pipeline.explain("\u00a0Ü¤")
    assert explanation.document == pipeline("\u00a0Ü¤")
    assert [change.step for change in explanation.changes].count("fix_mojibake") == 1
    assert explanation.changes[-1].after == explanation.document.text
