"""``thucydides ingest``, ``export``, ``import-gdelt`` and ``bench store``: filling and emptying the event store."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

import click

from ..models import Rejection
from ..pipeline import PipelineConfig
from .options import date_option, dictionary_options, engine_options, progress_option, workers_option

DEFAULT_STORE = "thucydides.duckdb"


def store_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--store",
        "store_path",
        default=DEFAULT_STORE,
        show_default=True,
        type=click.Path(dir_okay=False),
        help="The store file (DuckDB).",
    )(func)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=str)
@store_option
@date_option
@click.option(
    "--batch", type=click.IntRange(min=1), default=64, show_default=True, help="Articles stored per transaction."
)
@progress_option
@workers_option
@engine_options
@dictionary_options
def ingest(
    paths: tuple[str, ...],
    store_path: str,
    date: dt.date | None,
    batch: int,
    progress: bool,
    workers: int | None,
    engine: str,
    address: str | None,
    config: PipelineConfig,
) -> int:
    """Code articles and store them with their events.

    PATHS are what `thucydides code` reads (text, JSONL, HTML, directories, - for
    standard input), or Parquet files of coded articles from the scale engine.
    Articles already in the store (same text) are skipped; a run that was killed
    can simply be started again. The exit status is 1 when any input was rejected.
    """
    from ..run import Engine
    from ..store import Store, ingest_paths

    with Store.open(store_path) as store:
        summary = ingest_paths(
            store,
            paths,
            date=date,
            workers=workers,
            config=config,
            progress=progress,
            on_reject=report_rejection,
            batch=batch,
            engine=Engine(engine, workers, address),
        )
        counts = store.counts()
    click.echo(summary.line(), err=True)
    click.echo(
        f"{store_path}: {counts['articles']} articles, {counts['mentions']} event mentions, {counts['events']} events",
        err=True,
    )
    return 1 if summary.rejected else 0


@click.command()
@store_option
@click.option(
    "--format", "fmt", type=click.Choice(["gdelt", "gdelt-mentions", "plover", "parquet", "csv"]), required=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (required for parquet).")
@click.option(
    "--table",
    type=click.Choice(["events", "mentions", "articles", "one_a_day"]),
    default="events",
    show_default=True,
    help="For parquet and csv: the table to write.",
)
def export(store_path: str, fmt: str, output: str | None, table: str) -> int:
    """Write the store as GDELT 2.0 events or mentions, PLOVER JSONL, Parquet or CSV."""
    from ..store import Store, export_text
    from ..store import export as export_store

    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs -o FILE.")
    with Store.open(store_path, read_only=True) as store:
        if output is not None:
            count = export_store(store, fmt, output, table)
        else:
            count = export_text(store, fmt, sys.stdout, table)
            sys.stdout.flush()
    click.echo(f"wrote {count} rows ({fmt}{'' if fmt.startswith(('gdelt', 'plover')) else ', ' + table})", err=True)
    return 0


@click.command("import-gdelt")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@store_option
def import_gdelt(files: tuple[str, ...], store_path: str) -> int:
    """Import GDELT 2.0 event files (*.export.CSV, or zipped) next to your own coding.

    Imported events keep their GDELT columns and are marked with origin
    'gdelt:<file name>'; events already in the store (same GlobalEventID) are skipped.
    """
    from ..store import Store

    with Store.open(store_path) as store:
        summary = store.import_gdelt(files)
    click.echo(summary.line(), err=True)
    return 0


@click.command("store")
@click.option("--events", type=click.IntRange(min=1000), default=1_000_000, show_default=True, help="Events to ingest.")
@click.option(
    "--query-events",
    type=click.IntRange(min=1000),
    default=10_000_000,
    show_default=True,
    help="Events in the store that the timeline and network queries run over.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def bench_store(events: int, query_events: int, as_json: bool) -> int:
    """Measure the event store on synthetic events: ingest, a dyad timeline, a year's network."""
    from ..store.bench import render, run_store_bench, to_json

    results = run_store_bench(events, query_events)
    click.echo(to_json(results) if as_json else render(results))
    return 0 if all(r.passed for r in results) else 1


def report_rejection(rejection: Rejection) -> None:
    click.echo(f"thucydides: [{rejection.code}] {rejection.message}", err=True)
