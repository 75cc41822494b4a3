"""One writer, many readers, on a DuckDB file.

DuckDB lets one process hold a database file read-write, and while it does no other
process may open it at all, not even read-only. thucydides therefore never keeps the
file open for long:

- a **writer** holds an advisory lock on ``<store>.lock`` for as long as its ``Store``
  is open (so a second writer fails at once with E411), but opens the DuckDB file only
  for each short write transaction (one batch of articles) and closes it after the commit;
- a **reader** opens the file read-only for one query (or one group of queries) and
  closes it; when the writer is committing at that moment, it waits and retries.
  The web server is the one reader that keeps the file open across queries; it lets
  go as soon as it is idle and :func:`writer_waiting` says a writer is there.

So readers query while an ingest runs, and see every batch committed so far.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import IO

import duckdb

from ..errors import Errors, StoreError

RETRY_SECONDS = 0.02


class WriterLock:
    """An exclusive advisory lock on ``<store>.lock`` held by the one writer of a store."""

    def __init__(self, store_path: Path) -> None:
        self.path = store_path.with_name(store_path.name + ".lock")
        self._handle: IO[str] | None = None

    def acquire(self, store_path: Path) -> None:
        import fcntl

        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held until release)
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise StoreError(Errors.E411, path=store_path, holder=holder) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.truncate(0)  # an empty lock file: no writer (see :func:`writer_waiting`)
            self._handle.close()  # closing the file releases the lock
            self._handle = None


def writer_waiting(store_path: Path) -> bool:
    """Whether a writer holds the store's lock file, or left it behind without releasing it (a crash).

    A writer writes its pid into ``<store>.lock`` when it takes the lock and empties the file when it
    lets go, so this only reads the file's size: it never takes the lock, which a writer could then
    find taken (E411). A file left full by a crash reads as a waiting writer until the next writer empties it.
    """
    try:
        return store_path.with_name(store_path.name + ".lock").stat().st_size > 0
    except FileNotFoundError:
        return False


def connect(path: Path, read_only: bool, timeout: float) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file, retrying while another process holds it (up to ``timeout`` seconds)."""
    deadline = time.monotonic() + timeout
    delay = RETRY_SECONDS
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as err:
            # another process holds the file, or this one does in the other mode (a server's readers)
            if not _held(err):
                raise StoreError(Errors.E412, path=path, detail=_first_line(err)) from None
            if time.monotonic() + delay > deadline:
                raise StoreError(Errors.E413, path=path, seconds=timeout) from None
        except duckdb.Error as err:
            raise StoreError(Errors.E412, path=path, detail=_first_line(err)) from None
        time.sleep(delay)
        delay = min(delay * 2, 0.25)


def _held(err: Exception) -> bool:
    text = str(err).lower()
    return "lock" in text or "different configuration" in text


def _first_line(err: Exception) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__
