"""Pass ``controls``: words of intent, appeal, demand, threat and rejection fold the event they govern.

"Japan wants to join NATO" is an intent to join (031), "urged Iran to release"
an appeal; a control verb whose complement is no event ("wants closer ties")
is an event of its own kind.
"""

from __future__ import annotations

from ...doc import Doc
from ...lang import ENGLISH
from ...parse import Sentence, Token
from ..candidates import Candidate
from ..control import Category, Control
from ..grammar import NOT_ACTORS, default_source, default_target, depth, light_governor, subject, verb_keys
from ..lexicon import Lexicon

_THREAT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
_CLAUSE_DEMANDS = ENGLISH.words("clause_demand_verbs")
_DEONTIC = ENGLISH.words("deontic_modals")
_COPULAS = ENGLISH.words("copulas")
# "an offer from Kabul", "a request by Greece": who made what a control noun names
_MAKERS = ENGLISH.words("maker_prepositions")
_BARE = ("intent", "appeal", "demand", "threaten", "warn")
# verbs that only carry an event noun to a control word: "urged Kyiv to consider a ceasefire"
_CARRIERS = ENGLISH.words("carrier_verbs")
# verbs of going on or starting that pass the act they govern to the control word above them
_ASPECT = ENGLISH.words("aspect_verbs")
_OWN_PRONOUNS = frozenset({"it", "they", "we", "i"})  # the subject of a warner's clause about its own act
# verbs that, negated, reject what they take: "will never accept the annexation", "does not recognise the vote"
_NEGATED_REJECTIONS = ENGLISH.words("negated_rejection_verbs")
NEGATED_REJECTION = "rejection:not"  # the modifier of such a rejection: its negation is spent


class Controls:
    name = "controls"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.control = control

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        found = {c.trigger: c for c in candidates}
        consumed: set[int] = set()
        for _ in range(2):
            for i in sorted(found, key=lambda k: -depth(sentence, k)):
                c = found.get(i)
                if c is None:
                    continue
                token = sentence.tokens[c.trigger]
                governing = self._controller(sentence, token)
                if governing is None and (neutral := self._neutral_verb(sentence, token, found)) is not None:
                    governing = self._controller(sentence, neutral)  # "urged Kyiv to consider a ceasefire"
                if governing is None:
                    continue
                controller, category = governing
                consumed.add(controller.i)
                self._fold(sentence, found, c, controller, category)
        self._bare_controls(sentence, found, consumed)
        return list(found.values())

    def _controller(self, sentence: Sentence, token: Token) -> tuple[Token, Category] | None:
        """The control word governing ``token``, if any ("wants to join", "desire to deepen")."""
        if token.pos in ("NOUN", "PROPN"):
            governor = light_governor(sentence, token, self.control)
            if governor is not None and governor.lemma != "be":
                token = governor
        head = sentence.tokens[token.head]
        if token.head == token.i:
            return None
        holders: list[Token] = []
        # "demanded that Greece extradite ...": a clause with a subject of its own, even when the
        # tagger mistakes its verb for an adjective
        clausal = token.dep in ("xcomp", "ccomp", "acl") and (
            token.pos in ("VERB", "AUX") or (token.dep == "ccomp" and sentence.child(token, "nsubj") is not None)
        )
        # "called on Washington to extradite him": the parser makes the infinitive an adverbial clause
        clausal = clausal or (token.dep == "advcl" and token.pos == "VERB" and _infinitive(sentence, token))
        if clausal:
            holders.append(head)
            if head.lemma in _ASPECT and head.dep == "xcomp" and head.head != head.i:
                holders.append(sentence.tokens[head.head])  # "vowed to keep fighting Israel": the vow holds it
        if token.dep == "pcomp" or (token.dep == "pobj" and head.lower in ("in", "for", "on", "of", "to")):
            if head.head > head.i or head.head == head.i:  # "In a phone call, Putin told ...": a fronted adjunct
                return None
            holder = sentence.tokens[head.head]
            if head.lower == "in" and holder.pos in ("VERB", "AUX"):  # "told Netanyahu in a phone call": an adjunct
                return None
            holders.append(holder)
        if token.dep in ("dobj", "nsubjpass"):
            holders.append(head)
        for holder in holders:
            if clausal and _demand_said(sentence, holder, token, self.control):
                return holder, self.control.categories["demand"]  # "said Israel must withdraw its troops"
            category = self._category_of(sentence, holder)
            if category is None:
                continue
            infinitive = any(
                sentence.tokens[k].dep == "aux" and sentence.tokens[k].lower == "to" for k in token.children
            )
            finite_clause = clausal and token.dep == "ccomp" and not infinitive
            if finite_clause and (category.name != "demand" or holder.lemma not in _CLAUSE_DEMANDS):
                continue
            return holder, category
        return None

    def _neutral_verb(self, sentence: Sentence, token: Token, found: dict[int, Candidate]) -> Token | None:
        """The verb that only carries an event noun to a control word: "urged Kyiv to *consider* a ceasefire",
        "called on both sides to *accept* the truce" (an infinitive with no event of its own)."""
        if token.pos not in ("NOUN", "PROPN") or token.dep != "dobj" or token.head == token.i:
            return None
        verb = sentence.tokens[token.head]
        if verb.lemma not in _CARRIERS or verb.i in found or not _infinitive(sentence, verb):
            return None
        return verb if verb.dep in ("xcomp", "advcl") else None

    def _category_of(self, sentence: Sentence, token: Token) -> Category | None:
        control = self.control
        name: str | None = None
        if token.pos in ("VERB", "AUX"):
            name = self._verb_category(sentence, token)
        elif token.pos in ("NOUN",):
            name = control.noun_category.get(token.lemma)
        elif token.pos == "ADJ" and f"be {token.lemma}" in control.verb_category:
            name = control.verb_category[f"be {token.lemma}"]
        if name is None:
            return None
        return control.categories[name]

    def _verb_category(self, sentence: Sentence, token: Token) -> str | None:
        control = self.control
        if token.lemma in _NEGATED_REJECTIONS and sentence.child(token, "neg") is not None:
            return "reject"  # "would never accept the forced displacement": a rejection of it
        lemma = next((k for k in verb_keys(token) if k in control.verb_category), token.lemma)
        particle = _particle(sentence, token)
        if particle and f"{lemma} {particle}" in control.verb_category:
            return control.verb_category[f"{lemma} {particle}"]
        if lemma in control.verb_category:
            return control.verb_category[lemma]
        if lemma == "be":
            acomp = sentence.child(token, "acomp")
            if acomp is not None and f"be {acomp.lemma}" in control.verb_category:
                return control.verb_category[f"be {acomp.lemma}"]
            # "the two sides are to meet on Thursday": a plan
            if acomp is None and any(_infinitive(sentence, x) for x in sentence.kids(token, "xcomp")):
                return control.verb_category.get("be to")
        return None

    def _fold(
        self, sentence: Sentence, found: dict[int, Candidate], c: Candidate, controller: Token, category: Category
    ) -> None:
        category = self._refine(sentence, c, controller, category)
        code = category.combine(c.code)
        act = sentence.tokens[c.trigger]
        opposed = code is None and category.name == "reject" and act.pos == "NOUN" and act.head == controller.i
        if opposed:
            # "rejected the occupation of Gaza", "opposed the invasion": another's act named by a noun is
            # opposed, not refused by its doer (that is "refused to attack": nothing happened); it is aimed
            # at the act (its doer, see the act-reference pass)
            code = category.default
        if controller.i in found and controller.i != c.trigger:
            del found[controller.i]
        del found[c.trigger]
        if code is None:
            return
        sources = self._control_source(sentence, controller)
        targets = c.target_tokens
        if opposed:
            targets = [*c.source_tokens, c.trigger]
        elif category.name == "reject" and sentence.tokens[c.trigger].pos == "NOUN":
            # "rejected Greece's request", "declined an offer by the U.S.": the refusal is done to
            # whoever made the request or offer, then to its own target
            targets = [*c.source_tokens, *targets]
        if category.addressee == "object":
            addressee = self._addressee(sentence, controller)
            # "warned that it would strike South Korea": the warner's own act is aimed at its target
            own = c.source_tokens and all(sentence.tokens[t].lower in _OWN_PRONOUNS for t in c.source_tokens)
            targets = addressee or (c.target_tokens if own and c.target_tokens else c.source_tokens)
        found[controller.i] = Candidate(
            trigger=controller.i,
            first=min(controller.i, c.first),
            last=max(controller.i, c.trigger),
            code=code,
            source_tokens=sources or c.source_tokens,
            target_tokens=[t for t in targets if t not in sources],
            rule=c.rule,
            reason=f"'{controller.text}' ({category.name}) over {c.reason}",
            specificity=c.specificity + 1,
            modifiers=[*c.modifiers, f"{category.name}:{controller.text}", *_spent(sentence, controller)],
            current=c.current,
            place_target=c.place_target,
            passes=list(c.passes),
        )

    def _refine(self, sentence: Sentence, c: Candidate, controller: Token, category: Category) -> Category:
        """ "Obama wants Putin to attack" is an appeal; "wants to attack" is a threat, not an intent."""
        categories = self.control.categories
        own_subject = sentence.child(sentence.tokens[c.trigger], "nsubj") is not None
        if (
            category.name == "intent"
            and controller.pos == "VERB"
            and (sentence.child(controller, "dobj") is not None or own_subject)
        ):
            return categories["appeal"]
        if category.name == "intent" and c.code[:2] in _THREAT_ROOTS:
            return categories["threaten"]
        return category

    def _control_source(self, sentence: Sentence, controller: Token) -> list[int]:
        if controller.pos == "NOUN":
            found = default_source(sentence, controller, "noun", self.control)
            if found:
                return found
            for prep in sentence.kids(controller, "prep"):
                maker = sentence.child(prep, "pobj") if prep.lower in _MAKERS else None
                if maker is not None and maker.ent not in NOT_ACTORS:
                    return [maker.i]
            head = sentence.tokens[controller.head]
            return subject(sentence, head) if head.pos in ("VERB", "AUX") else []
        return subject(sentence, controller)

    def _addressee(self, sentence: Sentence, controller: Token) -> list[int]:
        obj = sentence.child(controller, "dobj", "dative")
        if obj is not None:
            return [obj.i]
        for prep in sentence.kids(controller, "prep"):
            if prep.lower in ("on", "upon", "to", "of", "from"):
                pobj = sentence.child(prep, "pobj")
                if pobj is not None and pobj.ent not in NOT_ACTORS:  # not "warned on Tuesday"
                    return [pobj.i]
        ccomp = sentence.child(controller, "ccomp")
        if ccomp is not None:
            return subject(sentence, ccomp)
        return []

    def _bare_controls(self, sentence: Sentence, found: dict[int, Candidate], consumed: set[int]) -> None:
        """A control verb whose complement is not an event: "Japan wants closer ties with NATO"."""
        for token in sentence.tokens:
            if token.pos == "NOUN" and token.i not in found and token.i not in consumed:
                self._bare_noun(sentence, token, found)
                continue
            if token.i in consumed or token.pos not in ("VERB",):
                continue
            clauses = sentence.kids(token, "ccomp")
            demand = next((k for k in clauses if _demand_said(sentence, token, k, self.control)), None)
            said = found.get(token.i)
            if (
                demand is not None
                and (said is None or said.code.startswith("01"))
                and not _covered(sentence, demand, found)
            ):
                made = self._bare_control(sentence, token, self.control.categories["demand"], demand)
                if made is not None:  # "said NATO should stop extending its reach": a demand on NATO
                    modal = next(a.text for a in sentence.kids(demand, "aux") if a.lower in _DEONTIC)
                    made.reason = f"'{token.text}' that another '{modal} {demand.text}': a demand → {made.code}"
                    found[token.i] = made
                continue
            if token.lemma in self.control.speech:
                continue
            category = self._category_of(sentence, token)
            if category is None or category.name not in _BARE:
                continue
            complement = sentence.child(token, "xcomp", "ccomp")
            if complement is None and category.name != "appeal":
                continue
            if complement is not None and _covered(sentence, complement, found):
                continue
            if token.i in found:
                _statement_of_intent(sentence, found[token.i], category, complement)
                continue
            made = self._bare_control(sentence, token, category, complement)
            if made is not None:
                found[token.i] = made

    def _bare_noun(self, sentence: Sentence, noun: Token, found: dict[int, Candidate]) -> None:
        """ "Japan expressed interest in joining the command", "voiced its desire to join": a control noun
        under a light verb, over an act that is no event of the lexicon, is the light verb's subject's
        intent (appeal, demand ...) toward whom that act concerns."""
        category = self._category_of(sentence, noun)
        governor = light_governor(sentence, noun, self.control)
        if category is None or category.name not in _BARE or governor is None or governor.i in found:
            return
        complement = next(
            (
                k
                for child in sentence.kids(noun, "acl", "prep")
                for k in ([child] if child.dep == "acl" else sentence.kids(child, "pcomp"))
                if k.pos == "VERB" and (k.dep == "pcomp" or any(a.lower == "to" for a in sentence.kids(k, "aux")))
            ),  # "interest in joining", "desire to join"; never "hope that the government will", a clause
            None,
        )
        if complement is None or _covered(sentence, complement, found):
            return
        made = self._bare_control(sentence, governor, category, complement)
        if made is not None:
            made.reason = f"'{noun.text}' ({category.name}) over '{complement.text}', no event of its own → {made.code}"
            found[governor.i] = made

    def _bare_control(
        self, sentence: Sentence, token: Token, category: Category, complement: Token | None
    ) -> Candidate | None:
        sources = subject(sentence, token)
        if category.addressee == "object":
            targets = self._addressee(sentence, token)
        else:
            targets = default_target(sentence, complement, "verb", set(sources), self.control) if complement else []
        if not sources:
            return None
        code = category.default
        if category.name == "warn" and _warns_of_consequences(sentence, token, complement):
            # "warned the Philippines that it would pay a price": a threat, not a forecast
            code = self.control.categories["threaten"].default
        return Candidate(
            trigger=token.i,
            first=token.i,
            last=complement.i if complement is not None and complement.i > token.i else token.i,
            code=code,
            source_tokens=sources,
            target_tokens=targets,
            rule=f"control.yaml: {category.name}",
            reason=f"'{token.text}' is a word of {category.name} with no coded complement → {category.default}",
            specificity=1,
        )


def _particle(sentence: Sentence, verb: Token) -> str | None:
    """The particle of a phrasal verb of control ("called on", "ruled out"): a particle, or a preposition
    before any object that does not say when ("called Ardern on Friday" is no "call on", nor "called the
    strike on the hospital a war crime": the object comes first)."""
    objects = [c for c in verb.children if sentence.tokens[c].dep == "dobj"]
    for c in verb.children:
        child = sentence.tokens[c]
        if child.dep == "prt":
            return child.lower
        if child.dep == "prep" and not sentence.says_when(child) and not any(o < c for o in objects):
            return child.lower
    return None


def _spent(sentence: Sentence, controller: Token) -> list[str]:
    """The negation a rejection is made of ("never accept"), so that the negation pass leaves it be."""
    negated = controller.lemma in _NEGATED_REJECTIONS and sentence.child(controller, "neg") is not None
    return [NEGATED_REJECTION] if negated else []


def _warns_of_consequences(sentence: Sentence, token: Token, complement: Token | None) -> bool:
    """A warning addressed to someone, or of what will happen, threatens; one of how things are
    ("warned that Gaza was on the brink of famine") is a pessimistic comment."""
    if sentence.child(token, "dobj", "dative") is not None:
        return True
    return complement is not None and any(a.lower in ("will", "would", "'ll") for a in sentence.kids(complement, "aux"))


def _covered(sentence: Sentence, token: Token, found: dict[int, Candidate]) -> bool:
    lo, hi = sentence.subtree(token)
    return any(lo <= c.trigger <= hi or lo <= c.first <= hi for c in found.values())


def _infinitive(sentence: Sentence, verb: Token) -> bool:
    return any(k.lower == "to" for k in sentence.kids(verb, "aux"))


def _demand_said(sentence: Sentence, verb: Token, clause: Token, control: Control) -> bool:
    """Whether ``verb`` says that another must or should do what ``clause`` tells: a demand on the clause's
    subject, named by a noun (with a pronoun, "it must defend itself", the sayer may speak of itself)."""
    if verb.pos != "VERB" or verb.lemma not in control.speech or clause.dep != "ccomp":
        return False
    if not any(a.lower in _DEONTIC for a in sentence.kids(clause, "aux")):
        return False
    if clause.lemma in _COPULAS or clause.lemma in control.fates:
        return False  # "should be partners": an opinion; "should expect retaliation": a threat
    doer = sentence.child(clause, "nsubj")
    return doer is not None and doer.pos in ("NOUN", "PROPN") and sentence.child(clause, "neg") is None


def _statement_of_intent(
    sentence: Sentence, candidate: Candidate, category: Category, complement: Token | None
) -> None:
    """ "Iran and Saudi Arabia agreed to revive a pact": a word of intent the lexicon codes as a
    statement (agreeing is 019) is an intent when it governs an infinitive that is no event; its
    actors stay those of the word ("agreed to set up a centre in Yemen" is aimed at no one)."""
    if category.name != "intent" or candidate.code[:2] != "01" or complement is None:
        return
    if complement.dep != "xcomp" or not _infinitive(sentence, complement):
        return
    verb = sentence.tokens[candidate.trigger]
    candidate.reason = f"'{verb.text}' is a word of intent over '{complement.text}', no event of its own"
    candidate.reason += f" → {category.default}"
    candidate.rule = f"control.yaml: {category.name}"
    candidate.code = category.default
    candidate.last = max(candidate.last, complement.i)
