"""What every analysis filters on: a date range, the events' origin, and what one event counts as.

Counts are of deduplicated events (``unit="events"``: one per date, source, target,
code and place, however often reported) or of their mentions (``unit="mentions"``:
each report counted). Background events ("since 2022") are left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..errors import Errors, StoreError

UNITS = ("events", "mentions")
FREQS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Scope:
    """Which events an analysis looks at."""

    start: dt.date | None = None
    end: dt.date | None = None
    origin: str | None = None  # 'coded', or 'gdelt:<file>'; None for all
    unit: str = "events"

    def __post_init__(self) -> None:
        check_choice("unit", self.unit, UNITS)

    def where(self) -> tuple[str, list[Any]]:
        """SQL conditions (joined with AND) and their parameters."""
        parts = ["is_current", "event_date IS NOT NULL"]
        params: list[Any] = []
        for sql, value in (("event_date >= ?", self.start), ("event_date <= ?", self.end), ("origin = ?", self.origin)):
            if value is not None:
                parts.append(sql)
                params.append(value)
        return " AND ".join(parts), params

    @property
    def weight(self) -> str:
        return "NumMentions" if self.unit == "mentions" else "1"


def check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise StoreError(Errors.E432, name=name, value=value, detail=f"choose one of {', '.join(choices)}")


def quad_sums(weight: str) -> str:
    """SQL sums of the weight per QuadClass, the total, and the Goldstein sum."""
    quads = ", ".join(f"sum(CASE WHEN QuadClass = {q} THEN {weight} ELSE 0 END) AS q{q}" for q in (1, 2, 3, 4))
    return f"{quads}, sum({weight}) AS total, sum(GoldsteinScale * {weight}) AS goldstein_sum"
