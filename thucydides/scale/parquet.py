"""Coded articles as Parquet, partitioned by publication day; the exchange format of the Ray engine.

One row per input item. A coded article keeps every field of the article and of
its events (as a list of typed structs, see :mod:`thucydides.records`), and the events the coder
found and did not emit with the reason (``refused``, what ``--explain`` lists); a rejected
input keeps its origin, code and message. Rows sit under ``day=YYYY-MM-DD/``
(``day=undated/`` for articles without a date, ``day=rejected/`` for rejections),
so DuckDB, pandas or Spark read one day without touching the others::

    SELECT e.cameo, count(*) FROM read_parquet('out/**/*.parquet', hive_partitioning=true),
           unnest(events) AS t(e) WHERE day >= '2025-06-01' GROUP BY 1

``read_parquet`` gives back the very :class:`CodedArticle` objects that were written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads

from ..arrow import ACTOR_WITH_PASSES, LOCATION, PASSES, SPAN
from ..errors import Errors, ThucydidesError
from ..models import Article, CodedArticle, Event, Refused, Rejection
from ..records import article_from_record, article_record, event_from_record, full_record

Item = Article | Rejection
Result = CodedArticle | Rejection

PARTITION = "day"
UNDATED = "undated"
REJECTED = "rejected"
ROWS_PER_FILE = 4096

EVENT = pa.struct(
    [
        ("event_id", pa.string()),
        ("article_id", pa.string()),
        ("sentence_index", pa.int32()),
        ("sentence", pa.string()),
        ("sentence_start", pa.int32()),
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("current", pa.bool_()),
        ("source", ACTOR_WITH_PASSES),
        ("target", ACTOR_WITH_PASSES),
        ("cameo", pa.string()),
        ("quad_class", pa.int8()),
        ("goldstein", pa.float64()),
        ("plover", pa.struct([("event", pa.string()), ("mode", pa.string()), ("context", pa.list_(pa.string()))])),
        ("trigger", SPAN),
        ("confidence", pa.float64()),
        (
            "explanation",
            pa.struct(
                [
                    ("producer", pa.string()),
                    ("rule", pa.string()),
                    ("reason", pa.string()),
                    ("modifiers", pa.list_(pa.string())),
                    ("passes", PASSES),
                ]
            ),
        ),
        ("location", LOCATION),
    ]
)
_ARTICLE_FIELDS: list[tuple[str, pa.DataType]] = [
    ("id", pa.string()),
    ("text", pa.string()),
    ("date", pa.date32()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("source", pa.string()),
    ("origin", pa.string()),
]
_REJECTION_FIELDS: list[tuple[str, pa.DataType]] = [("code", pa.string()), ("message", pa.string())]

#: Articles to code (and inputs already rejected), as the Ray engine passes them around.
ITEMS = pa.schema([("kind", pa.string()), *_ARTICLE_FIELDS, *_REJECTION_FIELDS])
#: Coded articles and rejections, as written to Parquet (plus the ``day`` partition column).
RESULTS = pa.schema(
    [
        ("kind", pa.string()),
        *_ARTICLE_FIELDS,
        ("sentences", pa.int32()),
        ("event_count", pa.int32()),
        ("events", pa.list_(EVENT)),
        # the events the coder found and did not emit, with why (files written before they were kept read as none)
        ("refused", pa.list_(pa.struct([("event", EVENT), ("reason", pa.string())]))),
        *_REJECTION_FIELDS,
        (PARTITION, pa.string()),
    ]
)


def _article_row(article: Article) -> dict[str, Any]:
    row = article_record(article)
    row["date"] = article.date
    return row


def _event_row(event: Event) -> dict[str, Any]:
    row = full_record(event)
    row["date"] = event.date
    return row


def _rejection_row(rejection: Rejection) -> dict[str, Any]:
    return {"kind": "rejection", "origin": rejection.origin, "code": rejection.code, "message": rejection.message}


def items_table(items: Iterable[Item]) -> pa.Table:
    """Articles and rejections as a table of :data:`ITEMS`."""
    rows = [_rejection_row(i) if isinstance(i, Rejection) else {"kind": "article", **_article_row(i)} for i in items]
    return pa.Table.from_pylist(rows, schema=ITEMS)


def table_items(table: pa.Table) -> Iterator[Item]:
    """The items an :data:`ITEMS` table holds, in order."""
    for row in table.to_pylist():
        yield _rejection(row) if row["kind"] == "rejection" else article_from_record(row)


def results_table(results: Iterable[Result]) -> pa.Table:
    """Coded articles and rejections as a table of :data:`RESULTS`."""
    return pa.Table.from_pylist([_result_row(r) for r in results], schema=RESULTS)


def _result_row(result: Result) -> dict[str, Any]:
    if isinstance(result, Rejection):
        return _rejection_row(result) | {PARTITION: REJECTED}
    article = result.article
    return {
        "kind": "article",
        **_article_row(article),
        "sentences": result.sentences,
        "event_count": len(result.events),
        "events": [_event_row(e) for e in result.events],
        "refused": [{"event": _event_row(r.event), "reason": r.reason} for r in result.refused],
        PARTITION: article.date.isoformat() if article.date else UNDATED,
    }


def table_results(table: pa.Table) -> Iterator[Result]:
    """The coded articles and rejections a :data:`RESULTS` table holds, in order."""
    for row in table.to_pylist():
        yield _rejection(row) if row["kind"] == "rejection" else _coded(row)


def _coded(row: dict[str, Any]) -> CodedArticle:
    events = tuple(event_from_record(e) for e in row["events"] or ())
    refused = tuple(Refused(event_from_record(r["event"]), r["reason"] or "") for r in row.get("refused") or ())
    return CodedArticle(
        article=article_from_record(row), events=events, sentences=int(row["sentences"] or 0), refused=refused
    )


def _rejection(row: dict[str, Any]) -> Rejection:
    return Rejection(origin=row["origin"] or "", code=row["code"] or "", message=row["message"] or "")


def write_parquet(results: Iterable[Result], path: str | Path, rows_per_file: int = ROWS_PER_FILE) -> None:
    """Write coded articles (and rejections) under ``path``, partitioned by day, streaming.

    ``path`` must be new or empty (E503): each job writes its own directory.
    """
    check_new_directory(path)
    batches = (b for t in _tables(results, rows_per_file) for b in t.to_batches())
    pads.write_dataset(
        batches,
        str(path),
        schema=RESULTS,
        format="parquet",
        partitioning=pads.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive"),
        basename_template="part-{i}.parquet",
        existing_data_behavior="overwrite_or_ignore",
        max_rows_per_file=rows_per_file,
        max_rows_per_group=min(rows_per_file, 1024),
    )


def check_new_directory(directory: str | Path) -> None:
    """Refuse to write into a directory that already holds files: an article would be counted twice."""
    path = Path(directory)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise ThucydidesError(Errors.E503, path=path)


def _tables(results: Iterable[Result], size: int) -> Iterator[pa.Table]:
    chunk: list[Result] = []
    for result in results:
        chunk.append(result)
        if len(chunk) >= size:
            yield results_table(chunk)
            chunk = []
    yield results_table(chunk)


def holds_coded_articles(path: str | Path) -> bool:
    """Whether ``path`` (a Parquet file, or a directory of them) holds coded articles written by this module,
    rather than articles still to code (``id``/``text`` columns, which ``code`` reads)."""
    import pyarrow.parquet as pq

    path = Path(path)
    first = path if path.is_file() else next(iter(sorted(path.rglob("*.parquet"))), None)
    return first is not None and {"kind", "events"} <= set(pq.read_schema(first).names)


def _dataset(path: str | Path) -> pads.Dataset:
    return pads.dataset(str(path), format="parquet", partitioning="hive", schema=RESULTS)


def read_parquet(path: str | Path, batch: int = 512) -> Iterator[CodedArticle]:
    """Every coded article written under ``path`` (by this module or by the Ray engine), day by day."""
    dataset = _dataset(path)
    for record_batch in dataset.to_batches(filter=pads.field("kind") == "article", batch_size=batch):
        for result in table_results(pa.Table.from_batches([record_batch])):
            assert isinstance(result, CodedArticle)
            yield result


def read_rejections(path: str | Path) -> Iterator[Rejection]:
    """The inputs that could not be read, as recorded under ``path``."""
    wanted = pads.field("kind") == "rejection"
    table = _dataset(path).to_table(columns=["kind", "origin", "code", "message"], filter=wanted)
    for row in table.to_pylist():
        yield _rejection(row)


@dataclasses.dataclass
class Counts:
    """What a Parquet result set holds, summed from three small columns."""

    coded: int = 0
    rejected: int = 0
    events: int = 0
    sentences: int = 0
    days: set[str] = dataclasses.field(default_factory=set)


def count_parquet(path: str | Path) -> Counts:
    """Count articles, rejections, events and days under ``path`` without reading the texts."""
    counts = Counts()
    for batch in _dataset(path).to_batches(columns=["kind", "event_count", "sentences", PARTITION]):
        rejected = pc.sum(pc.equal(batch.column("kind"), "rejection")).as_py() or 0
        counts.rejected += rejected
        counts.coded += batch.num_rows - rejected
        counts.events += pc.sum(batch.column("event_count")).as_py() or 0
        counts.sentences += pc.sum(batch.column("sentences")).as_py() or 0
        counts.days.update(d for d in pc.unique(batch.column(PARTITION)).to_pylist() if d not in (REJECTED, None))
    return counts
