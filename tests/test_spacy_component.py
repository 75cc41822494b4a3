"""The "thucydides_events" spaCy component: registered on import and by entry point, same events as the pipeline."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import subprocess
import sys

import pytest
import spacy

from thucydides import spacy_component
from thucydides.errors import SettingsError
from thucydides.models import Event
from thucydides.parse import DEFAULT_MODEL
from thucydides.pipeline import Pipeline, PipelineConfig

pytestmark = pytest.mark.slow
TEXT = (
    "Russia attacked Ukraine on Monday. China condemned the United States over arms sales to Taiwan. "
    "Japan's foreign minister met NATO's secretary general in Brussels on Tuesday."
)


@pytest.fixture()
def nlp(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> spacy.language.Language:
    """A fresh copy of the shipped model with the component; the session's coder stands in for a new one."""
    monkeypatch.setitem(spacy_component._PIPELINES, PipelineConfig(model=""), pipeline)
    model = spacy.load(DEFAULT_MODEL)
    model.add_pipe("thucydides_events", config={"date": "2025-06-04"})
    return model


def _key(event: Event) -> tuple[object, ...]:
    return (
        event.sentence_index,
        event.source.code if event.source else None,
        event.cameo,
        event.target.code if event.target else None,
        event.date,
        event.trigger,
        event.location.name if event.location else None,
    )


def test_component_fills_doc_events_like_the_pipeline(nlp: spacy.language.Language, pipeline: Pipeline) -> None:
    doc = nlp(TEXT)
    expected = pipeline.code_text(TEXT, "2025-06-04", article_id="doc")
    assert doc._.events, "no events coded"
    assert [_key(e) for e in doc._.events] == [_key(e) for e in expected]
    assert doc._.events[0].source.code == "RUS" and doc._.events[0].date == dt.date(2025, 6, 2)


def test_component_reads_the_date_and_id_set_on_the_doc(nlp: spacy.language.Language) -> None:
    doc = nlp.make_doc("Russia attacked Ukraine on Monday.")
    doc._.article_date = dt.date(2024, 2, 21)
    doc._.article_id = "story-9"
    for _name, component in nlp.pipeline:
        doc = component(doc)
    assert [(e.article_id, e.date) for e in doc._.events] == [("story-9", dt.date(2024, 2, 19))]


def test_component_works_in_nlp_pipe(nlp: spacy.language.Language) -> None:
    docs = list(nlp.pipe(["Russia attacked Ukraine.", "It rained in Paris.", "China condemned Japan."]))
    assert [[e.cameo_root for e in d._.events] for d in docs] == [["19"], [], ["11"]]


def test_component_after_blank_pipeline_says_a_parser_is_needed(pipeline: Pipeline, monkeypatch) -> None:
    monkeypatch.setitem(spacy_component._PIPELINES, PipelineConfig(model=""), pipeline)
    blank = spacy.blank("en")
    blank.add_pipe("thucydides_events")
    with pytest.raises(SettingsError) as err:
        blank("Russia attacked Ukraine.")
    assert err.value.code == "E085" and "DEP" in str(err.value)


def test_factory_is_registered_by_importing_thucydides_after_spacy() -> None:
    code = (
        "import spacy\nfrom spacy.language import Language\n"
        "before = Language.has_factory('thucydides_events')\nimport thucydides\n"
        "print(before, Language.has_factory('thucydides_events'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


def test_factory_is_declared_as_a_spacy_entry_point() -> None:
    points = importlib.metadata.entry_points(group="spacy_factories")
    point = next(p for p in points if p.name == "thucydides_events")
    assert point.load() is spacy_component.make_events_component


def test_add_pipe_works_without_importing_thucydides() -> None:
    code = (
        "import spacy, sys\n"
        f"nlp = spacy.load({DEFAULT_MODEL!r})\n"
        "nlp.add_pipe('thucydides_events', config={'date': '2025-06-03'})\n"
        "print([e.cameo for e in nlp('Russia attacked Ukraine.')._.events])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['190']"
