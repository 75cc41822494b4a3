import numpy as np

from thucydides.events.calibration import FEATURES, Calibration, best_threshold, features, fit, split, vector

from ..test_writers import make_event


def test_features_are_generic_facts_of_the_event() -> None:
    found = features(make_event(source=None))
    assert found["no source"] == 1.0 and found["no target"] == 0.0 and found["root 03"] == 1.0
    assert vector(make_event()).shape == (len(FEATURES),)


def test_fit_learns_that_an_event_without_source_is_usually_wrong() -> None:
    rng = np.random.default_rng(0)
    rows, labels = [], []
    for _ in range(400):
        missing = rng.random() < 0.5
        event = make_event(source=None) if missing else make_event()
        rows.append(vector(event))
        labels.append(float(rng.random() < (0.15 if missing else 0.85)))
    w, b = fit(np.array(rows), np.array(labels))
    model = Calibration(tuple(w), b, 0.5)
    assert model.probability(make_event(source=None)) < 0.3 < 0.7 < model.probability(make_event())


def test_best_threshold_drops_the_wrong_tail() -> None:
    probabilities = [0.9, 0.8, 0.7, 0.2, 0.1]
    right = [True, True, True, False, False]
    floor, f1 = best_threshold(probabilities, right, gold_events=3)
    assert 0.2 < floor <= 0.7 and f1 == 1.0


def test_calibrate_replaces_confidence_and_applies_the_floor() -> None:
    weights = tuple(-5.0 if name == "no source" else 0.0 for name in FEATURES)
    model = Calibration(weights, 2.0, 0.5)
    kept, refused = split([make_event(), make_event(source=None)], model, None)
    assert len(kept) == 1 and kept[0].source is not None and kept[0].confidence > 0.8
    assert len(refused) == 1 and refused[0].event.source is None and "under the floor" in refused[0].reason
    assert len(split([make_event(), make_event(source=None)], model, 0.0)[0]) == 2
    assert split([make_event(confidence=0.4)], None, 0.5)[0] == []
