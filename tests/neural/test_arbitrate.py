"""Arbitration between the rules and the learned layer: which layer produced each part, in the open."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from thucydides.clean import clean
from thucydides.doc import Doc
from thucydides.errors import SettingsError
from thucydides.events.candidates import Candidate
from thucydides.events.extract import EventFinder
from thucydides.events.passes import RULE_PASSES
from thucydides.events.passes.triggers import Triggers
from thucydides.events.taxonomy import five_class
from thucydides.models import Article
from thucydides.neural.arbitrate import OWN_EVENT, Arbiter, Thresholds, predict_sentences
from thucydides.neural.layer import Learned, _Kept
from thucydides.neural.runtime import Prediction, load_neural
from thucydides.parse import Sentence, SpacyParser
from thucydides.pipeline import Pipeline, PipelineConfig
from thucydides.writers import event_record

ATTACK = "Russian troops shelled Kharkiv on Monday, killing three civilians."


def _doc(pipeline: Pipeline, text: str) -> Doc:
    (parsed,) = pipeline.parser.parse([clean(Article(id="t", text=text))])
    doc = pipeline.doc(parsed)
    doc.actors.start(doc.sentences[0])
    return doc


def _sentence(pipeline: Pipeline, text: str) -> Sentence:
    return _doc(pipeline, text).sentences[0]


def _rules(pipeline: Pipeline, doc: Doc) -> list[Candidate]:
    """The candidates of the rule passes alone (no statistical or learned layer after them)."""
    finder = EventFinder(pipeline.lexicon, pipeline.coder.finder.control, passes=RULE_PASSES)
    return finder.find(doc, doc.sentences[0])


def _prediction(sentence: Sentence, five: list[float], fact: str = "asserted") -> Prediction:
    model = load_neural()
    assert model is not None
    facts = np.full(len(model.labels.fact), 0.01)
    facts[model.labels.fact.index(fact)] = 0.96
    n = len(sentence.tokens)
    return Prediction(
        five=np.array(five),
        root=np.full(20, 0.05),
        plover=np.full(16, 1 / 16),
        fact=facts,
        tags=("O",) * n,
        tag_prob=(1.0,) * n,
    )


def _arbitrate(pipeline: Pipeline, text: str, five: list[float], mode: str = "hybrid", fact: str = "asserted"):  # type: ignore[no-untyped-def]
    model = load_neural()
    assert model is not None
    doc = _doc(pipeline, text)
    sentence = doc.sentences[0]
    candidates = _rules(pipeline, doc)
    arbiter = Arbiter(pipeline.coder.finder.control, mode, model.labels.root, model.labels.fact, Thresholds())
    return candidates, arbiter.arbitrate(sentence, list(candidates), _prediction(sentence, five, fact), doc.actors)


def test_hybrid_events_say_which_layer_produced_each_part(hybrid_pipeline: Pipeline) -> None:
    event = hybrid_pipeline.code_text(ATTACK, "2025-06-03")[0]
    assert event.cameo.startswith("19")
    parts = dict(event.explanation.parts)
    assert parts["code"] == "both"
    assert set(parts) == {"code", "source", "target"} and set(parts.values()) <= {"rules", "model", "both"}
    assert event.explanation.probability is not None and event.explanation.probability > 0.5
    record = event_record(event)
    assert record["coder"]["code"] == "both" and record["probability"] == event.explanation.probability


def test_the_rules_coder_reports_rules_for_every_part(pipeline: Pipeline) -> None:
    event = pipeline.code_text(ATTACK, "2025-06-03")[0]
    record = event_record(event)
    assert record["coder"] == {"code": "rules", "source": "rules", "target": "rules"}
    assert record["probability"] is None and record["factuality"] is None


def test_agreement_is_marked_both_with_the_models_probability(pipeline: Pipeline) -> None:
    rules, chosen = _arbitrate(pipeline, ATTACK, [0.01, 0.01, 0.01, 0.02, 0.95])
    assert chosen[0] is rules[0]
    assert chosen[0].parts["code"] == "both" and chosen[0].probability == pytest.approx(0.95)


def test_a_confident_model_overrules_the_rules_with_its_own_event(pipeline: Pipeline) -> None:
    text = "Japan wants to join NATO."
    rules, chosen = _arbitrate(pipeline, text, [0.01, 0.01, 0.01, 0.02, 0.95])
    assert rules and five_class(rules[0].code) == 1
    assert chosen[0].producer == "model" and five_class(chosen[0].code) == 4
    assert chosen[0].parts["code"] == "model" and chosen[1:] == rules


def test_an_unsure_model_leaves_the_rules_alone(pipeline: Pipeline) -> None:
    rules, chosen = _arbitrate(pipeline, "Japan wants to join NATO.", [0.1, 0.3, 0.1, 0.1, 0.4])
    assert chosen == rules
    assert chosen[0].parts["code"] == "rules" and chosen[0].probability == pytest.approx(0.3)


def test_the_model_coder_drops_an_event_the_model_holds_negated(pipeline: Pipeline) -> None:
    text = "Russian troops did not shell Kharkiv on Monday."
    rules, kept = _arbitrate(pipeline, text, [0.01, 0.01, 0.01, 0.02, 0.95], mode="hybrid", fact="negated")
    _, dropped = _arbitrate(pipeline, text, [0.01, 0.01, 0.01, 0.02, 0.95], mode="model", fact="negated")
    if rules:  # the rules fold the negation themselves; the model coder also trusts the model
        assert kept[0].factuality == "negated"
        assert len(dropped) == len(kept) - 1


def test_the_model_runs_only_where_the_rules_or_the_parse_propose_an_event(pipeline: Pipeline) -> None:
    model = load_neural()
    assert model is not None
    quiet = _sentence(pipeline, "The weather was mild and dry.")
    busy = _sentence(pipeline, ATTACK)
    proposer = Triggers(pipeline.lexicon, pipeline.coder.finder.control)
    none, some = predict_sentences(model, proposer, [quiet, busy])
    assert none is None and some is not None


def test_an_unknown_coder_is_a_settings_error_naming_the_known_ones() -> None:
    with pytest.raises(SettingsError, match="E040") as raised:
        Pipeline.load(PipelineConfig(coder="neural"))
    assert "neural" in str(raised.value) and "hybrid" in str(raised.value)


def test_candidates_carry_no_provenance_before_arbitration(pipeline: Pipeline) -> None:
    found = _rules(pipeline, _doc(pipeline, ATTACK))
    assert found and found[0].parts == {} and found[0].probability is None


def _coded(pipeline: Pipeline, text: str) -> Doc:
    (parsed,) = pipeline.parser.parse([clean(Article(id="t", text=text))])
    doc = pipeline.doc(parsed)
    for sentence in doc.sentences:
        doc.actors.start(sentence)
        pipeline.coder.code(doc, sentence)
        doc.actors.finish()
    return doc


def test_the_learned_pass_is_named_in_the_explanation_and_keeps_a_prediction_per_sentence(
    hybrid_pipeline: Pipeline,
) -> None:
    doc = _coded(hybrid_pipeline, f"{ATTACK} Japan wants to join NATO. The weather was mild and dry.")
    kept = doc.layers["learned"]
    assert set(kept) == {0, 1, 2} and kept[0] is not None and kept[1] is not None
    assert kept[2] is None  # no trigger proposed: the model is not run
    event = hybrid_pipeline.code_text(ATTACK, "2025-06-03")[0]
    assert event.explanation.passes[-1] == "learned"


def test_a_sentences_prediction_is_the_same_alone_and_inside_an_article(hybrid_pipeline: Pipeline) -> None:
    alone = _coded(hybrid_pipeline, "Japan wants to join NATO.").layers["learned"][0]
    long = "Thousands of protesters marched through the capital on Sunday demanding the resignation of the cabinet."
    inside = _coded(hybrid_pipeline, f"{ATTACK} {long} Japan wants to join NATO.").layers["learned"][2]
    for field in ("five", "root", "plover", "fact"):
        assert np.array_equal(getattr(alone, field), getattr(inside, field))
    assert alone.tags == inside.tags and alone.tag_prob == inside.tag_prob


def test_the_model_is_not_run_on_a_sentence_without_a_proposed_trigger(
    hybrid_pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = load_neural()
    assert model is not None
    runs: list[int] = []
    original = model.session.run
    monkeypatch.setattr(model.session, "run", lambda out, feeds: runs.append(1) or original(out, feeds))
    _coded(hybrid_pipeline, "The weather was mild and dry. It rained in the afternoon.")
    assert runs == []
    _coded(hybrid_pipeline, f"The weather was mild and dry. {ATTACK}")
    assert len(runs) == 1


def test_each_sentence_is_matched_against_the_lexicon_once_for_the_rules_and_the_model(
    hybrid_pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    matched: list[str] = []
    original = Triggers.matches

    def counting(self: Triggers, sentence: Sentence) -> dict[int, object]:
        matched.append(sentence.text)
        return original(self, sentence)

    monkeypatch.setattr(Triggers, "matches", counting)
    events = hybrid_pipeline.code_text(f"{ATTACK} Japan wants to join NATO.", "2025-06-03")
    assert sorted(matched) == sorted([ATTACK, "Japan wants to join NATO."])
    assert events and events[0].explanation.passes[-1] == "learned"


def test_hybrid_finds_but_does_not_emit_the_models_own_event(hybrid_pipeline) -> None:  # type: ignore[no-untyped-def]
    from thucydides.models import Article

    text = "Iranian gunboats swarmed around the tanker for an hour."
    (coded,) = hybrid_pipeline.code([Article(id="t", text=text)])
    assert coded.events == ()
    (refused,) = coded.refused
    assert refused.event.explanation.producer == "model" and "no rule of the lexicon found this act" in refused.reason


class _Linear:
    """A stand-in for the linear statistical layer: puts a given act before the rules' and counts its calls."""

    def __init__(self, made: Candidate) -> None:
        self.made = made
        self.calls = 0

    def arbitrate(self, sentence, candidates, control, resolver):  # type: ignore[no-untyped-def]
        self.calls += 1
        return [self.made, *candidates]


def test_where_the_model_is_not_run_the_linear_layer_speaks_but_its_own_act_is_not_emitted(
    hybrid_pipeline: Pipeline,
) -> None:
    control = hybrid_pipeline.coder.finder.control
    attack = _doc(hybrid_pipeline, ATTACK)
    rules = _rules(hybrid_pipeline, attack)
    linear = _Linear(_rules(hybrid_pipeline, _doc(hybrid_pipeline, ATTACK))[0])
    learned = Learned(Triggers(hybrid_pipeline.lexicon, control), control, fallback=linear)  # type: ignore[arg-type]
    quiet = _doc(hybrid_pipeline, "The weather was mild and dry.")
    assert learned.apply(quiet, quiet.sentences[0], []) == [linear.made]
    assert linear.calls == 1 and linear.made.refusal == OWN_EVENT
    # where the model runs, it arbitrates, and the rules' acts keep their standing
    out = learned.apply(attack, attack.sentences[0], list(rules))
    assert linear.calls == 1 and out[0] is rules[0] and rules[0].refusal is None


def test_the_learned_coders_fall_back_on_the_linear_layer_unless_it_is_switched_off(
    hybrid_pipeline: Pipeline, parser: SpacyParser
) -> None:
    (learned,) = [p for p in hybrid_pipeline.coder.finder.passes if p.name == "learned"]
    assert isinstance(learned, Learned) and learned.fallback is not None
    bare = Pipeline.load(PipelineConfig(coder="hybrid", classifier=False), parser=parser)
    (learned,) = [p for p in bare.coder.finder.passes if p.name == "learned"]
    assert isinstance(learned, Learned) and learned.fallback is None


STORY = (
    f"{ATTACK} Thousands of protesters marched through the capital on Sunday demanding the resignation of the "
    "cabinet. The weather was mild and dry. Japan wants to join NATO. Police arrested two of the organisers."
)


def test_the_model_runs_on_the_articles_sentences_together_when_the_pass_first_reaches_one(
    hybrid_pipeline: Pipeline,
) -> None:
    (parsed,) = hybrid_pipeline.parser.parse([clean(Article(id="t", text=STORY))])
    doc = hybrid_pipeline.doc(parsed)
    first = doc.sentences[0]
    doc.actors.start(first)
    hybrid_pipeline.coder.code(doc, first)
    kept = doc.layers["learned"]
    assert set(kept) == set(range(len(doc.sentences))) == {0, 1, 2, 3, 4}
    assert kept[2] is None and all(kept[i] is not None for i in (0, 1, 3, 4))


def test_running_an_articles_sentences_together_codes_what_running_each_in_its_turn_codes(
    hybrid_pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    def code() -> tuple[list[dict[str, object]], list[tuple[dict[str, object], str]]]:
        (coded,) = hybrid_pipeline.code([Article(id="t", text=STORY, date=dt.date(2025, 6, 3))])
        events = [event_record(e, explain=True) for e in coded.events]
        return events, [(event_record(r.event, explain=True), r.reason) for r in coded.refused]

    together = code()
    runs: list[int] = []

    def one_at_a_time(self: Learned, doc: Doc, sentence: Sentence) -> Prediction | None:
        kept = doc.layers.setdefault(self.name, {})
        if sentence.index not in kept:
            assert self.model is not None
            (kept[sentence.index],) = predict_sentences(self.model, _Kept(self.proposer, doc), [sentence])
            runs.append(sentence.index)
        return kept[sentence.index]  # type: ignore[no-any-return]

    monkeypatch.setattr(Learned, "prediction", one_at_a_time)
    assert code() == together
    assert runs == [0, 1, 2, 3, 4] and len(together[0]) >= 3


def _tagged(pipeline: Pipeline, text: str, source_words: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """The hybrid arbitration of ``text`` with a prediction that agrees on the class (conflict) and tags
    ``source_words`` as the source."""
    model = load_neural()
    assert model is not None
    doc = _doc(pipeline, text)
    sentence = doc.sentences[0]
    candidates = _rules(pipeline, doc)
    p = _prediction(sentence, [0.01, 0.01, 0.01, 0.01, 0.96])
    tags = tuple("B-S" if t.text in source_words else "O" for t in sentence.tokens)
    p = Prediction(five=p.five, root=p.root, plover=p.plover, fact=p.fact, tags=tags, tag_prob=p.tag_prob)
    arbiter = Arbiter(pipeline.coder.finder.control, "hybrid", model.labels.root, model.labels.fact, Thresholds())
    return arbiter.arbitrate(sentence, list(candidates), p, doc.actors)


def test_the_models_source_is_never_who_reports_the_violence(pipeline: Pipeline) -> None:
    (killing, *_rest) = _tagged(pipeline, "Pakistan said 26 civilians were killed.", ("Pakistan",))
    assert killing.code.startswith("19") and not killing.sources
    (killing, *_rest) = _tagged(pipeline, "Nine civilians were killed, the Malian army said.", ("army",))
    assert killing.code.startswith("19") and not killing.sources


def test_the_models_source_is_never_one_the_act_is_done_to(pipeline: Pipeline) -> None:
    (killing, *_rest) = _tagged(
        pipeline, "Three soldiers and a Kenyan police officer were killed near the border.", ("officer",)
    )
    assert not killing.sources


def test_the_models_source_still_fills_a_doer_the_rules_missed(pipeline: Pipeline) -> None:
    # the control: a tagged phrase that neither reports the act nor suffers it fills the empty source
    (killing, *_rest) = _tagged(
        pipeline, "Pakistan said 26 civilians were killed in Indian strikes on Bahawalpur.", ("Indian",)
    )
    assert [a.country for a in killing.sources] == ["IND"]
