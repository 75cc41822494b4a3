from typing import Any

import pytest

from thucydides.clean import clean
from thucydides.models import Article
from thucydides.parse import SpacyParser, sentence_from_conll


def test_spacy_parser_gives_sentences_with_article_offsets(parser: SpacyParser) -> None:
    text = "Headline\n\nJapan met NATO. Russia attacked Ukraine."
    (parsed,) = parser.parse([clean(Article(id="a", text=text))])
    assert [s.text for s in parsed.sentences] == ["Headline", "Japan met NATO.", "Russia attacked Ukraine."]
    assert [s.index for s in parsed.sentences] == [0, 1, 2]
    for sentence in parsed.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text
    attacked = parsed.sentences[2].tokens[1]
    assert attacked.lemma == "attack" and attacked.pos == "VERB"
    assert parsed.sentences[2].tokens[attacked.head] is attacked


def test_sentence_from_conll_builds_heads_and_children() -> None:
    rows = """
1 Russia russia PROPN NNP _ 2 nsubj
2 attacked attack VERB VBD _ 0 ROOT
3 Ukraine ukraine PROPN NNP _ 2 dobj
"""
    s = sentence_from_conll(rows)
    assert s.root == 1 and s.tokens[1].children == [0, 2]
    assert s.tokens[2].start == s.text.index("Ukraine")


def test_hyphenated_verbs_stay_one_token_and_parse_as_verbs(parser: SpacyParser) -> None:
    (parsed,) = parser.parse([clean(Article(id="a", text="North Korea test-fired two missiles."))])
    (sentence,) = parsed.sentences
    fired = next(t for t in sentence.tokens if t.text == "test-fired")
    assert fired.pos == "VERB" and sentence.root == fired.i


def test_a_second_clause_gets_back_the_subject_joined_to_the_first_object(parser: SpacyParser) -> None:
    text = "Japan condemned the launch and South Korea also condemned it."
    (sentence,) = next(iter(parser.parse([clean(Article(id="t", text=text))]))).sentences
    second = [t for t in sentence.tokens if t.text == "condemned"][1]
    subject = sentence.child(second, "nsubj")
    assert subject is not None and subject.text == "Korea"
    launch = next(t for t in sentence.tokens if t.text == "launch")
    assert subject.i not in launch.children


def test_a_clause_hung_from_a_day_and_a_name_gets_the_name_back_as_its_subject(parser: SpacyParser) -> None:
    text = "Hamas freed the hostages on Monday and Israel released 2,000 Palestinian prisoners."
    (sentence,) = next(iter(parser.parse([clean(Article(id="t", text=text))]))).sentences
    released = next(t for t in sentence.tokens if t.text == "released")
    subject = sentence.child(released, "nsubj")
    assert subject is not None and subject.text == "Israel"
    # an adverbial clause of its own kind keeps no borrowed subject: "killing" is the strike's
    text = "Israel struck Gaza on Monday, killing 10 people."
    (sentence,) = next(iter(parser.parse([clean(Article(id="t", text=text))]))).sentences
    killing = next(t for t in sentence.tokens if t.text == "killing")
    assert sentence.child(killing, "nsubj") is None


def test_a_verb_of_saying_gets_back_the_clause_whose_subject_was_read_as_its_object(parser: SpacyParser) -> None:
    text = (
        "The two men held talks at the defence ministry in Tokyo, where Nakatani said Japan, having already "
        "provided Ukraine with defence equipment and funds, hoped to deepen its cooperation with NATO."
    )
    (sentence,) = next(iter(parser.parse([clean(Article(id="t", text=text))]))).sentences
    said = next(t for t in sentence.tokens if t.text == "said")
    hoped = next(t for t in sentence.tokens if t.text == "hoped")
    assert hoped.head == said.i and hoped.dep == "ccomp"
    subject = sentence.child(hoped, "nsubj")
    assert subject is not None and subject.text == "Japan"
    provided = next(t for t in sentence.tokens if t.text == "provided")
    assert provided.head == hoped.i
    # a thing said is left alone when no clause hangs from an earlier verb
    text = "The envoy said a prayer at the memorial and left the city."
    (sentence,) = next(iter(parser.parse([clean(Article(id="t", text=text))]))).sentences
    said = next(t for t in sentence.tokens if t.text == "said")
    assert [sentence.tokens[c].text for c in said.children if sentence.tokens[c].dep == "dobj"] == ["prayer"]


def test_an_object_read_into_its_predicate_is_split_back(parser: SpacyParser) -> None:
    text = "Prime Minister Fumio Kishida called the attack barbaric."
    (sentence,) = next(iter(parser.parse([clean(Article(id="t", text=text))]))).sentences
    called = next(t for t in sentence.tokens if t.text == "called")
    obj = sentence.child(called, "dobj")
    assert obj is not None and obj.text == "attack"
    assert sentence.child(obj, "det") is not None


def test_a_prefixed_irregular_verb_gets_the_lemma_of_its_verb(parser: SpacyParser) -> None:
    text = "The army retook the airport and rebels overran two bases."
    (sentence,) = next(iter(parser.parse([clean(Article(id="t", text=text))]))).sentences
    lemmas = {t.text: t.lemma for t in sentence.tokens}
    assert lemmas["retook"] == "retake" and lemmas["overran"] == "overrun"
    assert lemmas["army"] == "army"  # nouns keep their own


def test_prefixed_lemmas_only_repair_verbs_whose_rest_is_an_irregular_form() -> None:
    from thucydides.parse import repair_prefixed_lemmas

    rows = """
1 They they PRON PRP _ 2 nsubj
2 retook retook VERB VBD _ 0 ROOT
3 redid redid VERB VBD _ 2 conj
4 reran reran VERB VBD _ 2 conj
"""
    s = sentence_from_conll(rows)
    repair_prefixed_lemmas(s.tokens, {"took": "take", "ran": "run"})
    assert [t.lemma for t in s.tokens] == ["they", "retake", "redid", "rerun"]


def test_kept_lemmas_are_the_lemmatizers_own(parser: SpacyParser) -> None:
    import spacy

    from thucydides import parse

    plain = spacy.load(parse.DEFAULT_MODEL)
    text = (
        "Protesters saw the saw. She leaves; the leaves fell. Ministers met, meeting again at the meetings. "
        "Putin's forces attacked Kharkiv's outskirts, and Kyiv's attacks were better. It was the best of times! "
        "The U.S. said: \u201cWe are watching\u201d. Troops are watching, were watched and had watched."
    )
    for _ in range(2):  # the second time from what was kept
        ours = [(t.text, t.pos_, t.lemma_) for t in parser.nlp(text)]
        assert ours == [(t.text, t.pos_, t.lemma_) for t in plain(text)]


def test_a_lemma_is_worked_out_once_and_the_kept_ones_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    from thucydides import parse

    nlp = spacy.load(parse.DEFAULT_MODEL)
    lemmatizer = nlp.get_pipe("lemmatizer")
    asked: list[str] = []
    rule = lemmatizer.rule_lemmatize

    def counted(token: Any) -> list[str]:
        asked.append(token.text)
        return rule(token)

    monkeypatch.setattr(lemmatizer, "rule_lemmatize", counted)
    assert parse.cache_lemmas(nlp)
    nlp("Troops attack. Troops attack.")
    assert sorted(asked) == [".", "Troops", "attack"]  # each form once
    monkeypatch.setattr(parse, "KNOWN_LEMMAS", 2)
    asked.clear()
    assert parse.cache_lemmas(nlp)
    nlp("Troops attack. Troops attack.")
    assert len(asked) > 3  # only two kept at a time: forgotten and worked out again
    assert not parse.cache_lemmas(spacy.blank("en"))  # no lemmatizer: nothing changed
