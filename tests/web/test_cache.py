"""The response cache: answers kept while the store is unchanged, made once for many clients, errors never kept."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from thucydides.store import Store
from thucydides.web import ServerConfig, create_app
from thucydides.web.cache import ResponseCache

from .factory import Said, article

ATTACK = Said("Russia attacked Ukraine.", ("RUS", "Russia"), ("UKR", "Ukraine"), "attacked", "190", "2025-03-03")
PRAISE = Said("Japan praised NATO.", ("JPN", "Japan"), ("NAT", "NATO"), "praised", "057", "2025-03-04")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "cache.duckdb"
    with Store.open(path) as store:
        store.ingest([article("first", ATTACK)])
    return path


@pytest.fixture
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ServerConfig(store_path)), base_url="http://127.0.0.1") as test_client:
        yield test_client


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_an_answer_is_kept_until_the_store_changes(
    client: TestClient, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from thucydides.web import api

    calls = _counting(monkeypatch, api.analysis, "store_overview")
    first, again = client.get("/api/overview"), client.get("/api/overview")
    assert first.json() == again.json() and len(calls) == 1
    assert again.headers["content-security-policy"]  # the security headers are added to kept answers too
    with Store.open(store_path) as store:
        store.ingest([article("second", PRAISE)])
    changed = client.get("/api/overview")
    assert len(calls) == 2 and changed.json()["events"] == first.json()["events"] + 1


def test_pages_are_kept_by_their_whole_query(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.web import pages

    calls = _counting(monkeypatch, pages.analysis, "find_events")
    client.get("/events"), client.get("/events"), client.get("/events", params={"actor": "RUS"})
    assert len(calls) == 2


def test_error_answers_and_other_routes_are_not_kept(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.web import api

    calls = _counting(monkeypatch, api.analysis, "event_detail")
    assert [client.get("/api/events/12345").status_code for _ in range(2)] == [404, 404]
    assert len(calls) == 2
    sql = [client.get("/api/sql", params={"sql": "SELECT 1 AS one"}) for _ in range(2)]
    assert [r.status_code for r in sql] == [200, 200]
    kept = [path for path, _ in _cache(client)._kept]
    assert "/api/sql" not in kept and "/api/events/12345" not in kept


def _cache(client: TestClient) -> ResponseCache:
    layer: Any = client.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(layer, ResponseCache):
        layer = layer.app
    return layer


class FakeAccess:
    """A store whose version the test sets."""

    def __init__(self) -> None:
        self.current: Any = (("v", 1),)

    def version(self) -> Any:
        return self.current


def _slow_app(calls: list[str], access: FakeAccess, change_during: bool = False) -> Starlette:
    async def answer(request: Any) -> PlainTextResponse:
        calls.append(request.url.path)
        await asyncio.sleep(0.05)
        if change_during:
            access.current = (("v", len(calls) + 1),)
        return PlainTextResponse(request.url.path * 10)

    return Starlette(routes=[Route("/{name}", answer)])


def _get_all(app: Any, paths: list[str]) -> list[httpx.Response]:
    async def run() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
            return list(await asyncio.gather(*(http.get(p) for p in paths)))

    return asyncio.run(run())


def test_many_clients_asking_at_once_wait_for_one_answer() -> None:
    calls: list[str] = []
    access = FakeAccess()
    inner = _slow_app(calls, access)
    cache = ResponseCache(inner, access, inner.routes)  # type: ignore[arg-type]
    answers = _get_all(cache, ["/a"] * 10 + ["/b"] * 5)
    assert sorted(calls) == ["/a", "/b"]
    assert {r.text for r in answers} == {"/a" * 10, "/b" * 10} and all(r.status_code == 200 for r in answers)


def test_an_answer_made_while_the_store_changed_is_not_kept() -> None:
    calls: list[str] = []
    access = FakeAccess()
    inner = _slow_app(calls, access, change_during=True)
    cache = ResponseCache(inner, access, inner.routes)  # type: ignore[arg-type]
    _get_all(cache, ["/a"]), _get_all(cache, ["/a"])
    assert calls == ["/a", "/a"] and not cache._kept


def test_the_least_recently_used_answers_go_when_the_cache_is_full() -> None:
    calls: list[str] = []
    access = FakeAccess()
    inner = _slow_app(calls, access)
    cache = ResponseCache(inner, access, inner.routes, max_bytes=50)  # type: ignore[arg-type]
    for path in ("/a", "/b", "/a", "/c"):  # 20 bytes each: /b, the least recently used, goes
        _get_all(cache, [path])
    assert [path for path, _ in cache._kept] == ["/a", "/c"] and cache.size == 40
    assert calls == ["/a", "/b", "/c"]
