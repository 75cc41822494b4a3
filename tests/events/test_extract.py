"""The event engine, pinned with the tiny fixture dictionaries and the real parser."""

from thucydides.models import Event
from thucydides.pipeline import Pipeline

DAY = "2025-06-03"


def _codes(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None, str]]:
    events: list[Event] = pipeline.code_text(text, DAY)
    return [(e.source.code if e.source else None, e.target.code if e.target else None, e.cameo) for e in events]


def test_subject_verb_object(mini_pipeline: Pipeline) -> None:
    assert _codes(mini_pipeline, "Russia attacked Ukraine.") == [("RUS", "UKR", "190")]


def test_passive_voice_swaps_to_the_by_agent(mini_pipeline: Pipeline) -> None:
    assert _codes(mini_pipeline, "Ukraine was attacked by Russia on Monday.") == [("RUS", "UKR", "190")]


def test_more_specific_pattern_wins(mini_pipeline: Pipeline) -> None:
    assert _codes(mini_pipeline, "Israel accused Hamas of corruption.")[0][2] == "1121"
    assert _codes(mini_pipeline, "Israel accused Hamas.")[0][2] == "112"


def test_event_noun_takes_source_from_light_verb_subject(mini_pipeline: Pipeline) -> None:
    # talks take two: the event is coded for each side, the written direction first
    assert _codes(mini_pipeline, "Japan held talks with NATO in Tokyo.") == [
        ("JPN", "IGOWSTNAT", "040"),
        ("IGOWSTNAT", "JPN", "040"),
    ]


def test_one_sided_events_are_never_mirrored(mini_pipeline: Pipeline) -> None:
    assert _codes(mini_pipeline, "Russia attacked Ukraine.") == [("RUS", "UKR", "190")]
    events = mini_pipeline.code_text("Japan held talks with NATO in Tokyo.", DAY)
    assert [e.explanation.modifiers for e in events] == [(), ("reciprocal",)]


def test_event_noun_takes_source_from_possessor(mini_pipeline: Pipeline) -> None:
    events = _codes(mini_pipeline, "Officials praised Pete Hegseth's visit to Japan.")
    assert ("USAGOVMIL", "JPN", "042") in events


def test_conjoined_targets_give_one_event_each(mini_pipeline: Pipeline) -> None:
    events = _codes(mini_pipeline, "Rutte called the military cooperation of China, North Korea and Russia a threat.")
    assert events == [("IGOWSTNAT", "CHN", "111"), ("IGOWSTNAT", "PRK", "111"), ("IGOWSTNAT", "RUS", "111")]


def test_intent_verb_folds_complement_into_express_intent(mini_pipeline: Pipeline) -> None:
    assert _codes(mini_pipeline, "Japan wants to join NATO's command.") == [("JPN", "IGOWSTNAT", "031")]
    assert _codes(mini_pipeline, "Japan plans to meet South Korea.") == [("JPN", "KOR", "036")]


def test_appeal_targets_the_party_asked(mini_pipeline: Pipeline) -> None:
    assert _codes(mini_pipeline, "The UN urged Israel to agree to a ceasefire.") == [("IGOUNO", "ISR", "0256")]


def test_refusal_and_negation_become_rejections(mini_pipeline: Pipeline) -> None:
    assert _codes(mini_pipeline, "Russia refused to meet Ukraine.") == [("RUS", "UKR", "125")]
    assert _codes(mini_pipeline, "Russia did not meet Ukraine.") == [("RUS", "UKR", "125")]
    assert _codes(mini_pipeline, "Russia did not attack Ukraine.") == []


def test_threat_to_attack_is_a_military_threat(mini_pipeline: Pipeline) -> None:
    assert _codes(mini_pipeline, "Russia threatened to attack Ukraine.") == [("RUS", "UKR", "1384")]


def test_reported_speech_codes_what_was_said(mini_pipeline: Pipeline) -> None:
    assert _codes(mini_pipeline, "The Kremlin said Russian troops attacked Ukraine.") == [("RUSMIL", "UKR", "190")]


def test_conditional_event_is_not_coded(mini_pipeline: Pipeline) -> None:
    assert _codes(mini_pipeline, "If Russia attacks Ukraine, NATO will respond.") == []


def test_background_event_is_marked_not_current(mini_pipeline: Pipeline) -> None:
    events = mini_pipeline.code_text("Japan, having already provided Ukraine with weapons, met NATO.", DAY)
    by_code = {e.cameo: e for e in events}
    assert by_code["072"].current is False
    assert by_code["040"].current is True


def test_main_clause_event_comes_first(mini_pipeline: Pipeline) -> None:
    events = _codes(mini_pipeline, "Japan met NATO after Russia attacked Ukraine.")
    assert events[0] == ("JPN", "IGOWSTNAT", "040")


def test_reciprocal_event_between_conjoined_subjects(mini_pipeline: Pipeline) -> None:
    events = _codes(mini_pipeline, "Japan and South Korea held talks.")
    assert ("JPN", "KOR", "040") in events and ("KOR", "JPN", "040") in events


def test_every_event_explains_itself(mini_pipeline: Pipeline) -> None:
    (event,) = mini_pipeline.code_text("Russia attacked Ukraine.", DAY)
    assert event.explanation.producer == "rule"
    assert "attack *" in event.explanation.rule and "190" in event.explanation.reason
    assert event.trigger.text == "attacked" and event.source is not None and "Russia" in event.source.how


def test_reported_future_is_a_promise_or_a_threat(mini_pipeline: Pipeline) -> None:
    assert ("RUS", "UKR", "1384") in _codes(mini_pipeline, "Russia said it would attack Ukraine.")
    assert ("JPN", "KOR", "036") in _codes(mini_pipeline, "Japan said it would meet South Korea.")


def test_domestic_event_targets_the_sources_own_state(mini_pipeline: Pipeline) -> None:
    assert _codes(mini_pipeline, "Protesters marched in Seoul.") == [("KORCVL", "KORGOV", "141")]
