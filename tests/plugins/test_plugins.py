"""Extending the coder from outside the package, through the registry (docs/architecture.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from thucydides import registry
from thucydides.errors import SettingsError
from thucydides.events.control import load_control
from thucydides.events.extract import EventFinder, default_passes
from thucydides.events.lexicon import load_lexicon
from thucydides.parse import SpacyParser
from thucydides.pipeline import Pipeline, PipelineConfig

from .example import CountingParser, mark_main

TEXT = "Japan criticised North Korea on Tuesday. China praised Russia."


@pytest.fixture()
def registered() -> Iterator[None]:
    registry.register("event_passes", "mark-main", mark_main)
    registry.register("parsers", "counting", CountingParser)
    yield
    registry.unregister("event_passes", "mark-main")
    registry.unregister("parsers", "counting")


@pytest.fixture()
def entry_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed distribution whose entry point registers the pass, as ``pip install`` would leave it."""
    dist = tmp_path / "thucydides_example_plugin-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: thucydides-example-plugin\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[thucydides_event_passes]\nmark-main = tests.plugins.example:mark_main\n")
    monkeypatch.syspath_prepend(str(tmp_path))


def _with_pass(parser: SpacyParser) -> Pipeline:
    config = PipelineConfig(event_passes=(*default_passes(True), "mark-main"))
    return Pipeline.load(config, parser=parser)


def test_plugin_pass_runs_after_the_builtin_passes_and_is_named(registered: None, parser: SpacyParser) -> None:
    events = _with_pass(parser).code_text(TEXT, "2025-06-03")
    main = [e for e in events if "main" in e.explanation.modifiers]
    assert {e.sentence_index for e in main} == {0, 1}
    assert all(e.explanation.passes[-1] == "mark-main" for e in main)


def test_plugin_pass_is_found_through_its_entry_point(entry_point: None, parser: SpacyParser) -> None:
    assert "mark-main" in registry.names("event_passes")
    events = _with_pass(parser).code_text(TEXT, "2025-06-03")
    assert any("mark-main" in e.explanation.passes for e in events)
    registry.unregister("event_passes", "mark-main")  # loaded entry points are remembered


def test_plugin_parser_is_chosen_by_name_in_the_config(registered: None) -> None:
    before = CountingParser.parsed
    pipeline = Pipeline.load(PipelineConfig(parser="counting", classifier=False))
    assert pipeline.code_text(TEXT, "2025-06-03")
    assert CountingParser.parsed == before + 1


def test_unknown_pass_name_is_a_numbered_error_that_lists_the_known_ones() -> None:
    with pytest.raises(SettingsError) as err:
        EventFinder(load_lexicon(), load_control(), passes=("triggers", "no-such-pass"))
    assert err.value.code == "E040"
    assert "negation" in err.value.message


def test_registry_rejects_an_unknown_category() -> None:
    with pytest.raises(SettingsError) as err:
        registry.register("widgets", "x", print)
    assert err.value.code == "E040"


def test_entry_point_group_is_named_after_the_category() -> None:
    assert registry.group("event_passes") == "thucydides_event_passes"
