"""The one summary every job counts into (thucydides/jobs.py)."""

from __future__ import annotations

import inspect

from thucydides.jobs import Stored, Summary, Watched
from thucydides.models import Article, CodedArticle, Rejection
from thucydides.run import code_paths, code_to_parquet
from thucydides.scale.watch import Watcher
from thucydides.store.gdelt import import_gdelt
from thucydides.store.ingest import ingest, ingest_paths


def test_summary_counts_every_result_as_read_coded_or_rejected() -> None:
    summary = Summary()
    seen: list[str] = []
    summary.add(CodedArticle(Article(id="a", text="Two words."), sentences=1))
    summary.add(Rejection(origin="f.txt", code="E101", message="empty"), on_reject=lambda r: seen.append(r.code))
    assert (summary.read, summary.coded, summary.rejected, summary.words) == (2, 1, 1, 2)
    assert seen == ["E101"] and [r.code for r in summary.rejections] == ["E101"]
    assert summary.line().startswith("read 2 articles: coded 1, rejected 1;")


def test_a_storing_summary_says_what_was_stored_and_what_was_there_already() -> None:
    summary = Summary.storing()
    summary.read, summary.coded = 3, 2
    assert summary.stored is not None
    summary.stored.duplicate, summary.stored.mentions, summary.stored.new_events = 1, 4, 3
    assert summary.line().startswith("read 3 articles: stored 2, already in the store 1, rejected 0; 4 event mentions")


def test_storing_part_is_added_once_to_a_summary_without_one() -> None:
    summary = Summary()
    part = summary.storing_part()
    assert summary.stored is part and summary.storing_part() is part
    assert "stored 0" in summary.line()


def test_a_watch_summary_speaks_of_polls_and_skipped_articles() -> None:
    summary = Summary(stored=Stored(mentions=5), watched=Watched(polls=2, known=7), coded=1)
    summary.errors.append("feed down")
    assert (
        summary.line()
        == "2 polls: stored 1 articles (5 event mentions), skipped 7 already stored, rejected 0; 1 errors"
    )


def test_every_job_reports_the_one_summary_type() -> None:
    jobs = [code_paths, code_to_parquet, ingest, ingest_paths, import_gdelt, Watcher.run]
    assert {job.__name__: inspect.signature(job).return_annotation for job in jobs} == {
        job.__name__: "Summary" for job in jobs
    }
