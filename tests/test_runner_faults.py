"""Inputs that fail: corrupt compressed files, names that are not UTF-8, inputs that cannot be
read. Each becomes error records (or a reported skip) and the run goes on."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import zstandard

from textfix.pipeline import Pipeline
from textfix.runner import RunOptions, run_clean

DEFAULT = Pipeline.from_preset("default")
TEXTFIX = shutil.which("textfix") or str(Path(sys.executable).with_name("textfix"))


def jsonl(count: int, tag: str) -> bytes:
    return b"".join(
        json.dumps({"text": f"{tag} record {i} " + "words " * 40}).encode() + b"\n"
        for i in range(count)
    )


def read_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


def _corrupt(kind: str, data: bytes) -> bytes:
    """``data`` compressed by ``kind``, then damaged as the decoder's users find it."""
    if kind == "gz-truncated":
        packed = gzip.compress(data, mtime=0)
        return packed[: len(packed) * 2 // 3]
    if kind == "gz-flipped":
        packed = bytearray(gzip.compress(data, mtime=0))
        packed[len(packed) // 2] ^= 0xFF
        return bytes(packed)
    if kind == "zst-junk":
        return zstandard.ZstdCompressor().compress(data) + b"junk after the frame" * 10
    if kind == "xz-zeroed":
        packed = bytearray(lzma.compress(data))
        packed[len(packed) // 2 : len(packed) // 2 + 64] = bytes(64)
        return bytes(packed)
    if kind == "bz2-truncated":
        packed = bz2.compress(data)
        return packed[: len(packed) // 2]
    raise AssertionError(kind)


SUFFIX = {"gz": ".gz", "zst": ".zst", "xz": ".xz", "bz2": ".bz2"}
KINDS = ["gz-truncated", "gz-flipped", "zst-junk", "xz-zeroed", "bz2-truncated"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("workers", [1, 2])
def test_a_corrupt_compressed_input_is_an_error_record(
    tmp_path: Path, kind: str, workers: int
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.jsonl").write_bytes(jsonl(300, "good"))
    bad = folder / f"b-bad.jsonl{SUFFIX[kind.split('-')[0]]}"
    bad.write_bytes(_corrupt(kind, jsonl(3000, "bad")))
    (folder / "c-good.jsonl.gz").write_bytes(gzip.compress(jsonl(300, "late"), mtime=0))
    out = tmp_path / "out.jsonl"
    options = RunOptions(workers=workers, chunk_bytes=20_000)
    stats = run_clean([str(folder)], DEFAULT, out, options=options)
    records = read_lines(out)
    errors = read_lines(tmp_path / "out.errors.jsonl")
    assert stats.documents_in == stats.documents_out + stats.errored
    assert stats.documents_out == len(records) and stats.errored == len(errors)
    # Every good record is there; the bad file ends in one error record naming it.
    texts = [str(r["text"]) for r in records]
    assert sum(t.startswith("good") for t in texts) == 300
    assert sum(t.startswith("late") for t in texts) == 300
    unreadable = [e for e in errors if str(e["error"]).startswith("unreadable input")]
    assert [e["source"] for e in unreadable] == [bad.as_posix()]
    # What was decoded before the damage is kept, in order: records (and the odd garbled line
    # as an error record) numbered 1, 2, ... up to where decoding failed.
    prefix = f"{bad.as_posix()}:"
    numbers = [
        int(str(r["id"]).removeprefix(prefix)) for r in records if str(r["id"]).startswith(prefix)
    ]
    numbers += [
        int(str(e["number"])) for e in errors if e["source"] == bad.as_posix() and e["number"]
    ]
    assert sorted(numbers) == list(range(1, len(numbers) + 1))


def test_resume_gets_past_a_corrupt_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(6):
        (folder / f"{n}.jsonl").write_bytes(jsonl(100, f"f{n}"))
    (folder / "3b.jsonl.zst").write_bytes(_corrupt("zst-junk", jsonl(100, "z")))
    (folder / "4b.jsonl.xz").write_bytes(_corrupt("xz-zeroed", jsonl(2000, "x")))
    reference = tmp_path / "ref.jsonl"
    options = RunOptions(workers=1, chunk_bytes=5_000)
    run_clean([str(folder)], DEFAULT, reference, options=options)

    import textfix.runner.core as core

    real = core.run_ordered

    def crash_after_six(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for n, result in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if n == 6:
                raise KeyboardInterrupt
            yield result

    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(core, "run_ordered", crash_after_six)
    with pytest.raises(KeyboardInterrupt):
        run_clean([str(folder)], DEFAULT, out, options=options)
    monkeypatch.setattr(core, "run_ordered", real)
    resumed = RunOptions(workers=1, chunk_bytes=5_000, resume=True)
    run_clean([str(folder)], DEFAULT, out, options=resumed)
    assert out.read_bytes() == reference.read_bytes()
    assert (tmp_path / "out.errors.jsonl").read_bytes() == (
        tmp_path / "ref.errors.jsonl"
    ).read_bytes()


# --- names that are not UTF-8 ---------------------------------------------------------------


def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    root = os.fsencode(tmp_path)
    os.mkdir(root + b"/in\xff")
    with open(root + b"/in\xff/b\xff.txt", "wb") as stream:
        stream.write(b"inside a folder")
    with open(root + b"/a\xfe.jsonl", "wb") as stream:
        stream.write(b'{"text": "given by name"}\n{"text": \n')
    inputs = [os.fsdecode(root + b"/in\xff"), os.fsdecode(root + b"/a\xfe.jsonl")]
    errors = Path(os.fsdecode(root + b"/err\xff.jsonl"))
    out = tmp_path / "out.jsonl"
    stats = run_clean(inputs, DEFAULT, out, options=RunOptions(workers=1, errors=errors))
    assert (stats.documents_in, stats.documents_out, stats.errored) == (3, 2, 1)
    ids = [r["id"] for r in read_lines(out)]
    prefix = tmp_path.as_posix()
    assert ids == [f"{prefix}/in\\xff/b\\xff.txt", f"{prefix}/a\\xfe.jsonl:1"]
    [error] = read_lines(errors)
    assert error["source"] == f"{prefix}/a\\xfe.jsonl" and error["number"] == 2


# --- inputs that cannot be read -----------------------------------------------------------------


def test_unreadable_entries_in_a_folder_are_error_records(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("a good file")
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    (folder / "loop.jsonl").symlink_to(folder / "loop.jsonl")
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "z.txt").write_text("another good file")
    out = tmp_path / "out.jsonl"
    stats = run_clean([str(folder)], DEFAULT, out, options=RunOptions(workers=1))
    assert [r["text"] for r in read_lines(out)] == ["a good file", "another good file"]
    errors = {
        Path(str(e["source"])).name: str(e["error"])
        for e in read_lines(out.with_name("out.errors.jsonl"))
    }
    assert set(errors) == {"dangling.txt", "loop.jsonl", "pipe.jsonl"}
    assert "No such file" in errors["dangling.txt"]
    assert "symbolic links" in errors["loop.jsonl"]
    assert "FIFO" in errors["pipe.jsonl"]
    assert stats.documents_in == 5 and stats.errored == 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
@pytest.mark.parametrize("workers", [1, 2])
def test_permission_denied_file_and_folder(tmp_path: Path, workers: int) -> None:
    folder = tmp_path / "in"
    (folder / "closed").mkdir(parents=True)
    (folder / "closed" / "x.txt").write_text("hidden")
    (folder / "big.jsonl").write_bytes(jsonl(2000, "big"))
    (folder / "ok.jsonl").write_bytes(jsonl(10, "ok"))
    (folder / "big.jsonl").chmod(0)
    (folder / "closed").chmod(0)
    try:
        out = tmp_path / "out.jsonl"
        options = RunOptions(workers=workers, chunk_bytes=20_000)
        stats = run_clean([str(folder)], DEFAULT, out, options=options)
    finally:
        (folder / "big.jsonl").chmod(0o644)
        (folder / "closed").chmod(0o755)
    assert stats.documents_out == 10 and stats.errored == 2
    errors = read_lines(tmp_path / "out.errors.jsonl")
    assert all("Permission denied" in str(e["error"]) for e in errors)


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv to run textfix as an unprivileged user",
)
def test_permission_denied_through_the_entry_point() -> None:
    # As root, permissions are not enforced: run the installed textfix as user nobody (one
    # worker: this sandbox does not let an unprivileged user start worker processes).
    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o777)
        (folder / "in" / "closed").mkdir(parents=True)
        (folder / "in" / "closed" / "x.txt").write_text("hidden")
        (folder / "in" / "big.jsonl").write_bytes(jsonl(2000, "big"))
        (folder / "in" / "ok.jsonl").write_bytes(jsonl(10, "ok"))
        (folder / "in" / "big.jsonl").chmod(0o600)
        (folder / "in" / "closed").chmod(0o700)
        out = folder / "out.jsonl"
        completed = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", TEXTFIX, "clean",
             str(folder / "in"), "-o", str(out), "-q", "-j", "1", "--chunk-bytes", "20000"],
            capture_output=True, check=False, timeout=300,
        )  # fmt: skip
        assert completed.returncode == 1, completed.stderr
        assert len(read_lines(out)) == 10
        errors = read_lines(folder / "out.errors.jsonl")
        assert sorted(Path(str(e["source"])).name for e in errors) == ["big.jsonl", "closed"]
        assert all("Permission denied" in str(e["error"]) for e in errors)
    finally:
        shutil.rmtree(folder)
