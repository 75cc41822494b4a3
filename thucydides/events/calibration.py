"""Calibrated confidence: the probability that a coded event is right, and the precision dial.

The coder's raw confidence says how specific the matched pattern was and whether both
actors were found. Calibration turns it, with a few other generic facts about the
event (which layer produced it, whether an actor is missing or has no country, its
CAMEO root, whether it is a bare statement or background), into the probability that
a careful coder would code the same event. It is a logistic model fitted on the
development half of the real-news corpus (``scripts/calibrate.py``), one model for each
coder (rules, hybrid, model), shipped as ``data/model/calibration.json``;
``--min-confidence`` drops events below a probability, and each coder's default is the
floor that gave the best strict F1 on that half in cross-validation.
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..models import Actor, Event, Refused
from ..resources import DATA_DIR

CALIBRATION_PATH = DATA_DIR / "model" / "calibration.json"
ROOTS = tuple(f"{i:02d}" for i in range(1, 21))


def _no_country(actor: Actor | None) -> bool:
    return actor is not None and not actor.country and not actor.group


def features(event: Event) -> dict[str, float]:
    """Generic facts about an event, none tied to a word or a story."""
    out = {
        "raw confidence": event.confidence,
        "from the model": float(event.explanation.producer == "model"),
        "no source": float(event.source is None),
        "no target": float(event.target is None),
        "source without country": float(_no_country(event.source)),
        "target without country": float(_no_country(event.target)),
        "actor not mentioned": float(any(a is not None and a.start < 0 for a in (event.source, event.target))),
        "mirrored": float("reciprocal" in event.explanation.modifiers),
        "background": float(not event.current),
        "undated": float(event.date is None),
    }
    out[f"root {event.cameo_root}"] = 1.0
    return out


FEATURES = (
    "raw confidence",
    "from the model",
    "no source",
    "no target",
    "source without country",
    "target without country",
    "actor not mentioned",
    "mirrored",
    "background",
    "undated",
    *(f"root {r}" for r in ROOTS),
)


def vector(event: Event) -> np.ndarray:
    found = features(event)
    return np.array([found.get(name, 0.0) for name in FEATURES], dtype=np.float64)


@dataclass(frozen=True)
class Calibration:
    weights: tuple[float, ...]
    bias: float
    min_confidence: float
    trained_on: str = ""

    def probability(self, event: Event) -> float:
        z = float(np.dot(np.array(self.weights), vector(event))) + self.bias
        return round(1.0 / (1.0 + math.exp(-z)), 3)

    def record(self) -> dict[str, object]:
        return {
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "min_confidence": self.min_confidence,
            "trained_on": self.trained_on,
        }


def write_calibration(coder: str, calibration: Calibration, path: Path = CALIBRATION_PATH) -> None:
    """Store ``coder``'s calibration in the file, keeping the other coders' (a file of another feature set goes)."""
    found = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    coders = found.get("coders", {}) if found.get("features") == list(FEATURES) else {}
    coders[coder] = calibration.record()
    text = json.dumps({"features": list(FEATURES), "coders": dict(sorted(coders.items()))}, indent=1)
    path.write_text(text + "\n", encoding="utf-8")


def load_calibration(coder: str, path: Path = CALIBRATION_PATH) -> Calibration | None:
    """The shipped calibration of ``coder``, or None when there is none (raw confidences are then kept)."""
    if not path.exists():
        return None
    found = json.loads(path.read_text(encoding="utf-8"))
    record = found.get("coders", {}).get(coder)
    if record is None or tuple(found.get("features", ())) != FEATURES:
        return None  # not fitted for this coder or for this feature set: run scripts/calibrate.py
    return Calibration(
        weights=tuple(float(w) for w in record["weights"]),
        bias=float(record["bias"]),
        min_confidence=float(record["min_confidence"]),
        trained_on=str(record.get("trained_on", "")),
    )


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised)."""
    rows, cols = x.shape
    design = np.hstack([x, np.ones((rows, 1))])
    w = np.zeros(cols + 1)
    penalty = np.full(cols + 1, l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty * w
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def best_threshold(probabilities: list[float], right: list[bool], gold_events: int) -> tuple[float, float]:
    """The probability floor that gives the best strict F1, and that F1 (events below it are dropped)."""
    best = (0.0, 0.0)
    for floor in sorted({0.0, *(round(p, 2) for p in probabilities)}):
        kept = [r for p, r in zip(probabilities, right, strict=True) if p >= floor]
        tp = sum(kept)
        precision = tp / len(kept) if kept else 0.0
        recall = tp / gold_events if gold_events else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if f1 > best[1] + 1e-9:
            best = (floor, f1)
    return best


def split(
    events: list[Event], calibration: Calibration | None, floor: float | None
) -> tuple[list[Event], list[Refused]]:
    """Events with calibrated confidences, and those below the floor (the coder's default when None) refused."""
    if calibration is None and not floor:
        return events, []
    kept: list[Event] = []
    refused: list[Refused] = []
    limit = floor if floor is not None else (calibration.min_confidence if calibration else 0.0)
    for event in events:
        if calibration is not None:
            event = dataclasses.replace(event, confidence=calibration.probability(event))
        if event.confidence >= limit:
            kept.append(event)
        else:
            refused.append(Refused(event, f"confidence {event.confidence:.2f} is under the floor {limit:.2f}"))
    return kept, refused
