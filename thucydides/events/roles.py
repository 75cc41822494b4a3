"""Source and target of a candidate event as coded actors.

The source and target tokens a pass found become actors through the document's
actor memory; an object that is no actor stands for the actor inside it
("sanctions on Georgia"); an object nobody codes stays as an uncoded target.
"""

from __future__ import annotations

import dataclasses

from ..actors.resolve import ActorResolver
from ..actors.state import entity, side
from ..lang import ENGLISH
from ..models import Actor
from ..parse import Sentence
from .candidates import Candidate
from .control import Control
from .grammar import (
    ADDRESSED_ROOTS,
    NOT_ACTORS,
    VIOLENT_ROOTS,
    before_date,
    between,
    default_source,
    default_target,
    governing_verb,
    subject,
    threatened,
)

_FREE_RELATIVES = ENGLISH.words("free_relatives")
_THREATS = "13"  # the CAMEO root of threats


def clause_candidate(
    sentence: Sentence, root: str, control: Control, resolver: ActorResolver, rule: str, reason: str
) -> Candidate:
    """A statistical layer's event of CAMEO ``root`` at the sentence's main verb (or at what it says, when that
    verb is one of saying: "X shelled Y, officials said"), its actors resolved; ``reason`` says why the layer
    chose the root, and the main verb is added to it."""
    token = sentence.tokens[sentence.root]
    said = sentence.child(token, "ccomp") if token.lemma in control.speech else None
    if said is not None:
        token = said
    sources = subject(sentence, token)
    c = Candidate(
        trigger=token.i,
        first=token.i,
        last=token.i,
        code=f"{root}0",
        source_tokens=sources,
        target_tokens=default_target(sentence, token, "verb", set(sources), control, appeal=root in ADDRESSED_ROOTS),
        rule=rule,
        reason=f"{reason}; main verb '{token.text}'",
        specificity=0,
        producer="model",
    )
    resolve_actors(sentence, c, resolver, control)
    return c


def resolve_actors(
    sentence: Sentence,
    c: Candidate,
    resolver: ActorResolver,
    control: Control,
    patients: frozenset[str] = frozenset(),
) -> None:
    """Fill ``c.sources`` and ``c.targets`` from its source and target tokens. ``patients`` are the violent act
    nouns whose "of" object is whom the act is done to (``Lexicon.patient_nouns``)."""
    violent = c.code[:2] in VIOLENT_ROOTS
    source_tokens = _doers(sentence, c.source_tokens, control, patients) if violent else c.source_tokens
    c.sources = [a for i in source_tokens for a in resolver.actors(i)]
    if not c.sources and violent:
        c.sources = [a for i in _means_source(sentence, c, control) for a in resolver.actors(i)] or [
            # "fighting between the army and the RSF killed 40": who fought is who killed
            a
            for i in source_tokens
            if _is_act(sentence, i)
            for a in resolver.embedded(i)
        ]
    c.targets = []
    avoid = frozenset(side(a) for a in c.sources)
    for i in c.target_tokens:  # the first candidate that is an actor
        i = _called_thing(sentence, i)
        if sentence.tokens[i].ent in NOT_ACTORS:
            i = before_date(sentence, sentence.tokens[i])
            if i < 0:
                continue
        c.targets = resolver.actors(i, place=c.place_target, avoid=avoid)
        if c.targets and c.code.startswith(control.instruments) and avoid:
            # "Russia massed its troops near the border with Ukraine": own forces are the means
            c.targets = [a for a in c.targets if side(a) not in avoid]
        if c.targets:
            break
    if not c.targets and c.target_tokens and not _parties(c, control):
        _inner_targets(sentence, c, resolver, control, avoid)
    if not c.targets:
        c.targets = _parties_of_the_thing(sentence, c, resolver, avoid)
    if not c.targets and c.code.startswith(_THREATS):  # "warned of consequences if the United States ..."
        c.targets = [
            a for i in threatened(sentence, sentence.tokens[c.trigger]) for a in resolver.actors(i, avoid=avoid)
        ]
    if not c.sources and c.targets and len(c.targets) > 1 and _between(sentence, c):
        c.sources = c.targets[:]


def _parties(c: Candidate, control: Control) -> bool:
    """ "Armenia and Azerbaijan signed a deal brokered by the US": a two-sided act of several
    conjoined actors is done by each to the others, never to whoever is named inside its object."""
    return c.code in control.reciprocal and len({entity(a) for a in c.sources}) > 1


def _parties_of_the_thing(
    sentence: Sentence, c: Candidate, resolver: ActorResolver, avoid: frozenset[str]
) -> list[Actor]:
    """ "They signed a deal brokered by the US": the participle's act is done to those who have the thing it
    qualifies, the subject of the verb that governs that noun ("signed a deal", "agreed ... under a truce")."""
    token = sentence.tokens[c.trigger]
    if token.dep != "acl" or token.tag != "VBN" or sentence.child(token, "agent") is None:
        return []
    # "agreed to lay down their arms under a truce brokered by ..."
    governor = governing_verb(sentence, sentence.tokens[token.head], ("dobj", "nsubjpass"))
    if governor is None:
        return []
    found = [a for i in subject(sentence, governor) for a in resolver.actors(i)]
    return [a for a in found if side(a) not in avoid]


def _inner_targets(
    sentence: Sentence, c: Candidate, resolver: ActorResolver, control: Control, avoid: frozenset[str]
) -> None:
    first = c.target_tokens[0]
    # the event is done to the actor its object is about: "sanctions on Georgia"
    inner = resolver.embedded(first, avoid)
    if not inner and c.code.startswith(control.instruments):  # "massed troops near the border with X"
        inner = resolver.embedded(c.trigger, avoid)
    if inner:
        phrase = sentence.span_text(*resolver.span(first))[0]
        why = f"the actor inside '{phrase}'"
        c.targets = [dataclasses.replace(a, how=f"{a.how}; {why}".lstrip("; ")) for a in inner]
    elif _argument(sentence, c, first) and not _matched_object(sentence, c, first):
        uncoded = resolver.uncoded(first)
        c.targets = [uncoded] if uncoded is not None else []


def _matched_object(sentence: Sentence, c: Candidate, i: int) -> bool:
    """ "imposed sanctions", "called for calm": an object the pattern matched, or the object of a preposition
    the pattern names, is what is done, not whom it is done to (in the passive, "the constitution was
    suspended", it stays the mention of what the act concerns)."""
    token = sentence.tokens[i]
    if token.dep == "pobj":
        return i in c.matched or token.head in c.matched
    return i in c.matched and token.dep == "dobj"


def matched_argument(sentence: Sentence, c: Candidate) -> bool:
    """Whether the act's pattern matched an object of its trigger ("will not end the strike", "called for
    calm"): an act with an argument, though no actor is named in it."""
    trigger = c.trigger
    for k in c.matched:
        token = sentence.tokens[k]
        if token.dep == "dobj" and token.head == trigger:
            return True
        if token.pos == "ADP" and token.head == trigger and sentence.kids(token, "pobj"):
            return True
        if token.dep == "pobj" and sentence.tokens[token.head].head == trigger:
            return True
    return False


def _doers(sentence: Sentence, tokens: list[int], control: Control, patients: frozenset[str]) -> list[int]:
    """The source tokens of a violent act, with an act noun whose "of" object is its victim ("the bombing of a
    mosque killed 20 worshippers") replaced by the act's own doer ("Russia's bombing of ...", "the bombing of
    ... by ...", none when the story does not say): the victim never stands for whoever did it."""
    out: list[int] = []
    for i in tokens:
        token = sentence.tokens[i]
        victim_of = any(p.lower == "of" for p in sentence.kids(token, "prep"))
        if token.pos == "NOUN" and token.lemma in patients and victim_of:
            out.extend(k for k in default_source(sentence, token, "noun", control) if k != i)
        else:
            out.append(i)
    return out


def _called_thing(sentence: Sentence, i: int) -> int:
    """ "what it called Israel's aggression", "what he called a bad decision by the EU": the object of a verb of
    naming that is a free relative (``free_relatives``) stands for the thing it is called; else ``i``."""
    token = sentence.tokens[i]
    if token.lower not in _FREE_RELATIVES or token.dep != "dobj" or token.head == token.i:
        return i
    called = sentence.child(sentence.tokens[token.head], "oprd", "attr", "xcomp")
    return called.i if called is not None and called.pos in ("NOUN", "PROPN") else i


def _is_act(sentence: Sentence, i: int) -> bool:
    """Whether token ``i`` names an act rather than an actor: a gerund or an event noun ("fighting", "the shelling")."""
    token = sentence.tokens[i]
    return token.tag == "VBG" or (token.pos == "NOUN" and token.ent == "")


def _means_source(sentence: Sentence, c: Candidate, control: Control) -> list[int]:
    """ "Four children were killed in Israeli tank shelling": who did it is who owns the means."""
    found: list[int] = []
    for prep in sentence.kids(sentence.tokens[c.trigger], "prep", "agent"):
        if prep.lower in ("in", "by", "during"):
            for obj in sentence.kids(prep, "pobj"):
                if obj.pos == "NOUN":
                    found.extend(default_source(sentence, obj, "noun", control))
    return found


def _argument(sentence: Sentence, c: Candidate, i: int) -> bool:
    """Whether token ``i`` is the event's grammatical object: kept as an uncoded target if no actor."""
    token = sentence.tokens[i]
    if token.pos not in ("NOUN", "PROPN", "NUM") or c.producer != "rule" or token.ent in NOT_ACTORS:
        return False
    if token.dep in ("dobj", "nsubjpass", "dative"):
        return token.head == c.trigger
    return token.dep == "pobj" and sentence.tokens[token.head].head == c.trigger


def _between(sentence: Sentence, c: Candidate) -> bool:
    return bool(between(sentence, sentence.tokens[c.trigger]))
