"""Parquet partitioned by day: what is written is read back as the very same coded articles."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from thucydides.cli.code import EXAMPLE_DATE, example_path
from thucydides.errors import ThucydidesError
from thucydides.models import Actor, Article, CodedArticle, Event, Explanation, Location, Plover, Rejection, Span
from thucydides.pipeline import Pipeline
from thucydides.scale.parquet import (
    EVENT,
    ITEMS,
    count_parquet,
    holds_coded_articles,
    items_table,
    read_parquet,
    read_rejections,
    results_table,
    table_items,
    write_parquet,
)


def _struct_names(kind: pa.DataType) -> set[str]:
    return {kind.field(i).name for i in range(kind.num_fields)}


def test_the_schema_holds_every_field_of_events_actors_and_places() -> None:
    assert _struct_names(EVENT) == {f.name for f in dataclasses.fields(Event)}
    assert _struct_names(EVENT.field("source").type) == {f.name for f in dataclasses.fields(Actor)}
    assert _struct_names(EVENT.field("location").type) == {f.name for f in dataclasses.fields(Location)}
    assert {f.name for f in dataclasses.fields(Article)} <= set(ITEMS.names)


def full_event(article_id: str) -> Event:
    """An event with every optional field set, to catch anything the schema would drop."""
    actor = Actor("FRAGOV", "FRA", None, ("GOV",), "France", "Paris", 3, 8, "capital", "Q142")
    return Event(
        event_id="e1",
        article_id=article_id,
        sentence_index=2,
        sentence="Paris warned Berlin.",
        sentence_start=40,
        date=dt.date(2024, 2, 29),
        source=actor,
        target=None,
        cameo="0231",
        quad_class=1,
        goldstein=3.4,
        plover=Plover("DEMAND", "economic", ("diplomatic", "economic")),
        trigger=Span("warned", 46, 52),
        confidence=0.8125,
        explanation=Explanation("model", "events.npz", "because", ("negated", "future")),
        location=Location("Paris", "FRA", 48.85, 2.35, "11", 2988507, "city", "FR", "Paris, France", "Paris", 40, 45),
        date_precision="month",
        current=False,
    )


@pytest.fixture(scope="module")
def coded(pipeline: Pipeline) -> list[CodedArticle]:
    text = example_path().read_text(encoding="utf-8")
    articles = [
        Article(id="example", text=text, date=EXAMPLE_DATE, title="Japan and NATO", url="http://e/x", source="S"),
        Article(id="undated", text="Russia attacked Ukraine.", origin="in.jsonl:2"),
        Article(id="other-day", text="China criticised NATO.", date=dt.date(2025, 6, 4)),
    ]
    result = list(pipeline.code(articles))
    result.append(
        CodedArticle(
            Article(id="full", text="Paris warned Berlin.", date=dt.date(2024, 2, 29)), (full_event("full"),), 3
        )
    )
    return result


@pytest.mark.slow
def test_write_then_read_gives_back_the_same_coded_articles(tmp_path: Path, coded: list[CodedArticle]) -> None:
    rejection = Rejection(origin="bad.jsonl:3", code="E104", message="bad.jsonl:3: the line is not valid JSON")
    write_parquet([coded[0], rejection, *coded[1:]], tmp_path / "out")
    back = sorted(read_parquet(tmp_path / "out"), key=lambda c: c.article.id)
    assert back == sorted(coded, key=lambda c: c.article.id)
    assert coded[0].events and any(e.location for e in coded[0].events)
    assert list(read_rejections(tmp_path / "out")) == [rejection]


@pytest.mark.slow
def test_rows_are_partitioned_by_publication_day(tmp_path: Path, coded: list[CodedArticle]) -> None:
    write_parquet(coded, tmp_path / "out", rows_per_file=1)
    days = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert days == ["day=2024-02-29", "day=2025-06-03", "day=2025-06-04", "day=undated"]
    counts = count_parquet(tmp_path / "out")
    assert counts.coded == 4 and counts.rejected == 0
    assert counts.events == sum(len(c.events) for c in coded)
    assert counts.days == {"2024-02-29", "2025-06-03", "2025-06-04", "undated"}


@pytest.mark.slow
def test_a_single_parquet_file_reads_on_its_own(tmp_path: Path, coded: list[CodedArticle]) -> None:
    write_parquet(coded[:1], tmp_path / "out")
    [single] = list((tmp_path / "out").rglob("*.parquet"))
    assert list(read_parquet(single)) == coded[:1]


def test_writing_into_a_directory_that_holds_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "old.parquet").write_bytes(b"x")
    with pytest.raises(ThucydidesError) as err:
        write_parquet([], tmp_path)
    assert err.value.code == "E503"


def test_items_survive_the_table_that_carries_them_to_ray_workers() -> None:
    items: list[Article | Rejection] = [
        Article(id="a", text="Japan met NATO.", date=dt.date(2024, 1, 2), title="t", url="u", source="s", origin="o"),
        Rejection(origin="f:2", code="E104", message="m"),
        Article(id="b", text="China criticised NATO."),
    ]
    assert list(table_items(items_table(items))) == items


def test_coded_parquet_is_told_apart_from_parquet_of_articles_to_code(tmp_path: Path) -> None:
    write_parquet([CodedArticle(Article(id="a", text="Japan met NATO."))], tmp_path / "coded")
    pq.write_table(pa.table({"id": ["a"], "text": ["Japan met NATO."]}), tmp_path / "raw.parquet")
    assert holds_coded_articles(tmp_path / "coded")
    assert holds_coded_articles(next((tmp_path / "coded").rglob("*.parquet")))
    assert not holds_coded_articles(tmp_path / "raw.parquet")
    assert not holds_coded_articles(tmp_path / "nothing-here")


@pytest.mark.slow
def test_refused_events_are_kept_and_files_written_before_read_as_none(
    tmp_path: Path, coded: list[CodedArticle]
) -> None:
    assert any(c.refused for c in coded)  # the example has attribution the coder found and refused
    write_parquet(coded, tmp_path / "out")
    back = {c.article.id: c for c in read_parquet(tmp_path / "out")}
    for original in coded:
        assert back[original.article.id].refused == original.refused
    # a file of the layout before refused events were kept (no such column) reads with none
    old = tmp_path / "old" / "day=2025-06-03"
    old.mkdir(parents=True)
    table = results_table(coded[:1])
    pq.write_table(table.drop_columns(["refused", "day"]), old / "part-0.parquet")
    [read] = list(read_parquet(tmp_path / "old"))
    assert read.refused == () and read.events == coded[0].events
