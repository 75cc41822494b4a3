"""Place names that are no run of proper nouns: "the Japanese capital", "in the city" (the story's
last town), "Estonian airspace" (the country). Functions of a :class:`~thucydides.where.places.Placer`,
kept apart so that the placer stays small."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..actors.resolve import ActorResolver
from ..parse import Sentence
from .gazetteer import Place, Story, norm

if TYPE_CHECKING:
    from .places import Placer


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    lo: int
    hi: int
    key: str
    places: tuple[Place, ...]
    hint: str = ""
    qualifier: tuple[Place, ...] = ()
    capital: bool = False
    end: int = -1
    definite: bool = False  # "in the capital", "in the city": a place the story named before


def capital_spans(self: Placer, sentence: Sentence, resolver: ActorResolver) -> list[PlaceSpan]:
    """ "the Japanese capital", "Ukraine's capital": the capital city of the country named."""
    found: list[PlaceSpan] = []
    for t in sentence.tokens:
        if t.lemma != "capital" or t.pos != "NOUN":
            continue
        for child in sentence.kids(t, "amod", "compound", "poss", "nmod"):
            hit = resolver.hit_at.get(child.i)
            code = next((e.ref for e in hit.entries if e.kind in ("country", "adjective")), None) if hit else None
            iso2 = self.iso2.get(code or "")
            name = self.capitals.get(code or "")
            if iso2 and name:
                places = tuple(p for p in self.gaz.lookup(name) if p.iso2 == iso2 and p.feature == "city")
                if places:
                    found.append(PlaceSpan(t.i, t.i, norm(name), places[:1], "city", capital=True))
    return found


def definite_spans(self: Placer, sentence: Sentence, story: Story) -> list[PlaceSpan]:
    """ "in the capital", "in the city", "in the province": the capital of the country of the story's
    dateline (else of the country it is most about), the last town or division it placed an event in
    (words: ``definite_places``)."""
    found: list[PlaceSpan] = []
    for t in sentence.tokens:
        kind = self.words.definite_places.get(t.lower)
        if kind is None or t.pos != "NOUN" or t.dep != "pobj":
            continue
        kids = [sentence.tokens[k] for k in t.children]
        if [k.lower for k in kids if k.dep == "det"] != ["the"] or any(k.dep not in ("det", "punct") for k in kids):
            continue
        place = _story_place(self, kind, story)
        if place is not None:
            found.append(PlaceSpan(t.i, t.i, norm(t.text), (place,), definite=True))
    return found


def _story_place(self: Placer, kind: str, story: Story) -> Place | None:
    if kind in story.last:
        return self.gaz.place(story.last[kind])
    if kind != "capital":
        return None
    scene = self.iso2.get(story.scene.country or "") if story.scene is not None else None
    iso2 = scene or (story.countries.most_common(1)[0][0] if story.countries else None)
    if iso2 is None:
        return None
    name = self.capitals.get(self.codes.get(iso2, ""))
    towns = [p for p in self.gaz.lookup(name) if p.iso2 == iso2 and p.feature == "city"] if name else []
    return towns[0] if towns else None


def territory_spans(self: Placer, sentence: Sentence, resolver: ActorResolver) -> list[PlaceSpan]:
    """ "entered Gambian territory", "Estonian airspace": the country whose land, sea or air it is."""
    found: list[PlaceSpan] = []
    for t in sentence.tokens:
        if t.lower not in self.words.territory_words or t.pos != "NOUN":
            continue
        for child in sentence.kids(t, "amod", "compound", "poss"):
            hit = resolver.hit_at.get(child.i)
            code = next((e.ref for e in hit.entries if e.kind in ("country", "adjective")), None) if hit else None
            country = self.gaz.country(self.iso2.get(code or "", ""))
            if country is not None:
                lo, hi = min(child.i, t.i), max(child.i, t.i)
                found.append(PlaceSpan(lo, hi, norm(t.text), (country,)))
    return found
