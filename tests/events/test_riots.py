"""The ``riots`` pass: force used by a crowd is violent protest (145)."""

from thucydides.models import Event
from thucydides.pipeline import Pipeline

DAY = "2024-03-07"


def _codes(events: list[Event], trigger: str) -> list[str]:
    return [e.cameo for e in events if e.trigger.text == trigger]


def test_a_crowd_attacking_or_storming_riots(pipeline: Pipeline) -> None:
    events = pipeline.code_text("Protesters attacked the French embassy in Ouagadougou on Tuesday.", DAY)
    assert _codes(events, "attacked") == ["145"]
    (attacked,) = [e for e in events if e.trigger.text == "attacked"]
    assert "riot" in attacked.explanation.modifiers and "violent protest" in attacked.explanation.reason
    stormed = pipeline.code_text("Crowds stormed the prime minister's residence in Dhaka on Monday.", DAY)
    assert _codes(stormed, "stormed") == ["145"]
    demolished = pipeline.code_text("The Russian building was demolished by a Ukrainian protestor.", DAY)
    assert _codes(demolished, "demolished") == ["145"]


def test_armed_men_and_armies_are_no_crowd(pipeline: Pipeline) -> None:
    assert _codes(pipeline.code_text("Gunmen attacked the French embassy in Bamako.", DAY), "attacked") == ["190"]
    assert _codes(pipeline.code_text("Russian troops attacked Ukrainian positions.", DAY), "attacked") == ["190"]


def test_a_crowds_specific_act_keeps_its_code(pipeline: Pipeline) -> None:
    # a killing by a mob is a killing; missiles launched are missiles, whoever launched them
    beat = pipeline.code_text("A mob in eastern Pakistan beat to death a Sri Lankan factory manager.", DAY)
    assert "145" not in [e.cameo for e in beat]
    missiles = pipeline.code_text("Georgian demonstrators launched missiles at the Georgian government.", DAY)
    assert "145" not in [e.cameo for e in missiles]


def test_a_state_protests_by_complaining_not_by_taking_to_the_streets(pipeline: Pipeline) -> None:
    events = pipeline.code_text("Japan protested against the incursion by Chinese ships.", "2024-03-07")
    assert [(e.source.country, e.target.country, e.cameo) for e in events] == [("JPN", "CHN", "114")]
    # people protest in the streets, and so do bodies only an adjective ties to a state
    students = pipeline.code_text("Students protested against the government in Dhaka.", "2024-07-16")
    assert [e.cameo[:2] for e in students] == ["14"]
    people = pipeline.code_text("Russians protested against the war in Moscow.", "2022-02-25")
    assert all(e.cameo.startswith("14") for e in people)
