"""Strict scoring of whole news stories coded by the conventions of a careful coder.

The gold is the story format of the real-news corpus (``corpus/realnews``): every
event of a story with its source and target codes, the code and the other codes a
careful coder would accept, the trigger, the date, the place and whether the event is
background. A coded event is *right* when its source principal, its target principal
and its code agree with one gold event of the same story (each gold event is matched at
most once). Unmatched events are sorted into error classes, so that the next gap to
close is visible: attribution taken for an event, a missing or wrong source or
target, a wrong type, a negated or hypothetical act coded as real, a missed event.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..models import Actor, Event, Location
from .gold import GoldEvent, GoldRecord
from .principal import principal
from .score import Accuracy

if TYPE_CHECKING:
    from ..where.places import Placer

# error classes, in the order reports list them
ERROR_CLASSES = (
    "missed",
    "source missing",
    "source wrong",
    "target missing",
    "target wrong",
    "type wrong",
    "several parts wrong",
    "attribution",
    "negated or hypothetical",
    "no gold event",
)

_SPEECH_ROOT = "01"
_IRREALIS = re.compile(
    r"\b(not|n't|never|no|could|would|might|may|if|unless|whether|should|threatens? to)\b", re.IGNORECASE
)
_CONFIDENCE_BINS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def code_ok(coded: str, gold: GoldEvent) -> bool:
    """The coded CAMEO code is one the gold accepts, at the level of its three-digit base."""
    return any(coded == a or coded[:3] == a[:3] for a in gold.acceptable)


def family_ok(coded: str, gold: GoldEvent) -> bool:
    return any(coded[:2] == a[:2] for a in gold.acceptable)


def actor_principal(actor: Actor | None) -> str | None:
    return principal(actor.code) if actor is not None and actor.code else None


@dataclass
class StoryScores:
    """Strict precision and recall of events, with dates, places, background and error classes."""

    gold_events: int = 0
    coded_events: int = 0
    matched: int = 0
    matched_family: int = 0
    matched_exact: int = 0
    date: Accuracy = field(default_factory=Accuracy)
    place: Accuracy = field(default_factory=Accuracy)
    no_place: Accuracy = field(default_factory=Accuracy)  # gold names no place: right when none is coded
    background: Accuracy = field(default_factory=Accuracy)
    errors: Counter[str] = field(default_factory=Counter)
    reliability: list[Accuracy] = field(default_factory=lambda: [Accuracy() for _ in _CONFIDENCE_BINS[:-1]])
    stories: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.coded_events if self.coded_events else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_events if self.gold_events else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def family_prf(self) -> tuple[float, float, float]:
        p = self.matched_family / self.coded_events if self.coded_events else 0.0
        r = self.matched_family / self.gold_events if self.gold_events else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @staticmethod
    def bins() -> list[tuple[float, float]]:
        return list(itertools.pairwise(_CONFIDENCE_BINS))


def score_stories(records: list[GoldRecord], coded: list[list[Event]]) -> StoryScores:
    scores = StoryScores()
    for record, events in zip(records, coded, strict=True):
        scores.stories += 1
        score_story(scores, record.events, events)
    return scores


def score_story(scores: StoryScores, gold: tuple[GoldEvent, ...], events: list[Event]) -> None:
    scores.gold_events += len(gold)
    scores.coded_events += len(events)
    pairs, free_gold, free_events = match(gold, events, strict=True)
    family_pairs, _, _ = match(gold, events, strict=False)
    scores.matched += len(pairs)
    scores.matched_family += len(family_pairs)
    right = {id(e) for _, e in pairs}
    for g, e in pairs:
        scores.matched_exact += e.cameo in g.acceptable
        _situate(scores, g, e)
    for e in events:
        scores.reliability[_bin(e.confidence)].add(id(e) in right)
    _classify(scores, free_gold, free_events)


def match(
    gold: tuple[GoldEvent, ...] | list[GoldEvent], events: list[Event], strict: bool
) -> tuple[list[tuple[GoldEvent, Event]], list[GoldEvent], list[Event]]:
    """One-to-one pairs of gold and coded events that agree on both principals and the code.

    Among several candidates a gold event takes the one whose trigger and date agree with
    it too, so that the same act reported twice pairs with the right sentence.
    """
    agree = code_ok if strict else family_ok
    free = list(events)
    pairs: list[tuple[GoldEvent, Event]] = []
    unmatched: list[GoldEvent] = []
    for g in gold:
        candidates = [
            e
            for e in free
            if agree(e.cameo, g)
            and actor_principal(e.source) == principal(g.source)
            and actor_principal(e.target) == principal(g.target)
        ]
        if not candidates:
            unmatched.append(g)
            continue
        best = max(candidates, key=lambda e: (_trigger_overlap(e, g), e.date == g.date))
        free.remove(best)
        pairs.append((g, best))
    return pairs, unmatched, free


def _trigger_overlap(event: Event, gold: GoldEvent) -> bool:
    if not gold.trigger:
        return False
    a, b = event.trigger.text.lower(), gold.trigger.lower()
    return bool(a) and (a in b or b in a)


def _situate(scores: StoryScores, gold: GoldEvent, event: Event) -> None:
    if gold.date is not None:
        scores.date.add(date_ok(event, gold))
    if gold.place:
        scores.place.add(place_ok(event, gold))
    else:
        scores.no_place.add(event.location is None)
    scores.background.add((not event.current) == gold.background)


def date_ok(event: Event, gold: GoldEvent) -> bool:
    """The coded date is the gold date, to the precision the gold gives (a day, a month or a year)."""
    if event.date is None or gold.date is None:
        return False
    if gold.date_precision == "year":
        return event.date.year == gold.date.year
    if gold.date_precision == "month":
        return (event.date.year, event.date.month) == (gold.date.year, gold.date.month)
    return event.date == gold.date


def _norm(name: str) -> str:
    name = name.casefold().strip()
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"[^\w]+", " ", name).strip()


def place_ok(event: Event, gold: GoldEvent) -> bool:
    """The coded place is the gold place (ANNOTATION.md §4: the city or site, else the country).

    A gold place that is only a country (the story does not say where in it) is matched by that
    country, not by a town in it: a town is a place the story did not give. A gold town or site is
    matched by the same name, or, as in the places gold (``where/score.py``), by the same GeoNames
    entry or a place within 25 km of it ("Nay Pyi Taw" for "Naypyitaw", "the Kremlin" for "Moscow").
    """
    loc = event.location
    if loc is None or not gold.place:
        return False
    if _norm(gold.place) in (_norm(loc.name), _norm(loc.text)):
        return True
    if gold.place_is_country:
        return loc.feature == "country" and loc.country == gold.place_country
    return _near(loc, gold.place, gold.place_country)


def _near(loc: Location, name: str, country: str | None) -> bool:
    from ..where.gazetteer import distance
    from ..where.score import PLACE_KM, gold_place

    target = gold_place(_placer(), name, country)
    if target is None or loc.lat is None or loc.lon is None:
        return False
    gid, lat, lon = target
    return (gid is not None and gid == loc.geonames_id) or distance(lat, lon, loc.lat, loc.lon) <= PLACE_KM


@functools.cache
def _placer() -> Placer:
    """The shipped gazetteer, loaded once, to look gold place names up."""
    from ..situate import Situator

    return Situator.load().placer


def _bin(confidence: float) -> int:
    for i, (low, high) in enumerate(StoryScores.bins()):
        if low <= confidence < high:
            return i
    return 0


def _classify(scores: StoryScores, gold: list[GoldEvent], events: list[Event]) -> None:
    """Sort what did not match: each missed gold event with its nearest coded event, if any."""
    free = list(events)
    for g in gold:
        near = max(free, key=lambda e: _nearness(e, g), default=None)
        if near is None or _nearness(near, g) < 2:
            scores.errors["missed"] += 1
            continue
        free.remove(near)
        scores.errors[_what_differs(near, g)] += 1
    for e in free:
        scores.errors[_spurious_class(e)] += 1


def _nearness(event: Event, gold: GoldEvent) -> int:
    score = 2 * _trigger_overlap(event, gold) + 2 * family_ok(event.cameo, gold)
    score += actor_principal(event.source) == principal(gold.source)
    score += actor_principal(event.target) == principal(gold.target)
    return score


def _what_differs(event: Event, gold: GoldEvent) -> str:
    wrong = []
    if not code_ok(event.cameo, gold):
        wrong.append("type wrong")
    for role in ("source", "target"):
        got = actor_principal(getattr(event, role))
        if got != principal(getattr(gold, role)):
            wrong.append(f"{role} missing" if got is None else f"{role} wrong")
    if len(wrong) == 1:
        return wrong[0]
    return "several parts wrong" if wrong else "no gold event"


def _spurious_class(event: Event) -> str:
    if event.cameo_root == _SPEECH_ROOT and not event.cameo.startswith("016"):
        return "attribution"
    start = event.trigger.start - event.sentence_start
    clause = event.sentence[max(0, start - 40) : event.trigger.end - event.sentence_start]
    if _IRREALIS.search(clause):
        return "negated or hypothetical"
    return "no gold event"
