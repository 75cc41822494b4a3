"""``thucydides watch`` and ``thucydides bench scale``, and the --engine options of ``code`` and ``ingest``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from ..run import ENGINES


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
