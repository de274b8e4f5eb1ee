"""The runner's footprint: memory per task, imports in the parent and in workers, pool sizing."""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

from textfix.io.readers import expand_inputs
from textfix.io.records import ReadOptions
from textfix.io.writers import output_spec
from textfix.pipeline import Pipeline
from textfix.runner import RunOptions, run_clean
from textfix.runner.tasks import plan_tasks
from textfix.runner.worker import WorkerConfig, run_task

NEWS = Pipeline.from_preset("news")


def write_jsonl(path: Path, documents: int) -> int:
    """A JSONL file of varied ~600-byte news-like documents; returns its size in bytes."""
    lines = []
    for i in range(documents):
        text = (
            f"date 2023-02-{1 + i % 28:02d} Story {i} on the “harbour” works\n\n"
            + f"The council said on day {i} that the café’s  lease ends. " * (4 + i % 7)
            + "\n\nAdvertisement"
        )
        lines.append(json.dumps({"id": str(i), "text": text, "url": f"https://x/{i}"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path.stat().st_size


def test_a_task_holds_about_its_output_not_a_list_of_lines(tmp_path: Path) -> None:
    # orjson gives every dumps() result a buffer of at least 4 KB: holding a task's lines in a
    # list cost ~15x the input (measured 140 MB for an 8 MB task); one buffer costs ~its size.
    path = tmp_path / "in.jsonl"
    size = write_jsonl(path, 4000)
    (task,) = plan_tasks([(path, "in.jsonl")], chunk_bytes=size + 1)
    config = WorkerConfig(NEWS, ReadOptions(), output_spec(tmp_path / "out.jsonl"))
    run_task(config, task)  # warm up: compile regexes, fill caches
    tracemalloc.start()
    try:
        result = run_task(config, task)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.stats.documents_out == 4000
    assert len(result.payload) > size // 2
    assert peak < 4 * size, f"peak {peak} bytes for a {size}-byte task"


def _run_cli_in_subprocess(args: list[str], probe: str) -> object:
    """Run ``textfix`` with ``args`` in a fresh interpreter; the JSON value of ``probe`` after."""
    script = (
        "import json, sys\n"
        f"sys.argv = ['textfix', *{args!r}]\n"
        "from textfix.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps({probe}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


HEAVY = ("rich", "pyarrow", "ray", "charset_normalizer", "datatrove", "zstandard", "pandas")


def test_a_quiet_run_imports_no_heavy_optional_module(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 50)
    out = tmp_path / "out.jsonl"
    probe = f"[m for m in {HEAVY!r} if m in sys.modules]"
    loaded = _run_cli_in_subprocess(
        ["clean", str(tmp_path / "in.jsonl"), "-o", str(out), "-q"], probe
    )
    assert loaded == []
    assert len(out.read_text().splitlines()) == 50
    # The probe sees what is needed: Parquet output does load pyarrow.
    parquet = tmp_path / "out.parquet"
    args = ["clean", str(tmp_path / "in.jsonl"), "-o", str(parquet), "-q"]
    assert _run_cli_in_subprocess(args, "'pyarrow' in sys.modules") is True


def test_workers_do_not_reimport_the_main_script(tmp_path: Path) -> None:
    # The main script here imports the CLI (typer); spawned workers would re-run it, but the
    # runner starts them while __main__ is bare. Without that, the same probe finds typer.
    script = tmp_path / "main.py"
    script.write_text(
        "import multiprocessing, sys\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "import textfix.cli\n"
        "from textfix.runner import parallel\n"
        "if __name__ == '__main__':\n"
        "    probe = \"'typer' in __import__('sys').modules\"\n"
        "    context = multiprocessing.get_context('spawn')\n"
        "    with ProcessPoolExecutor(2, mp_context=context) as pool:\n"
        "        if sys.argv[1] == 'bare':\n"
        "            parallel._start_workers(pool, 2)\n"
        "        print(sorted({pool.submit(eval, probe).result() for _ in range(8)}))\n"
    )
    for mode, expected in (("bare", "[False]"), ("plain", "[True]")):
        done = subprocess.run(
            [sys.executable, str(script), mode],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        assert done.stdout.strip() == expected, mode


def test_small_inputs_run_in_process_and_large_ones_on_the_pool(tmp_path: Path) -> None:
    size = write_jsonl(tmp_path / "in.jsonl", 400)
    figures = []
    for chunk in (size + 1, size // 4):
        report = tmp_path / f"report-{chunk}.json"
        out = tmp_path / f"out-{chunk}.jsonl"
        options = RunOptions(workers=2, chunk_bytes=chunk, report=report)
        run_clean([str(tmp_path / "in.jsonl")], NEWS, out, options=options)
        figures.append(json.loads(report.read_text())["workers"])
    assert figures == [1, 2]
    assert (tmp_path / f"out-{size + 1}.jsonl").read_bytes() == (
        tmp_path / f"out-{size // 4}.jsonl"
    ).read_bytes()


def test_directory_walk_keeps_sorted_rglob_order(tmp_path: Path) -> None:
    names = ["b/2.txt", "b.txt", "a-c.txt", "b/a/1.jsonl", "b-a/3.txt", "B.txt", "é.txt", "a.txt"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "b", target_is_directory=True)
    expected = [
        p.as_posix()
        for p in sorted(tmp_path.rglob("*"))
        if p.is_file() and p.suffix in (".txt", ".jsonl")
    ]
    assert [name for _, name in expand_inputs([str(tmp_path)])] == expected
    assert (
        tmp_path / "link/2.txt"
    ).as_posix() not in expected  # like rglob, symlinked directories are not entered


def test_directory_walk_is_lazy(tmp_path: Path) -> None:
    for d in range(40):
        folder = tmp_path / f"d{d:02d}"
        folder.mkdir()
        for i in range(50):
            (folder / f"{i:03d}.txt").write_text("x")
    tracemalloc.start()
    try:
        walk = expand_inputs([str(tmp_path)])
        first = next(walk)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert first[1] == (tmp_path / "d00/000.txt").as_posix()
    assert len(list(walk)) == 40 * 50 - 1
    # Holding the 2,000 paths (as sorting rglob's output did) takes several hundred KB.
    assert peak < 100_000, peak
