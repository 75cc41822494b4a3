"""How the server reaches the store: many readers at once, or one writer alone.

Readers share one read-only connection to the file, each request with a cursor of
its own (:class:`SharedReader`): opening the file for every request cost about 80 ms
of CPU, and DuckDB dropped what it had read whenever the last connection closed. The
connection stays open while requests come, and closes :data:`LINGER` seconds after
the last one, or as soon as no request is being answered and a writer in another
process holds the store's lock file (docs/store.md: an ``ingest`` opens the file for
each batch; while the server holds it read-only, the writer waits and retries).
Inside the server, a request that writes (POST /api/articles) waits for the readers
of this process to finish, closes the shared connection and keeps new readers out
until it has committed, since DuckDB does not let one process hold a file read-only
and read-write at once.
"""

from __future__ import annotations

import atexit
import contextlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import duckdb
from fastapi import Path as PathParameter
from fastapi import Request

from ..errors import Errors, StoreError
from ..store import Store
from ..store.locking import connect, writer_waiting
from ..store.store import Version, file_version

LINGER = 2.0  # seconds the shared connection stays open after the last request, while no writer waits
POLL = 0.05  # seconds between two looks at the lock file while the connection lingers

EventId = Annotated[str, PathParameter(pattern=r"^\d{1,19}$", description="The event's id (GlobalEventID).")]


class ReadWriteLock:
    """Shared for readers, exclusive for a writer; a waiting writer goes before new readers."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._waiting = 0

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and not self._waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._waiting += 1
            self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            self._waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class SharedReader:
    """One read-only connection to the store at ``path`` for the whole process, lent out as cursors.

    The first reader opens it (checking the store's schema version, as :meth:`Store.open` does);
    a closer thread shuts it once no reader has used it for ``linger`` seconds, or sooner when
    a writer waits (:func:`writer_waiting`). :meth:`close` shuts it at once; the caller
    makes sure nobody is reading.
    """

    def __init__(self, path: Path, timeout: float, linger: float = LINGER) -> None:
        self.path = path
        self.timeout = timeout
        self.linger = linger
        self.opened = 0  # how many times the file was opened (for tests and figures)
        self._cond = threading.Condition()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._idle_since = 0.0
        self._closer: threading.Thread | None = None
        self._at_exit = False

    @property
    def is_open(self) -> bool:
        return self._con is not None

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the shared connection (opened first if closed) for the ``with`` block."""
        with self._cond:
            if self._con is None:
                self._con = self._open()
            self._users += 1
            con = self._con
        try:
            cursor = con.cursor()
            try:
                yield cursor
            finally:
                cursor.close()
        finally:
            with self._cond:
                self._users -= 1
                if self._users == 0:
                    self._idle_since = time.monotonic()
                    self._watch()

    def _open(self) -> duckdb.DuckDBPyConnection:
        if not self.path.exists():
            raise StoreError(Errors.E414, path=self.path)
        con = connect(self.path, True, self.timeout)
        try:
            Store.borrowing(con, self.path)._prepare()  # E416: a store of another schema version
        except BaseException:
            con.close()
            raise
        self.opened += 1
        return con

    def _watch(self) -> None:
        if self._closer is None:
            if not self._at_exit:
                atexit.register(self.close)  # not left to a closer thread stopped half-way at exit
                self._at_exit = True
            self._closer = threading.Thread(target=self._close_when_idle, name="store-closer", daemon=True)
            self._closer.start()

    def _close_when_idle(self) -> None:
        with self._cond:
            while self._con is not None:
                idle = self._users == 0
                if idle and (time.monotonic() - self._idle_since >= self.linger or writer_waiting(self.path)):
                    self._shut()
                    break
                self._cond.wait(POLL)
            self._closer = None

    def close(self) -> None:
        """Close the connection now (the caller keeps readers out)."""
        with self._cond:
            self._shut()

    def _shut(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None


class StoreAccess:
    """The store at ``path`` for one request at a time: :meth:`read` (shared) or :meth:`write` (alone)."""

    def __init__(self, path: Path, timeout: float = 30.0, linger: float = LINGER) -> None:
        self.path = path
        self.timeout = timeout
        self._lock = ReadWriteLock()
        self.reader = SharedReader(path, timeout, linger)

    @contextlib.contextmanager
    def read(self) -> Iterator[Store]:
        """The store read-only, through a cursor of the shared connection for the whole block."""
        with self._lock.shared(), self.reader.cursor() as cursor:
            store = Store.borrowing(cursor, self.path)
            with store.reading():
                yield store

    @contextlib.contextmanager
    def write(self) -> Iterator[Store]:
        """The store opened as its one writer (E411 when another process writes to it)."""
        with self._lock.exclusive():
            self.reader.close()
            with Store.open(self.path, timeout=self.timeout) as store:
                yield store

    def version(self) -> Version:
        """What changes whenever the store does: DuckDB rewrites the file, or its write-ahead log, at each commit."""
        return file_version(self.path)

    def check(self) -> None:
        """Open the store once, so that a missing or foreign file is reported before the server starts."""
        with self.read():
            pass


def access(request: Request) -> StoreAccess:
    """The application's way to the store (a FastAPI dependency)."""
    store: StoreAccess = request.app.state.access
    return store
