"""Dyads: how two actors treat each other over time, and which pairs interact most."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..store import Store
from .actors import ActorSpec, actor_key, resolve_actor
from .kept import kept
from .scope import FREQS, GOLDSTEIN_UNIT, Scope, check_choice, goldstein_units, quad_sums

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_FIELDS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
RANKED = 500  # pairs ranked at once and kept: every shorter list of top dyads is its start
MAX_FILLED = 10_000  # periods of a timeline filled with empty ones; past it, only those with events
PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}


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
        return {
            "start": self.start.isoformat(),
            "verbal_cooperation": self.verbal_cooperation,
            "material_cooperation": self.material_cooperation,
            "verbal_conflict": self.verbal_conflict,
            "material_conflict": self.material_conflict,
            "total": self.total,
            "goldstein_sum": round(self.goldstein_sum, 3),
            "goldstein_mean": None if self.goldstein_mean is None else round(self.goldstein_mean, 3),
        }


@dataclass(frozen=True)
class DyadTimeline:
    """Events from ``source`` to ``target`` (both ways when not ``directed``) per period."""

    source: ActorSpec
    target: ActorSpec
    freq: str
    directed: bool
    unit: str
    periods: list[Period] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(p.total for p in self.periods)


@kept
def dyad_timeline(
    store: Store,
    source: str,
    target: str,
    freq: str = "month",
    directed: bool = True,
    scope: Scope | None = None,
) -> DyadTimeline:
    """Counts per QuadClass and the Goldstein sum and mean of ``source`` → ``target`` events per ``freq``.

    Periods with no events are included (as zeros) between the first and last event,
    or over the scope's dates when it has them. Weeks, months and years are added up from
    the pair's days (:func:`dyad_days`), which the timelines of every frequency share.
    """
    check_choice("frequency", freq, FREQS)
    scope = scope or Scope()
    days = dyad_days(store, source, target, directed, scope)
    return DyadTimeline(days.source, days.target, freq, directed, scope.unit, _fill(days.by(freq), freq, scope))


@dataclass(frozen=True)
class DyadDays:
    """A pair's counts per day, as whole numbers: the weight per QuadClass and the Goldstein sum in millionths."""

    source: ActorSpec
    target: ActorSpec
    days: tuple[tuple[dt.date | None, int, int, int, int, int], ...]  # day, q1..q4, Goldstein units

    def by(self, freq: str) -> dict[dt.date, Period]:
        """The days added up into periods of ``freq`` (exactly: every sum is of whole numbers)."""
        sums: dict[dt.date, list[int]] = {}
        for day, *counts in self.days:
            if day is None:  # undated events have no period
                continue
            found = sums.setdefault(period_start(day, freq), [0] * len(counts))
            for i, count in enumerate(counts):
                found[i] += count
        return {start: Period(start, s[0], s[1], s[2], s[3], s[4] / GOLDSTEIN_UNIT) for start, s in sums.items()}


@kept
def dyad_days(store: Store, source: str, target: str, directed: bool, scope: Scope) -> DyadDays:
    """The events of ``source`` → ``target`` (both ways when not ``directed``) in ``scope``, counted per day."""
    with store.reading():
        a, b = resolve_actor(store, source), resolve_actor(store, target)
        dyad, params = _dyad_condition(a, b, directed)
        where, more = scope.where()
        w = scope.weight
        quads = ", ".join(f"sum(CASE WHEN QuadClass = {q} THEN {w} ELSE 0 END) AS q{q}" for q in (1, 2, 3, 4))
        sql = (
            f"SELECT event_date, {quads}, coalesce({goldstein_units(w)}, 0) AS units "
            f"FROM events WHERE {where} AND ({dyad}) GROUP BY event_date ORDER BY event_date"
        )
        rows = store.rows(sql, [*more, *params])
    days = tuple(
        (r["event_date"], int(r["q1"]), int(r["q2"]), int(r["q3"]), int(r["q4"]), int(r["units"])) for r in rows
    )
    return DyadDays(a, b, days)


def _dyad_condition(a: ActorSpec, b: ActorSpec, directed: bool) -> tuple[str, list[Any]]:
    (a1, pa1), (b2, pb2) = a.condition(1), b.condition(2)
    sql, params = f"({a1} AND {b2})", [*pa1, *pb2]
    if not directed:
        (b1, pb1), (a2, pa2) = b.condition(1), a.condition(2)
        sql, params = f"{sql} OR ({b1} AND {a2})", [*params, *pb1, *pa2]
    return sql, params


def _period(row: dict[str, Any]) -> Period:
    return Period(
        start=row["period"],
        verbal_cooperation=int(row["q1"]),
        material_cooperation=int(row["q2"]),
        verbal_conflict=int(row["q3"]),
        material_conflict=int(row["q4"]),
        goldstein_sum=float(row["goldstein_sum"] or 0.0),
    )


def period_start(day: dt.date, freq: str) -> dt.date:
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    if freq == "year":
        return day.replace(month=1, day=1)
    return day


def next_period(day: dt.date, freq: str) -> dt.date:
    if freq in ("day", "week"):
        return day + dt.timedelta(days=1 if freq == "day" else 7)
    if freq == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day.replace(year=day.year + 1)


def _fill(periods: dict[dt.date, Period], freq: str, scope: Scope) -> list[Period]:
    """The periods from the scope's start (else the first event) to its end, empty ones too.

    Past :data:`MAX_FILLED` periods (``from=0001-01-01&freq=day``, or one event dated in year 9999) only those
    with events are given: filling millions of days would take minutes and gigabytes.
    """
    periods = {day: p for day, p in periods.items() if day is not None}  # undated events have no period
    if not periods and (scope.start is None or scope.end is None):
        return []
    first = period_start(scope.start or min(periods), freq)
    last = period_start(scope.end or max(periods), freq)
    if first > last:
        return []
    if (last - first).days > MAX_FILLED * PERIOD_DAYS[freq]:
        return [periods[day] for day in sorted(periods) if first <= day <= last]
    out = [periods.get(first, Period(first))]
    day = first
    while day < last:  # never a period after the last: after 9999-12 there is none
        day = next_period(day, freq)
        out.append(periods.get(day, Period(day)))
    return out


def top_dyads(
    store: Store, limit: int = 20, directed: bool = False, scope: Scope | None = None, domestic: bool = False
) -> list[dict[str, Any]]:
    """The pairs of actors (by country, else group, else code) with the most events, most first.

    Each row: ``source``, ``target``, ``events``, ``cooperation`` (QuadClass 1–2),
    ``conflict`` (3–4) and ``goldstein_mean``. Undirected pairs are ordered alphabetically;
    ``domestic`` keeps pairs of one actor with itself (a government and its army).
    The first :data:`RANKED` pairs are ranked once per store version and kept: the overview,
    the dyad chooser and the API share them.
    """
    if limit > RANKED:
        return _ranked_dyads(store, limit, directed, scope or Scope(), domestic)
    return _ranked_dyads(store, RANKED, directed, scope or Scope(), domestic)[:limit]


@kept
def _ranked_dyads(store: Store, limit: int, directed: bool, scope: Scope, domestic: bool) -> list[dict[str, Any]]:
    one, two = actor_key(1), actor_key(2)
    pair = (one, two) if directed else (f"least({one}, {two})", f"greatest({one}, {two})")
    where, params = scope.where()
    where += f" AND {one} IS NOT NULL AND {two} IS NOT NULL" + ("" if domestic else f" AND {one} <> {two}")
    sql = (
        f"SELECT {pair[0]} AS source, {pair[1]} AS target, {quad_sums(scope.weight)} FROM events "
        f"WHERE {where} GROUP BY ALL ORDER BY total DESC, source, target LIMIT ?"
    )
    return [_dyad_row(r) for r in store.rows(sql, [*params, limit])]


def _dyad_row(row: dict[str, Any]) -> dict[str, Any]:
    total = int(row["total"])
    return {
        "source": row["source"],
        "target": row["target"],
        "events": total,
        "cooperation": int(row["q1"] + row["q2"]),
        "conflict": int(row["q3"] + row["q4"]),
        "goldstein_mean": round(float(row["goldstein_sum"]) / total, 3) if total else None,
    }
