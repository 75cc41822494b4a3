"""Coding on several processes: same results as one, in input order, with bounded read-ahead."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import pytest

from thucydides.models import Article, CodedArticle, Rejection
from thucydides.parallel import BATCH, batches, code_batch, code_items, default_workers, planned_workers
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


class _FailsOn:
    """A pipeline stand-in that codes every article but those whose text holds ``bad``."""

    def __init__(self, bad: str) -> None:
        self.bad = bad

    def code(self, articles: list[Article]) -> Iterator[CodedArticle]:
        for article in articles:
            if self.bad in article.text:
                raise ValueError(f"cannot parse {self.bad!r}")
            yield CodedArticle(article=article, events=(), sentences=1)


def test_one_article_that_fails_to_code_is_rejected_and_its_batch_is_coded() -> None:
    chunk: list[Article | Rejection] = [
        Article(id=f"a{i}", text=f"Story {i}.", origin=f"in.jsonl:{i}") for i in range(4)
    ]
    chunk[2] = Article(id="bad", text="Story POISON.", origin="in.jsonl:3")
    results = code_batch(_FailsOn("POISON"), chunk)  # type: ignore[arg-type]
    assert [type(r).__name__ for r in results] == ["CodedArticle", "CodedArticle", "Rejection", "CodedArticle"]
    bad = results[2]
    assert isinstance(bad, Rejection) and bad.code == "E121"
    assert "in.jsonl:3" in bad.message and "cannot parse 'POISON'" in bad.message


def test_a_handful_of_articles_is_coded_here_without_starting_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    import thucydides.parallel

    def no_pool(*_args: object) -> Iterator[CodedArticle | Rejection]:
        raise AssertionError("a pool of workers was started for a handful of articles")

    monkeypatch.setattr(thucydides.parallel, "_parallel", no_pool)
    given = [Article(id=f"a{i}", text=f"Story {i}.") for i in range(5)]
    results = list(code_items(given, PipelineConfig(), workers=8, pipeline=_FailsOn("never")))  # type: ignore[arg-type]
    assert [r.article.id for r in results if isinstance(r, CodedArticle)] == [a.id for a in given]


def test_long_articles_go_in_smaller_batches() -> None:
    given = [Article(id=f"a{i}", text="x" * 400) for i in range(10)]
    assert [len(c) for c in batches(given, 4, max_chars=1000)] == [3, 3, 3, 1]


def test_a_worker_is_planned_for_every_two_batches_of_articles_up_to_the_number_asked() -> None:
    assert planned_workers(5, 8) == 1
    assert planned_workers(2 * BATCH, 2) == 1
    assert planned_workers(2 * BATCH + 1, 2) == 2
    assert planned_workers(100 * BATCH, 3) == 3
    assert planned_workers(100 * BATCH, 1) == 1
