"""Run the learned event layer with ONNX Runtime: no torch at run time.

The model (``data/neural/events.onnx``, int8) is MiniLM-L6 fine-tuned by ``scripts/train_neural.py`` with
five heads: the five coarse CAMEO classes, the 20 CAMEO roots, the 16 PLOVER event types and the
factuality of the marked event (over the sentence), and a source/target tag for every word. Sentences are
batched by length; the caller decides which sentences to run (those where the rules propose a candidate).
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
from .encode import MAX_LEN, encode, pad

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
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.labels = Labels.read(directory / "labels.json")
        self.max_len = max_len
        self.known_words: dict[str, list[int]] = {}  # word pieces of the words met so far (see encode)

    def predict(
        self,
        sentences: Sequence[Sequence[str]],
        triggers: Sequence[tuple[int, int] | None] | None = None,
        batch_size: int = 32,
    ) -> list[Prediction]:
        """One :class:`Prediction` per sentence, in order; sentences are batched by length."""
        if not sentences:
            return []
        marks = list(triggers) if triggers is not None else [None] * len(sentences)
        if len(self.known_words) > KNOWN_WORDS:
            self.known_words.clear()
        encoded = encode(self.tokenizer, sentences, marks, self.max_len, self.known_words)
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].ids))
        out: list[Prediction | None] = [None] * len(encoded)
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            ids, mask = pad([encoded[i] for i in chunk])
            five, root, plover, fact, tags = self.session.run(None, {"ids": ids, "mask": mask})
            tag_p = _softmax(tags)
            for row, i in enumerate(chunk):
                word_tags, word_p = self._word_tags(tag_p[row], encoded[i].word_of, len(sentences[i]))
                out[i] = Prediction(
                    five=_softmax(five[row]),
                    root=_softmax(root[row]),
                    plover=_softmax(plover[row]),
                    fact=_softmax(fact[row]),
                    tags=word_tags,
                    tag_prob=word_p,
                )
        return [p for p in out if p is not None]

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
