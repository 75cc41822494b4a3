"""Passes about mood and time.

``hypothetical``: "if Russia attacked", "could strike", "can strike": what may happen is no event.
``background``: perfect participles and past perfects tell what happened before the story.
"""

from __future__ import annotations

from ...doc import Doc
from ...lang import ENGLISH
from ...parse import Sentence, Token
from ..candidates import Candidate
from ..control import Control
from ..grammar import clause_head, mood_bearer
from ..lexicon import Lexicon

_HYPOTHETICAL_MARKS = ENGLISH.words("hypothetical_marks")
_HYPOTHETICAL_AUX = ENGLISH.words("hypothetical_auxiliaries")
_SUPPOSING = ENGLISH.words("hypothetical_determiners")
_ABILITY_AUX = ENGLISH.words("ability_auxiliaries")
_UNASSERTING = ENGLISH.words("unasserting_verbs")
_COMMITTED = ("intent", "appeal", "demand", "threaten", "reject", "future")


class Hypothetical:
    name = "hypothetical"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.control = control

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        return [c for c in candidates if not self._hypothetical(sentence, c)]

    def _hypothetical(self, sentence: Sentence, c: Candidate) -> bool:
        trigger = sentence.tokens[c.trigger]
        token = clause_head(sentence, trigger, self.control)
        if any(m.startswith(_COMMITTED) for m in c.modifiers):
            return False
        if trigger.pos == "NOUN" and any(d.lower in _SUPPOSING for d in sentence.kids(trigger, "det")):
            return True  # "any attack on its ships would be met with force": an act supposed
        j = token.i
        for _ in range(8):
            t = sentence.tokens[j]
            if t.dep == "advcl" and any(sentence.tokens[k].lower in _HYPOTHETICAL_MARKS for k in t.children):
                return True
            if _unasserted(sentence, t):
                return True
            if t.head == j or t.dep not in ("conj", "xcomp", "advcl", "ccomp"):
                break
            j = t.head
        if token.dep == "csubj" and token.head != token.i:
            token = sentence.tokens[token.head]  # "Ukraine joining NATO would have consequences": an act supposed
        bearer = mood_bearer(sentence, token)  # "could attack the town and kill civilians"
        aux = [sentence.tokens[k].lower for k in bearer.children if sentence.tokens[k].dep in ("aux", "auxpass")]
        if any(a in _ABILITY_AUX for a in aux) and sentence.child(bearer, "neg") is None:
            return True
        return any(a in _HYPOTHETICAL_AUX for a in aux)


def _unasserted(sentence: Sentence, token: Token) -> bool:
    """An infinitive under a verb that permits, dares or expects it: "challenged Putin *to meet* him"."""
    if token.dep not in ("xcomp", "ccomp", "advcl") or token.head == token.i:
        return False
    if not any(sentence.tokens[k].dep == "aux" and sentence.tokens[k].lower == "to" for k in token.children):
        return False
    return sentence.tokens[token.head].lemma in _UNASSERTING


class Background:
    name = "background"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.control = control

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        for c in candidates:
            c.current = c.current and not background(
                sentence, clause_head(sentence, sentence.tokens[c.trigger], self.control)
            )
        return candidates


def background(sentence: Sentence, token: Token) -> bool:
    """Whether the verb ``token`` tells of what happened before the story ("having signed", "had met")."""
    aux = [sentence.tokens[k] for k in token.children if sentence.tokens[k].dep in ("aux", "auxpass")]
    words = {a.lower for a in aux}
    if "having" in words:
        return True
    if "had" in words and token.tag == "VBN":
        return True
    return any(a.lower == "already" for a in sentence.kids(token, "advmod"))
