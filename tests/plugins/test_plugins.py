"""Extending the coder from outside the package, through the registry (docs/architecture.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from thucydides import registry
from thucydides.errors import SettingsError
from thucydides.events.control import load_control
from thucydides.events.extract import EventFinder, default_passes
from thucydides.events.lexicon import load_lexicon
from thucydides.models import Article
from thucydides.parse import SpacyParser
from thucydides.pipeline import Pipeline, PipelineConfig

from .example import CountingParser, UDParser, dyads, en_ud, mark_main, patterns, router

TEXT = "Japan criticised North Korea on Tuesday. China praised Russia."


PLUGINS = {
    ("event_passes", "mark-main"): mark_main,
    ("parsers", "counting"): CountingParser,
    ("parsers", "ud"): UDParser,
    ("languages", "en-ud"): en_ud,
    ("lexicons", "bamboozle"): patterns,
    ("writers", "dyads"): dyads,
    ("routers", "count"): router,
}


@pytest.fixture()
def registered() -> Iterator[None]:
    for (category, name), factory in PLUGINS.items():
        registry.register(category, name, factory)
    yield
    for category, name in PLUGINS:
        registry.unregister(category, name)


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
    pipeline = Pipeline.load(PipelineConfig(parser="counting", coder="rules", classifier=False))
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


def test_plugin_event_pattern_codes_a_verb_the_lexicon_lacks(registered: None, parser: SpacyParser) -> None:
    text = "Russia bamboozled Japan on Tuesday."
    assert not Pipeline.load(PipelineConfig(coder="rules", classifier=False), parser=parser).code_text(
        text, "2025-06-03"
    )
    plugged = Pipeline.load(PipelineConfig(coder="rules", classifier=False, lexicons=("bamboozle",)), parser=parser)
    (event,) = plugged.code_text(text, "2025-06-03")
    assert event.source is not None and event.target is not None
    assert (event.source.code, event.target.code, event.cameo) == ("RUS", "JPN", "112")
    assert event.explanation.rule == "patterns.yaml:entry 1: verb 'bamboozle *'"


def test_plugin_language_maps_its_parser_labels_onto_the_ones_the_coder_reads(registered: None) -> None:
    text = "Japan's navy attacked Chinese warplanes. Russia was criticised by Japan."
    english = [
        (e.source, e.target, e.cameo)
        for e in Pipeline.load(PipelineConfig(coder="rules", classifier=False)).code_text(text)
    ]
    ud = PipelineConfig(coder="rules", classifier=False, parser="ud", language="en-ud")
    assert [(e.source, e.target, e.cameo) for e in Pipeline.load(ud).code_text(text)] == english
    unmapped = PipelineConfig(
        coder="rules", classifier=False, parser="ud"
    )  # UD labels read as if they were English ones
    assert [(e.source, e.target, e.cameo) for e in Pipeline.load(unmapped).code_text(text)] != english


def test_plugin_output_format_serves_both_code_and_export(registered: None, pipeline: Pipeline, tmp_path: Path) -> None:
    from thucydides.store import Store
    from thucydides.store.export import export
    from thucydides.writers import to_string

    coded = list(pipeline.code([Article(id="a", text="Russia attacked Ukraine.", date=dt.date(2025, 6, 3))]))
    assert to_string(coded[0].events, "dyads") == "RUS\tUKR\t190\n"
    with Store.open(tmp_path / "s.duckdb") as store:
        store.ingest(coded)
        assert export(store, "dyads", tmp_path / "out.tsv") == 1
    assert (tmp_path / "out.tsv").read_text() == "RUS\tUKR\t190\n"


def test_plugin_api_endpoint_is_served_beside_the_builtin_ones(registered: None, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from thucydides.store import Store
    from thucydides.web import ServerConfig, create_app

    with Store.open(tmp_path / "s.duckdb"):
        pass
    with TestClient(create_app(ServerConfig(tmp_path / "s.duckdb")), base_url="http://127.0.0.1") as client:
        answer = client.get("/api/plugin/count")
    assert answer.status_code == 200 and answer.json() == {"events": 0}
