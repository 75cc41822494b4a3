"""Notebook entry points: code a list of texts or a DataFrame column, get events, a DataFrame or an Arrow table.

    >>> import thucydides
    >>> events = thucydides.code_texts(["Russia attacked Ukraine on Monday."], date="2025-06-03")
    >>> table = thucydides.to_arrow(events[0])          # pyarrow.Table, the CSV format's columns
    >>> frame = thucydides.code_frame(df, text="text", id="id", date="date")   # needs pandas

The pipeline is loaded once per configuration and kept for the next call, so a
notebook cell that codes ten texts costs the coding, not the loading.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .errors import Errors, InputError, ThucydidesError
from .models import Article, Event
from .pipeline import Pipeline, PipelineConfig
from .writers import CSV_COLUMNS, csv_row

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

_INT = ("sentence_index", "source_start", "source_end", "target_start", "target_end", "trigger_start", "trigger_end")
_FLOAT = ("goldstein", "location_lat", "location_lon", "confidence")


def arrow_schema() -> pa.Schema:
    """The Arrow schema of :func:`to_arrow`: the CSV format's columns (docs/output.md), typed."""
    import pyarrow as pa  # imported on use: ``import thucydides`` stays quick for the command line

    types: dict[str, pa.DataType] = {
        **dict.fromkeys(_INT, pa.int32()),
        **dict.fromkeys(_FLOAT, pa.float64()),
        "date": pa.date32(),
        "current": pa.bool_(),
        "quad_class": pa.int8(),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in CSV_COLUMNS])


_PIPELINES: dict[PipelineConfig, Pipeline] = {}


def get_pipeline(config: PipelineConfig | None = None) -> Pipeline:
    """The pipeline for ``config`` (default: thucydides.toml's coder), loaded on first use and then reused."""
    if config is None:
        from .config import load_settings

        config = load_settings().pipeline_config()
    if config not in _PIPELINES:
        _PIPELINES[config] = Pipeline.load(config)
    return _PIPELINES[config]


def code_texts(
    texts: Sequence[str],
    date: dt.date | str | None = None,
    ids: Sequence[str] | None = None,
    pipeline: Pipeline | None = None,
) -> list[list[Event]]:
    """Code each text; returns one list of :class:`Event` per text, in order.

    ``date`` (a date or ``YYYY-MM-DD``) is the publication date of every text: it
    anchors "on Tuesday" and decides which office a person held. ``ids`` name the
    texts (default ``"0"``, ``"1"`` ...) and become the events' ``article_id``.
    """
    if isinstance(texts, str):
        texts = [texts]
    day = as_date(date, "date")
    names = [str(i) for i in range(len(texts))] if ids is None else [str(i) for i in ids]
    articles = [Article(id=name, text=text, date=day) for name, text in zip(names, texts, strict=True)]
    return [list(coded.events) for coded in (pipeline or get_pipeline()).code(articles)]


def code_frame(
    df: pd.DataFrame,
    text: str = "text",
    id: str | None = "id",
    date: str | None = "date",
    pipeline: Pipeline | None = None,
) -> pd.DataFrame:
    """Code the ``text`` column of ``df``; one row per event with the CSV format's columns (docs/output.md).

    ``id`` and ``date`` name the columns with each article's id and publication
    date; a missing ``id`` column uses the DataFrame's index, a missing ``date``
    column leaves the articles undated. Needs pandas (``pip install 'thucydides[pandas]'``).
    """
    _require_pandas("code_frame()")
    for column in (text,):
        if column not in df.columns:
            raise InputError(Errors.E084, column=column, known=", ".join(map(str, df.columns)))
    ids = df[id] if id is not None and id in df.columns else df.index
    dates = df[date] if date is not None and date in df.columns else [None] * len(df)
    articles = [
        Article(id=str(name), text=str(body), date=as_date(day, f"row {name}"))
        for name, body, day in zip(ids, df[text], dates, strict=True)
    ]
    events = (e for coded in (pipeline or get_pipeline()).code(articles) for e in coded.events)
    return to_frame(events)


def to_arrow(events: Iterable[Event] | Iterable[Iterable[Event]]) -> pa.Table:
    """Events (or the lists :func:`code_texts` returns) as a typed Arrow table with the CSV format's columns."""
    import pyarrow as pa

    rows = [_typed(csv_row(e)) for e in _flat(events)]
    return pa.Table.from_pylist(rows, schema=arrow_schema())


def to_frame(events: Iterable[Event] | Iterable[Iterable[Event]]) -> pd.DataFrame:
    """Events as a pandas DataFrame (dates as ``datetime64``, missing values as NA). Needs pandas."""
    _require_pandas("to_frame()")
    return to_arrow(events).to_pandas(date_as_object=False)


def as_date(value: Any, where: str) -> dt.date | None:
    """A publication date from a cell or argument: a date, datetime, pandas Timestamp, ISO string, or empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value) in ("", "NaT", "nan"):
        return None
    if isinstance(value, dt.datetime):  # pandas.Timestamp is a datetime
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(Errors.E107, origin=where, value=value) from None


def _flat(events: Iterable[Event] | Iterable[Iterable[Event]]) -> Iterator[Event]:
    for item in events:
        if isinstance(item, Event):
            yield item
        else:
            yield from item


def _typed(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: (None if v == "" else v) for k, v in row.items()}
    if out["date"] is not None:
        out["date"] = dt.date.fromisoformat(out["date"])
    return out


def _require_pandas(feature: str) -> None:
    try:
        import pandas  # noqa: F401
    except ImportError:
        raise ThucydidesError(Errors.E082, feature=feature) from None
