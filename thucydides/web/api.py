"""The JSON API: each endpoint calls one library function over the store and returns what it gives.

All endpoints are read-only GETs except ``POST /api/articles`` (see :mod:`.write`).
Filters are the shared query parameters of :mod:`.params`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from .. import analysis
from ..analysis.events import cameo_name
from ..analysis.overview import actor_name
from ..errors import Errors, ThucydidesError
from .access import EventId, access
from .params import Filters, Freq, Paging, filters, paging
from .problems import BadParameter
from .schemas import ActorOut, ActorSummaryOut, AlertOut, DyadOut, ErrorOut, TimelineOut
from .threads import in_a_thread

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text}
    for status, text in ((400, "A bad parameter (E405, E432)"), (404, "Unknown actor or event"), (503, "Store busy"))
}
router = APIRouter(prefix="/api", responses=ERRORS)
Filtered = Annotated[Filters, Depends(filters)]


@router.get("/overview", response_model=analysis.StoreOverview, tags=["store"])
@in_a_thread
def overview(request: Request, f: Filtered) -> analysis.StoreOverview:
    """How many articles, mentions and events the store holds, their dates and kinds."""
    with access(request).read() as store:
        return analysis.store_overview(store, f.narrowed(store))


@router.get("/events", response_model=analysis.EventPage, tags=["events"])
@in_a_thread
def events(request: Request, f: Filtered, page: Annotated[Paging, Depends(paging)]) -> analysis.EventPage:
    """Events matching the filters, a page at a time, each with the sentence it was coded from."""
    with access(request).read() as store:
        return analysis.find_events(store, f.query(), f.scope(), page.limit, page.offset, page.sort)


@router.get("/events/{event_id}", response_model=analysis.EventDetail, tags=["events"])
@in_a_thread
def event(request: Request, event_id: EventId) -> analysis.EventDetail:
    """One event with its CAMEO code explained and every mention that reports it."""
    number = int(event_id)
    if number >= 2**63:
        raise ThucydidesError(Errors.E462, event_id=event_id)
    with access(request).read() as store:
        found = analysis.event_detail(store, number)
    if found is None:
        raise ThucydidesError(Errors.E462, event_id=event_id)
    return found


@router.get("/actors", response_model=list[analysis.ActorCount], tags=["actors"])
@in_a_thread
def actors(
    request: Request,
    f: Filtered,
    search: Annotated[str | None, Query(max_length=100, description="Part of a code or name.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> list[analysis.ActorCount]:
    """Actors with the most events, or those whose code or name contains ``search``."""
    with access(request).read() as store:
        return analysis.list_actors(store, search, limit, f.narrowed(store))


@router.get("/actors/{name}", response_model=ActorSummaryOut, tags=["actors"])
@in_a_thread
def actor(
    request: Request,
    name: Annotated[str, Path(max_length=100)],
    f: Filtered,
    top: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, Any]:
    """What an actor did and had done to it: counts, kinds of event, main partners."""
    with access(request).read() as store:
        summary = analysis.actor_summary(store, name, f.narrowed(store), top)
    data = summary.as_dict()
    data["actor"]["name"] = actor_name(summary.actor.value)
    # copies: the summary's rows are shared with other requests (analysis.kept)
    data["partners"] = [p | {"name": actor_name(p["partner"])} for p in data["partners"]]
    data["codes"] = [c | {"name": cameo_name(c["root"])} for c in data["codes"]]
    return data


@router.get("/dyads", response_model=list[DyadOut], tags=["dyads"])
@in_a_thread
def dyads(request: Request, f: Filtered, limit: Annotated[int, Query(ge=1, le=500)] = 20) -> list[dict[str, Any]]:
    """The pairs of actors with most events (``directed`` keeps A → B apart from B → A)."""
    with access(request).read() as store:
        rows = analysis.top_dyads(store, limit, f.directed, f.narrowed(store))
    return [r | {"source_name": actor_name(r["source"]), "target_name": actor_name(r["target"])} for r in rows]


@router.get("/timelines/dyad", response_model=TimelineOut, tags=["timelines"])
@in_a_thread
def dyad_timeline(request: Request, f: Filtered, freq: Freq = "month") -> dict[str, Any]:
    """Events between ``source`` and ``target`` per period, by QuadClass, with the mean Goldstein score."""
    for name in ("source", "target"):
        if not getattr(f, name):
            raise BadParameter(name, "a dyad timeline needs both source and target")
    assert f.source is not None and f.target is not None
    with access(request).read() as store:
        timeline = analysis.dyad_timeline(
            store, f.source, f.target, freq, f.directed, f.narrowed(store, "source", "target")
        )
    return {
        "source": actor_out(timeline.source),
        "target": actor_out(timeline.target),
        "directed": timeline.directed,
        "freq": freq,
        "unit": timeline.unit,
        "periods": [p.as_dict() for p in timeline.periods],
    }


@router.get("/timelines/actor", response_model=TimelineOut, tags=["timelines"])
@in_a_thread
def actor_timeline(request: Request, f: Filtered, freq: Freq = "month") -> dict[str, Any]:
    """Events per period with ``actor`` on either side (all events of the filters without it)."""
    with access(request).read() as store:
        timeline = analysis.event_timeline(store, f.actor, freq, f.narrowed(store, "actor"))
    return {
        "actor": None if timeline.actor is None else actor_out(timeline.actor),
        "freq": freq,
        "unit": timeline.unit,
        "periods": [p.as_dict() for p in timeline.periods],
    }


def actor_out(spec: analysis.ActorSpec) -> ActorOut:
    return ActorOut(text=spec.text, kind=spec.kind, value=spec.value, name=actor_name(spec.value))


@router.get("/network", response_model=analysis.NetworkView, tags=["network"])
@in_a_thread
def network(
    request: Request,
    f: Filtered,
    top: Annotated[int, Query(ge=2, le=300, description="How many actors (most events first).")] = 40,
    links: Annotated[int, Query(ge=1, le=2000, description="How many links (busiest first).")] = 150,
    min_events: Annotated[int, Query(ge=1, le=100_000, description="Leave out rarer links.")] = 1,
) -> analysis.NetworkView:
    """The actor network laid out for drawing, with cooperation and conflict per link, and its blocs."""
    with access(request).read() as store:
        return analysis.network_view(store, f.narrowed(store), top, links, min_events)


@router.get("/network/blocs", response_model=list[analysis.Bloc], tags=["network"])
@in_a_thread
def blocs(
    request: Request, f: Filtered, min_events: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> list[analysis.Bloc]:
    """Groups of actors that cooperate more among themselves than with others (Louvain communities)."""
    with access(request).read() as store:
        return analysis.blocs(store, f.narrowed(store), min_events)


@router.get("/alerts", response_model=list[AlertOut], tags=["alerts"])
@in_a_thread
def alerts(
    request: Request,
    f: Filtered,
    as_of: Annotated[dt.date | None, Query(description="Last day of the week to look at (default: latest).")] = None,
    threshold: Annotated[float, Query(ge=0.5, le=20, description="Standard deviations from the baseline.")] = 2.0,
    min_events: Annotated[int, Query(ge=1, le=100_000, description="Smallest change reported.")] = 3,
) -> list[dict[str, Any]]:
    """What changed: this week against the four weeks before, per actor and per dyad."""
    with access(request).read() as store:
        return [a.as_dict() for a in analysis.alerts(store, as_of, threshold, min_events, f.narrowed(store))]


@router.get("/map", response_model=list[analysis.MapPoint], tags=["places"])
@in_a_thread
def map_points(
    request: Request, f: Filtered, limit: Annotated[int, Query(ge=1, le=20_000)] = 2000
) -> list[analysis.MapPoint]:
    """Places where events happened, with counts of cooperation and conflict (most events first)."""
    with access(request).read() as store:
        return analysis.map_points(store, f.scope(), f.query(), limit)


@router.get("/codes", tags=["codes"])
@in_a_thread
def codes() -> dict[str, Any]:
    """The CAMEO roots with their names and QuadClass, and the PLOVER event types (for filter menus)."""
    from ..events.taxonomy import load_taxonomy

    roots = [
        {"code": c, "name": e.name, "quad_class": e.quad_class}
        for c, e in sorted(load_taxonomy().codes.items())
        if len(c) == 2
    ]
    return {"roots": roots, "plover": list(analysis.PLOVER_EVENTS)}


@router.get("/meta", tags=["store"])
@in_a_thread
def meta(request: Request) -> dict[str, Any]:
    """The server: which store it shows, whether it accepts writes, and its version."""
    from ..version import __version__

    return {
        "store": request.app.state.config.store.name,
        "writable": request.app.state.config.write_token is not None,
        "version": __version__,
    }
