"""Ingest: store coded articles, one transaction per batch, idempotent by content hash.

Each batch of articles is written in one transaction (articles, their mentions, and
the deduplicated events they report), so a process killed at any moment leaves every
article either stored with all its events or not stored at all. An article whose text
is already in the store is counted as a duplicate and stores nothing. When the batches
are stored, the events table is put back in the order of its actors if enough new events
were appended (:mod:`thucydides.store.order`), in a transaction of its own.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from ..jobs import Engine, Summary
from ..models import Article, CodedArticle, Rejection
from ..progress import Consumed, Progress, missing_first
from .derive import INSERT_NEW_EVENTS, UPDATE_COUNTS
from .order import needs_order
from .rows import batch_rows, content_hash
from .sql import first_value

if TYPE_CHECKING:
    from ..pipeline import PipelineConfig
    from .store import Store

MAX_BATCH_EVENTS = 200_000


def ingest(
    store: Store,
    results: Iterable[CodedArticle | Rejection],
    progress: bool = False,
    batch: int = 64,
    on_reject: Callable[[Rejection], None] | None = None,
    summary: Summary | None = None,
    meter: tuple[Progress | None, Consumed] | None = None,
) -> Summary:
    """Store every coded article of ``results``; rejections are counted (and passed to ``on_reject``).

    With ``meter`` (a progress bar by bytes of input, and the bytes behind each result), the bar
    shows the total and the time left; without it, articles and their rate.
    """
    summary = summary or Summary.storing()
    summary.storing_part()  # a summary passed in counts what is stored from now on
    started = time.perf_counter() - summary.seconds
    pending: list[CodedArticle] = []
    events = 0
    due = False  # whether the events appended call for putting the table back in order
    with _progress_bar(progress and meter is None) as bar:
        for result in results:
            summary.read += 1
            bar.update(1)
            if meter is not None and meter[0] is not None:
                meter[0].advance(summary.read, meter[1].done())
            if isinstance(result, Rejection):
                summary.reject(result, on_reject)
                continue
            pending.append(result)
            events += len(result.events)
            if len(pending) >= batch or events >= MAX_BATCH_EVENTS:
                due = write_batch(store, pending, summary) or due
                pending, events = [], 0
        if pending:
            due = write_batch(store, pending, summary) or due
    if due:
        store.keep_ordered()  # its own transaction: the batches are stored whether or not it completes
    if meter is not None and meter[0] is not None:
        meter[0].close()
    summary.seconds = time.perf_counter() - started
    return summary


def write_batch(store: Store, batch: list[CodedArticle], summary: Summary) -> bool:
    """Store ``batch`` in one transaction, leaving out articles already stored (by content hash).

    Whether the events appended since the table was last ordered are now enough to order it again
    (:func:`thucydides.store.order.needs_order`, asked in the same transaction: it costs no opening of its own).
    """
    keyed = _unique([(content_hash(item.article.text), item) for item in batch])
    with store.writing() as con:
        known = _known(con, [key for key, _ in keyed])
        new = [(key, item) for key, item in keyed if key not in known]
        stored = summary.storing_part()
        stored.duplicate += len(batch) - len(new)
        if not new:
            return False
        rows = batch_rows(new, dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0))
        stored.new_events += _insert(con, rows.articles, rows.mentions)
        due = needs_order(con)
    summary.coded += len(new)
    stored.mentions += rows.mentions.num_rows
    stored.undated += sum(1 for _key, item in new for event in item.events if event.date is None)
    return due


def _unique(keyed: list[tuple[str, CodedArticle]]) -> list[tuple[str, CodedArticle]]:
    seen: dict[str, CodedArticle] = {}
    for key, item in keyed:
        seen.setdefault(key, item)
    return list(seen.items())


def _known(con: duckdb.DuckDBPyConnection, keys: list[str]) -> set[str]:
    rows = con.execute("SELECT article_key FROM articles WHERE article_key IN (SELECT unnest(?))", [keys]).fetchall()
    return {row[0] for row in rows}


def _insert(con: duckdb.DuckDBPyConnection, articles: pa.Table, mentions: pa.Table) -> int:
    before = _event_count(con)
    con.register("batch_articles", articles)
    con.register("batch_mentions", mentions)
    try:
        con.execute("INSERT INTO articles BY NAME SELECT * FROM batch_articles")
        con.execute("INSERT INTO mentions BY NAME SELECT nextval('mention_seq') AS mention_seq, * FROM batch_mentions")
        con.execute(INSERT_NEW_EVENTS)
        con.execute(UPDATE_COUNTS)
    finally:
        con.unregister("batch_articles")
        con.unregister("batch_mentions")
    return _event_count(con) - before


def _event_count(con: duckdb.DuckDBPyConnection) -> int:
    return int(first_value(con, "SELECT count(*) FROM events"))


def known_hashes(store: Store) -> set[str]:
    """Content hashes of every stored article."""
    with store.reading() as con:
        return {row[0] for row in con.execute("SELECT article_key FROM articles").fetchall()}


def ingest_paths(
    store: Store,
    paths: Iterable[str],
    date: dt.date | None = None,
    workers: int | None = None,
    config: PipelineConfig | None = None,
    progress: bool = False,
    on_reject: Callable[[Rejection], None] | None = None,
    batch: int = 64,
    engine: Engine | None = None,
) -> Summary:
    """Read, code and store the articles under ``paths`` (Parquet files of coded articles are stored as they are).

    Input is streamed. On this machine, articles already in the store are skipped before
    coding, so a re-run after a crash codes only the rest; on a Ray cluster (``engine``)
    everything is coded there and duplicates are dropped when stored.
    """
    from ..pipeline import PipelineConfig
    from .parquet import coded_parquet, split_parquet

    summary = Summary.storing()
    paths, parquet = split_parquet(paths)
    if parquet:
        ingest(store, coded_parquet(parquet), progress, batch, on_reject, summary)
    if paths:
        engine = engine or Engine(workers=workers)
        results, consumed = _coded(store, paths, date, config or PipelineConfig(), engine, summary)
        meter = None if consumed is None else (Progress.start(progress, consumed.total), consumed)
        ingest(store, results, progress, batch, on_reject, summary, meter)
    return summary


def _coded(
    store: Store, paths: list[str], date: dt.date | None, config: PipelineConfig, engine: Engine, summary: Summary
) -> tuple[Iterator[CodedArticle | Rejection], Consumed | None]:
    from ..parallel import code_items, default_workers
    from ..scale.inputs import input_files, stream_paths, total_bytes

    files = list(input_files(paths))
    if engine.name == "ray":
        from ..scale.ray_engine import ray_code_items

        return ray_code_items(files, config, engine, date), None
    known = known_hashes(store)
    consumed = Consumed(skip_known_pairs(stream_paths(missing_first(files), date), known, summary))
    consumed.total = total_bytes(files)
    return code_items(consumed.items(), config, engine.workers or default_workers()), consumed


def skip_known_pairs(
    pairs: Iterable[tuple[Article | Rejection, int]], known: set[str], summary: Summary
) -> Iterator[tuple[Article | Rejection, int]]:
    """Drop articles already stored before they are coded, counting each as read and duplicate."""
    for item, used in pairs:
        if isinstance(item, Article) and content_hash(item.text) in known:
            summary.read += 1
            summary.storing_part().duplicate += 1
            continue
        yield item, used


class _NoBar:
    def update(self, _n: int) -> None:
        return None


def _progress_bar(enabled: bool) -> Any:
    if not enabled or not sys.stderr.isatty():
        from contextlib import nullcontext

        return nullcontext(_NoBar())
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
