"""The event store: one DuckDB file (or memory) holding articles, mentions and deduplicated events.

    with Store.open("thucydides.duckdb") as store:
        summary = store.ingest(coded_articles)
    with Store.open("thucydides.duckdb", read_only=True) as store:
        rows = store.rows("SELECT EventRootCode, count(*) AS n FROM events GROUP BY ALL")

``Store.open(":memory:")`` gives a store in memory (for tests and notebooks). How one
writer and many readers share a file is explained in :mod:`thucydides.store.locking`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

from ..errors import Errors, StoreError
from ..models import CodedArticle, Rejection
from .locking import WriterLock, connect
from .order import needs_order, order_events
from .schema import DDL, SCHEMA_VERSION
from .sql import first_value

if TYPE_CHECKING:
    from ..jobs import Summary

DEFAULT_PATH = "thucydides.duckdb"
MEMORY = ":memory:"
# (inode, size, modification time) of the store file and of its write-ahead log; None: no such file
Version = tuple[tuple[int, int, int] | None, ...]


class Store:
    """A handle on the store. Open it with :meth:`Store.open`; close it (or use ``with``) when done."""

    def __init__(self, path: Path | None, read_only: bool, timeout: float) -> None:
        self.path = path
        self.read_only = read_only
        self.timeout = timeout
        self._lock: WriterLock | None = None
        self._conn: duckdb.DuckDBPyConnection | None = None
        self._depth = 0
        self._borrowed = False  # the connection belongs to someone else, who closes it

    @classmethod
    def borrowing(cls, con: duckdb.DuckDBPyConnection, path: Path) -> Store:
        """A read-only store over the file at ``path`` through ``con``, which its owner keeps open and closes.

        For a server that holds one connection for many requests (:mod:`thucydides.web.access`):
        each request borrows a cursor of it instead of opening the file again.
        """
        store = cls(path, True, 0.0)
        store._conn = con
        store._borrowed = True
        return store

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, read_only: bool = False, timeout: float = 30.0) -> Store:
        """Open (creating it when writable) the store at ``path``, or in memory for ``":memory:"``.

        A writable store takes the writer lock at once: a second writer gets E411.
        ``timeout`` is how long to wait for the file while another process commits.
        """
        if str(path) == MEMORY:
            store = cls(None, False, timeout)
            store._conn = duckdb.connect(MEMORY)
        else:
            store = cls(Path(path), read_only, timeout)
            store._claim()
        try:
            store._prepare()
        except BaseException:
            store.close()
            raise
        return store

    def _claim(self) -> None:
        assert self.path is not None
        if self.read_only and not self.path.exists():
            raise StoreError(Errors.E414, path=self.path)
        if not self.read_only:
            self._lock = WriterLock(self.path)
            self._lock.acquire(self.path)

    def _prepare(self) -> None:
        if self.read_only:
            with self.reading() as con:
                self._check_version(con)
            return
        with self.writing() as con:
            for statement in DDL:
                con.execute(statement)
            con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            self._check_version(con)
        self.keep_ordered()  # a store made before the events were ordered is ordered now

    def _check_version(self, con: duckdb.DuckDBPyConnection) -> None:
        try:
            found = first_value(con, "SELECT value FROM meta WHERE key = 'schema_version'") or "none"
        except duckdb.CatalogException:
            found = "none"
        if found != str(SCHEMA_VERSION):
            raise StoreError(Errors.E416, path=self.path, found=found, expected=SCHEMA_VERSION)

    def close(self) -> None:
        if self._borrowed:
            self._conn = None
        if self._conn is not None and self.path is None:
            self._conn.close()
            self._conn = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "writer"
        return f"Store({str(self.path or MEMORY)!r}, {mode})"

    # -- connections ----------------------------------------------------------
    @contextlib.contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for queries, open for the ``with`` block (nested blocks share it)."""
        with self._connection() as con:
            yield con

    @contextlib.contextmanager
    def writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection inside one transaction, committed at the end of the block (rolled back on error)."""
        if self.read_only:
            raise StoreError(Errors.E415, path=self.path)
        with self._connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    @contextlib.contextmanager
    def _connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._conn is None:
            if self.path is None:
                raise StoreError(Errors.E412, path=MEMORY, detail="the store has been closed")
            self._conn = connect(self.path, self.read_only, self.timeout)
        self._depth += 1
        try:
            yield self._conn
        finally:
            self._depth -= 1
            if self._depth == 0 and self.path is not None and not self._borrowed:
                self._conn.close()
                self._conn = None

    def version(self) -> Version | None:
        """What changes whenever the store does (DuckDB rewrites the file, or its write-ahead log, at each commit).

        None for a store in memory: it has no file to watch, so nothing may be kept for it.
        """
        return None if self.path is None else file_version(self.path)

    # -- queries --------------------------------------------------------------
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run one query (parameters as ``?``) and return its rows as dicts."""
        with self.reading() as con:
            result = con.execute(sql, list(params))
            names = [d[0] for d in result.description or []]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one query and return its rows as tuples: lighter than :meth:`rows` for answers of many rows."""
        with self.reading() as con:
            return con.execute(sql, list(params)).fetchall()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self.reading() as con:
            return first_value(con, sql, params)

    def counts(self) -> dict[str, int]:
        """How many articles, mentions and deduplicated events the store holds."""
        with self.reading() as con:
            return {
                table: int(first_value(con, f"SELECT count(*) FROM {table}"))
                for table in ("articles", "mentions", "events")
            }

    # -- writing --------------------------------------------------------------
    def ingest(self, results: Iterable[CodedArticle | Rejection], progress: bool = False, batch: int = 64) -> Summary:
        """Store coded articles, ``batch`` articles per transaction; see :func:`thucydides.store.ingest.ingest`."""
        from .ingest import ingest

        return ingest(self, results, progress=progress, batch=batch)

    def keep_ordered(self, min_tail: int | None = None) -> bool:
        """Rewrite the events in the order of their actors if enough were appended since the last time.

        Whether it was rewritten; see :mod:`thucydides.store.order` (``min_tail``: rows appended, a row group
        unless given). Ingest and import call it when done, and opening a store for writing.
        """
        with self.writing() as con:
            if not needs_order(con, min_tail):
                return False
            order_events(con)
        return True

    def import_gdelt(self, paths: Iterable[str | Path]) -> Summary:
        """Import GDELT 2.0 event files; see :func:`thucydides.store.gdelt.import_gdelt`."""
        from .gdelt import import_gdelt

        return import_gdelt(self, paths)


def file_version(path: Path) -> Version:
    """What changes whenever a store file does: the file's and its write-ahead log's identity, size and time."""
    return tuple(_stat(p) for p in (path, path.with_name(path.name + ".wal")))


def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)
