"""Hand-made events and articles for store and analysis tests (no coding, so tests run in milliseconds)."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from thucydides.models import Actor, Article, CodedArticle, Event, Explanation, Location, Plover, Span

QUADS = {"010": 1, "036": 1, "042": 1, "057": 1, "061": 2, "071": 2, "111": 3, "130": 3, "173": 4, "190": 4}
GOLDSTEIN = {
    "010": 0.0,
    "036": 4.0,
    "042": 1.9,
    "057": 8.0,
    "061": 6.4,
    "071": 7.4,
    "111": -2.0,
    "130": -4.4,
    "173": -5.0,
    "190": -10.0,
}
_IDS = itertools.count()
ORGS = {"NAT": "IGOWSTNAT", "UNO": "IGOUNO", "EUR": "IGOEUR"}


def actor(code: str, start: int = 0) -> Actor:
    """A state (``JPN``, ``JPNGOV``) or, for a known-group code (``NAT``), the organisation."""
    if code in ORGS:
        return Actor(ORGS[code], None, code, (), code, code, start, start + len(code))
    sector = tuple(code[i : i + 3] for i in range(3, len(code), 3))
    return Actor(code, code[:3], None, sector, code[:3], code, start, start + len(code))


def event(
    source: str | None,
    target: str | None,
    cameo: str = "036",
    day: str = "2025-06-03",
    place: str | None = None,
    sentence_index: int = 0,
    current: bool = True,
) -> Event:
    n = next(_IDS)
    location = None if place is None else Location(place, "JPN", 35.69, 139.69, geonames_id=hash(place) % 10**6)
    return Event(
        event_id=f"{n:016x}",
        article_id="a",
        sentence_index=sentence_index,
        sentence=f"{source} did {cameo} to {target}.",
        sentence_start=0,
        date=dt.date.fromisoformat(day),
        source=None if source is None else actor(source),
        target=None if target is None else actor(target, 10),
        cameo=cameo,
        quad_class=QUADS[cameo],
        goldstein=GOLDSTEIN[cameo],
        plover=Plover("AGREE" if QUADS[cameo] < 3 else "ACCUSE", None, ("diplomatic",)),
        trigger=Span("did", 4, 7),
        confidence=0.8,
        explanation=Explanation("rule", "test", "hand-made"),
        location=location,
        current=current,
    )


def coded(text: str, *events: Event, source: str | None = "Reuters", url: str | None = None) -> CodedArticle:
    """An article with ``text`` (its identity in the store) and ``events``."""
    article = Article(id=text[:20], text=text, date=None, url=url, source=source)
    return CodedArticle(article, tuple(events), max(1, len(events)))


def story(i: int, *events: Event) -> CodedArticle:
    return coded(f"story number {i}", *events)


RANDOM_ACTORS = ["JPN", "JPNGOV", "USA", "USAMIL", "CHN", "RUS", "NAT", "UNO"]


def random_stories(first: int, count: int, seed: int) -> list[CodedArticle]:
    """``count`` stories of one to five events among :data:`RANDOM_ACTORS` over a year and a half.

    The same ``seed`` gives the same stories; many events are reported by more than one, some
    are background events, some have a place.
    """
    rng = random.Random(seed)
    stories = []
    for i in range(first, first + count):
        events = []
        for j in range(rng.randint(1, 5)):
            source, target = rng.choice(RANDOM_ACTORS), rng.choice(RANDOM_ACTORS)
            day = (dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 540, 7))).isoformat()
            cameo, place = rng.choice(sorted(QUADS)), rng.choice([None, "Tokyo", "Osaka"])
            events.append(event(source, target, cameo, day, place, sentence_index=j, current=rng.random() > 0.1))
        stories.append(story(i, *events))
    return stories
