"""Fit the confidence calibration shipped as thucydides/data/model/calibration.json.

    python scripts/calibrate.py corpus/realnews/gold [--coder rules --coder hybrid --coder model]

For each coder (all three by default), codes the development half of the real-news corpus (never the test half) with
calibration switched off, marks every coded event right or wrong by the strict
rule of `thucydides eval` (source principal, target principal, an acceptable code),
and fits a logistic model of rightness on generic facts about each event
(thucydides/events/calibration.py). Five-fold cross-validation by story gives the
honest figures and chooses the coder's default --min-confidence (the floor with the
best strict F1 on held-out folds); the shipped model is then fitted on the whole half.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import random
import sys
from pathlib import Path

import numpy as np

from thucydides.evaluate.corpus import read_corpus
from thucydides.evaluate.run import code_records
from thucydides.evaluate.story import match
from thucydides.events.calibration import (
    CALIBRATION_PATH,
    Calibration,
    best_threshold,
    fit,
    vector,
    write_calibration,
)
from thucydides.events.passes import CODERS
from thucydides.models import Event
from thucydides.pipeline import PipelineConfig

SEED = 13


def labelled(gold_dir: Path, workers: int, coder: str) -> tuple[list[list[Event]], list[list[bool]], list[int], str]:
    gold = read_corpus(gold_dir, "dev")
    config = dataclasses.replace(PipelineConfig(coder=coder), calibrated=False, min_confidence=0.0)
    coded = code_records(gold, config, workers)
    rights: list[list[bool]] = []
    for record, events in zip(gold.records, coded, strict=True):
        pairs, _, _ = match(record.events, events, strict=True)
        right = {id(e) for _, e in pairs}
        rights.append([id(e) in right for e in events])
    digest = hashlib.sha256("\n".join(sorted(r.id for r in gold.records)).encode()).hexdigest()[:16]
    return coded, rights, [len(r.events) for r in gold.records], f"{len(gold.records)} dev stories, ids {digest}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="the corpus gold folder (corpus/realnews/gold)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, default=CALIBRATION_PATH)
    parser.add_argument("--coder", action="append", choices=CODERS, help="the coders to calibrate (default: all)")
    args = parser.parse_args()
    for coder in args.coder or CODERS:
        print(f"## {coder}")
        calibrate_coder(args.gold, args.workers, coder, args.out)
    return 0


def calibrate_coder(gold: Path, workers: int, coder: str, out: Path) -> None:
    coded, rights, gold_counts, trained_on = labelled(gold, workers, coder)
    folds = list(range(len(coded)))
    random.Random(SEED).shuffle(folds)
    held_p: list[float] = []
    held_y: list[bool] = []
    raw_p: list[float] = []
    for k in range(5):
        test = set(folds[k::5])
        x, y = _matrix(coded, rights, [i for i in range(len(coded)) if i not in test])
        w, b = fit(x, y)
        model = Calibration(tuple(w), b, 0.0)
        for i in sorted(test):
            held_p += [model.probability(e) for e in coded[i]]
            raw_p += [e.confidence for e in coded[i]]
            held_y += rights[i]
    floor, f1 = best_threshold(held_p, held_y, sum(gold_counts))
    _, raw_f1 = best_threshold(raw_p, held_y, sum(gold_counts))
    print(f"{len(held_y)} coded events, {sum(held_y)} right; gold {sum(gold_counts)}")
    print(f"cross-validated: floor {floor:.2f} gives strict F1 {f1:.3f} (raw confidence at its best: {raw_f1:.3f})")
    _reliability(held_p, held_y)
    x, y = _matrix(coded, rights, list(range(len(coded))))
    w, b = fit(x, y)
    write_calibration(coder, Calibration(tuple(w), b, floor, trained_on), out)
    print(f"wrote {coder} to {out}")


def _matrix(coded: list[list[Event]], rights: list[list[bool]], rows: list[int]) -> tuple[np.ndarray, np.ndarray]:
    x = [vector(e) for i in rows for e in coded[i]]
    y = [float(r) for i in rows for r in rights[i]]
    return np.array(x), np.array(y)


def _reliability(probabilities: list[float], right: list[bool]) -> None:
    print("| calibrated confidence | events | right |")
    print("|---|---|---|")
    for low in (0.0, 0.2, 0.4, 0.6, 0.8):
        rows = [r for p, r in zip(probabilities, right, strict=True) if low <= p < low + 0.2 + (low == 0.8) * 0.01]
        if rows:
            print(f"| {low:.1f}–{low + 0.2:.1f} | {len(rows)} | {sum(rows) / len(rows):.3f} |")


if __name__ == "__main__":
    sys.exit(main())
