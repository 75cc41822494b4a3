"""Pass ``response``: a response promised is a threat.

"South Korea said it would respond sternly if the North took further steps", "the Taliban vowed to respond",
"Pakistan said it had every right to respond to India's strikes", "Iran promised a proportionate reply": a
careful coder codes a threat (13x; ANNOTATION.md §1 "X said it would retaliate against Y" is 13x X→Y), even a
conditional one. A word of responding (``response`` in ``data/events/control.yaml``: respond, reply,
retaliate; response, reply, retaliation ...) is a threat when it is promised: in the future under a verb of
saying ("said it would respond"), under a word of promise ("vowed to respond", "promised a reply") or of
readiness ("had every right to respond", "stands ready to respond"). The responder is the source; the target
is whom the response answers: the object of "to"/"against" ("respond to India's strikes"), else the actor of
the condition ("if the North took further steps"). "Attackers would meet a severe response": the subject of
"meet"/"face" is the target, the one who says it the source. A response that has happened ("Russia responded
by expelling ...") is not a threat and is left to the other rules, as is a retaliation already coded as a use
of force (the ``reported-future`` pass makes "would retaliate against" a threat of force).
"""

from __future__ import annotations

from ...doc import Doc
from ...lang import ENGLISH
from ...parse import Sentence, Token
from ..candidates import Candidate
from ..control import Control
from ..grammar import condition_doers, default_source, subject, verb_keys
from ..lexicon import Lexicon

_FUTURE = ENGLISH.words("future_auxiliaries")
RESPONSE_RULE = "response:"  # the rule of the events this pass makes (the act-reference pass finds whom they answer)


class Response:
    name = "response"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.lexicon = lexicon
        self.control = control
        self.words = control.response

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        at = {c.trigger: c for c in candidates}
        out = list(candidates)
        for token in sentence.tokens:
            if token.lemma not in self.words.verbs | self.words.nouns:
                continue
            found = self._promised(sentence, token)
            if found is None:
                continue
            why, sources, met = found
            # "any attack would meet a response": whom it threatens is the doer of the act, if one is named
            targets = [
                k for i in met for k in (at[i].source_tokens if i in at else [i]) if not self._act(sentence.tokens[k])
            ]
            # the event at the word, else at the word that promises it ("vowed to respond": an intent)
            promiser = sentence.tokens[token.head]
            c = at.get(token.i) or (at.get(promiser.i) if promiser.lemma in self.words.promises else None)
            if c is not None and c.code[:2] not in self.words.recode_roots:
                continue  # "would retaliate against Israel": already a threat of force (reported-future)
            if c is None:
                c = Candidate(token.i, token.i, token.i, self.words.code, [], [], "", "", 1)
                out.append(c)
            c.code = self.words.code
            c.speech = False
            c.source_tokens = sources or c.source_tokens
            c.target_tokens = targets or [t for t in c.target_tokens if t not in c.source_tokens]
            c.modifiers.append(f"threaten:{why}")
            c.rule = f"{RESPONSE_RULE} a response promised ({why})"
            c.reason = f"'{token.text}' is a response promised ('{why}'): a threat → {self.words.code}"
        return out

    def _promised(self, sentence: Sentence, token: Token) -> tuple[str, list[int], list[int]] | None:
        """How the response is promised, its responder and whom it answers; None when it is not promised."""
        if sentence.child(token, "neg") is not None:
            return None
        if any(sentence.child(p, "pcomp") for p in sentence.kids(token, "prep") if p.lower == "by"):
            return None  # "would respond by banning the court": the threat is of the banning
        answered = self._answered(sentence, token)
        if token.pos == "VERB":
            return self._promised_verb(sentence, token, answered)
        if token.pos != "NOUN" or token.head == token.i:
            return None
        governor = sentence.tokens[token.head]
        if token.dep == "dobj" and governor.lemma in self.words.promises:
            return governor.text, subject(sentence, governor), answered
        met_by: list[int] | None = None  # who meets the response, when the verb is passive
        if token.dep == "pobj" and governor.lower in ("with", "by") and governor.head != governor.i:
            governor = sentence.tokens[governor.head]  # "any attack would be met with a crushing response"
            met_by = [k.i for k in sentence.kids(governor, "nsubjpass")]
            if not met_by:
                return None
        elif token.dep != "dobj":
            return None
        if governor.lemma in self.words.fates and _future(sentence, governor):
            # "attackers would meet a severe response": the one met with it is the target
            speaker = sentence.tokens[governor.head] if governor.dep == "ccomp" else None
            if speaker is None or not self._says(speaker):
                return None
            return (
                governor.text,
                subject(sentence, speaker),
                met_by if met_by is not None else subject(sentence, governor),
            )
        return None

    def _says(self, verb: Token) -> bool:
        """Whether ``verb`` says or promises what its clause tells ("said", "warned")."""
        return any(k in self.control.speech or k in self.words.promises for k in verb_keys(verb))

    def _promised_verb(
        self, sentence: Sentence, token: Token, answered: list[int]
    ) -> tuple[str, list[int], list[int]] | None:
        would = next((a for a in sentence.kids(token, "aux") if a.lower in _FUTURE), None)
        if would is not None:
            # said, not narrated: "said Moscow would respond" (never "if Russia attacks, NATO will respond")
            if not self._said(sentence, token):
                return None
            return would.text, default_source(sentence, token, "verb", self.control), answered
        if token.dep not in ("xcomp", "acl") or token.head == token.i:
            return None
        governor = sentence.tokens[token.head]
        if token.dep == "xcomp" and governor.lemma in self.words.promises:
            return governor.text, subject(sentence, governor), answered
        if governor.lemma in self.words.readiness:  # "stands ready to respond", "has every right to respond"
            holder = sentence.tokens[governor.head] if token.dep == "acl" and governor.head != governor.i else governor
            return governor.text, subject(sentence, holder), answered
        return None

    def _said(self, sentence: Sentence, token: Token) -> bool:
        """Whether the clause of ``token`` is what a verb of saying or of promise reports ("said it would
        respond", "warned that it would respond")."""
        while token.dep == "conj" and token.head != token.i:
            token = sentence.tokens[token.head]
        if token.dep != "ccomp" or token.head == token.i:
            return False
        return self._says(sentence.tokens[token.head])  # "said it would", "warned it would"

    def _act(self, token: Token) -> bool:
        """Whether ``token`` names an act, not an actor ("any attack")."""
        return token.pos == "NOUN" and bool(self.lexicon.lookup("noun", token.lemma))

    def _answered(self, sentence: Sentence, token: Token) -> list[int]:
        """Whom the response answers: "to X", "against X", else the actor of its condition ("if X ...")."""
        for prep in sentence.kids(token, "prep"):
            if prep.lower in self.words.prepositions:
                obj = sentence.child(prep, "pobj")
                if obj is not None:
                    return [obj.i]
        clause = token
        if token.pos == "NOUN" and token.head != token.i:
            clause = sentence.tokens[token.head]
        return condition_doers(sentence, clause)


def _future(sentence: Sentence, verb: Token) -> bool:
    return any(a.lower in _FUTURE for a in sentence.kids(verb, "aux"))
