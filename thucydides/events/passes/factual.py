"""Pass ``factuality``: an act reported only as denied or alleged is refused; a claimed act is done by its claimant.

"The army denied that its soldiers had shelled the camp": the denial is the news (the denial
verb is its own candidate), the shelling is not reported as having happened, so its candidate
is marked refused, with the reason, and ``--explain`` shows it; so is an act one side only
accuses another of ("Poland accused Belarus of pushing migrants": the accusation is the
event). "The group claimed
responsibility for the bombing": whoever claimed it is the bomber. The parse questions are in
``events/factuality.py``, the words in ``data/events/factuality.yaml``.
"""

from __future__ import annotations

from ...doc import Doc
from ...parse import Sentence
from ..candidates import Candidate
from ..control import Control
from ..factuality import alleged_by, claimant, claimed_by, denied_by, load_factuality
from ..lexicon import Lexicon


class Factuality:
    name = "factuality"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.words = load_factuality()

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        for c in candidates:
            denial = denied_by(sentence, c.trigger, self.words)
            if denial is not None:
                c.refusal = f"the act is reported only as denied ('{denial.text}'): the denial is the event"
                c.happened = False
                continue
            accusation = alleged_by(sentence, c.trigger, self.words)
            if accusation is not None:
                c.refusal = f"the act is only alleged ('{accusation.text}'): the accusation is the event"
                c.happened = False
                continue
            verb = claimed_by(sentence, c.trigger, self.words)
            who = claimant(sentence, verb) if verb is not None else None
            if who is not None and who.i not in c.source_tokens:
                c.source_tokens = [who.i]
                c.modifiers.append("claimed")
                c.reason += f"; '{who.text}' claimed it ('{verb.text}'), so did it"  # type: ignore[union-attr]
        return candidates
