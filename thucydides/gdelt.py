"""A GDELT 2.0 event row: its 61 columns, and how each is filled from a coded event — defined once.

The row is one SQL query over rows of coded events (the store's ``mentions`` table, or
a batch of events a writer is given), so that ``code --format gdelt`` and the store's
events table (and its ``export --format gdelt``) are made by the same code:

- ``INSERT_NEW_EVENTS`` (store/derive.py) selects :data:`EVENT_SELECT` from the mentions
  of a batch and then counts NumMentions, NumSources and NumArticles over all mentions;
- :func:`gdelt_rows` selects it from the events a writer is given, each its own
  single-mention event (counts of 1), dated at midnight of its day.

:func:`format_row` writes a row as a line of a GDELT file for both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

from .arrow import ACTOR, LOCATION, actor_value, location_value
from .models import Actor, Event

# The 61 columns of GDELT 2.0 events with the types of GDELT's own BigQuery schema.
_ACTOR_TYPES = [
    ("Code", "VARCHAR"),
    ("Name", "VARCHAR"),
    ("CountryCode", "VARCHAR"),
    ("KnownGroupCode", "VARCHAR"),
    ("EthnicCode", "VARCHAR"),
    ("Religion1Code", "VARCHAR"),
    ("Religion2Code", "VARCHAR"),
    ("Type1Code", "VARCHAR"),
    ("Type2Code", "VARCHAR"),
    ("Type3Code", "VARCHAR"),
]
_GEO_TYPES = [
    ("Geo_Type", "INTEGER"),
    ("Geo_FullName", "VARCHAR"),
    ("Geo_CountryCode", "VARCHAR"),
    ("Geo_ADM1Code", "VARCHAR"),
    ("Geo_ADM2Code", "VARCHAR"),
    ("Geo_Lat", "DOUBLE"),
    ("Geo_Long", "DOUBLE"),
    ("Geo_FeatureID", "VARCHAR"),
]
GDELT_TYPES: list[tuple[str, str]] = [
    ("GlobalEventID", "BIGINT"),
    ("Day", "INTEGER"),
    ("MonthYear", "INTEGER"),
    ("Year", "INTEGER"),
    ("FractionDate", "DOUBLE"),
    *[(f"Actor1{name}", kind) for name, kind in _ACTOR_TYPES],
    *[(f"Actor2{name}", kind) for name, kind in _ACTOR_TYPES],
    ("IsRootEvent", "INTEGER"),
    ("EventCode", "VARCHAR"),
    ("EventBaseCode", "VARCHAR"),
    ("EventRootCode", "VARCHAR"),
    ("QuadClass", "INTEGER"),
    ("GoldsteinScale", "DOUBLE"),
    ("NumMentions", "INTEGER"),
    ("NumSources", "INTEGER"),
    ("NumArticles", "INTEGER"),
    ("AvgTone", "DOUBLE"),
    *[(f"Actor1{name}", kind) for name, kind in _GEO_TYPES],
    *[(f"Actor2{name}", kind) for name, kind in _GEO_TYPES],
    *[(f"Action{name}", kind) for name, kind in _GEO_TYPES],
    ("DATEADDED", "BIGINT"),
    ("SOURCEURL", "VARCHAR"),
]
GDELT_NAMES = [name for name, _ in GDELT_TYPES]

# What the row is made from: these columns of a row of coded events, named ``m``.
EVENT_INPUT = pa.schema(
    [
        ("GlobalEventID", pa.int64()),
        ("added", pa.timestamp("us")),  # when the event was stored: DATEADDED
        ("identifier", pa.string()),  # the article's URL, else its id: SOURCEURL
        ("sentence_index", pa.int32()),
        ("date", pa.date32()),
        ("source", ACTOR),
        ("target", ACTOR),
        ("cameo", pa.string()),
        ("quad_class", pa.int32()),
        ("goldstein", pa.float64()),
        ("location", LOCATION),
    ]
)


def _actor(role: str, n: int) -> dict[str, str]:
    """An actor's columns; an uncoded phrase ("the capital") is no GDELT actor, and leaves them empty."""
    m = f"m.{role}"
    types = (
        f"list_concat(CASE WHEN {m}.\"group\" IS NOT NULL AND left({m}.code, 3) IN ('IGO', 'NGO', 'IMG', 'MNC') "
        f"THEN [left({m}.code, 3)] ELSE [] END, {m}.sector)"
    )
    name = f"nullif(upper(coalesce(nullif({m}.name, ''), {m}.\"text\")), '')"
    return {
        f"Actor{n}Code": f"nullif({m}.code, '')",
        f"Actor{n}Name": f"CASE WHEN {m}.code <> '' THEN {name} END",
        f"Actor{n}CountryCode": f"nullif({m}.country, '')",
        f"Actor{n}KnownGroupCode": f"nullif({m}.\"group\", '')",
        **{f"Actor{n}Type{i}Code": f"nullif({types}[{i}], '')" for i in (1, 2, 3)},
    }


# GDELT's ADM1Code is FIPS country + 2 characters; other GeoNames codes ("UKENG", "LMA") fall back to the country.
_ADM1 = "nullif(CASE WHEN length(m.location.adm1) = 4 THEN m.location.adm1 ELSE m.location.fips END, '')"
_CODE = "CASE WHEN length(m.cameo) = 2 THEN m.cameo || '0' ELSE m.cameo END"  # a bare root "19" is "190"
_FILLED = {
    "GlobalEventID": "m.GlobalEventID",
    "Day": "strftime(m.date, '%Y%m%d')::INTEGER",
    "MonthYear": "strftime(m.date, '%Y%m')::INTEGER",
    "Year": "year(m.date)",
    "FractionDate": "round(year(m.date) + (dayofyear(m.date) - 1) / 365.0, 4)",
    **_actor("source", 1),
    **_actor("target", 2),
    "IsRootEvent": "(m.sentence_index = 0)::INTEGER",
    "EventCode": _CODE,
    "EventBaseCode": f"left({_CODE}, 3)",
    "EventRootCode": "left(m.cameo, 2)",
    "QuadClass": "m.quad_class",
    "GoldsteinScale": "round(m.goldstein, 1)",
    "NumMentions": "1",  # one coded event is one mention; the store counts them over all mentions
    "NumSources": "1",
    "NumArticles": "1",
    "ActionGeo_Type": """CASE WHEN m.location IS NULL THEN NULL
         WHEN m.location.country = 'USA' AND m.location.feature IN ('city', 'site') THEN 3
         WHEN m.location.country = 'USA' AND m.location.feature = 'adm1' THEN 2
         WHEN m.location.feature = 'country' THEN 1
         WHEN m.location.feature = 'adm1' THEN 5
         ELSE 4 END""",
    "ActionGeo_FullName": "nullif(coalesce(nullif(m.location.full_name, ''), m.location.name), '')",
    "ActionGeo_CountryCode": "nullif(m.location.fips, '')",
    "ActionGeo_ADM1Code": _ADM1,
    "ActionGeo_Lat": "round(m.location.lat, 4)",
    "ActionGeo_Long": "round(m.location.lon, 4)",
    # GDELT fills FeatureID with GNS/GNIS ids; the offline gazetteer has GeoNames ids, written instead.
    "ActionGeo_FeatureID": f"""CASE m.location.feature WHEN 'country' THEN nullif(m.location.fips, '')
         WHEN 'adm1' THEN {_ADM1}
         ELSE m.location.geonames_id::VARCHAR END""",
    "DATEADDED": "strftime(m.added, '%Y%m%d%H%M%S')::BIGINT",
    "SOURCEURL": "nullif(m.identifier, '')",
}
# Every column in GDELT's order; what we cannot fill (tone, ethnicity, actor geography) is NULL.
EVENT_SELECT = ",\n    ".join(f"{_FILLED.get(name, f'NULL::{kind}')} AS {name}" for name, kind in GDELT_TYPES)


def gdelt_id(event_id: str) -> int:
    """GDELT's GlobalEventID is an integer: the first 60 bits of our hex id."""
    return int(event_id[:15], 16)


def _coded(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.code)


def writable(event: Event) -> bool:
    """GDELT has a row only for a dated event with at least one coded actor."""
    return event.date is not None and (_coded(event.source) or _coded(event.target))


def gdelt_rows(
    events: Sequence[tuple[Event, str]], con: duckdb.DuckDBPyConnection | None = None
) -> list[tuple[Any, ...]]:
    """The GDELT rows of ``events`` (pairs of an event and its article's URL), in order, typed (None where
    empty), each its own event of one mention. One query makes them all: give many events at once."""
    table = pa.Table.from_pylist([_input_row(event, url) for event, url in events], schema=EVENT_INPUT)
    con = con or duckdb.connect()
    con.register("gdelt_input", table)
    try:
        return con.execute(f"SELECT {EVENT_SELECT} FROM gdelt_input m").fetchall()
    finally:
        con.unregister("gdelt_input")


def _input_row(event: Event, source_url: str) -> dict[str, Any]:
    day = event.date or dt.date(1970, 1, 1)
    return {
        "GlobalEventID": gdelt_id(event.event_id),
        "added": dt.datetime.combine(day, dt.time()),
        "identifier": source_url or event.article_id,
        "sentence_index": event.sentence_index,
        "date": event.date,
        "source": actor_value(event.source),
        "target": actor_value(event.target),
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "location": location_value(event.location),
    }


def format_row(row: Sequence[Any]) -> str:
    """A row of the 61 columns as a line of a GDELT file (tab-separated, ending in a newline)."""
    return "\t".join(_FORMATS.get(i, format_value)(value) for i, value in enumerate(row)) + "\n"


def _fraction(value: Any) -> str:
    """FractionDate always has four decimals in GDELT's files ("2023.5370")."""
    return "" if value is None else f"{value:.4f}"


def format_value(value: Any) -> str:
    """A value as a GDELT field: empty for NULL, shortest exact form for numbers, one line of text."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return str(value)


_FORMATS = {GDELT_NAMES.index("FractionDate"): _fraction}
