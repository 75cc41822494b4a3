"""Plain-text tables of evaluation results, for the terminal and for docs/evaluation.md."""

from __future__ import annotations

from ..events.taxonomy import FIVE_CLASS_NAMES
from .run import Evaluation
from .score import EventScores
from .story import ERROR_CLASSES, StoryScores


def render(evaluation: Evaluation) -> str:
    if evaluation.places is not None:
        return _places(evaluation)
    lines = [f"## {evaluation.gold.path.name} ({evaluation.gold.kind}, {len(evaluation.gold.records)} records)", ""]
    if evaluation.events is not None:
        lines += _events(evaluation.events)
    if evaluation.stories is not None:
        lines += stories_table(evaluation.stories)
    if evaluation.classes is not None:
        c = evaluation.classes
        lines += [f"five-class macro-F1 {c.macro_f1:.3f}, accuracy {c.accuracy:.3f} ({c.total} sentences)", ""]
        header = "| gold \\ coded | " + " | ".join(str(k) for k in range(5)) + " | none | F1 |"
        lines += [header, "|" + "---|" * 8]
        for k in range(5):
            row = " | ".join(str(v) for v in c.confusion[k])
            lines.append(f"| {k} {FIVE_CLASS_NAMES[k]} | {row} | {c.f1(k):.3f} |")
        lines.append("")
    if evaluation.plover is not None:
        lines += _plover(evaluation)
    if evaluation.spans is not None:
        sp = evaluation.spans
        lines += ["| spans | precision | recall | F1 |", "|---|---|---|---|"]
        for key, prf in sp.exact.items():
            lines.append(f"| {key} (exact) | {prf.precision:.3f} | {prf.recall:.3f} | {prf.f1:.3f} |")
        o = sp.overlap
        lines.append(f"| all (overlap) | {o.precision:.3f} | {o.recall:.3f} | {o.f1:.3f} |")
        for key, prf in sp.main.items():
            lines.append(f"| {key} (exact, main event only) | {prf.precision:.3f} | {prf.recall:.3f} | {prf.f1:.3f} |")
        lines.append("")
    return "\n".join(lines)


def _events(s: EventScores) -> list[str]:
    lines = ["| measure | precision | recall | F1 |", "|---|---|---|---|"]
    for name, prf in s.metrics.items():
        lines.append(f"| {name} | {prf.precision:.3f} | {prf.recall:.3f} | {prf.f1:.3f} |")
    lines += [
        "",
        f"aligned gold events: root accuracy {s.root_accuracy.value:.3f}, base accuracy {s.base_accuracy.value:.3f} "
        f"({s.root_accuracy.total} events)",
        f"actors of aligned events: source country {s.source_country.value:.3f}, target country "
        f"{s.target_country.value:.3f}, source full code {s.source_code.value:.3f}, "
        f"target full code {s.target_code.value:.3f}",
        f"PLOVER event type of the main event among the gold types: {s.plover.value:.3f}",
        f"records with gold events that got any event: {s.coverage.value:.3f}; "
        f"records expecting no event that got none: {s.no_event_right.value:.3f} ({s.no_event_right.total})",
        "",
    ]
    lines += _confusion(s)
    return lines


def _confusion(s: EventScores) -> list[str]:
    roots = sorted(s.confusion)
    coded = [*sorted({k for row in s.confusion.values() for k in row} - {"none"}), "none"]
    lines = ["root confusion (rows: gold root, columns: coded root of the aligned event)", ""]
    lines.append("| gold | " + " | ".join(coded) + " |")
    lines.append("|" + "---|" * (len(coded) + 1))
    for root in roots:
        row = s.confusion[root]
        lines.append(f"| {root} | " + " | ".join(str(row.get(k, 0)) if row.get(k) else "." for k in coded) + " |")
    lines.append("")
    return lines


def _places(evaluation: Evaluation) -> str:
    p = evaluation.places or {}
    return "\n".join(
        [
            f"## {evaluation.gold.path.name} (places and dates, {p['records']} records)",
            "",
            f"gold events coded: {p['matched_events']} of {p['gold_events']}",
            f"of those: event-location country accuracy {p['country_accuracy']:.3f}, place accuracy "
            f"{p['place_accuracy']:.3f}, date accuracy {p['date_accuracy']:.3f}, "
            f"background flag accuracy {p['current_accuracy']:.3f}",
            "",
        ]
    )


def _plover(evaluation: Evaluation) -> list[str]:
    p = evaluation.plover
    assert p is not None
    lines = [f"PLOVER event-type accuracy {p.accuracy:.3f}, macro-F1 {p.macro_f1:.3f} ({p.total} texts)", ""]
    lines += ["| gold | right | coded as (most often) | F1 |", "|---|---|---|---|"]
    for label in sorted(p.confusion):
        row = p.confusion[label]
        wrong = ", ".join(f"{k} {v}" for k, v in row.most_common(4) if k != label)
        lines.append(f"| {label} | {row[label]} of {sum(row.values())} | {wrong} | {p.f1(label):.3f} |")
    lines.append("")
    return lines


def stories_table(s: StoryScores) -> list[str]:
    """Strict figures of a story corpus, its error classes and the reliability of confidences."""
    fp, fr, ff = s.family_prf()
    lines = [
        f"{s.stories} stories, {s.gold_events} gold events, {s.coded_events} coded events",
        "",
        "| events | precision | recall | F1 |",
        "|---|---|---|---|",
        f"| strict (source, target, code) | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |",
        f"| family (source, target, root) | {fp:.3f} | {fr:.3f} | {ff:.3f} |",
        "",
        "| of the strictly right events | right | of |",
        "|---|---|---|",
        f"| date | {s.date.right} | {s.date.total} ({s.date.value:.3f}) |",
        f"| place (gold names one) | {s.place.right} | {s.place.total} ({s.place.value:.3f}) |",
        f"| no place (gold names none) | {s.no_place.right} | {s.no_place.total} ({s.no_place.value:.3f}) |",
        f"| background flag | {s.background.right} | {s.background.total} ({s.background.value:.3f}) |",
        "",
        "| error class | events |",
        "|---|---|",
    ]
    lines += [f"| {name} | {s.errors[name]} |" for name in ERROR_CLASSES if s.errors[name]]
    lines += ["", "| confidence | coded events | strictly right |", "|---|---|---|"]
    for (low, high), tally in zip(s.bins(), s.reliability, strict=True):
        if tally.total:
            lines.append(f"| {low:.1f}–{min(high, 1.0):.1f} | {tally.total} | {tally.value:.3f} |")
    lines.append("")
    return lines
