"""Passes about what was said.

``speech``: a statement gives way to what was said unless it has an addressee.
``verdict``: "said the expulsion was unacceptable" is a criticism of it.
``reported-future``: "Australia said it would change its rules" is a promise (03x),
"said it would strike" a threat.
"""

from __future__ import annotations

from ...doc import Doc
from ...lang import ENGLISH
from ...parse import Sentence, Token
from ..candidates import Candidate
from ..control import Control
from ..grammar import addressed, clause_head, governed_by, mood_bearer, verb_keys
from ..lexicon import Lexicon

_COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
_THREAT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
_FUTURE = ENGLISH.word_list("future_auxiliaries")
_PLANNED = frozenset(ENGLISH.word_list("future_auxiliaries")) - {"would"}  # "would" unreported is a condition
_COPULAS = ENGLISH.words("copulas")
_JUDGING = ENGLISH.words("judging_verbs")
_LITOTES = ENGLISH.words("litotes_verbs")


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
                if k is not c and k.trigger not in dropped and governed_by(sentence, k.trigger, token)
            ]
            if said and not addressed(sentence, token):
                dropped.add(c.trigger)
        return [c for c in candidates if c.trigger not in dropped]


def _litotes(sentence: Sentence, token: Token) -> Token:
    """ "would not hesitate to use force": a verb denied only to affirm its infinitive, whose tense, mood and
    clause the infinitive takes ("would ... use force", said: a threat); ``token`` itself otherwise."""
    head = sentence.tokens[token.head]
    if token.dep == "xcomp" and head.lemma in _LITOTES and sentence.child(head, "neg") is not None:
        return head
    return token


class ReportedFuture:
    name = "reported-future"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.control = control

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        for c in candidates:
            token = _litotes(
                sentence, mood_bearer(sentence, clause_head(sentence, sentence.tokens[c.trigger], self.control))
            )
            would = next((a for a in sentence.kids(token, "aux") if a.lower in _FUTURE), None)
            if would is None or any(m.startswith("intent") for m in c.modifiers):
                continue
            head = sentence.tokens[token.head]
            # said, or warned, vowed, promised: "warned that it would strike South Korea" is a threat
            saying = self.control.speech | self.control.response.promises
            reported = token.dep == "ccomp" and any(k in saying for k in verb_keys(head))
            if not reported:
                if would.lower in _PLANNED and self._plan(c):
                    c.reason = f"'{would.text}' tells a plan, not what happened: {c.reason}"
                continue
            c.modifiers.append(f"future:{would.text}")
            if not any(m.startswith("negated") for m in c.modifiers):  # "would not provide" is a rejection
                self._recode(c, would)
                told = sentence.child(head, "dobj", "dative")
                named = told is not None and told.pos == "PROPN"  # not "told reporters"
                if told is not None and named and not c.target_tokens and told.i not in c.source_tokens:
                    c.target_tokens = [told.i]  # "warned Israel that it would retaliate": aimed at whom it tells
        return candidates

    def _plan(self, c: Candidate) -> bool:
        """ "The two leaders will meet in Geneva next week": the story tells a plan (ANNOTATION.md §1: an
        intent, 03x); the meeting is not coded until a story reports it. Cooperative acts only."""
        if c.code[:2] not in _COOPERATIVE_ROOTS or any(m.startswith("negated") for m in c.modifiers):
            return False
        code = self.control.categories["intent"].combine(c.code)
        if code is None:
            return False
        c.modifiers.append("intent:plan")
        c.code = code
        return True

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


class Verdict:
    """Pass ``verdict``: "Kenya said the expulsion was unacceptable" is a criticism (111) of what the
    clause is about, not a statement: a verb of saying over a clause that judges its subject with a
    word of the lexicon's class of verdicts ("unacceptable", "a heinous act", "a violation"). The
    class and the code are in control.yaml (``verdict``); a negated clause ("was not illegal") is no
    verdict. The subject is the target: an actor, or an act whose doer the ``act-reference`` pass finds.
    """

    name = "verdict"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.control = control
        self.judging = [(lexicon.classes.get(name, frozenset()), code) for name, code in control.verdicts]

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        for c in candidates:
            verb = sentence.tokens[c.trigger]
            saying = c.speech and c.code.startswith("01")
            if saying and (judged := self._judged(sentence, verb)) is not None:
                subject, word, code, denied = judged
                why = f"denies '{subject.text}' is '{word.text}'" if denied else f"calls '{subject.text}' '{word.text}'"
            elif (saying or verb.lemma in self.control.retribution_verbs) and (
                fate := self._fate(sentence, verb)
            ) is not None:
                subject, word = fate
                code, why = self.control.retribution_code, f"promises '{subject.text}' a fate ('{word.text}')"
            else:
                continue
            c.code = code
            c.speech = False
            c.target_tokens = [subject.i]
            c.reason = f"what '{verb.text}' says {why}"
            c.rule = f"verdict: {why}"
        return candidates

    def _fate(self, sentence: Sentence, verb: Token) -> tuple[Token, Token] | None:
        """The subject of a future clause under ``verb`` that gives it a fate ("would pay dearly"), when
        the verb names no one it is addressed to ("warned the Philippines that it would pay": the addressee)."""
        if sentence.child(verb, "dobj") is not None or sentence.child(verb, "dative") is not None:
            return None
        for clause in sentence.kids(verb, "ccomp", "xcomp"):
            words = self.control.fates.get(clause.lemma)
            future = any(a.lower in _FUTURE for a in sentence.kids(clause, "aux"))
            if words is None or not future or sentence.child(clause, "neg") is not None:
                continue
            marks = [
                t for t in sentence.kids(clause, "dobj", "advmod", "npadvmod") if t.lemma in words or t.lower in words
            ]
            subject = sentence.child(clause, "nsubj") or sentence.child(clause, "nsubjpass")
            if subject is not None and (marks or not words):
                return subject, marks[0] if marks else clause
        return None

    def _judged(self, sentence: Sentence, verb: Token) -> tuple[Token, Token, str, bool] | None:
        """The subject of the copular clause ``verb`` governs, the word that judges it, the code of that
        judgement and whether the word is denied ("was not legitimate"), if any. A verb that judges its
        subject by its object ("posed a threat", "amounted to a war crime") is read as a copula."""
        denied_words, denied_code = self.control.denied_approval
        for clause in sentence.kids(verb, "ccomp"):
            subject = sentence.child(clause, "nsubj")
            judging = clause.lemma in _JUDGING
            if (clause.lemma not in _COPULAS and not judging) or subject is None:
                continue
            negated = sentence.child(clause, "neg") is not None
            if judging:
                preds = [*sentence.kids(clause, "dobj")]
                preds += [o for p in sentence.kids(clause, "prep") for o in sentence.kids(p, "pobj")]
            else:
                preds = sentence.kids(clause, "acomp", "attr")
                for pred in preds:
                    # "were neither free nor fair", "was not legitimate": approval denied is a criticism
                    denied = negated or any(p.lower == "neither" for p in sentence.kids(pred, "preconj"))
                    if denied and pred.lemma in denied_words:
                        return subject, pred, denied_code, True
            if negated:
                continue
            for pred in preds:
                for word in (pred, *sentence.kids(pred, "amod"), *_conjoined(sentence, pred)):
                    for words, code in self.judging:
                        if word.lemma in words or word.lower in words:
                            return subject, word, code, False
        return None


def _conjoined(sentence: Sentence, pred: Token) -> list[Token]:
    """The words joined to a predicate by "and" or "or": "was unacceptable and illegal"; "was unheard of and
    ridiculous" (which the parser joins to the predicate's preposition)."""
    out: list[Token] = []
    todo = [pred, *sentence.kids(pred, "prep")]
    while todo:
        for conj in sentence.kids(todo.pop(), "conj"):
            out.append(conj)
            todo.append(conj)
    return out
