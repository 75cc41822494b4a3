"""Passes about event nouns that are arguments of other events.

``weapons``: "a car bomb killed five": the weapon noun's code (1832) is the killing's code.
``argument-nouns``: an event noun that is what another event is about ("criticised the
cooperation between China and Russia") is coded only when its own actor is explicit.
"""

from __future__ import annotations

from ...actors.spans import traveller_of
from ...doc import Doc
from ...parse import Sentence
from ..candidates import Candidate
from ..control import Control
from ..grammar import VIOLENT_ROOTS, blamed_on
from ..lexicon import Lexicon

_AIMED = ("on", "upon", "against", "at")  # "the attack on the base": whom it was on; "fighting between": its sides


class Weapons:
    name = "weapons"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        pass

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        found = {c.trigger: c for c in candidates}
        for i in list(found):
            c = found.get(i)
            if c is None or c.code[:2] not in VIOLENT_ROOTS:
                continue
            weapon = _weapon_of(sentence, c, found)
            if weapon is None:
                continue
            c.code = weapon.code
            c.reason = f"{weapon.reason}, which {c.reason.split(' matches')[0]}"
            # whoever used the weapon; else the subject itself, if it is someone ("a suicide bomber killed"),
            # never when what the subject names is whom the attack was on ("the attack on the Indian army
            # base killed 19 soldiers" says nothing of who attacked)
            aimed = any(sentence.tokens[sentence.tokens[k].head].lower in _AIMED for k in weapon.target_tokens)
            c.source_tokens = weapon.source_tokens or ([] if aimed else c.source_tokens)
            del found[weapon.trigger]
        return list(found.values())


def _weapon_of(sentence: Sentence, c: Candidate, found: dict[int, Candidate]) -> Candidate | None:
    """The attack noun behind a killing: its subject ("a car bomb killed"), or, for a killing with
    no source, the phrase it happened in ("were killed in Israeli tank shelling")."""
    places = list(c.source_tokens) if len(c.source_tokens) == 1 else []
    if not c.source_tokens:
        token = sentence.tokens[c.trigger]
        for prep in sentence.kids(token, "prep", "agent"):
            if prep.lower in ("in", "by", "during", "from"):
                places.extend(o.i for o in sentence.kids(prep, "pobj"))
    for k in places:
        weapon = found.get(k)
        if weapon is not None and weapon.code[:2] in VIOLENT_ROOTS and weapon.trigger != c.trigger:
            return weapon
    return None


class ArgumentNouns:
    name = "argument-nouns"

    def __init__(self, lexicon: Lexicon, control: Control) -> None:
        pass

    def apply(self, doc: Doc, sentence: Sentence, candidates: list[Candidate]) -> list[Candidate]:
        arguments = {k for c in candidates for k in (*c.target_tokens, *c.source_tokens)}
        kept: list[Candidate] = []
        for c in candidates:
            token = sentence.tokens[c.trigger]
            if c.trigger in arguments and token.pos in ("NOUN", "PROPN"):
                own = {k for k in token.children if sentence.tokens[k].dep in ("poss", "compound", "amod", "nmod")}
                traveller = traveller_of(sentence, token)  # "praised the visit of the US defence secretary"
                own |= {traveller.i} if traveller is not None else set()
                blamed = blamed_on(sentence, token)  # "blamed the bombing on Islamic State"
                own |= {blamed.i} if blamed is not None else set()
                if not (set(c.source_tokens) & own):
                    continue
            kept.append(c)
        return kept
