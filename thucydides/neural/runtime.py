"""Run the learned event layer with ONNX Runtime: no torch at run time.

The model (``data/neural/events.onnx``, int8) is the lowest three layers of MiniLM-L6, fine-tuned by
``scripts/train_neural.py`` with five heads: the five coarse CAMEO classes, the 20 CAMEO roots, the 16
PLOVER event types and the factuality of the marked event (over the sentence), and a source/target tag for
every word. The caller decides which sentences to run (those where the rules propose a candidate).

Each sentence is run alone and unpadded. The int8 model quantises its activations with one scale per run
(``DynamicQuantizeLinear`` over the whole input), so in a batch a sentence's probabilities would depend on
the other sentences and on the padding (by up to 0.24 on news); alone, they are the sentence's own, and the
model does no work on padding.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import Errors, ThucydidesError
from ..resources import DATA_DIR
from .encode import MAX_LEN, Encoded, encode

NEURAL_DIR = DATA_DIR / "neural"
HEADS = ("five", "root", "plover", "fact")
KNOWN_WORDS = 100_000  # distinct words whose pieces are kept (about 15 MB); past it, they are forgotten


@dataclass(frozen=True)
class Prediction:
    """What the model says about one sentence (and its marked trigger, if one was marked)."""

    five: np.ndarray  # probabilities over the five coarse classes
    root: np.ndarray  # over the labels' roots "01".."20"
    plover: np.ndarray
    fact: np.ndarray
    tags: tuple[str, ...]  # one per word: O, B-S, I-S, B-T, I-T, B-R, I-R
    tag_prob: tuple[float, ...]  # the probability of each word's tag


@dataclass(frozen=True)
class Labels:
    five: tuple[str, ...]
    root: tuple[str, ...]
    plover: tuple[str, ...]
    fact: tuple[str, ...]
    tags: tuple[str, ...]

    @classmethod
    def read(cls, path: Path) -> Labels:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(**{k: tuple(data[k]) for k in ("five", "root", "plover", "fact", "tags")})


class NeuralModel:
    """The ONNX model with its tokenizer; ``predict`` takes word lists, as spaCy split them."""

    def __init__(self, directory: Path = NEURAL_DIR, threads: int = 1, max_len: int = MAX_LEN) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - both are dependencies of the package
            raise ThucydidesError(Errors.E060, detail=str(exc)) from exc
        model = directory / "events.onnx"
        if not model.exists():
            raise ThucydidesError(Errors.E061, path=model)
        self.session = ort.InferenceSession(str(model), session_options(threads), providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.labels = Labels.read(directory / "labels.json")
        self.max_len = max_len
        self.known_words: dict[str, list[int]] = {}  # word pieces of the words met so far (see encode)

    def predict(
        self, sentences: Sequence[Sequence[str]], triggers: Sequence[tuple[int, int] | None] | None = None
    ) -> list[Prediction]:
        """One :class:`Prediction` per sentence, in order, each made from that sentence alone."""
        marks = list(triggers) if triggers is not None else [None] * len(sentences)
        if len(self.known_words) > KNOWN_WORDS:
            self.known_words.clear()
        encoded = encode(self.tokenizer, sentences, marks, self.max_len, self.known_words)
        return [self._run(e, len(words)) for e, words in zip(encoded, sentences, strict=True)]

    def _run(self, encoded: Encoded, n_words: int) -> Prediction:
        ids = np.array([encoded.ids], dtype=np.int64)
        five, root, plover, fact, tags = self.session.run(None, {"ids": ids, "mask": np.ones_like(ids)})
        word_tags, word_p = self._word_tags(_softmax(tags[0]), encoded.word_of, n_words)
        return Prediction(
            five=_softmax(five[0]),
            root=_softmax(root[0]),
            plover=_softmax(plover[0]),
            fact=_softmax(fact[0]),
            tags=word_tags,
            tag_prob=word_p,
        )

    def _word_tags(
        self, probs: np.ndarray, word_of: Sequence[int], n_words: int
    ) -> tuple[tuple[str, ...], tuple[float, ...]]:
        tags = ["O"] * n_words  # words cut off by the length limit stay outside every span
        confidence = [1.0] * n_words
        for t, w in enumerate(word_of):
            if w >= 0:
                k = int(probs[t].argmax())
                tags[w] = self.labels.tags[k]
                confidence[w] = float(probs[t][k])
        return tuple(tags), tuple(confidence)


def session_options(threads: int = 1) -> Any:
    """ONNX Runtime's options for the model: ``threads`` for each operator, one graph run in order, and threads
    that sleep when they have no work.

    One sentence runs at a time, so nothing runs in parallel between operators (no inter-op pool). With one
    thread (the pipeline's) the operators run on the calling thread and no pool is made; with more (the training
    script's evaluation), ONNX Runtime's threads by default spin between the small operators of a short sentence,
    which costs CPU time and does no work: spinning is turned off. The graph is optimised fully (ONNX Runtime's
    default, set here so that it stays): the int8 matrix products are fused with their quantisation.
    """
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.add_session_config_entry("session.inter_op.allow_spinning", "0")
    return options


def _softmax(x: Any) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)  # type: ignore[no-any-return]


def spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """BIO tags to (role, first word, last word) spans; a stray I- starts a span of its own."""
    out: list[tuple[str, int, int]] = []
    role, first = "", -1
    for w, tag in enumerate([*tags, "O"]):
        kind, _, r = tag.partition("-")
        if first >= 0 and (kind != "I" or r != role):
            out.append((role, first, w - 1))
            first = -1
        if kind == "B" or (kind == "I" and first < 0):
            role, first = r, w
    return out


@lru_cache(maxsize=1)
def load_neural(threads: int = 1) -> NeuralModel | None:
    """The shipped model, or None when the package carries none (the rules then work alone)."""
    if not (NEURAL_DIR / "events.onnx").exists():
        return None
    return NeuralModel(NEURAL_DIR, threads=threads)
