"""The corpus runner: workers, order, nothing lost, outputs, resume, refusal to overwrite input."""

from __future__ import annotations

import errno
import gzip
import json
from pathlib import Path

import pytest

from textfix.errors import InputError, TextfixError
from textfix.io.records import ReadOptions
from textfix.pipeline import Pipeline
from textfix.runner import RunOptions, run_clean
from textfix.runner.worker import part_path

NEWS = Pipeline.from_preset("news")
DEFAULT = Pipeline.from_preset("default")


def make_corpus(folder: Path, files: int = 6, per_file: int = 300, faults: bool = True) -> int:
    """JSONL shards (some compressed) and .txt files, with faults seeded; returns units in."""
    folder.mkdir(parents=True, exist_ok=True)
    units = 0
    for f in range(files):
        lines = []
        for i in range(per_file):
            header = f"date 2023-01-0{1 + i % 9} Headline {f}-{i}"
            text = f"{header}\n\nThe cafÃ© opened  at dawn.\n\nAdvertisement"
            lines.append(json.dumps({"id": f"{f}-{i}", "text": text, "url": f"u{i}"}).encode())
        if faults:
            lines[10] = b'{"text": '
            lines[20] = b'{"body": "no text field"}'
            lines[30] = b'{"text": 42}'
            lines[40] = b'{"text": "caf\xe9 latin-1 byte"}'
        data = b"\n".join(lines) + b"\n"
        name = f"shard-{f:02d}.jsonl" + (".gz" if f % 3 == 2 else "")
        (folder / name).write_bytes(gzip.compress(data, mtime=0) if name.endswith(".gz") else data)
        units += per_file
    for t in range(5):
        (folder / f"article-{t}.txt").write_text(
            f"Plain article {t} on the ferry fares that rose again this spring.\n\nMore to come…\n"
        )
        units += 1
    return units


def read_lines(path: Path) -> list[dict[str, object]]:
    with gzip.open(path, "rt") if path.suffix == ".gz" else path.open() as stream:  # type: ignore[arg-type]
        return [json.loads(line) for line in stream]


@pytest.mark.parametrize("workers", [1, 2])
def test_nothing_lost_on_a_seeded_corpus(tmp_path: Path, workers: int) -> None:
    units = make_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    options = RunOptions(workers=workers, chunk_bytes=20_000)
    stats = run_clean([str(tmp_path / "in")], NEWS, out, options=options)
    records = read_lines(out)
    errors = read_lines(tmp_path / "out.errors.jsonl")
    assert len(records) + len(errors) == units == stats.documents_in
    assert (stats.documents_out, stats.errored) == (len(records), len(errors))
    assert len(errors) == 6 * 3  # the latin-1 byte is decoded, not an error
    for error in errors:
        assert set(error) == {"source", "number", "error", "raw"}
        assert error["number"] in (11, 21, 31)  # line numbers are absolute across byte ranges
    assert {e["raw"] for e in errors} == {'{"text": ', '{"body": "no text field"}', '{"text": 42}'}
    assert records[0]["text"] == "Plain article 0 on the ferry fares that rose again this spring."
    assert records[5]["text"] == "The café opened at dawn."
    assert records[5]["metadata"] == {"date": "2023-01-01", "title": "Headline 0-0"}


def test_output_order_and_bytes_do_not_depend_on_workers(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in")
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"out-{workers}.jsonl.gz"
        run_clean(
            [str(tmp_path / "in")],
            NEWS,
            out,
            options=RunOptions(workers=workers, chunk_bytes=9_000),
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    # Worker processes hand their output over in part files; every one was appended and removed.
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "in",
        "out-1.errors.jsonl",
        "out-1.jsonl.gz",
        "out-2.errors.jsonl",
        "out-2.jsonl.gz",
    ]
    ids = [r.get("id") for r in read_lines(tmp_path / "out-1.jsonl.gz")]
    folder = (tmp_path / "in").as_posix()
    assert ids[:3] == [
        f"{folder}/article-0.txt",
        f"{folder}/article-1.txt",
        f"{folder}/article-2.txt",
    ]
    assert ids[5:8] == ["0-0", "0-1", "0-2"]


def test_a_new_run_removes_part_files_a_killed_run_left(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", files=2, per_file=30, faults=False)
    out = tmp_path / "out.jsonl"
    stale = part_path(out, 999)  # no task of this run has that number
    stale.write_bytes(b'{"text": "from a run that was killed"}\n')
    run_clean([str(tmp_path / "in")], NEWS, out, options=RunOptions(workers=2, chunk_bytes=2_000))
    assert not stale.exists()
    assert b"killed" not in out.read_bytes()
    assert len(read_lines(out)) == 2 * 30 + 5


def test_report_counts_steps(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", files=1, per_file=50, faults=False)
    report = tmp_path / "report.json"
    stats = run_clean(
        [str(tmp_path / "in")],
        NEWS,
        tmp_path / "o.jsonl",
        options=RunOptions(workers=1, report=report),
    )
    figures = json.loads(report.read_text())
    assert figures["documents_in"] == 55 == stats.documents_in
    assert figures["step_changes"]["fix_mojibake"] == 50
    assert figures["step_changes"]["extract_header"] == 50
    assert figures["step_changes"]["remove_boilerplate"] == 55
    assert "repair_quotes" not in figures["step_changes"]
    assert figures["changed"] == 55


def test_removed_sidecar_names_document_line_and_rule(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "The ferry fares rose again this spring.\n\nAdvertisement"})
        + "\n"
    )
    removed = tmp_path / "removed.jsonl"
    run_clean(
        [str(source)], NEWS, tmp_path / "o.jsonl", options=RunOptions(workers=1, removed=removed)
    )
    [entry] = read_lines(removed)
    assert entry == {
        "source": str(source),
        "number": 1,
        "id": "a",
        "line_number": 3,
        "line": "Advertisement",
        "rule": "en.advertisement",
    }


def test_parquet_output_round_trips(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    make_corpus(tmp_path / "in", files=2, per_file=40, faults=False)
    out = tmp_path / "out.parquet"
    run_clean([str(tmp_path / "in")], NEWS, out, options=RunOptions(workers=2, chunk_bytes=3000))
    table = pq.read_table(out)
    assert table.num_rows == 85
    # Every field is a column of its own, and metadata a struct (not JSON strings).
    assert sorted(table.column_names) == ["id", "metadata", "text", "url"]
    assert str(table.schema.field("metadata").type).startswith("struct<")
    rows = table.to_pylist()
    assert rows[5]["id"] == "0-0" and rows[5]["url"] == "u0"
    assert rows[5]["metadata"]["date"] == "2023-01-01"
    again = tmp_path / "again.jsonl"
    run_clean([str(out)], NEWS, again, options=RunOptions(workers=1))
    records = read_lines(again)
    assert len(records) == 85 and records[5]["url"] == "u0"
    assert records[5]["metadata"]["date"] == "2023-01-01"  # type: ignore[index]


def test_parquet_output_falls_back_to_json_columns_when_types_clash(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    source = tmp_path / "in.jsonl"
    rows = [{"text": "a", "n": 1}, {"text": "b", "n": "one"}, {"text": "c", "n": 2**70}]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = tmp_path / "out.parquet"
    run_clean([str(source)], DEFAULT, out, options=RunOptions(workers=1, chunk_bytes=20))
    table = pq.read_table(out)
    assert table.column_names == ["id", "text", "metadata", "fields"]
    assert [json.loads(f)["n"] for f in table.column("fields").to_pylist()] == [1, "one", 2**70]


def test_txt_directory_output_mirrors_inputs(tmp_path: Path) -> None:
    (tmp_path / "in" / "news").mkdir(parents=True)
    (tmp_path / "in" / "news" / "a.txt").write_text("date 2022-02-12 Title here\n\nBody  text.\n")
    (tmp_path / "in" / "b.jsonl").write_text(json.dumps({"text": "x  y", "url": "u"}) + "\n")
    out = tmp_path / "cleaned"
    run_clean([str(tmp_path / "in")], NEWS, out, options=RunOptions(workers=1, output_format="txt"))
    assert (out / "news" / "a.txt").read_text() == "Body text."
    meta = json.loads((out / "news" / "a.meta.json").read_text())
    assert meta["metadata"] == {"date": "2022-02-12", "title": "Title here"}
    assert (out / "b.jsonl" / "000000001.txt").read_text() == "x y"
    meta = json.loads((out / "b.jsonl" / "000000001.meta.json").read_text())
    assert meta == {"url": "u", "id": f"{(tmp_path / 'in').as_posix()}/b.jsonl:1"}


def test_same_names_under_two_inputs_never_collide(tmp_path: Path) -> None:
    # Two input folders with the same relative names: ids and mirrored files stay apart.
    for folder in ("business", "tech"):
        (tmp_path / "bbc" / folder / "sub").mkdir(parents=True)
        (tmp_path / "bbc" / folder / "sub" / "001.txt").write_text(f"{folder} text")
        (tmp_path / "bbc" / folder / "001.txt.gz").write_bytes(
            gzip.compress(b"gz " + folder.encode())
        )
        (tmp_path / "bbc" / folder / "001.txt").write_text(f"plain {folder}")
        (tmp_path / "bbc" / folder / "r.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n')
    inputs = [str(tmp_path / "bbc" / "business"), str(tmp_path / "bbc" / "tech")]
    stats = run_clean(inputs, DEFAULT, tmp_path / "o.jsonl", options=RunOptions(workers=1))
    records = read_lines(tmp_path / "o.jsonl")
    ids = [record["id"] for record in records]
    assert stats.documents_out == len(records) == len(set(ids)) == 10
    bbc = (tmp_path / "bbc").as_posix()
    assert f"{bbc}/tech/sub/001.txt" in ids and f"{bbc}/business/r.jsonl:2" in ids
    out = tmp_path / "mirror"
    stats = run_clean(inputs, DEFAULT, out, options=RunOptions(workers=1, output_format="txt"))
    texts = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt"))
    assert stats.documents_out == len(texts) == 10 and stats.errored == 0
    assert "tech/001.txt.gz.txt" in texts and "business/sub/001.txt" in texts
    assert (out / "tech" / "001.txt.gz.txt").read_text() == "gz tech"


def test_a_txt_tree_never_overwrites_a_file(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("new text")
    out = tmp_path / "out"
    (out).mkdir()
    (out / "a.txt").write_text("someone else's file")
    stats = run_clean([str(tmp_path / "in")], DEFAULT, out, options=RunOptions(workers=1))
    assert (stats.documents_out, stats.errored) == (0, 1)
    assert (out / "a.txt").read_text() == "someone else's file"
    [error] = read_lines(tmp_path / "out.errors.jsonl")
    assert "never overwrites" in error["error"]


def test_refuses_to_overwrite_its_own_input(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "keep me"}\n')
    with pytest.raises(InputError, match="refuses to overwrite its own input"):
        run_clean([str(source)], DEFAULT, source, options=RunOptions(workers=1))
    with pytest.raises(InputError, match="refuses to overwrite its own input"):
        run_clean([str(tmp_path)], DEFAULT, tmp_path / "out.jsonl", options=RunOptions(workers=1))
    assert source.read_text() == '{"text": "keep me"}\n'


def test_a_crash_leaves_no_output_and_resume_gives_identical_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_corpus(tmp_path / "in", files=4, per_file=200)
    inputs = [str(tmp_path / "in")]
    clean_run = tmp_path / "clean.jsonl.zst"
    run_clean(inputs, NEWS, clean_run, options=RunOptions(workers=1, chunk_bytes=8000))

    import textfix.runner.core as core

    real = core.run_ordered
    out = tmp_path / "out.jsonl.zst"

    def crash_after_five(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for n, result in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if n == 5:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(core, "run_ordered", crash_after_five)
    with pytest.raises(KeyboardInterrupt):
        run_clean(inputs, NEWS, out, options=RunOptions(workers=1, chunk_bytes=8000))
    assert not out.exists()
    monkeypatch.setattr(core, "run_ordered", real)
    stats = run_clean(
        inputs, NEWS, out, options=RunOptions(workers=1, chunk_bytes=8000, resume=True)
    )
    assert out.read_bytes() == clean_run.read_bytes()
    assert (tmp_path / "out.errors.jsonl").read_bytes() == (
        tmp_path / "clean.errors.jsonl"
    ).read_bytes()
    assert stats.documents_in == 805
    assert not (tmp_path / "out.jsonl.zst.progress.jsonl").exists()


def test_a_full_disk_stops_the_run_with_a_resumable_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = [str(tmp_path / "in")]
    make_corpus(tmp_path / "in")
    options = RunOptions(workers=1, chunk_bytes=8000)
    run_clean(inputs, NEWS, tmp_path / "clean.jsonl", options=options)

    import textfix.runner.core as core

    real_write = core._Writer.write
    calls: list[int] = []

    def full_disk(self: core._Writer, result: core.TaskResult) -> None:
        calls.append(1)
        if len(calls) == 6:  # half a task's bytes reach the disk, then it is full
            self._stream("out").write(result.payload[: len(result.payload) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(self, result)

    monkeypatch.setattr(core._Writer, "write", full_disk)
    out = tmp_path / "out.jsonl"
    with pytest.raises(TextfixError, match=r"cannot write .*out.jsonl: No space left .*--resume"):
        run_clean(inputs, NEWS, out, options=options)
    assert not out.exists()
    monkeypatch.setattr(core._Writer, "write", real_write)
    run_clean(inputs, NEWS, out, options=RunOptions(workers=1, chunk_bytes=8000, resume=True))
    assert out.read_bytes() == (tmp_path / "clean.jsonl").read_bytes()
    assert (tmp_path / "out.errors.jsonl").read_bytes() == (
        tmp_path / "clean.errors.jsonl"
    ).read_bytes()


@pytest.mark.parametrize("option", ["output", "errors", "removed", "report"])
def test_a_folder_named_as_an_output_file_is_refused_before_reading(
    tmp_path: Path, option: str
) -> None:
    make_corpus(tmp_path / "in", files=1, per_file=50)
    folder = tmp_path / f"{option}.jsonl"
    folder.mkdir()
    out = folder if option == "output" else tmp_path / "out.jsonl"
    extra = {} if option == "output" else {option: folder}
    options = RunOptions(workers=1, overwrite=True, **extra)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="is a folder; name a file"):
        run_clean([str(tmp_path / "in")], NEWS, out, options=options)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["in", folder.name])


def test_resume_refuses_a_journal_of_another_job(tmp_path: Path) -> None:
    make_corpus(tmp_path / "in", files=1, per_file=50)
    out = tmp_path / "out.jsonl"
    journal = tmp_path / "out.jsonl.progress.jsonl"
    journal.write_text('{"job": "something else"}\n')
    with pytest.raises(InputError, match="other inputs or options"):
        run_clean([str(tmp_path / "in")], NEWS, out, options=RunOptions(workers=1, resume=True))


def test_stdin_cannot_resume(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--resume"):
        run_clean(
            ["-"], NEWS, tmp_path / "o.jsonl", read=ReadOptions(), options=RunOptions(resume=True)
        )


@pytest.mark.parametrize("workers", [1, 2])
def test_a_large_utf16_jsonl_file_is_never_cut_between_its_bytes(
    tmp_path: Path, workers: int
) -> None:
    lines = [json.dumps({"id": f"d{i}", "text": f"Grüße aus Köln, {i}."}) for i in range(3000)]
    source = tmp_path / "wide.jsonl"
    source.write_bytes("\r\n".join(lines).encode("utf-16"))
    out = tmp_path / "out.jsonl"
    options = RunOptions(workers=workers, chunk_bytes=10_000)
    stats = run_clean([str(source)], DEFAULT, out, options=options)
    assert (stats.documents_in, stats.errored) == (3000, 0)
    records = read_lines(out)
    assert [r["id"] for r in records] == [f"d{i}" for i in range(3000)]
    assert records[2999]["text"] == "Grüße aus Köln, 2999."
