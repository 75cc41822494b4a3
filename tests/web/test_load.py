"""``thucydides bench load``: a real server on loopback, many clients, every view, and the server gone after."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from thucydides.errors import ThucydidesError
from thucydides.web import load
from thucydides.web.bench import make_store, views
from thucydides.web.load import Sample, client_views, load_store, running_server, summarise, to_json

NAMES = [name for name, _ in views("1")]


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("load") / "load.duckdb"
    make_store(path, 2000)
    return path


@pytest.fixture
def servers(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """Every process the benchmark starts."""
    started: list[subprocess.Popen[bytes]] = []
    popen = subprocess.Popen

    def spy(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        process = popen(*args, **kwargs)
        started.append(process)
        return process

    monkeypatch.setattr(load.subprocess, "Popen", spy)
    return started


def _gone(process: subprocess.Popen[bytes]) -> bool:
    if process.poll() is None:
        return False
    try:
        os.kill(process.pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.slow  # a real server process
def test_the_load_bench_requests_every_view_from_every_client_and_stops_its_server(
    small_store: Path, servers: list[subprocess.Popen[bytes]]
) -> None:
    report = load_store(small_store, clients=5, rounds=2)
    assert [v.name for v in report.views] == NAMES
    assert all(v.requests == 10 and v.statuses == {200: 10} and v.errors == 0 for v in report.views)
    assert report.requests == 5 * 2 * len(NAMES) == sum(v.requests for v in report.views)
    assert report.errors == 0 and report.clients == 5 and report.events > 1000
    assert all(v.p50 is not None and v.p95 is not None and v.max is not None for v in report.views)
    assert all(v.p50 <= v.p95 <= v.max for v in report.views)  # type: ignore[operator]
    data = json.loads(to_json(report))
    assert data["requests"] == report.requests and len(data["views"]) == len(NAMES)
    assert len(servers) == 1 and "127.0.0.1" in servers[0].args and _gone(servers[0])


@pytest.mark.slow  # a real server process
def test_the_load_bench_stops_its_server_when_interrupted(
    small_store: Path, servers: list[subprocess.Popen[bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: Any) -> list[Sample]:
        assert servers and servers[0].poll() is None  # the server runs while the clients do
        raise KeyboardInterrupt

    monkeypatch.setattr(load, "run_clients", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load_store(small_store, clients=2, rounds=1)
    assert len(servers) == 1 and _gone(servers[0])


@pytest.mark.slow  # a real server process
def test_a_server_that_cannot_start_is_reported_with_its_last_words(
    tmp_path: Path, servers: list[subprocess.Popen[bytes]]
) -> None:
    not_a_store = tmp_path / "notes.duckdb"
    not_a_store.write_text("not a database", encoding="utf-8")
    with pytest.raises(ThucydidesError) as raised, running_server(not_a_store, tmp_path / "server.log"):
        pass
    assert raised.value.code == "E466" and "E412" in raised.value.message
    assert _gone(servers[0])


def test_each_client_has_its_own_filters_and_first_view() -> None:
    plans = [client_views(c, ["11", "22", "33"]) for c in range(30)]
    assert all(sorted(name for name, _ in plan) == sorted(NAMES) for plan in plans)
    assert len({plan[0][0] for plan in plans}) == len(NAMES)  # 30 clients start at all 21 views
    dyads = {dict(plan)["API events of a dyad, both ways"] for plan in plans}
    assert len(dyads) == 30
    assert {dict(plan)["page: event"] for plan in plans} == {"/events/11", "/events/22", "/events/33"}


def test_the_summary_counts_failures_and_views_never_requested() -> None:
    samples = [Sample("a", 0.1, 200), Sample("a", 0.3, 503), Sample("a", 2.0, 0), Sample("b", 0.2, 200)]
    a, b, c = summarise(samples, ["a", "b", "c"])
    assert (a.requests, a.errors, a.statuses, a.max) == (3, 2, {0: 1, 200: 1, 503: 1}, 2.0)
    assert not a.passed and b.passed and b.p95 == 0.2
    assert (c.requests, c.p95, c.passed) == (0, None, False)


def test_an_existing_store_is_put_in_order_before_it_is_served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from thucydides.store import Store
    from thucydides.store import order as order_module

    path = tmp_path / "old.duckdb"
    make_store(path, 300)  # fewer events than a row group: not ordered when made
    with Store.open(path, read_only=True) as store, store.reading() as con:
        assert order_module.unordered_events(con) > 0
    monkeypatch.setattr(order_module, "ROW_GROUP", 1)
    served: list[int] = []

    def serve(store_path: Path, *args: Any) -> Any:
        with Store.open(store_path, read_only=True) as store, store.reading() as con:
            served.append(order_module.unordered_events(con))

    monkeypatch.setattr(load, "load_store", serve)
    load.run_load_bench(store=path)
    assert served == [0]


def test_every_client_is_made_before_any_request_is_timed(monkeypatch: pytest.MonkeyPatch) -> None:
    # a client made among the requests would take the benchmark's event loop from reading answers that had
    # arrived, and that wait would be counted as the server's latency
    log: list[str] = []

    class FakeConnection:
        def __init__(self, host: str, port: int, timeout: float) -> None:
            assert (host, port) == ("127.0.0.1", 1)
            log.append("made")

        async def get(self, url: str) -> int:
            log.append("get")
            return 200

        async def close(self) -> None:
            log.append("closed")

    monkeypatch.setattr(load, "Connection", FakeConnection)
    samples = load.run_clients("http://127.0.0.1:1", ["1"], clients=3, rounds=1, duration=60)
    assert log[:3] == ["made"] * 3 and log.count("made") == 3 and log.count("closed") == 3
    assert len(samples) == 3 * len(NAMES) and all(s.ok for s in samples)


def test_the_report_says_how_much_cpu_the_clients_took_from_the_server() -> None:
    view = load.ViewLoad("a", 1, 0.1, 0.1, 0.1, 0, {200: 1})
    report = load.LoadReport(1000, 50, 2, 4.0, [view], client_cpu_seconds=1.0)
    assert "The clients took 1.0 s of CPU on this machine (25% of one core)." in load.render(report)
    assert json.loads(to_json(report))["client_cpu_seconds"] == 1.0
