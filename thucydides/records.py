"""Lossless plain-dict form of articles and events, for storage, Parquet and worker messages.

``full_record`` keeps every field of an :class:`Event` (the public JSONL record
keeps only the documented ones); ``event_from_record`` turns it back into the
same object, so that ``event_from_record(full_record(e)) == e``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from .models import Actor, Article, Event, Explanation, Location, Plover, Span


def _actor(data: dict[str, Any] | None) -> Actor | None:
    if data is None:
        return None
    return Actor(
        code=data["code"],
        country=data.get("country"),
        group=data.get("group"),
        sector=tuple(data.get("sector") or ()),
        name=data.get("name"),
        text=data.get("text") or "",
        start=int(data.get("start", -1)),
        end=int(data.get("end", -1)),
        how=data.get("how") or "",
        entity_id=data.get("entity_id"),
        passes=tuple(data.get("passes") or ()),
    )


def _actor_dict(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    data = dataclasses.asdict(actor)
    data["sector"] = list(actor.sector)
    data["passes"] = list(actor.passes)
    return data


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def full_record(event: Event) -> dict[str, Any]:
    """Every field of ``event`` as JSON-compatible values."""
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "sentence_start": event.sentence_start,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "current": event.current,
        "source": _actor_dict(event.source),
        "target": _actor_dict(event.target),
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover": {"event": event.plover.event, "mode": event.plover.mode, "context": list(event.plover.context)},
        "trigger": {"text": event.trigger.text, "start": event.trigger.start, "end": event.trigger.end},
        "confidence": event.confidence,
        "explanation": {
            "producer": event.explanation.producer,
            "rule": event.explanation.rule,
            "reason": event.explanation.reason,
            "modifiers": list(event.explanation.modifiers),
            "passes": list(event.explanation.passes),
            "parts": [list(p) for p in event.explanation.parts],
            "probability": event.explanation.probability,
            "factuality": event.explanation.factuality,
        },
        "location": dataclasses.asdict(event.location) if event.location else None,
    }


def event_from_record(data: dict[str, Any]) -> Event:
    """The :class:`Event` a :func:`full_record` dict describes."""
    plover = data["plover"]
    trigger = data["trigger"]
    explanation = data.get("explanation") or {"producer": "rule", "rule": "", "reason": ""}
    location = data.get("location")
    return Event(
        event_id=data["event_id"],
        article_id=data["article_id"],
        sentence_index=int(data["sentence_index"]),
        sentence=data["sentence"],
        sentence_start=int(data.get("sentence_start", 0)),
        date=_date(data.get("date")),
        source=_actor(data.get("source")),
        target=_actor(data.get("target")),
        cameo=data["cameo"],
        quad_class=int(data["quad_class"]),
        goldstein=float(data["goldstein"]),
        plover=Plover(plover["event"], plover.get("mode"), tuple(plover.get("context") or ())),
        trigger=Span(trigger["text"], int(trigger["start"]), int(trigger["end"])),
        confidence=float(data["confidence"]),
        explanation=Explanation(
            explanation["producer"],
            explanation["rule"],
            explanation["reason"],
            tuple(explanation.get("modifiers") or ()),
            tuple(explanation.get("passes") or ()),
            tuple((str(k), str(v)) for k, v in explanation.get("parts") or ()),
            explanation.get("probability"),
            explanation.get("factuality"),
        ),
        location=Location(**location) if location else None,
        date_precision=data.get("date_precision") or "day",
        current=bool(data.get("current", True)),
    )


def article_record(article: Article) -> dict[str, Any]:
    data = dataclasses.asdict(article)
    data["date"] = article.date.isoformat() if article.date else None
    return data


def article_from_record(data: dict[str, Any]) -> Article:
    return Article(
        id=data["id"],
        text=data["text"],
        date=_date(data.get("date")),
        title=data.get("title"),
        url=data.get("url"),
        source=data.get("source"),
        origin=data.get("origin") or "",
    )
