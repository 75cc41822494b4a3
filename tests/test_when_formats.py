"""Absolute dates in every common written form, with the weekday rule unchanged."""

from __future__ import annotations

import datetime as dt

import pytest

from thucydides.pipeline import Pipeline

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "written",
    ["2025-05-20", "20/05/2025", "20.05.2025", "05/20/2025", "May 20", "20 May 2025", "May 20, 2025", "20 May"],
)
def test_every_common_form_of_a_date_gives_that_day(pipeline: Pipeline, written: str) -> None:
    events = pipeline.code_text(f"Russia attacked Ukraine on {written}.", "2025-06-04")
    assert [(e.date, e.date_precision) for e in events] == [(dt.date(2025, 5, 20), "day")]


def test_an_impossible_numeric_date_is_no_date(pipeline: Pipeline) -> None:
    events = pipeline.code_text("Russia attacked Ukraine on 31/02/2025.", "2025-06-04")
    assert [e.date for e in events] == [dt.date(2025, 6, 4)]


def test_the_weekday_rule_is_unchanged(pipeline: Pipeline) -> None:
    past = pipeline.code_text("Russia attacked Ukraine on Tuesday.", "2025-06-04")  # a Wednesday
    future = pipeline.code_text("Russia will attack Ukraine on Tuesday.", "2025-06-04")
    assert [e.date for e in past] == [dt.date(2025, 6, 3)]
    assert [e.date for e in future] == [dt.date(2025, 6, 10)]
