"""Facts and claims: acts reported only to be denied, and acts whose doer claimed them.

Two questions the dependency parse answers for any event in a sentence:

- is the act *denied* ("the army denied that its soldiers had shelled the camp")? Then
  it is not reported as having happened and is not coded (the denial is);
- did someone *claim* it ("al-Shabaab claimed responsibility for the bombing", "the group
  claimed the attack")? Then the claimant is who did it.

The words are data (``data/events/factuality.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..parse import Sentence, Token
from ..resources import data_path, load_yaml

_CLAUSAL = ("ccomp", "xcomp", "conj", "advcl", "acl", "relcl", "parataxis")
_MAX_DEPTH = 10
_BESIDE = ("conj", "parataxis")


@dataclass(frozen=True)
class Factuality:
    deny: frozenset[str]
    deny_nouns: frozenset[str]
    allege: frozenset[str]
    allege_prepositions: frozenset[str]
    claim: frozenset[str]
    claim_nouns: frozenset[str]
    claim_objects: frozenset[str]


@lru_cache(maxsize=1)
def load_factuality() -> Factuality:
    raw = load_yaml(data_path("events", "factuality.yaml"))
    return Factuality(**{key: frozenset(str(w).lower() for w in raw[key]) for key in Factuality.__dataclass_fields__})


def _up(sentence: Sentence, token: Token) -> Token | None:
    return None if token.head == token.i else sentence.tokens[token.head]


def denied_by(sentence: Sentence, trigger: int, words: Factuality) -> Token | None:
    """The denial verb whose complement holds the act at ``trigger``, if any.

    The act must sit in a clause under the denial ("denied that ... shelled", "dismissed
    reports that ... crossed"), not be the denial's own object ("denied the request").
    """
    token = sentence.tokens[trigger]
    clause_seen = False
    for _ in range(_MAX_DEPTH):
        head = _up(sentence, token)
        if head is None:
            return None
        if token.dep in _CLAUSAL:
            clause_seen = True
        if clause_seen and head.pos == "VERB" and head.lemma.lower() in words.deny:
            if token.i < head.i and _denies_a_charge(sentence, head, words):
                return None  # "Moscow accused Kyiv of shelling the plant, a charge Ukraine denied": the charge was made
            # what is denied is the denial's complement; a clause with a subject of its own coordinated with
            # it ("denied sending troops, but Kosovo's prime minister accused Belgrade") is another act
            return None if token.dep in _BESIDE and sentence.child(token, "nsubj", "nsubjpass") is not None else head
        if clause_seen and head.lemma.lower() in words.deny_nouns:
            verb = _up(sentence, head)
            if verb is not None and verb.lemma.lower() in words.deny:
                return verb
        token = head
    return None


def _denies_a_charge(sentence: Sentence, denial: Token, words: Factuality) -> bool:
    """Whether the denial is told of a charge named by a noun ("..., a charge Ukraine denied", which the parser
    reads as the charge denying the clause before it): the clause before is the charge, and it was made."""
    return any(k.lemma.lower() in words.deny_nouns for k in sentence.kids(denial, "nsubj", "dobj") if k.i < denial.i)


def alleged_by(sentence: Sentence, trigger: int, words: Factuality) -> Token | None:
    """The accusing verb whose complement holds the act at ``trigger``, if any.

    "accused Belarus of pushing migrants", "blamed the rebels for shelling the town", "alleged
    that troops had fired": the act is what one side says the other did, not a reported fact.
    """
    token = sentence.tokens[trigger]
    for _ in range(3):  # "of flying balloons" may hang from "balloons": climb a noun or two
        head = _up(sentence, token)
        if head is None:
            return None
        if token.dep in ("pcomp", "pobj") and head.lower in words.allege_prepositions:
            verb = _up(sentence, head)
            return verb if verb is not None and verb.lemma.lower() in words.allege else None
        if token.dep == "ccomp" and head.pos == "VERB":
            return head if head.lemma.lower() in words.allege else None
        if token.dep not in ("amod", "compound", "acl"):
            return None
        token = head
    return None


def claimed_by(sentence: Sentence, trigger: int, words: Factuality) -> Token | None:
    """The claim verb that takes responsibility for the act at ``trigger``, if any.

    "claimed the attack" (the act is the verb's object), "the attack was claimed by Islamic State"
    (its passive subject), "claimed responsibility for the bombing" (the act is what the
    responsibility is for), "took credit for the raid".
    """
    token = sentence.tokens[trigger]
    head = _up(sentence, token)
    if head is None:
        return None
    if token.dep in ("dobj", "nsubjpass") and head.lemma.lower() in words.claim_objects:
        return head
    if token.dep == "pobj" and head.lower == "for":
        noun = _up(sentence, head)
        verb = _up(sentence, noun) if noun is not None else None
        if noun is not None and verb is not None and noun.lemma.lower() in words.claim_nouns:
            return verb if verb.lemma.lower() in words.claim else None
    return None


def claimant(sentence: Sentence, verb: Token) -> Token | None:
    """The subject of a claim verb, or the agent of a passive one: who took responsibility."""
    agent = sentence.child(verb, "agent")
    if agent is not None and sentence.child(verb, "nsubjpass") is not None:
        return sentence.child(agent, "pobj")
    return sentence.child(verb, "nsubj")
