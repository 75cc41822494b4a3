"""What ``watch`` has already stored, kept in a small SQLite file beside the store.

An article is known by its URL (when it has one) and by its content hash (SHA-256 of
its text, the store's own article key), so a story is stored once even when its page
changes after it was read, or when the same text arrives twice under two names.

Writes follow a protocol that makes ``kill -9`` harmless at any moment:

1. the articles about to be coded are recorded as *pending*, and committed before
   the store commits them;
2. the store stores them (one transaction per batch);
3. they are recorded as *done*.

On start, :meth:`Checkpoint.recover` asks the store which pending articles it holds:
those become done, the others are forgotten and read again. Nothing is lost (an
article is forgotten only when the store lacks it) and nothing is repeated (an
article the store holds is never coded again).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType

from ..errors import Errors, ThucydidesError

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS articles (hash TEXT PRIMARY KEY, url TEXT, state TEXT NOT NULL, at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS articles_url ON articles (url)",
    "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, modified TEXT)",
)
PENDING = "pending"
DONE = "done"


def default_path(store_path: str | Path) -> Path:
    """``events.duckdb`` → ``events.duckdb.watch``."""
    path = Path(store_path)
    return path.with_name(path.name + ".watch")


class Checkpoint:
    """The SQLite checkpoint of one store. Open with :meth:`open`; close (or use ``with``) when done."""

    def __init__(self, path: Path, con: sqlite3.Connection) -> None:
        self.path = path
        self._con = con

    @classmethod
    def open(cls, path: str | Path) -> Checkpoint:
        try:
            con = sqlite3.connect(str(path))
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=FULL")
            for statement in SCHEMA:
                con.execute(statement)
            con.commit()
        except sqlite3.DatabaseError as err:
            raise ThucydidesError(Errors.E505, path=path, detail=str(err)) from None
        return cls(Path(path), con)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Checkpoint:
        return self

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # -- articles ---------------------------------------------------------------
    def known(self, digest: str, url: str | None = None) -> bool:
        """Whether an article with this content hash, or from this URL, was stored (or is being stored)."""
        row = self._con.execute(
            "SELECT 1 FROM articles WHERE hash = ? OR (url IS NOT NULL AND url = ?) LIMIT 1", (digest, url)
        ).fetchone()
        return row is not None

    def known_url(self, url: str) -> bool:
        return self._con.execute("SELECT 1 FROM articles WHERE url = ? LIMIT 1", (url,)).fetchone() is not None

    def add_pending(self, digest: str, url: str | None) -> None:
        """Record an article about to be coded; durable at the next :meth:`commit`."""
        self._con.execute("INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?)", (digest, url or None, PENDING, _now()))

    def add_done(self, digest: str, url: str | None) -> None:
        """Record an article that needs no coding (e.g. a feed entry without text), committed at once."""
        self._con.execute("INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?)", (digest, url or None, DONE, _now()))
        self._con.commit()

    def commit(self) -> None:
        self._con.commit()

    def finish(self, digests: Iterable[str]) -> None:
        """Mark articles as stored, and commit."""
        self._con.executemany("UPDATE articles SET state = ? WHERE hash = ?", [(DONE, d) for d in digests])
        self._con.commit()

    def pending(self) -> list[str]:
        return [row[0] for row in self._con.execute("SELECT hash FROM articles WHERE state = ?", (PENDING,))]

    def recover(self, stored: Callable[[list[str]], set[str]]) -> tuple[int, int]:
        """Settle articles left pending by a crash: done when the store holds them, else forgotten.

        Returns (articles found stored, articles forgotten, to be read again).
        """
        pending = self.pending()
        held = stored(pending) if pending else set()
        self.finish(held)
        lost = [d for d in pending if d not in held]
        self._con.executemany("DELETE FROM articles WHERE hash = ? AND state = ?", [(d, PENDING) for d in lost])
        self._con.commit()
        return len(held), len(lost)

    def count(self) -> int:
        return int(self._con.execute("SELECT count(*) FROM articles WHERE state = ?", (DONE,)).fetchone()[0])

    # -- files and feeds --------------------------------------------------------
    def file_changed(self, path: str, size: int, mtime_ns: int) -> bool:
        row = self._con.execute("SELECT size, mtime_ns FROM files WHERE path = ?", (path,)).fetchone()
        return row is None or tuple(row) != (size, mtime_ns)

    def file_read(self, path: str, size: int, mtime_ns: int) -> None:
        self._con.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (path, size, mtime_ns))
        self._con.commit()

    def feed_state(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified of the last fetch of ``url``, to ask only for what changed."""
        row = self._con.execute("SELECT etag, modified FROM feeds WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def feed_read(self, url: str, etag: str | None, modified: str | None) -> None:
        self._con.execute("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?)", (url, etag, modified))
        self._con.commit()


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
