"""The ``thucydides`` command line: thin wrappers that parse options and call library functions."""

from __future__ import annotations

import sys

import click

from ..errors import ThucydidesError
from ..version import __version__
from .actors import actors
from .analysis import COMMANDS as ANALYSIS_COMMANDS
from .code import code, demo
from .evaluate import bench, evaluate
from .scale import bench_scale, watch
from .store import bench_store, export, import_gdelt, ingest
from .taxonomy import codes
from .web import bench_load, bench_web, serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="thucydides")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """thucydides: who did what to whom, when and where — political event data from news text.

    Defaults come from ./thucydides.toml or ~/.config/thucydides/thucydides.toml and THUCYDIDES_STORE
    (see docs/configuration.md); options given here win.
    """
    from ..config import default_map, load_settings

    if not ctx.resilient_parsing:  # shell completion must not fail on a broken settings file
        ctx.default_map = default_map(cli, load_settings())


for command in (code, demo, evaluate, bench, actors, codes, ingest, export, import_gdelt, watch, *ANALYSIS_COMMANDS):
    cli.add_command(command)
cli.add_command(serve)
bench.add_command(bench_store)
bench.add_command(bench_scale)
bench.add_command(bench_web)
bench.add_command(bench_load)


def main() -> None:
    """Entry point: commands return their exit status; errors become a message and status 2."""
    try:
        status = cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except ThucydidesError as err:
        click.echo(f"thucydides: {err}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(status if isinstance(status, int) else 0)
