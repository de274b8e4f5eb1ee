"""kill -9 in the middle of a multi-file run, then --resume: the bytes of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


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
