"""Pass ``response``: a response promised is a threat, aimed at whom it answers."""

from __future__ import annotations

from thucydides.models import Event
from thucydides.pipeline import Pipeline


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return pipeline.code_text(text, "2025-03-04")


def _threats(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
        if e.cameo.startswith("13")
    }


def test_a_response_in_the_future_under_a_verb_of_saying_is_a_threat_at_the_actor_of_its_condition(
    pipeline: Pipeline,
) -> None:
    events = _events(pipeline, "Chile said it would respond firmly if Bolivia closed the border crossing.")
    assert ("CHL", "BOL") in _threats(events)
    threat = next(e for e in events if e.cameo.startswith("13"))
    assert threat.cameo == "130" and "response" in threat.explanation.passes


def test_a_response_vowed_is_a_threat_not_an_intent(pipeline: Pipeline) -> None:
    events = _events(pipeline, "The Houthis vowed to respond to the Saudi blockade.")
    assert _threats(events) == {("YEM", "SAU")}
    assert not any(e.cameo.startswith("03") for e in events)


def test_the_right_to_respond_is_a_threat_and_a_retaliation_reserved_is_no_use_of_force(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Ankara said it had every right to respond to the Greek military build-up.")
    assert ("TUR", "GRC") in _threats(events)
    events = _events(pipeline, "Beijing reserved the right to retaliate against Canada.")
    assert ("CHN", "CAN") in _threats(events)
    assert not any(e.cameo.startswith("19") for e in events)


def test_a_reply_promised_is_a_threat(pipeline: Pipeline) -> None:
    assert ("VEN", "GUY") in _threats(_events(pipeline, "Venezuela promised a swift reply to Guyana."))


def test_a_response_with_no_one_named_answers_whoever_last_acted_against_the_responder(pipeline: Pipeline) -> None:
    text = (
        "Poland expelled three Belarusian diplomats on Tuesday. "
        "The Belarusian foreign ministry said Minsk would respond."
    )
    events = _events(pipeline, text)
    assert ("BLR", "POL") in _threats(events)
    threat = next(e for e in events if e.cameo.startswith("13"))
    assert "answers" in (threat.target.how if threat.target else "")


def test_whoever_meets_a_response_promised_is_threatened(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Kenya's army said Somali militants would meet a severe response.")
    threats = [e for e in events if e.cameo.startswith("13")]
    assert threats and threats[0].source is not None and threats[0].source.country == "KEN"
    assert threats[0].target is not None and threats[0].target.country == "SOM"


def test_responses_that_happened_refused_or_made_by_another_act_are_no_threat(pipeline: Pipeline) -> None:
    assert not _threats(_events(pipeline, "Russia responded to the sanctions with a statement on Monday."))
    assert not _threats(_events(pipeline, "Minsk said it would not respond to the provocation by Warsaw."))
    # "respond by banning": the threat, if any, is of the banning, never a bare 130 at "respond"
    events = _events(pipeline, "He said Belgrade would respond by closing its airspace to Kosovo flights.")
    assert not any(e.cameo == "130" and e.trigger.text == "respond" for e in events)


def test_a_threat_of_force_already_made_stays_one(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Iran said it would retaliate against Israel.")
    assert any(e.cameo.startswith("138") for e in events)


def test_a_response_that_a_supposed_act_would_be_met_with_threatens_its_doer(pipeline: Pipeline) -> None:
    # "warned", and the passive "would be met with": the doer of the act supposed is threatened
    for text in (
        "Iran warned that any U.S. attack on Iranian tankers would be met with a crushing response.",
        "Iran warned that any U.S. attack on Iranian tankers would meet a crushing response.",
    ):
        events = _events(pipeline, text)
        promised = [e for e in events if e.explanation.rule.startswith("response:")]
        assert _threats(promised) == {("IRN", "USA")}, text
        # the attack is supposed, not reported: no event of its own
        assert not any(e.cameo.startswith("19") for e in events), text
