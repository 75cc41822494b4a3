"""``thucydides code`` and ``thucydides demo``."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from pathlib import Path
from typing import TextIO

import click

from ..errors import Errors, ThucydidesError
from ..models import Rejection
from ..pipeline import PipelineConfig
from ..resources import data_path
from ..run import Engine, code_paths, code_to_parquet
from ..writers import FORMATS
from .options import date_option, dictionary_options, engine_options, progress_option, workers_option

EXAMPLE = "japan_nato.txt"
EXAMPLE_DATE = dt.date(2025, 6, 3)


def example_path() -> Path:
    """The built-in example article (a retelling of a Japan–NATO story, written for this project)."""
    return data_path("examples", EXAMPLE)


@click.command()
@click.argument("paths", nargs=-1, type=str)
@date_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*sorted(FORMATS), "parquet"]),
    default="jsonl",
    show_default=True,
    help="parquet writes coded articles to the directory -o, partitioned by day (docs/scaling.md).",
)
@click.option("-o", "--output", type=click.Path(writable=True), help="Write here instead of stdout.")
@click.option("--explain", is_flag=True, help="Add to each event the rule or model that produced it, and why.")
@progress_option
@click.option("--example", is_flag=True, help="Code the built-in example article.")
@workers_option
@engine_options
@dictionary_options
def code(
    paths: tuple[str, ...],
    date: dt.date | None,
    fmt: str,
    output: str | None,
    explain: bool,
    progress: bool,
    example: bool,
    workers: int | None,
    engine: str,
    address: str | None,
    config: PipelineConfig,
) -> int:
    """Code news articles into events.

    PATHS are text files (one article each), JSONL files (one article per line:
    id, text, optional date, title, url, source), HTML pages, directories (read
    recursively), Parquet files with id and text columns, or - for standard
    input. Events are written in input order. All cores are used; --engine ray
    codes on a Ray cluster instead. The exit status is 1 when any input was rejected.
    """
    if example:
        paths = (*paths, str(example_path()))
        date = date or EXAMPLE_DATE
    if not paths:
        raise click.UsageError("Give at least one PATH (or - for standard input, or --example).")
    run_on = Engine(engine, workers, address)
    if fmt == "parquet":
        if output is None:
            raise ThucydidesError(Errors.E504)
        summary = code_to_parquet(paths, output, date, config, _report, progress, run_on)
    else:
        if output is not None and Path(output).is_dir():
            raise click.BadParameter(f"{output} is a directory; only --format parquet writes one.", param_hint="-o")
        with _open(output) as out:
            summary = code_paths(
                paths,
                out,
                fmt=fmt,
                date=date,
                explain=explain,
                config=config,
                on_reject=_report,
                progress=progress,
                engine=run_on,
            )
    click.echo(summary.line(), err=True)
    return 1 if summary.rejected else 0


@click.command()
@click.option("--explain/--no-explain", default=True, help="Show why each code was given.")
@click.option(
    "--store",
    "store_path",
    default="thucydides.duckdb",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Also keep the coded example in this store, for 'thucydides serve'.",
)
def demo(explain: bool, store_path: str) -> int:
    """Code the built-in example article, show its events one per line, and store them."""
    from ..pipeline import Pipeline
    from ..readers import read_file
    from ..store import Store

    article = next(iter(read_file(example_path(), EXAMPLE_DATE)))
    assert not isinstance(article, Rejection)
    click.echo(f"Example article ({example_path()}), published {EXAMPLE_DATE.isoformat()}:\n")
    pipeline = Pipeline.load()
    coded = next(iter(pipeline.code([article])))
    for event in coded.events:
        click.echo(describe(event, explain))
    if explain and coded.refused:
        click.echo("\nFound but not emitted:")
        for refused in coded.refused:
            click.echo(f"{describe(refused.event, False)}\n{'':14}refused: {refused.reason}")
    click.echo(f"\n{len(coded.events)} events from {coded.sentences} sentences.", err=True)
    with Store.open(store_path) as store:
        store.ingest([coded])
    click.echo(f"Stored in {store_path}; explore it in a browser with: thucydides serve --store {store_path}", err=True)
    return 0


def describe(event: object, explain: bool) -> str:
    from ..models import Event

    assert isinstance(event, Event)
    src = (event.source.code or "?") if event.source else "-"
    tgt = (event.target.code or "?") if event.target else "-"
    place = f" @ {event.location.name}" if event.location else ""
    when = event.date.isoformat() if event.date else "-"
    line = f"{when}  {src:>12} → {tgt:<12} {event.cameo:<5} {event.plover.event:<10} «{event.trigger.text}»{place}"
    if explain:
        line += f"\n{'':14}{event.explanation.reason}"
    return line


def _report(rejection: Rejection) -> None:
    click.echo(f"thucydides: [{rejection.code}] {rejection.message}", err=True)


@contextlib.contextmanager
def _open(output: str | None):  # type: ignore[no-untyped-def]
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(output, "w", encoding="utf-8", newline="") as handle:
        out: TextIO = handle
        yield out
