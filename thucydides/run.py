"""The ``code`` job as a plain function: read paths, code them, write events, count everything.

Every article read is either coded or rejected with a message naming its file and
line: ``read == coded + rejected`` always holds, and the summary says so. Input is
streamed (a JSONL file is read line by line), so memory does not grow with its size.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .models import Article, CodedArticle, Rejection
from .parallel import code_items, default_workers
from .pipeline import PipelineConfig
from .scale.inputs import input_files, stream_paths, total_bytes
from .writers import Writer

Item = Article | Rejection
Result = CodedArticle | Rejection
ENGINES = ("local", "ray")


@dataclass
class Summary:
    read: int = 0
    coded: int = 0
    rejected: int = 0
    events: int = 0
    sentences: int = 0
    words: int = 0
    seconds: float = 0.0
    left_out: int = 0  # events the output format has no record for (PLOVER: CAMEO 01/02; GDELT: no coded actor)
    rejections: list[Rejection] = field(default_factory=list)

    def line(self) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        return (
            f"read {self.read} articles: coded {self.coded}, rejected {self.rejected}; "
            f"{self.events} events from {self.sentences} sentences in {self.seconds:.1f}s ({rate:.1f} articles/s)"
            + (f"; {self.left_out} events have no record in this format (docs/output.md)" if self.left_out else "")
        )

    def add(self, result: Result, on_reject: Callable[[Rejection], None] | None = None) -> None:
        self.read += 1
        if isinstance(result, Rejection):
            self.rejected += 1
            self.rejections.append(result)
            if on_reject is not None:
                on_reject(result)
            return
        self.coded += 1
        self.events += len(result.events)
        self.sentences += result.sentences
        self.words += len(result.article.text.split())


@dataclass
class Engine:
    """Where articles are coded: ``local`` processes (``workers``), or a Ray cluster at ``address``."""

    name: str = "local"
    workers: int | None = None
    address: str | None = None


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
    consumed = Consumed(stream_paths(files, date))
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


class Consumed:
    """The input bytes behind each result: items go out in order and results come back in the same order."""

    def __init__(self, pairs: Iterable[tuple[Item, int]]) -> None:
        self._pairs = pairs
        self._marks: deque[int] = deque()

    def items(self) -> Iterator[Item]:
        for item, used in self._pairs:
            self._marks.append(used)
            yield item

    def done(self) -> int:
        """Bytes read up to and including the item whose result came back last."""
        return self._marks.popleft()


class Progress:
    """A progress bar on a terminal: articles/s, and the time left when the input size is known."""

    def __init__(self, bar: Any, by_bytes: bool) -> None:
        self._bar = bar
        self._by_bytes = by_bytes
        self._started = time.perf_counter()
        self._shown = 0.0
        self._articles = 0

    @classmethod
    def start(cls, enabled: bool, total: int | None) -> Progress | None:
        """A bar on standard error when it is a terminal; by bytes of input when ``total`` is known."""
        if not enabled or not sys.stderr.isatty():
            return None
        return cls(make_bar(total), total is not None)

    def advance(self, articles: int, done_bytes: int | None) -> None:
        self._articles = articles
        if self._by_bytes and done_bytes is not None:
            self._bar.update(done_bytes - self._bar.n)
            now = time.perf_counter()
            if now - self._shown >= 0.5:
                self._shown = now
                self._show_rate(now, refresh=False)
        else:
            self._bar.update(articles - self._bar.n)

    def _show_rate(self, now: float, refresh: bool) -> None:
        rate = self._articles / (now - self._started) if now > self._started else 0.0
        self._bar.set_postfix_str(f"{self._articles} articles, {rate:.1f} articles/s", refresh=refresh)

    def close(self) -> None:
        if self._by_bytes:
            self._show_rate(time.perf_counter(), refresh=True)
        self._bar.close()


def make_bar(total: int | None, file: TextIO | None = None) -> Any:
    """A tqdm bar: bytes of input with the time left when ``total`` is known, else articles and their rate."""
    from tqdm import tqdm

    stream = file or sys.stderr
    if total is None:
        return tqdm(unit=" articles", file=stream, dynamic_ncols=True, smoothing=0.1)
    return tqdm(
        total=total,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        file=stream,
        dynamic_ncols=True,
        smoothing=0.1,
        bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}{postfix}]",
    )
