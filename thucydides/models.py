"""The typed objects that pass between the stages of the pipeline.

Every stage takes one of these and returns one of these; none of them carries
codes glued into strings. All are frozen: a stage that refines an object
returns a new one (``dataclasses.replace``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from its source, before any processing.

    ``text`` is the article text as read (after HTML extraction); every offset
    in the output points into it. ``origin`` names where it came from
    (``file.jsonl:12``) so that messages and provenance can point back to it.
    """

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be read as an article, with the error that says why."""

    origin: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: character offsets and the text between them."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: a state, an organisation or a sector of one, as mentioned in the text.

    ``code`` is the full CAMEO-style code (``JPNGOVMIL``); ``country`` is ISO 3166-1
    alpha-3 for states; ``group`` is the known-group code for organisations
    (``NAT`` for NATO). ``start``/``end`` are offsets of the mention in the article.
    ``how`` says which rule or dictionary entry produced the code.
    """

    code: str
    country: str | None
    group: str | None
    sector: tuple[str, ...]
    name: str | None
    text: str
    start: int
    end: int
    how: str = ""
    entity_id: str | None = None
    passes: tuple[str, ...] = field(default=(), compare=False)  # the actor passes that coded it, in order

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "country": self.country,
            "group": self.group,
            "sector": list(self.sector),
            "name": self.name,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Location:
    """A resolved place, from the offline gazetteer."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    adm1: str | None = None
    geonames_id: int | None = None
    feature: str = "city"  # country | adm1 | city | site
    fips: str | None = None
    full_name: str = ""  # "Wiesbaden, Hesse, Germany"
    text: str = ""
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True, slots=True)
class Plover:
    """The PLOVER 2.0 coding of an event: type, mode and contexts."""

    event: str
    mode: str | None = None
    context: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "mode": self.mode, "context": list(self.context)}


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why an event was coded the way it was: the rule or model, and the evidence."""

    producer: str  # "rule" or "model"
    rule: str  # the lexicon entry or model name
    reason: str
    modifiers: tuple[str, ...] = ()
    # The named passes that made or changed the event, in order: provenance, not part of what the event
    # is, so it is left out of comparisons (the store and Parquet files do not keep it yet).
    passes: tuple[str, ...] = field(default=(), compare=False)
    # which layer produced each part: (("code", "both"), ("source", "rules"), ("target", "model")); empty: rules
    parts: tuple[tuple[str, str], ...] = ()
    probability: float | None = None  # the learned layer's probability of the event's class
    factuality: str | None = None  # asserted, negated, hypothetical, claimed or background, as the model sees it

    def to_dict(self) -> dict[str, Any]:
        return {
            "producer": self.producer,
            "rule": self.rule,
            "reason": self.reason,
            "modifiers": list(self.modifiers),
            "passes": list(self.passes),
            **self.coder(),
        }

    def coder(self) -> dict[str, Any]:
        """Which layer produced the code, source and target, with the model's probability and factuality."""
        parts = dict(self.parts) or {p: ("model" if self.producer == "model" else "rules") for p in _PARTS}
        return {
            "coder": {p: parts.get(p, "rules") for p in _PARTS},
            "probability": self.probability,
            "factuality": self.factuality,
        }


_PARTS = ("code", "source", "target")


def event_id(article_id: str, sentence_index: int, trigger_start: int, code: str, source: str, target: str) -> str:
    """A stable id of an event: the same article, sentence, trigger, code and actors give the same id."""
    key = f"{article_id}\x1f{sentence_index}\x1f{trigger_start}\x1f{code}\x1f{source}\x1f{target}"
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when and where, with its evidence."""

    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    date: dt.date | None
    source: Actor | None
    target: Actor | None
    cameo: str
    quad_class: int
    goldstein: float
    plover: Plover
    trigger: Span
    confidence: float
    explanation: Explanation
    location: Location | None = None
    date_precision: str = "day"
    current: bool = True

    @property
    def cameo_base(self) -> str:
        return self.cameo[:3]

    @property
    def cameo_root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True, slots=True)
class Refused:
    """An event the coder found and did not emit, and why (``--explain`` lists it)."""

    event: Event
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"cameo": self.event.cameo, "trigger": self.event.trigger.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """An article with the events coded from it, and those the coder found but did not emit (with why)."""

    article: Article
    events: tuple[Event, ...] = field(default_factory=tuple)
    sentences: int = 0
    refused: tuple[Refused, ...] = field(default_factory=tuple)
    # every event the admission stage weighed (emitted or refused there), in the order the coder found them
    found: tuple[Event, ...] = field(default_factory=tuple, compare=False)
