"""Passes that give candidates their actors and their order.

``actors``: the source and target tokens become coded actors (through the
document's actor memory, ``doc.actors``); an object that is no actor stands for
the actor inside it ("sanctions on Georgia"). ``order``: the main event of the
sentence, the least deeply embedded, comes first.
"""

from __future__ import annotations

from ...doc import Doc
from ...parse import Sentence
from ..candidates import Candidate
from ..control import Control
from ..grammar import depth
from ..lexicon import Lexicon
from ..roles import resolve_actors


class Actors:
    name = "actors"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.control = control

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        # every actor the sentence names, with or without an event of its own: "he" and "it" later in the
        # sentence, and "the Nordic country" in the next, refer to anyone named before
        doc.actors.actor_mentions()
        for c in candidates:
            resolve_actors(sentence, c, doc.actors, self.control)
        return candidates


class Order:
    name = "order"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        pass

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        for c in candidates:
            c.depth = depth(sentence, c.trigger)
        return sorted(candidates, key=lambda c: (c.depth, c.first))
