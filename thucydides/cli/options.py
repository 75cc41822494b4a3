"""Options shared by several commands."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

import click

from ..events.passes import CODERS
from ..parallel import default_workers
from ..pipeline import PipelineConfig
from ..run import ENGINES


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD") from None


# --date and --progress of the commands that read articles.
date_option = click.option(
    "--date", callback=parse_date, help="Publication date (YYYY-MM-DD) for articles that carry none."
)
progress_option = click.option("--progress/--no-progress", default=True, help="Show a progress bar on a terminal.")


def dictionary_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--actors and --lexicon: the user's own dictionary files; --coder: which layers code the events;
    --min-confidence: the precision dial. The command gets them, with thucydides.toml's [coder] table,
    as one ``config``: the :class:`PipelineConfig` every worker builds its pipeline from."""

    @functools.wraps(func)
    def with_config(
        *args: Any,
        actor_files: tuple[str, ...],
        lexicon_files: tuple[str, ...],
        coder: str | None,
        min_confidence: float | None,
        **kwargs: Any,
    ) -> Any:
        return func(*args, config=make_config(actor_files, lexicon_files, coder, min_confidence), **kwargs)

    with_config = click.option(
        "--min-confidence",
        type=click.FloatRange(0.0, 1.0),
        default=None,
        help="Emit only events whose calibrated confidence (the estimated chance a careful coder agrees) is at "
        "least this; higher: fewer, surer events. Default 0: every event (docs/evaluation.md gives each "
        "coder's best-F1 floor on real news, e.g. 0.22 for rules).",
    )(with_config)
    with_config = click.option(
        "--coder",
        type=click.Choice(CODERS),
        default=None,
        help="rules: the lexicon and parse alone (fastest); hybrid (default, or thucydides.toml's [coder] name): "
        "the rules checked and completed by the learned model; model: the learned model decides. "
        "Each event says which layer produced each part.",
    )(with_config)
    with_config = click.option(
        "--lexicon",
        "lexicon_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="An extra event lexicon file (YAML, see docs/lexicon.md). Repeatable.",
    )(with_config)
    with_config = click.option(
        "--actors",
        "actor_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="An extra actor file (YAML, see docs/actors.md) that adds or overrides actors. Repeatable.",
    )(with_config)
    return with_config


def workers_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--workers",
        "-j",
        type=click.IntRange(min=1),
        default=None,
        help=f"Processes to use (default: all cores, {default_workers()} here).",
    )(func)


def make_config(
    actor_files: tuple[str, ...],
    lexicon_files: tuple[str, ...],
    coder: str | None = None,
    min_confidence: float | None = None,
) -> PipelineConfig:
    """The coder of thucydides.toml's [coder] table (``coder`` overrides its name), with the options' files
    (whose defaults are the file's)."""
    from ..config import load_settings

    settings = load_settings()
    return dataclasses.replace(
        settings.pipeline_config(),
        coder=coder or settings.coder,
        min_confidence=0.0 if min_confidence is None else min_confidence,
        actor_files=tuple(actor_files),
        lexicon_files=tuple(lexicon_files),
    )


def engine_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--engine and --address: code on this machine's cores, or on a Ray cluster."""
    func = click.option(
        "--address",
        default=None,
        metavar="HOST:PORT",
        help="The Ray cluster to use with --engine ray (default: start Ray on this machine; 'auto' finds one).",
    )(func)
    func = click.option(
        "--engine",
        type=click.Choice(ENGINES),
        default="local",
        show_default=True,
        help="local: processes on this machine (--workers); ray: a Ray cluster (pip install 'thucydides[ray]').",
    )(func)
    return func
