"""Training examples for the learned layer, and those the real-news corpus's development half gives.

Shared by scripts/train_neural.py (which trains on them) and scripts/eval_neural.py (which scores part B of
the development half); see train_neural.py for what each head learns. Only stories of the ``dev`` half of
``thucydides.evaluate.corpus.split_of`` are read; test-half stories are dropped as each line is read.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
import torch
from factuality_sentences import FACT_LABELS
from plover_labels import PLOVER_CLASS

from thucydides.evaluate.corpus import split_of
from thucydides.events.taxonomy import five_class, load_taxonomy
from thucydides.neural.encode import Encoded

ROOT = Path(__file__).resolve().parents[1]
REALNEWS = ROOT / "corpus" / "realnews" / "gold"
REALNEWS_PARTS = ("none", "dev-a", "dev-b", "dev")
FIVE = ("0", "1", "2", "3", "4")
ROOTS = tuple(f"{i:02d}" for i in range(1, 21))
PLOVER = tuple(sorted(PLOVER_CLASS))
TAGS = ("O", "B-S", "I-S", "B-T", "I-T", "B-R", "I-R")
IGNORE = -100


@dataclass
class Example:
    words: list[str]
    trigger: tuple[int, int] | None
    fold: int  # -1: always in training
    five: int = IGNORE
    root: int = IGNORE
    plover: int = IGNORE
    fact: int = IGNORE
    tags: list[int] | None = None
    text: str = ""  # the sentence as written (ConfliBERT's five-class sentences), for scripts/eval_neural.py
    encoded: Encoded | None = None
    hidden: torch.Tensor | None = field(default=None, repr=False)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dev_part(story_id: str) -> str:
    """``"a"`` or ``"b"``: the part of the real-news development half a story belongs to, by the second hex digit
    of the SHA-256 of its id (the first decides the half, ``split_of``)."""
    return "a" if hashlib.sha256(story_id.encode("utf-8")).hexdigest()[1] in "01234567" else "b"


def dev_stories(part: str) -> list[dict[str, Any]]:
    """The real-news gold stories of the development half (``part`` "dev"), or of its part A or B ("dev-a",
    "dev-b"). Test-half stories are dropped as each line is read: nothing of them is kept or used."""
    out: list[dict[str, Any]] = []
    for path in sorted(REALNEWS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            story = json.loads(line)
            if split_of(story["id"]) == "dev" and (part == "dev" or dev_part(story["id"]) == part[-1]):
                out.append(story)
    return out


def realnews_examples(part: str, nlp: spacy.Language, used: dict[str, str]) -> list[Example]:
    """One example per gold event's trigger in a development-half story (events that share a sentence and a
    trigger make one example, their actors' tags merged: a two-sided act tags both sides ``R``), always in
    training (fold -1). The trigger marked is the head word of the gold trigger phrase, as the rules mark one
    word. Tags are given only when every actor the events name is found in the sentence (an actor named only
    in an earlier sentence would leave its pronoun untagged); background events teach factuality."""
    taxonomy = load_taxonomy()
    stories = dev_stories(part)
    for path in sorted(REALNEWS.glob("*.jsonl")):
        used[f"{path.relative_to(ROOT)} (development half{'' if part == 'dev' else ', part ' + part[-1].upper()})"] = (
            sha256(path)
        )
    out: list[Example] = []
    for story, doc in zip(stories, nlp.pipe(s["text"] for s in stories), strict=True):
        sents = list(doc.sents)
        grouped: dict[tuple[int, int], list[dict[str, Any]]] = {}
        cursor = 0
        for event in story["events"]:
            found = _locate(sents, event, cursor)
            if found is None:
                continue
            cursor = found[0]
            grouped.setdefault(found, []).append(event)
        for (n, head), events in grouped.items():
            example = _event_example(sents[n], head, events, taxonomy)
            if example is not None:
                out.append(example)
    return out


def _locate(sents: list[Any], event: dict[str, Any], cursor: int) -> tuple[int, int] | None:
    """(sentence number, head word of the trigger in that sentence) of a gold event: the sentence holding the
    trigger and most of the event's actor phrases, the first such at or after ``cursor`` (events are listed in
    the order of the story), else the first."""
    trigger = (event.get("trigger") or "").strip()
    if not trigger:
        return None
    names = [t for t in (event.get("source_text"), event.get("target_text")) if t]
    best: tuple[int, int, int] | None = None  # (-actors found, not after cursor, sentence)
    for n, sent in enumerate(sents):
        if trigger.lower() not in sent.text.lower():
            continue
        key = (-sum(_find(sent.text, t) >= 0 for t in names), int(n < cursor), n)
        best = key if best is None or key < best else best
    if best is None:
        return None
    sent = sents[best[2]]
    start = sent.start_char + _find(sent.text, trigger)
    span = sent.doc.char_span(start, start + len(trigger), alignment_mode="expand")
    if span is None:
        return None
    return best[2], _word_index(sent, span.root.i)


def _find(text: str, phrase: str) -> int:
    """Where ``phrase`` starts in ``text`` (as written, else ignoring case), -1 if nowhere."""
    at = text.find(phrase)
    return at if at >= 0 else text.lower().find(phrase.lower())


def _word_index(sent: Any, token_i: int) -> int:
    """The index among the sentence's words (spaces left out, as in training examples) of token ``token_i``."""
    return sum(1 for t in sent[: token_i - sent.start] if not t.is_space)


def _event_example(sent: Any, head: int, events: list[dict[str, Any]], taxonomy: Any) -> Example | None:
    code = str(events[0]["code"])
    if not code[:2].isdigit() or not 1 <= int(code[:2]) <= 20:
        return None
    words = [t.text for t in sent if not t.is_space]
    example = Example(words=words, trigger=(head, head), fold=-1, five=five_class(code), root=ROOTS.index(code[:2]))
    try:
        plover = taxonomy.get(code).plover.event
    except (KeyError, AttributeError):
        plover = None
    if plover in PLOVER:
        example.plover = PLOVER.index(plover)
    if all(e.get("background") for e in events):
        example.fact = FACT_LABELS.index("background")
    example.tags = _tags(sent, events)
    return example


def _tags(sent: Any, events: list[dict[str, Any]]) -> list[int] | None:
    """Source/target tags of the sentence's words for these events, or None if an actor phrase is not in it."""
    roles: dict[tuple[int, int], str] = {}
    for event in events:
        for key, role in (("source_text", "S"), ("target_text", "T")):
            phrase = event.get(key)
            if not phrase:
                continue
            at = _find(sent.text, phrase)
            if at < 0:
                return None
            span = sent.doc.char_span(sent.start_char + at, sent.start_char + at + len(phrase), alignment_mode="expand")
            if span is None:
                return None
            first, last = _word_index(sent, span.start), _word_index(sent, span.end - 1)
            roles[(first, last)] = role if roles.get((first, last), role) == role else "R"
    words = [t for t in sent if not t.is_space]
    tags = [TAGS.index("O")] * len(words)
    for (first, last), role in sorted(roles.items()):
        if any(tags[w] != TAGS.index("O") for w in range(first, last + 1)):
            continue  # overlapping phrases: the first keeps its words
        tags[first] = TAGS.index(f"B-{role}")
        for w in range(first + 1, last + 1):
            tags[w] = TAGS.index(f"I-{role}")
    return tags
