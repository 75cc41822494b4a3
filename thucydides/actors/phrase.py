"""The passes of actor resolution: what a noun phrase says about the actor it stands for.

A noun phrase is read by an ordered list of small named passes, each filling in
the :class:`Parts` of the phrase: ``head`` (the name, title or place it is
headed by), ``anaphor`` ("the alliance", "the minister"), ``possessors``
("Japan's frigate"), ``modifiers`` ("Chinese warplanes", "defence minister"),
``dependents`` ("the president of Russia", an apposition) and ``context`` (a bare
sector takes the country where the sentence happens). Each pass that changes
the parts adds its name to them, and the coded actor keeps the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from .. import registry
from ..lang import ENGLISH
from ..parse import Token
from .context import fill_from_context, fronted_place_country, place, province
from .discourse import Discourse, named_earlier
from .heads import apply_head, apply_modifier, borrow, counterpart_sector, from_dependents
from .mentions import Hit
from .state import COUNTERPARTS, PLACE_ENTS, STATE_SECTORS, Parts, Reader


@dataclass
class Phrase:
    """The noun phrase headed by ``token`` being read, and what the passes have used of it."""

    r: Reader
    d: Discourse
    token: Token
    place: bool
    np: set[int]
    used: set[int]
    head_hit: Hit | None
    whole: bool  # False when the phrase is read only to lend its country to another ("of Russia")

    def actor_head(self, parts: Parts) -> bool:
        """Whether the head is an actor of its own; a common noun that is none ("cooperation",
        "warplanes") takes only a country from its modifiers, never a sector ("military cooperation")."""
        return self.head_hit is not None or self.token.pos == "PROPN" or parts.is_person


class ActorPass(Protocol):
    name: str

    def apply(self, phrase: Phrase, parts: Parts) -> None: ...


_UNSURE = frozenset({"", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"})  # name kinds the parser gives a surname


class Head:
    name = "head"

    def apply(self, phrase: Phrase, parts: Parts) -> None:
        r, d, token, hit = phrase.r, phrase.d, phrase.token, phrase.head_hit
        if hit is not None:
            apply_head(r, d, hit, token, parts, phrase.place)
            phrase.used.update(range(hit.lo, hit.hi + 1))
        elif token.pos == "PROPN" and (token.ent == "PERSON" or (token.ent in _UNSURE and named_earlier(d, r, token))):
            # "Castillo" after "President Pedro Castillo", whatever kind of name the parser takes it for
            d.unknown_person(r, token, parts)
        elif token.ent in PLACE_ENTS and token.pos == "PROPN":
            place(r, token, parts)


class Anaphor:
    name = "anaphor"

    def apply(self, phrase: Phrase, parts: Parts) -> None:
        if phrase.head_hit is None or "agent" in phrase.head_hit.kinds():
            phrase.d.anaphor(phrase.r, phrase.token, parts)
            here = fronted_place_country(phrase.r, phrase.token) if parts.country else None
            if here is not None and here != parts.country and not parts.person:
                # "In Caracas, the government ...": the place the clause opens with says whose government
                parts.country, parts.name = here, phrase.r.kb.describe(here)
                parts.how.append(f"the clause happens in {parts.name}")


class Possessors:
    name = "possessors"

    def apply(self, phrase: Phrase, parts: Parts) -> None:
        sentence = phrase.r.sentence
        assert sentence is not None
        possessors = [k for k in phrase.np if sentence.tokens[k].dep == "poss"]
        own_nationality = bool(possessors) and any(
            sentence.tokens[k].dep in ("amod", "compound")
            and (hit := phrase.r.hit_at.get(k)) is not None
            and "adjective" in hit.kinds()
            for k in phrase.np
        )
        for k in possessors:
            # "his Togolese counterpart": the phrase's own nationality, not its possessor's, says whose it is
            if own_nationality and phrase.token.lemma in COUNTERPARTS:
                counterpart_sector(phrase.r, phrase.d, sentence.tokens[k], parts)
            elif not (parts.country or parts.org or parts.person or own_nationality):
                borrow(phrase.r, phrase.d, sentence.tokens[k], parts, f"possessor '{sentence.tokens[k].text}'")
            lo, hi = sentence.subtree(sentence.tokens[k])
            phrase.used.update(range(lo, hi + 1))


class Modifiers:
    name = "modifiers"

    def apply(self, phrase: Phrase, parts: Parts) -> None:
        sentence = phrase.r.sentence
        assert sentence is not None
        actor_head = phrase.actor_head(parts)
        for k in sorted(phrase.np):
            hit = phrase.r.hit_at.get(k)
            if hit is None or k in phrase.used:
                continue
            phrase.used.update(range(hit.lo, hit.hi + 1))
            if not actor_head and "agent" in hit.kinds() and len(hit.kinds()) == 1:
                continue
            apply_modifier(phrase.r, phrase.d, hit, sentence.tokens[k], parts)
        if actor_head and not (parts.country or parts.org):
            # "Texas Governor Greg Abbott", "Ontario Premier Doug Ford": a town or province names the country
            for k in sorted(phrase.np):
                token = sentence.tokens[k]
                if token.dep == "compound" and token.ent == "GPE" and k not in phrase.r.hit_at and k not in phrase.used:
                    place(phrase.r, token, parts)
                    if parts.country:
                        break
        agent = phrase.head_hit is not None and "agent" in phrase.head_hit.kinds()
        if agent and set(parts.sectors) & STATE_SECTORS and not (parts.country or parts.org or parts.person):
            # "the Tigray regional government", "Khyber Pakhtunkhwa police", "Punjab's chief minister": a
            # province names the country of an office or a force, whatever the entity recogniser made of it
            # (never of a name: "The New York Times" is no American state's)
            tokens = sentence.tokens
            province(phrase.r, {k for k in phrase.np if k not in phrase.used or tokens[k].dep == "poss"}, parts)


class Dependents:
    name = "dependents"

    def apply(self, phrase: Phrase, parts: Parts) -> None:
        if phrase.actor_head(parts) and not (parts.country or parts.org) and not parts.person:
            from_dependents(phrase.r, phrase.d, phrase.token, parts)


_STATELESS = ENGLISH.words("stateless_sectors")
_REGIONAL = ENGLISH.words("region_adjectives")


class Context:
    """A bare sector ("police") or a person nobody introduced: the country where it happens."""

    name = "context"

    def apply(self, phrase: Phrase, parts: Parts) -> None:
        if not phrase.whole or (parts.empty and not parts.is_person):
            return
        if parts.sectors and set(parts.sectors) <= _STATELESS:
            return  # "the gunmen", "armed men": no words about them give a country (ANNOTATION.md §2)
        tokens = phrase.r.sentence.tokens if phrase.r.sentence is not None else []
        if any(tokens[k].lower in _REGIONAL and tokens[k].dep in ("amod", "compound") for k in phrase.np):
            return  # "West African leaders", "European diplomats": the words about them name a region, no state
        if not parts.country and not parts.org and (not parts.person or parts.is_person):
            fill_from_context(phrase.r, phrase.token, parts)


ACTOR_PASSES: dict[str, ActorPass] = {
    p.name: p for p in (Head(), Anaphor(), Possessors(), Modifiers(), Dependents(), Context())
}
for _pass in ACTOR_PASSES.values():
    registry.register("actor_passes", _pass.name, type(_pass))

DEFAULT_ACTOR_PASSES = ("head", "anaphor", "possessors", "modifiers", "dependents", "context")


def actor_passes(names: Sequence[str]) -> list[ActorPass]:
    """The passes called ``names``, each made by the factory the registry holds (category ``actor_passes``)."""
    made: list[ActorPass] = [registry.get("actor_passes", name)() for name in names]
    return made


def _state(parts: Parts) -> tuple[object, ...]:
    return (parts.country, parts.org, parts.person, tuple(parts.sectors), len(parts.how), parts.name, parts.is_person)


def read_phrase(passes: Sequence[ActorPass], phrase: Phrase) -> Parts:
    """The parts of ``phrase`` after every pass in order, naming the passes that changed them."""
    parts = Parts()
    for step in passes:
        before = _state(parts)
        step.apply(phrase, parts)
        if _state(parts) != before:
            parts.passes.append(step.name)
    return parts
