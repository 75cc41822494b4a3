"""The API keeps its word: every query parameter the OpenAPI description lists for an endpoint changes its answer.

For each GET endpoint and each of its query parameters, the endpoint is asked once without the
parameter and once with it (values that select different events of the fixture store); the
answers must differ, or the endpoint must refuse the parameter with a 400. A filter that an
endpoint lists but silently ignores fails here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from thucydides.models import CodedArticle
from thucydides.store import Store
from thucydides.web import ServerConfig, create_app

from .factory import NAMES, Said, article, stories

# Values that select different events of the store: (parameters added to the base request, the parameter's own).
Case = tuple[dict[str, str], dict[str, str]]
CASES: dict[str, list[Case]] = {
    "actor": [({}, {"actor": "RUS"}), ({}, {"actor": "JPN"}), ({}, {"actor": "CHN"})],
    "source": [({}, {"source": "RUS"}), ({}, {"source": "CHN"}), ({}, {"source": "JPN"})],
    "target": [({}, {"target": "UKR"}), ({}, {"target": "JPN"}), ({}, {"target": "NAT"})],
    "directed": [
        ({"source": "NAT", "target": "JPN"}, {"directed": "true"}),
        ({"source": "UKR", "target": "RUS"}, {"directed": "true"}),
        ({}, {"directed": "true"}),
    ],
    "from": [({}, {"from": "2025-03-01"}), ({}, {"from": "2025-03-25"}), ({}, {"from": "2025-02-01"})],
    "to": [({}, {"to": "2025-03-01"}), ({}, {"to": "2025-02-15"}), ({}, {"to": "2025-03-24"})],
    "quad": [({}, {"quad": "4"}), ({}, {"quad": "1"}), ({}, {"quad": "2"})],
    "code": [({}, {"code": "19"}), ({}, {"code": "03"}), ({}, {"code": "05"})],
    "plover": [({}, {"plover": "ASSAULT"}), ({}, {"plover": "AGREE"})],
    "place": [({}, {"place": "UKR"}), ({}, {"place": "JPN"})],
    "q": [({}, {"q": "shelled"}), ({}, {"q": "pact"}), ({}, {"q": "criticised"})],
    "unit": [
        ({}, {"unit": "mentions"}),
        ({"as_of": "2025-01-12", "min_events": "1", "threshold": "0.5"}, {"unit": "mentions"}),
    ],
    "limit": [({}, {"limit": "1"})],
    "offset": [({}, {"offset": "1"})],
    "sort": [({}, {"sort": "oldest"}), ({}, {"sort": "most_cooperative"})],
    "search": [({}, {"search": "RUS"}), ({}, {"search": "Japan"})],
    "top": [({}, {"top": "2"}), ({}, {"top": "1"})],
    "links": [({}, {"links": "1"})],
    "min_events": [({}, {"min_events": "2"}), ({}, {"min_events": "3"}), ({}, {"min_events": "10"})],
    "as_of": [({}, {"as_of": "2025-02-15"}), ({}, {"as_of": "2025-03-10"})],
    "threshold": [({}, {"threshold": "0.5"}), ({}, {"threshold": "20"})],
    "freq": [({}, {"freq": "day"}), ({}, {"freq": "year"})],
    "background": [
        ({}, {"background": "true"}),
        ({"actor": "CHN"}, {"background": "true"}),
        ({"source": "CHN", "target": "NAT"}, {"background": "true"}),
    ],
    "sql": [({}, {"sql": "SELECT count(*) AS n FROM events"})],
    "rows": [({"sql": "SELECT * FROM events"}, {"rows": "1"})],
}
# What an endpoint needs to answer at all: its path parameters and required pairs.
PATHS = {"/api/actors/{name}": "/api/actors/NAT"}
BASE = {"/api/timelines/dyad": {"source": "JPN", "target": "NAT"}, "/api/sql": {"sql": "SELECT 1 AS one"}}
# Parts of an answer that differ from one call to the next whatever was asked.
VOLATILE = ("seconds",)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The web fixture store, with one event reported twice (so that counting mentions differs), and events that
    the views leave out unless asked: one undated, and a week of background events ("has opposed ... for years")."""
    path: Path = tmp_path_factory.mktemp("filters") / "filters.duckdb"
    again = Said(
        "Japan wants to join the alliance.",
        ("JPN", "Japan"),
        ("NAT", "the alliance"),
        "wants to join",
        "036",
        "2025-01-10",
        "Tokyo",
    )
    background = [  # four different events (the store would merge one repeated), so that the week stands out
        _alter(article(f"china-background-{day}", _china("has opposed", f"2025-03-{day}", *told)), current=False)
        for day, told in zip(
            range(22, 26), [("NAT", "111"), ("JPN", "111"), ("UKR", "111"), ("RUS", "111")], strict=True
        )
    ]
    no_date = _alter(article("china-undated", _china("criticised", "2025-03-20", "NAT", "111")), date=None)
    with Store.open(path) as store:
        store.ingest([*stories(), article("japan-nato-again", again, source="Kyodo"), *background, no_date])
    with TestClient(create_app(ServerConfig(path)), base_url="http://127.0.0.1") as test_client:
        yield test_client


def _china(verb: str, day: str, target: str, cameo: str) -> Said:
    return Said(
        f"China {verb} {NAMES[target]} for years.", ("CHN", "China"), (target, NAMES[target]), verb, cameo, day, "Tokyo"
    )


def _alter(coded: CodedArticle, **changes: Any) -> CodedArticle:
    """The article with each of its events changed (no date, or marked as background)."""
    events = tuple(dataclasses.replace(event, **changes) for event in coded.events)
    return dataclasses.replace(coded, events=events)


def query_parameters() -> list[tuple[str, str]]:
    app = create_app(ServerConfig(Path("unused.duckdb")))
    found = []
    for path, item in app.openapi()["paths"].items():
        operation = item.get("get")
        if operation is None:
            continue
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "query":
                found.append((path, parameter["name"]))
    return found


def test_the_openapi_description_lists_the_documented_filters_on_the_views() -> None:
    listed = {(path, name) for path, name in query_parameters()}
    for path in ("/api/overview", "/api/dyads", "/api/actors", "/api/network", "/api/network/blocs", "/api/alerts"):
        for name in ("actor", "source", "target", "q", "from", "quad", "place"):
            assert (path, name) in listed


def _get(client: TestClient, path: str, params: dict[str, str]) -> tuple[int, Any]:
    answer = client.get(PATHS.get(path, path), params=params)
    body = answer.json()
    if isinstance(body, dict):
        body = {key: value for key, value in body.items() if key not in VOLATILE}
    return answer.status_code, body


@pytest.mark.parametrize(("path", "name"), query_parameters())
def test_every_listed_parameter_changes_the_answer_or_is_refused(client: TestClient, path: str, name: str) -> None:
    assert name in CASES, f"{path}: no test values for the parameter {name!r}"
    tried = []
    for extra, own in CASES[name]:
        base = {**BASE.get(path, {}), **extra}
        status, before = _get(client, path, base)
        assert status == 200, f"{path}?{base}: {status} {before}"
        status, after = _get(client, path, {**base, **own})
        if status == 400 or (status == 200 and after != before):
            return
        assert status in (200, 404), f"{path}?{base | own}: {status} {after}"
        tried.append(own)
    pytest.fail(f"{path} lists {name!r} but answers the same with {tried}")


def _dependencies(dependant: Any) -> Iterator[Any]:
    for sub in dependant.dependencies:
        yield sub
        yield from _dependencies(sub)


def test_the_shared_parameters_are_read_without_a_hop_to_another_thread(tmp_path: Path) -> None:
    """A dependency declared with ``def`` runs in FastAPI's pool of threads, a hop there and back for every
    request; the filters and the paging wait for nothing, so they are read on the event loop."""
    import inspect

    from fastapi.routing import APIRoute

    app = create_app(ServerConfig(tmp_path / "store.duckdb"))
    included = [top.original_router.routes if hasattr(top, "original_router") else [top] for top in app.routes]
    routes = [route for group in included for route in group if isinstance(route, APIRoute)]
    calls = {sub.call for route in routes for sub in _dependencies(route.dependant)}
    assert {getattr(call, "__name__", "") for call in calls} >= {"filters", "paging"}
    assert all(inspect.iscoroutinefunction(call) for call in calls), [
        c for c in calls if not inspect.iscoroutinefunction(c)
    ]
