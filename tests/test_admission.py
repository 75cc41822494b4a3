"""The pipeline's last look: what is emitted, what is refused and why, and the confidence floor."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from thucydides.events.calibration import FEATURES, Calibration
from thucydides.models import Article
from thucydides.parse import SpacyParser
from thucydides.pipeline import Pipeline, PipelineConfig

pytestmark = pytest.mark.slow

DAY = dt.date(2025, 6, 3)


def coded(pipeline: Pipeline, text: str):  # type: ignore[no-untyped-def]
    return next(iter(pipeline.code([Article(id="t", text=text, date=DAY)])))


def test_a_denied_act_is_refused_and_the_denial_is_the_event(pipeline: Pipeline) -> None:
    result = coded(pipeline, "The Chadian army denied that its soldiers had shelled the refugee camp near Abeche.")
    assert [e.cameo_root for e in result.events] == ["01"] and result.events[0].trigger.text == "denied"
    (refused,) = result.refused
    assert refused.event.cameo_root == "19" and "denied" in refused.reason


def test_the_claimant_of_an_attack_is_its_source(pipeline: Pipeline) -> None:
    result = coded(pipeline, "Al-Shabaab claimed responsibility for the bombing of a police station in Mogadishu.")
    bombing = next(e for e in result.events if e.cameo_root == "18")
    assert bombing.source is not None and bombing.source.text == "Al-Shabaab"
    assert "claimed" in bombing.explanation.modifiers and "factuality" in bombing.explanation.passes


def test_attribution_is_refused_while_what_was_said_is_coded(pipeline: Pipeline) -> None:
    result = coded(pipeline, "Ukraine's foreign minister said Russian forces shelled Kharkiv overnight.")
    assert any(e.cameo_root == "19" and e.source and e.source.code.startswith("RUS") for e in result.events)
    assert not any(e.cameo_root == "01" for e in result.events)


def test_counts_add_up_and_nothing_found_is_lost(pipeline: Pipeline) -> None:
    text = "Police said the crowd was dispersed. Russia criticised NATO on Monday."
    result = coded(pipeline, text)
    assert result.refused and all(r.reason for r in result.refused)
    emitted = {e.event_id for e in result.events}
    assert not emitted & {r.event.event_id for r in result.refused}


def test_the_confidence_floor_refuses_what_falls_under_it(pipeline: Pipeline) -> None:
    text = "Russia criticised NATO on Monday. Japan wants to join NATO."
    everything = coded(pipeline, text)
    assert len(everything.events) >= 2
    floor = sorted(e.confidence for e in everything.events)[-1]  # only the surest event stays
    strict = dataclasses.replace(pipeline, config=dataclasses.replace(pipeline.config, min_confidence=floor))
    result = coded(strict, text)
    assert 1 <= len(result.events) < len(everything.events)
    assert all(e.confidence >= floor for e in result.events)
    assert any("under the floor" in r.reason for r in result.refused)


def test_a_calibration_replaces_the_raw_confidence(pipeline: Pipeline) -> None:
    sure_when_sourced = tuple(-4.0 if name == "no source" else 0.0 for name in FEATURES)
    calibrated = dataclasses.replace(pipeline, calibration=Calibration(sure_when_sourced, 3.0, 0.0))
    (event,) = [e for e in coded(calibrated, "Russia criticised NATO on Monday.").events if e.cameo_root == "11"]
    assert event.confidence == pytest.approx(0.953, abs=0.001)  # 1 / (1 + e^-3): the source is there


def test_the_shipped_calibration_exists_for_every_coder(parser: SpacyParser) -> None:
    from thucydides.events.calibration import load_calibration
    from thucydides.events.passes import CODERS

    for coder in CODERS:
        found = load_calibration(coder)
        assert found is not None, f"no calibration for {coder}: run scripts/calibrate.py corpus/realnews/gold"
        assert 0.0 <= found.min_confidence < 1.0 and "dev stories" in found.trained_on
    assert Pipeline.load(PipelineConfig(coder="rules"), parser=parser).calibration is not None
