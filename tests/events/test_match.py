"""The matcher with the shipped lexicon: what a pattern's object class accepts."""

from thucydides.models import Event
from thucydides.pipeline import Pipeline

DAY = "2024-03-07"


def _coded(events: list[Event], trigger: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
        if e.trigger.text.startswith(trigger)
    ]


def test_a_load_is_what_it_holds(pipeline: Pipeline) -> None:
    # "a shipment of tanks" is weapons, "a tranche of weapons" no money: the contents decide the code
    assert _coded(pipeline.code_text("Germany pledged a shipment of tanks to Ukraine.", DAY), "pledged") == [
        ("DEU", "UKR", "0332")
    ]
    assert _coded(pipeline.code_text("Germany pledged a new tranche of weapons to Ukraine.", DAY), "pledged") == [
        ("DEU", "UKR", "0332")
    ]
    assert _coded(pipeline.code_text("Germany pledged a new tranche of loans to Ukraine.", DAY), "pledged") == [
        ("DEU", "UKR", "0331")
    ]
    sent = pipeline.code_text("The United States sent a batch of artillery shells to Ukraine.", DAY)
    assert _coded(sent, "sent") == [("USA", "UKR", "072")]


def test_launchers_are_weapons(pipeline: Pipeline) -> None:
    events = pipeline.code_text("Germany pledged two Patriot launchers to Ukraine.", DAY)
    assert _coded(events, "pledged") == [("DEU", "UKR", "0332")]


def test_people_shot_may_be_named_or_described_by_their_standing(pipeline: Pipeline) -> None:
    for text in (
        "Gunmen shot two opposition figures in Maputo on Friday.",
        "Gunmen shot Venancio Mondlane in Maputo on Friday.",
    ):
        (shot,) = [e for e in pipeline.code_text(text, DAY) if e.trigger.text == "shot"]
        assert shot.cameo.startswith("19") or shot.cameo.startswith("18"), text
        assert shot.target is not None


def test_pressing_someone_on_a_matter_is_the_appeal_for_it(pipeline: Pipeline) -> None:
    assert _coded(pipeline.code_text("Obama pressed Cuba on human rights.", DAY), "pressed") == [
        ("USAELI", "CUB", "0243")
    ]
    over = pipeline.code_text("Blinken pressed China over the release of detained Americans.", DAY)
    assert [code for _, _, code in _coded(over, "pressed")] == ["0253"]
