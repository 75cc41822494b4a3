"""The place of an event that its sentence does not place (docs/places.md, "Events with no place named").

A careful coder (ANNOTATION.md §4) gives the city or site where the event happened, else the country, and
none when the story does not say. For an event whose own sentence names no place:

- a measure that covers a country (a curfew, a state of emergency, an act "across the country") is
  placed in the country of the actor who took it;
- an act of protest, force or coercion of the story's days happened where the story's last such act
  that its own sentence placed happened, when that place is in the country of one of its actors (the
  incident the story tells: "Gunmen attacked a bus near Garissa. ... Soldiers killed two of the
  attackers": Garissa), as such acts take its day;
- failing that, an act of protest, force or coercion between actors of one country (a coup, a crackdown, a
  kidnapping by the country's rebels) happened in that country: at the dateline's town when the story
  was filed from there, else in the country at country level;
- any other act of the story's days happened at the dateline's town, except a statement by an actor from
  another country: the dateline does not say where that was said ("the United States condemned the
  attack" in a story filed from Kabul).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..models import Actor, Event, Location
from ..parse import Sentence
from ..when import When, is_background, trigger_tokens
from .mentions import Words
from .places import Placer

_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "csubj"})


class Unplaced:
    """Places the events a sentence left without a place, from the dateline and the actors' country."""

    def __init__(self, placer: Placer, words: Words) -> None:
        self.placer = placer
        self.words = words
        phrases = sorted(words.national_words, key=len, reverse=True)
        self._national = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)

    def place(
        self,
        event: Event,
        scene: Location | None,
        published: dt.date | None,
        sentence: Sentence | None = None,
        incident: Location | None = None,
    ) -> Event:
        """The event with the place that the story, though not its sentence, gives it."""
        if event.location is not None:
            return event
        location = self.where(event, scene, published, sentence, incident)
        return replace(event, location=location) if location is not None else event

    def where(
        self,
        event: Event,
        scene: Location | None,
        published: dt.date | None,
        sentence: Sentence | None = None,
        incident: Location | None = None,
    ) -> Location | None:
        own = _country(event.source)
        if own is not None and self.national(event, sentence):
            return self.country(own)
        statement = event.cameo.startswith(self.words.statement_codes)
        domestic = event.cameo.startswith(self.words.domestic_codes)
        recent = _recent(event, published)
        if domestic and recent and incident is not None and self._near(event, incident):
            return incident
        home = own if own is not None and own == _country(event.target) and domestic else None
        if home is not None:
            if scene is not None and recent and scene.country == home:
                return scene
            return self.country(home)
        if scene is None or not recent or (statement and own != scene.country):
            return None
        countries = {c for c in (own, _country(event.target)) if c}
        known = event.target is None or _country(event.target) is not None  # a group's strikes: anywhere
        if domestic and known and countries and scene.country not in countries:
            return None  # "SEOUL - North Korea carried out a nuclear test": an act of force is where its actors are
        return scene

    def incident(self, event: Event, when: When | None, published: dt.date | None) -> bool:
        """Whether an act placed by its sentence is the scene of the acts of force told after it: an act of
        force of the story's days."""
        return event.cameo.startswith(self.words.domestic_codes) and not is_background(when, published)

    @staticmethod
    def _near(event: Event, incident: Location) -> bool:
        """Whether the incident can be the event's: in the country of one of its actors, when they have one
        (a missile test by North Korea is not at the scene of a Russian incident)."""
        countries = {c for c in (_country(event.source), _country(event.target)) if c}
        return not countries or incident.country in countries

    def national(self, event: Event, sentence: Sentence | None) -> bool:
        """A measure that covers the country: a curfew, a state of emergency, an act "across the country"
        (the words attached to the event, not to another act of its sentence: "suspended the constitution
        and imposed a nationwide curfew" suspended the constitution in the capital)."""
        if event.cameo.startswith(self.words.national_codes):
            return True
        if sentence is None:
            return False
        trigger = set(trigger_tokens(sentence, event.trigger.start, event.trigger.end))
        starts = {t.start: t.i for t in sentence.tokens}
        for found in self._national.finditer(sentence.text):
            anchor = starts.get(sentence.start + found.start())
            if anchor is not None and _attached(sentence, anchor, trigger):
                return True
        return False

    def country(self, code: str) -> Location | None:
        """The country of an actor code as a place at country level."""
        iso2 = self.placer.iso2.get(code) or self.placer.gaz.iso2_of(code)
        place = self.placer.gaz.country(iso2) if iso2 else None
        return self.placer.location(place) if place is not None else None


def _attached(sentence: Sentence, i: int, trigger: set[int]) -> bool:
    """Whether token ``i`` hangs from the trigger within its clause (not through another verb's clause)."""
    tokens = sentence.tokens
    for _ in range(6):
        if i in trigger:
            return True
        t = tokens[i]
        if t.head == i or t.dep in _CLAUSES:
            return False
        i = t.head
    return False


def _country(actor: Actor | None) -> str | None:
    return actor.country if actor is not None and actor.country else None


def _recent(event: Event, published: dt.date | None) -> bool:
    """Whether the event's date lies within the story's days (not a period that ended well before it)."""
    if event.date is None:
        return True
    return not is_background(When(event.date, event.date_precision), published)
