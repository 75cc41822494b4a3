"""GDELT 2.0 files: typed values of the 61 event columns, the importer, and the events and mentions exports.

Empty GDELT fields are NULL in the store and empty again on export; numbers are
written back in the shortest form that reads as the same value, so an exported
file read back through :func:`import_gdelt` gives the same rows, and exporting
those gives the same file.
"""

from __future__ import annotations

import datetime as dt
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from ..encoding import open_text, wrap_text
from ..errors import Errors, StoreError
from ..gdelt import GDELT_NAMES, GDELT_TYPES, format_row, format_value
from ..jobs import Stored, Summary
from .schema import EVENT_ARROW
from .sql import first_value

if TYPE_CHECKING:
    from .store import Store

GDELT_MENTION_COLUMNS = [
    "GlobalEventID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
]
_KINDS = {"BIGINT": (int, "an integer"), "INTEGER": (int, "an integer"), "DOUBLE": (float, "a number")}
_NUMERIC: list[tuple[int, str, Callable[[str], Any], str]] = [
    (i, name, *_KINDS[kind]) for i, (name, kind) in enumerate(GDELT_TYPES) if kind in _KINDS
]
IMPORT_BATCH = 50_000


def parse_row(fields: list[str], path: str, line: int) -> list[Any]:
    """Typed values of the 61 GDELT fields (empty → None); E422 names the line and column of a bad value."""
    values: list[Any] = [value or None for value in fields]
    for i, name, parse, kind in _NUMERIC:
        value = values[i]
        if value is not None:
            try:
                values[i] = parse(value)
            except ValueError:
                raise StoreError(Errors.E422, path=path, line=line, column=name, value=value, kind=kind) from None
    return values


def import_gdelt(store: Store, paths: Iterable[str | Path]) -> Summary:
    """Import GDELT 2.0 event files (plain or zipped) into ``store``; events already there are skipped.

    Each file is read completely before anything is stored, so a bad line stores
    nothing of its file.
    """
    stored = Stored()
    summary = Summary(unit="GDELT events", stored=stored)
    started = time.perf_counter()
    for path in map(Path, paths):
        rows = list(_read_rows(path))
        summary.read += len(rows)
        for start in range(0, len(rows), IMPORT_BATCH):
            added = _store_rows(store, rows[start : start + IMPORT_BATCH], f"gdelt:{path.name}")
            summary.coded += added
            stored.new_events += added
        stored.duplicate = summary.read - summary.coded
    store.keep_ordered()
    summary.seconds = time.perf_counter() - started
    return summary


def _read_rows(path: Path) -> Iterator[list[Any]]:
    try:
        with _open_text(path) as handle:
            for number, raw in enumerate(handle, start=1):
                line = raw.rstrip("\r\n")
                if not line.strip():
                    continue
                fields = line.split("\t")
                if len(fields) != len(GDELT_NAMES):
                    raise StoreError(Errors.E421, path=path, line=number, found=len(fields))
                yield parse_row(fields, str(path), number)
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as err:
        raise StoreError(Errors.E423, path=path, detail=str(err)) from None


def _open_text(path: Path) -> IO[str]:
    if path.suffix.lower() == ".zip":
        archive = zipfile.ZipFile(path)
        return wrap_text(archive.open(archive.namelist()[0]))
    return open_text(path)


def _store_rows(store: Store, rows: list[list[Any]], origin: str) -> int:
    table = pa.Table.from_pylist([_import_record(row, origin, i) for i, row in enumerate(rows)], schema=EVENT_ARROW)
    with store.writing() as con:
        before = _count(con)
        con.register("batch_events", table)
        con.execute(
            "INSERT INTO events BY NAME SELECT * EXCLUDE (ord) FROM batch_events b "
            "WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.GlobalEventID = b.GlobalEventID) "
            "QUALIFY row_number() OVER (PARTITION BY GlobalEventID ORDER BY ord) = 1"
        )
        con.unregister("batch_events")
        return _count(con) - before


def _count(con: duckdb.DuckDBPyConnection) -> int:
    return int(first_value(con, "SELECT count(*) FROM events"))


def _import_record(row: list[Any], origin: str, order: int) -> dict[str, Any]:
    record = dict(zip(GDELT_NAMES, row, strict=True))
    record.update(
        event_date=_day(record["Day"]),
        first_seen=_moment(record["DATEADDED"]),
        first_mention=None,
        is_current=True,
        date_precision="day",
        origin=origin,
        ord=order,
    )
    return record


def _day(value: int | None) -> dt.date | None:
    try:
        return dt.datetime.strptime(str(value), "%Y%m%d").date() if value else None
    except ValueError:
        return None


def _moment(value: int | None) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(str(value), "%Y%m%d%H%M%S") if value else None
    except ValueError:
        return None


EVENTS_SQL = "SELECT {columns} FROM events {where} ORDER BY first_seen, GlobalEventID"
MENTIONS_SQL = """
SELECT m.GlobalEventID, e.DATEADDED, strftime(m.added, '%Y%m%d%H%M%S')::BIGINT, 1, m.source_name, m.identifier,
       m.sentence_index + 1, coalesce(m.source."start", -1), coalesce(m.target."start", -1), m.trigger."start",
       1, round(m.confidence * 100)::INTEGER, length(a.text), NULL, NULL, NULL
FROM mentions m JOIN events e USING (GlobalEventID) JOIN articles a USING (article_key)
ORDER BY m.mention_seq
"""


def write_events_tsv(store: Store, out: IO[str], origin: str | None = None) -> int:
    """Write the events table as GDELT 2.0 events (61 columns, tab-separated, no header)."""
    columns = ", ".join(f'"{name}"' for name in GDELT_NAMES)
    where = "WHERE Day IS NOT NULL AND (Actor1Code IS NOT NULL OR Actor2Code IS NOT NULL)"  # GDELT needs both
    where, params = (where + " AND origin = ?", [origin]) if origin else (where, [])
    return _write_tsv(store, EVENTS_SQL.format(columns=columns, where=where), params, out)


def write_mentions_tsv(store: Store, out: IO[str]) -> int:
    """Write the mentions table as GDELT 2.0 mentions (16 columns, tab-separated, no header)."""
    return _write_tsv(store, MENTIONS_SQL, [], out, _mention_line)


def _mention_line(row: tuple[Any, ...]) -> str:
    return "\t".join(map(format_value, row)) + "\n"


def _write_tsv(
    store: Store, sql: str, params: list[Any], out: IO[str], line: Callable[[tuple[Any, ...]], str] = format_row
) -> int:
    count = 0
    with store.reading() as con:
        result = con.execute(sql, params)
        while chunk := result.fetchmany(10_000):
            out.writelines(map(line, chunk))
            count += len(chunk)
    return count
