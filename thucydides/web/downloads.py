"""Downloads: every dashboard view's rows as CSV or JSON, with the same filters as the page.

``/download/events.csv?actor=JPN&quad=4`` gives the events the Events page lists
for those filters (all of them, not one page); ``.json`` the same rows as a JSON
array. Nested fields are flattened for CSV (``source_code``, ``trigger_text``);
lists are joined with ``;``. The read-only SQL page downloads its result the same way.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import math
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from .. import analysis
from ..store import Store
from .access import access
from .params import Filters, filters
from .problems import BadParameter
from .sql import DEFAULT_ROWS, MAX_ROWS, run_query

MAX_EVENTS = 100_000
router = APIRouter(include_in_schema=False)
Filtered = Annotated[Filters, Depends(filters)]
Rows = Callable[[Store, Filters, Request], list[Any]]


def _int(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(name, "give a whole number") from None
    if not low <= value <= high:
        raise BadParameter(name, f"give a number from {low} to {high}")
    return value


def _freq(request: Request) -> str:
    freq = request.query_params.get("freq", "month")
    if freq not in ("day", "week", "month", "year"):
        raise BadParameter("freq", "choose day, week, month or year")
    return freq


def _events(store: Store, f: Filters, request: Request) -> list[Any]:
    sort = request.query_params.get("sort", "newest")
    return list(analysis.find_events(store, f.query(), f.scope(), MAX_EVENTS, 0, sort).events)


def _dyad(store: Store, f: Filters, request: Request) -> list[Any]:
    if f.source and f.target:
        return analysis.dyad_timeline(store, f.source, f.target, _freq(request), f.directed, f.scope()).periods
    return analysis.top_dyads(store, 500, f.directed, f.scope())


def _actor(store: Store, f: Filters, request: Request) -> list[Any]:
    return _events(store, f, request) if f.actor else analysis.list_actors(store, None, 1000, f.scope())


VIEWS: dict[str, Rows] = {
    "overview": lambda store, f, r: analysis.event_timeline(store, f.actor, _freq(r), f.scope()).periods,
    "events": _events,
    "dyad": _dyad,
    "actors": lambda store, f, r: analysis.list_actors(store, r.query_params.get("search"), 1000, f.scope()),
    "actor": _actor,
    "network": lambda store, f, r: (
        analysis.network_view(store, f.scope(), _int(r, "top", 40, 2, 300), _int(r, "links", 150, 1, 2000)).links
    ),
    "map": lambda store, f, r: analysis.map_points(store, f.scope(), f.query(), _int(r, "limit", 2000, 1, 20_000)),
    "alerts": lambda store, f, r: analysis.alerts(store, None, 2.0, _int(r, "min_events", 3, 1, 100_000), f.scope()),
}


def plain(value: Any) -> Any:
    """A row as JSON-ready values: dataclasses as dicts, dates as ISO strings; NaN and infinities (which JSON has
    not) as null, bytes (a SQL BLOB) as text with undecodable bytes written \\xff."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "as_dict"):
        return plain(value.as_dict())
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", "backslashreplace")
    return value


def flat(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A nested row as CSV columns: ``{"source": {"code": "JPN"}}`` → ``{"source_code": "JPN"}``."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flat(value, f"{name}_"))
        elif isinstance(value, list):
            simple = all(not isinstance(v, dict | list) for v in value)
            out[name] = ";".join("" if v is None else str(v) for v in value) if simple else json.dumps(value)
        else:
            out[name] = value
    return out


def as_csv(rows: list[dict[str, Any]]) -> str:
    flattened = [flat(r) for r in rows]
    columns: list[str] = []
    for r in flattened:
        columns.extend(k for k in r if k not in columns)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flattened)
    return buffer.getvalue()


def respond(rows: list[dict[str, Any]], fmt: str, name: str) -> Response:
    if fmt == "csv":
        body, media = as_csv(rows), "text/csv; charset=utf-8"
    else:
        body, media = json.dumps(rows, ensure_ascii=False, default=str), "application/json"
    disposition = f'attachment; filename="thucydides-{name}.{fmt}"'
    return Response(body, media_type=media, headers={"Content-Disposition": disposition})


@router.get("/download/{view}.{fmt}", summary="A view's rows as CSV or JSON")
def download(
    request: Request,
    f: Filtered,
    view: Annotated[str, Path(pattern="^(overview|events|dyad|actors|actor|network|map|alerts|sql)$")],
    fmt: Annotated[str, Path(pattern="^(csv|json)$")],
    sql: Annotated[str | None, Query(max_length=10_000, description="For view sql: the SELECT.")] = None,
    rows: Annotated[int, Query(ge=1, le=MAX_ROWS, description="For view sql: the most rows.")] = DEFAULT_ROWS,
) -> Response:
    """The rows of a dashboard view (events, dyads, actors, network links, map places, alerts, or a SQL result)
    for the same filters and options as the page, as CSV or JSON."""
    if view == "sql":
        if not sql:
            raise BadParameter("sql", "give the SELECT to run")
        result = run_query(request.app.state.config.store, sql, rows)
        return respond(plain(result.records()), fmt, view)
    with access(request).read() as store:
        found = VIEWS[view](store, f, request)
    return respond(plain(list(found)), fmt, view)
