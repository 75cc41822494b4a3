"""Where events happened: one point per place, with how many events, of which kind."""

from __future__ import annotations

from dataclasses import dataclass

from ..store import Store
from .events import EventQuery, conditions
from .scope import Scope, quad_sums


@dataclass(frozen=True)
class MapPoint:
    place: str | None
    country: str | None  # FIPS 10-4, as GDELT writes ActionGeo_CountryCode
    lat: float
    lon: float
    events: int
    cooperation: int
    conflict: int
    goldstein_mean: float | None


def map_points(
    store: Store, scope: Scope | None = None, query: EventQuery | None = None, limit: int = 2000
) -> list[MapPoint]:
    """The ``limit`` places with most events (of the scope and query), most first."""
    scope = scope or Scope()
    with store.reading():
        where, params = conditions(store, query or EventQuery(), scope)
        rows = store.rows(
            f"SELECT ActionGeo_FullName AS place, ActionGeo_CountryCode AS country, ActionGeo_Lat AS lat, "
            f"ActionGeo_Long AS lon, {quad_sums(scope.weight)} FROM events "
            f"WHERE {where} AND ActionGeo_Lat IS NOT NULL AND ActionGeo_Long IS NOT NULL "
            "GROUP BY ALL ORDER BY total DESC, place LIMIT ?",
            [*params, limit],
        )
    return [
        MapPoint(
            place=r["place"],
            country=r["country"],
            lat=float(r["lat"]),
            lon=float(r["lon"]),
            events=int(r["total"]),
            cooperation=int(r["q1"] + r["q2"]),
            conflict=int(r["q3"] + r["q4"]),
            goldstein_mean=round(float(r["goldstein_sum"]) / int(r["total"]), 3) if r["total"] else None,
        )
        for r in rows
    ]
