"""The Ray Data integration on a real local Ray cluster with 2 CPUs."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="the ray extra is not installed")
pytest.importorskip("ray.data", reason="the ray extra is not installed")

from textfix.integrations.ray import RayBatchCleaner, actor_pool_size, run_clean_ray  # noqa: E402
from textfix.io.records import ReadOptions  # noqa: E402
from textfix.pipeline import Pipeline  # noqa: E402


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[None]:
    # A stall (e.g. an actor pool holding every CPU) fails the test in a minute, not never.
    os.environ["RAY_DATA_EXECUTION_NO_PROGRESS_TIMEOUT_S"] = "60"
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        object_store_memory=200 * 1024 * 1024,
    )
    try:
        yield
    finally:
        ray.shutdown()


def test_actor_pool_never_takes_every_cpu() -> None:
    for cpus in (1, 2, 3, 4, 16):
        actors, each = actor_pool_size(cpus)
        assert actors * each < max(cpus, 1) or (cpus == 1 and actors * each <= 0.5)


@pytest.mark.slow
def test_every_document_comes_out_exactly_once(local_cluster: None, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = []
    for shard in range(3):
        lines = []
        for i in range(400):
            ident = f"s{shard}-{i}"
            expected.append(ident)
            lines.append(json.dumps({"id": ident, "text": f"CafÃ©  number {i}"}))
        if shard == 1:
            lines.insert(7, "{not json")
        (corpus / f"shard-{shard}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    stats = run_clean_ray([str(corpus)], Pipeline.from_preset("default"), out, read=ReadOptions())
    records = [
        json.loads(line)
        for shard in sorted(out.glob("*.jsonl"))
        for line in shard.read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(r["id"] for r in records) == sorted(expected)
    assert [r["id"] for r in records] == expected  # preserve_order keeps input order
    assert {r["text"] for r in records if r["id"] == "s0-5"} == {"Café number 5"}
    errors = (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(e)["raw"] for e in errors] == ["{not json"]
    assert stats.documents_in == len(expected) + 1
    assert stats.documents_out == len(expected) and stats.errored == 1
    assert not list(tmp_path.glob("out.staging-*"))


def test_batch_cleaner_records_mode_keeps_fields() -> None:
    import pyarrow as pa

    cleaner = RayBatchCleaner(Pipeline.from_preset("default"), mode="records")
    out = cleaner(pa.table({"text": ["a  b", "c"], "url": ["u1", "u2"]}))
    assert [json.loads(r) for r in out.column("record").to_pylist()] == [
        {"text": "a b", "url": "u1"},
        {"text": "c", "url": "u2"},
    ]
    assert out.column("changed").to_pylist() == [True, False]
