"""Pass ``negation``: "did not attack" is no attack; the negation table of control.yaml says what it is."""

from __future__ import annotations

from ...doc import Doc
from ...lang import ENGLISH
from ...parse import Sentence, Token
from ..candidates import Candidate
from ..control import Control
from ..grammar import clause_head
from ..lexicon import Lexicon
from .controls import NEGATED_REJECTION

_FUTURE = ENGLISH.words("periphrastic_future")


class Negation:
    name = "negation"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.control = control

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        kept: list[Candidate] = []
        for c in candidates:
            if NEGATED_REJECTION in c.modifiers:  # "would never accept the annexation": already a rejection
                kept.append(c)
                continue
            token = clause_head(sentence, sentence.tokens[c.trigger], self.control)
            negated = (
                sentence.child(token, "neg")
                or _shared_negation(sentence, token)
                or _neither(sentence, token)
                or _future_negation(sentence, token)
            )
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


def _shared_negation(sentence: Sentence, token: Token) -> Token | None:
    """The negation of the verb that ``token`` is joined to by "or" or "nor", when it has no subject or
    auxiliary of its own: "agreed not to threaten or use force" negates the use of force too. ("did not
    attack Kyiv but shelled Lviv" keeps the shelling: only "or" and "nor" share a negation.)"""
    if token.dep != "conj" or token.head == token.i or token.pos not in ("VERB", "AUX"):
        return None
    head = sentence.tokens[token.head]
    joined = {sentence.tokens[k].lower for k in head.children if sentence.tokens[k].dep == "cc"}
    joined |= {sentence.tokens[k].lower for k in token.children if sentence.tokens[k].dep == "cc"}
    if not joined or not joined <= {"or", "nor"}:
        return None
    if sentence.child(token, "nsubj", "nsubjpass", "aux", "auxpass") is not None:
        return None
    neither = next((t for t in sentence.kids(head, "preconj") if t.lower == "neither"), None)
    return sentence.child(head, "neg") or (neither if "nor" in joined else None)


def _future_negation(sentence: Sentence, token: Token) -> Token | None:
    """ "is not going to negotiate": the negation of a future said with "be going to" (``periphrastic_future``)
    is that of the verb under it."""
    if token.dep != "xcomp" or token.head == token.i:
        return None
    head = sentence.tokens[token.head]
    if head.lemma not in _FUTURE or head.tag != "VBG" or sentence.child(head, "aux") is None:
        return None
    return sentence.child(head, "neg")


def _neither(sentence: Sentence, token: Token) -> Token | None:
    """ "neither confirmed nor denied": the first verb of the pair is negated by its "neither"."""
    neither = next((t for t in sentence.kids(token, "preconj") if t.lower == "neither"), None)
    if neither is None or not any(sentence.tokens[k].lower == "nor" for k in token.children):
        return None
    return neither
