"""The world's country shapes for the map, from the ``countryinfo`` package (Natural Earth, 1:110m).

No tile server and no download: the shapes ship inside the package. Each country
becomes one SVG path in a plain longitude/latitude projection (x is the longitude,
y the latitude turned upside down, as SVG counts y downwards), named by its ISO
alpha-3 code so that the map can fill it with the store's counts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class CountryShape:
    iso3: str
    name: str
    path: str  # SVG path data: "M lon,-lat L ... Z" for every ring


def _rings(geometry: dict[str, Any]) -> Iterator[list[list[float]]]:
    if geometry.get("type") == "Polygon":
        yield from geometry["coordinates"]
    elif geometry.get("type") == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


def svg_path(rings: Iterator[list[list[float]]]) -> str:
    """Path data for rings of [longitude, latitude] pairs, rounded to 0.01°, repeated points dropped."""
    parts = []
    for ring in rings:
        points: list[str] = []
        for lon, lat in ring:
            point = f"{round(lon, 2):g},{round(-lat, 2) + 0.0:g}"
            if not points or points[-1] != point:
                points.append(point)
        if len(points) >= 3:
            parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def shapes() -> Iterator[CountryShape]:
    """Every country countryinfo has a shape for (about 170: tiny islands have none at this scale)."""
    from countryinfo import all_countries

    for country in all_countries():
        for feature in (country.geo_json() or {}).get("features", []):
            iso3 = str(feature.get("id") or "")
            path = svg_path(_rings(feature.get("geometry") or {}))
            if len(iso3) == 3 and path:
                yield CountryShape(iso3, str((feature.get("properties") or {}).get("name") or iso3), path)


@lru_cache(maxsize=1)
def outline_json() -> bytes:
    """``{"countries": [{"iso3", "name", "path"}, ...]}`` as JSON bytes."""
    found = [{"iso3": s.iso3, "name": s.name, "path": s.path} for s in shapes()]
    return json.dumps({"countries": found}, separators=(",", ":"), ensure_ascii=False).encode()
