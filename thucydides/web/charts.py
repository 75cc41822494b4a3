"""Plotly figures (plain dicts: data and layout) for the dashboard, built from analysis results.

Plotly reads a subset of HTML in labels, so every string from the store goes through
:func:`esc` first and shows as text. Colours follow the command line's plots:
blues for cooperation, reds for conflict.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from typing import Any
from urllib.parse import quote

from ..analysis import Alert, MapPoint, NetworkView, Period
from ..analysis.dyads import QUAD_FIELDS, QUAD_NAMES
from ..analysis.plots import QUAD_COLOURS

Figure = dict[str, Any]
COOPERATION, CONFLICT, MIXED = "#2ca25f", "#de2d26", "#999999"
BLOC_COLOURS = (
    "#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#2ca02c", "#393b79", "#e7ba52", "#637939", "#7b4173",
)  # fmt: skip
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13}


def esc(text: object) -> str:
    """A string plotly shows as it is (its label markup escaped)."""
    return html.escape(str(text), quote=False)


def actor_url(key: str) -> str:
    return "/actor?actor=" + quote(key, safe="")


def _layout(title: str, **more: Any) -> dict[str, Any]:
    return {
        "title": {"text": esc(title), "x": 0.01, "xanchor": "left"},
        "font": FONT,
        "margin": {"l": 70, "r": 70, "t": 60, "b": 60},
        "hovermode": "closest",
        "plot_bgcolor": "#ffffff",
        **more,
    }


def timeline(periods: list[Period], title: str, freq: str, unit: str) -> Figure:
    """Stacked bars of events per QuadClass per period, and the mean Goldstein score as a line (right axis)."""
    starts = [period_label(p.start, freq) for p in periods]
    noun = "mentions" if unit == "mentions" else "events"
    data: list[dict[str, Any]] = [
        {
            "type": "bar",
            "x": starts,
            "y": [getattr(p, field) for p in periods],
            "name": QUAD_NAMES[quad],
            "marker": {"color": QUAD_COLOURS[quad]},
            "hovertemplate": f"%{{x}}: %{{y}} {noun} of {QUAD_NAMES[quad]}<extra></extra>",
        }
        for quad, field in enumerate(QUAD_FIELDS, start=1)
    ]
    data.append(
        {
            "type": "scatter",
            "mode": "lines+markers",
            "x": starts,
            "y": [None if p.goldstein_mean is None else round(p.goldstein_mean, 2) for p in periods],
            "yaxis": "y2",
            "name": "mean Goldstein score (right axis)",
            "line": {"color": "#222222", "width": 2},
            "marker": {"size": 5},
            "hovertemplate": "%{x}: mean Goldstein %{y}<extra></extra>",
        }
    )
    layout = _layout(
        title,
        barmode="stack",
        xaxis={"title": {"text": freq}, "type": "category", "automargin": True, "nticks": 16},
        yaxis={"title": {"text": f"{noun} per {freq}"}, "rangemode": "tozero", "gridcolor": "#eeeeee"},
        yaxis2={
            "title": {"text": "mean Goldstein (−10 … +10)"},
            "overlaying": "y",
            "side": "right",
            "range": [-10.5, 10.5],
            "tickvals": [-10, -5, 0, 5, 10],
            "zeroline": True,
            "zerolinecolor": "#bbbbbb",
            "showgrid": False,
        },
        legend={"orientation": "h", "y": -0.2, "traceorder": "normal"},
    )
    return {"data": data, "layout": layout}


def period_label(start: dt.date, freq: str) -> str:
    """How a period reads on an axis: 2025-06-03, week of 2025-06-02, Jun 2025, 2025."""
    if freq == "month":
        return start.strftime("%b %Y")
    if freq == "year":
        return str(start.year)
    if freq == "week":
        return f"week of {start.isoformat()}"
    return start.isoformat()


def network(view: NetworkView, title: str) -> Figure:
    """Actors as circles (size: events, colour: bloc), links as lines (colour: cooperation or conflict)."""
    where = {n.key: (n.x, n.y) for n in view.nodes}
    data = _link_traces(view, where)
    groups: dict[int | None, list[Any]] = {}
    for node in view.nodes:
        groups.setdefault(node.bloc, []).append(node)
    biggest = max((n.events for n in view.nodes), default=1) or 1
    for bloc, nodes in sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or 0)):
        data.append(_node_trace(view, bloc, nodes, biggest))
    hidden = {"visible": False}
    layout = _layout(title, xaxis=hidden, yaxis=hidden, legend={"title": {"text": "circles: blocs · lines: links"}})
    layout["margin"] = {"l": 10, "r": 10, "t": 60, "b": 10}
    return {"data": data, "layout": layout}


def _link_traces(view: NetworkView, where: dict[str, tuple[float, float]]) -> list[dict[str, Any]]:
    most = max((link.events for link in view.links), default=1) or 1
    names = {
        "cooperation": "more cooperation than conflict",
        "conflict": "more conflict than cooperation",
        "mixed": "as much of each",
    }
    colours = {"cooperation": COOPERATION, "conflict": CONFLICT, "mixed": MIXED}
    traces: list[dict[str, Any]] = []
    for tone, name in names.items():
        for band in (1, 2, 3):
            xs: list[float | None] = []
            ys: list[float | None] = []
            for link in view.links:
                if link.tone == tone and _band(link.events, most) == band:
                    (x0, y0), (x1, y1) = where[link.a], where[link.b]
                    xs += [x0, x1, None]
                    ys += [y0, y1, None]
            if xs:
                traces.append(_line_trace(xs, ys, name, tone, colours[tone], band, _first(traces, tone)))
    traces.append(_link_hover(view, where))
    return traces


def _band(events: int, most: int) -> int:
    share = events / most
    return 3 if share > 0.5 else 2 if share > 0.15 else 1


def _first(traces: list[dict[str, Any]], tone: str) -> bool:
    return all(t.get("legendgroup") != tone for t in traces)


def _line_trace(xs: list[Any], ys: list[Any], name: str, tone: str, colour: str, band: int, legend: bool) -> Figure:
    return {
        "type": "scatter",
        "mode": "lines",
        "x": xs,
        "y": ys,
        "name": f"line: {name}",
        "legendgroup": tone,
        "showlegend": legend,
        "line": {"color": colour, "width": {1: 1, 2: 3, 3: 6}[band]},
        "opacity": 0.65,
        "hoverinfo": "skip",
    }


def _link_hover(view: NetworkView, where: dict[str, tuple[float, float]]) -> Figure:
    """Invisible points in the middle of each link that say what the link holds."""
    return {
        "type": "scatter",
        "mode": "markers",
        "x": [(where[link.a][0] + where[link.b][0]) / 2 for link in view.links],
        "y": [(where[link.a][1] + where[link.b][1]) / 2 for link in view.links],
        "marker": {"size": 8, "opacity": 0},
        "showlegend": False,
        "hovertext": [
            esc(f"{link.a} – {link.b}: {link.events} events, {link.cooperation} cooperation, {link.conflict} conflict")
            for link in view.links
        ],
        "hoverinfo": "text",
        "customdata": [f"/dyad?source={quote(link.a, safe='')}&target={quote(link.b, safe='')}" for link in view.links],
    }


def _node_trace(view: NetworkView, bloc: int | None, nodes: list[Any], biggest: int) -> Figure:
    if bloc is None:
        name, colour = "no bloc", "#bbbbbb"
    else:
        members = view.blocs[bloc].members
        shown = ", ".join(members[:4]) + (" …" if len(members) > 4 else "")
        name, colour = f"bloc {bloc + 1}: {shown}", BLOC_COLOURS[bloc % len(BLOC_COLOURS)]
    return {
        "type": "scatter",
        "mode": "markers+text",
        "x": [n.x for n in nodes],
        "y": [n.y for n in nodes],
        "text": [esc(n.key) for n in nodes],
        "textposition": "top center",
        "name": esc(name),
        "marker": {
            "size": [12 + 36 * math.sqrt(n.events / biggest) for n in nodes],
            "color": colour,
            "line": {"color": "#333333", "width": 1},
        },
        "hovertext": [
            esc(f"{n.name or n.key} ({n.key}): {n.events} events, {n.cooperation} cooperation, {n.conflict} conflict")
            for n in nodes
        ],
        "hoverinfo": "text",
        "customdata": [actor_url(n.key) for n in nodes],
    }


def world_map(points: list[MapPoint], title: str, outline_url: str) -> Figure:
    """Places as circles (size: events, colour: share of conflict) over a world outline loaded from ``outline_url``."""
    biggest = max((p.events for p in points), default=1) or 1
    data = [
        {
            "type": "scatter",
            "mode": "markers",
            "x": [p.lon for p in points],
            "y": [p.lat for p in points],
            "name": "places",
            "marker": {
                "size": [7 + 28 * math.sqrt(p.events / biggest) for p in points],
                "color": [round(p.conflict / p.events, 3) if p.events else 0 for p in points],
                "colorscale": [[0, "#3182bd"], [0.5, "#d9d9d9"], [1, "#de2d26"]],
                "cmin": 0,
                "cmax": 1,
                "opacity": 0.8,
                "line": {"color": "#333333", "width": 0.5},
                "colorbar": {"title": {"text": "share of conflict<br>events"}, "tickformat": ".0%"},
            },
            "hovertext": [_place_text(p) for p in points],
            "hoverinfo": "text",
            "showlegend": False,
        }
    ]
    layout = _layout(
        title,
        xaxis={"range": [-180, 180], "title": {"text": "longitude"}, "showgrid": False, "zeroline": False},
        yaxis={
            "range": [-60, 85],
            "title": {"text": "latitude"},
            "scaleanchor": "x",
            "showgrid": False,
            "zeroline": False,
        },
        plot_bgcolor="#eaf2f8",
    )
    return {"data": data, "layout": layout, "outline": outline_url}


def _place_text(point: MapPoint) -> str:
    tone = "" if point.goldstein_mean is None else f"; mean Goldstein {point.goldstein_mean:+.1f}"
    return esc(
        f"{point.place or 'unnamed place'}: {point.events} events, "
        f"{point.cooperation} cooperation, {point.conflict} conflict{tone}"
    )


def alerts(found: list[Alert], title: str, top: int = 20) -> Figure:
    """This week's count against the mean of the four weeks before (± one standard deviation), strongest on top."""
    shown = list(reversed(found[:top]))
    labels = [esc(f"{a.key} ({a.kind}), {a.measure}, {a.direction}") for a in shown]
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "y": labels,
            "x": [round(a.baseline_mean, 2) for a in shown],
            "error_x": {"type": "data", "array": [round(a.baseline_sd, 2) for a in shown], "color": "#636363"},
            "name": "mean of the 4 weeks before (± 1 sd)",
            "marker": {"color": "#bdbdbd"},
        },
        {
            "type": "bar",
            "orientation": "h",
            "y": labels,
            "x": [a.current for a in shown],
            "name": "this week (blue: cooperation, red: conflict)",
            "marker": {"color": [CONFLICT if a.measure == "conflict" else "#3182bd" for a in shown]},
        },
    ]
    layout = _layout(
        title,
        barmode="group",
        xaxis={"title": {"text": "events per week"}, "gridcolor": "#eeeeee"},
        yaxis={"automargin": True},
        legend={"orientation": "h", "y": -0.15},
        height=max(320, 140 + 38 * len(shown)),
    )
    return {"data": data, "layout": layout}


def roots(codes: list[dict[str, Any]], title: str) -> Figure:
    """Events per CAMEO root, coloured by QuadClass."""
    from ..analysis.event_detail import code_info
    from ..events.taxonomy import quad_class

    labels = [esc(f"{c['root']} {c.get('name') or ''}".strip()) for c in codes]
    quads = [quad_class(c["root"]) if str(c["root"]).isdigit() else 0 for c in codes]
    data = [
        {
            "type": "bar",
            "x": [c["events"] for c in codes],
            "y": labels,
            "orientation": "h",
            "marker": {"color": [QUAD_COLOURS.get(q, MIXED) for q in quads]},
            "hovertext": [esc(code_info(str(c["root"]), q).quad_name) for c, q in zip(codes, quads, strict=True)],
            "showlegend": False,
        }
    ]
    layout = _layout(
        title,
        xaxis={"title": {"text": "events"}, "gridcolor": "#eeeeee"},
        yaxis={"automargin": True, "autorange": "reversed"},
        height=max(260, 90 + 30 * len(codes)),
    )
    return {"data": data, "layout": layout}
