"""``thucydides serve`` (the web API and dashboard), ``thucydides bench web`` and ``thucydides bench load``."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..errors import Errors, ThucydidesError
from ..pipeline import PipelineConfig
from ..web.settings import SETTINGS
from .options import dictionary_options

_SETTINGS = {s.name: s for s in SETTINGS}


def _setting(name: str, *decls: str, **more: Any) -> Callable[..., Any]:
    setting = _SETTINGS[name]
    return click.option(
        *decls, default=setting.default, show_default=setting.default is not None, help=setting.help, **more
    )


@click.command()
@_setting("store", "--store", "store_path", type=click.Path(dir_okay=False))
@_setting("host", "--host")
@_setting("port", "--port", type=click.IntRange(0, 65535))
@_setting("write_token", "--write-token", envvar="THUCYDIDES_WRITE_TOKEN", show_envvar=True)
@dictionary_options
def serve(
    store_path: str,
    host: str,
    port: int,
    write_token: str | None,
    config: PipelineConfig,
) -> int:
    """Serve the store as a JSON API (/api) and a dashboard (/) in the browser.

    The server is read-only and answers this computer only, unless told otherwise. Articles
    posted with the write token are coded as 'code' would, with the same dictionaries and coder.
    See docs/web.md.
    """
    from ..web import ServerConfig
    from ..web import serve as run

    server = ServerConfig(store=Path(store_path), host=host, port=port, write_token=write_token, pipeline=config)
    sock = listening_socket(host, port)  # a busy port fails here, before the server says it serves
    mode = "writes allowed with the token" if write_token else "read-only"
    where = f"http://{'[' + host + ']' if ':' in host else host}:{sock.getsockname()[1]}/"
    click.echo(f"thucydides: serving {store_path} at {where} ({mode}); Ctrl-C stops it", err=True)
    if not server.loopback:
        click.echo(f"thucydides: warning: listening on {host}, so other computers can reach this server", err=True)
    with sock:
        run(server, sock)
    return 0


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host``:``port`` (E463 when another program holds the port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as err:
        sock.close()
        detail = f"cannot listen there ({err.strerror or err}); another program may hold the port: choose another"
        raise ThucydidesError(Errors.E463, name="--port", value=port, detail=detail) from None
    return sock


@click.command("web")
@click.option(
    "--events", type=click.IntRange(min=1000), default=1_000_000, show_default=True, help="Events in the store."
)
@click.option("--repeat", type=click.IntRange(min=1), default=3, show_default=True, help="Timed requests per view.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def bench_web(events: int, repeat: int, as_json: bool) -> int:
    """Time every API view and dashboard page on a synthetic store (target: under one second each)."""
    from ..store.bench import render, to_json
    from ..web.bench import run_web_bench

    results = run_web_bench(events, repeat)
    click.echo(to_json(results) if as_json else render(results))
    return 0 if all(r.passed for r in results) else 1


@click.command("load")
@click.option(
    "--events", type=click.IntRange(min=1000), default=1_000_000, show_default=True, help="Events in a new store."
)
@click.option(
    "--store",
    "bench_store",  # not store_path: the settings file's store must not become a benchmark's
    type=click.Path(dir_okay=False, path_type=Path),
    help=(
        "Serve this store (made there first, with --events events, if it does not exist; "
        "an existing one is opened for writing once, to bring its indexes and order up to date)."
    ),
)
@click.option(
    "--clients", type=click.IntRange(1, 1000), default=50, show_default=True, help="Clients requesting at once."
)
@click.option(
    "--rounds", type=click.IntRange(min=1), default=2, show_default=True, help="Times each client requests every view."
)
@click.option(
    "--duration",
    type=click.FloatRange(min=1),
    default=300.0,
    show_default=True,
    help="Seconds after which clients start no new request.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def bench_load(events: int, bench_store: Path | None, clients: int, rounds: int, duration: float, as_json: bool) -> int:
    """Every API view and dashboard page under many clients at once, on 127.0.0.1 (target: p95 under one second)."""
    from ..web.load import render, run_load_bench, to_json

    report = run_load_bench(events, clients, rounds, duration, bench_store)
    click.echo(to_json(report) if as_json else render(report))
    return 0 if report.passed else 1
