"""``thucydides watch``: code news as it arrives into the store, each article once, across restarts.

Two kinds of source:

- :class:`DirectorySource`: files dropped into a directory (anything ``code`` reads).
  A file is read when it is new or has changed, once nobody has written to it for
  ``settle`` seconds (to drop a file at once, write it under a hidden name and rename it);
- :class:`FeedSource`: an RSS or Atom feed, fetched with its last ETag.

A :class:`Watcher` polls its sources, codes what they hold that is not yet known,
stores it batch by batch and keeps a :class:`~thucydides.scale.checkpoint.Checkpoint`,
whose protocol makes a ``kill -9`` at any moment lose and repeat nothing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..errors import ThucydidesError
from ..jobs import Stored, Summary, Watched
from ..models import Article, CodedArticle, Rejection
from ..parallel import batches, code_items
from ..pipeline import Pipeline, PipelineConfig
from ..store import content_hash
from .checkpoint import Checkpoint
from .feeds import entry_articles, fetch, parse_feed
from .inputs import input_files, stream_local

if TYPE_CHECKING:
    from ..store import Store

Item = Article | Rejection
Result = CodedArticle | Rejection


@dataclass
class Arrival:
    """Items that arrived together (one file, one fetch of a feed), and what to record once they are stored."""

    items: Iterable[Item]
    done: Callable[[], None]


class Source(Protocol):
    def arrivals(self, checkpoint: Checkpoint) -> Iterator[Arrival]: ...


@dataclass
class DirectorySource:
    """New and changed files under ``directory`` (recursively; hidden files are ignored)."""

    directory: Path
    date: dt.date | None = None
    settle: float = 1.0
    settling: list[str] = field(default_factory=list)  # new files of the last poll left for the next: still written

    def arrivals(self, checkpoint: Checkpoint) -> Iterator[Arrival]:
        now = dt.datetime.now().timestamp()
        self.settling = []
        for name in input_files([str(self.directory)]):
            try:
                stat = os.stat(name)
            except OSError:
                continue
            if not checkpoint.file_changed(name, stat.st_size, stat.st_mtime_ns):
                continue
            if now - stat.st_mtime < self.settle:
                self.settling.append(name)
                continue
            items = (item for item, _used in stream_local(Path(name), self.date))
            yield Arrival(items, partial(checkpoint.file_read, name, stat.st_size, stat.st_mtime_ns))


@dataclass
class FeedSource:
    """The entries of an RSS or Atom feed (a URL, or a local file) whose links are not yet known."""

    location: str
    fetch_pages: bool = True

    def arrivals(self, checkpoint: Checkpoint) -> Iterator[Arrival]:
        etag, modified = checkpoint.feed_state(self.location)
        fetched = fetch(self.location, etag, modified)
        if fetched.body is None:
            return
        parsed = parse_feed(fetched.body, self.location)
        entries = entry_articles(parsed, self.location, checkpoint.known_url, self.fetch_pages)
        items = (self._remember_empty(checkpoint, item) for item in entries)
        yield Arrival(items, partial(checkpoint.feed_read, self.location, fetched.etag, fetched.modified))

    @staticmethod
    def _remember_empty(checkpoint: Checkpoint, item: Item) -> Item:
        """An entry without text is reported once, not at every poll."""
        if isinstance(item, Rejection):
            checkpoint.add_done(content_hash(item.origin + item.code), item.origin)
        return item


class _Arrivals:
    """The fresh items of a stream of arrivals, each recorded as pending, and each arrival's ``done`` run
    once all its items are stored (results come back in input order, so a count tells)."""

    def __init__(self, arrivals: Iterable[Arrival], checkpoint: Checkpoint, summary: Watched) -> None:
        self._arrivals = arrivals
        self._checkpoint = checkpoint
        self._summary = summary
        self._count = 0
        self._callbacks: deque[tuple[int, Callable[[], None]]] = deque()

    def items(self) -> Iterator[Item]:
        for arrival in self._arrivals:
            for item in arrival.items:
                if isinstance(item, Article):
                    digest = content_hash(item.text)
                    if self._checkpoint.known(digest, item.url):
                        self._summary.known += 1
                        continue
                    self._checkpoint.add_pending(digest, item.url)
                self._count += 1
                yield item
            self._callbacks.append((self._count, arrival.done))

    def stored(self, count: int | None = None) -> None:
        """Run the ``done`` of every arrival whose items are all stored (all of them when ``count`` is None)."""
        while self._callbacks and (count is None or self._callbacks[0][0] <= count):
            self._callbacks.popleft()[1]()


class Watcher:
    """Polls sources and stores what is new; one writer of ``store``, keeping ``checkpoint``."""

    def __init__(
        self,
        store: Store,
        checkpoint: Checkpoint,
        sources: Sequence[Source],
        config: PipelineConfig | None = None,
        workers: int = 1,
        batch: int = 16,
        on_reject: Callable[[Rejection], None] | None = None,
        on_error: Callable[[ThucydidesError], None] | None = None,
    ) -> None:
        self.store = store
        self.checkpoint = checkpoint
        self.sources = list(sources)
        self.config = config or PipelineConfig()
        self.workers = workers
        self.batch = batch
        self.on_reject = on_reject
        self.on_error = on_error
        self.watched = Watched()
        self.summary = Summary(stored=Stored(), watched=self.watched)
        self._pipeline: Pipeline | None = None

    def recover(self) -> None:
        """Settle what a crash left pending: stored articles become done, the rest are read again."""
        found, lost = self.checkpoint.recover(self._stored)
        self.watched.recovered += found
        self.watched.forgotten += lost

    def _stored(self, digests: list[str]) -> set[str]:
        sql = "SELECT article_key FROM articles WHERE article_key IN (SELECT unnest(?))"
        return {row["article_key"] for row in self.store.rows(sql, [digests])}

    def run(self, once: bool = False, interval: float = 60.0, stop: threading.Event | None = None) -> Summary:
        """Recover, then poll every ``interval`` seconds until ``stop`` is set (or once, with ``once``)."""
        stop = stop or threading.Event()
        self.recover()
        while not stop.is_set():
            self.poll(stop)
            if once:
                break
            stop.wait(interval)
        return self.summary

    def poll(self, stop: threading.Event | None = None) -> None:
        """Code and store everything new in the sources, batch by batch."""
        self.watched.polls += 1
        arrivals = _Arrivals(self._arrivals(), self.checkpoint, self.watched)
        items = arrivals.items()
        first = next(items, None)
        if first is not None:
            pipeline = self._loaded() if self.workers <= 1 else None
            stream = itertools.chain([first], items)
            results = code_items(stream, self.config, self.workers, batch=self.batch, pipeline=pipeline)
            stored = 0
            for chunk in batches(results, self.batch):
                self._store(chunk)
                stored += len(chunk)
                arrivals.stored(stored)
                if stop is not None and stop.is_set():
                    return
        arrivals.stored()
        self.watched.settling = [n for s in self.sources if isinstance(s, DirectorySource) for n in s.settling]

    def _store(self, chunk: list[Result]) -> None:
        from ..store import ingest

        self.checkpoint.commit()  # pending before stored: see checkpoint.py
        ingest(self.store, chunk, batch=len(chunk), on_reject=self.on_reject, summary=self.summary)
        self.checkpoint.finish(content_hash(r.article.text) for r in chunk if isinstance(r, CodedArticle))

    def _arrivals(self) -> Iterator[Arrival]:
        for source in self.sources:
            try:
                yield from source.arrivals(self.checkpoint)
            except ThucydidesError as err:
                self.summary.errors.append(str(err))
                if self.on_error is not None:
                    self.on_error(err)

    def _loaded(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline.load(self.config)
        return self._pipeline
