"""Passes about what was said.

``speech``: a statement gives way to what was said unless it has an addressee.
``reported-future``: "Australia said it would change its rules" is a promise (03x),
"said it would strike" a threat.
"""

from __future__ import annotations

from ...doc import Doc
from ...lang import ENGLISH
from ...parse import Sentence, Token
from ..candidates import Candidate
from ..control import Control
from ..grammar import addressed, clause_head, verb_keys
from ..lexicon import Lexicon

_COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
_THREAT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
_FUTURE = ENGLISH.word_list("future_auxiliaries")


class Speech:
    name = "speech"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.control = control

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        dropped: set[int] = set()
        for c in candidates:
            if not c.speech:
                continue
            token = sentence.tokens[c.trigger]
            said = [
                k.trigger
                for k in candidates
                if k is not c and k.trigger not in dropped and _governed_by(sentence, k.trigger, token)
            ]
            if said and not addressed(sentence, token):
                dropped.add(c.trigger)
        return [c for c in candidates if c.trigger not in dropped]


def _governed_by(sentence: Sentence, k: int, token: Token) -> bool:
    j = k
    for _ in range(12):
        t = sentence.tokens[j]
        if t.head == j:
            return False
        if t.head == token.i:
            return t.dep in ("ccomp", "xcomp", "parataxis", "advcl", "dobj", "conj")
        j = t.head
    return False


class ReportedFuture:
    name = "reported-future"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.control = control

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        for c in candidates:
            token = clause_head(sentence, sentence.tokens[c.trigger], self.control)
            would = next((a for a in sentence.kids(token, "aux") if a.lower in _FUTURE), None)
            if would is None or token.dep != "ccomp" or any(m.startswith("intent") for m in c.modifiers):
                continue
            head = sentence.tokens[token.head]
            if not any(k in self.control.speech for k in verb_keys(head)):
                continue
            c.modifiers.append(f"future:{would.text}")
            if not any(m.startswith("negated") for m in c.modifiers):  # "would not provide" is a rejection
                self._recode(c, would)
        return candidates

    def _recode(self, c: Candidate, would: Token) -> None:
        if c.code[:2] in _THREAT_ROOTS:
            threat = self.control.categories["threaten"].combine(c.code)
            if threat is not None:
                c.reason = f"'{would.text}' in what was said makes it a threat: {c.reason}"
                c.code = threat
            return
        code = self.control.categories["intent"].combine(c.code)
        if code is not None and c.code[:2] in _COOPERATIVE_ROOTS:
            c.reason = f"'{would.text}' in what was said makes it a promise: {c.reason}"
            c.modifiers.append(f"intent:{would.text}")
            c.code = code
