"""The real-news gold corpus: its development and test halves, and the agreement of its two coders.

A story is in the test half when the first hex digit of the SHA-256 of its id is 8–f.
The split is by story, fixed by the id alone, so that adding stories never moves one
from a half to the other.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError, Errors
from .gold import GoldEvent, GoldSet, _gold_event, json_lines, read_gold_jsonl
from .principal import principal

HALVES = ("dev", "test", "all")


def split_of(story_id: str) -> str:
    """``"test"`` or ``"dev"``: the half of the corpus a story belongs to."""
    return "test" if hashlib.sha256(story_id.encode("utf-8")).hexdigest()[0] in "89abcdef" else "dev"


def read_corpus(path: Path, half: str = "all") -> GoldSet:
    """Every story of a gold file, or of the ``*.jsonl`` files of a folder, in one half or both."""
    if half not in HALVES:
        raise DataError(Errors.E311, half=half)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise DataError(Errors.E312, path=path)
    merged = GoldSet(path=path, kind="events")
    for file in files:
        part = read_gold_jsonl(file)
        if part.kind == "stories":
            merged.kind = "stories"
        merged.records += [r for r in part.records if half == "all" or split_of(r.id) == half]
    return merged


def read_coding(directory: Path) -> dict[str, tuple[GoldEvent, ...]]:
    """One coder's events by story id, from the ``*.jsonl`` files of a folder (no text needed)."""
    out: dict[str, tuple[GoldEvent, ...]] = {}
    for file in sorted(directory.glob("*.jsonl")):
        for number, rec in json_lines(file):
            try:
                out[str(rec["id"])] = tuple(_gold_event(e) for e in rec.get("events", []))
            except (KeyError, TypeError, ValueError, AttributeError) as err:
                raise DataError(Errors.E302, path=file, line=number, detail=str(err)) from None
    return out


def _agree(a: GoldEvent, b: GoldEvent, level: int) -> bool:
    """Two coders' events agree: same source and target principals, and codes each accepts from the other."""
    if principal(a.source) != principal(b.source) or principal(a.target) != principal(b.target):
        return False
    if level == 0:
        return True
    return any(x[:level] == y[:level] for x in a.acceptable for y in b.acceptable)


def _matches(first: tuple[GoldEvent, ...], second: tuple[GoldEvent, ...], level: int) -> int:
    free = list(second)
    found = 0
    for a in first:
        hit = next((b for b in free if _agree(a, b, level)), None)
        if hit is not None:
            free.remove(hit)
            found += 1
    return found


@dataclass
class Agreement:
    stories: int
    first_events: int
    second_events: int
    matched: dict[str, int]  # by level: "code (base)", "code (root)", "actors only"

    def f1(self, level: str) -> float:
        total = self.first_events + self.second_events
        return 2 * self.matched[level] / total if total else 0.0


_LEVELS = {"code (base)": 3, "code (root)": 2, "actors only": 0}


def agreement(first: dict[str, tuple[GoldEvent, ...]], second: dict[str, tuple[GoldEvent, ...]]) -> Agreement:
    """Event-level agreement (F1) of two independent codings over the stories both coded."""
    shared = sorted(set(first) & set(second))
    matched = {name: sum(_matches(first[s], second[s], lv) for s in shared) for name, lv in _LEVELS.items()}
    return Agreement(
        stories=len(shared),
        first_events=sum(len(first[s]) for s in shared),
        second_events=sum(len(second[s]) for s in shared),
        matched=matched,
    )
