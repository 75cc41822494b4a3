"""The dashboard's pages: each gathers what the analysis functions return and renders a template.

Templates escape everything (Jinja2 autoescape); charts travel as JSON in
``<script type="application/json">`` blocks, which ``static/chart.js`` draws as SVG.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from .. import analysis
from ..analysis import Scope
from ..analysis.alerts import latest_date
from ..analysis.event_detail import EventDetail
from ..analysis.events import cameo_name
from ..analysis.overview import actor_name
from ..errors import Errors, ThucydidesError
from ..store import Store
from ..version import __version__
from . import charts
from .access import EventId, access
from .highlight import event_marks, pieces
from .params import FILTER_NAMES, Filters, Freq, Paging, filters, paging
from .views import PAGE_VIEWS, PLOVER_CHOICES, QUAD_CHOICES, alert_tone, safe_url, summary_rows

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
templates.env.globals.update(
    version=__version__,
    quad_choices=QUAD_CHOICES,
    plover_choices=PLOVER_CHOICES,
    filter_names=FILTER_NAMES,
    actor_name=actor_name,
    safe_url=safe_url,
    alert_tone=alert_tone,
)
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Filtered = Annotated[Filters, Depends(filters)]
Paged = Annotated[Paging, Depends(paging)]
PAGES = ("/", "/events", "/dyad", "/actors", "/actor", "/network", "/map", "/alerts")


def render(request: Request, template: str, f: Filters | None, status: int = 200, **context: Any) -> Response:
    view = PAGE_VIEWS.get(request.url.path)
    context.update(request=request, f=f or Filters(), path=request.url.path, download_view=view)
    return templates.TemplateResponse(request, template, context, status_code=status)


def error_page(
    request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    response = render(request, "error.html", None, status, code=code, message=message)
    response.headers.update(headers or {})
    return response


def until_news(store: Store, f: Filters) -> tuple[Scope, dt.date | None]:
    """The filters' scope, ending at the last event dated by the news when no end is given.

    Events dated after the last publication date are plans and forecasts ("by 2050"):
    a timeline that ran to them would be mostly empty.
    """
    scope = f.scope()
    if f.end is not None:
        return scope, None
    end = latest_date(store, scope)
    return (replace(scope, end=end), end) if end is not None else (scope, None)


@router.get("/")
def overview(request: Request, f: Filtered, freq: Freq = "month") -> Response:
    with access(request).read() as store:
        scope = f.narrowed(store)
        summary = analysis.store_overview(store, scope)
        recent, cut = until_news(store, f)
        timeline = analysis.event_timeline(store, f.actor, freq, recent)
        dyads = analysis.top_dyads(store, 10, f.directed, scope)
        actors = analysis.list_actors(store, None, 10, scope)
        latest = analysis.find_events(store, f.query(), recent, 10)
        alerts = analysis.alerts(store, None, scope=scope)[:5]
    title = f"All events per {freq}, by kind" if not f.actor else f"Events of {f.actor} per {freq}, by kind"
    return render(
        request,
        "overview.html",
        f,
        cut=cut,
        summary=summary,
        dyads=dyads,
        actors=actors,
        events=summary_rows(latest.events),
        alerts=alerts,
        freq=freq,
        charts={"timeline": charts.timeline(timeline.periods, title, freq, timeline.unit)},
    )


@router.get("/events")
def events(request: Request, f: Filtered, page: Paged) -> Response:
    with access(request).read() as store:
        found = analysis.find_events(store, f.query(), f.scope(), page.limit, page.offset, page.sort)
    return render(request, "events.html", f, page=found, events=summary_rows(found.events))


@router.get("/events/{event_id}")
def event(request: Request, event_id: EventId) -> Response:
    with access(request).read() as store:
        detail = analysis.event_detail(store, int(event_id)) if int(event_id) < 2**63 else None
    if detail is None:
        raise ThucydidesError(Errors.E462, event_id=event_id)
    return render(request, "event.html", None, detail=detail, article=_article_view(detail), **_mentions(detail))


def _article_view(detail: EventDetail) -> dict[str, Any] | None:
    """The article of the first mention with the event's words marked in it."""
    if not detail.mentions or not detail.articles:
        return None
    first = detail.mentions[0]
    article = next((a for a in detail.articles if a.key == first.article_key), None)
    if article is None or article.text is None:
        return None
    start = first.sentence_start
    if article.text[start : start + len(first.sentence)] != first.sentence:
        return {"ref": article, "pieces": pieces(article.text, [])}  # offsets do not fit: show it unmarked
    marks = event_marks(first.source, first.target, first.trigger, shift=start)
    return {"ref": article, "pieces": pieces(article.text, marks)}


def _mentions(detail: EventDetail) -> dict[str, Any]:
    rows = [
        {"mention": m, "pieces": pieces(m.sentence, event_marks(m.source, m.target, m.trigger))}
        for m in detail.mentions
    ]
    return {"mentions": rows, "articles": {a.key: a for a in detail.articles}}


@router.get("/dyad")
def dyad(request: Request, f: Filtered, page: Paged, freq: Freq = "month") -> Response:
    if not (f.source and f.target):
        with access(request).read() as store:
            pairs = analysis.top_dyads(store, 30, f.directed, f.narrowed(store))
        return render(request, "dyad_choose.html", f, dyads=pairs)
    assert f.source is not None and f.target is not None
    with access(request).read() as store:
        timeline = analysis.dyad_timeline(store, f.source, f.target, freq, f.directed, f.scope())
        found = analysis.find_events(store, f.query(), f.scope(), page.limit, page.offset, page.sort)
    arrow = "→" if f.directed else "↔"
    names = [_named(timeline.source.value), _named(timeline.target.value)]
    title = f"{names[0]} {arrow} {names[1]}: events per {freq} by kind, and their mean Goldstein score"
    return render(
        request,
        "dyad.html",
        f,
        timeline=timeline,
        names=names,
        arrow=arrow,
        freq=freq,
        page=found,
        events=summary_rows(found.events),
        charts={"timeline": charts.timeline(timeline.periods, title, freq, timeline.unit)},
    )


def _named(key: str) -> str:
    name = actor_name(key)
    return f"{name} ({key})" if name else key


@router.get("/actors")
def actors(request: Request, f: Filtered, search: Annotated[str | None, Query(max_length=100)] = None) -> Response:
    with access(request).read() as store:
        found = analysis.list_actors(store, search, 200, f.narrowed(store))
    return render(request, "actors.html", f, actors=found, search=search or "")


@router.get("/actor")
def actor(request: Request, f: Filtered, page: Paged, freq: Freq = "month") -> Response:
    if not f.actor:
        return RedirectResponse("/actors", status_code=303)
    with access(request).read() as store:
        summary = analysis.actor_summary(store, f.actor, f.narrowed(store, "actor"), top=15)
        timeline = analysis.event_timeline(store, f.actor, freq, until_news(store, f)[0])
        found = analysis.find_events(store, f.query(), f.scope(), page.limit, page.offset, page.sort)
    name = _named(summary.actor.value)
    codes = [c | {"name": cameo_name(c["root"])} for c in summary.codes]
    return render(
        request,
        "actor.html",
        f,
        summary=summary,
        name=name,
        freq=freq,
        page=found,
        events=summary_rows(found.events),
        charts={
            "timeline": charts.timeline(
                timeline.periods, f"{name}: events per {freq} as source or target, by kind", freq, timeline.unit
            ),
            "roots": charts.roots(codes, f"{name}: events by CAMEO root"),
        },
    )


@router.get("/network")
def network(
    request: Request,
    f: Filtered,
    top: Annotated[int, Query(ge=2, le=300)] = 40,
    links: Annotated[int, Query(ge=1, le=2000)] = 150,
) -> Response:
    with access(request).read() as store:
        view = analysis.network_view(store, f.narrowed(store), top, links)
    title = f"Who deals with whom: the {len(view.nodes)} actors with most events and their busiest links"
    return render(request, "network.html", f, view=view, top=top, charts={"network": charts.network(view, title)})


@router.get("/map")
def world(request: Request, f: Filtered, limit: Annotated[int, Query(ge=1, le=20_000)] = 2000) -> Response:
    with access(request).read() as store:
        points = analysis.map_points(store, f.scope(), f.query(), limit)
        countries = analysis.country_counts(store, f.scope(), f.query())
    title = f"Where events happened: {len(countries)} countries, {len(points)} places"
    figure = charts.world_map(points, countries, title, "/web/world.json")
    return render(
        request,
        "map.html",
        f,
        points=points[:50],
        count=len(points),
        countries=countries[:50],
        charts={"map": figure},
    )


@router.get("/alerts")
def alerts(
    request: Request,
    f: Filtered,
    threshold: Annotated[float, Query(ge=0.5, le=20)] = 2.0,
    min_events: Annotated[int, Query(ge=1, le=100_000)] = 3,
) -> Response:
    with access(request).read() as store:
        found = analysis.alerts(store, None, threshold, min_events, f.narrowed(store))
    week = found[0].week_end.isoformat() if found else None
    title = f"Change alerts: the week ending {week} against the four weeks before" if week else "No alerts"
    return render(
        request,
        "alerts.html",
        f,
        alerts=found,
        week=week,
        threshold=threshold,
        min_events=min_events,
        charts={"alerts": charts.alerts(found, title)} if found else {},
    )
