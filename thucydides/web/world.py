"""The world's country outlines for the map, from the ``countryinfo`` package (Natural Earth, 1:110m).

No tile server and no download: the outlines ship inside the package and are turned
once into two lists of longitudes and latitudes, rings separated by ``None``, which
plotly draws as one filled trace.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from typing import Any


def _rings(geometry: dict[str, Any]) -> Iterator[list[list[float]]]:
    if geometry.get("type") == "Polygon":
        yield from geometry["coordinates"][:1]
    elif geometry.get("type") == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon[:1]


def outlines() -> Iterator[list[list[float]]]:
    """The outer ring of every country's polygons, as [longitude, latitude] pairs."""
    from countryinfo import all_countries

    for country in all_countries():
        shape = country.geo_json() or {}
        for feature in shape.get("features", []):
            yield from _rings(feature.get("geometry") or {})


@lru_cache(maxsize=1)
def outline_json() -> bytes:
    """``{"lon": [...], "lat": [...]}`` for every ring, rounded to 0.01°, as JSON bytes."""
    lon: list[float | None] = []
    lat: list[float | None] = []
    for ring in outlines():
        lon += [round(x, 2) for x, _ in ring] + [None]
        lat += [round(y, 2) for _, y in ring] + [None]
    return json.dumps({"lon": lon, "lat": lat}, separators=(",", ":")).encode()
