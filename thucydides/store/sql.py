"""Small helpers for running SQL on a DuckDB connection, shared by the store's modules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb


def first_value(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> Any:
    """The first column of the first row of a query (None when it has no rows); the result is consumed."""
    rows = con.execute(sql, list(params)).fetchall()
    return rows[0][0] if rows else None
