"""What actor resolution works with: the state of one article's resolver, and the words it knows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from ..lang import ENGLISH
from ..models import Actor
from ..parse import Sentence, Token
from ..resources import data_path, load_yaml
from .kb import KnowledgeBase
from .mentions import Hit

# Dependents that belong to a noun phrase's left side (titles, adjectives, possessors).
LEFT = ENGLISH.labels("noun_phrase_left")
# Dependents left out of an actor's span.
SPAN_EXCLUDE = ENGLISH.labels("span_exclude")
MEMBERSHIP_PREPOSITIONS = ENGLISH.words("membership_prepositions")  # "gunmen from the Islamic State"
MEMBERSHIP_VERBS = ENGLISH.words("membership_verbs")  # "militants belonging to Boko Haram"
LOCATIVE = ENGLISH.words("locative_prepositions")
# Prepositions through which a noun phrase that is no actor reaches the actor it is about
# ("sanctions on Georgia"); time words ("after", "since") are left out.
EMBED_PREPOSITIONS = ENGLISH.words("embedding_prepositions")
EMBED_DEPTH = 4
# Prepositions that name where something is ("talks in Washington"): a town there is a venue,
# not an actor; a state there ("the conflict in Sudan") still is.
EMBED_VENUES = ENGLISH.words("venue_prepositions")
# Prepositions that never continue a name: "met Trump in Washington on Tuesday".
NAME_ENDS = ENGLISH.words("name_ending_prepositions")
HE = ENGLISH.words("personal_pronouns")
IT = ENGLISH.words("neuter_pronouns")
THEY = ENGLISH.words("plural_pronouns")
COUNTERPARTS = ENGLISH.words("counterpart_nouns")
MEMBER_PREPOSITIONS = ENGLISH.words("member_prepositions")
AMONG = ENGLISH.words("members_among_prepositions")
OBJECT_PRONOUNS = frozenset(w for w in HE | IT | THEY if not w.endswith(("self", "selves")))
PLACE_ENTS = ENGLISH.labels("place_entities")
QUANTITIES = ENGLISH.words("quantity_nouns")
# Nouns for a single person: a pronoun "he" or "she" may refer back to them ("Hungary's foreign
# minister said he ...").
PERSON_NOUNS = ENGLISH.words("person_nouns")
PAIR_NOUNS = ENGLISH.words("pair_nouns")
# "the country", "the Nordic country", "the Gulf state": the country the story named before
COUNTRY_NOUNS = ENGLISH.words("country_nouns")
DESCRIBED_COUNTRY_NOUNS = ENGLISH.words("described_country_nouns")
# "both sides", "the three countries", "all parties": how many actors a group noun stands for
NUMBER_WORDS = ENGLISH.word_list("number_words")
BOTH = ENGLISH.words("both_words")
EACH = ENGLISH.words("each_words")
ALL = ENGLISH.words("all_words")
SIDE_NOUNS = ENGLISH.words("side_nouns")
MAX_SECTORS = 2
# Sectors that act for a state; a country's rebels, opposition or civilians are another side of it.
STATE_SECTORS = frozenset(load_yaml(data_path("actors", "sides.yaml"))["state_sectors"])


class PlaceLookup(Protocol):
    """What actor resolution asks of the gazetteer: the country of a place name, or of a province's."""

    def country_of(self, name: str, context: frozenset[str]) -> str | None: ...

    def province_of(self, name: str, context: frozenset[str]) -> str | None: ...


@dataclass
class Parts:
    """What has been learned about one noun phrase so far."""

    country: str | None = None
    org: str | None = None
    person: str | None = None
    sectors: list[str] = field(default_factory=list)
    how: list[str] = field(default_factory=list)
    name: str | None = None
    agent_terms: list[str] = field(default_factory=list)
    is_person: bool = False
    surname: str | None = None
    passes: list[str] = field(default_factory=list)  # the named passes that filled these in

    def add_sectors(self, sectors: tuple[str, ...] | list[str]) -> None:
        for s in sectors:
            if s not in self.sectors:
                self.sectors.append(s)

    @property
    def empty(self) -> bool:
        return not (self.country or self.org or self.sectors)


@dataclass
class Memory:
    """An actor mentioned earlier in the article, for pronouns and short references."""

    actor: Actor
    is_person: bool
    surname: str | None
    agent_terms: tuple[str, ...]
    plural: bool
    person: str | None
    words: frozenset[str] = frozenset()
    name_words: frozenset[str] = frozenset()  # the words of a person's name as mentioned ("wang", "yi")

    @property
    def many(self) -> bool:
        """Several people ("35 Russian diplomats"): a plural noun that names no one person; never "he"."""
        return self.plural and self.person is None


class Reader(Protocol):
    """What the parts of actor resolution (discourse, context, noun-phrase passes) ask of the
    resolver reading the current sentence; :class:`~thucydides.actors.resolve.ActorResolver` is one."""

    kb: KnowledgeBase
    date: dt.date | None
    places: PlaceLookup | None
    sentence: Sentence | None
    hits: list[Hit]
    hit_at: dict[int, Hit]
    cache: dict[tuple[int, bool], Actor | None]
    depth: int

    @property
    def countries_seen(self) -> dict[str, int]: ...

    def left_tokens(self, token: Token) -> set[int]: ...

    def actor(self, i: int, place: bool = False, inner: bool = True) -> Actor | None: ...

    def conjuncts(self, i: int) -> list[int]: ...

    def compose(self, i: int, place: bool, whole: bool = False) -> Parts: ...


def entity(actor: Actor) -> str:
    """What an actor is at country level: its organisation's group, its state, or its code."""
    return actor.group or actor.country or actor.code


def group_size(noun: Token, modifiers: list[Token]) -> int:
    """How many earlier actors a group noun refers to: "both sides", "each side" and "the two men" 2, "the three
    countries" 3; "all sides" (of a dispute) 2; 0 when it names no number of them ("countries")."""
    if noun.lower in BOTH or noun.lower in EACH:
        return 2
    for mod in modifiers:
        if mod.lower in BOTH or (mod.lower in EACH and noun.lemma in SIDE_NOUNS):
            return 2
        if mod.lower in NUMBER_WORDS:
            return NUMBER_WORDS.index(mod.lower)
        if mod.lower.isdigit() and mod.dep == "nummod":
            return int(mod.lower)
        if mod.lower in ALL and noun.lemma in SIDE_NOUNS:
            return 2
    return 0


def side(actor: Actor) -> str:
    """An actor's side at country level: its entity, and whether it acts for that state or against it
    ("AFG/state" for the Afghan government, army or Afghanistan; "AFG/other" for Afghan rebels).

    Actor resolution passes over the event's source by side, so a domestic dispute keeps both parties."""
    acts_for_state = not actor.sector or actor.sector[0] in STATE_SECTORS
    return f"{entity(actor)}/{'state' if acts_for_state else 'other'}"
