"""Progress of a job: which input bytes each result consumed, and a bar with the time left.

Shared by the ``code`` job and by ``ingest``; it depends on nothing else in the package.
"""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from .jobs import Item


def missing_first(files: list[str]) -> list[str]:
    """``files`` with those that do not exist first: they are reported at once, before the models load."""
    missing = [f for f in files if f != "-" and "://" not in f and not Path(f).exists()]
    return missing + [f for f in files if f not in missing]


class Consumed:
    """The input bytes behind each result: items go out in order and results come back in the same order."""

    def __init__(self, pairs: Iterable[tuple[Item, int]]) -> None:
        self._pairs = pairs
        self._marks: deque[int] = deque()
        self.total: int | None = None  # bytes of all the input, when known

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
