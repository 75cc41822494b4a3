"""How well events are placed and dated, measured on a gold file of hand-checked sentences.

Each gold record is one JSON object per line::

    {"id": "pl-001", "text": "...", "date": "2025-06-03",
     "events": [{"trigger": "toured", "place": "Yokosuka", "country": "JPN",
                 "date": "2025-06-04", "precision": "day", "code": "042", "current": true}]}

A gold event is matched to the coded event whose trigger contains the gold trigger word.
A place is right when the coded one is the same GeoNames entry or lies within 25 km of
the gold place (``lat``/``lon`` in the record, else the gold name looked up in the
gazetteer within the gold country); a gold ``place`` of null asks for no location.

``score_places(pipeline, records)`` scores the whole pipeline; with ``given_triggers=True``
events the coder missed are added at the gold trigger with the gold ``code``, so that the
date and place stage is measured on its own. ``python -m thucydides.where.score FILE``
prints both.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from ..doc import Doc
from ..errors import Errors, InputError
from ..models import Article, Event, Explanation, Location, Plover, Span
from ..parse import Sentence
from ..pipeline import Pipeline
from ..situate import Situator
from .gazetteer import Story, distance, norm
from .places import Placer

PLACE_KM = 25.0


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The records of a gold JSONL file."""
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                dt.date.fromisoformat(record["date"])
                if not isinstance(record["text"], str) or not isinstance(record["events"], list):
                    raise ValueError("'text' must be a string and 'events' a list")
            except (ValueError, KeyError, TypeError) as err:
                raise InputError(Errors.E302, path=path, line=number, detail=str(err)) from None
            records.append(record)
    return records


def score_places(pipeline: Pipeline, records: list[dict[str, Any]], given_triggers: bool = False) -> dict[str, Any]:
    """Event-location country accuracy, place accuracy and date accuracy over the gold events."""
    placer = _placer(pipeline)
    tally = {"gold": 0, "matched": 0, "country": 0, "place": 0, "date": 0, "current": 0}
    misses: list[dict[str, Any]] = []
    for record, events in zip(records, _code(pipeline, records, given_triggers), strict=True):
        for gold in record["events"]:
            tally["gold"] += 1
            event = _match(record["text"], gold["trigger"], events)
            if event is None:
                misses.append({"id": record.get("id"), "trigger": gold["trigger"], "problem": "not coded"})
                continue
            tally["matched"] += 1
            checks = _check(placer, gold, event)
            for name, ok in checks.items():
                tally[name] += ok
            if not all(checks.values()):
                misses.append(_miss(record, gold, event, checks))
    matched = max(tally["matched"], 1)
    return {
        "records": len(records),
        "gold_events": tally["gold"],
        "matched_events": tally["matched"],
        "country_accuracy": round(tally["country"] / matched, 4),
        "place_accuracy": round(tally["place"] / matched, 4),
        "date_accuracy": round(tally["date"] / matched, 4),
        "current_accuracy": round(tally["current"] / matched, 4),
        "misses": misses,
    }


def _placer(pipeline: Pipeline) -> Placer:
    situator = pipeline.situator
    if situator is None:
        situator = pipeline.situator = Situator.load(pipeline.kb)
    return situator.placer


def _articles(records: list[dict[str, Any]]) -> Iterator[Article]:
    for n, r in enumerate(records):
        yield Article(id=str(r.get("id") or n), text=r["text"], date=dt.date.fromisoformat(r["date"]))


def _code(pipeline: Pipeline, records: list[dict[str, Any]], given_triggers: bool) -> Iterator[list[Event]]:
    """The events of each record: those emitted, or with ``given_triggers`` every event the date and place
    stage saw (the coder's and those added at the gold triggers), emitted or refused."""
    articles = list(_articles(records))
    if not given_triggers:
        for coded in pipeline.code(articles):
            yield list(coded.events)
        return
    golds = {article.id: record["events"] for article, record in zip(articles, records, strict=True)}
    for coded in pipeline.code(articles, partial(_gold_events, golds)):
        yield [*coded.events, *(refused.event for refused in coded.refused)]


def _gold_events(
    golds: dict[str, list[dict[str, Any]]], doc: Doc, sentence: Sentence, found: list[Event]
) -> list[Event]:
    """Events at the gold triggers of this sentence that the coder did not find."""
    article = doc.article
    extra: list[Event] = []
    for gold in golds[article.id]:
        for start, end in _word_spans(article.text, gold["trigger"]):
            if not sentence.start <= start < sentence.end or any(_covers(e.trigger, start, end) for e in found):
                continue
            extra.append(
                _bare_event(article, sentence, Span(gold["trigger"], start, end), str(gold.get("code") or "010"))
            )
    return extra


def _bare_event(article: Article, sentence: Sentence, trigger: Span, code: str) -> Event:
    return Event(
        event_id=f"{article.id}-{trigger.start}",
        article_id=article.id,
        sentence_index=sentence.index,
        sentence=sentence.text,
        sentence_start=sentence.start,
        date=article.date,
        source=None,
        target=None,
        cameo=code,
        quad_class=0,
        goldstein=0.0,
        plover=Plover(event=""),
        trigger=trigger,
        confidence=0.0,
        explanation=Explanation(producer="gold", rule="gold trigger", reason="added for scoring"),
    )


def _word_spans(text: str, word: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


def _covers(span: Span, start: int, end: int) -> bool:
    return span.start <= start and end <= span.end


def _match(text: str, trigger: str, events: list[Event]) -> Event | None:
    for start, end in _word_spans(text, trigger):
        for event in events:
            if _covers(event.trigger, start, end):
                return event
    return None


def _check(placer: Placer, gold: dict[str, Any], event: Event) -> dict[str, bool]:
    loc = event.location
    return {
        "country": gold.get("country") == (loc.country if loc is not None else None),
        "place": _same_place(placer, gold, loc),
        "date": (event.date.isoformat() if event.date else None) == gold.get("date")
        and event.date_precision == gold.get("precision", "day"),
        "current": event.current == gold.get("current", True),
    }


def _same_place(placer: Placer, gold: dict[str, Any], loc: Location | None) -> bool:
    name = gold.get("place")
    if name is None or loc is None:
        return name is None and loc is None
    if norm(name) in (norm(loc.name), norm(loc.text)) and gold.get("country") == loc.country:
        return True
    target = gold_place(placer, name, gold.get("country"), gold.get("lat"), gold.get("lon"))
    if target is None or loc.lat is None or loc.lon is None:
        return False
    gid, lat, lon = target
    return (gid is not None and gid == loc.geonames_id) or distance(lat, lon, loc.lat, loc.lon) <= PLACE_KM


def gold_place(
    placer: Placer, name: str, country: str | None, lat: float | None = None, lon: float | None = None
) -> tuple[int | None, float, float] | None:
    """GeoNames id and coordinates of a gold place: as given, else looked up within the gold country."""
    if lat is not None and lon is not None:
        return None, float(lat), float(lon)
    iso2 = placer.iso2.get(country or "") or placer.gaz.iso2_of(country or "") or ""
    places = [p for p in placer.gaz.lookup(name) if not country or p.iso2 == iso2]
    story = Story()
    story.countries[iso2] += 1
    best = placer.gaz.best(norm(name), places, story)
    return (best.geonames_id, best.lat, best.lon) if best is not None else None


def _miss(record: dict[str, Any], gold: dict[str, Any], event: Event, checks: dict[str, bool]) -> dict[str, Any]:
    loc = event.location
    return {
        "id": record.get("id"),
        "trigger": gold["trigger"],
        "problem": ", ".join(k for k, ok in checks.items() if not ok),
        "gold": {k: gold.get(k) for k in ("place", "country", "date", "precision", "current")},
        "coded": {
            "place": loc.name if loc else None,
            "country": loc.country if loc else None,
            "date": event.date.isoformat() if event.date else None,
            "precision": event.date_precision,
            "current": event.current,
        },
    }


def _summary(title: str, result: dict[str, Any]) -> str:
    return (
        f"{title}: {result['matched_events']}/{result['gold_events']} gold events coded; "
        f"country {result['country_accuracy']:.3f}, place {result['place_accuracy']:.3f}, "
        f"date {result['date_accuracy']:.3f}, background flag {result['current_accuracy']:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m thucydides.where.score", description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="gold JSONL file, e.g. tests/data/gold/places.jsonl")
    parser.add_argument("--misses", action="store_true", help="also print every event placed or dated wrongly")
    args = parser.parse_args(argv)
    records = load_gold(args.gold)
    pipeline = Pipeline.load()
    for title, given in (("pipeline", False), ("given the gold triggers", True)):
        result = score_places(pipeline, records, given_triggers=given)
        print(_summary(title, result))
        if args.misses:
            for miss in result["misses"]:
                print("  " + json.dumps(miss, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["gold_place", "load_gold", "score_places"]
