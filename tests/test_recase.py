"""Title-case headlines are parsed as sentences; other text is read as written."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from thucydides.clean import clean
from thucydides.models import Article
from thucydides.pipeline import Pipeline
from thucydides.recase import Recaser

VOCABULARY = {"accuse", "trade", "violation", "vow", "case", "defence", "minister", "tell", "want", "join", "police"}


def _recaser() -> Recaser:
    return Recaser(VOCABULARY, lambda phrase: phrase in {"Finland", "India", "Japan", "NATO", "Tokyo"}, STOP_WORDS)


def test_a_title_case_headline_has_its_common_words_lowered_and_its_names_kept() -> None:
    text = "Finland Accuses India of Trade Violations, Vows WTO Case"
    recased = _recaser()(text)
    assert recased == "Finland accuses India of trade violations, vows WTO case"
    assert len(recased) == len(text)


def test_a_sentence_with_many_names_is_not_a_headline() -> None:
    text = "Japan's Defence Minister told NATO in Tokyo that Japan wants to join."
    assert _recaser()(text) == text


def test_words_neither_common_nor_known_keep_their_capitals() -> None:
    # "Moroni" is in no list: taken for a name; the first word and acronyms are never lowered
    assert _recaser()("Police In Moroni Accuse Trade Minister") == "Police in Moroni accuse trade minister"


def test_a_headline_in_title_case_is_coded_like_the_sentence(pipeline: Pipeline) -> None:
    headline = pipeline.code_text("Greece Condemns Turkey Over Airspace Violations", "2024-03-07")
    sentence = pipeline.code_text("Greece condemns Turkey over airspace violations", "2024-03-07")
    assert [(e.cameo, e.source.code, e.target.code) for e in headline if e.source and e.target] == [
        (e.cameo, e.source.code, e.target.code) for e in sentence if e.source and e.target
    ]
    assert headline and headline[0].cameo.startswith("11")
    assert headline[0].trigger.text == "Condemns"  # the words are the original's


def test_a_parsed_headline_keeps_the_original_text_at_its_tokens_offsets(pipeline: Pipeline) -> None:
    text = "Finland Accuses India of Trade Violations"
    parsed = next(iter(pipeline.parser.parse([clean(Article(id="h", text=text))])))
    (sentence,) = parsed.sentences
    assert sentence.text == text
    assert [text[t.start : t.end] for t in sentence.tokens] == text.split()
    # the tokens are the words as the parser read them: a verb, and no "Trade" that might be a name
    assert [t.text for t in sentence.tokens if t.pos == "VERB"] == ["accuses"]
    assert [t.text for t in sentence.tokens] == ["Finland", "accuses", "India", "of", "trade", "violations"]


def test_shipped_names_keep_their_capitals_and_words_that_only_look_like_names_do_not(pipeline: Pipeline) -> None:
    recase = pipeline.parser.recase  # type: ignore[attr-defined]
    assert recase is not None
    # a country before a full stop; a bare surname ("Ban" of Ban Ki-moon) is no name in a title
    assert recase("U.S. Lifts Travel Ban to Lebanon.") == "U.S. lifts travel ban to Lebanon."
    # a province of that name keeps its capital; an adjective that also names provinces does not
    assert recase("Refugees Granted Asylum Are Welcome In Connecticut") == (
        "Refugees granted asylum are welcome in Connecticut"
    )
    assert recase("Witness: Military Uses Tear Gas on Rally in Central Dublin") == (
        "Witness: Military uses tear gas on rally in central Dublin"
    )


def test_a_title_case_headline_with_no_determiner_is_coded_with_its_verb(pipeline: Pipeline) -> None:
    # recased, "Greece denounces actions by Jamaica" is still read as one noun phrase; its verb is found
    events = pipeline.code_text("Greece Denounces Actions By Jamaica", "2024-03-07")
    assert [(e.cameo[:2], e.source.code, e.target.code) for e in events if e.source and e.target][:1] == [
        ("11", "GRC", "JAM")
    ]


def test_an_acronym_neither_counts_against_a_headline_nor_is_lowered() -> None:
    recaser = Recaser(VOCABULARY | {"ngo", "government"}, lambda phrase: False, STOP_WORDS)
    assert recaser("Local NGO Accuses Government of Coverup") == "Local NGO accuses government of Coverup"
