"""Read-only SQL over the store, for the dashboard's SQL page and ``GET /api/sql``.

Four locks, each enough for most mistakes and together for a hostile query:

1. only one statement, and it must be a ``SELECT`` (``WITH ... SELECT`` included):
   no ``INSERT``, ``COPY``, ``ATTACH``, ``INSTALL``, ``LOAD``, ``SET``, ``PRAGMA``, ``CALL``;
2. the store is attached ``READ_ONLY`` to a private in-memory database;
3. then file access is switched off (``enable_external_access = false``) and the
   configuration locked, so ``read_csv('/etc/passwd')``, ``glob``, ``COPY ... TO``,
   ``ATTACH`` and extensions fail even inside a ``SELECT``;
4. a time limit interrupts a query that runs too long, and at most ``limit`` rows come back.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ..errors import Errors, SettingsError, StoreError

MAX_ROWS = 10_000
DEFAULT_ROWS = 1_000
TIMEOUT = 10.0
EXAMPLE = (
    "SELECT EventRootCode, count(*) AS events, round(avg(GoldsteinScale), 2) AS goldstein\n"
    "FROM events GROUP BY EventRootCode ORDER BY events DESC"
)
_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "threads": 1,
    "memory_limit": "1GB",
}


@dataclass
class QueryResult:
    """The columns and rows of a query; ``truncated`` when more rows than the limit matched."""

    sql: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    truncated: bool = False
    seconds: float = 0.0

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def check_select(sql: str) -> None:
    """Refuse anything but one SELECT statement (E480), or SQL that does not parse (E481)."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as err:
        raise SettingsError(Errors.E481, detail=str(err).splitlines()[0]) from None
    if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
        kinds = ", ".join(s.type.name for s in statements) or "nothing"
        raise SettingsError(Errors.E480, found=kinds)


def connect(store: Path) -> duckdb.DuckDBPyConnection:
    """A private connection that sees the store read-only and nothing else on the disk."""
    con = duckdb.connect(":memory:", config=_CONFIG)
    try:
        con.execute("ATTACH ? AS store (READ_ONLY)", [str(store)])
    except duckdb.Error as err:
        con.close()
        raise StoreError(Errors.E412, path=store, detail=str(err).splitlines()[0]) from None
    con.execute("USE store")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def run_query(store: Path, sql: str, limit: int = DEFAULT_ROWS, timeout: float = TIMEOUT) -> QueryResult:
    """Run one read-only SELECT over the store; E480–E482 say what was refused or went wrong."""
    sql = sql.strip().rstrip(";").strip()
    check_select(sql)
    limit = max(1, min(limit, MAX_ROWS))
    con = connect(store)
    timer = threading.Timer(timeout, con.interrupt)
    started = time.perf_counter()
    timer.start()
    try:
        cursor = con.execute(sql)
        rows = cursor.fetchmany(limit + 1)
        columns = [d[0] for d in cursor.description or []]
    except duckdb.InterruptException:
        raise SettingsError(Errors.E482, seconds=timeout) from None
    except duckdb.Error as err:
        raise SettingsError(Errors.E481, detail=str(err).splitlines()[0]) from None
    finally:
        timer.cancel()
        con.close()
    return QueryResult(
        sql=sql,
        columns=columns,
        rows=[list(r) for r in rows[:limit]],
        truncated=len(rows) > limit,
        seconds=time.perf_counter() - started,
    )
