"""Scores: precision, recall and F1 of codes and actors, root confusion, five-class F1, span F1."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..events.control import load_control, plover_events
from ..events.taxonomy import five_class, load_taxonomy
from ..models import Actor, Event
from .gold import GoldEvent, GoldRecord

_ORG_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "NGM")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: list[str], gold: list[str]) -> None:
        overlap = sum((Counter(predicted) & Counter(gold)).values())
        self.tp += overlap
        self.fp += len(predicted) - overlap
        self.fn += len(gold) - overlap

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


def country_level(code: str | None) -> str | None:
    """The entity a code is about: the state for ``JPNGOVMIL``, the group for ``IGOWSTNAT``."""
    if not code:
        return None
    if code[:3] in _ORG_PREFIXES:
        return code[-3:] if len(code) > 3 else code
    return code[:3]


def actor_code(actor: Actor | None) -> str | None:
    return actor.code if actor is not None and actor.code else None


_EVENT_METRICS = (
    "code (root)",
    "code (base)",
    "code (full)",
    "source (country)",
    "source (full code)",
    "target (country)",
    "target (full code)",
    "source+target+root",
)


@dataclass
class EventScores:
    metrics: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in _EVENT_METRICS})
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    source_country: Accuracy = field(default_factory=Accuracy)
    target_country: Accuracy = field(default_factory=Accuracy)
    source_code: Accuracy = field(default_factory=Accuracy)
    target_code: Accuracy = field(default_factory=Accuracy)
    root_accuracy: Accuracy = field(default_factory=Accuracy)
    base_accuracy: Accuracy = field(default_factory=Accuracy)
    no_event_right: Accuracy = field(default_factory=Accuracy)
    coverage: Accuracy = field(default_factory=Accuracy)
    plover: Accuracy = field(default_factory=Accuracy)
    records: int = 0


def score_events(
    records: list[GoldRecord], coded: list[list[Event]], reported: list[list[Event]] | None = None
) -> EventScores:
    """Score event files. Precision, recall and F1 read the emitted events, the event data. What the
    coder made of each gold act (the aligned root and base, the root confusion, the main event's
    PLOVER type) reads the acts each text reports (``reported``: also those refused for want of an
    actor, as the sentence tasks do); the aligned actors read the emitted events."""
    scores = EventScores()
    for k, (record, events) in enumerate(zip(records, coded, strict=True)):
        if record.skip:
            continue
        scores.records += 1
        _score_record(scores, record.events, events, reported[k] if reported is not None else events)
    return scores


def _score_record(scores: EventScores, gold: tuple[GoldEvent, ...], events: list[Event], acts: list[Event]) -> None:
    m = scores.metrics
    m["code (root)"].add([e.cameo_root for e in events], [g.code[:2] for g in gold])
    m["code (base)"].add([e.cameo_base for e in events], [g.code[:3] for g in gold])
    m["code (full)"].add([e.cameo for e in events], [g.code for g in gold])
    for role in ("source", "target"):
        pred = [actor_code(getattr(e, role)) for e in events]
        truth = [getattr(g, role) for g in gold]
        m[f"{role} (full code)"].add([p for p in pred if p], [t for t in truth if t])
        m[f"{role} (country)"].add(
            [c for p in pred if (c := country_level(p))], [c for t in truth if (c := country_level(t))]
        )
    m["source+target+root"].add(
        [f"{country_level(actor_code(e.source))}|{country_level(actor_code(e.target))}|{e.cameo_root}" for e in events],
        [f"{country_level(g.source)}|{country_level(g.target)}|{g.code[:2]}" for g in gold],
    )
    if not gold:
        scores.no_event_right.add(not events)
        return
    scores.coverage.add(bool(events))
    taxonomy = load_taxonomy()
    main = next((e for e in acts if e.cameo_root != "01"), acts[0] if acts else None)
    # a gold file gives CAMEO codes; where PLOVER splits a code by its verb ("resigned" RETREAT, "conceded
    # defeat" CONCEDE, both 0831: control.yaml plover_by_verb), either category is the gold's
    rules = load_control().plover_by_verb
    gold_types = {
        p
        for g in gold
        if g.code[:2] in taxonomy
        for p in plover_events(rules, g.code, taxonomy.get(g.code).plover.event)
    }
    scores.plover.add(main is not None and main.plover.event in gold_types)
    for g, e in _align(gold, acts):
        predicted_root = e.cameo_root if e else "none"
        scores.confusion.setdefault(g.code[:2], Counter())[predicted_root] += 1
        scores.root_accuracy.add(e is not None and e.cameo_root == g.code[:2])
        scores.base_accuracy.add(e is not None and e.cameo_base == g.code[:3])
    for g, e in _align(gold, events):
        for role, country_acc, code_acc in (
            ("source", scores.source_country, scores.source_code),
            ("target", scores.target_country, scores.target_code),
        ):
            truth = getattr(g, role)
            if truth is None:
                continue
            got = actor_code(getattr(e, role)) if e else None
            country_acc.add(country_level(got) == country_level(truth))
            code_acc.add(got == truth)


def _align(gold: tuple[GoldEvent, ...], events: list[Event]) -> list[tuple[GoldEvent, Event | None]]:
    """Pair each gold event with the predicted event that agrees with it most."""
    free = list(events)
    pairs: list[tuple[GoldEvent, Event | None]] = []
    for g in gold:
        best: Event | None = None
        best_score = -1
        for e in free:
            score = 4 * (e.cameo_root == g.code[:2]) + 2 * (e.cameo_base == g.code[:3])
            score += country_level(actor_code(e.source)) == country_level(g.source)
            score += country_level(actor_code(e.target)) == country_level(g.target)
            if score > best_score:
                best, best_score = e, score
        if best is not None:
            free.remove(best)
        pairs.append((g, best))
    return pairs


# -- five classes ----------------------------------------------------------------------


@dataclass
class ClassScores:
    confusion: list[list[int]] = field(default_factory=lambda: [[0] * 6 for _ in range(5)])
    total: int = 0

    def add(self, gold: int, predicted: int | None) -> None:
        self.confusion[gold][5 if predicted is None else predicted] += 1
        self.total += 1

    def f1(self, label: int) -> float:
        tp = self.confusion[label][label]
        fp = sum(self.confusion[g][label] for g in range(5)) - tp
        fn = sum(self.confusion[label]) - tp
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    @property
    def macro_f1(self) -> float:
        return sum(self.f1(k) for k in range(5)) / 5

    @property
    def accuracy(self) -> float:
        return sum(self.confusion[k][k] for k in range(5)) / self.total if self.total else 0.0


def sentence_class(events: list[Event]) -> int | None:
    """The five-class label of a sentence: that of its main (first) event."""
    return five_class(events[0].cameo) if events else None


def score_classes(records: list[GoldRecord], coded: list[list[Event]]) -> ClassScores:
    scores = ClassScores()
    for record, events in zip(records, coded, strict=True):
        if record.label is not None:
            scores.add(record.label, sentence_class(events))
    return scores


# -- spans -------------------------------------------------------------------------------


@dataclass
class SpanScores:
    exact: dict[str, PRF] = field(default_factory=lambda: {"source": PRF(), "target": PRF(), "all": PRF()})
    overlap: PRF = field(default_factory=PRF)
    main: dict[str, PRF] = field(default_factory=lambda: {"source": PRF(), "target": PRF(), "all": PRF()})


def predicted_spans(events: list[Event]) -> set[tuple[str, int, int]]:
    spans: set[tuple[str, int, int]] = set()
    for e in events:
        if "reciprocal" in e.explanation.modifiers:
            continue  # the mirror of another event: the same mentions in swapped roles, not roles of its own
        # an actor that is not mentioned (a domestic event's own state) has no span
        if e.source is not None and e.source.start >= 0:
            spans.add(("S", e.source.start, e.source.end))
        if e.target is not None and e.target.start >= 0:
            spans.add(("T", e.target.start, e.target.end))
    return spans


def score_spans(records: list[GoldRecord], coded: list[list[Event]]) -> SpanScores:
    """Exact and overlapping span F1 of the actors of all events, and of the main (first) event only."""
    scores = SpanScores()
    for record, events in zip(records, coded, strict=True):
        pred = predicted_spans(events)
        gold = _gold_spans(record, pred)
        _exact(scores.exact, pred, gold)
        _overlap(scores.overlap, pred, gold)
        main = predicted_spans(events[:1])
        _exact(scores.main, main, _gold_spans(record, main))
    return scores


def _exact(prfs: dict[str, PRF], pred: set[tuple[str, int, int]], gold: set[tuple[str, int, int]]) -> None:
    for role, key in (("S", "source"), ("T", "target")):
        p = [f"{s}:{e}" for r, s, e in pred if r == role]
        g = [f"{s}:{e}" for r, s, e in gold if r == role]
        prfs[key].add(p, g)
        prfs["all"].add([f"{role}{x}" for x in p], [f"{role}{x}" for x in g])


def _gold_spans(record: GoldRecord, pred: set[tuple[str, int, int]]) -> set[tuple[str, int, int]]:
    """Gold spans; a reciprocal (R) span counts as whichever role the coder gave it, source by default."""
    out: set[tuple[str, int, int]] = set()
    for role, s, e in record.spans:
        if role == "R":
            role = "T" if ("T", s, e) in pred and ("S", s, e) not in pred else "S"
        out.add((role, s, e))
    return out


def _overlap(prf: PRF, pred: set[tuple[str, int, int]], gold: set[tuple[str, int, int]]) -> None:
    matched_gold: set[tuple[str, int, int]] = set()
    for r, s, e in pred:
        hit = next((g for g in gold if g[0] == r and g not in matched_gold and s < g[2] and g[1] < e), None)
        if hit is None:
            prf.fp += 1
        else:
            prf.tp += 1
            matched_gold.add(hit)
    prf.fn += len(gold) - len(matched_gold)


# -- PLOVER event types --------------------------------------------------------------------------


@dataclass
class PloverScores:
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    total: int = 0
    right: int = 0

    def add(self, gold: str, predicted: str | None) -> None:
        self.confusion.setdefault(gold, Counter())[predicted or "none"] += 1
        self.total += 1
        self.right += gold == predicted

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def f1(self, label: str) -> float:
        tp = self.confusion.get(label, Counter())[label]
        fp = sum(row[label] for g, row in self.confusion.items() if g != label)
        fn = sum(self.confusion.get(label, Counter()).values()) - tp
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    @property
    def macro_f1(self) -> float:
        labels = sorted(self.confusion)
        return sum(self.f1(k) for k in labels) / len(labels) if labels else 0.0


def score_plover(records: list[GoldRecord], coded: list[list[Event]]) -> PloverScores:
    """The PLOVER type of a text's main event against its label.

    The main event is the first one coded, passing over bare statements (CAMEO 01),
    which PLOVER does not count as events of their own, when anything else was coded.
    """
    scores = PloverScores()
    for record, events in zip(records, coded, strict=True):
        if record.plover is not None:
            main = next((e for e in events if e.cameo_root != "01"), events[0] if events else None)
            scores.add(record.plover, main.plover.event if main else None)
    return scores
