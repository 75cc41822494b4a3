"""How the server reaches the store: many readers at once, or one writer alone.

Readers open the file read-only for one request and close it (docs/store.md: a
writer in another process may be committing; reads then wait and retry). Inside the
server, a request that writes (POST /api/articles) waits for the readers of this
process to finish and keeps new ones out until it has committed, since DuckDB does
not let one process hold a file read-only and read-write at once.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Path as PathParameter
from fastapi import Request

from ..store import Store
from ..store.store import Version, file_version

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


class StoreAccess:
    """Opens the store at ``path`` for one request at a time: :meth:`read` or :meth:`write`."""

    def __init__(self, path: Path, timeout: float = 30.0) -> None:
        self.path = path
        self.timeout = timeout
        self._lock = ReadWriteLock()

    @contextlib.contextmanager
    def read(self) -> Iterator[Store]:
        """The store opened read-only, with one connection for the whole block."""
        with (
            self._lock.shared(),
            Store.open(self.path, read_only=True, timeout=self.timeout) as store,
            store.reading(),
        ):
            yield store

    @contextlib.contextmanager
    def write(self) -> Iterator[Store]:
        """The store opened as its one writer (E411 when another process writes to it)."""
        with self._lock.exclusive(), Store.open(self.path, timeout=self.timeout) as store:
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
