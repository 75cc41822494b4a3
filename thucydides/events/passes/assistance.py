"""Pass ``assistance``: forces sent to help are help, not a show of force.

"The United States would send FBI agents to Haiti to help with the investigation", "Rwanda sent troops to
help Mozambique fight the insurgents": the lexicon reads the sending of police or troops as a show of force
(153, 154), which a promise makes a threat. A purpose clause of helping under the verb ("to help", "to
assist") says what the forces are for: police and agents are judicial and police cooperation, troops military
protection (``data/events/control.yaml``, ``assistance``). The pass runs before the control words, so that
"offered to send police to help" is an offer of help and "would send agents to help" a promise of it.
"""

from __future__ import annotations

from ...doc import Doc
from ...parse import Sentence, Token
from ..candidates import Candidate
from ..control import Assistance, Control
from ..lexicon import Lexicon

_SHOWS_OF_FORCE = "15"


class AssistancePass:
    name = "assistance"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.words: Assistance = control.assistance

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        for c in candidates:
            if not c.code.startswith(_SHOWS_OF_FORCE):
                continue
            verb = sentence.tokens[c.trigger]
            purpose = self._purpose(sentence, verb)
            code = self.words.code_for(c.code) if purpose is not None else None
            helped = self._helped(sentence, purpose) if purpose is not None else None
            # help is done to someone: the place the forces go to, or the one the clause helps ("sent
            # troops to help Mozambique"), not the forces sent; "sent marines to help protect its fishermen"
            # names no one helped
            sent = {o.i for o in sentence.kids(verb, "dobj")}
            if purpose is None or code is None or not (set(c.target_tokens) - sent or helped is not None):
                continue
            c.reason += f"; sent 'to {purpose.text}': help, not a show of force → {code}"
            c.code = code
            c.modifiers.append("assistance")
            if not set(c.target_tokens) - sent and helped is not None:
                c.target_tokens = [helped.i]
        return candidates

    def _purpose(self, sentence: Sentence, verb: Token) -> Token | None:
        """The verb of helping of a to-infinitive purpose clause under ``verb`` ("to help"), if any."""
        for clause in sentence.kids(verb, "advcl", "xcomp"):
            infinitive = any(a.lower == "to" for a in sentence.kids(clause, "aux"))
            if infinitive and clause.lemma in self.words.verbs:
                return clause
        return None

    @staticmethod
    def _helped(sentence: Sentence, purpose: Token) -> Token | None:
        """Whom the clause helps: "to help Mozambique", "to help Haiti restore order" (the subject the parser
        gives the helped clause)."""
        helped = sentence.child(purpose, "dobj")
        if helped is None:
            clause = sentence.child(purpose, "ccomp", "xcomp")
            helped = sentence.child(clause, "nsubj") if clause is not None else None
        return helped
