"""The read-only SQL page (``/sql``) and its API (``GET /api/sql``): a SELECT over the store's tables."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..errors import ThucydidesError
from .downloads import plain
from .sql import DEFAULT_ROWS, EXAMPLE, MAX_ROWS, TIMEOUT, QueryResult, run_query
from .threads import in_a_thread

router = APIRouter()
Sql = Annotated[str, Query(max_length=10_000, description="One SELECT statement over the store's tables.")]
RowLimit = Annotated[int, Query(ge=1, le=MAX_ROWS, description="The most rows to return.")]


@router.get("/api/sql", tags=["sql"])
@in_a_thread
def api_sql(request: Request, sql: Sql, rows: RowLimit = DEFAULT_ROWS) -> dict[str, Any]:
    """Run one read-only SELECT over the store (tables events, mentions, articles; view one_a_day).

    Anything but a single SELECT is refused (E480); files, extensions and writes are out of reach;
    a query stops after the time limit (E482)."""
    try:
        result = run_query(request.app.state.config.store, sql, rows)
    except ThucydidesError as err:
        err.parameter = "sql"  # type: ignore[attr-defined]  # the answer names the parameter at fault
        raise
    return {
        "columns": result.columns,
        "rows": plain(result.rows),
        "truncated": result.truncated,
        "seconds": round(result.seconds, 3),
    }


@router.get("/sql", include_in_schema=False, response_class=HTMLResponse)
def sql_page(request: Request, sql: Sql = "", rows: RowLimit = DEFAULT_ROWS) -> Response:
    from .pages import render

    result: QueryResult | None = None
    problem: ThucydidesError | None = None
    if sql.strip():
        try:
            result = run_query(request.app.state.config.store, sql, rows)
        except ThucydidesError as err:
            problem = err
    return render(
        request,
        "sql.html",
        None,
        status=400 if problem else 200,
        sql=sql or EXAMPLE,
        rows=rows,
        result=result,
        problem=problem,
        timeout=TIMEOUT,
        max_rows=MAX_ROWS,
    )
