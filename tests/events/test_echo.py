"""Acts repeated by new actors: "did the same", "followed suit", "as did France"."""

from __future__ import annotations

from thucydides.models import Event
from thucydides.pipeline import Pipeline


def _coded(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (e.source.country or e.source.group if e.source else None, e.target.country if e.target else None, e.cameo)
        for e in events
        if e.explanation.producer == "rule"
    }


def test_did_the_same_repeats_the_act_told_before_for_each_new_actor(pipeline: Pipeline) -> None:
    text = (
        "The United States recognised Guaidó as interim president of Venezuela on Wednesday. "
        "Canada, Brazil and Peru did the same before nightfall."
    )
    coded = _coded(pipeline.code_text(text, "2019-01-24"))
    assert {("CAN", "VEN", "054"), ("BRA", "VEN", "054"), ("PER", "VEN", "054"), ("USA", "VEN", "054")} <= coded
    # recognising someone is one side's act: no recognition of the recognisers comes back
    assert not any(source == "VEN" and code == "054" for source, _, code in coded)


def test_followed_suit_and_an_as_clause_repeat_the_act(pipeline: Pipeline) -> None:
    boycott = _coded(
        pipeline.code_text(
            "The United States announced a diplomatic boycott of the Beijing Olympics. "
            "Britain and Canada followed suit.",
            "2021-12-08",
        )
    )
    assert {("GBR", "CHN", "161"), ("CAN", "CHN", "161")} <= boycott
    ceasefire = _coded(
        pipeline.code_text(
            "Russia called for an immediate ceasefire between Armenia and Azerbaijan, as did France.", "2020-09-28"
        )
    )
    assert {("FRA", "ARM", "0256"), ("FRA", "AZE", "0256")} <= ceasefire


def test_did_the_same_with_nothing_told_before_is_no_event(pipeline: Pipeline) -> None:
    assert pipeline.code_text("Canada did the same on Friday.", "2019-01-24") == []
