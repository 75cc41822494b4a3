"""What actor resolution works with: the state of one article's resolver, and the words it knows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from ..models import Actor
from ..parse import Sentence, Token
from .kb import KnowledgeBase
from .mentions import Hit

# Dependents that belong to a noun phrase's left side (titles, adjectives, possessors).
LEFT = frozenset(
    {"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod", "predet", "case", "npadvmod", "punct", "nn"}
)
# Dependents left out of an actor's span.
SPAN_EXCLUDE = frozenset({"relcl", "conj", "cc", "preconj", "advcl", "parataxis", "ccomp"})
LOCATIVE = frozenset(
    {
        "in",
        "at",
        "to",
        "from",
        "near",
        "into",
        "outside",
        "inside",
        "across",
        "toward",
        "towards",
        "around",
        "throughout",
        "within",
        "via",
        "through",
        "onto",
    }
)
# Prepositions through which a noun phrase that is no actor reaches the actor it is about
# ("sanctions on Georgia"); time words ("after", "since") are left out.
EMBED_PREPOSITIONS = frozenset(
    {
        "of",
        "on",
        "against",
        "with",
        "to",
        "for",
        "from",
        "in",
        "into",
        "over",
        "by",
        "toward",
        "towards",
        "at",
        "near",
        "along",
        "across",
        "between",
        "among",
        "about",
        "inside",
        "within",
        "around",
    }
)
EMBED_DEPTH = 4
# Prepositions that name where something is ("talks in Washington"): a town there is a venue,
# not an actor; a state there ("the conflict in Sudan") still is.
EMBED_VENUES = frozenset({"in", "at", "near", "around", "inside", "within", "throughout", "outside", "across"})
# Prepositions that never continue a name: "met Trump in Washington on Tuesday".
NAME_ENDS = frozenset({"in", "at", "on", "during", "near", "after", "before", "since", "until"})
HE = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
IT = frozenset({"it", "its", "itself"})
THEY = frozenset({"they", "them", "their", "theirs", "themselves"})
PLACE_ENTS = frozenset({"GPE", "FAC"})
QUANTITIES = frozenset(
    {
        "number",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "score",
        "scores",
        "group",
        "handful",
        "couple",
        "majority",
        "some",
        "many",
        "several",
        "most",
        "all",
        "each",
        "both",
    }
)
# Nouns for a single person: a pronoun "he" or "she" may refer back to them ("Hungary's foreign
# minister said he ...").
PERSON_NOUNS = frozenset(
    {
        "minister",
        "president",
        "premier",
        "chancellor",
        "leader",
        "king",
        "queen",
        "emir",
        "prince",
        "princess",
        "sultan",
        "sheikh",
        "monarch",
        "emperor",
        "pope",
        "ayatollah",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "secretary",
        "envoy",
        "ambassador",
        "diplomat",
        "general",
        "commander",
        "chief",
        "governor",
        "mayor",
        "senator",
        "lawmaker",
        "congressman",
        "congresswoman",
        "official",
        "adviser",
        "advisor",
        "negotiator",
        "judge",
        "prosecutor",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "head",
        "dictator",
        "cleric",
        "activist",
        "journalist",
        "reporter",
        "man",
        "woman",
        "deputy",
        "speaker",
        "councillor",
        "councilor",
        "mp",
        "candidate",
        "rebel",
        "militant",
        "bomber",
        "gunman",
        "soldier",
    }
)
PAIR_NOUNS = frozenset(
    {
        "man",
        "woman",
        "leader",
        "minister",
        "official",
        "president",
        "diplomat",
        "side",
        "country",
        "nation",
        "government",
        "party",
        "both",
        "state",
        "neighbour",
        "neighbor",
        "ally",
        "capital",
    }
)
MAX_SECTORS = 2


class PlaceLookup(Protocol):
    """What actor resolution asks of the gazetteer: the country of a place name."""

    def country_of(self, name: str, context: frozenset[str]) -> str | None: ...


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
