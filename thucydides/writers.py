"""Write stage: events as JSONL (the default), CSV, GDELT 2.0 events, or PLOVER JSONL.

The JSONL record is the output contract documented in docs/output.md; CSV flattens
the same fields; ``gdelt`` writes the 61 tab-separated columns of GDELT 2.0 events, made as the store makes
them (thucydides/gdelt.py);
``plover`` follows the PLOVER manual's JSON field names.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from typing import IO, Any

import duckdb

from . import registry
from .errors import Errors, SettingsError
from .gdelt import format_row, gdelt_rows, writable
from .models import Event, Refused
from .plover import plover_record

CSV_COLUMNS = [
    "event_id",
    "article_id",
    "sentence_index",
    "date",
    "date_precision",
    "current",
    "source_code",
    "source_country",
    "source_group",
    "source_sector",
    "source_name",
    "source_text",
    "source_start",
    "source_end",
    "target_code",
    "target_country",
    "target_group",
    "target_sector",
    "target_name",
    "target_text",
    "target_start",
    "target_end",
    "cameo",
    "cameo_base",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "plover_context",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "location_name",
    "location_country",
    "location_lat",
    "location_lon",
    "confidence",
    "sentence",
]


def event_record(event: Event, explain: bool = False) -> dict[str, Any]:
    """The JSONL record of an event: the output contract."""
    record: dict[str, Any] = {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "current": event.current,
        "source": event.source.to_dict() if event.source else None,
        "target": event.target.to_dict() if event.target else None,
        "cameo": event.cameo,
        "cameo_base": event.cameo_base,
        "cameo_root": event.cameo_root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover": event.plover.to_dict(),
        "trigger": {"text": event.trigger.text, "start": event.trigger.start, "end": event.trigger.end},
        "location": event.location.to_dict() if event.location else None,
        "confidence": event.confidence,
        **event.explanation.coder(),
    }
    if explain:
        record["explanation"] = explain_record(event)
    return record


def explain_record(event: Event) -> dict[str, Any]:
    out = event.explanation.to_dict()
    out["source"] = event.source.how if event.source else None
    out["target"] = event.target.how if event.target else None
    return out


def csv_row(event: Event) -> dict[str, Any]:
    row: dict[str, Any] = {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "date": event.date.isoformat() if event.date else "",
        "date_precision": event.date_precision,
        "current": event.current,
        "cameo": event.cameo,
        "cameo_base": event.cameo_base,
        "cameo_root": event.cameo_root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover_event": event.plover.event,
        "plover_mode": event.plover.mode or "",
        "plover_context": ";".join(event.plover.context),
        "trigger_text": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "confidence": event.confidence,
        "sentence": event.sentence,
    }
    for role, actor in (("source", event.source), ("target", event.target)):
        data = actor.to_dict() if actor else {}
        for key in ("code", "country", "group", "name", "text", "start", "end"):
            row[f"{role}_{key}"] = "" if data.get(key) is None else data[key]
        row[f"{role}_sector"] = ";".join(actor.sector) if actor else ""
    loc = event.location
    row["location_name"] = loc.name if loc else ""
    row["location_country"] = (loc.country or "") if loc else ""
    row["location_lat"] = "" if loc is None or loc.lat is None else loc.lat
    row["location_lon"] = "" if loc is None or loc.lon is None else loc.lon
    return row


GDELT_BATCH = 2_000  # events whose GDELT rows are made by one query


class Writer:
    """Writes events in one format to a text stream; ``close()`` it (or use ``with``) to write the last rows."""

    def __init__(self, stream: IO[str], fmt: str = "jsonl", explain: bool = False) -> None:
        if fmt not in registry.names("writers"):
            raise SettingsError(Errors.E401, name=fmt, known=", ".join(registry.names("writers")))
        self._format: Callable[[Writer, Iterable[Event], str], None] = registry.get("writers", fmt)
        self.stream = stream
        self.fmt = fmt
        self.explain = explain
        self.count = 0
        self.skipped = 0  # events the format has no row for (PLOVER, GDELT)
        self._csv: csv.DictWriter[str] | None = None
        self._db: duckdb.DuckDBPyConnection | None = None  # where GDELT rows are made (thucydides/gdelt.py)
        self._held: list[tuple[Event, str]] = []  # GDELT events not yet written, with their article's URL

    def write(self, events: Iterable[Event], source_url: str = "") -> None:
        self._format(self, events, source_url)

    def close(self) -> None:
        """Write what is held back (GDELT rows are made many events at a time); the stream stays open."""
        self._write_held()
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def write_refused(self, refused: Iterable[Refused]) -> None:
        """With --explain, JSONL lists the events the coder refused: each an event record with ``refused``, the
        reason (filter them out with ``refused == null``). Other formats hold coded events only."""
        if self.fmt != "jsonl":
            return
        for item in refused:
            record = {**event_record(item.event, explain=True), "refused": item.reason}
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")

    def _jsonl(self, events: Iterable[Event], _url: str) -> None:
        for event in events:
            self.stream.write(json.dumps(event_record(event, self.explain), ensure_ascii=False) + "\n")
            self.count += 1

    def _plover(self, events: Iterable[Event], _url: str) -> None:
        for event in events:
            record = plover_record(event)
            if record is None:  # PLOVER has no record for it: CAMEO 01/02, undated, or no actor entity
                self.skipped += 1
                continue
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.count += 1

    def _csv_rows(self, events: Iterable[Event], _url: str) -> None:
        if self._csv is None:
            self._csv = csv.DictWriter(self.stream, fieldnames=CSV_COLUMNS, lineterminator="\n")
            self._csv.writeheader()
        for event in events:
            self._csv.writerow(csv_row(event))
            self.count += 1

    def _gdelt(self, events: Iterable[Event], url: str) -> None:
        for event in events:
            if writable(event):  # GDELT needs a date and a coded actor
                self._held.append((event, url))
            else:
                self.skipped += 1
        if len(self._held) >= GDELT_BATCH:
            self._write_held()

    def _write_held(self) -> None:
        if not self._held:
            return
        if self._db is None:
            self._db = duckdb.connect()
        self.stream.writelines(map(format_row, gdelt_rows(self._held, self._db)))
        self.count += len(self._held)
        self._held = []


FORMATS: dict[str, Callable[[Writer, Iterable[Event], str], None]] = {
    "jsonl": Writer._jsonl,
    "csv": Writer._csv_rows,
    "gdelt": Writer._gdelt,
    "plover": Writer._plover,
}
for _name, _write in FORMATS.items():
    registry.register("writers", _name, _write)


def to_string(events: Iterable[Event], fmt: str = "jsonl", explain: bool = False) -> str:
    buffer = io.StringIO()
    with Writer(buffer, fmt, explain) as writer:
        writer.write(events)
    return buffer.getvalue()
