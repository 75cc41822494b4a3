"""The ``code`` job as a plain function: read paths, code them, write events, count everything.

Every article read is either coded or rejected with a message naming its file and
line: ``read == coded + rejected`` always holds, and the summary says so.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TextIO

from .models import Article, CodedArticle, Rejection
from .parallel import code_items, default_workers
from .pipeline import PipelineConfig
from .readers import read_paths
from .writers import Writer


@dataclass
class Summary:
    read: int = 0
    coded: int = 0
    rejected: int = 0
    events: int = 0
    sentences: int = 0
    words: int = 0
    seconds: float = 0.0
    rejections: list[Rejection] = field(default_factory=list)

    def line(self) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        return (
            f"read {self.read} articles: coded {self.coded}, rejected {self.rejected}; "
            f"{self.events} events from {self.sentences} sentences in {self.seconds:.1f}s ({rate:.1f} articles/s)"
        )


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
) -> Summary:
    """Code the articles under ``paths`` and write their events to ``out``."""
    return code_articles(read_paths(paths, date), out, fmt, workers, explain, config, on_reject, progress)


def code_articles(
    items: Iterable[Article | Rejection],
    out: TextIO,
    fmt: str = "jsonl",
    workers: int | None = None,
    explain: bool = False,
    config: PipelineConfig | None = None,
    on_reject: Callable[[Rejection], None] | None = None,
    progress: bool = False,
) -> Summary:
    writer = Writer(out, fmt, explain)
    summary = Summary()
    started = time.perf_counter()
    bar = _progress_bar(progress)
    for result in code_items(items, config or PipelineConfig(), workers or default_workers()):
        summary.read += 1
        if isinstance(result, Rejection):
            summary.rejected += 1
            summary.rejections.append(result)
            if on_reject is not None:
                on_reject(result)
        else:
            _count(summary, result)
            writer.write(result.events, result.article.url or "")
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _count(summary: Summary, result: CodedArticle) -> None:
    summary.coded += 1
    summary.events += len(result.events)
    summary.sentences += result.sentences
    summary.words += len(result.article.text.split())


def _progress_bar(enabled: bool) -> Any:
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
