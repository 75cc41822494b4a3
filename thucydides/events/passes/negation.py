"""Pass ``negation``: "did not attack" is no attack; the negation table of control.yaml says what it is."""

from __future__ import annotations

from ...doc import Doc
from ...parse import Sentence
from ..candidates import Candidate
from ..control import Control
from ..grammar import clause_head
from ..lexicon import Lexicon


class Negation:
    name = "negation"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.control = control

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        kept: list[Candidate] = []
        for c in candidates:
            token = clause_head(sentence, sentence.tokens[c.trigger], self.control)
            negated = sentence.child(token, "neg")
            if negated is None and token.pos == "NOUN":
                det = sentence.child(token, "det")
                negated = det if det is not None and det.lower == "no" else None
            if negated is not None:
                code = self.control.negation.combine(c.code)
                if code is None:
                    continue
                c.modifiers.append(f"negated:{negated.text}")
                c.reason = f"negated ('{negated.text}') {c.reason}"
                c.code = code
            kept.append(c)
        return kept
