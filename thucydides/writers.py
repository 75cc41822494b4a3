"""Write stage: events as JSONL (the default), CSV, GDELT 2.0 events, or PLOVER JSONL.

The JSONL record is the output contract documented in docs/output.md; CSV flattens
the same fields; ``gdelt`` writes the 61 tab-separated columns of GDELT 2.0 events;
``plover`` follows the PLOVER manual's JSON field names.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable
from typing import IO, Any

from . import registry
from .errors import Errors, SettingsError
from .models import Actor, Event, Location, Refused
from .plover import plover_record

GDELT_COLUMNS = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]

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


def gdelt_id(event_id: str) -> int:
    """GDELT's GlobalEventID is an integer: the first 60 bits of our hex id."""
    return int(event_id[:15], 16)


def _coded(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.code)


def _actor_columns(actor: Actor | None) -> list[str]:
    if actor is None or not actor.code:  # an uncoded phrase ("the capital") is no GDELT actor
        return [""] * 10
    types = list(actor.sector)
    if actor.group and actor.code[:3] in ("IGO", "NGO", "IMG", "MNC"):
        types.insert(0, actor.code[:3])
    types = [*types, "", "", ""][:3]
    return [actor.code, (actor.name or actor.text).upper(), actor.country or "", actor.group or "", "", "", "", *types]


def _geo_columns(loc: Location | None) -> list[str]:
    if loc is None:
        return [""] * 8
    geo_type = {"country": "1", "adm1": "5", "city": "4", "site": "4"}.get(loc.feature, "4")
    if loc.country == "USA" and loc.feature in ("city", "site"):
        geo_type = "3"
    elif loc.country == "USA" and loc.feature == "adm1":
        geo_type = "2"
    fips = loc.fips or ""
    adm1 = gdelt_adm1(loc)
    return [
        geo_type,
        loc.full_name or loc.name,
        fips,
        adm1,
        "",
        "" if loc.lat is None else f"{loc.lat:.4f}",
        "" if loc.lon is None else f"{loc.lon:.4f}",
        _feature_id(loc),
    ]


def gdelt_adm1(loc: Location) -> str:
    """GDELT's ADM1Code: FIPS country and 2-character division ("GM05"); the country alone when the
    division's code is not of that form (GeoNames gives "ENG" for England, "LMA" for Lima)."""
    return loc.adm1 if loc.adm1 and len(loc.adm1) == 4 else loc.fips or ""


def _feature_id(loc: Location) -> str:
    """GDELT's FeatureID: the country code for a country, the ADM1 code for a province, else the place's id.

    GDELT fills it with GNS/GNIS ids; the offline gazetteer has GeoNames ids, which are written instead.
    """
    if loc.feature == "country":
        return loc.fips or ""
    if loc.feature == "adm1":
        return gdelt_adm1(loc)
    return "" if loc.geonames_id is None else str(loc.geonames_id)


def gdelt_code(cameo: str) -> str:
    """GDELT's EventCode has 3 or 4 digits: a bare root ("19") is its generic code ("190")."""
    return cameo + "0" if len(cameo) == 2 else cameo


def gdelt_row(event: Event, source_url: str = "") -> list[str]:
    day = event.date or dt.date(1970, 1, 1)
    fraction = day.year + (day.timetuple().tm_yday - 1) / 365.0
    return [
        str(gdelt_id(event.event_id)),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        str(day.year),
        f"{fraction:.4f}",
        *_actor_columns(event.source),
        *_actor_columns(event.target),
        "1" if event.sentence_index == 0 else "0",
        gdelt_code(event.cameo),
        gdelt_code(event.cameo)[:3],
        event.cameo_root,
        str(event.quad_class),
        f"{event.goldstein:.1f}",
        "1",
        "1",
        "1",
        "",
        *_geo_columns(None),
        *_geo_columns(None),
        *_geo_columns(event.location),
        day.strftime("%Y%m%d") + "000000",
        source_url or event.article_id,
    ]


class Writer:
    """Writes events in one format to a text stream."""

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
        self._tsv: Any = None

    def write(self, events: Iterable[Event], source_url: str = "") -> None:
        self._format(self, events, source_url)

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
        if self._tsv is None:
            self._tsv = csv.writer(
                self.stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
            )
        for event in events:
            if event.date is None or not (_coded(event.source) or _coded(event.target)):  # GDELT needs both
                self.skipped += 1
                continue
            self._tsv.writerow([_clean_tsv(v) for v in gdelt_row(event, url)])
            self.count += 1


def _clean_tsv(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ").replace("\\", "/")


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
    Writer(buffer, fmt, explain).write(events)
    return buffer.getvalue()
