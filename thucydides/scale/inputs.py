"""Stream articles from paths without holding a whole file: JSONL line by line, Parquet by row group.

:func:`stream_paths` yields the same articles and rejections, in the same order, as
:func:`thucydides.readers.read_paths`, each with the number of input bytes consumed
so far, so that a progress bar can tell the time left and memory stays flat however
large a file is. It also reads Parquet files with ``id``/``text`` columns (and
optionally ``date``, ``title``, ``url``, ``source``). :func:`stream_file` reads one
open file and serves both engines: the local one and the Ray datasource.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from ..encoding import without_bom
from ..errors import Errors, InputError
from ..models import Article, Rejection
from ..readers import (
    JSONL_SUFFIXES,
    MAX_DOCUMENT_BYTES,
    READABLE_SUFFIXES,
    article_from_fields,
    describe,
    jsonl_item,
    parse_date,
    read_document,
    read_stream,
    too_large,
)

Item = Article | Rejection
PARQUET_SUFFIXES = {".parquet"}
STREAMED_SUFFIXES = READABLE_SUFFIXES | PARQUET_SUFFIXES
_STRING_FIELDS = ("title", "url", "source")
CHUNK = 1 << 20


class Readable(Protocol):
    """A binary file opened for reading: a local file, or a stream Ray opens on shared storage."""

    def read(self, size: int = -1, /) -> bytes: ...


def input_files(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories (recursively, hidden files skipped, in name order); ``-`` and files pass through."""
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            yield from (str(p) for p in _walk(path))
        else:
            yield name


def _walk(directory: Path) -> Iterator[Path]:
    for child in sorted(directory.rglob("*")):
        relative = child.relative_to(directory).parts
        if any(part.startswith(".") for part in relative) or not child.is_file():
            continue
        if child.suffix.lower() in STREAMED_SUFFIXES:
            yield child


def total_bytes(files: Iterable[str]) -> int | None:
    """The size of all input files, or None when one of them is standard input."""
    total = 0
    for name in files:
        if name == "-":
            return None
        try:
            total += Path(name).stat().st_size
        except OSError:
            continue
    return total


def stream_paths(paths: Iterable[str], default_date: dt.date | None = None) -> Iterator[tuple[Item, int]]:
    """Yield every article (or rejection) under ``paths`` with the input bytes consumed after it."""
    done = 0
    for name in input_files(paths):
        if name == "-":
            used = 0
            for item, used in _stdin(sys.stdin.buffer, default_date):
                yield item, done + used
            done += used
            continue
        size = 0
        for item, size in stream_local(Path(name), default_date):
            yield item, done + size
        done += size


def stream_local(path: Path, default_date: dt.date | None = None) -> Iterator[tuple[Item, int]]:
    """Read one local file (E106 when it cannot be opened); yields (item, bytes read so far)."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except OSError as err:
        yield _rejection(InputError(Errors.E106, origin=str(path), detail=err.strerror or str(err))), 0
        return
    with handle:
        yield from stream_file(handle, str(path), default_date)


def stream_file(handle: Readable, name: str, default_date: dt.date | None = None) -> Iterator[tuple[Item, int]]:
    """Read one open file, choosing the reader by the suffix of ``name``; yields (item, bytes read so far)."""
    suffix = Path(name).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl(lines(handle), name, default_date)
    elif suffix in PARQUET_SUFFIXES:
        yield from _parquet(handle, name, default_date)
    else:
        yield _document(handle, name, default_date)


def _document(handle: Readable, name: str, default_date: dt.date | None) -> tuple[Item, int]:
    """A whole file as one article; one too large is skipped unread, so memory stays bounded."""
    try:
        data = handle.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) <= MAX_DOCUMENT_BYTES:
            return read_document(data, name, default_date), len(data)
        size = len(data)
        del data
        while more := handle.read(CHUNK):
            size += len(more)
    except OSError as err:
        return _rejection(InputError(Errors.E106, origin=name, detail=describe(err))), 0
    return too_large(name, size), size


@dataclass(frozen=True, slots=True)
class Oversized:
    """What :func:`lines` yields in place of a line longer than its limit, which it does not keep: its length."""

    size: int


def lines(handle: Readable, chunk: int = CHUNK, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[bytes | Oversized]:
    """The lines of a binary stream, each with its ``\\n``, read ``chunk`` bytes at a time.

    A line longer than ``limit`` bytes is counted, not kept: an :class:`Oversized` stands for it.
    """
    pieces: list[bytes] = []
    size = 0  # bytes of the current line so far
    while data := handle.read(chunk):
        start = 0
        while (end := data.find(b"\n", start)) >= 0:
            piece = data[start : end + 1]
            yield _line(pieces, piece, size + len(piece), limit)
            pieces, size = [], 0
            start = end + 1
        rest = data[start:]
        size += len(rest)
        pieces = [*pieces, rest] if size <= limit else []
    if size:
        yield _line(pieces, b"", size, limit)


def _line(pieces: list[bytes], last: bytes, size: int, limit: int) -> bytes | Oversized:
    return Oversized(size) if size > limit else b"".join([*pieces, last])


def _jsonl(
    source: Iterable[bytes | Oversized], origin: str, default_date: dt.date | None
) -> Iterator[tuple[Item, int]]:
    used = 0
    found = False
    for number, raw in enumerate(source, start=1):
        where = f"{origin}:{number}"
        if isinstance(raw, Oversized):
            used += raw.size
            found = True
            yield too_large(where, raw.size), used
            continue
        used += len(raw)
        if number == 1:
            raw = without_bom(raw)  # a byte-order mark at the start of the file, and only there
        if not raw.strip():
            continue
        found = True
        yield jsonl_item(raw, where, default_date), used
    if not found:
        yield _rejection(InputError(Errors.E101, origin=origin)), used


def _stdin(stream: BinaryIO, default_date: dt.date | None) -> Iterator[tuple[Item, int]]:
    """JSONL on standard input is streamed; text or HTML is read whole, as :func:`read_stream` does."""
    source = lines(stream)
    head: list[bytes | Oversized] = []
    for raw in source:
        head.append(raw)
        if isinstance(raw, Oversized) or raw.strip():
            break
    first = head[-1] if head else b""
    if len(head) == 1 and isinstance(first, bytes):
        first = without_bom(first)
    if isinstance(first, Oversized) or first.lstrip()[:1] == b"{":
        yield from _jsonl(itertools.chain(head, source), "<stdin>", default_date)
        return
    kept: list[bytes] = []
    size = 0
    for raw in itertools.chain(head, source):
        size += raw.size if isinstance(raw, Oversized) else len(raw)
        if size <= MAX_DOCUMENT_BYTES and isinstance(raw, bytes):
            kept.append(raw)
    if size > MAX_DOCUMENT_BYTES:
        yield too_large("<stdin>", size), size
        return
    data = b"".join(kept)
    for item in read_stream(io.BytesIO(data), "<stdin>", default_date):
        yield item, len(data)


def _parquet(handle: Any, origin: str, default_date: dt.date | None) -> Iterator[tuple[Item, int]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    unreadable = (OSError, ValueError, pa.ArrowException)  # ArrowException: also "not implemented" for a damaged page
    if not handle.seekable():
        handle = io.BytesIO(handle.read())
    size = handle.seek(0, io.SEEK_END)
    try:
        parquet = pq.ParquetFile(handle)
    except unreadable as err:
        yield _rejection(InputError(Errors.E106, origin=origin, detail=str(err))), size
        return
    if parquet.metadata.num_rows == 0:
        yield _rejection(InputError(Errors.E101, origin=origin)), size
        return
    yield from _parquet_rows(parquet, origin, default_date, size, unreadable)


def _parquet_rows(
    parquet: Any, origin: str, default_date: dt.date | None, size: int, unreadable: tuple[type[Exception], ...]
) -> Iterator[tuple[Item, int]]:
    """Every row as an article; from a damaged file the rows before the damage, and one E123 for the rest."""
    rows = parquet.metadata.num_rows
    wanted = [c for c in ("id", "text", "date", *_STRING_FIELDS) if c in parquet.schema_arrow.names]
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=256, columns=wanted):
            for record in batch.to_pylist():
                number += 1
                yield _parquet_item(record, f"{origin}:{number}", default_date), size * number // rows
    except unreadable as err:
        detail = describe(err)
    else:
        if number >= rows:
            return
        detail = f"{rows - number} of its {rows} rows are missing"  # pages that end early without a word
    yield _rejection(InputError(Errors.E123, origin=f"{origin}:{number + 1}", detail=detail)), size


def _parquet_item(record: dict[str, Any], where: str, default_date: dt.date | None) -> Item:
    try:
        return _parquet_article(record, where, default_date)
    except InputError as err:
        return _rejection(err)


def _parquet_article(record: dict[str, Any], where: str, default_date: dt.date | None) -> Article:
    """One Parquet row as an article, checked as a JSONL line is."""
    return article_from_fields(record, where, _row_date(record.get("date"), where) or default_date)


def _row_date(value: object, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date(str(value), where)


def _rejection(err: InputError) -> Rejection:
    return Rejection(origin=str(err.fields.get("origin", "")), code=err.code, message=err.message)
