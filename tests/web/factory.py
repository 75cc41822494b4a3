"""Hand-made articles whose events point at the right words, for the web tests (no coding: milliseconds)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from dataclasses import dataclass

from thucydides.models import Actor, Article, CodedArticle, Event, Explanation, Location, Plover, Span

from ..store.factory import GOLDSTEIN, QUADS, actor

_IDS = itertools.count(1000)
PLACES = {
    "Kyiv": Location("Kyiv", "UKR", 50.45, 30.52, geonames_id=703448, fips="UP", full_name="Kyiv, Ukraine"),
    "Tokyo": Location("Tokyo", "JPN", 35.69, 139.69, geonames_id=1850147, fips="JA", full_name="Tokyo, Japan"),
}
NAMES = {"JPN": "Japan", "NAT": "North Atlantic Treaty Organization", "RUS": "Russia", "UKR": "Ukraine", "CHN": "China"}


@dataclass(frozen=True)
class Said:
    """One sentence and the event it reports: who (words), did what (trigger words, code) to whom."""

    text: str
    source: tuple[str, str]  # (actor code, the words naming it)
    target: tuple[str, str]
    trigger: str
    cameo: str
    day: str
    place: str | None = None


def _actor(code: str, words: str, sentence: str, start: int) -> Actor:
    at = sentence.index(words) + start
    base = actor(code, at)
    return dataclasses.replace(
        base, name=NAMES.get(code[:3], code), text=words, end=at + len(words), how=f"the name '{words}'"
    )


def article(name: str, *said: Said, source: str = "Reuters", title: str | None = None) -> CodedArticle:
    """An article made of the sentences, each coded as its event, offsets into the article text."""
    text, events = "", []
    for index, s in enumerate(said):
        start = len(text) + (1 if text else 0)
        text = f"{text} {s.text}" if text else s.text
        trigger_at = s.text.index(s.trigger) + start
        events.append(
            Event(
                event_id=f"{next(_IDS):016x}",
                article_id=name,
                sentence_index=index,
                sentence=s.text,
                sentence_start=start,
                date=dt.date.fromisoformat(s.day),
                source=_actor(s.source[0], s.source[1], s.text, start),
                target=_actor(s.target[0], s.target[1], s.text, start),
                cameo=s.cameo,
                quad_class=QUADS[s.cameo],
                goldstein=GOLDSTEIN[s.cameo],
                plover=Plover("AGREE" if QUADS[s.cameo] < 3 else "ASSAULT", None, ("military",)),
                trigger=Span(s.trigger, trigger_at, trigger_at + len(s.trigger)),
                confidence=0.9,
                explanation=Explanation("rule", "test.yaml:1", f"'{s.trigger}' matches a hand-made pattern"),
                location=PLACES.get(s.place) if s.place else None,
            )
        )
    date = dt.date.fromisoformat(said[-1].day)
    return CodedArticle(Article(name, text, date, title, None, source), tuple(events), len(said))


SCRIPT = "<script>window.__xss = 1</script>"


def stories() -> list[CodedArticle]:
    """Japan and NATO cooperating over three months, China criticising NATO, and a sudden week of war."""
    found = [
        article(
            "japan-nato",
            Said(
                "Japan wants to join the alliance.",
                ("JPN", "Japan"),
                ("NAT", "the alliance"),
                "wants to join",
                "036",
                "2025-01-10",
                "Tokyo",
            ),
            Said(
                "NATO signed a pact with Tokyo.",
                ("NAT", "NATO"),
                ("JPN", "Tokyo"),
                "signed",
                "057",
                "2025-02-12",
                "Tokyo",
            ),
            title="Japan and NATO",
        ),
        article(
            "china-nato",
            Said(
                "China criticised NATO on Monday.", ("CHN", "China"), ("NAT", "NATO"), "criticised", "111", "2025-03-03"
            ),
            source="AFP",
        ),
        article(
            "script-story",
            Said(
                f"{SCRIPT} Russia attacked <b>Ukraine</b> again.",
                ("RUS", "Russia"),
                ("UKR", "<b>Ukraine</b>"),
                "attacked",
                "190",
                "2025-03-20",
                "Kyiv",
            ),
            title=f"{SCRIPT}<i>War</i>",
            source="<img src=x onerror=alert(1)>",
        ),
    ]
    for day in range(21, 28):  # a week of war after a quiet month: an alert
        found.append(
            article(
                f"war-{day}",
                Said(
                    f"Russian forces shelled Kyiv on March {day}.",
                    ("RUSMIL", "Russian forces"),
                    ("UKR", "Kyiv"),
                    "shelled",
                    "190",
                    f"2025-03-{day}",
                    "Kyiv",
                ),
            )
        )
    return found
