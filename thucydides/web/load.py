"""``thucydides bench load``: every API view and dashboard page under many clients at once.

The store is the one ``thucydides bench web`` makes (about a million events, with
mentions, sentences and places), or an existing file. The real server
(``thucydides serve``: uvicorn over :func:`thucydides.web.create_app`) runs in its own
process on a free port of 127.0.0.1 only, and is stopped at the end whatever happens.
After one warm-up pass (not counted, and not cached: see :func:`warm_up`), ``clients``
clients, each with its own connection, request the views of
:func:`thucydides.web.bench.views` one after the other without pausing, each starting
at a different view and filtering on its own dyad, actors and event; each goes through
the list ``rounds`` times, or until ``duration`` seconds have passed. A request's latency is from sending it to having
read the whole answer; any answer but 2xx, or none, is an error.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import numpy as np

from ..errors import Errors, ThucydidesError
from ..store import Store
from ..store.bench import PROMINENT
from .bench import TARGET_SECONDS, make_store, views
from .loadclient import Connection

HOST = "127.0.0.1"
START_TIMEOUT = 120.0  # seconds for the server to answer its first request
REQUEST_TIMEOUT = 120.0
STOP_TIMEOUT = 15.0


@dataclass(frozen=True)
class Sample:
    view: str
    seconds: float
    status: int  # 0: no answer (refused, reset, timed out)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


@dataclass(frozen=True)
class ViewLoad:
    """Latencies of one view under load, in seconds."""

    name: str
    requests: int
    p50: float | None  # None: not requested before the time was up
    p95: float | None
    max: float | None
    errors: int
    statuses: dict[int, int]  # how many answers of each HTTP status (0: none)
    target_seconds: float = TARGET_SECONDS

    @property
    def passed(self) -> bool:
        return self.p95 is not None and self.errors == 0 and self.p95 < self.target_seconds


@dataclass(frozen=True)
class LoadReport:
    events: int
    clients: int
    rounds: int
    seconds: float  # from the first request to the last answer
    views: list[ViewLoad]
    client_cpu_seconds: float = 0.0  # CPU the clients took from the machine the server runs on

    @property
    def requests(self) -> int:
        return sum(v.requests for v in self.views)

    @property
    def errors(self) -> int:
        return sum(v.errors for v in self.views)

    @property
    def passed(self) -> bool:
        return all(v.passed for v in self.views)


def client_views(client: int, event_ids: list[str]) -> list[tuple[str, str]]:
    """The views one client requests, in its order: its own dyad, actors and event; its own first view."""
    k = len(PROMINENT) // 2
    dyad = (PROMINENT[client % k], PROMINENT[k + (client // k) % k])
    actors = (PROMINENT[client % len(PROMINENT)], PROMINENT[(client + 3) % len(PROMINENT)])
    planned = views(event_ids[client % len(event_ids)], dyad, actors)
    start = client % len(planned)
    return planned[start:] + planned[:start]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_server(path: Path, log: Path) -> Iterator[str]:
    """``thucydides serve`` on ``path`` in a new process, answering on 127.0.0.1; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "thucydides", "serve", "--store", str(path), "--host", HOST, "--port", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://{HOST}:{port}"
        _wait_until_answering(process, base, path, log)
        yield base
    finally:
        stop_server(process)


def _wait_until_answering(process: subprocess.Popen[bytes], base: str, path: Path, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise _not_started(f"it exited with status {process.returncode}", path, log)
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"{base}/favicon.ico", timeout=5.0).is_success:
                return
        time.sleep(0.1)
    raise _not_started(f"not within {START_TIMEOUT:g} s", path, log)


def _not_started(detail: str, path: Path, log: Path) -> ThucydidesError:
    lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    return ThucydidesError(Errors.E466, detail=detail, log=" / ".join(lines[-3:]) or "none", path=path)


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Ask the server to stop (SIGTERM: uvicorn finishes what it is answering), then kill it if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
    process.wait()


def warm_up(base: str) -> list[str]:
    """Request every view once (not counted) and return the ids of the latest events, one per client at most.

    The warm-up loads what the server loads once (names, templates, the store's pages); its URLs carry
    one more parameter, so that the cache holds none of the answers the clients ask for.
    """
    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as http:
        answer = http.get("/api/events", params={"limit": 100})
        answer.raise_for_status()
        event_ids = [str(e["id"]) for e in answer.json()["events"]]
        for _, url in views(event_ids[0]):
            http.get(url + ("&" if "?" in url else "?") + "warm-up=1").raise_for_status()
    return event_ids


async def _client(http: Connection, planned: list[tuple[str, str]], deadline: float, samples: list[Sample]) -> None:
    try:
        for name, url in planned:
            if time.monotonic() >= deadline:
                return
            started = time.perf_counter()
            status = await http.get(url)
            samples.append(Sample(name, time.perf_counter() - started, status))
    finally:
        await http.close()


async def _clients(base: str, plans: list[list[tuple[str, str]]], duration: float) -> list[Sample]:
    """Every client's samples, each client on a connection of its own (:mod:`.loadclient`)."""
    address = urlsplit(base)
    assert address.hostname is not None and address.port is not None
    samples: list[Sample] = []
    clients = [Connection(address.hostname, address.port, REQUEST_TIMEOUT) for _ in plans]
    deadline = time.monotonic() + duration
    runs = [_client(http, planned, deadline, samples) for http, planned in zip(clients, plans, strict=True)]
    await asyncio.gather(*runs)
    return samples


def run_clients(base: str, event_ids: list[str], clients: int, rounds: int, duration: float) -> list[Sample]:
    """Every client's requests (``rounds`` times its views, or fewer after ``duration`` seconds)."""
    plans = [client_views(c, event_ids) * rounds for c in range(clients)]
    return asyncio.run(_clients(base, plans, duration))


def summarise(samples: list[Sample], names: list[str]) -> list[ViewLoad]:
    """p50, p95 and the longest latency of each view in ``names``, and its errors."""
    out = []
    for name in names:
        mine = [s for s in samples if s.view == name]
        errors = sum(1 for s in mine if not s.ok)
        statuses = dict(sorted(Counter(s.status for s in mine).items()))
        if not mine:
            out.append(ViewLoad(name, 0, None, None, None, errors, statuses))
            continue
        seconds = np.array([s.seconds for s in mine])
        p50, p95 = np.percentile(seconds, [50, 95])
        out.append(ViewLoad(name, len(mine), float(p50), float(p95), float(seconds.max()), errors, statuses))
    return out


def load_store(path: Path, clients: int = 50, rounds: int = 2, duration: float = 300.0) -> LoadReport:
    """Serve the store at ``path`` on 127.0.0.1 and measure every view under ``clients`` clients at once."""
    with Store.open(path, read_only=True) as store:  # E414, E412: no store there
        events = store.counts()["events"]
    with (
        tempfile.TemporaryDirectory(prefix="thucydides-bench-load-") as tmp,
        running_server(path, Path(tmp) / "server.log") as base,
    ):
        event_ids = warm_up(base)
        started, cpu = time.perf_counter(), time.process_time()
        samples = run_clients(base, event_ids, clients, rounds, duration)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    names = [name for name, _ in views("1")]
    return LoadReport(events, clients, rounds, seconds, summarise(samples, names), cpu)


def run_load_bench(
    events: int = 1_000_000, clients: int = 50, rounds: int = 2, duration: float = 300.0, store: Path | None = None
) -> LoadReport:
    """:func:`load_store` on ``store`` (made there first if missing, brought up to date if not), or on a new store."""
    if store is not None:
        if not store.exists():
            make_store(store, events)
        with Store.open(store):  # a store made by an earlier version gets its indexes and order of events now
            pass
        return load_store(store, clients, rounds, duration)
    with tempfile.TemporaryDirectory(prefix="thucydides-bench-load-") as tmp:
        path = Path(tmp) / "web.duckdb"
        make_store(path, events)
        return load_store(path, clients, rounds, duration)


def render(report: LoadReport) -> str:
    lines = ["| view | requests | p50 s | p95 s | max s | errors | p95 < 1 s |", "|---|---:|---:|---:|---:|---:|---|"]
    for v in report.views:
        figures = " | ".join("–" if x is None else f"{x:.2f}" for x in (v.p50, v.p95, v.max))
        lines.append(f"| {v.name} | {v.requests:,} | {figures} | {v.errors} | {'yes' if v.passed else 'no'} |")
    rate = report.requests / report.seconds if report.seconds else 0.0
    met = sum(v.passed for v in report.views)
    verdict = "every view meets it" if report.passed else f"{met} of {len(report.views)} views meet it"
    lines += [
        "",
        f"{report.requests:,} requests ({report.errors} errors) from {report.clients} clients on "
        f"{report.events:,} events in {report.seconds:.1f} s ({rate:.1f} requests/s); "
        f"target p95 < {TARGET_SECONDS:g} s: {verdict}.",
        f"The clients took {report.client_cpu_seconds:.1f} s of CPU on this machine "
        f"({report.client_cpu_seconds / report.seconds if report.seconds else 0.0:.0%} of one core).",
    ]
    return "\n".join(lines)


def to_json(report: LoadReport) -> str:
    data = asdict(report) | {"requests": report.requests, "errors": report.errors, "passed": report.passed}
    data["views"] = [asdict(v) | {"passed": v.passed} for v in report.views]
    return json.dumps(data, indent=2)
