"""``thucydides eval``: code the gold records and score the result."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..encoding import open_text
from ..events.admit import ATTRIBUTION
from ..models import Article, CodedArticle, Event
from ..parallel import code_items
from ..pipeline import Pipeline, PipelineConfig
from .corpus import read_corpus
from .gold import GoldSet, read_gold
from .score import (
    ClassScores,
    EventScores,
    PloverScores,
    SpanScores,
    score_classes,
    score_events,
    score_plover,
    score_spans,
)
from .story import StoryScores, score_stories


@dataclass
class Evaluation:
    gold: GoldSet
    coded: list[list[Event]]
    events: EventScores | None = None
    classes: ClassScores | None = None
    spans: SpanScores | None = None
    places: dict[str, Any] | None = None
    plover: PloverScores | None = None
    stories: StoryScores | None = None


def is_places_gold(path: Path) -> bool:
    """Place-and-date gold JSONL: its events name a trigger and a place rather than actors."""
    if path.is_dir() or path.suffix.lower() not in (".jsonl", ".ndjson"):
        return False
    with open_text(path) as handle:
        first = next((line for line in handle if line.strip()), "{}")
    events = json.loads(first).get("events") or [{}]
    return "trigger" in events[0] and "place" in events[0] and "source" not in events[0]


def evaluate_places(path: Path, config: PipelineConfig, limit: int | None) -> Evaluation:
    from ..where.score import load_gold, score_places

    records = load_gold(path)[:limit]
    pipeline = Pipeline.load(config)
    result = score_places(pipeline, records)
    return Evaluation(gold=GoldSet(path=path, kind="places"), coded=[], places=result)


def evaluate_file(
    path: Path,
    config: PipelineConfig | None = None,
    workers: int = 1,
    limit: int | None = None,
    half: str = "all",
) -> Evaluation:
    """Code every record of the gold file (or folder of story files) at ``path`` and score it.

    ``half`` keeps only the development or the test half of a story corpus (``evaluate/corpus.py``).
    """
    config = config or PipelineConfig()
    if is_places_gold(path):
        return evaluate_places(path, config, limit)
    is_jsonl = path.is_dir() or path.suffix.lower() in (".jsonl", ".ndjson")
    gold = read_corpus(path, half) if is_jsonl else read_gold(path)
    if limit is not None:
        gold.records = gold.records[:limit]
    if gold.actor_files:
        config = dataclasses.replace(config, actor_files=(*config.actor_files, *(str(p) for p in gold.actor_files)))
    coded, found = code_found(gold, config, workers)
    result = Evaluation(gold=gold, coded=coded)
    if gold.kind == "stories":
        result.stories = score_stories(gold.records, coded)
    elif gold.kind == "events":
        result.events = score_events(gold.records, coded, found)
    elif gold.kind == "classes":
        result.classes = score_classes(gold.records, found)
    elif gold.kind == "plover":
        result.plover = score_plover(gold.records, found)
    else:
        result.spans = score_spans(gold.records, found)
    return result


def code_records(gold: GoldSet, config: PipelineConfig, workers: int) -> list[list[Event]]:
    """The events emitted for each record of ``gold``."""
    return code_found(gold, config, workers)[0]


def code_found(gold: GoldSet, config: PipelineConfig, workers: int) -> tuple[list[list[Event]], list[list[Event]]]:
    """For each record of ``gold``: the events emitted, and the acts the text reports (``reported``)."""
    articles = [Article(id=r.id, text=r.text, date=r.date, origin=f"{gold.path}:{r.id}") for r in gold.records]
    emitted: list[list[Event]] = []
    reports: list[list[Event]] = []
    for result in code_items(articles, config, workers):
        assert isinstance(result, CodedArticle)
        emitted.append(list(result.events))
        reports.append(reported(result))
    return emitted, reports


def reported(coded: CodedArticle) -> list[Event]:
    """The acts a text reports, for the tasks that ask what a sentence or story is about (five classes,
    spans, a story's PLOVER type), whether or not each makes event data.

    Every act the coder weighed for admission, emitted or not (no one named doing it, no one it is
    done to, under the floor), in the order it found them, except the verbs of saying refused as
    attribution ("police said": the saying is how we know, not what happened); when there are none,
    every act found and refused (``--explain``).
    """
    attribution = {id(r.event) for r in coded.refused if r.reason == ATTRIBUTION}
    acts = [e for e in coded.found if id(e) not in attribution]
    if len(coded.found) < len(coded.events):  # a coder that does not record what it weighed
        acts = list(coded.events)
    return acts or [r.event for r in coded.refused]


def summary(evaluation: Evaluation) -> dict[str, Any]:
    """The headline figures as a flat dictionary (for JSON output and docs)."""
    out: dict[str, Any] = {
        "file": str(evaluation.gold.path),
        "kind": evaluation.gold.kind,
        "records": len(evaluation.gold.records),
    }
    if evaluation.places is not None:
        out.update({k: v for k, v in evaluation.places.items() if k != "misses"})
    if evaluation.events is not None:
        s = evaluation.events
        for name, prf in s.metrics.items():
            out[name] = {"precision": round(prf.precision, 3), "recall": round(prf.recall, 3), "f1": round(prf.f1, 3)}
        out["root accuracy (aligned)"] = round(s.root_accuracy.value, 3)
        out["base accuracy (aligned)"] = round(s.base_accuracy.value, 3)
        out["source country accuracy"] = round(s.source_country.value, 3)
        out["target country accuracy"] = round(s.target_country.value, 3)
        out["source code accuracy"] = round(s.source_code.value, 3)
        out["target code accuracy"] = round(s.target_code.value, 3)
        out["coverage"] = round(s.coverage.value, 3)
        out["PLOVER type of the main event"] = round(s.plover.value, 3)
        out["no-event records right"] = round(s.no_event_right.value, 3)
    if evaluation.stories is not None:
        out.update(story_summary(evaluation.stories))
    if evaluation.classes is not None:
        c = evaluation.classes
        out["five-class macro-F1"] = round(c.macro_f1, 3)
        out["five-class accuracy"] = round(c.accuracy, 3)
        out["per-class F1"] = [round(c.f1(k), 3) for k in range(5)]
    if evaluation.plover is not None:
        out["PLOVER event-type accuracy"] = round(evaluation.plover.accuracy, 3)
        out["PLOVER event-type macro-F1"] = round(evaluation.plover.macro_f1, 3)
    if evaluation.spans is not None:
        sp = evaluation.spans
        for key, prf in sp.exact.items():
            out[f"span F1 ({key}, exact)"] = round(prf.f1, 3)
        out["span F1 (overlap)"] = round(sp.overlap.f1, 3)
        for key, prf in sp.main.items():
            out[f"span F1 ({key}, exact, main event)"] = round(prf.f1, 3)
    return out


def story_summary(s: StoryScores) -> dict[str, Any]:
    family = s.family_prf()
    return {
        "gold events": s.gold_events,
        "coded events": s.coded_events,
        "strict precision": round(s.precision, 3),
        "strict recall": round(s.recall, 3),
        "strict F1": round(s.f1, 3),
        "family precision": round(family[0], 3),
        "family recall": round(family[1], 3),
        "date right (matched events)": round(s.date.value, 3),
        "place right (matched events with a gold place)": round(s.place.value, 3),
        "no place where the gold names none (matched events)": round(s.no_place.value, 3),
        "background flag right (matched events)": round(s.background.value, 3),
        "errors": dict(s.errors.most_common()),
    }
