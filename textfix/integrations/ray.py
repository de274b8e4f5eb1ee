"""Ray Data: clean a dataset on a cluster with the same pipeline as a local run.

Install with ``pip install 'textfix[ray]'``. :class:`RayBatchCleaner` is a callable class for
``Dataset.map_batches``: Ray builds one per actor, so one Pipeline serves many batches, and a
document that fails becomes an error row (``error`` column) instead of failing the job.

Known Ray Data traps this module steps around (measured with Ray 2.60):

- An actor pool that asks for every CPU hangs silently: the read tasks never get one
  (ray-project/ray#44687). :func:`actor_pool_size` leaves at least one CPU free.
- Output order needs ``preserve_order=True`` on the DataContext.
- An aborted job leaves partial files, so output goes to a staging directory that is renamed
  into place only when the job succeeded.
- Ray Client (``ray://``) does not work with Ray Data: run the driver on the cluster, e.g.
  ``ray job submit --address http://head:8265 -- textfix clean --engine ray in/ -o out/``.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import orjson

from textfix.document import Document
from textfix.errors import TextfixError
from textfix.io.decoding import binary_reason, decode_bytes
from textfix.io.jsonl import parse_jsonl_line
from textfix.io.readers import expand_inputs, format_of
from textfix.io.records import BadRecord, Item, ReadOptions, Record, check_fields
from textfix.pipeline import Pipeline
from textfix.runner.cleaning import document_of, output_record
from textfix.runner.core import default_errors_path
from textfix.runner.stats import RunStats
from textfix.runner.worker import error_record

#: Columns of a cleaned batch: the output record as a JSON line (None for an error), the error
#: record as JSON (None when cleaning worked), and whether cleaning changed the document.
RESULT_COLUMNS = ("record", "error", "changed")


def require_ray() -> Any:
    """The ``ray`` module, or an error saying which extra to install."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise TextfixError("the Ray engine needs Ray Data: pip install 'textfix[ray]'") from None
    return ray


class RayBatchCleaner:
    """Clean Ray Data batches (``batch_format="pyarrow"``) with one pipeline per actor.

    ``mode`` says what a row holds: ``"lines"`` a raw JSONL line in ``text`` (from
    ``read_text``; bad lines become error rows), ``"records"`` the record's fields (from
    ``read_parquet``), ``"files"`` a whole file's ``bytes`` and ``path``.

    >>> import pyarrow as pa
    >>> cleaner = RayBatchCleaner(Pipeline.from_preset("default"), mode="lines")
    >>> out = cleaner(pa.table({"text": ['{"text": "CafÃ©"}', "{oops"]}))
    >>> out.column("record").to_pylist()[0], out.column("error").to_pylist()[1] is not None
    ('{"text":"Café"}', True)
    """

    def __init__(
        self, pipeline: Pipeline, *, mode: str = "lines", read: ReadOptions | None = None
    ) -> None:
        self.pipeline = pipeline
        self.mode = mode
        self.read = read or ReadOptions()

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        columns: dict[str, list[Any]] = {name: [] for name in RESULT_COLUMNS}
        for number, row in enumerate(batch.to_pylist(), start=1):
            record, error, changed = self.clean_row(row, number)
            columns["record"].append(record)
            columns["error"].append(error)
            columns["changed"].append(changed)
        return pa.table(
            {
                "record": pa.array(columns["record"], pa.string()),
                "error": pa.array(columns["error"], pa.string()),
                "changed": pa.array(columns["changed"], pa.bool_()),
            }
        )

    def item_of(self, row: dict[str, Any], number: int) -> Item:
        """The row as a Record or BadRecord (``number`` counts rows within the batch)."""
        source = str(row.get("path") or "ray")
        if self.mode == "lines":
            line = str(row.get("text", "")).encode("utf-8", "surrogatepass")
            return parse_jsonl_line(line, source, number, self.read)
        if self.mode == "files":
            data = bytes(row["bytes"])
            reason = binary_reason(data)
            if reason is not None:
                return BadRecord(source, 1, reason, "")
            decoded = decode_bytes(data, self.read.encoding)
            record = Record({"id": source, "text": decoded.text}, source, 1)
            decoded.annotate(record.metadata)
            return record
        fields = {k: v for k, v in row.items() if k != "path"}
        return check_fields(
            fields, source, number, orjson.dumps(fields, default=str).decode(), self.read
        )

    def clean_row(self, row: dict[str, Any], number: int) -> tuple[str | None, str | None, bool]:
        """One row: (output JSON line, None, changed) or (None, error JSON, False)."""
        item = self.item_of(row, number)
        if isinstance(item, BadRecord):
            return None, orjson.dumps(error_record(item)).decode(), False
        try:
            document: Document = self.pipeline(document_of(item))
            fields = output_record(item, document, add_id=False)
            line = orjson.dumps(fields, default=str).decode()
        except Exception as error:  # one document's failure must not fail the job
            raw = orjson.dumps(item.fields, default=str).decode("utf-8", "replace")
            bad = BadRecord(item.source, item.number, f"{type(error).__name__}: {error}", raw)
            return None, orjson.dumps(error_record(bad)).decode(), False
        changed = document.text != item.text or document.metadata != item.metadata
        return line, None, changed


def actor_pool_size(cpus: float) -> tuple[int, float]:
    """Actors and CPUs per actor so that the pool never holds every CPU of the cluster.

    >>> actor_pool_size(2), actor_pool_size(8), actor_pool_size(1)
    ((2, 0.5), (7, 1.0), (1, 0.5))
    """
    if cpus >= 4:
        return int(cpus) - 1, 1.0
    return max(1, int(cpus)), 0.5


def _jsonl_datasink(path: str) -> Any:
    from ray.data.datasource.file_datasink import BlockBasedFileDatasink

    class JsonlLinesDatasink(BlockBasedFileDatasink):
        """Writes the ``record`` column's JSON lines exactly as they are."""

        def __init__(self, folder: str) -> None:
            super().__init__(folder, file_format="jsonl")

        def write_block_to_file(self, block: Any, file: Any) -> None:
            lines = block.to_arrow().column("record").to_pylist()
            file.write("".join(line + "\n" for line in lines).encode("utf-8"))

    return JsonlLinesDatasink(path)


def build_dataset(
    ray: Any, inputs: list[str], read: ReadOptions, glob: str | None
) -> tuple[Any, str]:
    """A Ray dataset over ``inputs`` and the cleaner mode its rows need."""
    files = [path for path, _ in expand_inputs(inputs, glob=glob)]
    if any(path is None for path in files):
        raise TextfixError("the Ray engine reads files, not stdin")
    kinds = {format_of(path) for path in files if path is not None}
    paths = [str(path) for path in files if path is not None]
    if kinds <= {"jsonl"}:
        return ray.data.read_text(paths, include_paths=True), "lines"
    if kinds <= {"parquet"}:
        return ray.data.read_parquet(paths, include_paths=True), "records"
    if kinds <= {"txt"}:
        return ray.data.read_binary_files(paths, include_paths=True), "files"
    raise TextfixError("the Ray engine reads one kind of input per run: JSONL, Parquet or .txt")


def run_clean_ray(
    inputs: list[str],
    pipeline: Pipeline,
    output: Path | None,
    *,
    read: ReadOptions | None = None,
    address: str | None = None,
    errors: Path | None = None,
    glob: str | None = None,
) -> RunStats:
    """Clean ``inputs`` on a Ray cluster into the directory ``output`` (JSONL shards, in order).

    Error rows go to one JSONL file (``errors``, default beside the output). ``address`` None
    uses ``RAY_ADDRESS`` when set, else starts a local cluster.
    """
    import time

    if output is None:
        raise TextfixError("the Ray engine writes a directory: give -o DIRECTORY")
    ray = require_ray()
    read = read or ReadOptions()
    started = time.perf_counter()
    if not ray.is_initialized():
        ray.init(address=address or os.environ.get("RAY_ADDRESS"), log_to_driver=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    dataset, mode = build_dataset(ray, inputs, read, glob)
    actors, cpus = actor_pool_size(float(ray.cluster_resources().get("CPU", 1)))
    cleaned = dataset.map_batches(
        RayBatchCleaner,
        fn_constructor_kwargs={"pipeline": pipeline, "mode": mode, "read": read},
        batch_format="pyarrow",
        concurrency=actors,
        num_cpus=cpus,
    ).materialize()
    staging = output.with_name(f"{output.name}.staging-{uuid.uuid4().hex[:8]}")
    good = cleaned.filter(_is_good)
    good.write_datasink(_jsonl_datasink(str(staging)))
    bad_rows = cleaned.filter(_is_bad).take_all()
    if output.exists():
        shutil.rmtree(output)
    os.replace(staging, output)
    errors = errors or default_errors_path(output)
    stats = RunStats()
    stats.documents_out = good.count()
    stats.errored = len(bad_rows)
    stats.documents_in = stats.documents_out + stats.errored
    stats.changed = int(cleaned.sum("changed") or 0)
    if errors is not None and bad_rows:
        from textfix.io.writers import write_file_atomically

        write_file_atomically(errors, "".join(row["error"] + "\n" for row in bad_rows).encode())
    stats.seconds = time.perf_counter() - started
    return stats


def _is_good(row: dict[str, Any]) -> bool:
    return row["error"] is None


def _is_bad(row: dict[str, Any]) -> bool:
    return row["error"] is not None
