"""Parquet output: ``metadata`` as a struct column and every other field as a column of its own.

Workers send each task's records as an Arrow IPC stream with the schema its records have. The
parent spools the streams in task order to one file beside the output; at the end it unifies
their schemas (a column a task lacks is null there; a struct gains every key any record has;
int and float meet as float) and writes the Parquet file one batch at a time, so memory stays
one batch. Records whose fields no single schema holds (a field that is a string here and a
number there, an empty object, an integer beyond 64 bits) are written, all of them, in the
fixed form ``id``, ``text``, ``metadata`` and ``fields`` with the last two as JSON strings.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO, Any

import orjson

JSON_COLUMNS = ("id", "text", "metadata", "fields")


def arrow_batch_bytes(rows: list[dict[str, Any]], text_field: str, id_field: str) -> bytes:
    """Records as Arrow IPC stream bytes, each field a column (see the module's docstring).

    >>> import pyarrow as pa
    >>> data = arrow_batch_bytes([{"text": "a", "metadata": {"date": "2022"}}], "text", "id")
    >>> pa.ipc.open_stream(data).read_all().to_pylist()
    [{'text': 'a', 'metadata': {'date': '2022'}}]
    """
    import pyarrow as pa

    try:
        table = pa.Table.from_pylist(rows)
        if any(_has_empty_struct(field.type) for field in table.schema):
            raise ValueError("Parquet cannot store an empty object")
    except (pa.ArrowException, OverflowError, TypeError, ValueError):
        table = json_table(rows, text_field, id_field)
    return _ipc_bytes(table)


def _has_empty_struct(kind: Any) -> bool:
    import pyarrow as pa

    if pa.types.is_struct(kind):
        return kind.num_fields == 0 or any(_has_empty_struct(f.type) for f in kind)
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return _has_empty_struct(kind.value_type)
    return False


def json_table(rows: list[dict[str, Any]], text_field: str, id_field: str) -> Any:
    """Records in the fixed form: ``id`` and ``text`` strings, ``metadata`` and ``fields`` (the
    other fields) as JSON strings."""
    import pyarrow as pa

    columns: dict[str, list[str | None]] = {name: [] for name in JSON_COLUMNS}
    for row in rows:
        rest = {k: v for k, v in row.items() if k not in (text_field, id_field, "metadata")}
        ident = row.get(id_field)
        columns["id"].append(None if ident is None else str(ident))
        columns["text"].append(row.get(text_field))
        columns["metadata"].append(_json(row.get("metadata") or {}))
        columns["fields"].append(_json(rest))
    return pa.table({name: pa.array(values, pa.string()) for name, values in columns.items()})


def _json(value: Any) -> str:
    try:
        return orjson.dumps(value, default=str).decode()
    except TypeError:  # an integer beyond 64 bits
        import json

        return json.dumps(value, ensure_ascii=False, default=str)


def _ipc_bytes(table: Any) -> bytes:
    import pyarrow as pa

    sink = io.BytesIO()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


class ParquetSpool:
    """Task batches spooled in order beside the output, written as one Parquet file at the end."""

    def __init__(self, spool: Path, text_field: str, id_field: str) -> None:
        self.spool = spool
        self.text_field, self.id_field = text_field, id_field
        self.stream: IO[bytes] = spool.open("wb")
        self.spans: list[tuple[int, int]] = []

    def add(self, payload: bytes) -> None:
        """Spool one task's IPC stream."""
        if payload:
            self.spans.append((self.stream.tell(), len(payload)))
            self.stream.write(payload)

    def write(self, target: Path) -> None:
        """Write every spooled batch to ``target`` under one schema, then drop the spool."""
        import pyarrow as pa

        self.stream.close()
        with pa.memory_map(str(self.spool)) as spool:

            def batches() -> list[Any]:
                return [pa.ipc.open_stream(spool.read_at(n, start)) for start, n in self.spans]

            try:
                schemas = [reader.schema for reader in batches()]
                unified = pa.unify_schemas(schemas, promote_options="permissive")
                schema = unified if schemas else None
                self._write(target, schema, batches())
            except (pa.ArrowException, TypeError, ValueError):
                self._write(target, None, batches())
        self.spool.unlink()

    def _write(self, target: Path, schema: Any, batches: list[Any]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        fixed = pa.schema([(name, pa.string()) for name in JSON_COLUMNS])
        with pq.ParquetWriter(target, schema if schema is not None else fixed) as out:
            for reader in batches:
                table = reader.read_all()
                if schema is not None:
                    out.write_table(_conform(table, schema))
                elif table.schema.equals(fixed):  # a batch already in the fixed form
                    out.write_table(table)
                else:
                    rows = table.to_pylist()
                    out.write_table(json_table(rows, self.text_field, self.id_field))

    def close(self) -> None:
        """Abandon the spool (an interrupted run; Parquet output is not resumable)."""
        self.stream.close()
        self.spool.unlink(missing_ok=True)


def _conform(table: Any, schema: Any) -> Any:
    """``table`` with ``schema``'s columns in its order: absent ones null, others cast."""
    import pyarrow as pa

    columns = [
        table.column(field.name).cast(field.type)
        if field.name in table.column_names
        else pa.nulls(table.num_rows, field.type)
        for field in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)
