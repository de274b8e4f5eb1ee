"""kill -9 in the middle of a multi-file run, then --resume: the bytes of an uninterrupted run."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

TEXTFIX = shutil.which("textfix") or str(Path(sys.executable).with_name("textfix"))


def write_corpus(folder: Path) -> None:
    folder.mkdir()
    for f in range(12):
        lines = [
            json.dumps(
                {
                    "id": f"{f}-{i}",
                    "text": f"date 2023-03-0{1 + i % 9} Title {i}\n\nCafÃ©  {i} " * 3,
                }
            )
            for i in range(1500)
        ]
        lines[7] = '{"text": broken'
        (folder / f"shard-{f:02d}.jsonl").write_text("\n".join(lines) + "\n")


def clean_command(corpus: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "textfix", "clean", str(corpus), "-o", str(out), "-p", "news",
        "-q", "--workers", "2", "--chunk-bytes", "60000", *extra,
    ]  # fmt: skip


@pytest.mark.slow
def test_sigkill_then_resume_gives_identical_output(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    reference = tmp_path / "reference.jsonl.gz"
    subprocess.run(clean_command(corpus, reference), check=False, timeout=600)
    assert reference.exists()

    out = tmp_path / "out.jsonl.gz"
    journal = tmp_path / "out.jsonl.gz.progress.jsonl"
    process = subprocess.Popen(clean_command(corpus, out), start_new_session=True)
    deadline = time.monotonic() + 300
    # Kill once a few tasks are durable but well before the end.
    while time.monotonic() < deadline and process.poll() is None:
        if journal.exists() and journal.read_text().count("\n") >= 6:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert not out.exists()
    marks = journal.read_text().count("\n") - 1
    total_tasks = len(list(corpus.iterdir())) * 4  # each shard is cut into several ranges
    assert 0 < marks < total_tasks

    resumed = subprocess.run(clean_command(corpus, out, "--resume"), check=False, timeout=600)
    assert resumed.returncode == 1  # one malformed line per shard
    assert out.read_bytes() == reference.read_bytes()
    errors = (tmp_path / "out.errors.jsonl").read_bytes()
    assert errors == (tmp_path / "reference.errors.jsonl").read_bytes()
    assert errors.count(b"\n") == 12
    assert not journal.exists()


# A run that kills itself (SIGKILL) at the n-th step of finishing: before each rename of an
# output into place, and after the last one (before the journal is removed).
KILL_AT_FINISH = """
import os, signal, sys
import textfix.runner.core as core
import textfix.runner.resume as resume
from textfix.cli import main

kill_at = int(sys.argv.pop(1))
calls = [0]

def step():
    if calls[0] == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)
    calls[0] += 1

rename, finish = core.fsync_and_rename, resume.Journal.finish

def killing_rename(temporary, path):
    step()
    rename(temporary, path)

def killing_finish(self):
    step()
    finish(self)

core.fsync_and_rename = killing_rename
resume.Journal.finish = killing_finish
sys.argv[0] = "textfix"
main()
"""


@pytest.mark.parametrize("kill_at", [0, 1, 2, 3])
def test_a_kill_during_the_final_renames_is_resumable(tmp_path: Path, kill_at: int) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in range(3):
        lines = [
            json.dumps({"text": f"Title {i}\n\nAdvertisement\n\nCafÃ© {f}-{i}"}) for i in range(40)
        ]
        lines[5] = "{broken"
        (corpus / f"{f}.jsonl").write_text("\n".join(lines) + "\n")
    args = ["clean", str(corpus), "-p", "news", "-q", "-j", "1", "--chunk-bytes", "1000"]
    reference = tmp_path / "ref" / "out.jsonl"
    reference.parent.mkdir()
    side = ["--removed", str(reference.with_name("removed.jsonl"))]
    subprocess.run([TEXTFIX, *args, "-o", str(reference), *side], check=False, timeout=300)
    out = tmp_path / "run" / "out.jsonl"
    out.parent.mkdir()
    side = ["--removed", str(out.with_name("removed.jsonl"))]
    killed = subprocess.run(
        [sys.executable, "-c", KILL_AT_FINISH, str(kill_at), *args, "-o", str(out), *side],
        check=False, timeout=300,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL
    resumed = subprocess.run(
        [TEXTFIX, *args, "-o", str(out), *side, "--resume"], check=False, timeout=300
    )
    assert resumed.returncode == 1  # the broken lines
    for name in ("out.jsonl", "out.errors.jsonl", "removed.jsonl"):
        assert (out.parent / name).read_bytes() == (reference.parent / name).read_bytes(), name
    assert sorted(p.name for p in out.parent.iterdir()) == [
        "out.errors.jsonl", "out.jsonl", "removed.jsonl",
    ]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_sigkill_of_the_parent_leaves_no_worker_behind(tmp_path: Path, method: str) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    out = tmp_path / "out.jsonl.gz"
    environment = {**os.environ, "TEXTFIX_START_METHOD": method}
    process = subprocess.Popen([TEXTFIX, *clean_command(corpus, out)[3:]], env=environment)
    journal = tmp_path / "out.jsonl.gz.progress.jsonl"
    # Two workers, and with spawn the resource tracker (forked pools need none).
    expected = 2 if method == "fork" else 3
    deadline = time.monotonic() + 300
    children: set[int] = set()
    while time.monotonic() < deadline and process.poll() is None:
        children = set(children_of(process.pid))
        marks = journal.read_text().count("\n") if journal.exists() else 0
        if len(children) >= expected and marks >= 2:
            break
        time.sleep(0.05)
    assert process.poll() is None and len(children) >= expected, children
    process.kill()
    process.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(alive(pid) for pid in children):
        time.sleep(0.1)
    orphans = [pid for pid in children if alive(pid)]
    for pid in orphans:  # leave nothing running, even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert orphans == []


def children_of(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
