"""Where events happened: one point per place, or one row per country, with how many events, of which kind."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..store import Store
from .events import EventQuery, conditions
from .kept import kept
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


@dataclass(frozen=True)
class CountryCount:
    country: str  # ISO 3166 alpha-3, as the map's outlines and the ``place`` filter name it
    events: int
    cooperation: int
    conflict: int
    goldstein_mean: float | None


@kept
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


@kept
def country_counts(store: Store, scope: Scope | None = None, query: EventQuery | None = None) -> list[CountryCount]:
    """Events per country of their location (all of them, not only the busiest places), most first.

    The store writes GDELT's FIPS 10-4 country codes; they are turned into ISO alpha-3 codes
    through the knowledge base. A FIPS code it does not know is left out.
    """
    scope = scope or Scope()
    with store.reading():
        where, params = conditions(store, query or EventQuery(), scope)
        rows = store.rows(
            f"SELECT ActionGeo_CountryCode AS fips, {quad_sums(scope.weight)} FROM events "
            f"WHERE {where} AND ActionGeo_CountryCode IS NOT NULL GROUP BY ALL ORDER BY total DESC, fips",
            params,
        )
    iso3 = _iso3_of_fips()
    return [
        CountryCount(
            country=iso3[r["fips"]],
            events=int(r["total"]),
            cooperation=int(r["q1"] + r["q2"]),
            conflict=int(r["q3"] + r["q4"]),
            goldstein_mean=round(float(r["goldstein_sum"]) / int(r["total"]), 3) if r["total"] else None,
        )
        for r in rows
        if r["fips"] in iso3
    ]


@lru_cache(maxsize=1)
def _iso3_of_fips() -> dict[str, str]:
    from ..actors.kb import load_kb

    return {country.fips: code for code, country in load_kb().countries.items() if country.fips}
