"""Words to MiniLM token ids, with the trigger of the event in question marked.

Shared by training (``scripts/train_neural.py``) and run time so that both see the same input:
``[CLS] w1 w2 [unused0] trigger words [unused1] w5 ... [SEP]``, truncated to ``max_len`` tokens.
``word_of`` gives, for every token, the index of the word it starts (-1 for special tokens, markers and
the later pieces of a word), which is where the tag of a word is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

CLS, SEP, PAD, OPEN, CLOSE = 101, 102, 0, 1, 2
MAX_LEN = 96


@dataclass(frozen=True)
class Encoded:
    ids: tuple[int, ...]
    word_of: tuple[int, ...]


def encode(
    tokenizer: Any,
    sentences: Sequence[Sequence[str]],
    triggers: Sequence[tuple[int, int] | None],
    max_len: int = MAX_LEN,
    known: dict[str, list[int]] | None = None,
) -> list[Encoded]:
    """Encode word lists; ``triggers[i]`` is the first and last word of the marked trigger, or None.

    ``known`` holds the pieces of words met before (each word is split alone, so its pieces never depend
    on its neighbours); the words it lacks are split in one batch and added to it.
    """
    flat = [w for words in sentences for w in words]
    pieces = pieces_of(tokenizer, flat, {} if known is None else known)
    out: list[Encoded] = []
    k = 0
    for words, trigger in zip(sentences, triggers, strict=True):
        ids, word_of = [CLS], [-1]
        for w in range(len(words)):
            word_pieces = pieces[k + w] or [100]  # [UNK] for a word the vocabulary cannot spell
            if trigger is not None and w == trigger[0]:
                ids.append(OPEN)
                word_of.append(-1)
            ids.extend(word_pieces)
            word_of.extend([w] + [-1] * (len(word_pieces) - 1))
            if trigger is not None and w == trigger[1]:
                ids.append(CLOSE)
                word_of.append(-1)
        k += len(words)
        ids, word_of = [*ids[: max_len - 1], SEP], [*word_of[: max_len - 1], -1]
        out.append(Encoded(ids=tuple(ids), word_of=tuple(word_of)))
    return out


def pieces_of(tokenizer: Any, words: Sequence[str], known: dict[str, list[int]]) -> list[list[int]]:
    """The token ids of each word, from ``known`` or split by ``tokenizer`` (and then kept in ``known``).

    The new words are split in one call as a pre-tokenised sequence: the tokenizer normalises and splits each
    word of such a sequence alone, so its pieces are those the word has by itself (checked on 57,762 distinct
    words), and ``word_ids`` says which word each piece belongs to. ``encode_batch`` would give the same pieces
    but hands the words to the tokenizer's pool of threads, one per core, which spin while they wait for work:
    CPU time spent on nothing.
    """
    new = list(dict.fromkeys(w for w in words if w not in known))
    if new:
        split: list[list[int]] = [[] for _ in new]
        encoding = tokenizer.encode(new, is_pretokenized=True, add_special_tokens=False)
        for piece, word in zip(encoding.ids, encoding.word_ids, strict=True):
            split[word].append(piece)
        known.update(zip(new, split, strict=True))
    return [known[w] for w in words]


def pad(batch: Sequence[Encoded]) -> tuple[np.ndarray, np.ndarray]:
    """Token ids and attention mask of a batch, padded to its longest member (int64, as the model takes)."""
    n = max(len(e.ids) for e in batch)
    ids = np.zeros((len(batch), n), dtype=np.int64)
    mask = np.zeros((len(batch), n), dtype=np.int64)
    for i, e in enumerate(batch):
        ids[i, : len(e.ids)] = e.ids
        mask[i, : len(e.ids)] = 1
    return ids, mask
