"""Run the pipeline over a stream of articles on one or more processes, in input order.

Each worker process builds its own pipeline once (the spaCy model is loaded once
per worker) and codes batches of articles. At most ``2 × workers`` batches are in
flight, so memory stays flat however long the input is; results come back in input
order, so the output does not depend on the number of workers.
"""

from __future__ import annotations

import itertools
import math
import multiprocessing as mp
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from .errors import Errors, InputError
from .models import Article, CodedArticle, Rejection
from .pipeline import Pipeline, PipelineConfig
from .readers import MAX_ARTICLE_CHARS, describe

Item = Article | Rejection
Result = CodedArticle | Rejection

BATCH = 32
MAX_BATCH_CHARS = MAX_ARTICLE_CHARS
T = TypeVar("T")
_WORKER: Pipeline | None = None


def default_workers() -> int:
    """All cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def planned_workers(articles: int, workers: int, batch: int = BATCH) -> int:
    """How many processes :func:`code_items` codes ``articles`` articles on: one for every ``2 × batch``
    articles, at most ``workers``; one means the articles are coded in this process."""
    return max(1, min(workers, math.ceil(articles / (2 * batch))))


def code_items(
    items: Iterable[Item],
    config: PipelineConfig,
    workers: int = 1,
    batch: int = BATCH,
    pipeline: Pipeline | None = None,
) -> Iterator[Result]:
    """Code every article in ``items``; rejections pass through. Output order = input order.

    With one worker the articles are coded in this process, by ``pipeline`` when one
    is given (a long-running caller keeps its pipeline loaded) or by a new one. Each
    worker loads the model, which costs as much as coding dozens of articles: a worker
    is started only for every ``2 × batch`` articles, so a handful of articles is coded
    here, never slower than with one worker. Rejections that come before the first
    article (a missing file) are passed on before any model loads.
    """
    items = iter(items)
    for item in items:  # rejections ahead of the first article are passed on before any model loads
        if isinstance(item, Article):
            items = itertools.chain([item], items)
            break
        yield item
    else:
        return
    if workers > 1:
        head = list(itertools.islice(items, 2 * batch * workers))
        workers = planned_workers(len(head), workers, batch)
        items = itertools.chain(head, items)
    if workers <= 1:
        yield from _serial(items, pipeline or Pipeline.load(config), batch)
        return
    yield from _parallel(items, config, workers, batch)


def _serial(items: Iterable[Item], pipeline: Pipeline, batch: int) -> Iterator[Result]:
    for chunk in batches(items, batch):
        yield from code_batch(pipeline, chunk)


def code_batch(pipeline: Pipeline, chunk: list[Item]) -> list[Result]:
    """Code the articles of ``chunk``, keeping its rejections in their places.

    When coding the batch fails, each article is coded alone, and the one that fails
    becomes a rejection (E121): one bad article never takes its batch with it.
    """
    articles = [i for i in chunk if isinstance(i, Article)]
    try:
        coded: Iterator[Result] = iter(list(pipeline.code(articles)))
    except Exception:
        coded = (code_alone(pipeline, article) for article in articles)
    return [next(coded) if isinstance(i, Article) else i for i in chunk]


def code_alone(pipeline: Pipeline, article: Article) -> Result:
    """One article coded, or the rejection that says why it could not be."""
    try:
        return next(iter(pipeline.code([article])))
    except Exception as err:
        failed = InputError(Errors.E121, origin=article.origin or article.id, detail=describe(err))
        return Rejection(origin=article.origin or article.id, code=failed.code, message=failed.message)


def batches(items: Iterable[T], size: int, max_chars: int = MAX_BATCH_CHARS) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), or fewer when their articles hold ``max_chars`` of text.

    What a worker holds while it codes a batch grows with its text: long articles go in smaller batches.
    """
    chunk: list[T] = []
    chars = 0
    for item in items:
        chunk.append(item)
        chars += len(item.text) if isinstance(item, Article) else 0
        if len(chunk) >= size or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _init_worker(config: PipelineConfig) -> None:
    global _WORKER
    _WORKER = Pipeline.load(config)


def _work(chunk: list[Item]) -> list[Result]:
    assert _WORKER is not None
    return code_batch(_WORKER, chunk)


def _context() -> Any:
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return mp.get_context(method)


def _parallel(items: Iterable[Item], config: PipelineConfig, workers: int, batch: int) -> Iterator[Result]:
    with _context().Pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
        pending: deque[Any] = deque()
        for chunk in batches(items, batch):
            pending.append(pool.apply_async(_work, (chunk,)))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
