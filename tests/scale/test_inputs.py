"""Streaming readers: the same articles as the ordinary readers, without holding a whole file."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from thucydides.models import Article, Rejection
from thucydides.readers import MAX_DOCUMENT_BYTES, read_paths
from thucydides.scale.inputs import CHUNK, Oversized, input_files, lines, stream_file, stream_paths, total_bytes

DATE = dt.date(2025, 6, 3)


@pytest.fixture()
def mixed(tmp_path: Path) -> Path:
    """A folder with every kind of input, good and bad."""
    (tmp_path / "a.txt").write_text("Russia attacked Ukraine on Monday.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"id": "x1", "text": "Japan met NATO.", "date": "2024-01-02", "url": "http://e/1"}),
                "",
                "{broken",
                json.dumps({"text": "China criticised NATO."}),
                json.dumps({"id": "x3", "text": "  "}),
                json.dumps(["not", "an", "object"]),
                json.dumps({"id": "x4", "text": "Iran warned Israel.", "title": 5}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "c.html").write_text(
        "<html><head><title>T</title></head><body><nav>Menu</nav><article><p>"
        + "The foreign ministers of France and Germany met in Paris on Tuesday to discuss Ukraine. " * 3
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blank.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.txt").write_text("Egypt hosted talks.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not read.", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("a,b", encoding="utf-8")
    return tmp_path


def test_stream_paths_reads_what_read_paths_reads_in_the_same_order(mixed: Path) -> None:
    expected = list(read_paths([str(mixed)], DATE))
    streamed = [item for item, _used in stream_paths([str(mixed)], DATE)]
    assert streamed == expected
    assert any(isinstance(i, Rejection) for i in streamed) and any(isinstance(i, Article) for i in streamed)


def test_bytes_consumed_grow_to_the_total_size(mixed: Path) -> None:
    files = list(input_files([str(mixed)]))
    used = [n for _item, n in stream_paths(files)]
    assert used == sorted(used)
    assert used[-1] == total_bytes(files)


def test_total_size_is_unknown_for_standard_input(mixed: Path) -> None:
    assert total_bytes([str(mixed / "a.txt"), "-"]) is None


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1 << 20])
def test_lines_split_at_newlines_whatever_the_chunk_size(chunk: int) -> None:
    data = b'{"a": 1}\n\n{"b": 2}\r\nlast without newline'
    assert list(lines(io.BytesIO(data), chunk)) == [b'{"a": 1}\n', b"\n", b'{"b": 2}\r\n', b"last without newline"]


def test_a_jsonl_file_is_streamed_not_read_whole() -> None:
    record = json.dumps({"id": "x", "text": "Russia attacked Ukraine."}).encode() + b"\n"
    copies = 4 * CHUNK // len(record)
    source = io.BytesIO(record * copies)
    first = next(stream_file(source, "big.jsonl", DATE))
    assert isinstance(first[0], Article)
    assert source.tell() <= CHUNK < len(record) * copies


def test_jsonl_on_standard_input_is_streamed_with_line_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'\n{"id": "s1", "text": "Japan met NATO."}\n{broken\n'
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BufferedReader(io.BytesIO(data))))
    items = [item for item, _used in stream_paths(["-"], DATE)]
    assert isinstance(items[0], Article) and items[0].id == "s1" and items[0].origin == "<stdin>:2"
    assert isinstance(items[1], Rejection) and items[1].origin == "<stdin>:3" and items[1].code == "E104"


def test_a_jsonl_file_starting_with_a_byte_order_mark_is_streamed_whole_and_counted_whole(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n')
    streamed = list(stream_paths([str(path)], DATE))
    assert [item for item, _used in streamed] == list(read_paths([str(path)], DATE))
    assert [type(item).__name__ for item, _used in streamed] == ["Article", "Article"]
    assert streamed[-1][1] == path.stat().st_size


def test_jsonl_on_standard_input_starting_with_a_byte_order_mark_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'\xef\xbb\xbf{"id": "s1", "text": "Japan met NATO."}\n{"id": "s2", "text": "NATO met Japan."}\n'
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BufferedReader(io.BytesIO(data))))
    items = [item for item, _used in stream_paths(["-"], DATE)]
    assert [(type(i).__name__, i.origin) for i in items] == [("Article", "<stdin>:1"), ("Article", "<stdin>:2")]


def test_text_on_standard_input_is_one_article(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Russia attacked Ukraine.\nThen it stopped.\n"
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BufferedReader(io.BytesIO(data))))
    items = [item for item, _used in stream_paths(["-"], DATE)]
    assert items == [Article(id="stdin", text=data.decode(), date=DATE, origin="<stdin>")]


def test_parquet_files_of_articles_are_read_and_checked(tmp_path: Path) -> None:
    table = pa.table(
        {
            "id": ["p1", None, "p3"],
            "text": ["Japan met NATO.", "China criticised NATO.", ""],
            "date": [dt.date(2024, 1, 2), None, None],
            "url": ["http://e/p1", None, None],
        }
    )
    pq.write_table(table, tmp_path / "articles.parquet")
    items = [item for item, _used in stream_paths([str(tmp_path)], DATE)]
    assert isinstance(items[0], Article) and items[0].date == dt.date(2024, 1, 2) and items[0].url == "http://e/p1"
    assert isinstance(items[1], Article) and items[1].date == DATE and len(items[1].id) == 16
    assert (
        isinstance(items[2], Rejection) and items[2].code == "E105" and items[2].origin.endswith("articles.parquet:3")
    )


def test_a_damaged_parquet_file_keeps_the_rows_before_the_damage_and_rejects_the_rest(tmp_path: Path) -> None:
    """Found by scripts/fuzz.py: a byte overwritten in a data page raised out of the job (UnicodeDecodeError)."""
    texts = [f"Japan met NATO on day {i}." for i in range(256)] + ["Russia attacked Ukraine.", "Egypt hosted talks."]
    path = tmp_path / "articles.parquet"
    plain = {"compression": "none", "use_dictionary": False, "write_statistics": False}  # the texts appear once
    pq.write_table(pa.table({"text": texts}), path, row_group_size=256, **plain)
    data = path.read_bytes()
    assert data.count(b"Russia") == 1
    at = data.index(b"Russia")
    path.write_bytes(data[:at] + b"\xff" + data[at + 1 :])
    items = [item for item, _used in stream_paths([str(path)])]
    assert [getattr(i, "text", None) for i in items[:256]] == texts[:256]
    assert len(items) == 257 and isinstance(items[256], Rejection) and items[256].code == "E123"
    assert items[256].origin == f"{path}:257" and "write the file again" in items[256].message


def _not_implemented(*_args: object, **_kwargs: object) -> Iterator[pa.RecordBatch]:
    raise pa.ArrowNotImplementedError("Integers with less than 8 bits not implemented")


def _no_batches(*_args: object, **_kwargs: object) -> Iterator[pa.RecordBatch]:
    return iter(())


@pytest.mark.parametrize(("damaged", "detail"), [(_not_implemented, "not implemented"), (_no_batches, "missing")])
def test_a_damaged_parquet_file_that_fails_otherwise_or_ends_early_is_rejected_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damaged: Callable[..., Iterator[pa.RecordBatch]], detail: str
) -> None:
    """Found by damaging Parquet files at random: a page whose encoding pyarrow does not implement raised out of
    the job; a damaged file whose rows read as none lost them without a word."""
    path = tmp_path / "articles.parquet"
    pq.write_table(pa.table({"text": ["Japan met NATO.", "China criticised NATO."]}), path)
    monkeypatch.setattr(pq.ParquetFile, "iter_batches", damaged)
    (item,) = [item for item, _used in stream_paths([str(path)])]
    assert isinstance(item, Rejection) and item.code == "E123" and item.origin == f"{path}:1" and detail in item.message


def test_a_parquet_file_without_rows_is_an_empty_file(tmp_path: Path) -> None:
    pq.write_table(
        pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())}), tmp_path / "e.parquet"
    )
    (item,) = [item for item, _used in stream_paths([str(tmp_path / "e.parquet")])]
    assert isinstance(item, Rejection) and item.code == "E101"


def test_a_missing_file_is_a_rejection_not_a_crash(tmp_path: Path) -> None:
    items = [item for item, _used in stream_paths([str(tmp_path / "nope.txt")])]
    assert len(items) == 1 and isinstance(items[0], Rejection) and items[0].code == "E106"


@pytest.mark.parametrize("chunk", [3, 7, 64])
def test_a_line_longer_than_the_limit_is_counted_not_kept(chunk: int) -> None:
    data = b"short\n" + b"x" * 50 + b"\nafter\n" + b"y" * 40
    found = list(lines(io.BytesIO(data), chunk, limit=20))
    assert found == [b"short\n", Oversized(51), b"after\n", Oversized(40)]


def test_an_oversized_jsonl_line_is_rejected_and_the_next_lines_are_read() -> None:
    big = json.dumps({"id": "big", "text": "Russia attacked Ukraine. " * (MAX_DOCUMENT_BYTES // 25 + 1)}).encode()
    good = json.dumps({"id": "x", "text": "Japan met NATO."}).encode()
    data = big + b"\n" + good + b"\n"
    found = list(stream_file(io.BytesIO(data), "in.jsonl", DATE))
    (first, _), (second, used) = found
    assert isinstance(first, Rejection) and first.code == "E122" and first.origin == "in.jsonl:1"
    assert isinstance(second, Article) and second.id == "x"
    assert used == len(data)


def test_a_file_too_large_for_one_article_is_rejected_with_its_size() -> None:
    data = b"word " * ((MAX_DOCUMENT_BYTES + 5 * CHUNK) // 5)
    size = len(data)
    source = io.BytesIO(data)
    ((item, used),) = stream_file(source, "huge.txt", DATE)
    assert isinstance(item, Rejection) and item.code == "E122" and "huge.txt" in item.message
    assert used == size


def test_text_on_standard_input_too_large_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"Russia attacked Ukraine.\n" * (MAX_DOCUMENT_BYTES // 25 + 10)
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BufferedReader(io.BytesIO(data))))
    ((item, used),) = list(stream_paths(["-"], DATE))
    assert isinstance(item, Rejection) and item.code == "E122" and used == len(data)
