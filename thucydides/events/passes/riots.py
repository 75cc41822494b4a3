"""Pass ``riots``: force used by a crowd is violent protest; a state's protest is a complaint.

"Protesters attacked the French embassy", "crowds stormed the prime minister's residence", "a mob
stormed a steel plant": a careful coder codes a crowd's violence as a riot (CAMEO 145, protest
violently), not as the use of armed force (190, 192) or violence of no kind said (180) that the verb
alone suggests; a specific act keeps its code ("a mob beat a manager to death" is a killing). The
words that name a crowd, the codes recoded and the sectors that make an actor armed (a crowd of
gunmen is no crowd) are in ``data/events/control.yaml`` (``riots``). A state does not take to the
streets: "Japan protested against the incursion" is an official complaint (114), not a demonstration.
"""

from __future__ import annotations

import re

from ...doc import Doc
from ...models import Actor
from ...parse import Sentence
from ..candidates import Candidate
from ..control import Control, Riots
from ..lexicon import Lexicon

_WORDS = re.compile(r"[a-z]+")


class RiotPass:
    name = "riots"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.words: Riots = control.riots

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        for c in candidates:
            if not c.sources:
                continue
            if c.code in self.words.protests and all(self._state(a) for a in c.sources):
                c.reason += f"; a state ('{c.sources[0].text}') protests by complaining → {self.words.complaint}"
                c.code = self.words.complaint
                c.modifiers.append("complaint")
            if c.code not in self.words.codes or not all(self._crowd(a) for a in c.sources):
                continue
            c.reason += f"; force used by a crowd ('{c.sources[0].text}') is violent protest → {self.words.code}"
            c.code = self.words.code
            c.modifiers.append("riot")
        return candidates

    def _state(self, actor: Actor) -> bool:
        """Whether ``actor`` is a state named as such ("Japan", "the United States") or its government
        ("Beijing", "the foreign ministry"), not a body only an adjective ties to it ("the Sudanese
        Professionals Association")."""
        if not actor.country or actor.group or not set(actor.sector) <= self.words.state:
            return False
        named = actor.text.lower().removeprefix("the ").strip() == (actor.name or "").lower()
        return named or bool(set(actor.sector) & self.words.state)

    def _crowd(self, actor: Actor) -> bool:
        """Whether ``actor`` is a crowd: its words name one and it has no armed sector."""
        words = set(_WORDS.findall(actor.text.lower()))
        return bool(words & self.words.crowds) and not set(actor.sector) & self.words.armed
