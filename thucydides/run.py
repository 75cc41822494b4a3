"""The ``code`` job as a plain function: read paths, code them, write events, count everything.

Every article read is either coded or rejected with a message naming its file and
line: ``read == coded + rejected`` always holds, and the summary says so. Input is
streamed (a JSONL file is read line by line), so memory does not grow with its size.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from .jobs import ENGINES, Engine, Item, Result, Summary
from .models import CodedArticle, Rejection
from .parallel import code_items, default_workers
from .pipeline import PipelineConfig
from .progress import Consumed, Progress, make_bar, missing_first
from .scale.inputs import input_files, stream_paths, total_bytes
from .writers import Writer

__all__ = [
    "ENGINES",
    "Consumed",
    "Engine",
    "Item",
    "Progress",
    "Result",
    "Summary",
    "code_articles",
    "code_paths",
    "code_to_parquet",
    "make_bar",
    "missing_first",
]


def code_paths(
    paths: Iterable[str],
    out: TextIO,
    fmt: str = "jsonl",
    date: dt.date | None = None,
    workers: int | None = None,
    explain: bool = False,
    config: PipelineConfig | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
    progress: bool = False,
    engine: Engine | None = None,
) -> Summary:
    """Code the articles under ``paths`` and write their events to ``out`` in input order."""
    engine = engine or Engine(workers=workers)
    files = list(input_files(paths))
    bar = Progress.start(progress, total_bytes(files) if engine.name == "local" else None)
    results, consumed = _results(files, date, config or PipelineConfig(), engine)
    return _write(results, Writer(out, fmt, explain), on_reject, bar, consumed)


def code_articles(
    items: Iterable[Item],
    out: TextIO,
    fmt: str = "jsonl",
    workers: int | None = None,
    explain: bool = False,
    config: PipelineConfig | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
    progress: bool = False,
) -> Summary:
    """Code articles already read and write their events to ``out`` in input order."""
    results = code_items(items, config or PipelineConfig(), workers or default_workers())
    return _write(results, Writer(out, fmt, explain), on_reject, Progress.start(progress, None), None)


def code_to_parquet(
    paths: Iterable[str],
    directory: str | Path,
    date: dt.date | None = None,
    config: PipelineConfig | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
    progress: bool = False,
    engine: Engine | None = None,
) -> Summary:
    """Code the articles under ``paths`` into Parquet under ``directory``, partitioned by day."""
    from .scale.parquet import check_new_directory, write_parquet

    check_new_directory(directory)
    engine = engine or Engine()
    files = list(input_files(paths))
    if engine.name == "ray":
        from .scale.ray_engine import ray_code_to_parquet

        return ray_code_to_parquet(files, directory, config or PipelineConfig(), engine, date, on_reject, progress)
    bar = Progress.start(progress, total_bytes(files))
    results, consumed = _results(files, date, config or PipelineConfig(), engine)
    summary = Summary()
    started = time.perf_counter()
    write_parquet(_counted(results, summary, on_reject, bar, consumed), directory)
    summary.seconds = time.perf_counter() - started
    return summary


def _results(
    files: list[str], date: dt.date | None, config: PipelineConfig, engine: Engine
) -> tuple[Iterator[Result], Consumed | None]:
    if engine.name == "ray":
        from .scale.ray_engine import ray_code_items

        return ray_code_items(files, config, engine, date), None
    consumed = Consumed(stream_paths(missing_first(files), date))
    return code_items(consumed.items(), config, engine.workers or default_workers()), consumed


def _write(
    results: Iterable[Result],
    writer: Writer,
    on_reject: Callable[[Rejection], None] | None,
    bar: Progress | None,
    consumed: Consumed | None,
) -> Summary:
    summary = Summary()
    started = time.perf_counter()
    for result in _counted(results, summary, on_reject, bar, consumed):
        if isinstance(result, CodedArticle):
            writer.write(result.events, result.article.url or "")
            if writer.explain:
                writer.write_refused(result.refused)
    writer.close()
    summary.seconds = time.perf_counter() - started
    summary.left_out = writer.skipped
    return summary


def _counted(
    results: Iterable[Result],
    summary: Summary,
    on_reject: Callable[[Rejection], None] | None,
    bar: Progress | None,
    consumed: Consumed | None,
) -> Iterator[Result]:
    """Pass ``results`` through, counting each into ``summary`` and moving the progress bar."""
    try:
        for result in results:
            summary.add(result, on_reject)
            if bar is not None:
                bar.advance(summary.read, consumed.done() if consumed is not None else None)
            yield result
    finally:
        if bar is not None:
            bar.close()
