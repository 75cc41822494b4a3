"""Passes ``learned`` and ``learned-model``: the learned layer as one more event pass.

The model runs only where the lexicon or the parse proposes an event (see
:func:`~thucydides.neural.arbitrate.proposal`), on the article's sentences one after the other when the
pass first reaches one of them; each sentence runs alone, so its prediction does not depend on the rest
of the article or on when it was made. The predictions are kept in ``doc.layers``
and each sentence's candidates are arbitrated (``learned``: the ``hybrid`` coder, where the model
checks and completes the rules; ``learned-model``: the ``model`` coder, where the model decides the
class and the arguments).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..doc import Doc
from ..errors import Errors, SettingsError
from ..events.candidates import Candidate
from ..events.control import Control
from ..events.match import Match
from ..events.model import EventModel
from ..events.passes.triggers import Triggers
from ..parse import Sentence
from .arbitrate import OWN_EVENT, Arbiter, Thresholds, predict_sentences
from .runtime import NEURAL_DIR, NeuralModel, Prediction, load_neural


class Learned:
    """Arbitrates each sentence's candidates with the model's prediction for it."""

    def __init__(
        self,
        proposer: Triggers,
        control: Control,
        mode: str = "hybrid",
        model: NeuralModel | None = None,
        fallback: EventModel | None = None,
    ) -> None:
        """``proposer`` says where the rules see a trigger (the ``triggers`` pass); the model runs only there.
        ``fallback``, the linear statistical layer, arbitrates the sentences where the model is not run."""
        self.name = "learned" if mode == "hybrid" else f"learned-{mode}"
        self.model = model if model is not None else load_neural()
        if self.model is None:
            raise SettingsError(Errors.E061, path=NEURAL_DIR / "events.onnx")
        self.proposer = proposer
        labels = self.model.labels
        self.arbiter = Arbiter(control, mode, labels.root, labels.fact, Thresholds())
        self.fallback = fallback

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        p = self.prediction(doc, sentence)
        if p is None and self.fallback is not None:
            return self.linear(doc, sentence, candidates)
        return self.arbiter.arbitrate(sentence, candidates, p, doc.actors)

    def linear(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        """Where the model has nothing to say (no trigger proposed: "Police searching for suspects after
        elder beaten"), the linear statistical layer reorders or completes the rules as in ``--coder rules``.
        An act it adds of its own is found (``--explain``, the sentence tasks) but not emitted as event data:
        on the real-news development half none of those it adds in the learned coders is right."""
        assert self.fallback is not None
        chosen = self.fallback.arbitrate(sentence, candidates, self.arbiter.control, doc.actors)
        for c in chosen:
            if not any(c is k for k in candidates):
                c.refusal = OWN_EVENT
        return chosen

    def prediction(self, doc: Doc, sentence: Sentence) -> Prediction | None:
        """The model's prediction for ``sentence`` (None where nothing is proposed), made once and kept on the
        document with those of the article's other sentences.

        When the pass first reaches a sentence of the article, the model is run on it and on every later
        sentence of the article, one sentence after the other: each prediction is the sentence's own (each runs
        alone), but the model's weights stay in the processor's caches from one run to the next instead of
        being evicted by the rule stages of each sentence in between (3–7 % of the hybrid coder's CPU time
        on the benchmark's stories; docs/performance.md). The rules' proposals of the later sentences are read
        from the ``triggers`` pass's matches, which it keeps for when it reaches them.
        """
        kept: dict[int, Prediction | None] = doc.layers.setdefault(self.name, {})
        if sentence.index not in kept:
            assert self.model is not None
            todo = [s for s in _from(doc, sentence) if s.index not in kept]
            for s, p in zip(todo, predict_sentences(self.model, _Kept(self.proposer, doc), todo), strict=True):
                kept[s.index] = p
        return kept[sentence.index]


def _from(doc: Doc, sentence: Sentence) -> Sequence[Sentence]:
    """``sentence`` and the article's sentences after it; ``sentence`` alone if it is not one of them."""
    for n, s in enumerate(doc.sentences):
        if s is sentence:
            return doc.sentences[n:]
    return (sentence,)


class _Kept:
    """The ``triggers`` pass's matches of a document's sentences, each made once for the pass and the model."""

    def __init__(self, triggers: Triggers, doc: Doc) -> None:
        self.triggers = triggers
        self.doc = doc

    def matches(self, sentence: Sentence) -> dict[int, Match]:
        return self.triggers.kept(self.doc, sentence)
