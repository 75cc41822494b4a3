"""Timelines' periods, and the counts per day that every frequency and date range of a timeline is added up from.

A timeline of a dyad or an actor (by day, week, month or year, over any dates) is made
from one reading of its events: their counts per day in the scope without its dates
(:class:`Days`). The days are kept (:mod:`.kept`), so the API's timeline by day and the
page's by month up to the last news day, or a second date range, read the events once.
Every count is a whole number (Goldstein scores in millionths), so the sums are exact
in any order and equal what grouping by period in SQL gives.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from ..store import Store
from .scope import GOLDSTEIN_UNIT, Scope, goldstein_units

MAX_FILLED = 10_000  # periods of a timeline filled with empty ones; past it, only those with events
PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
Day = tuple[dt.date | None, int, int, int, int, int]  # day, weight per QuadClass 1–4, Goldstein units


@dataclass(frozen=True)
class Period:
    """Counts for one day, week (starting Monday), month or year."""

    start: dt.date
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    goldstein_sum: float = 0.0

    @property
    def total(self) -> int:
        return self.verbal_cooperation + self.material_cooperation + self.verbal_conflict + self.material_conflict

    @property
    def goldstein_mean(self) -> float | None:
        return self.goldstein_sum / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        total = self.total
        return {
            "start": self.start.isoformat(),
            "verbal_cooperation": self.verbal_cooperation,
            "material_cooperation": self.material_cooperation,
            "verbal_conflict": self.verbal_conflict,
            "material_conflict": self.material_conflict,
            "total": total,
            "goldstein_sum": round(self.goldstein_sum, 3),
            "goldstein_mean": round(self.goldstein_sum / total, 3) if total else None,
        }


@dataclass(frozen=True)
class Days:
    """Counts per day, as whole numbers: the weight per QuadClass and the Goldstein sum in millionths."""

    days: tuple[Day, ...]

    def by(self, freq: str, start: dt.date | None = None, end: dt.date | None = None) -> dict[dt.date, Period]:
        """The days from ``start`` to ``end`` added up into periods of ``freq`` (exactly: sums of whole numbers)."""
        first_of = _PERIOD_STARTS.get(freq, _same_day)
        sums: dict[dt.date, list[int]] = {}
        for day, q1, q2, q3, q4, units in self.days:
            if day is None or (start is not None and day < start) or (end is not None and day > end):
                continue  # undated events have no period; a scope's dates bound the days
            first = first_of(day)
            found = sums.get(first)
            if found is None:
                sums[first] = [q1, q2, q3, q4, units]
            else:
                found[0] += q1
                found[1] += q2
                found[2] += q3
                found[3] += q4
                found[4] += units
        return {first: Period(first, s[0], s[1], s[2], s[3], s[4] / GOLDSTEIN_UNIT) for first, s in sums.items()}


def undated(scope: Scope) -> Scope:
    """The scope without its dates: the days of every date range are read once, then bounded (:meth:`Days.by`)."""
    return replace(scope, start=None, end=None)


# The columns that count_days reads of each event (for the rows of a union: see analysis.actors.either).
COUNTED = "event_date, QuadClass, GoldsteinScale, NumMentions"


def count_days(store: Store, rows: str, params: list[Any], weight: str) -> Days:
    """The events of ``rows`` (a FROM clause: ``events WHERE …``, or a union as a subquery) counted per day.

    ``weight``: 1 per event, or its mentions.
    """
    quads = ", ".join(_weight_of(weight, q) for q in (1, 2, 3, 4))
    sql = (
        f"SELECT event_date, {quads}, coalesce({goldstein_units(weight)}, 0) FROM {rows} "
        "GROUP BY event_date ORDER BY event_date"
    )
    found = store.tuples(sql, params)
    return Days(tuple((day, int(q1), int(q2), int(q3), int(q4), int(units)) for day, q1, q2, q3, q4, units in found))


def _weight_of(weight: str, quad: int) -> str:
    """SQL: the day's weight of one QuadClass (a count where each event weighs 1: a third cheaper than a sum)."""
    if weight == "1":
        return f"count(*) FILTER (WHERE QuadClass = {quad})"
    return f"coalesce(sum({weight}) FILTER (WHERE QuadClass = {quad}), 0)"


def period_start(day: dt.date, freq: str) -> dt.date:
    return _PERIOD_STARTS.get(freq, _same_day)(day)


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _year_start(day: dt.date) -> dt.date:
    return day.replace(month=1, day=1)


def _same_day(day: dt.date) -> dt.date:
    return day


_PERIOD_STARTS = {"day": _same_day, "week": _week_start, "month": _month_start, "year": _year_start}


def next_period(day: dt.date, freq: str) -> dt.date:
    if freq in ("day", "week"):
        return day + dt.timedelta(days=1 if freq == "day" else 7)
    if freq == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day.replace(year=day.year + 1)


def fill(periods: dict[dt.date, Period], freq: str, scope: Scope) -> list[Period]:
    """The periods from the scope's start (else the first event) to its end, empty ones too.

    Past :data:`MAX_FILLED` periods (``from=0001-01-01&freq=day``, or one event dated in year 9999) only those
    with events are given: filling millions of days would take minutes and gigabytes.
    """
    if not periods and (scope.start is None or scope.end is None):
        return []
    first = period_start(scope.start or min(periods), freq)
    last = period_start(scope.end or max(periods), freq)
    if first > last:
        return []
    if (last - first).days > MAX_FILLED * PERIOD_DAYS[freq]:
        return [periods[day] for day in sorted(periods) if first <= day <= last]
    out = [periods.get(first) or Period(first)]
    day = first
    while day < last:  # never a period after the last: after 9999-12 there is none
        day = next_period(day, freq)
        out.append(periods.get(day) or Period(day))
    return out
