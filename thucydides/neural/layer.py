"""Passes ``learned`` and ``learned-model``: the learned layer as one more event pass.

The model runs on a sentence when the pass reaches it, and only where the lexicon or the parse
proposes an event (see :func:`~thucydides.neural.arbitrate.proposal`); each sentence runs alone, so
its prediction does not depend on the rest of the article. The predictions are kept in ``doc.layers``
and each sentence's candidates are arbitrated (``learned``: the ``hybrid`` coder, where the model
checks and completes the rules; ``learned-model``: the ``model`` coder, where the model decides the
class and the arguments).
"""

from __future__ import annotations

from ..doc import Doc
from ..errors import Errors, SettingsError
from ..events.candidates import Candidate
from ..events.control import Control
from ..events.match import Match
from ..events.passes.triggers import Triggers
from ..parse import Sentence
from .arbitrate import Arbiter, Thresholds, predict_sentences
from .runtime import NEURAL_DIR, NeuralModel, Prediction, load_neural


class Learned:
    """Arbitrates each sentence's candidates with the model's prediction for it."""

    def __init__(
        self, proposer: Triggers, control: Control, mode: str = "hybrid", model: NeuralModel | None = None
    ) -> None:
        """``proposer`` says where the rules see a trigger (the ``triggers`` pass); the model runs only there."""
        self.name = "learned" if mode == "hybrid" else f"learned-{mode}"
        self.model = model if model is not None else load_neural()
        if self.model is None:
            raise SettingsError(Errors.E061, path=NEURAL_DIR / "events.onnx")
        self.proposer = proposer
        labels = self.model.labels
        self.arbiter = Arbiter(control, mode, labels.root, labels.fact, Thresholds())

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        return self.arbiter.arbitrate(sentence, candidates, self.prediction(doc, sentence), doc.actors)

    def prediction(self, doc: Doc, sentence: Sentence) -> Prediction | None:
        """The model's prediction for ``sentence`` (None where nothing is proposed), made once and kept on the
        document with those of the article's other sentences."""
        kept: dict[int, Prediction | None] = doc.layers.setdefault(self.name, {})
        if sentence.index not in kept:
            assert self.model is not None
            (kept[sentence.index],) = predict_sentences(self.model, _Kept(self.proposer, doc), [sentence])
        return kept[sentence.index]


class _Kept:
    """The ``triggers`` pass's matches of a document's sentences, each made once for the pass and the model."""

    def __init__(self, triggers: Triggers, doc: Doc) -> None:
        self.triggers = triggers
        self.doc = doc

    def matches(self, sentence: Sentence) -> dict[int, Match]:
        return self.triggers.kept(self.doc, sentence)
