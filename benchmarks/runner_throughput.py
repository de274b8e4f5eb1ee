"""End-to-end speed of ``textfix clean``: against an orjson + ftfy loop, and 1 vs 2 vs default
workers, at several input sizes; peak RSS per process.

Inputs are single JSONL files of real English news (the ``clean`` corpus of
``benchmarks/corpora.py``: Guardian/NYT, BBC, Reuters, Lee, from ``../shared/corpora``), repeated
with fresh ids to ``--sizes`` megabytes, written under ``--scratch`` (never in the repository).
Every contender runs as a process of its own on the same file, contenders interleaved (the order
rotating each repeat) ``--repeats`` times; tables show medians.

- ``loop``: the ten-line baseline, ``orjson.loads`` each line, ``ftfy.fix_text`` its text,
  ``orjson.dumps`` it back (the script is written beside the inputs).
- ``w1``, ``w2``: ``textfix clean -p news -q --workers 1`` (``2``); ``w0``: the default
  (every core); with ``--spawn``, ``w2-spawn``: two workers spawned rather than forked.

Each run is measured three ways. **Wall** seconds, which on a shared machine measure the
neighbours too. **CPU** seconds of the whole process tree (``getrusage`` of the reaped
children): the work done, whatever the load. And a **free-core estimate** of the wall time a
run would take with a core per process: the parent's CPU until its first worker appeared (its
serial start: imports, plan, warm-up) plus the busiest process's CPU after that, sampled from
``/proc``; for a run in one process it is its CPU. Ratios of CPU and of estimates are honest on a
loaded machine; wall ratios only on a quiet one.

    python benchmarks/runner_throughput.py                        # 1, 20 and 80 MB, 5 repeats
    python benchmarks/runner_throughput.py --sizes 20 --repeats 3
    python benchmarks/runner_throughput.py --gigabyte             # 1 and 2 workers on 1 GB
    python benchmarks/runner_throughput.py --sizes 20 --phases    # where --workers 1 spends CPU
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOOP = """\
import sys, orjson, ftfy
with open(sys.argv[1], "rb") as source, open(sys.argv[2], "wb") as target:
    for line in source:
        record = orjson.loads(line)
        record["text"] = ftfy.fix_text(record["text"])
        target.write(orjson.dumps(record) + b"\\n")
"""
CONTENDERS = {"loop": None, "w1": 1, "w2": 2, "w0": 0, "w2-spawn": 2}
# The acceptance figures: (size MB, faster, slower, minimum ratio of their times).
TARGETS = ((20.0, "w1", "loop", 5.0), (80.0, "w2", "w1", 1.7))


def build_input(path: Path, megabytes: float) -> tuple[int, int]:
    """Write ``megabytes`` of news JSONL to ``path`` (reused when already there); returns
    (documents, bytes)."""
    import orjson

    from benchmarks.corpora import load

    target = int(megabytes * 1e6)
    if path.exists() and path.stat().st_size >= target:
        data = path.read_bytes()
        return data.count(b"\n"), len(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    texts = [orjson.loads(line)["text"] for line in load("clean")]
    written = documents = 0
    with path.open("wb") as stream:
        while written < target:
            line = orjson.dumps({"id": f"n{documents}", "text": texts[documents % len(texts)]})
            stream.write(line + b"\n")
            written += len(line) + 1
            documents += 1
    return documents, written


@dataclass
class Process:
    """One process of a run: peak RSS (bytes), CPU seconds, as last sampled."""

    role: str
    peak: int = 0
    cpu: float = 0.0


@dataclass
class Run:
    """One run: wall and CPU seconds (the whole tree), exit code, processes by pid."""

    name: str
    seconds: float
    cpu: float
    code: int
    processes: dict[int, Process]
    serial: float = 0.0  # the parent's CPU before its first worker appeared
    busiest_after: float = 0.0  # the busiest process's CPU after that

    @property
    def estimate(self) -> float:
        """Seconds on free cores: the serial start, then the busiest process."""
        if not any(p.role == "worker" for p in self.processes.values()):
            return self.cpu
        return self.serial + self.busiest_after


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found.extend(int(c) for c in (task / "children").read_text().split())
    except OSError:
        pass
    return found


def _sample(pid: int) -> tuple[int, float, str] | None:
    """(VmHWM bytes, CPU seconds, command line) of ``pid``, or None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return None
    peak = next((int(x.split()[1]) * 1024 for x in status.splitlines() if x[:6] == "VmHWM:"), 0)
    return peak, (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK"), command


@dataclass
class _Tree:
    """Samples of a run's process tree."""

    root: int
    processes: dict[int | str, Process] = field(default_factory=dict)  # "parent" and pids
    serial: float | None = None

    def sample(self) -> None:
        stack = [self.root]
        while stack:
            pid = stack.pop()
            sample = _sample(pid)
            if sample is None:
                continue
            stack.extend(_children(pid))
            peak, cpu, command = sample
            if pid == self.root:
                role = "parent"
            elif "resource_tracker" in command:
                role = "tracker"
            else:  # forked (same command line) or spawned (multiprocessing.spawn) worker
                role = "worker"
                if self.serial is None:
                    self.serial = self.processes["parent"].cpu if "parent" in self.processes else 0
            key: int | str = "parent" if role == "parent" else pid
            entry = self.processes.setdefault(key, Process(role))
            entry.role = role
            entry.peak = max(entry.peak, peak)
            entry.cpu = max(entry.cpu, cpu)


def run(name: str, command: list[str]) -> Run:
    """Run ``command``, sampling its process tree every 20 ms."""
    environment = dict(os.environ)
    if name.endswith("-spawn"):  # workers spawned, as before they were forked
        environment["TEXTFIX_START_METHOD"] = "spawn"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, env=environment)
    tree = _Tree(process.pid)
    while process.poll() is None:
        tree.sample()
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    parent = tree.processes.setdefault("parent", Process("parent"))
    serial = tree.serial or 0.0
    # The parent's CPU not caught by the last sample is in the total: give it to the parent.
    sampled = sum(p.cpu for p in tree.processes.values())
    parent.cpu += max(0.0, cpu - sampled)
    after_start = [parent.cpu - serial] + [
        p.cpu for p in tree.processes.values() if p.role == "worker"
    ]
    processes = dict(enumerate(tree.processes.values()))
    return Run(name, seconds, cpu, process.returncode, processes, serial, max(after_start))


def command_of(name: str, source: Path, scratch: Path) -> list[str]:
    """The command line of contender ``name`` on ``source``."""
    out = scratch / f"out-{name}.jsonl"
    if name == "loop":
        return [sys.executable, str(scratch / "loop.py"), str(source), str(out)]
    textfix = Path(sys.executable).with_name("textfix")
    workers = str(CONTENDERS[name])
    return [str(textfix), "clean", str(source), "-o", str(out), "-p", "news", "-q", "-j", workers,
            "--overwrite"]  # fmt: skip


def measure(source: Path, scratch: Path, names: list[str], repeats: int) -> dict[str, list[Run]]:
    """Every contender on ``source``, interleaved (order rotating), ``repeats`` times."""
    runs: dict[str, list[Run]] = {name: [] for name in names}
    for repeat in range(repeats):
        turn = repeat % len(names)
        for name in names[turn:] + names[:turn]:
            runs[name].append(run(name, command_of(name, source, scratch)))
    return runs


def median(runs: list[Run], key: str) -> float:
    return float(statistics.median(getattr(r, key) for r in runs))


HEADER = (
    "| MB | contender | wall s | CPU s (tree) | free-core estimate s | serial start s"
    " | peak RSS MB parent | each worker (max) | exit |\n|---|---|---|---|---|---|---|---|---|"
)


def table_row(megabytes: float, name: str, runs: list[Run]) -> str:
    parents = [p.peak for r in runs for p in r.processes.values() if p.role == "parent"]
    workers = [p.peak for r in runs for p in r.processes.values() if p.role == "worker"]
    worker_text = f"{max(workers) / 1e6:.0f}" if workers else "-"
    return (
        f"| {megabytes:g} | {name} | {median(runs, 'seconds'):.2f} | {median(runs, 'cpu'):.2f}"
        f" | {median(runs, 'estimate'):.2f} | {median(runs, 'serial'):.2f}"
        f" | {max(parents, default=0) / 1e6:.0f} | {worker_text}"
        f" | {sorted({r.code for r in runs})} |"
    )


def ratios(runs: dict[str, list[Run]], fast: str, slow: str) -> str:
    """``slow``'s time over ``fast``'s: wall (ratio of medians), CPU, free-core estimate."""
    parts = [
        f"{key} {median(runs[slow], key) / median(runs[fast], key):.2f}x"
        for key in ("seconds", "cpu", "estimate")
    ]
    return f"{fast} vs {slow}: " + ", ".join(parts).replace("seconds", "wall")


# Where a ``--workers 1`` run spends its CPU: each phase's function, timed inside the CLI.
PHASES = (
    ("textfix.cli", "build_pipeline", "build the pipeline"),
    ("textfix.runner.core", "_Survey.of", "survey: walk, digest, plan"),
    ("textfix.runner.core", "_Writer.open", "open outputs, journal"),
    ("textfix.runner.parallel", "run_task", "run tasks (all below)"),
    ("textfix.runner.worker", "clean_record", "  clean: the pipeline"),
    ("textfix.io.jsonl", "parse_jsonl_line", "  read: decode, orjson, check"),
    ("textfix.runner.worker", "output_record", "  output record"),
    ("textfix.runner.worker", "dumps_line", "  serialise: orjson"),
    ("textfix.runner.core", "_Writer.write", "write output"),
    ("textfix.runner.core", "_Writer.checkpoint", "checkpoints: fsync, journal"),
    ("textfix.runner.core", "_Writer.finish", "finish: fsync, rename"),
)


def phases(source: Path, scratch: Path) -> None:
    """Run ``textfix clean -j 1`` on ``source`` in this process, timing each phase (CPU)."""
    import importlib

    import textfix.cli

    imported = time.process_time()  # CPU since this process started
    spent: dict[str, float] = dict.fromkeys((label for _, _, label in PHASES), 0.0)
    for module_name, attribute, label in PHASES:
        owner: object = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        real = getattr(owner, name)

        def timed(
            *args: object, _real: Any = real, _label: str = label, **kwargs: object
        ) -> object:
            start = time.process_time()
            try:
                return _real(*args, **kwargs)
            finally:
                spent[_label] += time.process_time() - start

        setattr(owner, name, timed)
    sys.argv = ["textfix", "clean", str(source), "-o", str(scratch / "out-phases.jsonl")]
    sys.argv += ["-p", "news", "-q", "-j", "1", "--overwrite"]
    with contextlib.suppress(SystemExit):
        textfix.cli.main()
    total = time.process_time()
    inner = sum(v for k, v in spent.items() if k.startswith("  "))
    outer = sum(v for k, v in spent.items() if not k.startswith("  "))
    rows = [
        ("interpreter start, import textfix.cli", imported),
        *spent.items(),
        ("  rest of the tasks: range reading, stats, buffers", spent[PHASES[3][2]] - inner),
        ("everything else (argument parsing, ...)", total - imported - outer),
        ("total", total),
    ]
    print(f"| phase of `textfix clean -j 1` on {source.name} | CPU s |\n|---|---|")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/textfix-bench"))
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 20.0, 80.0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--gigabyte", action="store_true", help="also 1 and 2 workers on 1 GB")
    parser.add_argument("--spawn", action="store_true", help="also 2 spawned workers at 20 MB")
    parser.add_argument("--phases", action="store_true", help="profile -j 1 on the last size")
    parser.add_argument("--phases-of", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phases_of is not None:
        phases(args.phases_of, args.scratch)
        return

    scratch: Path = args.scratch
    scratch.mkdir(parents=True, exist_ok=True)
    if args.phases:
        source = scratch / f"news-{args.sizes[-1]:g}mb.jsonl"
        build_input(source, args.sizes[-1])
        command = [sys.executable, __file__, "--phases-of", str(source), "--scratch", str(scratch)]
        subprocess.run(command, check=True)
        return
    (scratch / "loop.py").write_text(LOOP)
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(HEADER)
    verdicts = []
    for megabytes in args.sizes:
        source = scratch / f"news-{megabytes:g}mb.jsonl"
        documents, size = build_input(source, megabytes)
        names = ["w1", "w2", "w0"] + (["loop"] if megabytes == 20.0 else [])
        names += ["w2-spawn"] if args.spawn and megabytes == 20.0 else []
        runs = measure(source, scratch, names, args.repeats)
        for name in names:
            print(table_row(megabytes, name, runs[name]))
        verdicts.append(f"{megabytes:g} MB ({documents} documents): {ratios(runs, 'w0', 'w1')}")
        if megabytes != 80.0:  # at 80 MB the target line below says it
            verdicts.append(f"{megabytes:g} MB: {ratios(runs, 'w2', 'w1')}")
        if "w2-spawn" in runs:
            verdicts.append(f"{megabytes:g} MB: {ratios(runs, 'w2', 'w2-spawn')}")
        for target_size, fast, slow, minimum in TARGETS:
            if target_size == megabytes:
                verdicts.append(f"{megabytes:g} MB: {ratios(runs, fast, slow)} (target {minimum}x)")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print("\n".join(verdicts))
    if args.gigabyte:
        big = scratch / "news-1000mb.jsonl"
        documents, size = build_input(big, 1000.0)
        runs = measure(big, scratch, ["w1", "w2"], 1)
        print(f"\n1 GB: {documents} documents, {size / 1e6:.0f} MB\n{HEADER}")
        for name in ("w1", "w2"):
            print(table_row(1000.0, name, runs[name]))
        big.unlink()


if __name__ == "__main__":
    main()
