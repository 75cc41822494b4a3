"""Arrow types of the parts of an event (actors, locations, spans), shared by Parquet files and the store."""

from __future__ import annotations

import pyarrow as pa

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
