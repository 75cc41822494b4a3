"""Events stage: find event triggers in a parsed sentence and code who did what to whom.

For each sentence: every verb, event noun and predicate adjective is matched
against the lexicon; light verbs lend their subject to the event noun they govern;
control words (intent, appeal, demand, threat, rejection) and negation fold the
event under them into one of their own; speech verbs give way to what was said.
Source and target come from the parse and are coded by the actor resolver; a
conjunction of actors gives one event per actor.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..actors.resolve import ActorResolver
from ..actors.state import entity
from ..models import Actor
from ..parse import Sentence, Token
from .control import Category, Control
from .lexicon import Lexicon
from .match import Match, Matcher, is_passive

_VIOLENT_ROOTS = frozenset({"18", "19", "20"})
_COPULAS = frozenset({"be", "remain", "stay", "seem", "appear", "become", "sound", "look", "feel", "prove"})
# Appeals, demands and threats: with no object, the subject of the clause they govern is addressed
ADDRESSED_ROOTS = frozenset({"02", "10", "13"})
_NOT_ACTORS = frozenset({"DATE", "TIME", "MONEY", "PERCENT"})
_COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
_THREAT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
_CLAUSE_DEMANDS = frozenset({"demand", "insist", "require", "order", "command", "urge", "ask"})
_ADDRESS_VERBS = frozenset({"tell", "inform", "brief", "assure", "remind", "warn", "notify", "promise"})
_VERBAL_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "acl"})
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis"})
_DEFAULT_TARGET_PREPS = ("with", "against", "on", "to", "toward", "towards", "into", "upon", "for", "about", "over")
_LOCATIVE_PREPS = frozenset({"in", "at", "to", "into", "for", "toward", "towards", "from"})
_PLACE_CODES = frozenset({"042", "043", "044", "192", "191", "1382", "1381"})
_HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should"})
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
_OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "call",
        "encourage",
        "invite",
        "persuade",
        "press",
        "force",
        "allow",
        "help",
        "order",
        "tell",
        "compel",
        "pressure",
        "require",
        "instruct",
        "implore",
        "beg",
        "push",
        "lobby",
        "warn",
        "expect",
    }
)


@dataclass
class Candidate:
    """An event found in a sentence, before its actors are expanded into events."""

    trigger: int
    first: int
    last: int
    code: str
    source_tokens: list[int]
    target_tokens: list[int]
    rule: str
    reason: str
    specificity: int
    modifiers: list[str] = field(default_factory=list)
    current: bool = True
    place_target: bool = False
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    depth: int = 0
    speech: bool = False
    producer: str = "rule"
    # set by the learned layer's arbitration (thucydides/neural/arbitrate.py)
    parts: dict[str, str] = field(default_factory=dict)  # code/source/target -> rules, model or both
    probability: float | None = None
    factuality: str | None = None
    factuality_p: float | None = None


class EventFinder:
    """Finds candidate events in one sentence. Stateless apart from its dictionaries."""

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        self.lexicon = lexicon
        self.control = control
        self.matcher = Matcher(lexicon)

    # -- entry point -------------------------------------------------------------------
    def find(self, sentence: Sentence, resolver: ActorResolver) -> list[Candidate]:
        matches = self._matches(sentence)
        light_absorbed = self._light_verbs(sentence, matches)
        candidates: dict[int, Candidate] = {}
        for i, found in matches.items():
            if i in light_absorbed:
                continue
            candidates[i] = self._candidate(sentence, found)
        self._fold_controls(sentence, candidates)
        self._fold_negation(sentence, candidates)
        self._speech(sentence, candidates)
        self._weapon_subjects(sentence, candidates)
        self._argument_nouns(sentence, candidates)
        self._reported_future(sentence, candidates)
        result = [c for c in candidates.values() if not self._hypothetical(sentence, c)]
        if result:
            resolver.actor_mentions()  # so that "he" and "it" can refer to anyone named earlier in the sentence
        for c in result:
            self._actors(sentence, c, resolver)
            c.depth = self._depth(sentence, c.trigger)
            c.current = c.current and not self._background(
                sentence, self.clause_head(sentence, sentence.tokens[c.trigger])
            )
        result.sort(key=lambda c: (c.depth, c.first))
        return result

    def matches(self, sentence: Sentence) -> dict[int, Match]:
        """The lexicon's trigger matches in a sentence, by token index, before any folding."""
        return self._matches(sentence)

    def depth(self, sentence: Sentence, i: int) -> int:
        return self._depth(sentence, i)

    def attach_actors(self, sentence: Sentence, c: Candidate, resolver: ActorResolver) -> None:
        """Resolve the candidate's source and target tokens to actors."""
        self._actors(sentence, c, resolver)

    # -- triggers ----------------------------------------------------------------------
    def _matches(self, sentence: Sentence) -> dict[int, Match]:
        found: dict[int, Match] = {}
        for token in sentence.tokens:
            pos = _position(sentence, token)
            if pos is None or (pos == "noun" and token.dep == "compound"):
                continue
            best = self.matcher.best(sentence, token, pos)
            if best is None and pos == "adjective" and token.dep in _VERBAL_DEPS:
                best = self.matcher.best(sentence, token, "verb")
            if best is not None:
                found[token.i] = best
        # A noun that a pattern needed as its object ("called for talks") is part of that event.
        consumed = {k for m in found.values() for k in m.consumed}
        return {i: m for i, m in found.items() if i not in consumed}

    def _light_verbs(self, sentence: Sentence, matches: dict[int, Match]) -> set[int]:
        """Light verbs whose object is an event noun give way to it."""
        absorbed: set[int] = set()
        for i, found in matches.items():
            if found.pattern.pos != "noun":
                continue
            token = sentence.tokens[i]
            governor = self._light_governor(sentence, token)
            if governor is not None and governor.i in matches:
                absorbed.add(governor.i)
        return absorbed

    def _light_governor(self, sentence: Sentence, token: Token) -> Token | None:
        if token.dep in ("dobj", "attr", "nsubjpass", "oprd") or (token.dep == "pobj" and token.head != token.i):
            head = sentence.tokens[token.head]
            if token.dep == "pobj":
                if head.lower not in ("in", "into", "on") or head.dep not in ("prep", "prt"):
                    return None
                head = sentence.tokens[head.head]
            if head.pos in ("VERB", "AUX") and (
                head.lemma == "be" or any(k in self.control.light for k in verb_keys(head))
            ):
                return head
        return None

    def _candidate(self, sentence: Sentence, found: Match) -> Candidate:
        pattern = found.pattern
        token = sentence.tokens[found.trigger]
        sources = [found.source] if found.source is not None else self._default_source(sentence, token, pattern.pos)
        if found.target is not None:
            targets = [found.target]
        elif found.source is not None:
            subject = self._default_source(sentence, token, pattern.pos)
            targets = subject
        else:
            targets = self.default_target(
                sentence,
                token,
                pattern.pos,
                set(sources),
                set(found.consumed),
                appeal=pattern.code[:2] in ADDRESSED_ROOTS,
            )
        speech = token.lemma in self.control.speech and pattern.code[:2] == "01"
        if speech and found.target is None and not self._addressed(sentence, token):
            targets = []  # what was said is not whom it was said to
        place = found.target_prep in _LOCATIVE_PREPS or pattern.code in _PLACE_CODES
        return Candidate(
            trigger=token.i,
            first=found.first,
            last=token.i,
            code=pattern.code,
            source_tokens=sources,
            target_tokens=targets,
            rule=f"{pattern.origin}: {pattern.pos} '{pattern.text}'",
            reason=f"'{token.text}' matches the {pattern.pos} pattern '{pattern.text}' → {pattern.code}",
            specificity=pattern.specificity,
            place_target=place,
            speech=speech,
        )

    # -- sources and targets ------------------------------------------------------------
    def subject(self, sentence: Sentence, token: Token, depth: int = 0) -> list[int]:
        """Who does what ``token`` says: its subject, or the subject it shares with its governor."""
        if depth > 6:
            return []
        for c in token.children:
            child = sentence.tokens[c]
            if child.dep in ("nsubj", "csubj", "expl") and child.dep != "expl":
                if child.lower in _RELATIVE and token.dep == "relcl":
                    return [token.head]
                return [c]
        if is_passive(sentence, token):
            agent = sentence.child(token, "agent")
            if agent is not None:
                obj = sentence.child(agent, "pobj")
                return [obj.i] if obj is not None else []
            return []
        head = sentence.tokens[token.head]
        if token.head == token.i:
            return []
        if token.dep == "conj":
            return self.subject(sentence, head, depth + 1)
        if token.dep in ("xcomp", "advcl", "ccomp"):
            raised = sentence.child(head, "nsubjpass")
            if token.dep == "xcomp" and raised is not None and sentence.child(head, "agent") is None:
                return [raised.i]  # "Obama is scheduled to attend": Obama attends
            if token.dep == "xcomp" and head.lemma in _OBJECT_CONTROL:
                obj = sentence.child(head, "dobj")
                if obj is None:
                    on = next((p for p in sentence.kids(head, "prep") if p.lower in ("on", "upon")), None)
                    obj = sentence.child(on, "pobj") if on is not None else None
                if obj is not None:
                    return [obj.i]
            if token.dep == "advcl" and sentence.child(token, "mark") is not None:
                return []
            return self.subject(sentence, head, depth + 1)
        if token.dep == "relcl":
            return [token.head]
        if token.dep == "acl" and token.tag != "VBN":
            return [token.head]
        if token.dep == "pcomp":
            prep = head
            return self.subject(sentence, sentence.tokens[prep.head], depth + 1)
        if token.dep in ("acomp", "attr", "oprd") and head.lemma in _COPULAS:  # "it remained committed to"
            return self.subject(sentence, head, depth + 1)
        return []

    def _default_source(self, sentence: Sentence, token: Token, pos: str) -> list[int]:
        if pos != "noun":
            return self.subject(sentence, token)
        for child in sentence.kids(token, "poss"):
            return [child.i]
        for child in sentence.kids(token, "compound", "amod", "nmod"):
            if (
                child.i < token.i
                and child.pos in ("PROPN", "ADJ", "NOUN")
                and child.ent in ("GPE", "NORP", "ORG", "PERSON")
            ):
                return [child.i]
        for prep in sentence.kids(token, "prep"):
            if prep.lower == "by":
                obj = sentence.child(prep, "pobj")
                if obj is not None:
                    return [obj.i]
        governor = self._light_governor(sentence, token)
        if governor is not None:
            return self.subject(sentence, governor)
        if token.dep in ("nsubj", "nsubjpass") and sentence.tokens[token.head].lemma in (
            "take",
            "begin",
            "start",
            "continue",
            "resume",
        ):
            return []
        return []

    def default_target(
        self,
        sentence: Sentence,
        token: Token,
        pos: str,
        sources: set[int],
        consumed: set[int] | None = None,
        appeal: bool = False,
    ) -> list[int]:
        """Whom an event is done to when its pattern does not say, best guess first: the object; the
        owner of what the pattern matched ("rejected Greece's request"); a usual preposition's object;
        for demands and appeals, the subject of the clause ("demanded that Hungary stop", "voiced
        hope that the new government will"). The first of these that is an actor is the target."""
        consumed = consumed or set()
        found: list[int] = []
        objs: list[int] = []
        if pos == "verb":
            objs = [c for c in token.children if sentence.tokens[c].dep in ("dobj", "dative") and c not in consumed]
            if is_passive(sentence, token):
                objs = [c for c in token.children if sentence.tokens[c].dep == "nsubjpass"] + objs
            found.extend(objs[:1])
        if not objs and (appeal or (pos == "verb" and self._addressed_by_clause(token))):
            found.extend(self._clause_subject(sentence, token))
        elif appeal:  # "voiced hope that the new government will ...": the clause of the object noun
            found.extend(self._clause_subject(sentence, sentence.tokens[objs[0]]))
        for k in sorted(consumed):  # "pessimism about X": the object of a preposition the pattern named
            obj = sentence.child(sentence.tokens[k], "pobj") if sentence.tokens[k].pos == "ADP" else None
            found.append(obj.i if obj is not None else k)
        holders = [token, *(sentence.tokens[k] for k in sorted(consumed))]
        governor = self._light_governor(sentence, token) if pos == "noun" else None
        if governor is not None:
            holders.append(governor)
        for holder in holders:
            for prep_word in _DEFAULT_TARGET_PREPS:
                for prep in sentence.kids(holder, "prep"):
                    obj = sentence.child(prep, "pobj") if prep.lower == prep_word else None
                    if obj is not None and obj.i not in sources:
                        found.append(obj.i)
        for prep in sentence.kids(token, "prep"):
            obj = sentence.child(prep, "pobj") if prep.lower in ("between", "among") else None
            if obj is not None:
                found.append(obj.i)
        return [k for k in dict.fromkeys(found) if k not in sources]

    def _actors(self, sentence: Sentence, c: Candidate, resolver: ActorResolver) -> None:
        c.sources = [a for i in c.source_tokens for a in resolver.actors(i)]
        if not c.sources and c.code[:2] in _VIOLENT_ROOTS:
            c.sources = [a for i in self._means_source(sentence, c) for a in resolver.actors(i)]
        c.targets = []
        avoid = frozenset(entity(a) for a in c.sources)
        for i in c.target_tokens:  # the first candidate that is an actor
            if sentence.tokens[i].ent in _NOT_ACTORS:
                i = _before_date(sentence, sentence.tokens[i])
                if i < 0:
                    continue
            c.targets = resolver.actors(i, place=c.place_target, avoid=avoid)
            if c.targets and c.code.startswith(self.control.instruments) and avoid:
                # "Russia massed its troops near the border with Ukraine": own forces are the means
                c.targets = [a for a in c.targets if entity(a) not in avoid]
            if c.targets:
                break
        if not c.targets and c.target_tokens:
            first = c.target_tokens[0]
            # the event is done to the actor its object is about: "sanctions on Georgia"
            inner = resolver.embedded(first, avoid)
            if not inner and c.code.startswith(self.control.instruments):  # "massed troops near the border with X"
                inner = resolver.embedded(c.trigger, avoid)
            if inner:
                phrase = sentence.span_text(*resolver.span(first))[0]
                why = f"the actor inside '{phrase}'"
                c.targets = [dataclasses.replace(a, how=f"{a.how}; {why}".lstrip("; ")) for a in inner]
            elif self._argument(sentence, c, first):
                uncoded = resolver.uncoded(first)
                c.targets = [uncoded] if uncoded is not None else []
        if not c.sources and c.targets and len(c.targets) > 1 and self._between(sentence, c):
            c.sources = c.targets[:]

    def _means_source(self, sentence: Sentence, c: Candidate) -> list[int]:
        """ "Four children were killed in Israeli tank shelling": who did it is who owns the means."""
        found: list[int] = []
        for prep in sentence.kids(sentence.tokens[c.trigger], "prep", "agent"):
            if prep.lower in ("in", "by", "during"):
                for obj in sentence.kids(prep, "pobj"):
                    if obj.pos == "NOUN":
                        found.extend(self._default_source(sentence, obj, "noun"))
        return found

    def _argument(self, sentence: Sentence, c: Candidate, i: int) -> bool:
        """Whether token ``i`` is the event's grammatical object: kept as an uncoded target if no actor."""
        token = sentence.tokens[i]
        if token.pos not in ("NOUN", "PROPN", "NUM") or c.producer != "rule" or token.ent in _NOT_ACTORS:
            return False
        if token.dep in ("dobj", "nsubjpass", "dative"):
            return token.head == c.trigger
        return token.dep == "pobj" and sentence.tokens[token.head].head == c.trigger

    def _clause_subject(self, sentence: Sentence, token: Token) -> list[int]:
        """The subject of the clause a demand or an appeal governs, directly or through its light verb."""
        holders = [token]
        governor = self._light_governor(sentence, token) if token.pos == "NOUN" else None
        if governor is not None:
            holders.append(governor)
        for holder in holders:
            for clause in sentence.kids(holder, "ccomp", "acl"):
                subject = sentence.child(clause, "nsubj", "nsubjpass")
                if subject is not None:
                    return [subject.i]
        return []

    def _addressed_by_clause(self, token: Token) -> bool:
        """Whether a verb's addressee may be the subject of its clause (demands, appeals, threats)."""
        name = self.control.verb_category.get(token.lemma)
        return name is not None and self.control.categories[name].addressee == "object"

    def _between(self, sentence: Sentence, c: Candidate) -> bool:
        return any(p.lower in ("between", "among") for p in sentence.kids(sentence.tokens[c.trigger], "prep"))

    # -- control words, negation, speech -------------------------------------------------
    def _fold_controls(self, sentence: Sentence, candidates: dict[int, Candidate]) -> None:
        consumed: set[int] = set()
        for _ in range(2):
            for i in sorted(candidates, key=lambda k: -self._depth(sentence, k)):
                c = candidates.get(i)
                if c is None:
                    continue
                found = self._controller(sentence, sentence.tokens[c.trigger])
                if found is None:
                    continue
                controller, category = found
                consumed.add(controller.i)
                self._fold(sentence, candidates, c, controller, category)
        self._bare_controls(sentence, candidates, consumed)

    def _controller(self, sentence: Sentence, token: Token) -> tuple[Token, Category] | None:
        """The control word governing ``token``, if any ("wants to join", "desire to deepen")."""
        if token.pos in ("NOUN", "PROPN"):
            governor = self._light_governor(sentence, token)
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
        if clausal:
            holders.append(head)
        if token.dep == "pcomp" or (token.dep == "pobj" and head.lower in ("in", "for", "on", "of", "to")):
            holders.append(sentence.tokens[head.head])
        if token.dep in ("dobj", "nsubjpass"):
            holders.append(head)
        for holder in holders:
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

    def _category_of(self, sentence: Sentence, token: Token) -> Category | None:
        control = self.control
        name: str | None = None
        if token.pos in ("VERB", "AUX"):
            lemma = next((k for k in verb_keys(token) if k in control.verb_category), token.lemma)
            particle = next(
                (sentence.tokens[c].lower for c in token.children if sentence.tokens[c].dep in ("prt", "prep")), None
            )
            if particle and f"{lemma} {particle}" in control.verb_category:
                name = control.verb_category[f"{lemma} {particle}"]
            elif lemma in control.verb_category:
                name = control.verb_category[lemma]
            elif lemma == "be":
                acomp = sentence.child(token, "acomp")
                if acomp is not None and f"be {acomp.lemma}" in control.verb_category:
                    name = control.verb_category[f"be {acomp.lemma}"]
        elif token.pos in ("NOUN",):
            name = control.noun_category.get(token.lemma)
        elif token.pos == "ADJ" and f"be {token.lemma}" in control.verb_category:
            name = control.verb_category[f"be {token.lemma}"]
        if name is None:
            return None
        return control.categories[name]

    def _fold(
        self, sentence: Sentence, candidates: dict[int, Candidate], c: Candidate, controller: Token, category: Category
    ) -> None:
        category = self._refine(sentence, c, controller, category)
        code = category.combine(c.code)
        if controller.i in candidates and controller.i != c.trigger:
            del candidates[controller.i]
        del candidates[c.trigger]
        if code is None:
            return
        sources = self._control_source(sentence, controller)
        targets = c.target_tokens
        if category.name == "reject" and sentence.tokens[c.trigger].pos == "NOUN":
            # "rejected Greece's request", "declined an offer by the U.S.": the refusal is done to
            # whoever made the request or offer, then to its own target
            targets = [*c.source_tokens, *targets]
        if category.addressee == "object":
            addressee = self._addressee(sentence, controller)
            targets = addressee or c.source_tokens
        first = min(controller.i, c.first)
        candidates[controller.i] = Candidate(
            trigger=controller.i,
            first=first,
            last=max(controller.i, c.trigger),
            code=code,
            source_tokens=sources or c.source_tokens,
            target_tokens=[t for t in targets if t not in sources],
            rule=c.rule,
            reason=f"'{controller.text}' ({category.name}) over {c.reason}",
            specificity=c.specificity + 1,
            modifiers=[*c.modifiers, f"{category.name}:{controller.text}"],
            current=c.current,
            place_target=c.place_target,
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
            found = self._default_source(sentence, controller, "noun")
            if found:
                return found
            head = sentence.tokens[controller.head]
            return self.subject(sentence, head) if head.pos in ("VERB", "AUX") else []
        return self.subject(sentence, controller)

    def _addressee(self, sentence: Sentence, controller: Token) -> list[int]:
        obj = sentence.child(controller, "dobj", "dative")
        if obj is not None:
            return [obj.i]
        for prep in sentence.kids(controller, "prep"):
            if prep.lower in ("on", "upon", "to", "of", "from"):
                pobj = sentence.child(prep, "pobj")
                if pobj is not None and pobj.ent not in _NOT_ACTORS:  # not "warned on Tuesday"
                    return [pobj.i]
        ccomp = sentence.child(controller, "ccomp")
        if ccomp is not None:
            return self.subject(sentence, ccomp)
        return []

    def _bare_controls(self, sentence: Sentence, candidates: dict[int, Candidate], consumed: set[int]) -> None:
        """A control verb whose complement is not an event: "Japan wants closer ties with NATO"."""
        for token in sentence.tokens:
            if token.i in candidates or token.i in consumed or token.pos not in ("VERB",):
                continue
            if token.lemma in self.control.speech:
                continue
            category = self._category_of(sentence, token)
            if category is None or category.name not in ("intent", "appeal", "demand", "threaten", "warn"):
                continue
            complement = sentence.child(token, "xcomp", "ccomp")
            if complement is None and category.name != "appeal":
                continue
            if complement is not None and self._covered(sentence, complement, candidates):
                continue
            sources = self.subject(sentence, token)
            if category.addressee == "object":
                targets = self._addressee(sentence, token)
            else:
                targets = self.default_target(sentence, complement, "verb", set(sources)) if complement else []
            if not sources:
                continue
            code = category.default
            if category.name == "warn" and self._warns_of_consequences(sentence, token, complement):
                # "warned the Philippines that it would pay a price": a threat, not a forecast
                code = self.control.categories["threaten"].default
            candidates[token.i] = Candidate(
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

    def _warns_of_consequences(self, sentence: Sentence, token: Token, complement: Token | None) -> bool:
        """A warning addressed to someone, or of what will happen, threatens; one of how things are
        ("warned that Gaza was on the brink of famine") is a pessimistic comment."""
        if sentence.child(token, "dobj", "dative") is not None:
            return True
        return complement is not None and any(
            a.lower in ("will", "would", "'ll") for a in sentence.kids(complement, "aux")
        )

    def _covered(self, sentence: Sentence, token: Token, candidates: dict[int, Candidate]) -> bool:
        lo, hi = sentence.subtree(token)
        return any(lo <= c.trigger <= hi or lo <= c.first <= hi for c in candidates.values())

    def _fold_negation(self, sentence: Sentence, candidates: dict[int, Candidate]) -> None:
        negation = self.control.negation
        for i in list(candidates):
            c = candidates[i]
            token = self.clause_head(sentence, sentence.tokens[c.trigger])
            negated = sentence.child(token, "neg")
            if negated is None and token.pos == "NOUN":
                det = sentence.child(token, "det")
                negated = det if det is not None and det.lower == "no" else None
            if negated is None:
                continue
            code = negation.combine(c.code)
            if code is None:
                del candidates[i]
                continue
            c.modifiers.append(f"negated:{negated.text}")
            c.reason = f"negated ('{negated.text}') {c.reason}"
            c.code = code

    def _speech(self, sentence: Sentence, candidates: dict[int, Candidate]) -> None:
        """A statement gives way to what was said unless it has an addressee."""
        for i in list(candidates):
            c = candidates[i]
            if not c.speech:
                continue
            token = sentence.tokens[c.trigger]
            said = [k for k in candidates if k != i and self._governed_by(sentence, k, token)]
            if said and not self._addressed(sentence, token):
                del candidates[i]

    def _addressed(self, sentence: Sentence, token: Token) -> bool:
        """Whether a speech verb names whom it was said to: "told Rutte", "said to reporters"."""
        if any(k in _ADDRESS_VERBS for k in verb_keys(token)):
            obj = sentence.child(token, "dobj", "dative")
            if obj is not None and obj.pos in ("PROPN", "NOUN", "PRON"):
                return True
        return any(p.lower == "to" and sentence.child(p, "pobj") is not None for p in sentence.kids(token, "prep"))

    def _governed_by(self, sentence: Sentence, k: int, token: Token) -> bool:
        j = k
        for _ in range(12):
            t = sentence.tokens[j]
            if t.head == j:
                return False
            if t.head == token.i:
                return t.dep in ("ccomp", "xcomp", "parataxis", "advcl", "dobj", "conj")
            j = t.head
        return False

    def _argument_nouns(self, sentence: Sentence, candidates: dict[int, Candidate]) -> None:
        """An event noun that is what another event is about ("criticised the cooperation between
        China and Russia") is coded only when its own actor is explicit ("praised Hegseth's visit")."""
        arguments = {k for c in candidates.values() for k in (*c.target_tokens, *c.source_tokens)}
        for i in list(candidates):
            c = candidates[i]
            token = sentence.tokens[c.trigger]
            if c.trigger not in arguments or token.pos not in ("NOUN", "PROPN"):
                continue
            own = {k for k in token.children if sentence.tokens[k].dep in ("poss", "compound", "amod", "nmod")}
            if not (set(c.source_tokens) & own):
                del candidates[i]

    def _weapon_subjects(self, sentence: Sentence, candidates: dict[int, Candidate]) -> None:
        """ "A car bomb killed five": the weapon noun's code (1832) is the killing's code."""
        for i in list(candidates):
            c = candidates.get(i)
            if c is None or c.code[:2] not in _VIOLENT_ROOTS:
                continue
            weapon = self._weapon_of(sentence, c, candidates)
            if weapon is None:
                continue
            c.code = weapon.code
            c.reason = f"{weapon.reason}, which {c.reason.split(' matches')[0]}"
            # whoever used the weapon; else the subject itself, if it is someone ("a suicide bomber killed")
            c.source_tokens = weapon.source_tokens or c.source_tokens
            del candidates[weapon.trigger]

    def _weapon_of(self, sentence: Sentence, c: Candidate, candidates: dict[int, Candidate]) -> Candidate | None:
        """The attack noun behind a killing: its subject ("a car bomb killed"), or, for a killing with
        no source, the phrase it happened in ("were killed in Israeli tank shelling")."""
        places = list(c.source_tokens) if len(c.source_tokens) == 1 else []
        if not c.source_tokens:
            token = sentence.tokens[c.trigger]
            for prep in sentence.kids(token, "prep", "agent"):
                if prep.lower in ("in", "by", "during", "from"):
                    places.extend(o.i for o in sentence.kids(prep, "pobj"))
        for k in places:
            weapon = candidates.get(k)
            if weapon is not None and weapon.code[:2] in _VIOLENT_ROOTS and weapon.trigger != c.trigger:
                return weapon
        return None

    def _reported_future(self, sentence: Sentence, candidates: dict[int, Candidate]) -> None:
        """ "Australia said it would change its rules": a promise, coded as intent (03x)."""
        intent = self.control.categories["intent"]
        for c in candidates.values():
            token = self.clause_head(sentence, sentence.tokens[c.trigger])
            would = next((a for a in sentence.kids(token, "aux") if a.lower in ("would", "will", "'ll", "shall")), None)
            if would is None or token.dep != "ccomp" or any(m.startswith("intent") for m in c.modifiers):
                continue
            head = sentence.tokens[token.head]
            if not any(k in self.control.speech for k in verb_keys(head)):
                continue
            c.modifiers.append(f"future:{would.text}")
            if any(m.startswith("negated") for m in c.modifiers):
                continue  # "said it would not provide support" is already a rejection
            if c.code[:2] in _THREAT_ROOTS:
                threat = self.control.categories["threaten"].combine(c.code)
                if threat is not None:
                    c.reason = f"'{would.text}' in what was said makes it a threat: {c.reason}"
                    c.code = threat
                continue
            code = intent.combine(c.code)
            if code is not None and c.code[:2] in _COOPERATIVE_ROOTS:
                c.reason = f"'{would.text}' in what was said makes it a promise: {c.reason}"
                c.modifiers.append(f"intent:{would.text}")
                c.code = code

    # -- modality ---------------------------------------------------------------------
    def clause_head(self, sentence: Sentence, token: Token) -> Token:
        """The verb that carries tense, negation and mood for an event: the light verb of an event noun."""
        if token.pos in ("NOUN", "PROPN"):
            governor = self._light_governor(sentence, token)
            if governor is not None and governor.lemma != "be":
                return governor
        return token

    def _hypothetical(self, sentence: Sentence, c: Candidate) -> bool:
        token = self.clause_head(sentence, sentence.tokens[c.trigger])
        if any(m.startswith(("intent", "appeal", "demand", "threaten", "reject", "future")) for m in c.modifiers):
            return False
        j = token.i
        for _ in range(8):
            t = sentence.tokens[j]
            if t.dep == "advcl" and any(sentence.tokens[k].lower in _HYPOTHETICAL_MARKS for k in t.children):
                return True
            if t.head == j or t.dep not in ("conj", "xcomp", "advcl", "ccomp"):
                break
            j = t.head
        aux = [sentence.tokens[k].lower for k in token.children if sentence.tokens[k].dep in ("aux", "auxpass")]
        return any(a in _HYPOTHETICAL_AUX for a in aux)

    def _background(self, sentence: Sentence, token: Token) -> bool:
        """Perfect participles and past perfects describe what happened before the story."""
        aux = [sentence.tokens[k] for k in token.children if sentence.tokens[k].dep in ("aux", "auxpass")]
        words = {a.lower for a in aux}
        if "having" in words:
            return True
        if "had" in words and token.tag == "VBN":
            return True
        return any(a.lower == "already" for a in sentence.kids(token, "advmod"))

    def _depth(self, sentence: Sentence, i: int) -> int:
        depth = 0
        j = i
        for _ in range(30):
            t = sentence.tokens[j]
            if t.head == j:
                break
            if t.dep in _CLAUSAL:
                depth += 1
            j = t.head
        return depth


def _before_date(sentence: Sentence, token: Token) -> int:
    """ "met with President Bashar Assad Tuesday" parses as a compound headed by the date:
    the name before it is the argument. -1 when there is none."""
    names = [k for k in sentence.kids(token, "compound") if k.ent not in _NOT_ACTORS and k.pos == "PROPN"]
    return names[-1].i if names else -1


def verb_keys(token: Token) -> list[str]:
    """The lemma, and base forms guessed from the text for when the lemmatiser errs ("hoped" → "hop")."""
    keys = [token.lemma]
    word = token.lower
    for suffix, repl in (
        ("ied", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("d", ""),
        ("es", ""),
        ("s", ""),
        ("ing", "e"),
        ("ing", ""),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            keys.append(word[: -len(suffix)] + repl)
    return keys


def _position(sentence: Sentence, token: Token) -> str | None:
    if token.pos == "VERB":
        return "verb"
    if token.pos in ("NOUN", "PROPN"):
        return "noun"
    if token.pos == "ADJ" and token.dep in ("acomp", "amod", "oprd", "ROOT", "conj", "ccomp", "xcomp", "advcl"):
        return "adjective"
    return None
