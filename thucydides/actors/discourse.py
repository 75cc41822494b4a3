"""Discourse: actors mentioned earlier in the article, for pronouns, surnames and descriptions."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

from ..lang import ENGLISH
from ..models import Actor
from ..parse import Token
from .kb import KnowledgeBase
from .state import (
    COUNTRY_NOUNS,
    DESCRIBED_COUNTRY_NOUNS,
    EACH,
    HE,
    IT,
    PAIR_NOUNS,
    PERSON_NOUNS,
    SIDE_NOUNS,
    THEY,
    Memory,
    Parts,
    Reader,
    group_size,
    side,
)

PRONOUNS = HE | IT | THEY
RELATIVE_PRONOUNS = ENGLISH.words("relative_pronouns")
PROPOSITION_VERBS = ENGLISH.words("proposition_verbs")
# the CAMEO roots from which "both sides" are those of an act: fighting, then a material dispute, then words
_SIDE_TIERS = ("18", "14", "10")
ADDRESS_VERBS = ENGLISH.words("address_verbs")  # "warned Israel that it would": verbs that tell someone
_FRAMING = frozenset({"in", "during", "as"})  # "attacked Israel in its first direct attack": the doer's act
PROPOSAL_NOUNS = ENGLISH.words("proposal_nouns")  # "rejected its call": the one who answers did not make it
ANSWERING_VERBS = ENGLISH.words("answering_verbs")
FIRST_PERSON = ENGLISH.words("first_person_pronouns")
QUOTING_VERBS = ENGLISH.words("quoting_verbs")


class Discourse:
    """The actor memory of one article: remembers its actors and resolves later references to them.

    Methods that look at the current sentence take the :class:`Reader` reading it.
    """

    def __init__(self, kb: KnowledgeBase, date: dt.date | None) -> None:
        self.kb = kb
        self.date = date
        self.memory: list[Memory] = []
        self.countries_seen: dict[str, int] = {}
        # the sides of the events coded so far, latest last: "both sides" are the last two that faced each other
        self.dyads: list[tuple[Actor, Actor, str]] = []

    def faced(self, source: Actor, target: Actor, root: str) -> None:
        """Remember that ``source`` acted on ``target`` (two sides of the story's dispute or talks) with an
        act of CAMEO root ``root``."""
        if (source.country or source.group) and (target.country or target.group) and side(source) != side(target):
            self.dyads.append((source, target, root))
            del self.dyads[:-20]

    def the_group(self, r: Reader, token: Token, avoid: frozenset[str] = frozenset()) -> list[Actor]:
        """ "The two men", "both sides", "the three countries", "all sides": the last actors of that kind,
        one per side, passing over the sides in ``avoid`` (the event's source: "China urged both Koreas")."""
        sentence = r.sentence
        assert sentence is not None
        if token.lemma not in PAIR_NOUNS:
            return []
        if token.lower in EACH and any(p.lower == "of" for p in sentence.kids(token, "prep")):
            return []  # "each of the soldiers": those it names, not the sides before
        wanted = group_size(token, [sentence.tokens[c] for c in token.children])
        if wanted < 2:
            return []
        want_person = token.lemma in PERSON_NOUNS
        lo = min([token.i, *r.left_tokens(token)])
        text, start, end = sentence.span_text(lo, token.i)  # "both sides", "the three countries"
        if wanted == 2 and not want_person:
            # "both sides", "the two countries": the two that last faced each other, never a mere mention;
            # the sides (or parties) are those of the latest dispute, when the story has one
            dyads = [d for d in reversed(self.dyads) if not {side(d[0]), side(d[1])} & avoid]
            if token.lemma in SIDE_NOUNS:
                # the sides of the latest fighting, else of the latest material dispute, else of words; within
                # a kind, the pair the story has most to say about (the parties to a ceasefire, not its host)
                often = Counter(frozenset((side(d[0]), side(d[1]))) for d in dyads)
                dyads.sort(key=lambda d: (_side_tier(d[2]), -often[frozenset((side(d[0]), side(d[1])))]))
            return [self._refer(a, text, start, end) for a in dyads[0][:2]] if dyads else []
        found: list[Actor] = []
        sides: set[str] = set(avoid)
        for m in self.recent(r, token.i):
            if (want_person and not m.is_person) or not (m.actor.country or m.actor.group) or side(m.actor) in sides:
                continue
            sides.add(side(m.actor))
            found.append(self._refer(m.actor, text, start, end))
            if len(found) == wanted:
                return found
        return []

    @staticmethod
    def _refer(actor: Actor, text: str, start: int, end: int) -> Actor:
        why = f"'{text}' refers to {actor.name or actor.text}"
        return dataclasses.replace(actor, text=text, start=start, end=end, how=why)

    def they_conjoined(self, r: Reader, token: Token) -> list[Actor]:
        """ "Obama and Putin said they will ...": "they" after conjoined actors in the same sentence is all of them."""
        sentence = r.sentence
        assert sentence is not None
        if token.lower not in THEY:
            return []
        for j in range(token.i - 1, -1, -1):
            other = sentence.tokens[j]
            if other.dep == "conj" or not any(sentence.tokens[c].dep == "conj" for c in other.children):
                continue
            group = [r.actor(k) for k in r.conjuncts(j) if k < token.i]
            if len(group) >= 2 and all(a is not None for a in group):
                why = f"'{token.text}' refers to " + " and ".join(a.name or a.text for a in group if a is not None)
                return [self.rebind(r, self.memory_for(r, other, a), token, why) for a in group if a is not None]
            return []
        return []

    def pick_person(self, ids: list[str]) -> str | None:
        ids = list(dict.fromkeys(ids))
        mentioned = [m.person for m in reversed(self.memory) if m.person in ids]
        if mentioned:
            return mentioned[0]
        if len(ids) == 1:
            return ids[0]
        active = [p for p in ids if self.kb.people[p].role_on(self.date) is not None]
        if len(active) == 1:
            return active[0]
        return None

    def unknown_person(self, r: Reader, token: Token, parts: Parts) -> None:
        """A person the knowledge base does not know: remember the name, code by title later."""
        parts.is_person = True
        parts.surname = token.text
        recent = self.recent(r, token.i)
        for m in recent:
            if m.is_person and m.surname and m.surname.lower() == token.lower:
                self.copy_memory(m, parts, f"'{token.text}' as mentioned earlier")
                return
        # "Wang" after "China's senior diplomat Wang Yi" (family name first), "Japarov" after "President Sadyr
        # Japarov" (a surname two people in the knowledge base share): a part of a name mentioned in full
        for m in recent:
            if m.is_person and token.lower in m.name_words:
                self.copy_memory(m, parts, f"'{token.text}' as mentioned earlier, in full")
                return

    def copy_memory(self, m: Memory, parts: Parts, why: str) -> None:
        parts.country = m.actor.country
        if m.actor.group:
            parts.org = self.org_of(m.actor)
        parts.person = m.person
        parts.sectors = list(m.actor.sector)
        parts.name = m.actor.name
        parts.how.append(why)

    def org_of(self, actor: Actor) -> str | None:
        code = actor.code
        for sector in reversed(actor.sector):
            if code.endswith(sector):
                code = code[: -len(sector)]
        return code or None

    def anaphor(self, r: Reader, token: Token, parts: Parts) -> None:
        """ "the alliance", "the minister", "the country": the actor introduced earlier."""
        sentence = r.sentence
        assert sentence is not None
        det = sentence.child(token, "det")
        if det is None or det.lower not in ("the", "this", "that"):
            return
        owners = [o for p in sentence.kids(token, "prep") if p.lower == "of" for o in sentence.kids(p, "pobj")]
        if any(o.i in r.hit_at for o in owners):
            return  # "the government of President Daniel Ortega": it says whose it is ("the bishop of Matagalpa" not)
        hit = r.hit_at.get(token.i)
        own = set(range(hit.lo, hit.hi + 1)) if hit is not None else set()
        described = r.left_tokens(token) - {det.i} - own
        if any(r.hit_at[k].first("country", "adjective") is not None for k in described if k in r.hit_at):
            return  # "the Russian president": a country of its own, not a reference back
        word = token.lemma
        # "the Nordic country", "the oil-rich kingdom": a description, never of what its own sentence names
        candidates = list(reversed(self.memory)) if described else self.recent(r, token.i)
        orgs = self.kb.anaphors.get(word)
        if orgs:
            for m in candidates:
                org = self.org_of(m.actor)
                if org in orgs:
                    # "the alliance" after its Secretary General: the organisation, not the person
                    parts.org, parts.country, parts.sectors = org, m.actor.country, []
                    parts.name = self.kb.describe(org)
                    parts.how.append(f"'the {word}' refers to {parts.name}")
                    return
        if word in COUNTRY_NOUNS or (described and word in DESCRIBED_COUNTRY_NOUNS):
            for m in candidates:
                if m.actor.country and not m.actor.group and not m.is_person:
                    parts.country = m.actor.country
                    parts.name = m.actor.name
                    text, _start, _end = sentence.span_text(min([det.i, *described]), token.i)
                    parts.how.append(f"'{text}' refers to {m.actor.name}")
                    return
        if described:
            return
        if parts.agent_terms:
            term = parts.agent_terms[-1]
            recent = self.recent(r, token.i)
            words = set(term.split())
            same_title = [m for m in recent if term in m.agent_terms or words <= m.words]
            same_sector = [
                m for m in recent if m.is_person and parts.sectors and set(parts.sectors) <= set(m.actor.sector)
            ]
            for m in (same_title or same_sector)[:1]:
                self.copy_memory(m, parts, f"'the {term}' refers to {m.actor.name or m.actor.text}")

    def pronoun(self, r: Reader, token: Token, skip: frozenset[str] = frozenset()) -> Actor | None:
        """The actor a pronoun refers to: the latest fitting one, passing over those in ``skip``."""
        word = token.lower
        if word in RELATIVE_PRONOUNS:
            return _relative_antecedent(r, token)
        if word in FIRST_PERSON:
            return _speaker(self, r, token)
        bound = self._bound(r, token, skip)
        if bound is not None:
            return bound
        skip = skip | _answerer(r, token) | _relative_object(r, token)
        for m in self.recent(r, token.i):
            if skip and side(m.actor) in skip:
                continue
            if word in HE and m.is_person and not m.many:
                return self.rebind(r, m, token, f"'{token.text}' refers to {m.actor.name or m.actor.text}")
            if word in IT and not m.is_person and not m.plural:
                return self.rebind(r, m, token, f"'{token.text}' refers to {m.actor.name or m.actor.text}")
            if word in THEY and not m.is_person:
                return self.rebind(r, m, token, f"'{token.text}' refers to {m.actor.name or m.actor.text}")
        return None

    def _bound(self, r: Reader, token: Token, skip: frozenset[str]) -> Actor | None:
        """ "thanked Kuwait for its mediation", "praised Qatar for its role", "blamed Iran for their
        support": a possessive in the "for" phrase of a verb stands for the verb's object. "Iran warned
        Israel that it would retaliate": the subject of what one tells another is the teller."""
        sentence = r.sentence
        if sentence is None or token.lower not in HE | IT | THEY or token.head == token.i:
            return None
        if token.dep == "nsubj":
            parallel = _parallel(self, r, token, skip)
            if parallel is not None or token.lower in HE:
                return parallel
            return _teller(r, token, skip) or _sayer(self, r, token, skip)
        if token.dep != "poss" or token.lower in HE:
            return None
        noun = sentence.tokens[token.head]
        if noun.dep != "pobj" or noun.head == noun.i:
            return None
        prep = sentence.tokens[noun.head]
        if prep.head == prep.i:
            return None
        if prep.lower in _FRAMING and sentence.tokens[prep.head].pos == "VERB":
            return _doer(r, token, sentence.tokens[prep.head], skip)
        if prep.lower != "for":
            return None
        actor = _antecedent(r, sentence.child(sentence.tokens[prep.head], "dobj"), skip, before=token.i)
        if actor is None:
            return None
        why = f"'{token.text}' refers to {actor.name or actor.text}, the one it is said of"
        return dataclasses.replace(actor, how=why)

    def rebind(self, r: Reader, m: Memory, token: Token, why: str) -> Actor:
        """The remembered actor, mentioned by ``token``; a pronoun whose antecedent is in the same
        sentence ("NATO says it will ...") is reported at the antecedent, the fuller mention."""
        a = m.actor
        sentence = r.sentence
        if (
            token.lower in PRONOUNS
            and sentence is not None
            and a.start >= sentence.start
            and a.end <= token.start
            and a.text
        ):
            return dataclasses.replace(a, how=why)
        return dataclasses.replace(a, text=token.text, start=token.start, end=token.end, how=why)

    def recent(self, r: Reader, before: int) -> list[Memory]:
        """Actors mentioned before token ``before``: earlier in this sentence first, then earlier sentences."""
        assert r.sentence is not None
        here: list[Memory] = []
        for (i, _place), actor in sorted(r.cache.items(), reverse=True):
            if actor is not None and i < before:
                here.append(self.memory_for(r, r.sentence.tokens[i], actor))
        return here + list(reversed(self.memory))

    def remember(self, r: Reader, token: Token, actor: Actor) -> None:
        self.memory.append(self.memory_for(r, token, actor))
        if actor.country and not actor.group:
            self.countries_seen[actor.country] = self.countries_seen.get(actor.country, 0) + 1
        del self.memory[:-40]

    def memory_for(self, r: Reader, token: Token, actor: Actor) -> Memory:
        parts_person = actor.entity_id if actor.entity_id in self.kb.people else None
        # the parser's PERSON tag is no person for a name the knowledge base knows as a group ("Al Shabaab") or
        # as a state ("Chad")
        hit = r.hit_at.get(token.i)
        a_state = hit is not None and any(e.kind == "country" for e in hit.entries)
        tagged_person = token.ent == "PERSON" and not actor.group and not a_state
        is_person = parts_person is not None or tagged_person or token.lemma in PERSON_NOUNS
        surname = None
        if parts_person:
            surname = self.kb.people[parts_person].surname
        elif tagged_person:
            surname = token.text
        terms = tuple(e.term for e in hit.entries if e.kind == "agent") if hit else ()
        left_terms = tuple(
            e.term for k in r.left_tokens(token) if (h := r.hit_at.get(k)) for e in h.entries if e.kind == "agent"
        )
        return Memory(
            actor=actor,
            is_person=is_person,
            surname=surname,
            agent_terms=terms + left_terms,
            plural=token.tag in ("NNS", "NNPS"),
            person=parts_person,
            words=frozenset(actor.text.lower().replace("-", " ").split()),
            name_words=_name_words(r, token) if is_person else frozenset(),
        )


_ARTICLES = frozenset({"the", "a", "an"})


def _doer(r: Reader, token: Token, verb: Token, skip: frozenset[str]) -> Actor | None:
    """ "Iran launched 300 drones at Israel in its first direct attack": "its" in a phrase that frames
    the verb's act is the verb's subject."""
    sentence = r.sentence
    assert sentence is not None
    actor = _antecedent(r, sentence.child(verb, "nsubj"), skip, before=token.i)
    if actor is None:
        return None
    return dataclasses.replace(actor, how=f"'{token.text}' refers to {actor.name or actor.text}, who does it")


def _teller(r: Reader, token: Token, skip: frozenset[str]) -> Actor | None:
    sentence = r.sentence
    assert sentence is not None
    clause = sentence.tokens[token.head]
    if clause.dep != "ccomp" or clause.head == clause.i:
        return None
    verb = sentence.tokens[clause.head]
    if verb.lemma not in ADDRESS_VERBS or sentence.child(verb, "dobj", "dative") is None:
        return None
    actor = _antecedent(r, sentence.child(verb, "nsubj"), skip)
    if actor is None:
        return None
    return dataclasses.replace(actor, how=f"'{token.text}' refers to {actor.name or actor.text}, who told it")


def _speaker(d: Discourse, r: Reader, token: Token) -> Actor | None:
    """ "'We condemn this attack,' the Pakistani prime minister said": a first-person pronoun in the words
    a verb of saying (``quoting_verbs``) reports is its subject, the speaker (a pronoun speaker, "he
    said", as that pronoun refers); nobody when the words hang on no such verb."""
    sentence = r.sentence
    assert sentence is not None
    clause = token
    for _ in range(len(sentence.tokens)):
        if clause.head == clause.i:
            return None
        verb = sentence.tokens[clause.head]
        if clause.dep in ("ccomp", "parataxis") and verb.lemma in QUOTING_VERBS:
            break
        clause = verb
    else:
        return None
    speaker = sentence.child(verb, "nsubj")
    if speaker is None or speaker.lower in FIRST_PERSON:
        return None
    actor = d.pronoun(r, speaker) if speaker.pos == "PRON" else r.actor(speaker.i)
    if actor is None:
        return None
    why = f"'{token.text}' is the speaker, {actor.name or actor.text}, who '{verb.text}' it"
    return dataclasses.replace(actor, text=token.text, start=token.start, end=token.end, how=why)


def fuller_group(d: Discourse, hit_words: frozenset[str], ref: str) -> tuple[str, str] | None:
    """The organisation an earlier, fuller name meant, when the name at hand is part of it: "the Taliban"
    after "the Pakistani Taliban" is the Pakistani Taliban (TTP), not the Afghan movement (ANNOTATION.md
    §2: descriptions resolve to the actor the story named). Returns the organisation and the name."""
    for m in reversed(d.memory):
        org = d.org_of(m.actor) if m.actor.group and not m.is_person else None
        if org is None or org == ref:
            continue
        if hit_words < m.words - _ARTICLES:
            return org, m.actor.text
    return None


def _side_tier(root: str) -> int:
    """0 for fighting (roots 18-20), 1 for a material dispute (14-17), 2 for words (10-13), 3 for the rest."""
    return next((n for n, lo in enumerate(_SIDE_TIERS) if root >= lo), len(_SIDE_TIERS))


def _parallel(d: Discourse, r: Reader, token: Token, skip: frozenset[str]) -> Actor | None:
    """ "Iran's Supreme Leader rejected Trump's offer and he also accused the government": the subject
    of a clause joined to another is that clause's subject, when it fits the pronoun, before any
    actor named between them."""
    return _subject_of(d, r, token, skip, "conj", people_are_they=False, why="the subject before it")


def _sayer(d: Discourse, r: Reader, token: Token, skip: frozenset[str]) -> Actor | None:
    """ "Army officers in Gabon announced that they had taken power": the subject of what someone says is
    the sayer when it fits the pronoun (people for "they"), before any actor named between them."""
    return _subject_of(d, r, token, skip, "ccomp", people_are_they=True, why="who says it")


def _subject_of(
    d: Discourse, r: Reader, token: Token, skip: frozenset[str], dep: str, people_are_they: bool, why: str
) -> Actor | None:
    """The subject of the verb that the pronoun's clause hangs from as ``dep``, when it fits the pronoun:
    a person for "he", a single body for "it", a body (or, with ``people_are_they``, people) for "they"."""
    sentence = r.sentence
    assert sentence is not None
    clause = sentence.tokens[token.head]
    if clause.dep != dep or clause.head == clause.i:
        return None
    subject = sentence.child(sentence.tokens[clause.head], "nsubj")
    actor = _antecedent(r, subject, skip, before=token.i)
    if subject is None or actor is None:
        return None
    m = d.memory_for(r, subject, actor)
    word = token.lower
    if word in HE:
        fits = m.is_person and not m.many
    elif word in THEY:
        fits = not m.is_person or (people_are_they and m.plural)
    else:
        fits = not (m.is_person or m.plural)
    if not fits:
        return None
    return d.rebind(r, m, token, f"'{token.text}' refers to {actor.name or actor.text}, {why}")


def named_earlier(d: Discourse, r: Reader, token: Token) -> bool:
    """Whether a word is part of the name of a person mentioned earlier (for a name the parser did not
    take for a person the second time: "Japarov thanked Rahmon")."""
    word = token.lower
    return any(
        m.is_person and (word in m.name_words or (m.surname or "").lower() == word) for m in d.recent(r, token.i)
    )


def _name_words(r: Reader, token: Token) -> frozenset[str]:
    """The words of the personal name a mention ends in ("Wang Yi" of "China's senior diplomat Wang Yi")."""
    sentence = r.sentence
    if sentence is None or token.ent != "PERSON":
        return frozenset()
    tokens = sentence.tokens
    lo = token.i
    while lo > 0 and tokens[lo - 1].ent == "PERSON" and tokens[lo].ent_iob != "B":
        lo -= 1
    hi = token.i
    while hi + 1 < len(tokens) and tokens[hi + 1].ent == "PERSON" and tokens[hi + 1].ent_iob == "I":
        hi += 1
    return frozenset(t.lower for t in tokens[lo : hi + 1] if t.pos == "PROPN")


def _relative_antecedent(r: Reader, token: Token) -> Actor | None:
    """ "the Emirates, which it accuses of arming the RSF": a relative pronoun stands for the noun its clause is
    about, reported at that noun (the fuller mention)."""
    sentence = r.sentence
    if sentence is None:
        return None
    k = token
    for _ in range(3):
        if k.head == k.i:
            return None
        if k.dep == "relcl":
            if k.lemma in PROPOSITION_VERBS:
                return None  # "..., which both governments deny": what was said, not the noun before it
            actor = r.actor(k.head) if k.head < token.i else None
            return (
                dataclasses.replace(actor, how=f"'{token.text}' refers to {actor.name or actor.text}")
                if actor
                else None
            )
        k = sentence.tokens[k.head]
    return None


def _relative_object(r: Reader, token: Token) -> frozenset[str]:
    """The side a subject pronoun cannot be in a relative clause about an object: "the Emirates, which it
    accuses of arming the RSF" (it is not the Emirates, which it accuses)."""
    sentence = r.sentence
    if sentence is None or token.dep != "nsubj" or token.head == token.i:
        return frozenset()
    clause = sentence.tokens[token.head]
    if clause.dep != "relcl" or clause.head == clause.i:
        return frozenset()
    if not any(k.lower in RELATIVE_PRONOUNS for k in sentence.kids(clause, "dobj", "dative")):
        return frozenset()
    actor = r.actor(clause.head) if clause.head < token.i else None
    return frozenset({side(actor)}) if actor is not None else frozenset()


def _answerer(r: Reader, token: Token) -> frozenset[str]:
    """The side of whoever answers what "its" names ("Moscow had rejected its call for a truce", "Turkey's
    parliament ratified its accession"): a call, offer or request is put to its answerer by another."""
    sentence = r.sentence
    if sentence is None or token.dep != "poss" or token.lower not in IT | THEY or token.head == token.i:
        return frozenset()
    noun = sentence.tokens[token.head]
    if noun.lemma not in PROPOSAL_NOUNS or noun.dep != "dobj" or noun.head == noun.i:
        return frozenset()
    verb = sentence.tokens[noun.head]
    if verb.lemma not in ANSWERING_VERBS:
        return frozenset()
    subject = sentence.child(verb, "nsubj")
    actor = r.actor(subject.i) if subject is not None and subject.i < token.i else None
    return frozenset({side(actor)}) if actor is not None else frozenset()


def _antecedent(r: Reader, named: Token | None, skip: frozenset[str], before: int | None = None) -> Actor | None:
    """The actor a named word (no pronoun) stands for, if it is one and not of the sides in ``skip``;
    with ``before``, only a word before that token."""
    if named is None or named.pos == "PRON" or (before is not None and named.i > before):
        return None
    actor = r.actor(named.i)
    return None if actor is None or (skip and side(actor) in skip) else actor
