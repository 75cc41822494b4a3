"""Exports of the store: GDELT 2.0 events and mentions, PLOVER JSONL, Parquet and CSV.

- ``gdelt``: the events table as GDELT 2.0 events (61 columns, tab-separated), one row
  per deduplicated event, readable by any GDELT reader and by ``thucydides import-gdelt``;
- ``gdelt-mentions``: the mentions table as GDELT 2.0 mentions (16 columns);
- ``plover``: one PLOVER JSON record per deduplicated coded event (from its first
  mention), with its mention, source and article counts;
- ``parquet`` and ``csv``: a table as it is stored (``events`` by default; also
  ``mentions``, ``articles`` or the ``one_a_day`` view).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .. import registry
from ..errors import Errors, SettingsError, StoreError
from ..models import Event
from ..plover import plover_record
from ..records import event_from_record
from ..writers import CSV_COLUMNS, Writer, csv_row
from .gdelt import write_events_tsv, write_mentions_tsv
from .store import Store

EXPORT_FORMATS = ("gdelt", "gdelt-mentions", "plover", "parquet", "csv")
TABLES = ("events", "mentions", "articles", "one_a_day")
_TABLE_SQL = {
    "events": "SELECT * FROM events ORDER BY first_seen, GlobalEventID",
    "mentions": "SELECT * FROM mentions ORDER BY mention_seq",
    "articles": "SELECT * FROM articles ORDER BY added, article_key",
    "one_a_day": "SELECT * FROM one_a_day ORDER BY event_date, GlobalEventID",
}
FIRST_MENTIONS = """
SELECT e.GlobalEventID AS global_id, e.NumMentions AS num_mentions, e.NumSources AS num_sources,
       e.NumArticles AS num_articles, m.*
FROM events e JOIN mentions m ON m.mention_seq = e.first_mention
ORDER BY e.first_seen, e.GlobalEventID
"""


def export(store: Store, fmt: str, path: str | Path, table: str = "events") -> int:
    """Write ``table`` (or the events/mentions for the GDELT and PLOVER formats) to ``path``; return the rows."""
    if fmt not in EXPORT_FORMATS and fmt not in registry.names("writers"):
        raise SettingsError(Errors.E441, name=fmt, known=", ".join(EXPORT_FORMATS))
    if table not in TABLES:
        raise SettingsError(Errors.E432, name="table", value=table, detail=f"choose one of {', '.join(TABLES)}")
    try:
        if fmt == "parquet":
            return _parquet(store, table, Path(path))
        with open(path, "w", encoding="utf-8", newline="") as out:
            return export_text(store, fmt, out, table)
    except OSError as err:
        raise StoreError(Errors.E443, path=path, detail=err.strerror or str(err)) from None


def export_text(store: Store, fmt: str, out: IO[str], table: str = "events") -> int:
    """Write a text format to an open stream (so the CLI can write to standard output)."""
    if fmt == "gdelt":
        return write_events_tsv(store, out)
    if fmt == "gdelt-mentions":
        return write_mentions_tsv(store, out)
    if fmt == "plover":
        return _plover(store, out)
    if fmt == "csv":
        return _mentions_csv(store, out) if table == "mentions" else _table_csv(store, table, out)
    if fmt in registry.names("writers"):  # a format a plugin registered for 'code' exports the store's events too
        with Writer(out, fmt) as writer:
            writer.write(event for _row, event in first_mentions(store))
        return writer.count
    raise SettingsError(Errors.E441, name=fmt, known=", ".join(f for f in EXPORT_FORMATS if f != "parquet"))


def _batches(store: Store, sql: str) -> Iterator[pa.RecordBatch]:
    with store.reading() as con:
        yield from con.sql(sql).to_arrow_reader(50_000)


def _parquet(store: Store, table: str, path: Path) -> int:
    count = 0
    writer: pq.ParquetWriter | None = None
    for batch in _batches(store, _TABLE_SQL[table]):
        writer = writer or pq.ParquetWriter(path, batch.schema)
        writer.write_batch(batch)
        count += batch.num_rows
    if writer is None:  # an empty table still gets a file with its columns
        with store.reading() as con:
            pq.write_table(con.execute(_TABLE_SQL[table]).to_arrow_table(), path)
    else:
        writer.close()
    return count


def _table_csv(store: Store, table: str, out: IO[str]) -> int:
    count = 0
    for batch in _batches(store, _TABLE_SQL[table]):
        sink = pa.BufferOutputStream()
        options = pacsv.WriteOptions(include_header=count == 0)
        pacsv.write_csv(pa.Table.from_batches([batch]), sink, write_options=options)
        out.write(sink.getvalue().to_pybytes().decode("utf-8"))
        count += batch.num_rows
    return count


def first_mentions(store: Store) -> Iterator[tuple[dict[str, Any], Event]]:
    """Each deduplicated coded event: its counts and the :class:`Event` of its first mention."""
    for batch in _batches(store, FIRST_MENTIONS):
        for row in batch.to_pylist():
            yield row, event_from_record(row)


def mentions(store: Store) -> Iterator[tuple[int, Event]]:
    """Every mention as (GlobalEventID, the coded :class:`Event`), in the order stored."""
    for batch in _batches(store, _TABLE_SQL["mentions"]):
        for row in batch.to_pylist():
            yield row["GlobalEventID"], event_from_record(row)


def _plover(store: Store, out: IO[str]) -> int:
    count = 0
    for row, event in first_mentions(store):
        record = plover_record(event)
        if record is None:  # CAMEO 01/02, undated, or no actor with a PLOVER entity code
            continue
        record["id"] = str(row["global_id"])
        record.update({k: row[k] for k in ("num_mentions", "num_sources", "num_articles")})
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def _mentions_csv(store: Store, out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=["GlobalEventID", *CSV_COLUMNS], lineterminator="\n")
    writer.writeheader()
    count = 0
    for global_id, event in mentions(store):
        writer.writerow({"GlobalEventID": global_id, **csv_row(event)})
        count += 1
    return count
