"""The command line, through typer's CliRunner and once as the installed entry point."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import zstandard
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


@pytest.mark.skipif(
    not (SHARED / "seeds").is_dir(),
    reason="../shared/seeds is not beside this checkout; test_clean_golden_article_through_cli "
    "covers the same on fixtures/",
)
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


def test_a_dropped_final_line_break_is_counted_as_no_change_by_any_step(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The ferry fares rose again.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The ferry  fares rose again.\n", encoding="utf-8")
    report = tmp_path / "r.json"
    result = runner.invoke(
        app,
        ["clean", str(folder), "-o", str(tmp_path / "o.jsonl"), "-j", "1", "-q",
         "--report", str(report)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    figures = json.loads(report.read_text())
    assert (figures["documents_out"], figures["changed"]) == (2, 1)
    assert figures["step_changes"] == {"normalise_whitespace": 1}
    assert (figures["workers"], figures["workers_requested"]) == (1, 1)


def test_a_small_input_runs_in_process_and_the_report_says_what_was_asked(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"text": f"Fare {n} rose."}) + "\n" for n in range(50)))
    report = tmp_path / "r.json"
    result = runner.invoke(
        app, ["clean", str(source), "-o", str(tmp_path / "o.jsonl"), "-j", "2", "-q",
              "--report", str(report)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    figures = json.loads(report.read_text())
    assert (figures["workers"], figures["workers_requested"]) == (1, 2)


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


@pytest.mark.parametrize("side", ["-o", "--errors", "--removed", "--report"])
def test_an_existing_output_is_refused_without_overwrite(tmp_path: Path, side: str) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "Fares rose again.\\n\\nAdvertisement\\n"}\n{broken\n')
    names = {"-o": "o.jsonl", "--errors": "e.jsonl", "--removed": "r.jsonl", "--report": "r.json"}
    taken = tmp_path / names[side]
    taken.write_text("a file of someone else's\n")
    args = ["clean", str(source), "-p", "news", "-q"]
    for option, name in names.items():
        args += [option, str(tmp_path / name)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert f"{taken} exists; give --overwrite to replace it" in result.output
    assert taken.read_text() == "a file of someone else's\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["in.jsonl", names[side]])
    result = runner.invoke(app, [*args, "--overwrite"])
    assert result.exit_code == 1, result.output  # the broken line
    assert [r["text"] for r in read_jsonl(tmp_path / "o.jsonl")] == ["Fares rose again."]
    assert json.loads((tmp_path / "r.json").read_text())["documents_in"] == 2
    assert [e["number"] for e in read_jsonl(tmp_path / "e.jsonl")] == [2]


def test_resume_without_an_interrupted_run_refuses_a_finished_output(tmp_path: Path) -> None:
    source, out = tmp_path / "in.jsonl", tmp_path / "o.jsonl"
    source.write_text('{"text": "x"}\n')
    assert runner.invoke(app, ["clean", str(source), "-o", str(out), "-q"]).exit_code == 0
    out.write_text("edited since\n")
    result = runner.invoke(app, ["clean", str(source), "-o", str(out), "-q", "--resume"])
    assert result.exit_code == 2
    assert "no interrupted run" in result.output and "--overwrite" in result.output
    assert out.read_text() == "edited since\n"


def test_an_existing_output_beside_a_journal_points_to_resume(tmp_path: Path) -> None:
    # A run killed among its final renames leaves its output and its journal: the refusal
    # names --resume, which finishes it.
    source, out = tmp_path / "in.jsonl", tmp_path / "o.jsonl"
    source.write_text('{"text": "x"}\n')
    out.write_text('{"text":"x"}\n')
    (tmp_path / "o.jsonl.progress.jsonl").write_text('{"job": "another run"}\n')
    result = runner.invoke(app, ["clean", str(source), "-o", str(out), "-q"])
    assert result.exit_code == 2
    assert "or --resume to finish the interrupted run whose journal is" in result.output


def test_a_folder_of_txt_output_may_exist(tmp_path: Path) -> None:
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    out.mkdir()
    (source / "a.txt").write_text("one\n")
    result = runner.invoke(app, ["clean", str(source), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert (out / "a.txt").read_text() == "one"


def test_clean_reads_stdin_with_id_and_text_fields(tmp_path: Path) -> None:
    stdin = json.dumps({"key": 7, "body": "CafÃ©"}) + "\n"
    result = runner.invoke(
        app, ["clean", "-", "--text-field", "body", "--id-field", "key", "-q"], input=stdin
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"key": 7, "body": "Café"}


# --- through the installed entry point: processes, signals, stdin ------------------------------

TEXTFIX = shutil.which("textfix") or str(Path(sys.executable).with_name("textfix"))


def run_textfix(
    *args: str, stdin: bytes = b"", timeout: float = 300
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [TEXTFIX, *args], input=stdin, capture_output=True, check=False, timeout=timeout
    )


def test_a_second_run_on_the_same_output_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    # The first run holds its lock while it waits for standard input.
    first = subprocess.Popen(
        [TEXTFIX, "clean", "-", "-o", str(out), "-q"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    lock = tmp_path / ".out.jsonl.lock"
    try:
        deadline = time.monotonic() + 120
        while not lock.exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert lock.exists()
        source = tmp_path / "in.jsonl"
        source.write_text('{"text": "second"}\n')
        second = run_textfix("clean", str(source), "-o", str(out), "-q")
    except BaseException:
        first.kill()
        first.communicate()
        raise
    assert second.returncode == 2
    assert b"another textfix run is writing" in second.stderr
    assert b"Traceback" not in second.stderr
    # The first run is untouched and finishes with its own output.
    _, err = first.communicate(b'{"id": "a", "text": "first"}\n', timeout=120)
    assert first.returncode == 0, err
    assert read_jsonl(out) == [{"id": "a", "text": "first"}]
    assert not lock.exists()


def test_an_output_folder_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "x"}\n')
    result = runner.invoke(app, ["clean", str(source), "-o", str(tmp_path / "no/such/o.jsonl")])
    assert result.exit_code == 2 and "no such folder" in result.output
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("packer", ["gzip", "zstd", "bz2", "xz", "none"])
def test_stdin_compression_is_sniffed_by_magic_bytes(packer: str) -> None:
    data = b'{"id": "a", "text": "Caf\\u00e9  one"}\n{"id": "b", "text": "two"}\n'
    packed = {
        "gzip": lambda d: gzip.compress(d),
        "zstd": lambda d: zstandard.ZstdCompressor().compress(d),
        "bz2": bz2.compress,
        "xz": lzma.compress,
        "none": lambda d: d,
    }[packer](data)
    result = run_textfix("clean", "-", "-q", stdin=packed)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"id": "a", "text": "Café one"},
        {"id": "b", "text": "two"},
    ]


def test_plain_text_on_stdin_is_one_document() -> None:
    text = "Ferry fares rise\n\nThe  council said on Monday that fares would rise.\n"
    result = run_textfix("clean", "-", "-q", stdin=gzip.compress(text.encode("latin-1")))
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["text"] == "Ferry fares rise\n\nThe council said on Monday that fares would rise."
    assert record["id"] == "-"


def test_input_format_reads_unknown_extensions(tmp_path: Path) -> None:
    source = tmp_path / "reut2-000.sgm"
    source.write_text("<BODY>Sugar  prices rose.</BODY>\n")
    refused = run_textfix("clean", str(source), "-q")
    assert refused.returncode == 2 and b"--input-format" in refused.stderr
    result = run_textfix("clean", str(source), "-q", "--input-format", "txt")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["text"] == "<BODY>Sugar prices rose.</BODY>"


def test_an_unknown_encoding_is_refused_before_reading(tmp_path: Path) -> None:
    source = tmp_path / "a.jsonl"
    source.write_text('{"text": "plain ascii"}\n')
    result = run_textfix(
        "clean", str(source), "-o", str(tmp_path / "o.jsonl"), "--encoding", "nonsense"
    )
    assert result.returncode == 2
    assert b"unknown encoding" in result.stderr and b"Traceback" not in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


# --- data kept exactly, outputs where people expect them -----------------------------------------


def test_big_integers_and_every_field_are_kept_exactly(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"text": "a", "n": 123456789012345678901234567890, "m": -99999999999999999999999,'
        ' "f": 1.5, "s": "12345678901234567890123", "metadata": "from the scraper"}\n'
    )
    result = run_textfix("clean", str(source), "-q", "-p", "news")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["n"] == 123456789012345678901234567890
    assert record["m"] == -99999999999999999999999 and record["f"] == 1.5
    assert record["s"] == "12345678901234567890123"
    assert record["metadata"] == "from the scraper"  # no header found: left as it was
    headed = tmp_path / "headed.jsonl"
    text = "date 2022-02-12 Ferry fares to double.\\n\\nThe council confirmed it."
    headed.write_text(f'{{"text": "{text}", "metadata": ["a", "list"]}}\n')
    record = json.loads(run_textfix("clean", str(headed), "-q", "-p", "news").stdout)
    assert record["metadata"]["input_metadata"] == ["a", "list"]
    assert record["metadata"]["date"] == "2022-02-12"


def test_output_names_that_mean_standard_output(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "one  two"}\n')
    for name in ("-", "/dev/stdout"):
        result = subprocess.run(
            [TEXTFIX, "clean", str(source), "-o", name, "-q"],
            capture_output=True, check=False, cwd=tmp_path, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == {"id": "a", "text": "one two"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_outputs_that_would_surprise_are_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "x"}\n')
    out = str(tmp_path / "out.jsonl")
    same = run_textfix("clean", str(source), "-o", out, "--errors", out)
    assert same.returncode == 2 and b"named for two outputs" in same.stderr
    bare = run_textfix("clean", str(source), "-o", str(tmp_path / "cleaned"))
    assert bare.returncode == 2 and b"--output-format txt" in bare.stderr
    glob = run_textfix("clean", str(tmp_path), "--glob", "**/*.csv")
    assert glob.returncode == 2 and b"no input files matching --glob" in glob.stderr
    rules = run_textfix("clean", str(source), "--skip-rule", "en.advertisement")
    assert rules.returncode == 2 and b"--preset news" in rules.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_an_output_named_for_another_format_is_refused(tmp_path: Path) -> None:
    # JSON lines in out.csv, out.json or out.txt would be read wrong by every CSV, JSON or
    # text reader, textfix's own included (it reads .json as one JSON array).
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "a  b"}\n')
    for name in ("out.csv", "out.json", "out.txt", "out.tsv.gz"):
        result = runner.invoke(app, ["clean", str(source), "-o", str(tmp_path / name), "-q"])
        assert result.exit_code == 2 and "--output-format jsonl" in result.output, name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
    asked = tmp_path / "out.json"
    result = runner.invoke(
        app, ["clean", str(source), "-o", str(asked), "--output-format", "jsonl", "-q"]
    )
    assert result.exit_code == 0 and [r["text"] for r in read_jsonl(asked)] == ["a b"]
    # A .jsonl or .parquet name and an --output-format that contradicts it: refused.
    for name, kind in (("x.jsonl", "txt"), ("x.jsonl", "parquet"), ("x.parquet", "jsonl")):
        args = ["clean", str(source), "-o", str(tmp_path / name), "--output-format", kind]
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "but --output-format asks for" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.json"]


def test_files_of_unknown_format_in_a_folder_are_a_reported_skip(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Fares  rose.", encoding="utf-8")
    (corpus / "notes.md").write_text("# notes", encoding="utf-8")
    (corpus / "lee.cor").write_text("A corpus line.", encoding="utf-8")
    report = tmp_path / "run.json"
    result = runner.invoke(
        app, ["clean", str(corpus), "-o", str(tmp_path / "o.jsonl"), "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert "skipped 2 files of unknown format" in result.output and "lee.cor" in result.output
    figures = json.loads(report.read_text(encoding="utf-8"))
    assert figures["skipped_files"] == 2 and figures["documents_in"] == 1
    # Not a skip when --glob picks the files: the user chose them.
    picked = runner.invoke(
        app, ["clean", str(corpus), "--glob", "*.txt", "-o", str(tmp_path / "p.jsonl")]
    )
    assert picked.exit_code == 0 and "skipped" not in picked.output
    (corpus / "a.txt").unlink()
    none = runner.invoke(app, ["clean", str(corpus), "-o", str(tmp_path / "n.jsonl"), "-q"])
    assert none.exit_code == 2 and "skipped 2 files of unknown format" in none.output


def test_an_input_reached_twice_is_read_once(tmp_path: Path) -> None:
    # The same folder twice, a folder inside another input, a file inside an input folder:
    # each document comes out once with one id, and the summary says what was passed over.
    corpus = tmp_path / "bbc"
    (corpus / "tech").mkdir(parents=True)
    (corpus / "tech" / "001.txt").write_text("Chips  got faster.", encoding="utf-8")
    (corpus / "top.txt").write_text("Markets  rose.", encoding="utf-8")
    tech, one = corpus / "tech", corpus / "tech" / "001.txt"
    orders = [
        [tech, tech],
        [corpus, tech],
        [tech, corpus],
        [corpus, one],
        [one, corpus],
        [one, one],
    ]
    for number, inputs in enumerate(orders):
        out = tmp_path / f"out{number}.jsonl"
        result = runner.invoke(app, ["clean", *map(str, inputs), "-o", str(out)])
        assert result.exit_code == 0, result.output
        ids = [r["id"] for r in read_jsonl(out)]
        assert len(ids) == len(set(ids)), inputs
        expected = 1 if inputs == [one, one] else (2 if corpus in inputs else 1)
        assert len(ids) == expected, inputs
        assert "read already under another name" in result.output, inputs
    # A file a --glob left out of its folder is read when named: it was not read already.
    out = tmp_path / "glob.jsonl"
    result = runner.invoke(app, ["clean", str(corpus), str(one), "--glob", "top.*", "-o", str(out)])
    assert result.exit_code == 0 and len(read_jsonl(out)) == 2, result.output


def test_parquet_output_without_pyarrow_fails_before_reading(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "x"}\n')
    script = (
        "import sys; sys.modules['pyarrow'] = None; sys.modules['pyarrow.parquet'] = None\n"
        "from textfix.cli import main; sys.argv[0] = 'textfix'; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "clean", str(source), "-o", str(tmp_path / "o.parquet")],
        capture_output=True, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 2 and b"textfix[parquet]" in result.stderr
    assert b"Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_summary_and_report_count_what_happened(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # Files as editors save them (a final newline): not "changed" by losing it.
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Fares rose by {n} percent.\n")
    (folder / "ad.txt").write_text("Fares rose again.\n\nAdvertisement\n")
    out, report = tmp_path / "out.jsonl", tmp_path / "r.json"
    result = run_textfix(
        "clean", str(folder), "-o", str(out), "-p", "news", "--report", str(report)
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(report.read_text())
    assert figures["removed_lines"] == 1  # counted without --removed
    assert figures["changed"] == 1
    assert not (tmp_path / "out.errors.jsonl").exists()  # no error, no errors file
    (folder / "bad.jsonl").write_text("{broken\n")
    result = run_textfix("clean", str(folder), "-o", str(out), "-p", "news", "--overwrite")
    assert result.returncode == 1
    assert str(tmp_path / "out.errors.jsonl").encode() in result.stderr


def test_step_counts_after_resume_cover_the_whole_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for f in range(4):
        lines = [json.dumps({"text": f"Fares  rose {i}.\n\nAdvertisement"}) for i in range(50)]
        (folder / f"{f}.jsonl").write_text("\n".join(lines) + "\n")
    common = ["-p", "news", "-q", "-j", "1", "--chunk-bytes", "2000"]
    run_textfix("clean", str(folder), "-o", str(tmp_path / "ref.jsonl"), *common,
                "--report", str(tmp_path / "ref.json"))  # fmt: skip
    script = (
        "import sys, textfix.runner.core as core\n"
        "real = core.run_ordered\n"
        "def cut(*a, **k):\n"
        "    for n, r in enumerate(real(*a, **k)):\n"
        "        if n == 5: raise KeyboardInterrupt\n"
        "        yield r\n"
        "core.run_ordered = cut\n"
        "from textfix.cli import main; sys.argv[0] = 'textfix'; main()"
    )
    out, report = tmp_path / "out.jsonl", tmp_path / "out.json"
    cut = subprocess.run(
        [sys.executable, "-c", script, "clean", str(folder), "-o", str(out), *common,
         "--report", str(report)],
        capture_output=True, check=False, timeout=300,
    )  # fmt: skip
    assert cut.returncode == 130
    assert b"interrupted; run the same command with --resume" in cut.stderr
    resumed = run_textfix(
        "clean", str(folder), "-o", str(out), *common, "--report", str(report), "--resume"
    )
    assert resumed.returncode == 0, resumed.stderr
    figures, reference = (
        json.loads(report.read_text()),
        json.loads((tmp_path / "ref.json").read_text()),
    )
    for key in ("documents_in", "documents_out", "changed", "removed_lines", "step_changes"):
        assert figures[key] == reference[key], key
    assert figures["step_changes"]["remove_boilerplate"] == 200


def test_learn_reads_every_format_clean_reads(tmp_path: Path) -> None:
    rows = "".join(f'"Story {n} about fares.","Share this article"\n' for n in range(6))
    (tmp_path / "a.csv").write_text('"text","footer"\n' + rows)
    (tmp_path / "b.csv").write_text("body\n" + "x\n" * 6)
    docs = [{"body": f"Story {n}\n\nRead more on our site"} for n in range(6)]
    (tmp_path / "c.jsonl.gz").write_bytes(
        gzip.compress("".join(json.dumps(d) + "\n" for d in docs).encode())
    )
    rules = tmp_path / "rules.toml"
    result = run_textfix("learn", str(tmp_path), "-o", str(rules), "--text-field", "body")
    assert result.returncode == 0, result.stderr
    assert b"6 records could not be read" in result.stderr  # a.csv has no "body" column
    assert "read more on our site" in rules.read_text().lower()
    # A rule file under review is not lost to a rerun.
    rules.write_text("# reviewed by hand\n")
    again = run_textfix("learn", str(tmp_path), "-o", str(rules), "--text-field", "body")
    assert again.returncode == 2 and b"exists; give --overwrite" in again.stderr
    assert rules.read_text() == "# reviewed by hand\n"
    again = run_textfix(
        "learn", str(tmp_path), "-o", str(rules), "--text-field", "body", "--overwrite"
    )
    assert again.returncode == 0, again.stderr
    assert "read more on our site" in rules.read_text().lower()


def test_help_shows_flags_as_flags() -> None:
    result = run_textfix("clean", "--help")
    assert b"--resume " in result.stdout and b"<bool>" not in result.stdout
    assert b"--output-format, --format" in result.stdout


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ("clean", "Usage: textfix clean [OPTIONS] INPUT..."),
        ("explain", "Usage: textfix explain [OPTIONS] INPUT..."),
        ("learn", "Usage: textfix learn [OPTIONS] INPUT..."),
        ("report", "Usage: textfix report [OPTIONS] RUN"),
        ("steps", "Usage: textfix steps [OPTIONS]"),
    ],
)
def test_help_reads_like_other_tools_help(command: str, usage: str) -> None:
    text = runner.invoke(app, [command, "--help"]).output
    assert text.splitlines()[0] == usage
    # No typer-style {ARG} usage, <type> labels or list[str] anywhere; values named in capitals.
    assert "{" not in text and "list[str]" not in text
    assert not re.search(r"<[a-z]", text), command  # ranges (0.0<=x<=1.0) are click's own
    if command == "clean":
        assert "  INPUT...  Files" in text
        for shown in (
            "-o, --output PATH",
            "--preset NAME",
            "--engine [local|ray]",
            "-j, --workers N",
        ):
            assert shown in text


def test_explain_reads_what_clean_reads_and_picks_records(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b'{"id": "first", "text": "plain"}\n'
        b'{"text": "The caf\\u00c3\\u00a9  closed."}\n'
        b'{"text": "A \xa35 ticket  price"}\n'
    )
    first = run_textfix("explain", str(source))
    assert first.returncode == 0, first.stderr
    assert b"record: first" in first.stdout and b"nothing to change" in first.stdout
    second = run_textfix("explain", str(source), "--line", "2")
    assert b"+ The caf\xc3\xa9 closed." in second.stdout  # the text, not the JSON around it
    assert b'{"text"' not in second.stdout
    third = run_textfix("explain", str(source), "--id", f"{source.as_posix()}:3")
    assert b"encoding: cp1252 (confidence" in third.stdout
    assert "+ A £5 ticket price".encode() in third.stdout
    missing = run_textfix("explain", str(source), "--line", "9")
    assert missing.returncode == 2 and b"no record with line 9" in missing.stderr
