"""The ``assistance`` pass: forces sent to help are help, not a show of force."""

from thucydides.models import Event
from thucydides.pipeline import Pipeline

DAY = "2024-03-07"


def _sent(events: list[Event]) -> list[tuple[str | None, str | None, str]]:
    return [
        (e.source.country if e.source else None, e.target.country if e.target else None, e.cameo)
        for e in events
        if e.trigger.text.startswith(("sent", "send", "offered"))
    ]


def test_troops_sent_to_help_another_state_are_military_protection(pipeline: Pipeline) -> None:
    # whom the clause helps is the target when the sending names no place
    events = pipeline.code_text("Rwanda sent 1,000 troops to help Mozambique fight the insurgents.", DAY)
    assert _sent(events) == [("RWA", "MOZ", "074")]
    (sent,) = [e for e in events if e.trigger.text == "sent"]
    assert "assistance" in sent.explanation.modifiers and "not a show of force" in sent.explanation.reason


def test_police_promised_to_help_are_a_promise_of_police_cooperation_not_a_threat(pipeline: Pipeline) -> None:
    text = "The United States said it would send FBI agents to Haiti to help with the investigation."
    assert _sent(pipeline.code_text(text, DAY)) == [("USA", "HTI", "0313")]
    offered = pipeline.code_text("Kenya offered to send police to Haiti to help restore order.", DAY)
    assert _sent(offered) == [("KEN", "HTI", "0313")]


def test_forces_sent_with_no_one_to_help_or_to_a_border_stay_a_show_of_force(pipeline: Pipeline) -> None:
    text = "Myanmar sent marines to help protect its fishermen from pirates."
    assert [c for _, _, c in _sent(pipeline.code_text(text, DAY))] == ["154"]
    border = pipeline.code_text("Russia sent troops to the border with Ukraine.", DAY)
    assert _sent(border) == [("RUS", "UKR", "154")]
