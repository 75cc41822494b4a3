"""Plots that read without explanation: a dyad timeline, the actor network, change alerts.

Each function draws with matplotlib (no display needed) and saves to ``path``; the
format follows the suffix (``.png``, ``.svg``, ``.pdf``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..errors import Errors, StoreError, ThucydidesError
from .alerts import Alert
from .dyads import QUAD_FIELDS, QUAD_NAMES, DyadTimeline

if TYPE_CHECKING:
    from matplotlib.figure import Figure

QUAD_COLOURS = {1: "#9ecae1", 2: "#3182bd", 3: "#fc9272", 4: "#de2d26"}
FORMATS = (".png", ".svg", ".pdf")


def _figure(width: float = 10, height: float = 5.5) -> Figure:
    try:
        import matplotlib
    except ImportError:  # the [plot] extra is not installed
        raise ThucydidesError(Errors.E083, feature="thucydides plot") from None

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=110, layout="constrained")


def _save(figure: Figure, path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise StoreError(Errors.E432, name="plot file", value=str(path), detail=f"end it in {', '.join(FORMATS)}")
    try:
        figure.savefig(path)
    except OSError as err:
        raise StoreError(Errors.E443, path=path, detail=err.strerror or str(err)) from None
    return path


def plot_dyad(timeline: DyadTimeline, path: str | Path, title: str | None = None) -> Path:
    """Stacked bars of events per QuadClass per period, with the mean Goldstein score as a line."""
    figure = _figure()
    ax = figure.add_subplot()
    from matplotlib import dates

    starts = dates.date2num([p.start for p in timeline.periods])
    width = {"day": 0.8, "week": 5.5, "month": 24, "year": 300}[timeline.freq]
    bottom = [0] * len(starts)
    for quad, field in enumerate(QUAD_FIELDS, start=1):
        heights = [getattr(p, field) for p in timeline.periods]
        ax.bar(starts, heights, width, bottom=bottom, color=QUAD_COLOURS[quad], label=QUAD_NAMES[quad], align="edge")
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    unit = "mentions" if timeline.unit == "mentions" else "events (deduplicated)"
    ax.set_ylabel(f"{unit} per {timeline.freq}")
    ax.set_xlabel(f"{timeline.freq} (start date)")
    locator = dates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    goldstein = ax.twinx()
    means = [p.goldstein_mean for p in timeline.periods]
    middles = [x + width / 2 for x in starts]
    goldstein.plot(middles, [float("nan") if m is None else m for m in means], "k.-", label="mean Goldstein score")
    goldstein.set_ylim(-10, 10)
    goldstein.axhline(0, color="grey", linewidth=0.6, linestyle=":")
    goldstein.set_ylabel("mean Goldstein score (−10 conflict … +10 cooperation)")
    arrow = "→" if timeline.directed else "↔"
    ax.set_title(
        title or f"{timeline.source.label} {arrow} {timeline.target.label}: events by kind, per {timeline.freq}"
    )
    handles = ax.get_legend_handles_labels()[0] + goldstein.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper left", fontsize="small")
    return _save(figure, path)


def plot_network(
    graph: nx.DiGraph, path: str | Path, title: str = "Actor network", top: int = 40, edges: int = 100
) -> Path:
    """The ``top`` busiest actors and their ``edges`` busiest links: green for net cooperation, red for conflict."""
    from matplotlib.lines import Line2D

    nodes = sorted(graph.nodes, key=lambda n: -graph.nodes[n].get("events", 0))[:top]
    sub = _busiest(_undirected(graph.subgraph(nodes)), edges)
    figure = _figure(11, 8)
    ax = figure.add_subplot()
    ax.set_axis_off()
    if sub.number_of_nodes():
        layout = nx.spring_layout(sub, weight="events", seed=1)
        biggest = max(d["events"] for *_, d in sub.edges(data=True)) if sub.number_of_edges() else 1
        colours = [
            "#2ca25f" if d["net"] > 0 else "#de2d26" if d["net"] < 0 else "#999999" for *_, d in sub.edges(data=True)
        ]
        widths = [0.5 + 6 * d["events"] / biggest for *_, d in sub.edges(data=True)]
        nx.draw_networkx_edges(sub, layout, ax=ax, edge_color=colours, width=widths, alpha=0.7)
        sizes = [80 + 1200 * graph.nodes[n]["events"] / max(graph.nodes[m]["events"] for m in nodes) for n in sub]
        nx.draw_networkx_nodes(sub, layout, ax=ax, node_size=sizes, node_color="#fdd49e", edgecolors="#7f2704")
        nx.draw_networkx_labels(sub, layout, ax=ax, font_size=8)
    legend = [
        Line2D([0], [0], color="#2ca25f", lw=3, label="more cooperation than conflict"),
        Line2D([0], [0], color="#de2d26", lw=3, label="more conflict than cooperation"),
        Line2D([0], [0], color="#999999", lw=1, label="line width: number of events"),
        Line2D([0], [0], marker="o", color="w", markerfacecolor="#fdd49e", markersize=10, label="circle size: events"),
    ]
    ax.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
    ax.set_title(f"{title}: the {len(nodes)} actors with most events, their {sub.number_of_edges()} busiest links")
    return _save(figure, path)


def _busiest(graph: nx.Graph, edges: int) -> nx.Graph:
    kept = sorted(graph.edges(data=True), key=lambda e: -e[2]["events"])[:edges]
    out = nx.Graph()
    out.add_nodes_from(graph.nodes)
    out.add_edges_from(kept)
    return out


def _undirected(graph: Any) -> nx.Graph:
    out = nx.Graph()
    out.add_nodes_from(graph.nodes)
    for a, b, d in graph.edges(data=True):
        edge = out.get_edge_data(a, b, {"events": 0, "net": 0})
        out.add_edge(a, b, events=edge["events"] + d["events"], net=edge["net"] + d["cooperation"] - d["conflict"])
    return out


def plot_alerts(found: list[Alert], path: str | Path, top: int = 15, title: str | None = None) -> Path:
    """This week's count against the mean of the four weeks before, for the strongest alerts."""
    shown = list(reversed(found[:top]))
    figure = _figure(10, 1.5 + 0.45 * max(len(shown), 1))
    ax = figure.add_subplot()
    labels = [f"{a.key} ({a.kind}), {a.measure}" for a in shown]
    rows = range(len(shown))
    ax.barh([r + 0.2 for r in rows], [a.current for a in shown], 0.4, color="#de2d26", label="this week")
    ax.barh(
        [r - 0.2 for r in rows],
        [a.baseline_mean for a in shown],
        0.4,
        xerr=[a.baseline_sd for a in shown],
        color="#bdbdbd",
        label="mean of the 4 weeks before (± 1 sd)",
    )
    ax.set_yticks(list(rows), labels, fontsize="small")
    ax.set_xlabel("events per week")
    week = found[0].week_end.isoformat() if found else "—"
    ax.set_title(title or f"Change alerts: the week ending {week} against the four weeks before")
    ax.legend(loc="lower right", fontsize="small")
    return _save(figure, path)
