"""The fault corpus: one run over a folder that mixes every input format, same-named files in
different subfolders, legacy encodings, UTF-16, a binary file, a truncated gzip, broken JSON,
wrong-typed fields and a record over 64 MiB. Documents in = records out + error records, every
id is unique and leads back to its file and line, and no text is altered by a wrong decoding.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import zstandard

from textfix.pipeline import Pipeline

TEXTFIX = shutil.which("textfix") or str(Path(sys.executable).with_name("textfix"))
DEFAULT = Pipeline.from_preset("default")

# Texts with the characters a wrong decoding corrupts first.
SAMPLES = [
    "The ferry operator agreed a £15.8m deal on Monday.",
    "Café owners in Ærøskøbing said the fares were “too high”.",
    "Prices rose 5% — the third rise this year… says the council.",
    "Straße, naïve, Škoda, Москва, Αθήνα and 東京 in one line.",
]


class Corpus:
    """The files of the fault corpus and what each must give."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.expected: dict[tuple[str, int], str] = {}  # (file, number) -> original text
        self.bad: set[tuple[str, int]] = set()  # (file, number) of inputs that must error

    def name(self, path: Path) -> str:
        return path.as_posix()

    def add_containers(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        texts = [f"{text} ({folder.name} {n})" for n, text in enumerate(SAMPLES)]
        rows = [{"text": text, "kind": "article"} for text in texts]
        jsonl = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
        files = {
            "doc.jsonl": jsonl,
            "doc.jsonl.gz": gzip.compress(jsonl, mtime=0),
            "doc.jsonl.zst": zstandard.ZstdCompressor().compress(jsonl),
            "doc.ndjson.bz2": bz2.compress(jsonl),
            "doc.json": json.dumps(rows, ensure_ascii=False).encode(),
            "doc.json.xz": lzma.compress(json.dumps(rows, ensure_ascii=False).encode()),
        }
        for kind, delimiter in (("csv", ","), ("tsv", "\t")):
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, ["text", "kind"], delimiter=delimiter)
            writer.writeheader()
            writer.writerows(rows)
            files[f"doc.{kind}"] = buffer.getvalue().encode()
        sink = io.BytesIO()
        pq.write_table(pa.Table.from_pylist(rows), sink)
        files["doc.parquet"] = sink.getvalue()
        for file_name, data in files.items():
            path = folder / file_name
            path.write_bytes(data)
            for number, text in enumerate(texts, start=1):
                self.expected[(self.name(path), number)] = text
        (folder / "doc.txt").write_bytes(texts[0].encode())
        (folder / "doc.txt.gz").write_bytes(gzip.compress(texts[1].encode(), mtime=0))
        self.expected[(self.name(folder / "doc.txt"), 1)] = texts[0]
        self.expected[(self.name(folder / "doc.txt.gz"), 1)] = texts[1]

    def add_encodings(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        legacy = {
            "latin1.txt": ("The deal was worth £15.8m, said the café owner.", "latin-1"),
            "cp1252.txt": ("“Fares rose €2 — again…” said the operator’s chief.", "cp1252"),
            "utf16.txt": (SAMPLES[3], "utf-16"),
            "utf16.csv": (SAMPLES[1], "utf-16"),
        }
        for file_name, (text, codec) in legacy.items():
            path = folder / file_name
            if file_name.endswith(".csv"):
                path.write_bytes(f"text\n{text}\n".encode(codec))
            else:
                path.write_bytes(text.encode(codec))
            self.expected[(self.name(path), 1)] = text
        line = folder / "latin1-line.jsonl"
        line.write_bytes(b'{"text": "A \xa35 ticket"}\n{"text": "caf\xe9 au lait"}\n')
        self.expected[(self.name(line), 1)] = "A £5 ticket"
        self.expected[(self.name(line), 2)] = "café au lait"

    def add_faults(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        binary = folder / "image.txt"
        binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
        self.bad.add((self.name(binary), 1))
        lines = [json.dumps({"text": f"good line {n}"}) for n in range(1, 2001)]
        whole = gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0)
        truncated = folder / "truncated.jsonl.gz"
        truncated.write_bytes(whole[: len(whole) // 2])
        self.bad.add((self.name(truncated), 0))  # the rest of the file, after what was read
        self.truncated = self.name(truncated)
        broken = folder / "broken.jsonl"
        records = [
            b'{"text": "fine one"}',
            b'{"text": ',  # malformed
            b'{"text": 42}',  # wrong type
            b'["not", "an", "object"]',
            b'{"body": "no text field"}',
            b'{"text": "fine two", "id": null}',
        ]
        broken.write_bytes(b"\n".join(records) + b"\n")
        self.expected[(self.name(broken), 1)] = "fine one"
        self.expected[(self.name(broken), 6)] = "fine two"
        self.bad |= {(self.name(broken), n) for n in (2, 3, 4, 5)}
        huge = folder / "huge.jsonl"
        with huge.open("wb") as stream:
            stream.write(b'{"text": "before the huge record"}\n')
            stream.write(b'{"text": "' + b"x" * (64 * 1024 * 1024 + 10) + b'"}\n')
            stream.write(b'{"text": "after the huge record"}\n')
        self.expected[(self.name(huge), 1)] = "before the huge record"
        self.bad.add((self.name(huge), 2))
        self.expected[(self.name(huge), 3)] = "after the huge record"


def split_id(ident: str) -> tuple[str, int]:
    """(file, number) from a record id: ``FILE:N``, or a ``.txt`` file's path (number 1)."""
    head, _, tail = ident.rpartition(":")
    if head and tail.isdigit():
        return head, int(tail)
    return ident, 1


def test_fault_corpus(tmp_path: Path) -> None:
    corpus = Corpus(tmp_path / "corpus")
    corpus.add_containers(tmp_path / "corpus" / "a")
    corpus.add_containers(tmp_path / "corpus" / "b" / "a")  # the same names one level down
    corpus.add_encodings(tmp_path / "corpus" / "enc")
    corpus.add_faults(tmp_path / "corpus" / "faults")
    out = tmp_path / "out.jsonl"
    completed = subprocess.run(
        [TEXTFIX, "clean", str(tmp_path / "corpus"), "-o", str(out), "-q", "-j", "2",
         "--report", str(tmp_path / "report.json")],
        capture_output=True, check=False, timeout=900,
    )  # fmt: skip
    assert completed.returncode == 1, completed.stderr  # 1: some records errored
    records = [json.loads(line) for line in out.read_bytes().splitlines()]
    errors = [
        json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_bytes().splitlines()
    ]
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["documents_in"] == len(records) + len(errors)
    assert (report["documents_out"], report["errored"]) == (len(records), len(errors))

    ids = [record["id"] for record in records]
    assert len(set(ids)) == len(ids)
    found = {split_id(ident): record["text"] for ident, record in zip(ids, records, strict=True)}
    # Every known original came out once, cleaned exactly as its true text is cleaned: no
    # wrong decoding altered it.
    for key, text in corpus.expected.items():
        assert found.pop(key) == DEFAULT(text).text, key
    # What is left is the truncated gzip's readable head, lines 1, 2, ... in order.
    head = sorted(number for (source, number) in found if source == corpus.truncated)
    assert set(found) == {(corpus.truncated, n) for n in head}
    assert head == list(range(1, len(head) + 1)) and len(head) > 100
    assert all(found[(corpus.truncated, n)] == f"good line {n}" for n in head)
    # Every error record names its file and line (0: the unreadable rest of a file).
    error_keys = {(error["source"], error["number"]) for error in errors}
    assert len(error_keys) == len(errors)
    truncated_lines = {key for key in error_keys if key[0] == corpus.truncated and key[1] > 0}
    assert error_keys - truncated_lines == corpus.bad
