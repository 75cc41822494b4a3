"""The dashboard's figures as plain dicts, built from analysis results and drawn by ``static/chart.js``.

A figure says what to draw, not how: ``kind`` is ``"bars"``, ``"network"`` or ``"map"``,
and every colour, size, hover text and link is worked out here, so that the browser
only places shapes. Strings from the store travel as they are: the browser puts them
into the page as text (never as markup), so a place called ``<b>Kyiv</b>`` shows those
characters. Colours follow the command line's plots: blues for cooperation, reds for
conflict; the map's Goldstein scale diverges from red (−10) through grey (0) to blue (+10).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any
from urllib.parse import quote

from ..analysis import Alert, CountryCount, MapPoint, NetworkView, Period
from ..analysis.dyads import QUAD_FIELDS, QUAD_NAMES
from ..analysis.plots import QUAD_COLOURS

Figure = dict[str, Any]
COOPERATION, CONFLICT, MIXED = "#2ca25f", "#de2d26", "#999999"
BLOC_COLOURS = (
    "#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#2ca02c", "#393b79", "#e7ba52", "#637939", "#7b4173",
)  # fmt: skip
# Mean Goldstein score → colour: (upper bound, colour, legend label), reds below 0, blues above, grey at 0.
GOLDSTEIN_CLASSES = (
    (-5.0, "#b2182b", "−10 to −5"),
    (-2.0, "#ef8a62", "−5 to −2"),
    (-1e-9, "#fddbc7", "−2 to 0"),
    (1e-9, "#e0e0e0", "0"),
    (2.0, "#d1e5f0", "0 to +2"),
    (5.0, "#67a9cf", "+2 to +5"),
    (math.inf, "#2166ac", "+5 to +10"),
)
EVENT_SHADES = ("#efedf5", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f")  # purples: counts, neither side's colour
NO_EVENTS = "#f7f5f0"


def actor_url(key: str) -> str:
    return "/actor?actor=" + quote(key, safe="")


def timeline(periods: list[Period], title: str, freq: str, unit: str) -> Figure:
    """Stacked bars of events per QuadClass per period, and the mean Goldstein score as a line (right axis)."""
    starts = [period_label(p.start, freq) for p in periods]
    noun = "mentions" if unit == "mentions" else "events"
    series: list[dict[str, Any]] = []
    for quad, field in enumerate(QUAD_FIELDS, start=1):
        values = [getattr(p, field) for p in periods]
        series.append(
            {
                "name": QUAD_NAMES[quad],
                "colour": QUAD_COLOURS[quad],
                "values": values,
                "hover": [f"{x}: {y} {noun} of {QUAD_NAMES[quad]}" for x, y in zip(starts, values, strict=True)],
            }
        )
    means = [None if p.goldstein_mean is None else round(p.goldstein_mean, 2) for p in periods]
    line: dict[str, Any] = {
        "name": "mean Goldstein score (right axis)",
        "colour": "#222222",
        "values": means,
        "hover": [f"{x}: mean Goldstein {y:+.2f}" if y is not None else "" for x, y in zip(starts, means, strict=True)],
        "title": "mean Goldstein (−10 … +10)",
        "range": [-10, 10],
        "ticks": [-10, -5, 0, 5, 10],
    }
    return {
        "kind": "bars",
        "title": title,
        "orientation": "vertical",
        "stacked": True,
        "categories": starts,
        "category_title": freq,
        "value_title": f"{noun} per {freq}",
        "series": series,
        "line": line,
        "legend": [_key(s["name"], s["colour"]) for s in series] + [_key(line["name"], line["colour"], "line")],
    }


def period_label(start: dt.date, freq: str) -> str:
    """How a period reads on an axis: 2025-06-03, week of 2025-06-02, Jun 2025, 2025."""
    if freq == "month":
        return start.strftime("%b %Y")
    if freq == "year":
        return str(start.year)
    if freq == "week":
        return f"week of {start.isoformat()}"
    return start.isoformat()


def _key(label: str, colour: str, shape: str = "box") -> dict[str, str]:
    """One entry of a legend: a box, a line or a circle of the colour, and what it means."""
    return {"label": label, "colour": colour, "shape": shape}


TONES = {
    "cooperation": ("more cooperation than conflict", COOPERATION),
    "conflict": ("more conflict than cooperation", CONFLICT),
    "mixed": ("as much of each", MIXED),
}


def network(view: NetworkView, title: str) -> Figure:
    """Actors as circles (size: events, colour: bloc), links as lines (colour: cooperation or conflict)."""
    where = {n.key: (n.x, n.y) for n in view.nodes}
    most = max((link.events for link in view.links), default=1) or 1
    links = [
        {
            "x0": where[link.a][0],
            "y0": where[link.a][1],
            "x1": where[link.b][0],
            "y1": where[link.b][1],
            "colour": TONES[link.tone][1],
            "width": {1: 1, 2: 3, 3: 6}[_band(link.events, most)],
            "hover": f"{link.a} – {link.b}: {link.events} events, {link.cooperation} cooperation, "
            f"{link.conflict} conflict",
            "href": f"/dyad?source={quote(link.a, safe='')}&target={quote(link.b, safe='')}",
        }
        for link in view.links
    ]
    biggest = max((n.events for n in view.nodes), default=1) or 1
    nodes = [
        {
            "x": n.x,
            "y": n.y,
            "size": round(12 + 36 * math.sqrt(n.events / biggest), 1),
            "colour": _bloc_colour(n.bloc),
            "label": n.key,
            "hover": f"{n.name or n.key} ({n.key}): {n.events} events, {n.cooperation} cooperation, "
            f"{n.conflict} conflict",
            "href": actor_url(n.key),
        }
        for n in sorted(view.nodes, key=lambda n: -n.events)
    ]
    tones = {link.tone for link in view.links}
    legend = [_key(f"line: {name}", colour, "line") for tone, (name, colour) in TONES.items() if tone in tones]
    legend += [_key(_bloc_name(view, bloc), _bloc_colour(bloc), "circle") for bloc in _blocs_shown(view)]
    return {"kind": "network", "title": title, "nodes": nodes, "links": links, "legend": legend}


def _band(events: int, most: int) -> int:
    share = events / most
    return 3 if share > 0.5 else 2 if share > 0.15 else 1


def _bloc_colour(bloc: int | None) -> str:
    return "#bbbbbb" if bloc is None else BLOC_COLOURS[bloc % len(BLOC_COLOURS)]


def _blocs_shown(view: NetworkView) -> list[int | None]:
    found = {n.bloc for n in view.nodes}
    return sorted(found, key=lambda bloc: (bloc is None, bloc or 0))


def _bloc_name(view: NetworkView, bloc: int | None) -> str:
    if bloc is None:
        return "no bloc"
    members = view.blocs[bloc].members
    return f"bloc {bloc + 1}: " + ", ".join(members[:4]) + (" …" if len(members) > 4 else "")


def goldstein_colour(mean: float | None) -> str:
    """The map's colour for a mean Goldstein score: reds below 0, grey at 0, blues above; never red above 0."""
    if mean is None:
        return NO_EVENTS
    return next(colour for upper, colour, _ in GOLDSTEIN_CLASSES if mean <= upper)


def event_breaks(most: int) -> list[int]:
    """The lowest count of each shade of the events scale: 1 and then steps of equal ratio up to ``most``."""
    steps = len(EVENT_SHADES)
    breaks = sorted({max(1, round(most ** (i / steps))) for i in range(steps)})
    return breaks


def events_colour(events: int, breaks: list[int]) -> str:
    if events <= 0:
        return NO_EVENTS
    shade = sum(1 for low in breaks if events >= low) - 1
    return EVENT_SHADES[shade + len(EVENT_SHADES) - len(breaks)]


def _events_legend(breaks: list[int], most: int) -> list[dict[str, str]]:
    shades = EVENT_SHADES[len(EVENT_SHADES) - len(breaks) :]
    ends = [b - 1 for b in breaks[1:]] + [most]
    labels = [f"{low:,}" if low == high else f"{low:,}–{high:,}" for low, high in zip(breaks, ends, strict=True)]
    return [_key(label, colour) for label, colour in zip(labels, shades, strict=True)]


def world_map(points: list[MapPoint], countries: list[CountryCount], title: str, outline_url: str) -> Figure:
    """Countries filled by events or mean Goldstein (the reader switches), places as circles, outlines from a URL."""
    most = max((c.events for c in countries), default=1) or 1
    breaks = event_breaks(most)
    shaded = [
        {
            "iso3": c.country,
            "hover": _counts_text(c.events, c.cooperation, c.conflict, c.goldstein_mean),
            "fill": {"events": events_colour(c.events, breaks), "goldstein": goldstein_colour(c.goldstein_mean)},
        }
        for c in countries
    ]
    biggest = max((p.events for p in points), default=1) or 1
    circles = [
        {
            "lon": p.lon,
            "lat": p.lat,
            "size": round(6 + 22 * math.sqrt(p.events / biggest), 1),
            "colour": goldstein_colour(p.goldstein_mean),
            "hover": f"{p.place or 'unnamed place'}: "
            + _counts_text(p.events, p.cooperation, p.conflict, p.goldstein_mean),
        }
        for p in points
    ]
    goldstein_legend = [_key(label, colour) for _, colour, label in reversed(GOLDSTEIN_CLASSES)]
    no_events = _key("no events", NO_EVENTS)
    return {
        "kind": "map",
        "title": title,
        "outline": outline_url,
        "countries": shaded,
        "points": circles,
        "views": {
            "events": {"label": "number of events", "legend": [*_events_legend(breaks, most), no_events]},
            "goldstein": {
                "label": "mean Goldstein score (−10 conflict … +10 cooperation)",
                "legend": [*goldstein_legend, no_events],
            },
        },
        "legend": [_key("circles: places (size: events; colour: their mean Goldstein score)", "#ffffff", "circle")],
    }


def _counts_text(events: int, cooperation: int, conflict: int, mean: float | None) -> str:
    tone = "" if mean is None else f"; mean Goldstein {mean:+.1f}"
    return f"{events} events, {cooperation} cooperation, {conflict} conflict{tone}"


def alerts(found: list[Alert], title: str, top: int = 20) -> Figure:
    """This week's count against the mean of the four weeks before (± one standard deviation), strongest first."""
    shown = found[:top]
    labels = [f"{a.key} ({a.kind}), {a.measure}, {a.direction}" for a in shown]
    before = [round(a.baseline_mean, 2) for a in shown]
    spread = [round(a.baseline_sd, 2) for a in shown]
    now = [a.current for a in shown]
    colours = [CONFLICT if a.measure == "conflict" else "#3182bd" for a in shown]
    return _horizontal_bars(
        title,
        labels,
        "events per week",
        [
            {
                "name": "mean of the 4 weeks before (± 1 sd)",
                "colour": "#bdbdbd",
                "values": before,
                "errors": spread,
                "hover": [f"{x}: {m} ± {s} a week before" for x, m, s in zip(labels, before, spread, strict=True)],
            },
            {
                "name": "this week",
                "colour": "#3182bd",
                "colours": colours,
                "values": now,
                "hover": [f"{x}: {n} this week" for x, n in zip(labels, now, strict=True)],
            },
        ],
        [
            _key("mean of the 4 weeks before (± 1 sd)", "#bdbdbd"),
            _key("this week: cooperation", "#3182bd"),
            _key("this week: conflict", CONFLICT),
        ],
    )


def _horizontal_bars(
    title: str, labels: list[str], value_title: str, series: list[dict[str, Any]], legend: list[Any]
) -> Figure:
    """A bar chart with one bar per label, read from left to right."""
    return {
        "kind": "bars",
        "title": title,
        "orientation": "horizontal",
        "stacked": False,
        "categories": labels,
        "category_title": None,
        "value_title": value_title,
        "series": series,
        "line": None,
        "legend": legend,
    }


def roots(codes: list[dict[str, Any]], title: str) -> Figure:
    """Events per CAMEO root, coloured by QuadClass."""
    from ..analysis.event_detail import code_info
    from ..events.taxonomy import quad_class

    labels = [f"{c['root']} {c.get('name') or ''}".strip() for c in codes]
    quads = [quad_class(c["root"]) if str(c["root"]).isdigit() else 0 for c in codes]
    values = [c["events"] for c in codes]
    return _horizontal_bars(
        title,
        labels,
        "events",
        [
            {
                "name": "events",
                "colour": MIXED,
                "colours": [QUAD_COLOURS.get(q, MIXED) for q in quads],
                "values": values,
                "hover": [
                    f"{x}: {n} events ({code_info(str(c['root']), q).quad_name})"
                    for x, n, c, q in zip(labels, values, codes, quads, strict=True)
                ],
            }
        ],
        [_key(QUAD_NAMES[q], QUAD_COLOURS[q]) for q in sorted(set(quads)) if q in QUAD_NAMES],
    )
