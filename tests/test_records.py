import dataclasses
import datetime as dt

from thucydides.models import Article
from thucydides.pipeline import Pipeline
from thucydides.records import article_from_record, article_record, event_from_record, full_record

from .test_writers import make_event


def test_full_record_round_trips_every_field() -> None:
    event = make_event()
    assert event_from_record(full_record(event)) == event


def test_round_trip_of_coded_events_from_the_pipeline(pipeline: Pipeline) -> None:
    events = pipeline.code_text("Japan's defence minister met NATO's chief in Tokyo on Tuesday.", "2025-06-03")
    assert events
    for event in events:
        assert event_from_record(full_record(event)) == event


def test_article_round_trip() -> None:
    article = Article(id="a", text="x", date=dt.date(2025, 1, 2), title="t", url="u", source="s", origin="o:1")
    assert article_from_record(article_record(article)) == article


def test_which_layer_coded_each_part_survives_the_round_trip() -> None:
    event = make_event()
    explanation = dataclasses.replace(
        event.explanation,
        parts=(("code", "both"), ("source", "rules"), ("target", "model")),
        probability=0.91,
        factuality="claimed",
    )
    event = dataclasses.replace(event, explanation=explanation)
    assert event_from_record(full_record(event)) == event
