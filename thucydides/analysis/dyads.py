"""Dyads: how two actors treat each other over time, and which pairs interact most."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..store import Store
from .actors import ActorSpec, actor_key, both_ways, resolve_actor
from .kept import kept
from .periods import COUNTED, Days, Period, count_days, fill, undated
from .scope import FREQS, Scope, check_choice, quad_sums

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_FIELDS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
RANKED = 500  # pairs ranked at once and kept: every shorter list of top dyads is its start


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
    or over the scope's dates when it has them. Every period is added up from the pair's
    days (:func:`dyad_days`), which the timelines of every frequency and date range share.
    """
    check_choice("frequency", freq, FREQS)
    scope = scope or Scope()
    pair = dyad_days(store, source, target, directed, undated(scope))
    periods = fill(pair.days.by(freq, scope.start, scope.end), freq, scope)
    return DyadTimeline(pair.source, pair.target, freq, directed, scope.unit, periods)


@dataclass(frozen=True)
class DyadDays:
    """A pair's counts per day (:class:`Days`), with the pair as resolved."""

    source: ActorSpec
    target: ActorSpec
    days: Days


@kept
def dyad_days(store: Store, source: str, target: str, directed: bool, scope: Scope) -> DyadDays:
    """The events of ``source`` → ``target`` (both ways when not ``directed``) in ``scope``, counted per day."""
    with store.reading():
        a, b = resolve_actor(store, source), resolve_actor(store, target)
        where, params = scope.where()
        if directed:
            (a1, pa1), (b2, pb2) = a.condition(1), b.condition(2)
            rows, params = f"events WHERE {where} AND {a1} AND {b2}", [*params, *pa1, *pb2]
        else:
            union, params = both_ways(a, b, COUNTED, where, params)
            rows = f"({union})"
        return DyadDays(a, b, count_days(store, rows, params, scope.weight))


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
