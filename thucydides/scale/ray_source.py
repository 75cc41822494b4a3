"""A Ray Data source of articles: every file read by :func:`thucydides.scale.inputs.stream_file`.

Imported only once Ray is known to be installed (it subclasses a Ray class).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
from ray.data.datasource import FileBasedDatasource

from .inputs import stream_file
from .parquet import Item, items_table

ROWS_PER_BLOCK = 256


class ArticleSource(FileBasedDatasource):  # type: ignore[misc]
    """Articles (and rejections) from text, HTML, JSONL and Parquet files, on local or shared storage."""

    def __init__(self, paths: list[str], default_date: dt.date | None = None, **kwargs: Any) -> None:
        super().__init__(paths, **kwargs)
        self._default_date = default_date

    def _read_stream(self, f: Any, path: str) -> Iterator[pa.Table]:
        chunk: list[Item] = []
        for item, _used in stream_file(f, path, self._default_date):
            chunk.append(item)
            if len(chunk) >= ROWS_PER_BLOCK:
                yield items_table(chunk)
                chunk = []
        if chunk:
            yield items_table(chunk)
