"""The attribute ruler's lookup matcher: the same matches, and so the same annotations, as spaCy's own."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from thucydides.attribute_match import AttributeMatch, fast_attribute_ruler
from thucydides.parse import SpacyParser, load_spacy

TEXTS = [
    "Russian troops shelled Kharkiv on Monday, killing three civilians.",
    "I ain't gonna say it, y'all, there's nothin' left.",  # the rules of two words and the regular expressions
    "There are  two spaces\n\nand lines here. Was it?",
    "The ministers of France and Germany haven't met since 2019, and won't.",
]
ATTRS = ["LEMMA", "POS", "TAG", "MORPH", "DEP", "HEAD", "ENT_TYPE"]


@pytest.fixture(scope="module")
def stock() -> Any:
    return load_spacy()


def test_the_lookup_finds_the_same_matches_as_spacys_matcher(stock: Any) -> None:
    ruler = stock.get_pipe("attribute_ruler")
    fast = AttributeMatch.compile(ruler)
    assert fast is not None
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(stock.pipe(TEXTS))
    for doc in docs:
        assert fast(doc) == [tuple(m) for m in ruler.match(doc)]
    assert any(end - start == 2 for doc in docs for _, _, start, end in fast(doc))


def test_the_pipeline_with_the_lookup_annotates_as_spacy_does(stock: Any, parser: SpacyParser) -> None:
    assert isinstance(parser.nlp.get_pipe("attribute_ruler").match, AttributeMatch)
    for ours, theirs in zip(parser.nlp.pipe(TEXTS), stock.pipe(TEXTS), strict=True):
        assert np.array_equal(ours.to_array(ATTRS), theirs.to_array(ATTRS))
        assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]


def test_a_pattern_the_lookup_cannot_read_keeps_spacys_matcher() -> None:
    nlp = load_spacy()
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert AttributeMatch.compile(ruler) is None
    assert not fast_attribute_ruler(nlp)
    assert not isinstance(ruler.match, AttributeMatch)
