"""Arrow types of the parts of an event (actors, locations, spans) and their values, shared by Parquet files,
the store and the GDELT row."""

from __future__ import annotations

import dataclasses
from typing import Any

import pyarrow as pa

from .models import Actor, Location

ACTOR = pa.struct(
    [
        ("code", pa.string()),
        ("country", pa.string()),
        ("group", pa.string()),
        ("sector", pa.list_(pa.string())),
        ("name", pa.string()),
        ("text", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("how", pa.string()),
        ("entity_id", pa.string()),
    ]
)
# Parquet files keep everything; the store does not keep the names of the passes (yet).
PASSES = pa.list_(pa.string())
ACTOR_WITH_PASSES = pa.struct([*ACTOR, pa.field("passes", PASSES)])
LOCATION = pa.struct(
    [
        ("name", pa.string()),
        ("country", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("adm1", pa.string()),
        ("geonames_id", pa.int64()),
        ("feature", pa.string()),
        ("fips", pa.string()),
        ("full_name", pa.string()),
        ("text", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
    ]
)
SPAN = pa.struct([("text", pa.string()), ("start", pa.int32()), ("end", pa.int32())])


def actor_value(actor: Actor | None) -> dict[str, Any] | None:
    """An actor as a value of :data:`ACTOR`."""
    if actor is None:
        return None
    return {
        "code": actor.code,
        "country": actor.country,
        "group": actor.group,
        "sector": actor.sector,
        "name": actor.name,
        "text": actor.text,
        "start": actor.start,
        "end": actor.end,
        "how": actor.how,
        "entity_id": actor.entity_id,
    }


def location_value(location: Location | None) -> dict[str, Any] | None:
    """A location as a value of :data:`LOCATION`."""
    if location is None:
        return None
    return {name: getattr(location, name) for name in _LOCATION_FIELDS}


_LOCATION_FIELDS = [f.name for f in dataclasses.fields(Location)]
