"""Questions asked of the event store: dyads, top dyads, network, blocs, alerts, actor summaries, plots."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from .options import parse_date
from .store import DEFAULT_STORE

if TYPE_CHECKING:
    from ..analysis import Scope
    from ..store import Store


def scope_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--store, --from, --to, --origin, --unit: which store and which of its events."""
    options = [
        click.option(
            "--unit",
            type=click.Choice(["events", "mentions"]),
            default="events",
            show_default=True,
            help="Count deduplicated events, or every mention of them.",
        ),
        click.option("--origin", help="Only events of this origin: 'coded', or 'gdelt:<file>' for imported ones."),
        click.option("--to", "end", callback=parse_date, help="Last date (YYYY-MM-DD)."),
        click.option("--from", "start", callback=parse_date, help="First date (YYYY-MM-DD)."),
        click.option("--store", "store_path", default=DEFAULT_STORE, show_default=True, help="The store file."),
    ]
    for option in options:
        func = option(func)
    return func


def json_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(func)


@contextmanager
def _opened(options: dict[str, Any]) -> Iterator[tuple[Store, Scope]]:
    from ..analysis import Scope
    from ..analysis.overview import undated_events
    from ..store import Store

    scope = Scope(
        start=options.pop("start"), end=options.pop("end"), origin=options.pop("origin"), unit=options.pop("unit")
    )
    with Store.open(options.pop("store_path"), read_only=True) as store, store.reading():
        yield store, scope
        undated = undated_events(store, scope)
    if undated:
        click.echo(
            f"thucydides: left out {undated} undated events (their articles carry no date: ingest them with --date)",
            err=True,
        )


def _something_to_draw(found: bool, what: str, store: Store, scope: Scope) -> None:
    """E434 instead of an empty chart (on a 1970 axis) when the store holds no dated events to draw."""
    from ..analysis.overview import undated_events
    from ..errors import Errors, StoreError

    if not found:
        raise StoreError(Errors.E434, what=what, undated=undated_events(store, scope))


def _table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines += [
        "  ".join(v.rjust(w) if _numeric(v) else v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells
    ]
    return "\n".join(line.rstrip() for line in lines)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list | tuple):
        return " ".join(map(str, value))
    return str(value)


def _numeric(value: str) -> bool:
    return value.lstrip("-").replace(".", "", 1).isdigit()


def _emit(rows: list[dict[str, Any]], columns: list[str], as_json: bool) -> None:
    click.echo(json.dumps(rows, indent=2, default=str) if as_json else _table(rows, columns))


@click.command()
@click.argument("source")
@click.argument("target")
@click.option("--freq", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--undirected", is_flag=True, help="Count events both ways, not only SOURCE → TARGET.")
@scope_options
@json_option
def dyad(source: str, target: str, freq: str, undirected: bool, as_json: bool, **options: Any) -> int:
    """Events from SOURCE to TARGET per period: counts per QuadClass, Goldstein sum and mean.

    An actor is a country code (JPN), a known-group code (NAT), an actor-code prefix
    (USAGOV), or a name the knowledge base knows (NATO).
    """
    from ..analysis import dyad_timeline

    with _opened(options) as (store, scope):
        timeline = dyad_timeline(store, source, target, freq, not undirected, scope)
    rows = [p.as_dict() for p in timeline.periods]
    _emit(
        rows,
        [
            "start",
            "verbal_cooperation",
            "material_cooperation",
            "verbal_conflict",
            "material_conflict",
            "total",
            "goldstein_mean",
        ],
        as_json,
    )
    return 0


@click.command("top-dyads")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--directed", is_flag=True, help="Keep A → B apart from B → A.")
@scope_options
@json_option
def top_dyads(limit: int, directed: bool, as_json: bool, **options: Any) -> int:
    """The pairs of actors with the most events."""
    from ..analysis import top_dyads as find

    with _opened(options) as (store, scope):
        rows = find(store, limit, directed, scope)
    _emit(rows, ["source", "target", "events", "cooperation", "conflict", "goldstein_mean"], as_json)
    return 0


@click.command()
@click.option("--min-events", type=click.IntRange(min=1), default=1, show_default=True, help="Leave out rarer edges.")
@scope_options
@json_option
def network(min_events: int, as_json: bool, **options: Any) -> int:
    """The actor network: directed edges with their cooperation and conflict counts."""
    from ..analysis import network_edges

    with _opened(options) as (store, scope):
        rows = network_edges(store, scope, min_events)
    _emit(rows, ["source", "target", "events", "cooperation", "conflict", "goldstein_sum"], as_json)
    return 0


@click.command()
@click.option("--min-events", type=click.IntRange(min=1), default=1, show_default=True, help="Leave out rarer edges.")
@scope_options
@json_option
def blocs(min_events: int, as_json: bool, **options: Any) -> int:
    """Blocs: groups of actors that cooperate among themselves (communities of the cooperation network)."""
    from ..analysis import blocs as find

    with _opened(options) as (store, scope):
        rows = [b.as_dict() | {"size": len(b.members)} for b in find(store, scope, min_events)]
    _emit(rows, ["size", "cooperation", "conflict", "conflict_outside", "members"], as_json)
    return 0


@click.command()
@click.option("--as-of", callback=parse_date, help="Last day of the week to look at (default: the latest event).")
@click.option("--threshold", type=float, default=2.0, show_default=True, help="Standard deviations from the baseline.")
@click.option(
    "--min-events", type=click.IntRange(min=1), default=3, show_default=True, help="Smallest change reported."
)
@scope_options
@json_option
def alerts(as_of: dt.date | None, threshold: float, min_events: int, as_json: bool, **options: Any) -> int:
    """What changed: this week against the four weeks before, per actor and per dyad."""
    from ..analysis import alerts as find

    with _opened(options) as (store, scope):
        rows = [a.as_dict() for a in find(store, as_of, threshold, min_events, scope)]
    _emit(rows, ["kind", "key", "measure", "direction", "current", "baseline", "baseline_mean", "score"], as_json)
    return 0


@click.command()
@click.argument("name")
@scope_options
@json_option
def actor(name: str, as_json: bool, **options: Any) -> int:
    """What an actor did and had done to it: counts, kinds of event, main partners."""
    from ..analysis import actor_summary

    with _opened(options) as (store, scope):
        summary = actor_summary(store, name, scope)
    data = summary.as_dict()
    if as_json:
        click.echo(json.dumps(data, indent=2, default=str))
        return 0
    click.echo(
        f"{name} ({summary.actor.kind} {summary.actor.value}): {data['as_source']} events as source, "
        f"{data['as_target']} as target, {data['first_date']} to {data['last_date']}; "
        f"mean Goldstein {data['goldstein_mean']}"
    )
    click.echo("  ".join(f"{k.replace('_', ' ')} {v}" for k, v in data["quad_counts"].items()))
    click.echo("\n" + _table(data["partners"], ["partner", "events", "cooperation", "conflict"]))
    click.echo("\n" + _table(data["codes"], ["root", "events"]))
    return 0


@click.group()
def plot() -> None:
    """Draw a dyad timeline, the actor network or the change alerts as PNG or SVG."""


@plot.command("dyad")
@click.argument("source")
@click.argument("target")
@click.option("-o", "--output", required=True, help="The image file (.png, .svg or .pdf).")
@click.option("--freq", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--undirected", is_flag=True, help="Count events both ways.")
@scope_options
def plot_dyad(source: str, target: str, output: str, freq: str, undirected: bool, **options: Any) -> int:
    """A dyad's events per period by QuadClass, with the mean Goldstein score."""
    from ..analysis import dyad_timeline
    from ..analysis import plot_dyad as draw

    with _opened(options) as (store, scope):
        timeline = dyad_timeline(store, source, target, freq, not undirected, scope)
        _something_to_draw(bool(timeline.periods), f"between {source} and {target}", store, scope)
    click.echo(f"wrote {draw(timeline, output)}", err=True)
    return 0


@plot.command("network")
@click.option("-o", "--output", required=True, help="The image file (.png, .svg or .pdf).")
@click.option("--top", type=click.IntRange(min=2), default=40, show_default=True, help="How many actors to draw.")
@scope_options
def plot_network(output: str, top: int, **options: Any) -> int:
    """The actor network: green for cooperation, red for conflict."""
    from ..analysis import actor_network
    from ..analysis import plot_network as draw

    with _opened(options) as (store, scope):
        graph = actor_network(store, scope)
        _something_to_draw(graph.number_of_edges() > 0, "between two actors", store, scope)
    click.echo(f"wrote {draw(graph, output, top=top)}", err=True)
    return 0


@plot.command("alerts")
@click.option("-o", "--output", required=True, help="The image file (.png, .svg or .pdf).")
@click.option("--as-of", callback=parse_date, help="Last day of the week to look at (default: the latest event).")
@scope_options
def plot_alerts(output: str, as_of: dt.date | None, **options: Any) -> int:
    """The strongest change alerts: this week against the four weeks before."""
    from ..analysis import alerts as find
    from ..analysis import plot_alerts as draw

    with _opened(options) as (store, scope):
        found = find(store, as_of, scope=scope)
    click.echo(f"wrote {draw(found, output)}", err=True)
    return 0


COMMANDS = (dyad, top_dyads, network, blocs, alerts, actor, plot)
