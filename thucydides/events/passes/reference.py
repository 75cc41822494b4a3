"""Pass ``act-reference``: an act named by a noun or a pronoun is done to whoever did that act.

"North Korea launched a missile on Monday. Japan condemned the launch": what Japan condemned is
North Korea's act, so North Korea is the target (a careful coder codes the actor condemned, not
the deed). The act is found earlier in the story: the latest act of another actor that the same
noun names ("the launch": the lexicon codes the noun like the verb), else, when the noun or the
pronoun names an act of any kind ("the operation", "it"), the latest material act of another
actor. "Peru welcomed the accord": an agreement noun names the latest agreement, signing or truce
of another actor, and the target is each of its parties. "Minsk denied the accusation": a
denial with no actor for a target answers whoever accused the denier; a response promised with no one
named ("Moscow would respond") answers the latest act of conflict done to the responder, and so does a
denial when no accusation of the denier is found; a mediation with
no one named is done to both parties of the latest act between two others. Only candidates whose
target is no coded actor are changed; the codes this applies to are in
``data/events/control.yaml`` (``act_reference``), the words in ``data/lang/en/words.yaml``
(``act_nouns``, ``act_pronouns``, ``agreement_nouns``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...actors.mentions import find_hits
from ...actors.state import entity
from ...doc import Doc
from ...lang import ENGLISH
from ...models import Actor
from ...parse import Sentence, Token
from ..candidates import Candidate
from ..control import Control
from ..lexicon import Lexicon
from ..match import is_passive
from .response import RESPONSE_RULE

_ACT_NOUNS = ENGLISH.words("act_nouns")
_ACT_PRONOUNS = ENGLISH.words("act_pronouns")
_AGREEMENT_NOUNS = ENGLISH.words("agreement_nouns")
_CALM_NOUNS = ENGLISH.words("calm_nouns")
_INQUIRY_NOUNS = ENGLISH.words("inquiry_nouns")
_TOPIC_PREPOSITIONS = frozenset({"on", "over", "about", "regarding", "concerning"})
_PATIENT_PREPOSITIONS = frozenset({"of", "on", "against", "upon"})  # "the attack on the embassy"
_WINDOW = 10  # sentences back in which the act is looked for
_SAID_WINDOW = 2  # sentences back in which a denial looks for a statement about the denier


class ActReference:
    name = "act-reference"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.lexicon = lexicon
        self.control = control

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        for c in candidates:
            if c.refusal is not None or not any(a.code for a in c.sources):
                continue
            pronoun = bool(c.target_tokens) and sentence.tokens[c.target_tokens[0]].lower in _ACT_PRONOUNS
            if c.code.startswith(self.control.act_judgements) and self._done_to(doc, sentence, c):
                # "condemned the killing of two opposition figures": the target found is whom the act was done
                # to; the judgement is aimed at whoever did it, named ("by gunmen") or told before
                if not self._agents(doc, sentence, c):
                    self._judgement(doc, sentence, c, candidates)
                continue
            if self._untargeted_threat(c):
                self._threat(doc, sentence, c, candidates)  # "warned that its answer would be far harsher"
                continue
            if any(a.code for a in c.targets) and not pronoun:
                continue
            if c.code.startswith(self.control.act_denials):
                self._denial(doc, sentence, c, candidates)
            elif c.code.startswith(self.control.mediations):
                self._mediation(doc, sentence, c, candidates, self.control.mediated, "the mediation is between")
            elif c.code.startswith(self.control.postures + self.control.complaints) and not any(
                a.code for a in c.targets
            ):
                # "ordered a general mobilisation", "lodged a protest": against the latest to act against it
                self._answer(doc, sentence, c, candidates)
            elif c.code.startswith(self.control.calls) and self._calls_for(sentence, c, _CALM_NOUNS):
                self._mediation(doc, sentence, c, candidates, self.control.conflicts, "the call is to both sides of")
            elif c.code.startswith(self.control.calls) and self._calls_for(sentence, c, _INQUIRY_NOUNS):
                self._inquiry(doc, sentence, c, candidates)  # "called for a transparent investigation"
            elif c.rule.startswith(RESPONSE_RULE):
                if c.target_tokens and self._roots(_named(sentence, sentence.tokens[c.target_tokens[0]])) is not None:
                    self._judgement(doc, sentence, c, candidates)  # "would respond to the expulsions": their doer
                elif not c.target_tokens:
                    self._answer(doc, sentence, c, candidates)
            elif (
                c.code.startswith(self.control.ratifications)
                and c.target_tokens
                and _names_agreement(sentence.tokens[c.target_tokens[0]])
            ):
                self._judgement(doc, sentence, c, candidates)  # "approved the deal": its other parties
            elif c.code.startswith(self.control.act_judgements):
                if not c.target_tokens:  # "condemned what he called an attack": the parser's clause
                    clause = sentence.child(sentence.tokens[c.trigger], "ccomp")
                    if clause is None or _named(sentence, clause) is clause:
                        continue
                    c.target_tokens = [clause.i]
                # "condemned it": what is condemned is an act, and its doer the target
                self._judgement(doc, sentence, c, candidates)
        return candidates

    def _untargeted_threat(self, c: Candidate) -> bool:
        """A threat aimed at no one but its maker ("its answer"), other than a response to a named act."""
        if not c.code.startswith(self.control.threats) or _other_target(c):
            return False
        return not (c.rule.startswith(RESPONSE_RULE) and c.target_tokens)

    def _threat(self, doc: Doc, sentence: Sentence, c: Candidate, here: list[Candidate]) -> None:
        """A threat with no one named answers the latest act against the threatener, else is aimed at its
        counterpart: the actor most often on the other side of its acts so far (the latest on a tie)."""
        found = self._answered(doc, sentence, c, here, self.control.provocations)
        if found is not None:
            doers, trigger = found
            self._aim(sentence, c, doers, f"the threat answers {names_of(doers)} ('{trigger}')", doc, False)
            return
        own = {entity(a) for a in c.sources if a.code}
        seen: dict[str, tuple[int, int, Actor]] = {}  # the other side's entity: (acts, latest first, actor)
        for order, (_, act) in enumerate(earlier_acts(doc, sentence, c, here)):
            sides = [act.sources, act.targets]
            for mine, theirs in (sides, sides[::-1]):
                if own & {entity(a) for a in mine if a.code}:
                    for other in theirs:
                        if other.code and entity(other) not in own:
                            n, first, _ = seen.get(entity(other), (0, order, other))
                            seen[entity(other)] = (n + 1, first, other)
        if seen:
            _, _, other = max(seen.values(), key=lambda v: (v[0], -v[1]))
            self._aim(sentence, c, [other], f"the threat is aimed at {names_of([other])}, its counterpart", doc, False)

    def _judgement(self, doc: Doc, sentence: Sentence, c: Candidate, here: list[Candidate]) -> None:
        token = _named(sentence, sentence.tokens[c.target_tokens[0]])
        roots = self._roots(token)
        if roots is None:
            return
        own = {a.code for a in c.sources if a.code}  # a state may condemn an attack by its own citizens
        sides: set[str] = set()
        earlier = list(earlier_acts(doc, sentence, c, here))
        if _names_agreement(token):
            # "welcomed the accord": its parties, each of those who signed or agreed it; a party that
            # welcomes or approves it does so towards the others ("Israel's cabinet approved the deal")
            roots, kinds = frozenset(), self.control.agreement_acts
            sides = {entity(a) for a in c.sources if a.code}
        else:
            kinds = self.control.material_roots

        def counted(a: Actor) -> bool:
            return bool(a.code) and a.code not in own and entity(a) not in sides

        named = [
            (s, a) for s, a in earlier if s.tokens[a.trigger].lemma == token.lemma or (roots and a.code[:2] in roots)
        ]
        kind = [(s, a) for s, a in earlier if a.code.startswith(kinds)]
        # "the launch" after "launched": the latest act named so; "the attack" after "bombed" and "shelled"
        # (no act called an attack): the story's first act of that kind, the one it leads with
        same = [(s, a) for s, a in named if s.tokens[a.trigger].lemma == token.lemma]
        other = [(s, a) for s, a in named if s.tokens[a.trigger].lemma != token.lemma]
        for s, act in (*same, *reversed(other), *kind):
            doers = [a for a in act.sources if counted(a)]
            if act.code in self.control.reciprocal:  # "Colombia and Ecuador signed it": both are parties
                doers += [a for a in act.targets if counted(a) and a not in doers]
            if doers:
                mention = act_mention(sentence, token, doc)
                why = f"'{mention[0]}' is the act of {names_of(doers)} ('{s.tokens[act.trigger].text}')"
                c.targets = [as_mention(a, mention, why) for a in doers]
                c.reason += f"; {why}"
                return

    def _done_to(self, doc: Doc, sentence: Sentence, c: Candidate) -> bool:
        """Whether every target of ``c`` is named only as the one an act noun was done to: inside the
        phrase of its object ("of two opposition figures", "on the embassy"), the noun an act's."""
        if not c.target_tokens or not any(a.code for a in c.targets):
            return False
        token = _named(sentence, sentence.tokens[c.target_tokens[0]])
        if token.pos != "NOUN" or token.ent or not self._roots(token):
            return False  # an act of any kind ("the move") may be the target's own: "its move"
        spans = [
            doc.actors.span(obj.i)
            for prep in sentence.kids(token, "prep")
            if prep.lower in _PATIENT_PREPOSITIONS
            for obj in sentence.kids(prep, "pobj")
        ]
        inside = [(sentence.tokens[lo].start, sentence.tokens[hi].end) for lo, hi in spans]
        return all(any(lo <= a.start < hi for lo, hi in inside) for a in c.targets if a.code)

    def _agents(self, doc: Doc, sentence: Sentence, c: Candidate) -> bool:
        """Make the act's named doer ("the killing of ... by unidentified gunmen") the target, if there is one."""
        token = _named(sentence, sentence.tokens[c.target_tokens[0]])
        own = {entity(a) for a in c.sources if a.code}
        verb = sentence.tokens[c.trigger]
        # "condemned the invasion of Ukraine by Russia": the parser often hangs the "by" on the verb
        loose = sentence.kids(verb, "prep") if verb.pos == "VERB" and not is_passive(sentence, verb) else []
        for prep in [*sentence.kids(token, "prep", "agent"), *loose]:
            if prep.lower != "by":
                continue
            for obj in sentence.kids(prep, "pobj"):
                doers = [a for a in doc.actors.actors(obj.i) if a.code and entity(a) not in own]
                if doers:
                    mention = act_mention(sentence, token, doc)
                    why = f"'{mention[0]}' is the act of {names_of(doers)}"
                    c.targets = [as_mention(a, mention, why) for a in doers]
                    c.reason += f"; {why}"
                    return True
        return False

    def _roots(self, token: Token) -> frozenset[str] | None:
        """The CAMEO roots the act noun ``token`` names; empty for an act of any kind, None for no act."""
        if token.pos == "PRON":
            return frozenset() if token.lower in _ACT_PRONOUNS else None
        if token.pos != "NOUN":
            return None
        if token.lemma in _AGREEMENT_NOUNS or token.lower in _AGREEMENT_NOUNS:
            return frozenset()
        patterns = self.lexicon.lookup("noun", token.lemma)
        if patterns:
            return frozenset(p.code[:2] for p in patterns)
        return frozenset() if token.lemma in _ACT_NOUNS or token.lower in _ACT_NOUNS else None

    @staticmethod
    def _calls_for(sentence: Sentence, c: Candidate, nouns: frozenset[str]) -> bool:
        """Whether what ``c`` calls for is one of ``nouns`` (heading its object or the object of its
        preposition): calm between sides ("called for an immediate ceasefire and talks", "urged restraint"),
        or an investigation ("called for a transparent investigation")."""
        trigger = sentence.tokens[c.trigger]
        for child in sentence.kids(trigger, "dobj", "prep"):
            heads = [child] if child.dep == "dobj" else sentence.kids(child, "pobj")
            for head in heads:
                for noun in [head, *sentence.kids(head, "conj")]:
                    topic = any(p.lower in _TOPIC_PREPOSITIONS for p in sentence.kids(noun, "prep"))
                    if (noun.lemma in nouns or noun.lower in nouns) and not topic:
                        return True  # "talks on trade" are about trade, not calm between sides
        return False

    def _mediation(
        self, doc: Doc, sentence: Sentence, c: Candidate, here: list[Candidate], kinds: tuple[str, ...], said: str
    ) -> None:
        """A mediation (or a call for calm) with no one named is done to both parties of the latest act of
        ``kinds`` between two others."""
        own = {entity(a) for a in c.sources if a.code}
        for s, act in earlier_acts(doc, sentence, c, here):
            if not act.code.startswith(kinds):
                continue
            parties = [a for a in (*act.sources, *act.targets) if a.code]
            if own & {entity(a) for a in parties} or len({entity(a) for a in parties}) < 2:
                continue  # the mediator's own act, or an act of one side alone
            why = f"{said} {names_of(parties)} ('{s.tokens[act.trigger].text}')"
            seen: set[str] = set()
            c.targets = []
            for a in parties:
                if entity(a) not in seen:
                    seen.add(entity(a))
                    c.targets.append(dataclasses.replace(a, how=f"{a.how}; {why}".lstrip("; ")))
            c.reason += f"; {why}"
            return

    def _inquiry(self, doc: Doc, sentence: Sentence, c: Candidate, here: list[Candidate]) -> None:
        """A call for an investigation with no one named is addressed to whoever did the latest act of
        force or repression in the story (``inquired``), other than the caller ("the security forces shot
        dead 30 protesters ... the EU called for a swift and transparent investigation")."""
        own = {entity(a) for a in c.sources if a.code}
        for s, act in earlier_acts(doc, sentence, c, here):
            if not act.code.startswith(self.control.inquired):
                continue
            doers = [a for a in act.sources if a.code and entity(a) not in own]
            if doers:
                why = f"the investigation is of the act of {names_of(doers)} ('{s.tokens[act.trigger].text}')"
                self._aim(sentence, c, doers, why, doc, at_mention=False)
                return

    def _answer(self, doc: Doc, sentence: Sentence, c: Candidate, here: list[Candidate]) -> None:
        """A response with no one named answers the latest act of conflict done to the responder by another."""
        found = self._answered(doc, sentence, c, here, self.control.provocations)
        if found is not None:
            doers, trigger = found
            why = f"the response answers {names_of(doers)} ('{trigger}')"
            self._aim(sentence, c, doers, why, doc, at_mention=False)

    def _denial(self, doc: Doc, sentence: Sentence, c: Candidate, here: list[Candidate]) -> None:
        """A denial answers whoever accused the denier; with no accusation found, whoever last acted against
        the denier."""
        found = self._answered(doc, sentence, c, here, self.control.act_accusations)
        what = "accuser"
        if found is None:
            found, what = self._speaker(doc, sentence, c), "statement about the denier"
        if found is None:
            found, what = self._answered(doc, sentence, c, here, self.control.provocations), "latest act"
        if found is not None:
            doers, trigger = found
            why = f"the denial answers {names_of(doers)} ('{trigger}', its {what})"
            self._aim(sentence, c, doers, why, doc, at_mention=what == "accuser")

    def _speaker(self, doc: Doc, sentence: Sentence, c: Candidate) -> tuple[list[Actor], str] | None:
        """Who said something naming the denier's state in the sentences just before: "Pakistan's army said
        the attackers had handlers in Afghanistan. Kabul has denied sheltering militants" answers Pakistan."""
        own = {entity(a) for a in c.sources if a.code}
        states = {a.country for a in c.sources if a.country}
        by_index = {s.index: s for s in doc.sentences}
        for k in range(sentence.index - 1, max(-1, sentence.index - 1 - _SAID_WINDOW), -1):
            said = by_index.get(k)
            if said is None or not _names_state(said, states, doc):
                continue
            for act in sorted(doc.candidates.get(k, []), key=lambda o: -o.last):
                if not act.code.startswith(self.control.statements):
                    continue
                speakers = [a for a in act.sources if a.code and entity(a) not in own]
                if speakers:
                    return speakers, said.tokens[act.trigger].text
        return None

    @staticmethod
    def _answered(
        doc: Doc, sentence: Sentence, c: Candidate, here: list[Candidate], kinds: tuple[str, ...]
    ) -> tuple[list[Actor], str] | None:
        """Those who did the latest act of ``kinds`` done to the source of ``c`` by others, and its trigger."""
        own = {entity(a) for a in c.sources if a.code}
        for s, act in earlier_acts(doc, sentence, c, here):
            if not act.code.startswith(kinds) or not own & {entity(a) for a in act.targets if a.code}:
                continue
            doers = [a for a in act.sources if a.code and entity(a) not in own]
            if doers:
                return doers, s.tokens[act.trigger].text
        return None

    @staticmethod
    def _aim(sentence: Sentence, c: Candidate, doers: list[Actor], why: str, doc: Doc, at_mention: bool) -> None:
        """Make ``doers`` the targets of ``c``, at its target phrase when ``at_mention`` and it has one."""
        if at_mention and c.target_tokens:
            mention = act_mention(sentence, sentence.tokens[c.target_tokens[0]], doc)
            c.targets = [as_mention(a, mention, why) for a in doers]
        else:
            c.targets = [dataclasses.replace(a, how=f"{a.how}; {why}".lstrip("; ")) for a in doers]
        c.reason += f"; {why}"


def _names_agreement(token: Token) -> bool:
    """Whether ``token`` names an agreement ("the deal", "the accord")."""
    return token.lower in _AGREEMENT_NOUNS or token.lemma in _AGREEMENT_NOUNS


def _other_target(c: Candidate) -> bool:
    """Whether ``c`` has a target other than its source ("warned that *its* answer would be harsher" has none;
    "vowed to punish the commanders" has its own state's army)."""
    codes = {a.code for a in c.sources if a.code}
    own = {entity(a) for a in c.sources if a.code}
    return any(a.code and (entity(a) not in own or (a.sector and a.code not in codes)) for a in c.targets)


def _named(sentence: Sentence, token: Token) -> Token:
    """ "condemned what he called an abhorrent attack": the act is the noun the free relative names
    (the parser reads "what" as the object of "called", or "called" as the verb's clause)."""
    what = (
        token if token.lower == "what" else next((k for k in sentence.kids(token, "dobj") if k.lower == "what"), None)
    )
    if what is None:
        return token
    clauses = [sentence.tokens[what.head], *sentence.kids(what, "relcl")] if what.head != what.i else []
    for clause in clauses:
        for noun in sentence.kids(clause, "oprd", "attr"):
            if noun.pos == "NOUN":
                return noun
        for prep in sentence.kids(clause, "prep"):  # "what it described as an attempt to seize power"
            named = sentence.child(prep, "pobj")
            if prep.lower == "as" and named is not None and named.pos == "NOUN":
                return named
    return token


def _names_state(sentence: Sentence, states: set[str], doc: Doc) -> bool:
    """Whether ``sentence`` names one of ``states`` (by name, adjective or capital)."""
    for hit in find_hits(sentence, doc.actors.kb):
        if any(e.kind in ("country", "adjective", "capital") and e.ref in states for e in hit.entries):
            return True
    return False


def earlier_acts(
    doc: Doc, sentence: Sentence, c: Candidate, here: list[Candidate]
) -> Iterator[tuple[Sentence, Candidate]]:
    """Acts reported before ``c``, latest first: earlier in its sentence, then in earlier sentences."""
    for other in sorted((o for o in here if o is not c and o.last < c.first), key=lambda o: -o.last):
        if other.refusal is None:
            yield sentence, other
    by_index = {s.index: s for s in doc.sentences}
    for k in range(sentence.index - 1, max(-1, sentence.index - 1 - _WINDOW), -1):
        found = doc.candidates.get(k)
        s = by_index.get(k)
        if not found or s is None:
            continue
        for other in sorted(found, key=lambda o: -o.last):
            if other.refusal is None:
                yield s, other


def act_mention(sentence: Sentence, token: Token, doc: Doc) -> tuple[str, int, int]:
    """Text and offsets of the act phrase headed by ``token``."""
    return sentence.span_text(*doc.actors.span(token.i))


def as_mention(actor: Actor, mention: tuple[str, int, int], why: str) -> Actor:
    """``actor`` as the target the act phrase ``mention`` stands for."""
    text, start, end = mention
    return dataclasses.replace(actor, text=text, start=start, end=end, how=why)


def names_of(actors: list[Actor]) -> str:
    return " and ".join(a.name or a.text for a in actors)
