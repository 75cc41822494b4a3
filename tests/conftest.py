"""Shared fixtures: a tiny knowledge base and lexicon, the real parser, and the full pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.actors.kb import KnowledgeBase, build_kb
from thucydides.events.coder import EventCoder
from thucydides.events.control import load_control
from thucydides.events.extract import EventFinder
from thucydides.events.lexicon import Lexicon, build_lexicon
from thucydides.events.taxonomy import load_taxonomy
from thucydides.parse import SpacyParser
from thucydides.pipeline import Pipeline, PipelineConfig

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="session")
def mini_kb() -> KnowledgeBase:
    return build_kb([FIXTURES / "mini_actors.yaml"])


@pytest.fixture(scope="session")
def mini_lexicon() -> Lexicon:
    return build_lexicon([FIXTURES / "mini_classes.yaml"], [FIXTURES / "mini_lexicon.yaml"])


@pytest.fixture(scope="session")
def parser() -> SpacyParser:
    return SpacyParser()


@pytest.fixture(scope="session")
def mini_pipeline(parser: SpacyParser, mini_kb: KnowledgeBase, mini_lexicon: Lexicon) -> Pipeline:
    """The real parser with the tiny dictionaries: pins the engine, not the shipped data."""
    taxonomy = load_taxonomy()
    coder = EventCoder(EventFinder(mini_lexicon, load_control()), taxonomy)
    return Pipeline(parser=parser, kb=mini_kb, lexicon=mini_lexicon, taxonomy=taxonomy, coder=coder)


@pytest.fixture(scope="session")
def pipeline(parser: SpacyParser) -> Pipeline:
    """The full pipeline with the shipped knowledge base and lexicon, rules coder: pins the rules' behaviour
    (the learned layer has tests of its own in tests/neural with ``hybrid_pipeline``). No confidence floor:
    the precision dial is tested on its own (tests/test_admission.py)."""
    return Pipeline.load(PipelineConfig(coder="rules", min_confidence=0.0), parser=parser)


@pytest.fixture(scope="session")
def hybrid_pipeline(parser: SpacyParser) -> Pipeline:
    """The full pipeline as a user gets it by default: the rules checked by the learned layer (no floor)."""
    return Pipeline.load(PipelineConfig(coder="hybrid", min_confidence=0.0), parser=parser)


@pytest.fixture()
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA
