"""Pass ``riots``: force used by a crowd is violent protest.

"Protesters attacked the French embassy", "crowds stormed the prime minister's residence", "a mob
stormed a steel plant": a careful coder codes a crowd's violence as a riot (CAMEO 145, protest
violently), not as the use of armed force (190, 192) or violence of no kind said (180) that the verb
alone suggests; a specific act keeps its code ("a mob beat a manager to death" is a killing). The
words that name a crowd, the codes recoded and the sectors that make an actor armed (a crowd of
gunmen is no crowd) are in ``data/events/control.yaml`` (``riots``).
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
            if c.code not in self.words.codes or not c.sources or not all(self._crowd(a) for a in c.sources):
                continue
            c.reason += f"; force used by a crowd ('{c.sources[0].text}') is violent protest → {self.words.code}"
            c.code = self.words.code
            c.modifiers.append("riot")
        return candidates

    def _crowd(self, actor: Actor) -> bool:
        """Whether ``actor`` is a crowd: its words name one and it has no armed sector."""
        words = set(_WORDS.findall(actor.text.lower()))
        return bool(words & self.words.crowds) and not set(actor.sector) & self.words.armed
