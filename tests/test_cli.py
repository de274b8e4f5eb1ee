"""The command line, through typer's CliRunner and once as the installed entry point."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import FIXTURES, SHARED
from tests.test_seed import GOLDEN, SEED_TITLE, expected_seed_body
from textfix.cli import app

runner = CliRunner()


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_version_names_textfix_and_ftfy() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("textfix 0.1.0 (ftfy 6.3.")


def test_steps_lists_every_step() -> None:
    result = runner.invoke(app, ["steps"])
    assert result.exit_code == 0
    for name in ("fix_mojibake", "repair_quotes", "extract_header", "remove_boilerplate"):
        assert name in result.stdout


def test_clean_seed_directory(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["clean", str(SHARED / "seeds"), "-o", str(out), "--preset", "news"]
    )
    assert result.exit_code == 0, result.output
    [record] = read_jsonl(out)
    seed_text = next((SHARED / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    assert record["text"] == expected_seed_body(seed_text)
    assert record["metadata"] == {"date": "2022-02-12", "title": SEED_TITLE}


def test_clean_golden_article_through_cli(tmp_path: Path) -> None:
    case = GOLDEN[0]
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "g", "text": case["input"], "url": "u"}) + "\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["clean", str(source), "-o", str(out), "-p", case["preset"]])
    assert result.exit_code == 0, result.output
    [record] = read_jsonl(out)
    assert record == {
        "id": "g",
        "text": case["expected_text"],
        "url": "u",
        "metadata": case["expected_metadata"],
    }


def test_clean_quote_style_option(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "Russia is’set to invade in DAYS’"}) + "\n")
    result = runner.invoke(app, ["clean", str(source), "--quote-style", "straight", "-q"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["text"] == "Russia is 'set to invade in DAYS'"


def test_bad_records_go_to_errors_and_exit_one(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b'{"text": "good"}\n{"text": \n{"body": "x"}\n{"text": 5}\n{"text": "also good"}\n'
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["clean", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert [r["text"] for r in read_jsonl(out)] == ["good", "also good"]
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [e["number"] for e in errors] == [2, 3, 4]
    assert errors[1]["raw"] == '{"body": "x"}'


def test_missing_input_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["clean", "no/such/file.jsonl"])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output
    assert "Traceback" not in result.output


def test_unknown_preset_is_a_usage_error() -> None:
    result = runner.invoke(app, ["clean", str(FIXTURES / "sample" / "articles.jsonl"), "-p", "wab"])
    assert result.exit_code == 2
    assert "unknown preset 'wab'" in result.output


def test_explain_shows_steps(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(
        "date 2022-02-12 Talks\n\nThe cafÃ© closed after a long and difficult year.\n"
    )
    result = runner.invoke(app, ["explain", str(source), "-p", "news"])
    assert result.exit_code == 0
    assert "[fix_mojibake]" in result.stdout
    assert "+ The café closed" in result.stdout
    assert "[extract_header]" in result.stdout


def test_installed_entry_point_runs(tmp_path: Path) -> None:
    executable = shutil.which("textfix") or str(Path(sys.executable).with_name("textfix"))
    source = FIXTURES / "sample" / "articles.jsonl"
    completed = subprocess.run(
        [executable, "clean", str(source), "-p", "news", "-q"], capture_output=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    records = [json.loads(line) for line in completed.stdout.splitlines()]
    assert len(records) == 3
    assert records[0]["metadata"]["date"] == "2023-06-02"


def test_clean_report_removed_and_exit_codes(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "The ferry fares rose again this spring.\n\nAdvertisement"})
        + "\n{broken\n"
    )
    out, report, removed = tmp_path / "o.jsonl.gz", tmp_path / "r.json", tmp_path / "rm.jsonl"
    result = runner.invoke(
        app,
        ["clean", str(source), "-o", str(out), "-p", "news", "-j", "1",
         "--report", str(report), "--removed", str(removed)],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    figures = json.loads(report.read_text())
    assert (figures["documents_in"], figures["documents_out"], figures["errored"]) == (2, 1, 1)
    assert figures["step_changes"] == {"remove_boilerplate": 1}
    assert json.loads(removed.read_text())["rule"] == "en.advertisement"
    assert "documents in" in result.output  # the summary table
    assert [e["number"] for e in read_jsonl(tmp_path / "o.errors.jsonl")] == [2]


def test_clean_refuses_own_input_with_exit_two(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "x"}\n')
    result = runner.invoke(app, ["clean", str(source), "-o", str(source)])
    assert result.exit_code == 2
    assert "refuses to overwrite its own input" in result.output
    assert source.read_text() == '{"text": "x"}\n'


def test_clean_reads_stdin_with_id_and_text_fields(tmp_path: Path) -> None:
    stdin = json.dumps({"key": 7, "body": "CafÃ©"}) + "\n"
    result = runner.invoke(
        app, ["clean", "-", "--text-field", "body", "--id-field", "key", "-q"], input=stdin
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"key": 7, "body": "Café"}
