"""Pass ``claims``: an act claimed after the story told it is done by whoever claimed it.

"Gunmen attacked a police post in Niger. Islamic State claimed the attack." A careful coder codes
the attack as Islamic State's (ANNOTATION.md §2: "Al-Shabaab claimed the bombing" → the group is
the bomber) and the claim itself as 015 (claim responsibility), aimed at the attack's victims. The
``factuality`` pass gives an act named in the claim's own sentence its claimant; this pass finds
the act a claim names when the story told it before: "claimed the attack", "claimed
responsibility for those bombings", "said it carried out the bombings" (a verb of doing an act,
``perpetration``, in what the claimant said). The act is the latest earlier act of the kinds in
``claims.acts`` (control.yaml) named by the same word, else by a word of the same CAMEO root, else
the latest of those kinds. The candidate at the claim's noun becomes the claim (``claims.code``)
aimed at the act's targets, and the document records a :class:`~thucydides.events.credit.Credit`
that gives the earlier act's events their doer once this sentence is admitted
(:mod:`thucydides.events.credit`).
"""

from __future__ import annotations

import dataclasses

from ...doc import Doc
from ...models import Actor
from ...parse import Sentence, Token
from ..admit import CLAIM_RULE
from ..candidates import Candidate
from ..control import Control
from ..credit import Credit, credits, unnamed
from ..factuality import claimed_by, load_factuality
from ..lexicon import Lexicon
from .reference import act_mention, as_mention, earlier_acts, names_of

_DEFINITE = frozenset({"the", "those", "these", "that", "this", "both"})


class Claims:
    name = "claims"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.lexicon = lexicon
        self.control = control
        self.words = control.claims
        self.factuality = load_factuality()

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        dropped: set[int] = set()
        for c in candidates:
            if c.refusal is not None or not c.code.startswith(self.words.acts) or any(a.code for a in c.targets):
                continue
            if not any(a.code for a in c.sources):
                continue
            token = sentence.tokens[c.trigger]
            verb = self._claim_verb(sentence, token, c)
            if verb is None:
                continue
            found = self._claimed(doc, sentence, c, candidates, token)
            if found is None:
                continue
            act_sentence, act = found
            # the claim verb's own readings ("claimed responsibility for", "claimed") give way to the claim
            dropped.update(id(o) for o in candidates if o is not c and o.trigger == verb.i)
            self._make_claim(doc, sentence, c, token, verb, act_sentence, act)
        return [c for c in candidates if id(c) not in dropped]

    def _claim_verb(self, sentence: Sentence, token: Token, c: Candidate) -> Token | None:
        """The verb by which the source claims the act at ``token``, if the noun is a claim of an act told before."""
        if token.pos != "NOUN" or token.head == token.i:
            return None
        if "claimed" in c.modifiers:
            return claimed_by(sentence, token.i, self.factuality)
        if not any(d.lower in _DEFINITE for d in sentence.kids(token, "det")):
            return None  # "said it carried out an attack on ...": a new act, not one the story told
        verb = sentence.tokens[token.head]
        if token.dep != "dobj" or verb.lemma not in self.words.perpetration:
            return None
        clause = verb
        while clause.dep == "conj" and clause.head != clause.i:
            clause = sentence.tokens[clause.head]
        if clause.dep != "ccomp" or clause.head == clause.i:
            return None
        speaker = sentence.tokens[clause.head]
        return speaker if speaker.lemma in self.control.speech else None

    def _claimed(
        self, doc: Doc, sentence: Sentence, c: Candidate, here: list[Candidate], token: Token
    ) -> tuple[Sentence, Candidate] | None:
        """The earlier act the claim names: the same word, then the same root, then any act of the kinds."""
        own = {a.code for a in c.sources if a.code}
        earlier = [
            (s, a)
            for s, a in earlier_acts(doc, sentence, c, here)
            if a.code.startswith(self.words.acts) and not own & {t.code for t in a.targets if t.code}
        ]
        roots = {p.code[:2] for p in self.lexicon.lookup("noun", token.lemma)}
        same = [(s, a) for s, a in earlier if s.tokens[a.trigger].lemma == token.lemma]
        kin = [(s, a) for s, a in earlier if a.code[:2] in roots]
        ranked = [*same, *kin, *earlier]
        return ranked[0] if ranked else None

    def _make_claim(
        self,
        doc: Doc,
        sentence: Sentence,
        c: Candidate,
        token: Token,
        verb: Token,
        act_sentence: Sentence,
        act: Candidate,
    ) -> None:
        told = act_sentence.tokens[act.trigger]
        claimants = [a for a in c.sources if a.code]
        why = f"'{token.text}' is the act told before ('{told.text}'), claimed by {names_of(claimants)}"
        victims = [a for a in act.targets if a.code] or _victims(doc, act_sentence, act)
        mention = act_mention(sentence, token, doc)
        c.targets = [as_mention(a, mention, why) for a in victims]
        c.code = self.words.code
        c.trigger = verb.i
        c.first = min(c.first, verb.i)
        c.last = max(c.last, token.i)
        c.speech = False
        c.rule = f"{CLAIM_RULE} {why}"
        c.reason = f"'{verb.text}' claims {why} → {self.words.code}"
        if all(unnamed(a, self.words.credited_sectors) for a in act.sources):
            # later references to the act ("condemned the attack") find its doer in the candidate
            act.sources = [dataclasses.replace(a, how=f"{a.how}; {why}".lstrip("; ")) for a in claimants]
        credits(doc).append(
            Credit(
                sentence_index=act_sentence.index,
                trigger_start=act_sentence.tokens[act.first].start,
                doers=tuple(claimants),
                why=f"{names_of(claimants)} claimed it ('{verb.text} {token.text}')",
                sectors=self.words.credited_sectors,
            )
        )


def _victims(doc: Doc, sentence: Sentence, act: Candidate) -> list[Actor]:
    """The targets the act's events were given after its candidate (the place where it happened: "attacked a
    police post in Niger"), one per actor."""
    start = sentence.tokens[act.first].start
    found: dict[str, Actor] = {}
    for event in doc.events:
        if event.sentence_index == sentence.index and event.trigger.start == start and event.target is not None:
            found.setdefault(event.target.code, event.target)
    return list(found.values())
