"""Run the pipeline over a stream of articles on one or more processes, in input order.

Each worker process builds its own pipeline once (the spaCy model is loaded once
per worker) and codes batches of articles. At most ``2 × workers`` batches are in
flight, so memory stays flat however long the input is.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .models import Article, CodedArticle, Rejection
from .pipeline import Pipeline, PipelineConfig

Item = Article | Rejection
Result = CodedArticle | Rejection

_WORKER: Pipeline | None = None


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def code_items(items: Iterable[Item], config: PipelineConfig, workers: int = 1, batch: int = 32) -> Iterator[Result]:
    """Code every article in ``items``; rejections pass through. Output order = input order."""
    if workers <= 1:
        yield from _serial(items, Pipeline.load(config))
        return
    yield from _parallel(items, config, workers, batch)


def _serial(items: Iterable[Item], pipeline: Pipeline) -> Iterator[Result]:
    for chunk in _batches(items, 32):
        yield from _code_batch(pipeline, chunk)


def _code_batch(pipeline: Pipeline, chunk: list[Item]) -> list[Result]:
    articles = [i for i in chunk if isinstance(i, Article)]
    coded = iter(pipeline.code(articles))
    return [next(coded) if isinstance(i, Article) else i for i in chunk]


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _init_worker(config: PipelineConfig) -> None:
    global _WORKER
    _WORKER = Pipeline.load(config)


def _work(chunk: list[Item]) -> list[Result]:
    assert _WORKER is not None
    return _code_batch(_WORKER, chunk)


def _context() -> Any:
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return mp.get_context(method)


def _parallel(items: Iterable[Item], config: PipelineConfig, workers: int, batch: int) -> Iterator[Result]:
    with _context().Pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
        pending: deque[Any] = deque()
        for chunk in _batches(items, batch):
            pending.append(pool.apply_async(_work, (chunk,)))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
