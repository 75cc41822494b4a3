"""Coding on several processes: same results as one, in input order, with bounded read-ahead."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import pytest

from thucydides.models import Article, CodedArticle, Rejection
from thucydides.parallel import BATCH, batches, code_items, default_workers
from thucydides.pipeline import Pipeline, PipelineConfig
from thucydides.records import full_record

TEXTS = [
    "Russia attacked Ukraine on Monday.",
    "Japan held talks with NATO in Brussels.",
    "China criticised NATO.",
    "Israel accused Hamas of breaking the ceasefire.",
]
DATE = dt.date(2025, 6, 3)


def items(n: int) -> list[Article | Rejection]:
    out: list[Article | Rejection] = []
    for i in range(n):
        if i % 7 == 3:
            out.append(Rejection(origin=f"in.jsonl:{i + 1}", code="E104", message="broken"))
        else:
            out.append(Article(id=f"a{i}", text=TEXTS[i % len(TEXTS)], date=DATE))
    return out


def signature(results: list[CodedArticle | Rejection]) -> list[object]:
    return [r if isinstance(r, Rejection) else (r.article.id, [full_record(e) for e in r.events]) for r in results]


def test_default_workers_is_every_core_this_process_may_use() -> None:
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert default_workers() == expected


def test_batches_keep_every_item_in_order() -> None:
    chunks = list(batches(range(10), 4))
    assert chunks == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]


@pytest.mark.slow
def test_two_workers_give_the_same_results_in_the_same_order_as_one(pipeline: Pipeline) -> None:
    given = items(40)
    one = list(code_items(given, PipelineConfig(coder="rules"), workers=1, batch=5, pipeline=pipeline))
    two = list(code_items(given, PipelineConfig(coder="rules"), workers=2, batch=5))
    assert signature(one) == signature(two)
    assert [r.article.id if isinstance(r, CodedArticle) else r.origin for r in two] == [
        i.id if isinstance(i, Article) else i.origin for i in given
    ]
    assert any(isinstance(r, CodedArticle) and r.events for r in two)


@pytest.mark.slow
def test_workers_read_ahead_only_a_few_batches(pipeline: Pipeline) -> None:
    consumed = 0

    def endless() -> Iterator[Article]:
        nonlocal consumed
        while True:
            consumed += 1
            yield Article(id=str(consumed), text=TEXTS[consumed % len(TEXTS)], date=DATE)

    results = code_items(endless(), PipelineConfig(), workers=2, batch=4)
    first = [next(results) for _ in range(3)]
    assert len(first) == 3
    assert consumed <= (2 * 2 + 1) * 4
    results.close()


def test_one_worker_codes_with_the_pipeline_it_is_given_without_loading_another(
    mini_pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> Pipeline:
        raise AssertionError("a pipeline was loaded")

    monkeypatch.setattr(Pipeline, "load", refuse)
    results = list(code_items(items(BATCH + 3), PipelineConfig(), workers=1, pipeline=mini_pipeline))
    assert len(results) == BATCH + 3
    assert sum(isinstance(r, CodedArticle) for r in results) == sum(isinstance(i, Article) for i in items(BATCH + 3))
