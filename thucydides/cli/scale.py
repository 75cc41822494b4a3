"""``thucydides watch`` and ``thucydides bench scale``, and the --engine options of ``code`` and ``ingest``."""

from __future__ import annotations

import datetime as dt
import signal
import threading
from pathlib import Path
from typing import Any

import click

from ..errors import Errors, ThucydidesError
from ..pipeline import PipelineConfig
from .options import date_option, dictionary_options
from .store import report_rejection, store_option


@click.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--feed", "feeds", multiple=True, metavar="URL_OR_FILE", help="An RSS or Atom feed to follow. Repeatable."
)
@store_option
@click.option(
    "--checkpoint",
    "checkpoint_path",
    type=click.Path(dir_okay=False),
    help="Where watch remembers what it stored [default: STORE.watch].",
)
@click.option("--once", is_flag=True, help="Store what is there now, then exit (for cron jobs and tests).")
@click.option(
    "--interval", type=click.FloatRange(min=0.1), default=60.0, show_default=True, help="Seconds between two polls."
)
@click.option(
    "--settle",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="Read a file once nobody has written to it for this many seconds.",
)
@click.option(
    "--fetch/--no-fetch", default=True, help="Fetch the page a feed entry links to (else use the entry's own text)."
)
@date_option
@click.option(
    "--batch", type=click.IntRange(min=1), default=16, show_default=True, help="Articles stored per transaction."
)
@click.option(
    "--workers",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes to code with; more than 1 pays off for a large backlog.",
)
@dictionary_options
def watch(
    directory: Path | None,
    feeds: tuple[str, ...],
    store_path: str,
    checkpoint_path: str | None,
    once: bool,
    interval: float,
    settle: float,
    fetch: bool,
    date: dt.date | None,
    batch: int,
    workers: int,
    config: PipelineConfig,
) -> int:
    """Code news as it arrives into the store, each article once.

    Watches DIRECTORY for new or changed files (anything `code` reads) and/or
    follows each --feed (RSS or Atom, a URL or a file), coding every article not
    yet stored (by URL and by content) into --store. It remembers what it stored
    in a checkpoint beside the store, so it can be stopped, or killed, and
    started again: nothing is lost and nothing is stored twice. Ctrl-C stops it.
    """
    from ..scale.checkpoint import Checkpoint, default_path
    from ..scale.watch import DirectorySource, FeedSource, Source, Watcher
    from ..store import Store

    if directory is None and not feeds:
        raise click.UsageError("Give a DIRECTORY to watch, or --feed URL_OR_FILE, or both.")
    if directory is not None and not directory.is_dir():
        raise ThucydidesError(Errors.E506, path=directory, detail="it is not a directory")
    sources: list[Source] = [FeedSource(f, fetch) for f in feeds]
    if directory is not None:
        sources.insert(0, DirectorySource(directory, date, settle))
    stop = _stop_on_signals()
    with Store.open(store_path) as store, Checkpoint.open(checkpoint_path or default_path(store_path)) as checkpoint:
        watcher = Watcher(
            store,
            checkpoint,
            sources,
            config,
            workers,
            batch,
            on_reject=report_rejection,
            on_error=_report_error,
        )
        summary = watcher.run(once=once, interval=interval, stop=stop)
    watched = watcher.watched
    if watched.recovered or watched.forgotten:
        click.echo(
            f"resumed an interrupted run: {watched.recovered} articles were stored, "
            f"{watched.forgotten} were read again",
            err=True,
        )
    click.echo(summary.line(), err=True)
    return 1 if summary.rejected or summary.errors else 0


def _report_error(err: ThucydidesError) -> None:
    click.echo(f"thucydides: {err}", err=True)


def _stop_on_signals() -> threading.Event:
    """An event set by Ctrl-C or SIGTERM: the watcher finishes its batch and exits."""
    stop = threading.Event()

    def handle(_signum: int, _frame: Any) -> None:
        stop.set()

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)
    return stop


@click.command("scale")
@click.argument("paths", nargs=-1, type=str)
@click.option(
    "--articles", "limit", type=click.IntRange(min=1), default=1000, show_default=True, help="Articles per timed job."
)
@click.option(
    "--memory-factor",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="Also code the whole corpus repeated this many times with two processes, for peak memory (0: skip).",
)
@click.option("--ray/--no-ray", "use_ray", default=True, help="Also time a Ray cluster of one, then two nodes.")
@click.option(
    "--cores-per-machine", type=click.IntRange(min=1), default=16, show_default=True, help="For the projection."
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def bench_scale(
    paths: tuple[str, ...], limit: int, memory_factor: int, use_ray: bool, cores_per_machine: int, as_json: bool
) -> int:
    """Measure scaling: 1 → 2 processes, 1 → 2 Ray nodes on this machine, memory, and project to GDELT sizes.

    PATHS are the texts (default: the synthetic stories in ../shared/data, else the
    built-in example). See docs/performance.md, section Scaling.
    """
    import json

    from ..scale.bench import render, run_scale_bench

    result = run_scale_bench(list(paths), limit, memory_factor, use_ray, cores_per_machine)
    click.echo(json.dumps(result, indent=2) if as_json else render(result))
    return 0
