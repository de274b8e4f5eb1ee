"""Readers and writers: every input format and compression, bad bytes, bad records."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
import random
import struct
import sys
import zlib
from pathlib import Path

import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.corpora import fixture_articles
from textfix.errors import InputError
from textfix.io.compression import compress_member, open_binary
from textfix.io.decoding import decode_bytes
from textfix.io.jsonl import iter_jsonl_range
from textfix.io.readers import BadRecord, ReadOptions, Record, expand_inputs, read_items
from textfix.io.writers import mirror_name, output_spec
from textfix.runner.tasks import line_ranges

TEXTS = ["Café au lait", "Line one\nline two", 'Quote "this", please', "naïve — ok"]
COMPRESSORS = {
    "": lambda data: data,
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": lambda data: zstandard.ZstdCompressor().compress(data),
}


def encode_as(kind: str) -> bytes:
    rows = [{"id": f"d{i}", "text": text} for i, text in enumerate(TEXTS)]
    if kind in ("jsonl", "ndjson"):
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()
    if kind == "json":
        return json.dumps(rows, ensure_ascii=False).encode()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, ["id", "text"], delimiter="," if kind == "csv" else "\t")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def texts_of(items: list[Record | BadRecord]) -> list[str]:
    assert all(isinstance(item, Record) for item in items), items
    return [item.text for item in items if isinstance(item, Record)]


@pytest.mark.parametrize("compression", list(COMPRESSORS))
@pytest.mark.parametrize("kind", ["jsonl", "ndjson", "json", "csv", "tsv"])
def test_every_format_and_compression(tmp_path: Path, kind: str, compression: str) -> None:
    path = tmp_path / f"docs.{kind}{compression}"
    path.write_bytes(COMPRESSORS[compression](encode_as(kind)))
    items = list(read_items(path, path.name))
    assert texts_of(items) == TEXTS
    assert [item.number for item in items] == [1, 2, 3, 4]
    assert [item.id for item in items if isinstance(item, Record)] == ["d0", "d1", "d2", "d3"]


@pytest.mark.parametrize("compression", list(COMPRESSORS))
def test_txt_file_is_one_document(tmp_path: Path, compression: str) -> None:
    path = tmp_path / f"a.txt{compression}"
    path.write_bytes(COMPRESSORS[compression]("Café\n".encode()))
    [record] = read_items(path, "news/a.txt")
    assert isinstance(record, Record)
    assert (record.text, record.id, record.metadata) == ("Café\n", "news/a.txt", {})


def test_parquet_is_read_in_batches(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "docs.parquet"
    texts = [f"document {i}" for i in range(2500)]
    pq.write_table(pa.table({"text": texts, "n": list(range(2500))}), path, row_group_size=700)
    items = list(read_items(path, "docs.parquet"))
    assert texts_of(items) == texts
    assert items[-1].number == 2500


FRENCH = (
    "Le café était fermé à cause de la grève générale. Les employés ont décidé de ne pas "
    "travailler mercredi, et les élèves sont restés à la maison. On espère que la situation "
    "s'améliorera bientôt, mais rien n'est sûr."
)


def test_non_utf8_txt_is_detected_and_recorded(tmp_path: Path) -> None:
    # Detection needs a paragraph: on one short sentence charset-normalizer can pick a
    # Baltic code page, which is why --encoding exists.
    path = tmp_path / "old.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    [record] = read_items(path, "old.txt")
    assert isinstance(record, Record)
    assert record.text == FRENCH
    assert record.metadata["source_encoding"] == "cp1252"


def test_given_encoding_is_used(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Ærø".encode("cp1252"))
    [record] = read_items(path, "old.txt", ReadOptions(encoding="cp1252"))
    assert isinstance(record, Record)
    assert (record.text, record.metadata["source_encoding"]) == ("Ærø", "cp1252")


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfhello")
    [record] = read_items(path, "bom.txt")
    assert isinstance(record, Record) and record.text == "hello"


def test_one_bad_byte_spoils_at_most_one_jsonl_record(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": f"record {i} café"}, ensure_ascii=False).encode() for i in range(1000)
    ]
    lines[499] = b'{"text": "record 499 caf\xe9"}'
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_items(path, "bad.jsonl"))
    assert len(items) == 1000
    assert all(isinstance(item, Record) for item in items)
    assert "source_encoding" in items[499].metadata  # type: ignore[union-attr]
    assert texts_of(items)[500] == "record 500 café"


def test_bad_records_become_error_records(tmp_path: Path) -> None:
    path = tmp_path / "faults.jsonl"
    path.write_bytes(
        b'{"text": "ok"}\n'
        b'{"text": \n'
        b'{"body": "no text"}\n'
        b'{"text": ["a list"]}\n'
        b'{"text": "nul \x00 inside"}\n'
        b"[1, 2]\n"
        b"\n"
        b'{"text": "last"}\n'
    )
    items = list(read_items(path, "faults.jsonl"))
    errors = {item.number: item.error for item in items if isinstance(item, BadRecord)}
    assert sorted(errors) == [2, 3, 4, 5, 6]
    assert "malformed JSON" in errors[2] and "malformed JSON" in errors[5]
    assert errors[3] == "missing text field 'text'"
    assert errors[4] == "text field 'text' is an array, not a string"
    assert texts_of([i for i in items if isinstance(i, Record)]) == ["ok", "last"]
    assert [i.raw for i in items if isinstance(i, BadRecord)][1] == '{"body": "no text"}'


def test_truncated_gzip_keeps_records_read_and_reports_the_rest(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(b'{"text": "doc %d"}\n' % i for i in range(5000)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_items(path, "cut.jsonl.gz"))
    *records, last = items
    assert isinstance(last, BadRecord) and last.number == 0
    assert "unreadable input" in last.error
    assert 0 < len(records) < 5000
    assert texts_of(records)[:2] == ["doc 0", "doc 1"]


def test_record_over_the_size_limit_is_an_error_record(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_bytes(b'{"text": "small"}\n{"text": "' + b"x" * 5000 + b'"}\n')
    items = list(read_items(path, "big.jsonl", ReadOptions(max_record_bytes=1000)))
    assert isinstance(items[0], Record)
    assert isinstance(items[1], BadRecord)
    assert "more than max_record_bytes=1000" in items[1].error
    assert len(items[1].raw) == 5000 + len('{"text": ""}')


@pytest.mark.parametrize("chunk", [1, 7, 16, 50, 1000])
def test_byte_ranges_cover_every_line_once(tmp_path: Path, chunk: int) -> None:
    body = (
        b'{"text": "a"}\n\n{"text": "bb"}\r\n{"bad"\n{"text": "c\xc3\xa9"}\n{"text": "no newline"}'
    )
    path = tmp_path / "r.jsonl"
    path.write_bytes(body)
    whole = list(read_items(path, "r.jsonl"))
    got = []
    for start, end, first_line in line_ranges(path, chunk):
        with open_binary(path) as stream:
            items = iter_jsonl_range(stream, start, end, "r.jsonl", ReadOptions(), [first_line - 1])
            got.extend((item.number, type(item).__name__) for item in items)
    assert got == [(item.number, type(item).__name__) for item in whole]


@pytest.mark.parametrize("chunk", [1, 5, 64, 1000])
def test_line_ranges_start_at_line_starts_and_number_lines(tmp_path: Path, chunk: int) -> None:
    lines = [b"x" * (n * 37 % 300) + b"\n" for n in range(60)] + [b"tail"]
    path = tmp_path / "r.jsonl"
    path.write_bytes(b"".join(lines))
    starts = [sum(map(len, lines[:n])) for n in range(len(lines))]
    ranges = list(line_ranges(path, chunk))
    assert ranges[0][0] == 0 and ranges[-1][1] == len(b"".join(lines))
    for (start, end, first_line), following in zip(ranges, [*ranges[1:], None], strict=True):
        assert start in starts and starts.index(start) + 1 == first_line
        assert end - start >= chunk or following is None
        assert following is None or following[0] == end


def test_a_very_long_line_is_one_range(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b"a\n" + b"x" * 5_000_000 + b"\nb\n")
    # The range that reaches into the long line runs to its end; the next starts after it.
    assert list(line_ranges(path, 1000)) == [(0, 5_000_003, 1), (5_000_003, 5_000_005, 3)]


def test_directories_are_walked_in_order_with_glob(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.txt", "b/1.jsonl.gz", "notes.md"):
        (tmp_path / name).write_bytes(b"x")
    root = tmp_path.as_posix()
    expected = [f"{root}/a.txt", f"{root}/b/1.jsonl.gz", f"{root}/b/2.txt"]
    assert [n for _, n in expand_inputs([str(tmp_path)])] == expected
    expected = [f"{root}/a.txt", f"{root}/b/2.txt"]
    assert [n for _, n in expand_inputs([str(tmp_path)], glob="**/*.txt")] == expected


def symlinked_tree(root: Path, away: Path) -> None:
    """A tree with symlinked folders leading out of it and back into it, loops of one and two
    links, and a dangling folder link."""
    (root / "real" / "deep").mkdir(parents=True)
    (root / "real" / "x.txt").write_text("Fares rose.", encoding="utf-8")
    (root / "real" / "deep" / "y.txt").write_text("Fares fell.", encoding="utf-8")
    away.mkdir()
    (away / "z.txt").write_text("Fares held.", encoding="utf-8")
    (root / "ext").symlink_to(away, target_is_directory=True)  # followed: it leads out
    (root / "linked").symlink_to(root / "real", target_is_directory=True)  # read as real/
    (root / "real" / "up").symlink_to(root, target_is_directory=True)  # a loop
    (root / "c2").mkdir()
    (root / "c1").symlink_to(root / "c2", target_is_directory=True)
    (root / "c2" / "back").symlink_to(root / "c1", target_is_directory=True)  # c2 -> c1 -> c2
    (root / "gone").symlink_to(root / "missing", target_is_directory=True)


def test_symlinked_folders_are_followed_once_and_loops_reported(tmp_path: Path) -> None:
    from textfix.io.readers import Skipped

    root = tmp_path / "corpus"
    root.mkdir()
    symlinked_tree(root, tmp_path / "away")
    base = root.as_posix() + "/"
    skipped = Skipped()
    names = [n.removeprefix(base) for _, n in expand_inputs([str(root)], skipped=skipped)]
    # Followed out of the tree like find -L; a link back into it is not read a second time;
    # each loop is listed once where it closes, never entered.
    assert names == ["c2/back", "ext/z.txt", "real/deep/y.txt", "real/up", "real/x.txt"]
    assert [n.removeprefix(base) for n in skipped.repeated_examples] == ["c1", "linked"]
    assert [n.removeprefix(base) for n in skipped.examples] == ["gone"]  # no known format
    # The same through --glob, which Path.glob would not follow below a link.
    globbed = [n.removeprefix(base) for _, n in expand_inputs([str(root)], glob="**/*.txt")]
    assert globbed == ["c2/back", "ext/z.txt", "real/deep/y.txt", "real/up", "real/x.txt"]
    shallow = expand_inputs([str(root)], glob="*/x.txt")
    assert [n.removeprefix(base) for _, n in shallow] == ["c2/back", "real/up", "real/x.txt"]
    assert not list(expand_inputs([str(root)], glob="*.txt"))  # nothing deeper is walked
    # Reading a loop gives an error record saying so.
    [loop] = read_items(root / "real" / "up", "real/up")
    assert isinstance(loop, BadRecord) and loop.error.startswith("symlink loop")


def test_a_symlinked_file_is_read_once_under_its_target_name(tmp_path: Path) -> None:
    from textfix.io.readers import Skipped

    root, away = tmp_path / "corpus", tmp_path / "away"
    (root / "sub").mkdir(parents=True)
    away.mkdir()
    (root / "sub" / "a.txt").write_text("Fares rose.")
    (root / "notes.md").write_text("not an input")
    (away / "z.txt").write_text("Fares held.")
    (root / "b.txt").symlink_to(root / "sub" / "a.txt")  # read already as sub/a.txt
    (root / "c.txt").symlink_to(root / "notes.md")  # its target is not read: the link is
    (root / "d.txt").symlink_to(away / "z.txt")  # leads out: read here
    (root / "e.txt").symlink_to(root / "missing.txt")  # dangling: an error record
    skipped = Skipped()
    base = root.as_posix() + "/"
    names = [n.removeprefix(base) for _, n in expand_inputs([str(root)], skipped=skipped)]
    assert names == ["c.txt", "d.txt", "e.txt", "sub/a.txt"]
    assert [n.removeprefix(base) for n in skipped.repeated_examples] == ["b.txt"]
    # With --glob, the link is skipped only when the glob takes its target.
    names = [n.removeprefix(base) for _, n in expand_inputs([str(root)], glob="*.txt")]
    assert names == ["b.txt", "c.txt", "d.txt", "e.txt"]


def test_a_run_over_symlinked_folders_loses_nothing(tmp_path: Path) -> None:
    from textfix.pipeline import Pipeline
    from textfix.runner import RunOptions, run_clean

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    symlinked_tree(corpus, tmp_path / "away")
    (corpus / "gone.txt").symlink_to(corpus / "missing.txt")  # a dangling file link
    out = tmp_path / "out.jsonl"
    stats = run_clean(
        [str(corpus)], Pipeline.from_preset("default"), out, options=RunOptions(workers=1)
    )
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    base = corpus.as_posix() + "/"
    assert sorted(r["id"].removeprefix(base) for r in records) == [
        "ext/z.txt", "real/deep/y.txt", "real/x.txt"
    ]  # fmt: skip
    assert {e["source"].removeprefix(base): e["error"].split(":")[0] for e in errors} == {
        "c2/back": "symlink loop",
        "real/up": "symlink loop",
        "gone.txt": "unreadable input",
    }
    assert stats.documents_in == len(records) + len(errors)


def test_a_txt_tree_killed_mid_write_resumes_without_leftovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textfix.io import writers
    from textfix.pipeline import Pipeline
    from textfix.runner import RunOptions, run_clean

    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"text": f"Doc  {i}"}) + "\n" for i in range(30)))
    pipeline = Pipeline.from_preset("default")
    options = RunOptions(workers=1, output_format="txt", chunk_bytes=100)
    whole = tmp_path / "whole"
    run_clean([str(source)], pipeline, whole, options=options)
    calls = 0
    real_fsync = writers.os.fsync

    def killed_on_the_25th(fd: int) -> None:  # a kill between a document's bytes and its name
        nonlocal calls
        calls += 1
        if calls == 25:
            raise KeyboardInterrupt
        real_fsync(fd)

    tree = tmp_path / "tree"
    monkeypatch.setattr(writers.os, "fsync", killed_on_the_25th)
    real_getpid = writers.os.getpid
    monkeypatch.setattr(writers.os, "getpid", lambda: 4_000_000)  # the killed process's id
    with pytest.raises(KeyboardInterrupt):
        run_clean([str(source)], pipeline, tree, options=options)
    monkeypatch.setattr(writers.os, "fsync", real_fsync)
    monkeypatch.setattr(writers.os, "getpid", real_getpid)
    resumed = RunOptions(workers=1, output_format="txt", chunk_bytes=100, resume=True)
    run_clean([str(source)], pipeline, tree, options=resumed)

    def files(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*")
            if p.is_file() or p.name.startswith(".")
        }

    assert files(tree) == files(whole) and len(files(whole)) == 60


def test_compressed_members_concatenate(tmp_path: Path) -> None:
    for suffix, kind in ((".gz", "gz"), (".bz2", "bz2"), (".xz", "xz"), (".zst", "zst")):
        path = tmp_path / f"o.jsonl{suffix}"
        path.write_bytes(compress_member(b"a\n", kind) + compress_member(b"b\n", kind))  # type: ignore[arg-type]
        with open_binary(path) as stream:
            assert stream.read() == b"a\nb\n", suffix


def test_output_spec_and_mirror_names() -> None:
    assert output_spec(Path("o.parquet")).kind == "parquet"
    assert output_spec(Path("o.jsonl.gz")).compression == "gz"
    assert output_spec(Path("cleaned"), "txt").kind == "txt"
    with pytest.raises(InputError, match="no extension"):
        output_spec(Path("cleaned"))
    assert str(mirror_name("../x/a.txt", 1, True)) == "__/x/a.txt"


# --- encodings: Windows-1252 for a few high bytes, binary refused -------------------------------

# Western characters that latin-1 and cp1252 write as one byte each, and cp1252's own quotes.
_LATIN = "£éèàüöäñçß°©®±½¾ÉÀÖÜ"
_CP1252_ONLY = "‘’“”–—…€™•"


@settings(max_examples=60, deadline=None)
@given(
    article=st.sampled_from(
        [t for t in fixture_articles() if t.isascii() and len(t) > 200] or ["x" * 300]
    ),
    inserts=st.lists(
        st.tuples(st.integers(0, 10_000), st.sampled_from(_LATIN + _CP1252_ONLY)),
        min_size=1,
        max_size=6,
    ),
    codec=st.sampled_from(["latin-1", "cp1252"]),
)
def test_a_few_high_bytes_read_as_windows_1252(
    article: str, inserts: list[tuple[int, str]], codec: str
) -> None:
    text = article
    for at, char in inserts:
        if codec == "latin-1" and char in _CP1252_ONLY:
            char = "£"
        # Each character stands before a space: two high latin-1 bytes side by side can be
        # valid UTF-8 ("ß£" is the bytes of U+07E3), and valid UTF-8 is read as UTF-8.
        text = text[: at % len(text)] + char + " " + text[at % len(text) :]
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == "cp1252" and 0.9 < decoded.confidence < 1


def test_one_latin1_pound_is_never_an_exotic_code_page(tmp_path: Path) -> None:
    # The shape of a BBC business story: all ASCII but one latin-1 pound sign.
    text = (
        "Ferry firm agrees deal\n\nThe operator agreed a \xa315.8m signing on Monday, "
        "the company said, after months of talks with the harbour board.\n"
    )
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("latin-1"))
    [record] = read_items(path, "a.txt")
    assert isinstance(record, Record) and record.text == text
    assert record.metadata["source_encoding"] == "cp1252"
    assert 0.9 < record.metadata["source_encoding_confidence"] < 1
    line = tmp_path / "a.jsonl"
    line.write_bytes(b'{"text": "caf\xe9 at \xa33"}\n')
    [item] = read_items(line, "a.jsonl")
    assert isinstance(item, Record) and item.text == "café at £3"
    assert item.metadata["source_encoding"] == "cp1252"


def test_cp1252_undefined_bytes_read_as_c1_controls_not_replacements() -> None:
    assert decode_bytes(b"a\x81b \xe9").text == "a\x81b é"


def test_legacy_cyrillic_is_still_detected() -> None:
    text = (
        "Москва. Правительство объявило в понедельник о новых мерах поддержки экономики, "
        "которые вступят в силу со следующего месяца, сообщили в министерстве финансов.\n"
    ) * 3
    decoded = decode_bytes(text.encode("cp1251"))
    assert decoded.text == text and decoded.encoding == "cp1251"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_is_text(tmp_path: Path, codec: str) -> None:
    text = "Ærø ferry fares — “up again”\nline two\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(codec))
    [record] = read_items(path, "a.txt")
    assert isinstance(record, Record) and record.text == text


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    pixels = zlib.compress(bytes(range(256)) * 64)
    header = struct.pack(">IIBBBBB", 64, 64, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)


@pytest.mark.parametrize("kind", ["elf", "png", "random"])
def test_binary_files_named_txt_are_error_records(tmp_path: Path, kind: str) -> None:
    data = {
        "elf": Path(sys.executable).resolve().read_bytes()[:200_000],
        "png": _png(),
        "random": random.Random(7).randbytes(50_000),
    }[kind]
    path = tmp_path / "image.txt"
    path.write_bytes(data)
    [item] = read_items(path, "image.txt")
    assert isinstance(item, BadRecord) and "binary data" in item.error
    csv_path = tmp_path / "image.csv"
    csv_path.write_bytes(data)
    [item] = read_items(csv_path, "image.csv")
    assert isinstance(item, BadRecord) and "binary data" in item.error


def test_a_csv_column_named_twice_loses_no_value(tmp_path: Path) -> None:
    # Rows whose values under a repeated name differ are error records with the row as it
    # stood; equal values (the empty columns a spreadsheet leaves) keep one.
    path = tmp_path / "dup.csv"
    path.write_text('id,text,text,,\n1,first,second,,\n2,same,same,,\n3,"a, b","a, b",x,\n')
    items = list(read_items(path, "dup.csv"))
    assert [type(item).__name__ for item in items] == ["BadRecord", "Record", "BadRecord"]
    first, kept, third = items
    assert isinstance(first, BadRecord) and isinstance(third, BadRecord)
    assert "names column 'text' 2 times" in first.error and first.raw == "1,first,second,,"
    assert "names column '' 2 times" in third.error and third.raw == '3,"a, b","a, b",x,'
    assert isinstance(kept, Record) and kept.fields == {"id": "2", "text": "same", "": ""}


def test_csv_error_records_keep_the_row_quoted(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('id,text\n1,"a, ""b""\nc",extra\n2,"x"\n')
    first, second = read_items(path, "q.csv")
    assert isinstance(first, BadRecord) and isinstance(second, Record)
    assert first.error == "row has 3 fields, the header 2"
    assert next(csv.reader(io.StringIO(first.raw))) == ["1", 'a, "b"\nc', "extra"]


@pytest.mark.parametrize("name", ["semi.csv", "semi.csv.gz"])
def test_a_csv_separated_by_semicolons_is_read(tmp_path: Path, name: str) -> None:
    data = 'id;text\n1;"Prices; rose, 2,5 %"\n2;two\n'.encode("cp1252")
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    items = list(read_items(path, name))
    assert texts_of(items) == ["Prices; rose, 2,5 %", "two"]
    assert [item.id for item in items if isinstance(item, Record)] == ["1", "2"]
    # A comma in the header keeps the comma: semicolons are then only text.
    path = tmp_path / "plain.csv"
    path.write_text("id,text\n1;2,three\n")
    assert texts_of(list(read_items(path, "plain.csv"))) == ["three"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("compression", ["", ".gz"])
def test_jsonl_in_utf16_or_utf32_is_read_line_by_line(
    tmp_path: Path, encoding: str, compression: str
) -> None:
    # As Windows tools write JSONL: a byte-order mark and two- or four-byte line breaks.
    data = "".join(json.dumps({"id": f"d{i}", "text": t}) + "\r\n" for i, t in enumerate(TEXTS))
    encoded = data.encode(encoding)
    if encoding == "utf-16-be":
        encoded = b"\xfe\xff" + encoded
    path = tmp_path / f"wide.jsonl{compression}"
    path.write_bytes(COMPRESSORS[compression](encoded))
    items = list(read_items(path, path.name))
    assert texts_of(items) == TEXTS
    assert [item.number for item in items] == [1, 2, 3, 4]
    assert {item.metadata["source_encoding"] for item in items if isinstance(item, Record)} == {
        encoding[:6]
    }


@pytest.mark.parametrize("bom", ["utf-8-sig", "utf-16", "utf-32"])
def test_stdin_jsonl_after_a_byte_order_mark_is_jsonl(bom: str) -> None:
    from textfix.io.readers import read_stdin

    data = '{"id": "a", "text": "one"}\n{"id": "b", "text": "two"}\n'.encode(bom)
    items = list(read_stdin(io.BufferedReader(io.BytesIO(data)), ReadOptions()))
    assert texts_of(items) == ["one", "two"]
    assert [item.id for item in items if isinstance(item, Record)] == ["a", "b"]
