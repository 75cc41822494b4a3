"""``thucydides bench web``: how long each API view and dashboard page takes on a large store.

The store is made like ``thucydides bench store`` makes its ingest store (synthetic
coded articles, about 200 actors, CAMEO codes drawn as often as in news, one in five
events reported twice) and ingested, so that events have mentions, sentences and
articles; half of the events are then given one of a few dozen places, for the map.
Each view is requested in-process (the app's full work: queries, layout, templates,
JSON) after one warm-up request, ``repeat`` times; the figure is the slowest of them,
the first, since the server keeps answers while the store is unchanged (:mod:`.cache`).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..store import Store
from ..store.bench import BenchResult, make_articles

TARGET_SECONDS = 1.0
REPORTS_PER_EVENT = 1.25  # make_articles repeats about one event in five
# (name, lat, lon, FIPS): capitals spread over the world.
PLACES = [
    ("Washington", 38.9, -77.04, "US"),
    ("Beijing", 39.9, 116.4, "CH"),
    ("Moscow", 55.76, 37.62, "RS"),
    ("Kyiv", 50.45, 30.52, "UP"),
    ("Jerusalem", 31.77, 35.21, "IS"),
    ("Tehran", 35.69, 51.39, "IR"),
    ("London", 51.51, -0.13, "UK"),
    ("Paris", 48.86, 2.35, "FR"),
    ("Berlin", 52.52, 13.4, "GM"),
    ("Tokyo", 35.69, 139.69, "JA"),
    ("New Delhi", 28.61, 77.21, "IN"),
    ("Islamabad", 33.68, 73.05, "PK"),
    ("Ankara", 39.93, 32.86, "TU"),
    ("Riyadh", 24.71, 46.68, "SA"),
    ("Brussels", 50.85, 4.35, "BE"),
    ("Nairobi", -1.29, 36.82, "KE"),
    ("Brasilia", -15.79, -47.88, "BR"),
    ("Canberra", -35.28, 149.13, "AS"),
    ("Pretoria", -25.75, 28.19, "SF"),
    ("Mexico City", 19.43, -99.13, "MX"),
]


def place_events(store: Store) -> None:
    """Give half of the events one of :data:`PLACES` (by their id), as the coder gives places to real ones."""
    with store.writing() as con:
        con.execute("CREATE TEMP TABLE bench_places (ix INTEGER, name VARCHAR, lat DOUBLE, lon DOUBLE, fips VARCHAR)")
        con.executemany("INSERT INTO bench_places VALUES (?, ?, ?, ?, ?)", [(i, *p) for i, p in enumerate(PLACES)])
        con.execute(
            "UPDATE events SET ActionGeo_FullName = p.name, ActionGeo_Lat = p.lat, ActionGeo_Long = p.lon, "
            "ActionGeo_CountryCode = p.fips, ActionGeo_Type = 4 FROM bench_places p "
            "WHERE GlobalEventID % 2 = 0 AND p.ix = (GlobalEventID // 2) % ?",
            [len(PLACES)],
        )


def make_store(path: Path, n_events: int) -> None:
    """A store of about ``n_events`` deduplicated events (reported by a quarter more mentions)."""
    with Store.open(path) as store:
        store.ingest(make_articles(round(n_events * REPORTS_PER_EVENT)), batch=20_000)
        place_events(store)


def views(
    event_id: str, dyad: tuple[str, str] = ("USA", "CHN"), actors: tuple[str, str] = ("USA", "RUS")
) -> list[tuple[str, str]]:
    """(name, URL) of every API view and page that is timed: ``actors`` are summarised and followed by day."""
    dyad_query = f"source={dyad[0]}&target={dyad[1]}"
    actor, followed = actors
    return [
        ("API overview", "/api/overview"),
        ("API events, first page", "/api/events"),
        ("API events of a dyad, both ways", f"/api/events?{dyad_query}"),
        ("API events, words and QuadClass", "/api/events?q=synthetic&quad=4&sort=most_conflictual"),
        ("API event with its mentions", f"/api/events/{event_id}"),
        ("API actors", "/api/actors"),
        ("API actor summary", f"/api/actors/{actor}"),
        ("API top dyads", "/api/dyads"),
        ("API dyad timeline by week", f"/api/timelines/dyad?{dyad_query}&freq=week"),
        ("API actor timeline by day", f"/api/timelines/actor?actor={followed}&freq=day"),
        ("API network with layout and blocs", "/api/network"),
        ("API alerts", "/api/alerts"),
        ("API map points", "/api/map"),
        ("page: overview", "/"),
        ("page: events", "/events"),
        ("page: dyad", f"/dyad?{dyad_query}"),
        ("page: actor", f"/actor?actor={actor}"),
        ("page: network", "/network"),
        ("page: map", "/map"),
        ("page: alerts", "/alerts"),
        ("page: event", f"/events/{event_id}"),
    ]


def time_views(path: Path, events: int, repeat: int) -> list[BenchResult]:
    from fastapi.testclient import TestClient

    from . import ServerConfig, create_app

    with TestClient(create_app(ServerConfig(path)), base_url="http://127.0.0.1") as client:
        # warm-up (the knowledge base's names, the templates) on a URL not timed, which the cache does not answer
        client.get("/", params={"freq": "year"}).raise_for_status()
        event_id = client.get("/api/events", params={"limit": 1}).json()["events"][0]["id"]
        return [
            BenchResult(name, events, _slowest(client.get, url, repeat), TARGET_SECONDS)
            for name, url in views(event_id)
        ]


def _slowest(get: Callable[[str], Any], url: str, repeat: int) -> float:
    """The longest of ``repeat`` requests for ``url``, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        get(url).raise_for_status()
        times.append(time.perf_counter() - started)
    return max(times)


def run_web_bench(events: int = 1_000_000, repeat: int = 3) -> list[BenchResult]:
    with tempfile.TemporaryDirectory(prefix="thucydides-bench-web-") as tmp:
        path = Path(tmp) / "web.duckdb"
        make_store(path, events)
        with Store.open(path, read_only=True) as store:
            stored = store.counts()["events"]
        return time_views(path, stored, repeat)
