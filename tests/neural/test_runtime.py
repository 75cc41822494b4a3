"""The learned layer's run time on the shipped model: real inference with ONNX Runtime, no torch."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import numpy as np
import pytest
from tokenizers import Tokenizer

from thucydides.neural.encode import CLOSE, CLS, OPEN, SEP, encode, pad, pieces_of
from thucydides.neural.runtime import NEURAL_DIR, NeuralModel, load_neural, session_options, spans

ATTACK = "Russian troops shelled the city of Kharkiv on Monday , killing three civilians .".split()
PRAISE = "The French president praised Germany for its support of the agreement .".split()


@pytest.fixture(scope="module")
def model() -> NeuralModel:
    loaded = load_neural()
    assert loaded is not None, "the package ships thucydides/data/neural/events.onnx"
    return loaded


@pytest.fixture(scope="module")
def tokenizer() -> Tokenizer:
    t = Tokenizer.from_file(str(NEURAL_DIR / "tokenizer.json"))
    t.no_padding()
    t.no_truncation()
    return t


def test_the_runtime_does_not_import_torch() -> None:
    # in a fresh interpreter: spaCy's thinc imports torch by itself wherever torch is installed
    code = (
        "import sys; from thucydides.neural.runtime import load_neural; "
        "load_neural().predict([['Rebels', 'attacked', 'a', 'convoy']]); print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_clear_attack_scores_material_conflict(model: NeuralModel) -> None:
    (p,) = model.predict([ATTACK], [(2, 2)])  # "shelled" marked
    assert int(p.five.argmax()) == 4
    assert model.labels.root[int(p.root.argmax())] in ("18", "19", "20")
    assert model.labels.plover[int(p.plover.argmax())] in ("ASSAULT", "COERCE")
    assert p.five.sum() == pytest.approx(1.0, abs=1e-4)


def test_the_tags_find_the_attacker_and_the_attacked(model: NeuralModel) -> None:
    (p,) = model.predict([ATTACK], [(2, 2)])  # "shelled" marked
    found = {(role, " ".join(ATTACK[a : b + 1])) for role, a, b in spans(p.tags)}
    assert any(role == "S" and "troops" in text for role, text in found)
    assert any(role == "T" and "Kharkiv" in text for role, text in found)
    assert len(p.tags) == len(ATTACK) == len(p.tag_prob)


def test_a_sentences_prediction_is_the_same_alone_and_among_others(model: NeuralModel) -> None:
    # int8 activations are scaled once per run: run with others (and padded to the longest) a sentence's
    # probabilities would move; each sentence is run alone, so they are its own, bit for bit
    one = model.predict([PRAISE])[0]
    many = model.predict([ATTACK, PRAISE, ATTACK[:4], PRAISE * 3])
    assert len(many) == 4
    for field in ("five", "root", "plover", "fact"):
        assert np.array_equal(getattr(many[1], field), getattr(one, field))
    assert many[1].tags == one.tags and many[1].tag_prob == one.tag_prob
    assert np.array_equal(many[2].five, model.predict([ATTACK[:4]])[0].five)
    assert model.predict([]) == []


def test_no_padding_is_run(model: NeuralModel, monkeypatch: pytest.MonkeyPatch) -> None:
    shapes: list[tuple[int, ...]] = []
    original = model.session.run

    def recording(outputs: Any, feeds: dict[str, np.ndarray]) -> Any:
        shapes.append(feeds["ids"].shape)
        assert feeds["mask"].all()
        return original(outputs, feeds)

    monkeypatch.setattr(model.session, "run", recording)
    model.predict([ATTACK, ATTACK[:4]])
    assert [s[0] for s in shapes] == [1, 1] and shapes[0][1] > shapes[1][1]


def test_the_marked_trigger_changes_the_factuality_input(model: NeuralModel) -> None:
    words = "Officials said that rebels had ambushed the convoy .".split()
    unmarked, marked = model.predict([words, words], [None, (5, 5)])
    assert not np.allclose(unmarked.fact, marked.fact)


def test_encode_marks_the_trigger_and_keeps_the_end(tokenizer: Tokenizer) -> None:
    (e,) = encode(tokenizer, [["Rebels", "ambushed", "soldiers"]], [(1, 1)])
    assert e.ids[0] == CLS and e.ids[-1] == SEP
    assert e.ids.index(OPEN) < e.ids.index(CLOSE)
    assert e.word_of[e.ids.index(OPEN) + 1] == 1
    (long,) = encode(tokenizer, [["word"] * 200], [None], max_len=32)
    assert len(long.ids) == 32 and long.ids[-1] == SEP


def test_pad_gives_a_mask_of_the_real_tokens(tokenizer: Tokenizer) -> None:
    ids, mask = pad(encode(tokenizer, [["a"], ["a", "b", "c"]], [None, None]))
    assert ids.shape == mask.shape == (2, 5)
    assert mask.sum(axis=1).tolist() == [3, 5]


def test_spans_read_bio_tags() -> None:
    assert spans(["B-S", "I-S", "O", "B-T", "I-T", "I-T"]) == [("S", 0, 1), ("T", 3, 5)]
    assert spans(["I-T", "O", "B-R"]) == [("T", 0, 0), ("R", 2, 2)]
    assert spans(["O", "O"]) == []


def test_a_missing_model_is_a_numbered_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from thucydides.errors import ThucydidesError

    with pytest.raises(ThucydidesError, match="E061"):
        NeuralModel(tmp_path)


class _Counting:
    """The real tokenizer, counting the words it is asked to split."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer
        self.split: list[str] = []

    def encode(self, words: list[str], is_pretokenized: bool, add_special_tokens: bool) -> Any:
        self.split.extend(words)
        return self.tokenizer.encode(words, is_pretokenized=is_pretokenized, add_special_tokens=add_special_tokens)


def test_words_met_before_are_not_split_again_and_encode_the_same(tokenizer: Tokenizer) -> None:
    counting = _Counting(tokenizer)
    known: dict[str, list[int]] = {}
    first = encode(counting, [ATTACK, PRAISE], [(2, 2), None], known=known)
    assert sorted(counting.split) == sorted(set(ATTACK) | set(PRAISE))  # "the" and "." are split once
    counting.split.clear()
    again = encode(counting, [PRAISE, ATTACK], [None, (2, 2)], known=known)
    assert counting.split == []
    assert again == first[::-1]
    assert first == encode(tokenizer, [ATTACK, PRAISE], [(2, 2), None])  # the same as without memory


def test_the_session_runs_in_order_on_its_threads_without_spinning(model: NeuralModel) -> None:
    # the benchmark counts the CPU time of every thread: threads spinning while they wait would count
    import onnxruntime as ort

    options = model.session.get_session_options()
    assert options.intra_op_num_threads == 1 and options.inter_op_num_threads == 1
    assert options.execution_mode == ort.ExecutionMode.ORT_SEQUENTIAL
    assert options.graph_optimization_level == ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    for key in ("session.intra_op.allow_spinning", "session.inter_op.allow_spinning"):
        assert options.get_session_config_entry(key) == "0"
    two = session_options(2)
    assert two.intra_op_num_threads == 2 and two.get_session_config_entry("session.intra_op.allow_spinning") == "0"


WORDS = [
    "Kharkiv", "shelled", "U.S.", "al-Shabaab", "naïve", "Café", "e\u0301", "東京", "ＡＢＣ", "🙂", "--", "'s",
    "n't", "3,000", "1990s", "\u200b", "\x00", "\ufeff", "a.b.c", "(", "MiniLM", "Zelenskyy", "déjà-vu", "Ⅻ",
]  # fmt: skip


def test_words_split_in_one_call_have_the_pieces_each_has_alone(tokenizer: Tokenizer) -> None:
    # pieces_of splits the new words as one pre-tokenised sequence; each must get the pieces it has by itself
    alone = [tokenizer.encode(w, add_special_tokens=False).ids for w in WORDS]
    assert pieces_of(tokenizer, WORDS, {}) == alone
    assert [tokenizer.encode_batch([w], add_special_tokens=False)[0].ids for w in WORDS] == alone
    assert any(p == [] for p in alone)  # a word the normaliser empties has no pieces: encode gives it [UNK]


def test_splitting_new_words_starts_no_threads() -> None:
    # in a fresh interpreter: the tokenizer's encode_batch would start a pool of threads, one per core, that
    # spin while they wait; the model itself runs on the calling thread
    code = (
        "import os; from thucydides.neural.runtime import load_neural; m = load_neural(); "
        "n = len(os.listdir('/proc/self/task')); m.predict([['Rebels', 'attacked', 'a', 'convoy']]); "
        "m.predict([['Envoys', 'from', 'Qatar', 'brokered', 'a', 'ceasefire', 'in', 'Gaza']]); "
        "print(n, len(os.listdir('/proc/self/task')))"
    )
    if not os.path.isdir("/proc/self/task"):
        pytest.skip("needs Linux's /proc to count threads")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    before, after = out.stdout.split()
    assert before == after
