"""The statistical layer: a linear classifier that checks, reorders and completes the rules.

Two multinomial logistic models over the features of ``features.py`` and the
parser's sentence vector: one over the five coarse CAMEO classes, one over the 20
roots. Trained by ``scripts/train_model.py`` from public data (see
docs/evaluation.md); inference here needs only NumPy. When the rules' main event
disagrees with a confident class prediction, a rule event of the predicted class
is moved first; when the rules find nothing (or nothing of a confidently
predicted class), the model adds an event of its own, marked ``producer: model``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..actors.resolve import ActorResolver
from ..parse import Sentence
from ..resources import DATA_DIR
from .candidates import Candidate
from .control import Control
from .features import sentence_features
from .grammar import governed_by
from .roles import clause_candidate
from .taxonomy import FIVE_CLASS_NAMES, five_class

MODEL_PATH = DATA_DIR / "model" / "events.npz"


@dataclass
class LinearModel:
    labels: list[str]
    vocab: dict[str, int]
    weights: np.ndarray  # (features + dense, labels)
    bias: np.ndarray
    dense: int
    # the weights of the dense features in double precision, converted once rather than at every sentence
    _dense64: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._dense64 = self.weights[len(self.vocab) :].astype(np.float64)

    def probabilities(self, features: list[str], vector: Any) -> np.ndarray:
        scores = self.bias.astype(np.float64)
        vocab = self.vocab
        idx = [i for f in set(features) if (i := vocab.get(f)) is not None]
        if idx:
            scores += self.weights[idx].sum(axis=0)
        if self.dense and vector is not None and len(vector) == self.dense:
            scores += np.asarray(vector, dtype=np.float64) @ self._dense64
        scores -= scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()  # type: ignore[no-any-return]


@dataclass
class EventModel:
    five: LinearModel
    roots: LinearModel
    reorder: float
    add: float
    fallback: float

    def classify(self, sentence: Sentence, candidates: list[Candidate]) -> tuple[np.ndarray, np.ndarray]:
        features = sentence_features(sentence, candidates)
        return self.five.probabilities(features, sentence.vector), self.roots.probabilities(features, sentence.vector)

    def arbitrate(
        self, sentence: Sentence, candidates: list[Candidate], control: Control, resolver: ActorResolver
    ) -> list[Candidate]:
        """The candidates, reordered or completed where the classifier is confident the rules erred."""
        p5, proots = self.classify(sentence, candidates)
        k = int(p5.argmax())
        if candidates and five_class(candidates[0].code) == k:
            return candidates
        if candidates and p5[k] >= self.reorder:
            for n, c in enumerate(candidates[1:], start=1):
                if five_class(c.code) == k and (c.sources or c.targets):
                    c.reason += f"; moved first: the classifier puts the sentence in class {k} ({p5[k]:.2f})"
                    return [c, *candidates[:n], *candidates[n + 1 :]]
        threshold = self.add if candidates else self.fallback
        if p5[k] < threshold:
            return candidates
        made = self._model_candidate(sentence, k, p5[k], proots, control, resolver)
        if made is None or _attribution(sentence, made, candidates):
            return candidates
        return [made, *candidates]

    def _model_candidate(
        self, sentence: Sentence, k: int, pk: float, proots: np.ndarray, control: Control, resolver: ActorResolver
    ) -> Candidate | None:
        allowed = [
            (p, label)
            for p, label in zip(proots, self.roots.labels, strict=True)
            if label.isdigit() and 1 <= int(label) <= 20 and five_class(label) == k
        ]
        if not allowed:
            return None
        proot, root = max(allowed)
        why = f"the classifier puts the sentence in class {k} ({FIVE_CLASS_NAMES[k]}, p={pk:.2f}) and root {root}"
        rule = "model: events.npz (five-class and root classifiers)"
        c = clause_candidate(sentence, root, control, resolver, rule, f"{why} (p={proot:.2f})")
        if not (c.sources or c.targets):
            return None
        return c


def _attribution(sentence: Sentence, made: Candidate, candidates: list[Candidate]) -> bool:
    """A statement the classifier would add on a verb whose clause or object holds an act the rules found
    ("the group claimed responsibility for the bombing", "police said gunmen attacked the convoy"): the
    saying is how the act is known, not an event (ANNOTATION.md §1)."""
    if not made.code.startswith("01"):
        return False
    verb = sentence.tokens[made.trigger]
    return any(governed_by(sentence, c.trigger, verb) for c in candidates)


def _linear(data: Any, prefix: str) -> LinearModel:
    vocab_list = [str(v) for v in data[f"{prefix}_vocab"]]
    return LinearModel(
        labels=[str(v) for v in data[f"{prefix}_labels"]],
        vocab={f: i for i, f in enumerate(vocab_list)},
        weights=data[f"{prefix}_weights"].astype(np.float32),
        bias=data[f"{prefix}_bias"].astype(np.float32),
        dense=int(data[f"{prefix}_dense"]),
    )


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> EventModel | None:
    """The shipped model, or None when the package has none (the rules then work alone)."""
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as data:
        thresholds = data["thresholds"]
        return EventModel(
            five=_linear(data, "five"),
            roots=_linear(data, "roots"),
            reorder=float(thresholds[0]),
            add=float(thresholds[1]),
            fallback=float(thresholds[2]),
        )


def save_model(path: Path, five: LinearModel, roots: LinearModel, thresholds: tuple[float, float, float]) -> None:
    arrays: dict[str, Any] = {"thresholds": np.array(thresholds, dtype=np.float32)}
    for prefix, model in (("five", five), ("roots", roots)):
        vocab = sorted(model.vocab, key=model.vocab.__getitem__)
        arrays[f"{prefix}_vocab"] = np.array(vocab, dtype=str)
        arrays[f"{prefix}_labels"] = np.array(model.labels, dtype=str)
        arrays[f"{prefix}_weights"] = model.weights.astype(np.float16)
        arrays[f"{prefix}_bias"] = model.bias.astype(np.float32)
        arrays[f"{prefix}_dense"] = np.array(model.dense)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)
