"""Passes that give candidates their actors and their order.

``actors``: the source and target tokens become coded actors (through the
document's actor memory, ``doc.actors``); an object that is no actor stands for
the actor inside it ("sanctions on Georgia"). ``order``: the main event of the
sentence, the least deeply embedded, comes first.
"""

from __future__ import annotations

import dataclasses

from ...actors.state import entity
from ...doc import Doc
from ...parse import Sentence
from ..candidates import Candidate
from ..control import Control
from ..grammar import VIOLENT_ROOTS, depth
from ..lexicon import Lexicon
from ..roles import resolve_actors
from ..taxonomy import five_class


class Actors:
    name = "actors"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.control = control
        self.patients = lexicon.patient_nouns(VIOLENT_ROOTS)

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        # every actor the sentence names, with or without an event of its own: "he" and "it" later in the
        # sentence, and "the Nordic country" in the next, refer to anyone named before
        doc.actors.actor_mentions()
        for c in candidates:
            resolve_actors(sentence, c, doc.actors, self.control, self.patients)
        shared_targets(sentence, candidates)
        return candidates


def shared_targets(sentence: Sentence, candidates: list[Candidate]) -> None:
    """ "Saudi Arabia cut ties with Qatar and imposed a boycott": a verb coordinated with another of the same
    kind of act, with the same doers and no one named it is done to, is done to whom the first is done to."""
    by_trigger = {c.trigger: c for c in candidates}
    for c in candidates:
        token = sentence.tokens[c.trigger]
        first = by_trigger.get(token.head) if token.dep == "conj" and token.pos == "VERB" else None
        if first is None or first is c or any(t.code for t in c.targets):
            continue
        if five_class(first.code) != five_class(c.code) or not any(t.code for t in first.targets):
            continue
        if not c.sources or {entity(a) for a in c.sources} != {entity(a) for a in first.sources}:
            continue
        why = f"done to whom '{sentence.tokens[first.trigger].text}' before it is done to"
        c.targets = [dataclasses.replace(t, how=f"{t.how}; {why}".lstrip("; ")) for t in first.targets if t.code]


class Order:
    name = "order"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        pass

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        for c in candidates:
            c.depth = depth(sentence, c.trigger)
        return sorted(candidates, key=lambda c: (c.depth, c.first))
